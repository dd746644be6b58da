"""The command line: summary, examples, fmt; exit status 2 and the problems for bad input."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import attrs
import pytest

import uphmodel
from uphmodel.cli import main


def test_summary_of_a_bundled_example(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["summary", "jamtland-harjedalen-2018"]) == 0
    out = capsys.readouterr().out
    assert "RUN/407/2017" in out
    assert "36 goals (30 long-term, 6 short-term)" in out
    assert "follow-up of 2017: 43 goals" in out
    assert "18 202 437 kr" in out


def test_summary_of_a_file_and_python_m(tmp_path: Path) -> None:
    target = tmp_path / "plan.json"
    target.write_text(uphmodel.examples.text("jamtland-harjedalen-2018"), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "uphmodel", "summary", str(target)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Handlingsplan för kommunerna i Jämtlands län")


def test_examples_lists_names(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["examples"]) == 0
    assert capsys.readouterr().out.split() == list(uphmodel.examples.names())


def test_unreadable_input_exits_2_with_problems(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "broken.json"
    data = json.loads(uphmodel.examples.text("jamtland-harjedalen-2018"))
    data["goals"][3]["horizon"] = "lång"
    data["grants"][0]["amount"] = "4 493 174 kr"
    broken.write_text(json.dumps(data), encoding="utf-8")
    assert main(["summary", str(broken)]) == 2
    err = capsys.readouterr().err
    assert "/goals/3/horizon" in err and "/grants/0/amount" in err
    assert "Traceback" not in err
    assert main(["summary", str(tmp_path / "missing.json")]) == 2
    assert "no such file" in capsys.readouterr().err
    assert main(["summary", str(tmp_path)]) == 2


def test_fmt_rewrites_and_checks(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    canonical = uphmodel.examples.text("jamtland-harjedalen-2018")
    target = tmp_path / "plan.json"
    four_spaces = re.sub(r"\n( +)", lambda m: "\n" + m.group(1) * 2, canonical)
    target.write_text(four_spaces, encoding="utf-8")
    assert main(["fmt", "--check", str(target)]) == 1
    assert "not in canonical form" in capsys.readouterr().err
    assert main(["fmt", str(target)]) == 0
    assert target.read_text(encoding="utf-8") == canonical
    assert main(["fmt", "--check", str(target)]) == 0


def test_validate_reports_findings_and_exit_status(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "jamtland-harjedalen-2018"]) == 1
    out = capsys.readouterr().out
    assert "errors:" in out and "warnings:" in out
    assert "/totals/1/value: 'Summa' is 129 649 but its 8 parts add up to 129 712" in out
    assert out.rstrip().endswith("1 file checked: 1 error, 31 warnings, 0 infos")
    assert main(["validate", "norrbotten-2025-decision"]) == 0
    assert main(["validate", "--disable", "totals.sum", "jamtland-harjedalen-2018"]) == 0
    capsys.readouterr()
    assert main(["validate", "--severity", "totals.sum=warning", "jamtland-harjedalen-2018"]) == 0
    assert main(["validate", "--disable", "no.such.rule", "jamtland-harjedalen-2018"]) == 2
    assert "no such rule" in capsys.readouterr().err


def test_validate_json_and_profiles(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "--format", "json", "jamtland-harjedalen-2018"]) == 1
    data = json.loads(capsys.readouterr().out)
    (result,) = data["files"]
    assert result["summary"] == {"error": 1, "warning": 31, "info": 0}
    first = result["findings"][0]
    assert (first["rule"], first["expected"], first["actual"], first["difference"]) == (
        "totals.sum",
        129712,
        129649,
        -63,
    )
    assert main(["validate", "--format", "json", "--profile", "draft", "vasterbotten-2018"]) == 1
    draft = json.loads(capsys.readouterr().out)["files"][0]
    assert draft["profile"] == "draft" and draft["summary"]["info"] > 0


def test_validate_unreadable_files_exit_2_without_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad_json = tmp_path / "trasig.json"
    bad_json.write_text('{"schema_version": "2.0", "id": ', encoding="utf-8")
    wrong = tmp_path / "fel.json"
    data = json.loads(uphmodel.examples.text("norrbotten-2021"))
    data["activities"][2]["status"] = "pausad"
    wrong.write_text(json.dumps(data), encoding="utf-8")
    dangling = tmp_path / "dinglar.json"
    data = json.loads(uphmodel.examples.text("norrbotten-2021"))
    data["activities"][0]["sections"] = ["s9.9"]
    dangling.write_text(json.dumps(data), encoding="utf-8")
    status = main(["validate", str(bad_json), str(wrong), str(dangling)])
    captured = capsys.readouterr()
    assert status == 2
    assert "not valid JSON" in captured.out
    assert "/activities/2/status" in captured.out
    assert "/activities/0/sections/0: sections refers to 's9.9'" in captured.out
    assert "Traceback" not in captured.out + captured.err
    assert main(["validate", "--format", "json", str(wrong)]) == 2
    (result,) = json.loads(capsys.readouterr().out)["files"]
    assert result["readable"] is False
    assert result["problems"][0]["path"] == "/activities/2/status"


def test_convert_framework_reports_and_writes_the_plan(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "converted.json"
    assert (
        main(["convert-framework", "vasterbotten-2018", "--to", "strategy-2025", "-o", str(out)])
        == 0
    )
    report = capsys.readouterr().out
    assert "converted  /sections/" in report
    assert "participation-rights — no candidate by an accepted relation" in report
    assert report.rstrip().endswith("31 references to convert to strategy-2025: 20 converted, "
                                    "0 ambiguous, 11 unmapped")  # fmt: skip
    converted = uphmodel.load(out)
    assert uphmodel.revert_framework(converted) == uphmodel.examples.load("vasterbotten-2018")
    assert main(["convert-framework", "vasterbotten-2018", "--to", "strategy-2025",
                 "--format", "json"]) == 0  # fmt: skip
    record = json.loads(capsys.readouterr().out)
    assert record["framework"] == "strategy-2025" and len(record["references"]) == 31


def test_convert_framework_bad_input_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["convert-framework", "vasterbotten-2018", "--to", "strategy-2024"]) == 2
    assert "did you mean 'strategy-2025'" in capsys.readouterr().err
    assert main(["convert-framework", "vasterbotten-2018", "--to", "strategy-2025",
                 "--accept", "exact,similar"]) == 2  # fmt: skip
    assert "--accept takes relations" in capsys.readouterr().err
    assert main(["convert-framework", "vasterbotten-2018", "--to", "strategy-2025",
                 "--crosswalk", str(tmp_path / "missing.json")]) == 2  # fmt: skip
    assert "missing.json" in capsys.readouterr().err


def test_frameworks_lists_the_built_in_ones_and_their_codes(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["frameworks"]) == 0
    listing = capsys.readouterr().out
    assert listing.splitlines()[0].startswith("focus-areas-2016  (focus_areas, Regeringen")
    assert "focus-areas-2016--strategy-2025  (crosswalk, editorial)" in listing
    assert main(["frameworks", "strategy-2025"]) == 0
    assert (
        "  fewer-suicides [overall_goal]  Färre liv förlorade i suicid" in capsys.readouterr().out
    )


def test_validate_takes_frameworks_the_plan_refers_to(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    framework = uphmodel.Framework(
        id="rus-2024",
        title="Regional utvecklingsstrategi 2024",
        codes=(uphmodel.FrameworkCode(code="unga-i-fokus", label="Unga i fokus"),),
    )
    uphmodel.dump_framework(framework, tmp_path / "rus.json")
    plan = uphmodel.examples.load("norrbotten-2025-decision")
    goal = uphmodel.Goal(id="g-rus", text="Unga i fokus", focus_areas=("unga-i-fokus",))
    target = tmp_path / "plan.json"
    uphmodel.dump(attrs.evolve(plan, frameworks=(*plan.frameworks, "rus-2024"),
                               goals=(*plan.goals, goal)), target)  # fmt: skip
    assert main(["validate", str(target)]) == 1
    assert "'rus-2024' is not a known framework" in capsys.readouterr().out
    assert main(["validate", str(target), "--framework", str(tmp_path / "rus.json")]) == 0
