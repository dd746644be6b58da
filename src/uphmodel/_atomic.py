"""Writing a file so that a reader sees the old file or the new one, never half of one.

Every writer of the library (``dump``, ``write_xlsx``, ``write_csv``, ``write_parquet``, the
command line) writes through :func:`replacing`: a temporary file beside the target that replaces
it only when complete. On top of that it

- writes through a symbolic link to the file it points to, keeping the link;
- keeps the permissions of the file it replaces (a new file gets those the umask allows);
- removes its temporary file when writing fails, on Ctrl-C (``KeyboardInterrupt``) and on
  ``SIGTERM`` (when no one else handles that signal, it is turned into ``SystemExit`` while the
  file is written, so the clean-up runs);
- names its temporary file ``.NAME.PID.XXXXXXXX.tmp``: a process killed outright (``SIGKILL``,
  a power cut) leaves it behind, and the next write to the same file removes every such file of
  a process that is no longer running;
- says plainly when the folder is missing or not writable.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import signal
import stat
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path
from types import FrameType

__all__ = ["replacing"]


@contextlib.contextmanager
def replacing(path: str | os.PathLike[str]) -> Iterator[Path]:
    """A temporary path to write; when the block ends normally it replaces ``path``.

    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> with replacing(folder / "plan.json") as tmp:
    ...     _ = tmp.write_text("{}")
    >>> (folder / "plan.json").read_text(), sorted(p.name for p in folder.iterdir())
    ('{}', ['plan.json'])
    """
    target = Path(os.path.realpath(path))  # through a symbolic link, to the file it names
    folder = target.parent
    _remove_leftovers(target)
    try:
        fd, name = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.{os.getpid()}.",
                                    suffix=".tmp")  # fmt: skip
    except FileNotFoundError:
        raise FileNotFoundError(
            errno.ENOENT, f"cannot write {path}: the folder {folder} does not exist"
        ) from None
    except PermissionError:
        raise PermissionError(
            errno.EACCES, f"cannot write {path}: the folder {folder} is not writable"
        ) from None
    os.close(fd)
    tmp = Path(name)
    try:
        with _terminate_as_exit():
            yield tmp
            _sync(tmp)
            os.chmod(tmp, _mode_for(target))
            os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    _sync_folder(folder)


def _mode_for(target: Path) -> int:
    try:
        return stat.S_IMODE(os.stat(target).st_mode)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _sync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _sync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _remove_leftovers(target: Path) -> None:
    """Temporary files of earlier writes to ``target`` whose process is gone."""
    pattern = re.compile(rf"^\.{re.escape(target.name)}\.(\d+)\.[^.]+\.tmp$")
    try:
        names = os.listdir(target.parent)
    except OSError:
        return
    for name in names:
        found = pattern.match(name)
        if found and int(found.group(1)) != os.getpid() and not _running(int(found.group(1))):
            with contextlib.suppress(OSError):
                os.unlink(target.parent / name)


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, ValueError):
        return True  # someone else's process, or not a number a process can have
    return True


@contextlib.contextmanager
def _terminate_as_exit() -> Iterator[None]:
    """While the block runs, ``SIGTERM`` raises ``SystemExit`` so clean-up code runs — only
    where no one has set a handler of their own, and only in the main thread."""
    if (
        threading.current_thread() is not threading.main_thread()
        or signal.getsignal(signal.SIGTERM) is not signal.SIG_DFL
    ):
        yield
        return

    def stop(signum: int, _frame: FrameType | None) -> None:
        raise SystemExit(128 + signum)

    signal.signal(signal.SIGTERM, stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
