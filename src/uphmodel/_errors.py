"""The exceptions uphmodel raises, all under :class:`UphError`."""

from __future__ import annotations

from collections.abc import Iterable

import attrs


class UphError(Exception):
    """Root of every exception that uphmodel raises on purpose."""


class InvalidValue(UphError, ValueError):
    """A record was given a value that one of its fields cannot hold."""

    def __init__(self, field: str, value: object, problem: str) -> None:
        super().__init__(f"{field}: {problem}")
        self.field = field
        self.value = value
        self.problem = problem


class InvalidType(InvalidValue, TypeError):
    """A record was given a value of a type that one of its fields cannot hold ("x" where an
    enum, a period or a date belongs); both a ``ValueError`` and a ``TypeError``."""


@attrs.frozen
class Problem:
    """One thing wrong with a document: where (a JSON Pointer) and what.

    Attributes:
        path: JSON Pointer (RFC 6901) to the value, ``""`` for the whole document.
        message: what is wrong and what was expected.
        location: where the value is in the file it was read from, when that is not JSON: a
            spreadsheet's sheet and cell (``Aktiviteter!C7``), a table's row and column.
    """

    path: str
    message: str
    location: str | None = None

    def __str__(self) -> str:
        if self.location:
            where = f" ({self.path})" if self.path else ""
            return f"{self.location}{where}: {self.message}"
        return f"{self.path or '/'}: {self.message}"


class LoadError(UphError, ValueError):
    """A document could not be read as a plan; ``problems`` lists everything wrong with it."""

    def __init__(self, problems: Iterable[Problem], source: str | None = None) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        self.source = source
        where = f" {source}" if source else ""
        count = len(self.problems)
        head = f"cannot load{where}: {count} problem{'s' if count != 1 else ''}"
        super().__init__("\n".join([head, *(f"  {p}" for p in self.problems)]))
