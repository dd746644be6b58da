"""Rules about the fields of the document itself: fields uphmodel does not know, and the
fields marked inferred."""

from __future__ import annotations

from collections.abc import Iterator

import attrs

from uphmodel._text import did_you_mean
from uphmodel.converter import unknown_field_message
from uphmodel.model import (
    Plan,
)
from uphmodel.rules._engine import (
    CheckContext,
    Finding,
    Severity,
)

ERROR, WARNING, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO


def _escape(key: str) -> str:
    return key.replace("~", "~0").replace("/", "~1")


def _unknown(plan: Plan, ctx: CheckContext) -> Iterator[Finding]:
    for path, record in ctx.records:
        if not record.extra:
            continue
        known = [f.name for f in attrs.fields(type(record)) if f.name != "extra"]
        for key in record.extra:
            yield Finding(
                path=f"{path}/{_escape(key)}",
                item=getattr(record, "id", None),
                message=f"{unknown_field_message(key, known)}: it is kept as written, but "
                f"uphmodel does not know what it means in a {type(record).__name__}",
            )


def _inferred(plan: Plan, ctx: CheckContext) -> Iterator[Finding]:
    for path, record in ctx.records:
        provenance = getattr(record, "provenance", None)
        if provenance is None:
            continue
        known = [
            f.name for f in attrs.fields(type(record)) if f.name not in ("extra", "provenance")
        ]
        for j, entry in enumerate(provenance.inferred):
            if entry.field not in known:
                yield Finding(
                    path=f"{path}/provenance/inferred/{j}/field",
                    item=getattr(record, "id", None),
                    message=f"{entry.field!r} is marked inferred but is no field of a "
                    f"{type(record).__name__}{did_you_mean(entry.field, known)}",
                )
