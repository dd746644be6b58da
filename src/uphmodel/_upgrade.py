"""Versions of the JSON format, and the steps that bring older documents up to date.

Every change to the format bumps :data:`SCHEMA_VERSION` — the minor number for additions, the
major number for anything an older reader would misread — and adds one :class:`UpgradeStep` from
the previous version to :data:`STEPS`. :func:`upgrade` runs the steps a document needs, in order;
:func:`uphmodel.loads` does so by itself and says so with a :class:`SchemaWarning`. Unknown fields
pass through every step untouched: a step changes only the fields it names.

>>> old = {"schema_version": "1.0", "id": "p", "title": "t", "kind": "other",
...        "related_plans": ["p-2017"], "x_tool": {"kept": True}}
>>> data, notes = upgrade(old)
>>> data["schema_version"], data["relations"], data["x_tool"]
('2.1', [{'plan': 'p-2017', 'kind': 'related'}], {'kept': True})
>>> [n.target for n in notes]
['1.1', '2.0', '2.1']
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable, Iterable
from typing import Any

import attrs

from uphmodel._errors import UphError
from uphmodel._text import shown

__all__ = [
    "SCHEMA_VERSION",
    "STEPS",
    "SchemaWarning",
    "UpgradeError",
    "UpgradeNote",
    "UpgradeStep",
    "upgrade",
    "version_of",
]

#: What kinds of document the format has; each step says how it changes each kind.
KINDS = ("plan", "framework", "crosswalk")


class SchemaWarning(UserWarning):
    """A document was upgraded from an older schema version, or is of a newer minor version."""


class UpgradeError(UphError, ValueError):
    """A document's schema version is missing, malformed, unknown, or newer than this library."""


@attrs.frozen
class UpgradeNote:
    """What one upgrade step did to a document.

    Attributes:
        source: the version before the step.
        target: the version after it.
        path: JSON Pointer of what changed, ``""`` for the document as a whole.
        message: what the step did, or that there was nothing to do.
    """

    source: str
    target: str
    path: str
    message: str

    def __str__(self) -> str:
        where = f" {self.path}:" if self.path else ":"
        return f"{self.source} → {self.target}{where} {self.message}"


#: A step's work on one kind of document: it changes ``data`` in place and says what it did as
#: ``(path, message)`` pairs; saying nothing means there was nothing to change.
StepFunction = Callable[[dict[str, Any]], Iterable[tuple[str, str]]]


def _unchanged(_data: dict[str, Any]) -> Iterable[tuple[str, str]]:
    return ()


@attrs.frozen(kw_only=True)
class UpgradeStep:
    """One step from a schema version to the next.

    Attributes:
        source: the version it upgrades from.
        target: the version it upgrades to.
        summary: what changed in the format, in a line (shown when the step has nothing to do).
        plan: what it does to a plan document.
        framework: what it does to a framework document.
        crosswalk: what it does to a crosswalk document.
    """

    source: str
    target: str
    summary: str
    plan: StepFunction = _unchanged
    framework: StepFunction = _unchanged
    crosswalk: StepFunction = _unchanged


def _relations(data: dict[str, Any]) -> Iterable[tuple[str, str]]:
    """2.0: ``related_plans`` (ids) became ``relations`` (records saying how plans relate)."""
    related = data.pop("related_plans", None)
    if related is None:
        return
    if "relations" in data:  # a field of that name written by some tool: keep both, say so
        data["related_plans"] = related
        yield "/related_plans", "kept as it was: the document already has a field 'relations'"
        return
    if not isinstance(related, list):
        data["related_plans"] = related
        yield "/related_plans", "kept as it was: it is not a list of plan ids"
        return
    data["relations"] = [{"plan": plan, "kind": "related"} for plan in related]
    yield (
        "/relations",
        (
            f"related_plans became relations: {len(related)} plan(s) related without saying how "
            "(kind 'related'); say 'replaces', 'revises', 'supplements', 'follows_up' or "
            "'under_agreement' where the plan does"
        ),
    )


