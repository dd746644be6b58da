"""The command line under bad input: no traceback, one line on standard error, the documented
exit status; ``-`` for standard input and output; Swedish CSV keys; file names' extensions."""

from __future__ import annotations

import io
import json
import os
import platform
import re
import signal
import subprocess
import sys
import time
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest

import uphmodel
from uphmodel import cli
from uphmodel.cli import _plans, main

from .conftest import ROOT

NAME = "jamtland-harjedalen-2018"
FIXTURES = Path(__file__).parent / "fixtures"
JUNK = bytes(range(256)) * 4  # NUL, bytes that are not UTF-8, control characters
DEEP = b"[" * 100_000 + b"]" * 100_000

#: The exit statuses the command line documents.
STATUSES = {0, 1, 2, 3, 130}


def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


@pytest.fixture
def bad(tmp_path: Path) -> dict[str, str]:
    """Names of bad files and places, for the table of bad invocations."""
    files = {
        "empty": b"",
        "junk": JUNK,
        "latin1": '{"id": "Bräcke"}'.encode("latin-1"),
        "badjson": b'{"schema_version": "2.0", "id": ',
        "deep": DEEP,
        "list": b"[1, 2]",
        "bomonly": b"\xef\xbb\xbf",
        "future": json.dumps({"schema_version": "99.9", "id": "x"}).encode(),
    }
    paths = {"tmp": str(tmp_path), "missing": str(tmp_path / "missing.json")}
    for name, data in files.items():
        (tmp_path / f"{name}.json").write_bytes(data)
        paths[name] = str(tmp_path / f"{name}.json")
    (tmp_path / "dir").mkdir()
    paths["dir"] = str(tmp_path / "dir")
    (tmp_path / "junk.xlsx").write_bytes(JUNK)
    paths["junkxlsx"] = str(tmp_path / "junk.xlsx")
    with zipfile.ZipFile(tmp_path / "zip.xlsx", "w") as archive:
        archive.writestr("hej.txt", "inte en arbetsbok")
    paths["zipxlsx"] = str(tmp_path / "zip.xlsx")
    for folder, table in (("csvdir", "plan.csv"), ("pq.parquet", "plan.parquet")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / table).write_bytes(JUNK)
        paths[folder.replace(".", "")] = str(tmp_path / folder)
    keys = {
        "key": "kommun;folkmängd\nBerg;7 126\nBräcke;6 497\n",
        "dupkey": "Berg;7126\nBräcke;6497\nBerg;1\n",
        "threecols": "Berg,7126,5\nBräcke,6497,0\n",
        "mixed": "Berg;7,126.5\n",
    }
    for name, text in keys.items():
        (tmp_path / f"{name}.csv").write_text(text, encoding="utf-8")
        paths[name] = str(tmp_path / f"{name}.csv")
    (tmp_path / "out.json").mkdir()  # a folder where a file is to be written
    paths["outdir"] = str(tmp_path / "out.json")
    paths["nofolder"] = str(tmp_path / "no" / "such" / "folder")
    return paths


PLAN = uphmodel.examples.text(NAME).encode()
WORKBOOK = b"PK\x03\x04" + JUNK

