"""Remove personal data from a plan before it is shared."""

from __future__ import annotations

from typing import Any

import attrs

from uphmodel._tree import rebuild
from uphmodel.model import Plan

__all__ = ["redact"]


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
    return rebuild(plan, _without_personal_data)


def _without_personal_data(record: Any) -> Any:
    personal = {
        f.name: None
        for f in attrs.fields(type(record))
        if f.metadata.get("personal") and getattr(record, f.name) is not None
    }
    return attrs.evolve(record, **personal) if personal else record
