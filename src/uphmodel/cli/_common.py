"""What the commands share: reading plans and documents named on the command line, writing
what they produce, and the errors that end a command with exit status 2.

A plan on the command line is a file or folder in any format the library reads — told from
its name (``.json``, ``.xlsx``, ``.parquet``) or, for a folder, from what is in it
(``plan.csv``, ``plan.parquet``) — or the name of a bundled example, or ``-``: a JSON document
on standard input (read once, so one argument at most may be ``-``). Where a command writes a
document, ``-`` writes it, as JSON, to standard output.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, TypeVar

from uphmodel import examples
from uphmodel._json import loads, write_text
from uphmodel._limits import Limits, width
from uphmodel.formats import _files as files
from uphmodel.formats._files import FORMATS
from uphmodel.model import Plan

__all__ = [
    "FORMATS",
    "STDIN_NAME",
    "STDIO",
    "CommandError",
    "Unreadable",
    "Unwritable",
    "check_extension",
    "exact",
    "format_of",
    "read_bytes",
    "read_document",
    "read_plan",
    "read_plans",
    "read_stdin",
    "reset_stdin",
    "write_document",
    "write_stdout",
    "writing",
]

T = TypeVar("T")

#: The file name that stands for standard input or standard output.
STDIO = "-"
#: How standard input is named in messages.
STDIN_NAME = "<stdin>"

#: The most digits a number on the command line may need written out (as in a document).
_DIGITS = Limits().digits

#: The first bytes of a zip archive, which a workbook (.xlsx) is.
_ZIP = b"PK\x03\x04"


class CommandError(Exception):
    """The command cannot do what it was asked: exit status 2, the message on one line."""


class Unreadable(CommandError):
    """A file given on the command line could not be read; the message says why."""


class Unwritable(CommandError):
    """A file could not be written where the command line said; the message says why."""


def _os_problem(exc: OSError) -> str:
    return exc.strerror or str(exc)


class _Stdin:
    """Whether a command has read standard input already (it can be read once)."""

    taken = False


def reset_stdin() -> None:
    """Make standard input readable again (at the start of each run of the command line)."""
    _Stdin.taken = False


def read_stdin() -> bytes:
    """All of standard input, as bytes; once per run."""
    if _Stdin.taken:
        raise Unreadable(
            "-: standard input is read once; only one argument may be '-' (standard input)"
        )
    _Stdin.taken = True
    stream: Any = sys.stdin
    if stream is None:
        raise Unreadable("-: there is no standard input to read")
    try:
        data = stream.buffer.read() if hasattr(stream, "buffer") else stream.read()
    except OSError as exc:
        raise Unreadable(f"-: cannot read standard input: {_os_problem(exc)}") from None
    return data.encode("utf-8") if isinstance(data, str) else bytes(data)


def _check_name(spec: str) -> None:
    if "\0" in spec:
        raise Unreadable(f"{spec!r}: a file name cannot hold a NUL character")


def read_bytes(spec: str) -> bytes:
    """The bytes of the file ``spec``, or of standard input for ``-``."""
    if spec == STDIO:
        return read_stdin()
    _check_name(spec)
    try:
        return Path(spec).read_bytes()
    except OSError as exc:
        raise Unreadable(f"{spec}: {_os_problem(exc)}") from None


def _exists(path: Path) -> bool:
    _check_name(str(path))
    try:
        return path.exists()
    except OSError as exc:  # a name too long for the system
        raise Unreadable(f"{path}: {_os_problem(exc)}") from None


def format_of(path: Path, *, writing: bool = False) -> str:
    """The format of a plan's file or folder, from its name or what the folder holds."""
    try:
        return files.format_of(path, writing=writing)
    except ValueError as exc:
        if writing:
            suffix = f"the extension {path.suffix!r}" if path.suffix else "the name"
            raise Unreadable(
                f"{path}: cannot tell the format from {suffix} (known: .json, .xlsx, "
                f".parquet, or a folder for CSV files); give --to {'|'.join(FORMATS)}"
            ) from None
        raise Unreadable(str(exc)) from None
    except OSError as exc:
        raise Unreadable(f"{path}: {_os_problem(exc)}") from None