#: Bad invocations: (id, arguments, standard input, exit status). Names in braces are filled in
#: from the ``bad`` fixture.
CASES: list[tuple[str, list[str], bytes | None, int]] = [
    # summary: every kind of file that is not a plan
    ("summary-missing", ["summary", "{missing}"], None, 2),
    ("summary-dir", ["summary", "{dir}"], None, 2),
    ("summary-empty", ["summary", "{empty}"], None, 2),
    ("summary-junk", ["summary", "{junk}"], None, 2),
    ("summary-latin1", ["summary", "{latin1}"], None, 2),
    ("summary-badjson", ["summary", "{badjson}"], None, 2),
    ("summary-deep", ["summary", "{deep}"], None, 2),
    ("summary-list", ["summary", "{list}"], None, 2),
    ("summary-bom-only", ["summary", "{bomonly}"], None, 2),
    ("summary-junk-xlsx", ["summary", "{junkxlsx}"], None, 2),
    ("summary-zip-xlsx", ["summary", "{zipxlsx}"], None, 2),
    ("summary-junk-csv", ["summary", "{csvdir}"], None, 2),
    ("summary-junk-parquet", ["summary", "{pqparquet}"], None, 2),
    ("summary-future", ["summary", "{future}"], None, 2),
    ("summary-stdin-junk", ["summary", "-"], JUNK, 2),
    ("summary-stdin-empty", ["summary", "-"], b"", 2),
    ("summary-stdin-deep", ["summary", "-"], DEEP, 2),
    ("summary-stdin-workbook", ["summary", "-"], WORKBOOK, 2),
    ("summary-no-plan", ["summary"], None, 2),
    ("summary-wrong-option", ["summary", "--bogus", NAME], None, 2),
    # validate
    ("validate-many-bad", ["validate", "{junk}", "{dir}", "{missing}", "{deep}"], None, 2),
    ("validate-json-bad", ["validate", "--format", "json", "{zipxlsx}"], None, 2),
    ("validate-stdin-twice", ["validate", "-", "-"], PLAN, 2),
    ("validate-framework-junk", ["validate", "--framework", "{junk}", NAME], None, 2),
    ("validate-framework-dir", ["validate", "--framework", "{dir}", NAME], None, 2),
    ("validate-framework-stdin", ["validate", "--framework", "-", NAME], b"{", 2),
    ("validate-tolerance", ["validate", "--tolerance", "abc", NAME], None, 2),
    ("validate-tolerance-nan", ["validate", "--tolerance", "NaN", NAME], None, 2),
    ("validate-severity", ["validate", "--severity", "totals.sum", NAME], None, 2),
    ("validate-no-rule", ["validate", "--disable", "no.such.rule", NAME], None, 2),
    # diff
    ("diff-junk", ["diff", "{junk}", NAME], None, 2),
    ("diff-stdin-bad", ["diff", "-", NAME], b"{]", 2),
    ("diff-stdin-twice", ["diff", "-", "-"], PLAN, 2),
    ("diff-one-side", ["diff", NAME], None, 2),
    # fmt
    ("fmt-dir", ["fmt", "{dir}"], None, 2),
    ("fmt-junk", ["fmt", "{junk}"], None, 2),
    ("fmt-deep", ["fmt", "{deep}"], None, 2),
    ("fmt-workbook", ["fmt", "{zipxlsx}"], None, 2),
    ("fmt-missing", ["fmt", "--check", "{missing}"], None, 2),
    ("fmt-stdin-junk", ["fmt", "-"], JUNK, 2),
    ("fmt-check-stdin-bad", ["fmt", "--check", "-"], b"null", 2),
    # migrate
    ("migrate-dir", ["migrate", "{dir}"], None, 2),
    ("migrate-junk", ["migrate", "{junk}"], None, 2),
    ("migrate-list", ["migrate", "{list}"], None, 2),
    ("migrate-future", ["migrate", "{future}"], None, 2),
    ("migrate-stdin-deep", ["migrate", "-"], DEEP, 2),
    ("migrate-unknown-extension", ["migrate", "-", "{tmp}/plan.txt"], PLAN, 2),
    ("migrate-kind", ["migrate", "--kind", "plan", "-"], b'{"codes": []}', 2),
    # convert
    ("convert-junk", ["convert", "{junk}", "{tmp}/out.xlsx"], None, 2),
    ("convert-stdin-junk", ["convert", "-", "{tmp}/x.json"], JUNK, 2),
    ("convert-stdin-from-xlsx", ["convert", "--from", "xlsx", "-", "{tmp}/x.json"], PLAN, 2),
    ("convert-unknown-extension", ["convert", NAME, "{tmp}/plan.txt"], None, 2),
    ("convert-one-csv-file", ["convert", NAME, "{tmp}/plan-2018.csv"], None, 2),
    ("convert-to-disagrees", ["convert", NAME, "{tmp}/x.xlsx", "--to", "parquet"], None, 2),
    ("convert-stdout-xlsx", ["convert", NAME, "-", "--to", "xlsx"], None, 2),
    ("convert-no-folder", ["convert", NAME, "{nofolder}/plan.json"], None, 2),
    ("convert-no-folder-xlsx", ["convert", NAME, "{nofolder}/plan.xlsx"], None, 2),
    ("convert-onto-folder", ["convert", NAME, "{outdir}"], None, 2),
    ("convert-bad-to", ["convert", NAME, "{tmp}/x.json", "--to", "yaml"], None, 2),
    # allocate
    ("allocate-missing", ["allocate", "100", "--key", "{missing}"], None, 2),
    ("allocate-dir", ["allocate", "100", "--key", "{dir}"], None, 2),
    ("allocate-junk", ["allocate", "100", "--key", "{junk}"], None, 2),
    ("allocate-deep", ["allocate", "100", "--key", "{deep}"], None, 2),
    ("allocate-list", ["allocate", "100", "--key", "{list}"], None, 2),
    ("allocate-party-twice", ["allocate", "100", "--key", "{dupkey}"], None, 2),
    ("allocate-three-columns", ["allocate", "100", "--key", "{threecols}"], None, 2),
    ("allocate-mixed-number", ["allocate", "100", "--key", "{mixed}"], None, 2),
    ("allocate-stdin-junk", ["allocate", "100", "--key", "-"], JUNK, 2),
    ("allocate-stdin-empty", ["allocate", "100", "--key", "-"], b"", 2),
    ("allocate-total", ["allocate", "tusen", "--key", "{key}"], None, 2),
    ("allocate-huge-total", ["allocate", "1e999999", "--key", "{key}"], None, 2),
    ("allocate-tiny-unit", ["allocate", "100", "--key", "{key}", "--unit", "1e-99999"], None, 2),
    (
        "allocate-output-txt",
        ["allocate", "100", "--key", "{key}", "--output", "{tmp}/s.txt"],
        None,
        2,
    ),
    ("allocate-output-none", ["allocate", "100", "--key", "{key}", "--output", "{tmp}/s"], None, 2),
    ("allocate-output-stdout", ["allocate", "100", "--key", "{key}", "--output", "-"], None, 2),
    (
        "allocate-output-no-folder",
        ["allocate", "100", "--key", "{key}", "--output", "{nofolder}/s.csv"],
        None,
        2,
    ),
    ("allocate-plan-key", ["allocate", "100", "--plan", NAME, "--key", "nej"], None, 2),
    ("allocate-plan-stdin", ["allocate", "100", "--plan", "-", "--key", "x"], b"[]", 2),
    ("allocate-no-key", ["allocate", "100"], None, 2),
    # convert-framework, frameworks
    ("convert-framework-unknown", ["convert-framework", NAME, "--to", "nosuch"], None, 2),
    (
        "convert-framework-crosswalk",
        ["convert-framework", NAME, "--to", "strategy-2025", "--crosswalk", "{junk}"],
        None,
        2,
    ),
    (
        "convert-framework-output",
        ["convert-framework", NAME, "--to", "strategy-2025", "-o", "{tmp}/x.txt"],
        None,
        2,
    ),
    (
        "convert-framework-accept",
        ["convert-framework", NAME, "--to", "strategy-2025", "--accept", "exact,similar"],
        None,
        2,
    ),
    ("convert-framework-stdin", ["convert-framework", "-", "--to", "strategy-2025"], JUNK, 2),
    ("frameworks-unknown", ["frameworks", "nosuch"], None, 2),
    # schema, template
    ("schema-yaml", ["schema", "-o", "{tmp}/schema.yaml"], None, 2),
    ("schema-no-folder", ["schema", "-o", "{nofolder}/schema.json"], None, 2),
    ("schema-onto-folder", ["schema", "-o", "{outdir}"], None, 2),
    ("schema-kind", ["schema", "--kind", "nope"], None, 2),
    ("template-txt", ["template", "{tmp}/mall.txt"], None, 2),
    ("template-stdout", ["template", "-"], None, 2),
    ("template-no-folder", ["template", "{nofolder}/mall.xlsx"], None, 2),
    # the command itself
    ("no-command", [], None, 2),
    ("unknown-command", ["nosuchcommand"], None, 2),
    ("unknown-option", ["--bogus"], None, 2),
]


