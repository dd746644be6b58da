"""What a transcriber supplied that the document does not state: listed, or dropped.

A record says which of its fields are inferred in ``provenance.inferred``
(:class:`~uphmodel.Inferred`). :func:`inferred` lists them all with their JSON Pointers and
values; :func:`drop_inferred` gives the plan as the document states it.
"""

from __future__ import annotations

from typing import Any

import attrs

from uphmodel._tree import rebuild, walk
from uphmodel.model import Plan

__all__ = ["InferredValue", "drop_inferred", "inferred"]


@attrs.frozen
class InferredValue:
    """A value a transcriber supplied.

    Attributes:
        path: JSON Pointer of the field ("/indicators/4/name").
        value: the value supplied.
        basis: what it rests on, where the plan says.
    """

    path: str
    value: Any
    basis: str | None = None

    def __str__(self) -> str:
        basis = f" ({self.basis})" if self.basis else ""
        return f"{self.path}: {self.value!r}{basis}"


def inferred(plan: Plan) -> tuple[InferredValue, ...]:
    """Every value of ``plan`` that the document does not state, in document order.

    >>> import uphmodel
    >>> plan = uphmodel.Plan(id="p", title="Handlingsplan 2026", kind=uphmodel.PlanKind.OTHER,
    ...     owners=("region-x",), provenance=uphmodel.Provenance(inferred=(
    ...         uphmodel.Inferred(field="owners", basis="the region's logo on the cover"),)))
    >>> [str(v) for v in uphmodel.inferred(plan)]
    ["/owners: ('region-x',) (the region's logo on the cover)"]
    """
    out: list[InferredValue] = []
    for path, record in walk(plan):
        provenance = getattr(record, "provenance", None)
        if provenance is None or not hasattr(provenance, "inferred"):
            continue
        for entry in provenance.inferred:
            if hasattr(record, entry.field) and entry.field not in ("provenance", "extra"):
                out.append(
                    InferredValue(
                        f"{path}/{entry.field}", getattr(record, entry.field), entry.basis
                    )
                )
    return tuple(out)


def drop_inferred(plan: Plan) -> Plan:
    """``plan`` without what the document does not state: every inferred field emptied.

    A field with a default gets it (an empty list, ``None``); a required text becomes empty
    text. What cannot be emptied — a required classification such as a plan's ``kind`` — is
    kept and stays marked inferred.

    >>> import uphmodel
    >>> plan = uphmodel.Plan(id="p", title="Handlingsplan 2026", kind=uphmodel.PlanKind.OTHER,
    ...     owners=("region-x",), provenance=uphmodel.Provenance(inferred=(
    ...         uphmodel.Inferred(field="owners"), uphmodel.Inferred(field="kind"))))
    >>> bare = uphmodel.drop_inferred(plan)
    >>> bare.owners, bare.kind, [i.field for i in bare.provenance.inferred]
    ((), <PlanKind.OTHER: 'other'>, ['kind'])
    """
    return rebuild(plan, _without_inferred)


def _without_inferred(record: Any) -> Any:
    provenance = getattr(record, "provenance", None)
    if provenance is None or not getattr(provenance, "inferred", ()):
        return record
    fields = {f.name: f for f in attrs.fields(type(record))}
    emptied: dict[str, Any] = {}
    kept = []
    for entry in provenance.inferred:
        field = fields.get(entry.field)
        if field is None or entry.field in ("provenance", "extra"):
            kept.append(entry)
        elif field.default is not attrs.NOTHING:
            emptied[entry.field] = field.default
        elif isinstance(getattr(record, entry.field), str):
            emptied[entry.field] = ""
        else:
            kept.append(entry)
    if not emptied:
        return record
    return attrs.evolve(
        record, **emptied, provenance=attrs.evolve(provenance, inferred=tuple(kept))
    )
