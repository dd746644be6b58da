"""Saving is atomic and leaves nothing behind: through symbolic links, keeping permissions,
on failure, Ctrl-C and SIGTERM; a process killed outright has its leftovers removed next time."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import uphmodel
from uphmodel._atomic import replacing

PLAN = uphmodel.examples.load("norrbotten-2021")
TEXT = uphmodel.dumps(PLAN)


def _names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_a_symbolic_link_is_written_through_and_kept(tmp_path: Path) -> None:
    target = tmp_path / "real" / "plan.json"
    target.parent.mkdir()
    target.write_text("{}", "utf-8")
    link = tmp_path / "plan.json"
    link.symlink_to(target)
    uphmodel.dump(PLAN, link)
    assert link.is_symlink() and link.resolve() == target.resolve()
    assert target.read_text("utf-8") == TEXT
    assert _names(target.parent) == ["plan.json"]


def test_the_files_permissions_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "plan.json"
    path.write_text("{}", "utf-8")
    path.chmod(0o640)
    uphmodel.dump(PLAN, path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


def test_a_failed_write_leaves_the_old_file_and_no_temporary_one(tmp_path: Path) -> None:
    path = tmp_path / "plan.json"
    path.write_text("old", "utf-8")
    for error in (RuntimeError("disk full"), KeyboardInterrupt()):
        with pytest.raises(type(error)):
            _write_then_fail(path, error)
        assert path.read_text("utf-8") == "old" and _names(tmp_path) == ["plan.json"]


def _write_then_fail(path: Path, error: BaseException) -> None:
    with replacing(path) as tmp:
        tmp.write_text("half", "utf-8")
        raise error


def test_a_missing_or_unwritable_folder_is_said_plainly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with pytest.raises(FileNotFoundError, match=r"the folder .*nowhere does not exist"):
        uphmodel.dump(PLAN, tmp_path / "nowhere" / "plan.json")

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("tempfile.mkstemp", refuse)  # a read-only folder, even for root
    with pytest.raises(
        PermissionError, match=r"cannot write .*plan.json: the folder .* is not writable"
    ):
        uphmodel.dump(PLAN, tmp_path / "plan.json")


_WRITER = textwrap.dedent("""
    import sys, time
    from uphmodel._atomic import replacing
    with replacing(sys.argv[1]) as tmp:
        tmp.write_text("half", "utf-8")
        print("writing", flush=True)
        time.sleep(60)
""")


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_an_interrupted_write_removes_its_temporary_file(tmp_path: Path, signum: int) -> None:
    path = tmp_path / "plan.json"
    path.write_text("old", "utf-8")
    writer = subprocess.Popen(
        [sys.executable, "-c", _WRITER, str(path)], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    assert writer.stdout is not None and writer.stdout.readline() == b"writing\n"
    assert len(_names(tmp_path)) == 2  # the temporary file is there while it writes
    writer.send_signal(signum)
    writer.wait(timeout=30)
    assert writer.returncode != 0
    assert _names(tmp_path) == ["plan.json"] and path.read_text("utf-8") == "old"


def test_what_a_killed_writer_leaves_is_removed_by_the_next_write(tmp_path: Path) -> None:
    path = tmp_path / "plan.json"
    writer = subprocess.Popen([sys.executable, "-c", _WRITER, str(path)], stdout=subprocess.PIPE)
    assert writer.stdout is not None and writer.stdout.readline() == b"writing\n"
    writer.kill()
    writer.wait(timeout=30)
    leftovers = [n for n in _names(tmp_path) if n.endswith(".tmp")]
    assert len(leftovers) == 1 and f".plan.json.{writer.pid}." in leftovers[0]
    other = tmp_path / f".other.json.{writer.pid}.abcdefgh.tmp"
    other.write_text("not ours", "utf-8")  # another file's leftovers are left to its writer
    uphmodel.dump(PLAN, path)
    assert _names(tmp_path) == [other.name, "plan.json"]
    assert path.read_text("utf-8") == TEXT


def test_a_running_writers_temporary_file_is_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "plan.json"
    writer = subprocess.Popen([sys.executable, "-c", _WRITER, str(path)], stdout=subprocess.PIPE)
    try:
        assert writer.stdout is not None and writer.stdout.readline() == b"writing\n"
        uphmodel.dump(PLAN, path)
        assert len([n for n in _names(tmp_path) if n.endswith(".tmp")]) == 1
    finally:
        writer.kill()
        writer.wait(timeout=30)
    assert os.path.exists(path)