def _plan_from_stdin(fmt: str | None) -> Plan:
    if fmt not in (None, "json"):
        raise Unreadable(f"-: standard input is read as JSON only, not {fmt}")
    data = read_stdin()
    if data.startswith(_ZIP):
        raise Unreadable(
            f"{STDIN_NAME}: a workbook or other zip archive; standard input is read as JSON "
            "only (give the workbook's file name)"
        )
    return loads(data, source=STDIN_NAME)


def read_plans(spec: str, fmt: str | None = None) -> list[Plan]:
    """The plans in the file or folder ``spec`` (or the bundled example of that name, or
    standard input for ``-``)."""
    if spec == STDIO:
        return [_plan_from_stdin(fmt)]
    path = Path(spec)
    if not _exists(path):
        if spec in examples.names():
            return [examples.load(spec)]
        raise Unreadable(
            f"{spec}: no such file, and no bundled example of that name "
            f"(bundled: {', '.join(examples.names())})"
        )
    try:
        return files.read_plans(path, fmt or format_of(path))
    except OSError as exc:
        raise Unreadable(f"{spec}: {_os_problem(exc)}") from None


def read_plan(spec: str) -> Plan:
    """The one plan in ``spec``."""
    plans = read_plans(spec)
    if len(plans) != 1:
        ids = ", ".join(p.id for p in plans)
        raise Unreadable(f"{spec}: holds {len(plans)} plans ({ids}), not one")
    return plans[0]


def read_document(spec: str, reader: Callable[[Any], T]) -> T:
    """A framework or crosswalk from a file given on the command line (``-``: standard input);
    ``reader`` is :func:`~uphmodel.load_framework` or :func:`~uphmodel.load_crosswalk`."""
    if spec == STDIO:
        return reader(_NamedBytes(read_stdin()))
    _check_name(spec)
    try:
        return reader(Path(spec))
    except OSError as exc:
        raise Unreadable(f"{spec}: {_os_problem(exc)}") from None


class _NamedBytes:
    """Bytes read from standard input, as an open file that says where it came from."""

    name = STDIN_NAME

    def __init__(self, data: bytes) -> None:
        self._data = data

    def read(self) -> bytes:
        return self._data


def exact(text: str) -> Decimal:
    """An option's exact number (for argparse's ``type``): ``0.1``, ``1 000``, ``0,5``."""
    cleaned = "".join(text.split()).replace("\u2212", "-")
    if "," in cleaned and "." not in cleaned:
        cleaned = cleaned.replace(",", ".")
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if not value.is_finite():
        raise argparse.ArgumentTypeError(f"{text!r} is not a finite number")
    if width(value) > _DIGITS:
        raise argparse.ArgumentTypeError(
            f"{text!r} needs more than the {_DIGITS} digits a number may have written out"
        )
    return value


def check_extension(spec: str, known: Iterable[str], what: str) -> str:
    """The extension of the file ``spec`` that ``what`` (an option or argument) names, when it
    is one of ``known`` (with their dots, lower case); otherwise an error that names both."""
    suffix = Path(spec).suffix.lower()
    allowed = tuple(known)
    if suffix in allowed:
        return suffix
    said = f"an unknown extension {Path(spec).suffix!r}" if suffix else "no extension"
    raise CommandError(f"{what} {spec}: {said}; known: {', '.join(allowed)}")


def write_stdout(text: str) -> None:
    """Write ``text`` to standard output as UTF-8, whatever the terminal's encoding."""
    stream: Any = sys.stdout
    buffer = getattr(stream, "buffer", None)
    if buffer is None:
        stream.write(text)
        return
    stream.flush()
    buffer.write(text.encode("utf-8"))
    buffer.flush()


@contextmanager
def writing(spec: str | Path) -> Iterator[None]:
    """Turn a failure to write ``spec`` into :class:`Unwritable`, naming the file."""
    try:
        yield
    except OSError as exc:
        if isinstance(exc, BrokenPipeError):
            raise
        problem = _os_problem(exc)
        if problem.startswith("cannot write"):  # the library's writer names the file already
            raise Unwritable(problem) from None
        raise Unwritable(f"cannot write {spec}: {problem}") from None


def write_document(text: str, spec: str) -> None:
    """Write a document's text to the file ``spec`` atomically, or to standard output for
    ``-``."""
    if spec == STDIO:
        write_stdout(text)
        return
    with writing(spec):
        write_text(text, Path(spec))