def _check_stderr(err: str, status: int) -> None:
    """Standard error as the command line documents it for a failure."""
    assert "Traceback" not in err
    assert err.strip(), "a failure says why on standard error"
    lines = err.splitlines()
    if lines[0].startswith("usage: "):  # argparse: the usage, then one line of error
        assert lines[-1].startswith("uphmodel") and ": error: " in lines[-1]
        return
    assert lines[0].startswith(("uphmodel: ", "cannot load ")), lines[0]
    for line in lines[1:]:  # only a plan's problems take more than one line
        assert line.startswith(("  ", "uphmodel: ", "cannot load ")), line
    assert status in STATUSES


@pytest.mark.parametrize(("argv", "stdin", "status"), [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])  # fmt: skip
def test_a_bad_invocation_exits_as_documented_without_traceback(
    bad: dict[str, str],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    argv: list[str],
    stdin: bytes | None,
    status: int,
) -> None:
    monkeypatch.delenv("UPHMODEL_DEBUG", raising=False)
    if stdin is not None:
        _stdin(monkeypatch, stdin)
    before = sorted(Path(bad["tmp"]).rglob("*"))
    assert main([arg.format(**bad) for arg in argv]) == status
    _check_stderr(capsys.readouterr().err, status)
    assert sorted(Path(bad["tmp"]).rglob("*")) == before, "a failed command writes nothing"


