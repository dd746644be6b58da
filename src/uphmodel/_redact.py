"""Remove personal data from a plan before it is shared."""

from __future__ import annotations

from typing import Any, TypeVar, cast

import attrs

from uphmodel._model import Plan
from uphmodel._period import Period

__all__ = ["redact"]

T = TypeVar("T")


def redact(plan: Plan) -> Plan:
    """A copy of ``plan`` with every field marked as personal data emptied.

    Personal fields are those with ``metadata["personal"]`` (a contact point's name, e-mail and
    phone). Unknown fields (``extra``) are kept as they are: the library cannot know what they
    hold.

    >>> import uphmodel
    >>> plan = uphmodel.Plan(id="p", title="t", kind=uphmodel.PlanKind.OTHER, contacts=(
    ...     uphmodel.ContactPoint(id="c", role="Länssamordnare", email="someone@example.org"),))
    >>> contact = uphmodel.redact(plan).contacts[0]
    >>> contact.role, contact.email
    ('Länssamordnare', None)
    """
    return _redact(plan)


def _redact(value: T) -> T:
    if isinstance(value, tuple):
        items = tuple(_redact(item) for item in value)
        changed = any(new is not old for new, old in zip(items, value, strict=True))
        return items if changed else value  # type: ignore[return-value]
    if not attrs.has(type(value)) or isinstance(value, Period):
        return value
    changes: dict[str, Any] = {}
    for field in attrs.fields(cast(Any, type(value))):
        current = getattr(value, field.name)
        if field.metadata.get("personal"):
            if current is not None:
                changes[field.name] = None
        else:
            new = _redact(current)
            if new is not current:
                changes[field.name] = new
    return attrs.evolve(value, **changes) if changes else value  # type: ignore[misc]