#: Every step, oldest first; each starts where the one before it ended.
STEPS: tuple[UpgradeStep, ...] = (
    UpgradeStep(
        source="1.0",
        target="1.1",
        summary="1.1 adds own frameworks and framework conversions to plans",
    ),
    UpgradeStep(
        source="1.1",
        target="2.0",
        summary=(
            "2.0 holds figures as written (qualifiers, ranges, parts of a whole, unstated and "
            "unknown amounts), which a 1.x reader would take for exact figures"
        ),
        plan=_relations,
    ),
    UpgradeStep(
        source="2.0",
        target="2.1",
        summary=(
            "2.1 adds school terms (2024HT), tertials (2023T2) and terms of office (2022MP) to "
            "periods, and to timelines the recurrence as written, the state of the work, "
            "hedging, and what was inferred"
        ),
    ),
)

#: The version of the JSON format this library writes.
SCHEMA_VERSION = STEPS[-1].target

_VERSION = re.compile(r"^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$")


def version_of(text: object) -> tuple[int, int] | None:
    """``(major, minor)`` of a schema version such as ``"1.1"``, or ``None`` if malformed."""
    match = _VERSION.match(text) if isinstance(text, str) else None
    return None if match is None else (int(match.group(1)), int(match.group(2)))


_CURRENT = version_of(SCHEMA_VERSION)


def check_version(version: object) -> str | None:
    """Why a document of ``version`` cannot be read, or ``None`` when it can (after upgrading).

    A newer minor version of the same major can be read: what it added is kept as unknown
    fields. A newer major version cannot.
    """
    found = version_of(version)
    if version is None:
        return (
            "required field is missing: a document starts with "
            f'"schema_version": "{SCHEMA_VERSION}"'
        )
    if found is None:
        example = repr(SCHEMA_VERSION)
        return f"a schema version is written MAJOR.MINOR, such as {example}; got {shown(version)}"
    assert _CURRENT is not None
    if found[0] > _CURRENT[0]:
        return (
            f"schema_version {version} is newer than this version of uphmodel, which reads up to "
            f"{SCHEMA_VERSION}: upgrade uphmodel to read it"
        )
    if found < _CURRENT and version not in {step.source for step in STEPS}:
        known = ", ".join(step.source for step in STEPS)
        return f"schema_version {version} was never released (known: {known}, {SCHEMA_VERSION})"
    return None


def upgrade(
    data: dict[str, Any], *, kind: str = "plan", in_place: bool = False
) -> tuple[dict[str, Any], tuple[UpgradeNote, ...]]:
    """``data`` brought up to :data:`SCHEMA_VERSION`, and a note from every step that ran.

    ``data`` is a parsed document (a plan by default; ``kind`` may be ``"framework"`` or
    ``"crosswalk"``) and is not changed: the result is a copy, or ``data`` itself when it is
    current already (with ``in_place=True``, for data no one else holds, the steps change
    ``data`` itself and no copy is made). Raises :class:`UpgradeError` when its version is
    missing, malformed, never released, or newer than this library (a newer minor version
    included: upgrading cannot make a document older).
    """
    if kind not in KINDS:
        raise ValueError(f"kind must be one of {', '.join(KINDS)}, not {kind!r}")
    if not isinstance(data, dict):
        raise UpgradeError(f"a document is a JSON object, not {type(data).__name__}")
    version = data.get("schema_version")
    problem = check_version(version)
    if problem is None and version_of(version) > _CURRENT:  # type: ignore[operator]
        problem = (
            f"schema_version {version} is newer than this version of uphmodel "
            f"({SCHEMA_VERSION}); it cannot be brought down to an older version"
        )
    if problem is not None:
        raise UpgradeError(problem)
    if version == SCHEMA_VERSION:
        return data, ()
    out = data if in_place else copy.deepcopy(data)
    notes: list[UpgradeNote] = []
    start = next(i for i, step in enumerate(STEPS) if step.source == version)
    for step in STEPS[start:]:
        said = [
            UpgradeNote(step.source, step.target, path, message)
            for path, message in getattr(step, kind)(out)
        ]
        notes.extend(
            said
            or [UpgradeNote(step.source, step.target, "", f"nothing to change; {step.summary}")]
        )
        out["schema_version"] = step.target
    return out, tuple(notes)