def test_the_table_covers_every_command() -> None:
    assert len(CASES) >= 40
    named = {argv[0] for _id, argv, _stdin, _status in CASES if argv}
    commands = set(cli._parser()._subparsers._group_actions[0].choices)  # type: ignore[union-attr]
    assert commands - {"examples", "redact"} <= named


SUBPROCESS_CASES = [
    (["summary", "{junk}"], None, 2, "cannot load "),
    (["fmt", "{dir}"], None, 2, "uphmodel: "),
    (["convert", NAME, "{nofolder}/plan.json"], None, 2, "uphmodel: cannot write "),
    (["allocate", "100", "--key", "{dupkey}"], None, 2, "uphmodel: "),
    (["summary", "-"], JUNK, 2, "cannot load <stdin>"),
    (["validate", "--tolerance", "abc", NAME], None, 2, "usage: "),
    (["template", "{tmp}/mall.txt"], None, 2, "uphmodel: OUT "),
]


@pytest.mark.parametrize(("argv", "stdin", "status", "start"), SUBPROCESS_CASES)
def test_a_bad_invocation_in_a_real_process(
    bad: dict[str, str], argv: list[str], stdin: bytes | None, status: int, start: str
) -> None:
    env = {k: v for k, v in os.environ.items() if k != "UPHMODEL_DEBUG"}
    done = subprocess.run(
        [sys.executable, "-m", "uphmodel", *(arg.format(**bad) for arg in argv)],
        input=stdin or b"",
        capture_output=True,
        check=False,
        env=env,
    )
    err = done.stderr.decode("utf-8")
    assert done.returncode == status, err
    assert err.startswith(start)
    _check_stderr(err, status)


# --------------------------------------------------------------------------------------------
# Ctrl-C, internal errors, UPHMODEL_DEBUG


