"""What the commands share: reading plans and documents named on the command line.

A plan on the command line is a file or folder in any format the library reads — told from
its name (``.json``, ``.xlsx``, ``.parquet``) or, for a folder, from what is in it
(``plan.csv``, ``plan.parquet``) — or the name of a bundled example.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from uphmodel import examples
from uphmodel.formats import _files as files
from uphmodel.formats._files import FORMATS
from uphmodel.model import Plan

__all__ = ["FORMATS", "Unreadable", "format_of", "read_document", "read_plan", "read_plans"]

T = TypeVar("T")


class Unreadable(Exception):
    """A file given on the command line could not be read; the message says why."""


def format_of(path: Path, *, writing: bool = False) -> str:
    """The format of a plan's file or folder, from its name or what the folder holds."""
    try:
        return files.format_of(path, writing=writing)
    except ValueError as exc:
        if writing:
            raise Unreadable(
                f"{path}: cannot tell the format from the name; give --to {'|'.join(FORMATS)}"
            ) from None
        raise Unreadable(str(exc)) from None


def read_plans(spec: str, fmt: str | None = None) -> list[Plan]:
    """The plans in the file or folder ``spec`` (or the bundled example of that name)."""
    path = Path(spec)
    if not path.exists():
        if spec in examples.names():
            return [examples.load(spec)]
        raise Unreadable(
            f"{spec}: no such file, and no bundled example of that name "
            f"(bundled: {', '.join(examples.names())})"
        )
    try:
        return files.read_plans(path, fmt or format_of(path))
    except OSError as exc:
        raise Unreadable(f"{spec}: {exc.strerror or exc}") from None


def read_plan(spec: str) -> Plan:
    """The one plan in ``spec``."""
    plans = read_plans(spec)
    if len(plans) != 1:
        ids = ", ".join(p.id for p in plans)
        raise Unreadable(f"{spec}: holds {len(plans)} plans ({ids}), not one")
    return plans[0]


def read_document(spec: str, reader: Callable[[Path], T]) -> T:
    """A framework or crosswalk from a file given on the command line."""
    try:
        return reader(Path(spec))
    except OSError as exc:
        raise Unreadable(f"{spec}: {exc.strerror or exc}") from None