def test_ctrl_c_is_one_line_and_exit_130(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupted(_args: object) -> int:
        raise KeyboardInterrupt

    monkeypatch.setattr(_plans, "_summary", interrupted)
    assert main(["summary", NAME]) == 130
    captured = capsys.readouterr()
    assert captured.err == "uphmodel: interrupted\n"


def test_ctrl_c_while_reading_standard_input(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    class Interrupted(io.BytesIO):
        def read(self, size: int | None = -1) -> bytes:
            raise KeyboardInterrupt

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(Interrupted()))
    assert main(["fmt", "-"]) == 130
    assert capsys.readouterr().err == "uphmodel: interrupted\n"


@pytest.mark.skipif(
    not (sys.platform == "linux" and platform.machine() == "x86_64"),
    reason="tells that the process waits on standard input from /proc/PID/syscall",
)
def test_sigint_to_a_running_command() -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "uphmodel", "summary", "-"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        syscall = Path(f"/proc/{process.pid}/syscall")
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:  # until it waits in read(0, …): main is running
            try:
                fields = syscall.read_text().split()
            except OSError:
                pytest.skip("/proc/PID/syscall cannot be read here")
            if fields[:2] == ["0", "0x0"]:
                break
            time.sleep(0.05)
        else:
            pytest.fail("the command never read its standard input")
        process.send_signal(signal.SIGINT)
        _out, err = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert process.returncode == 130
    assert err.decode() == "uphmodel: interrupted\n"


def _broken(_plan: object) -> str:
    raise RuntimeError("ett fel\nsom tar två rader")


def test_an_internal_error_is_one_line_and_exit_3(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("UPHMODEL_DEBUG", raising=False)
    monkeypatch.setattr(_plans, "summarize", _broken)
    assert main(["summary", NAME]) == 3
    err = capsys.readouterr().err
    assert err == (
        "uphmodel: internal error: RuntimeError: ett fel som tar två rader (please report it; "
        "UPHMODEL_DEBUG=1 shows the traceback)\n"
    )


def test_uphmodel_debug_shows_the_traceback(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("UPHMODEL_DEBUG", "1")
    monkeypatch.setattr(_plans, "summarize", _broken)
    assert main(["summary", NAME]) == 3
    err = capsys.readouterr().err
    assert err.startswith("Traceback (most recent call last):")
    assert "in _broken" in err
    assert err.splitlines()[-1].startswith("uphmodel: internal error: RuntimeError: ett fel")
    assert main(["summary", "no-such-plan"]) == 2  # input errors too, when asked
    assert "Traceback" in capsys.readouterr().err
    monkeypatch.setenv("UPHMODEL_DEBUG", "0")
    assert main(["summary", "no-such-plan"]) == 2
    assert "Traceback" not in capsys.readouterr().err


def test_an_unreadable_file_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "plan.json"
    target.write_text(uphmodel.examples.text(NAME), encoding="utf-8")
    original = Path.read_bytes

    def refused(self: Path) -> bytes:
        if self.name == "plan.json":
            raise PermissionError(13, "Permission denied", str(self))
        return original(self)

    monkeypatch.setattr(Path, "read_bytes", refused)
    for argv in (["summary"], ["fmt"], ["migrate"], ["validate", "--framework"]):
        assert main([*argv, str(target), *(["x"] if argv[0] == "validate" else [])]) == 2
        err = capsys.readouterr().err
        assert err == f"uphmodel: {target}: Permission denied\n", argv


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads any file")
def test_a_file_without_read_permission(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "plan.json"
    target.write_text(uphmodel.examples.text(NAME), encoding="utf-8")
    target.chmod(0)
    assert main(["summary", str(target)]) == 2
    assert capsys.readouterr().err == f"uphmodel: {target}: Permission denied\n"


def test_help_documents_the_exit_statuses(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    listed = {int(n) for n in re.findall(r"^  (\d+) ", out.split("exit status:")[1], re.M)}
    assert listed == STATUSES
    assert main(["--version"]) == 0
    assert capsys.readouterr().out == f"uphmodel {uphmodel.__version__}\n"


def test_the_docs_and_the_docstring_list_the_same_exit_statuses() -> None:
    page = (ROOT / "docs" / "getting-started.md").read_text(encoding="utf-8")
    table = page.split("The exit status says how it went:")[1].split("\n\n")[1]
    assert {int(n) for n in re.findall(r"^\| (\d+) \|", table, re.M)} == STATUSES
    docstring = cli.__doc__ or ""
    listed = re.findall(r"^- (\d+): ", docstring.split("Exit status:")[1], re.M)
    assert {int(n) for n in listed} == STATUSES
    assert {cli.OK, cli.FINDINGS, cli.INPUT_ERROR, cli.INTERNAL_ERROR, cli.INTERRUPTED} == STATUSES


# --------------------------------------------------------------------------------------------
# - for standard input and standard output


def test_every_reading_command_reads_standard_input(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert main(["summary", NAME]) == 0
    expected = capsys.readouterr().out
    _stdin(monkeypatch, PLAN)
    assert main(["summary", "-"]) == 0
    assert capsys.readouterr().out == expected
    _stdin(monkeypatch, PLAN)
    assert main(["validate", "-"]) == 1
    summary = capsys.readouterr().out.rstrip().splitlines()[-1]
    assert summary == "1 file checked: 1 error, 31 warnings, 0 infos"
    _stdin(monkeypatch, PLAN)
    assert main(["diff", "-", NAME]) == 0
    assert "0 changes" in capsys.readouterr().out
    _stdin(monkeypatch, uphmodel.examples.text("norrbotten-2021").encode())
    assert main(["diff", NAME, "-"]) == 1
    _stdin(monkeypatch, PLAN)
    assert main(["allocate", "2500000", "--plan", "-", "--key", "nyckel-regional-niva-2018"]) == 0
    capsys.readouterr()


def test_convert_reads_and_writes_standard_streams(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert main(["convert", NAME, "-"]) == 0
    captured = capsys.readouterr()
    assert captured.out == uphmodel.examples.text(NAME) and captured.err == ""
    _stdin(monkeypatch, PLAN)
    assert main(["convert", "-", str(tmp_path / "plan.xlsx")]) == 0
    capsys.readouterr()
    assert main(["convert", str(tmp_path / "plan.xlsx"), "-", "--to", "json"]) == 0
    assert capsys.readouterr().out == uphmodel.examples.text(NAME)
    assert main(["convert", NAME, str(tmp_path / "csv" / "plan.csv")]) == 0  # the folder
    assert (tmp_path / "csv" / "plan.csv").is_file()
    assert uphmodel.formats.read_plans(tmp_path / "csv") == [uphmodel.examples.load(NAME)]


def test_migrate_reads_and_writes_standard_streams(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    old = FIXTURES / "schema-1.0" / "vasterbotten-2018.json"
    upgraded = (FIXTURES / "schema-1.0" / "upgraded" / "vasterbotten-2018.json").read_text(
        encoding="utf-8"
    )
    copy = tmp_path / "old.json"
    copy.write_bytes(old.read_bytes())
    assert main(["migrate", str(copy), "-"]) == 0
    captured = capsys.readouterr()
    assert captured.out == upgraded and "1.0 → 1.1" in captured.err
    assert copy.read_bytes() == old.read_bytes()  # IN is left as it was
    _stdin(monkeypatch, old.read_bytes())
    assert main(["migrate", "-"]) == 0  # OUT is IN: standard output
    captured = capsys.readouterr()
    assert captured.out == upgraded and "<stdin>: " in captured.err
    _stdin(monkeypatch, old.read_bytes())
    assert main(["migrate", "-", str(tmp_path / "new.json")]) == 0
    assert (tmp_path / "new.json").read_text(encoding="utf-8") == upgraded


def test_fmt_reads_standard_input_and_writes_standard_output(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    loose = re.sub(rb"\n( +)", lambda m: b"\n" + m.group(1) * 2, PLAN)  # four spaces a level
    _stdin(monkeypatch, loose)
    assert main(["fmt", "-"]) == 0
    assert capsys.readouterr().out == uphmodel.examples.text(NAME)
    _stdin(monkeypatch, loose)
    assert main(["fmt", "--check", "-"]) == 1
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err == "<stdin>: not in canonical form\n"
    _stdin(monkeypatch, PLAN)
    assert main(["fmt", "--check", "-"]) == 0
    assert capsys.readouterr() == ("", "")


def test_frameworks_and_schema_on_standard_streams(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _stdin(monkeypatch, PLAN)
    assert main(["convert-framework", "-", "--to", "strategy-2025", "-o", "-"]) == 0
    captured = capsys.readouterr()
    converted = uphmodel.loads(captured.out)
    assert uphmodel.revert_framework(converted) == uphmodel.examples.load(NAME)
    assert "references to convert to strategy-2025" in captured.err  # the report
    framework = uphmodel.frameworks.builtin()["strategy-2025"]
    _stdin(monkeypatch, uphmodel.dumps_framework(framework).encode())
    assert main(["validate", "--framework", "-", NAME]) == 1
    capsys.readouterr()
    assert main(["schema", "-o", "-"]) == 0
    assert json.loads(capsys.readouterr().out) == uphmodel.json_schema()


def test_standard_input_is_read_once(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _stdin(monkeypatch, PLAN)
    assert main(["diff", "-", "-"]) == 2
    assert capsys.readouterr().err == (
        "uphmodel: -: standard input is read once; only one argument may be '-' (standard input)\n"
    )
    _stdin(monkeypatch, PLAN)  # and each run of the command line reads it afresh
    assert main(["summary", "-"]) == 0


def test_a_workbook_on_standard_input_is_told_apart(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert main(["convert", NAME, str(tmp_path / "plan.xlsx")]) == 0
    capsys.readouterr()
    _stdin(monkeypatch, (tmp_path / "plan.xlsx").read_bytes())
    assert main(["summary", "-"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("uphmodel: <stdin>: a workbook") and "JSON only" in err


# --------------------------------------------------------------------------------------------
# fmt and a byte order mark


def test_fmt_drops_a_byte_order_mark(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "plan.json"
    target.write_bytes(b"\xef\xbb\xbf" + PLAN)
    assert main(["fmt", "--check", str(target)]) == 1
    assert capsys.readouterr().err == f"{target}: not in canonical form\n"
    assert target.read_bytes().startswith(b"\xef\xbb\xbf")  # --check changes nothing
    assert main(["fmt", str(target)]) == 0
    assert target.read_bytes() == PLAN
    assert main(["fmt", "--check", str(target)]) == 0


def test_fmt_goes_on_past_a_bad_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good, broken = tmp_path / "good.json", tmp_path / "broken.json"
    good.write_bytes(re.sub(rb"\n( +)", lambda m: b"\n" + m.group(1) * 2, PLAN))
    broken.write_bytes(JUNK)
    assert main(["fmt", str(broken), str(good)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"cannot load {broken}: 1 problem")
    assert good.read_bytes() == PLAN


# --------------------------------------------------------------------------------------------
# allocate: Swedish CSV keys


def _shares(capsys: pytest.CaptureFixture[str]) -> list[list[str]]:
    lines = capsys.readouterr().out.splitlines()
    return [line.split() for line in lines[1:-2]]


@pytest.mark.parametrize(
    "text",
    [
        "\ufeffKommun;Folkmängd\r\nBerg;7\u00a0126,5\r\nBräcke;6 497\r\n;;\r\n",
        "Berg;7126,5\nBräcke;6497\n",
        "kommun,folkmängd\nBerg,7126.5\nBräcke,6497\n",
        'Berg,"7 126,5"\nBräcke,6497.0\n',
        "Berg\t7126.5\nBräcke\t6 497\n",
    ],
    ids=["excel-sv", "semicolon", "comma", "quoted-comma", "tab"],
)
def test_allocate_reads_swedish_and_english_csv(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str
) -> None:
    key = tmp_path / "nyckel.csv"
    key.write_text(text, encoding="utf-8")
    out = tmp_path / "split.json"
    assert main(["allocate", "1000", "--key", str(key), "--output", str(out)]) == 0
    capsys.readouterr()
    data = json.loads(out.read_text(encoding="utf-8"), parse_float=Decimal)
    shares = [(s["party"], s["exact"], s["amount"]) for s in data["shares"]]
    assert shares == [("Berg", Decimal("523.1035"), 523), ("Bräcke", Decimal("476.8965"), 477)]


def test_allocate_reads_a_key_on_standard_input(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _stdin(monkeypatch, "Berg;1\nBräcke;3\n".encode())
    assert main(["allocate", "1000", "--key", "-"]) == 0
    assert _shares(capsys) == [["Berg", "250,0000", "250", "0,0000"],
                               ["Bräcke", "750,0000", "750", "0,0000"]]  # fmt: skip
    _stdin(monkeypatch, b'{"Berg": 1, "Br\\u00e4cke": 3}')
    assert main(["allocate", "1000", "--key", "-"]) == 0
    assert [row[:3] for row in _shares(capsys)] == [["Berg", "250,0000", "250"],
                                                    ["Bräcke", "750,0000", "750"]]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Berg;7126\nBräcke;6497\nBerg;1\n", "3: the party 'Berg' is named twice (first on line"),
        ("kommun;vikt\nBerg;1\nBerg ;2\n", "3: the party 'Berg' is named twice (first on line 2)"),
        ("Bra\u0308cke;1\nBr\u00e4cke;2\n", "2: the party 'Bräcke' is named twice"),
        ('{"Berg": 1, "Berg": 2}', "/Berg: this field appears more than once in its object"),
        ("Berg,7126,5\n", "1: expected two columns, party and weight; found 3 (a decimal comma"),
        ("Berg;7,126.5\n", "1: '7,126.5' is not a number"),
        ("kommun;vikt\nBerg;sju\n", "2: 'sju' is not a number"),
        ("Berg;NaN\n", "1: 'NaN' is not a number"),
        (";5\n", "1: a weight without a party"),
        ("kommun;vikt\n", "1: 'vikt' is not a number (and no row after it holds a weight)"),
        ("\n \n", "no party and weight in it"),
    ],
)
def test_allocate_refuses_a_bad_key_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, message: str
) -> None:
    key = tmp_path / ("nyckel.json" if text.startswith("{") else "nyckel.csv")
    key.write_text(text, encoding="utf-8")
    assert main(["allocate", "1000", "--key", str(key)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith(f"uphmodel: {key}") and message in captured.err
    assert len(captured.err.splitlines()) == 1


def test_allocate_says_to_save_a_key_as_utf8(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    key = tmp_path / "nyckel.csv"
    key.write_bytes("Bräcke;6497\n".encode("cp1252"))
    assert main(["allocate", "1000", "--key", str(key)]) == 2
    assert "not UTF-8 text" in capsys.readouterr().err


def test_allocate_takes_swedish_numbers_as_options(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["allocate", "2 500 000", "--plan", NAME, "--key", "nyckel-regional-niva-2018",
                 "--unit", "0,1"]) == 0  # fmt: skip
    assert "68 671,4" in capsys.readouterr().out


# --------------------------------------------------------------------------------------------
# names of files to write


def test_allocate_output_with_an_unknown_extension_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    key = tmp_path / "nyckel.csv"
    key.write_text("Berg;1\nBräcke;1\n", encoding="utf-8")
    out = tmp_path / "split.xlsx"
    assert main(["allocate", "100", "--key", str(key), "--output", str(out)]) == 2
    assert capsys.readouterr().err == (
        f"uphmodel: --output {out}: an unknown extension '.xlsx'; known: .csv, .json\n"
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["nyckel.csv"]
    assert main(["allocate", "100", "--key", str(key), "--output", str(tmp_path / "s.CSV")]) == 0
    assert (tmp_path / "s.CSV").read_text(encoding="utf-8").startswith("party,exact")


def test_convert_refuses_a_name_that_says_another_format(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["convert", NAME, str(tmp_path / "plan.xlsx"), "--to", "parquet"]) == 2
    assert "the extension '.xlsx' says xlsx, but --to says parquet" in capsys.readouterr().err
    assert main(["convert", NAME, str(tmp_path / "plan.txt")]) == 2
    err = capsys.readouterr().err
    assert "the extension '.txt'" in err and "give --to json|xlsx|csv|csv-sv|parquet" in err
    assert main(["convert", NAME, str(tmp_path / "plan-2018.csv")]) == 2
    assert "a plan in CSV is a folder of files" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []
    assert main(["convert", NAME, str(tmp_path / "sv"), "--to", "csv-sv"]) == 0
    assert main(["convert", NAME, str(tmp_path / "plan.parquet"), "--to", "parquet"]) == 0


def test_template_schema_and_converted_plans_need_their_extension(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["template", str(tmp_path / "mall.csv")]) == 2
    assert "unknown extension '.csv'; known: .xlsx" in capsys.readouterr().err
    assert main(["schema", "-o", str(tmp_path / "schema.yaml")]) == 2
    assert "known: .json" in capsys.readouterr().err
    out = tmp_path / "plan.xlsx"
    assert main(["convert-framework", NAME, "--to", "strategy-2025", "-o", str(out)]) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and "known: .json" in captured.err
    assert list(tmp_path.iterdir()) == []
