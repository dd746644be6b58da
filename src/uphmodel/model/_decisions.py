"""Decisions on a plan and its change log."""

from __future__ import annotations

import datetime as dt
import enum

import attrs

from uphmodel._frozen import Extra
from uphmodel._period import Period
from uphmodel._typed import typed
from uphmodel.model._fields import (
    ID,
    extra_field,
    ids_field,
    valid_id,
)
from uphmodel.model._provenance import (
    Provenance,
)

__all__ = ["ChangeLogEntry", "Decision", "DecisionKind"]


class DecisionKind(enum.Enum):
    """What a decision or anchoring event did."""

    ANCHORED = "anchored"  #: förankring
    APPROVED = "approved"  #: godkänd, antagen
    PARTLY_APPROVED = "partly_approved"
    REJECTED = "rejected"
    SUBMITTED = "submitted"  #: inlämning (to SKL/SKR, to the state)
    DECIDED = "decided"  #: any other decision
    PROPOSED = "proposed"  #: a proposal to another body
    COMMISSIONED = "commissioned"  #: a task given (uppdrag)
    RECOMMENDED = "recommended"  #: recommended to those who decide (rekommenderar)
    SENT_FOR_CONSULTATION = "sent_for_consultation"  #: sent out for comment (remiss)
    ENDORSED = "endorsed"  #: stood behind without deciding it (ställer sig bakom)
    NOTED = "noted"  #: took note of it (noterar, lägger till handlingarna)
    PENDING = "pending"  #: awaited, not yet taken ("inväntar beslut")


@attrs.frozen(kw_only=True, field_transformer=typed)
class Decision:
    """A decision on the plan or anchoring of it in a body.

    Attributes:
        id: unique within the plan.
        kind: what was done.
        bodies: ids of the bodies that did it.
        members: when only some members or parts of a body took it, which (ids): the 11 of
            the county's 14 municipalities that adopted a joint plan.
        addressees: ids of the stakeholders it is addressed to: the body a proposal goes to,
            whoever is given a task, SKR for a submission.
        date: when (a day, or a coarser period where only that is known).
        text: the decision as written.
        subjects: ids of what it concerns, when not the whole plan: items of the plan, or
            other plans named in ``relations``.
        provenance: where it is recorded.
    """

    id: str = attrs.field(validator=valid_id, metadata=ID)
    kind: DecisionKind
    bodies: tuple[str, ...] = ids_field()
    members: tuple[str, ...] = ids_field()
    addressees: tuple[str, ...] = ids_field()
    date: Period | None = None
    text: str | None = None
    subjects: tuple[str, ...] = ids_field()
    provenance: Provenance | None = None
    extra: Extra = extra_field()


@attrs.frozen(kw_only=True, field_transformer=typed)
class ChangeLogEntry:
    """One row of the plan's change log (ändringsförteckning).

    Attributes:
        version: the version label ("1.13").
        date: the date of the version.
        change: what changed, as written.
        decided_by: ids of the stakeholders that decided it.
        decided_on: when it was decided.
        provenance: where it is written.
    """

    version: str
    date: dt.date | None = None
    change: str | None = None
    decided_by: tuple[str, ...] = ids_field()
    decided_on: dt.date | None = None
    provenance: Provenance | None = None
    extra: Extra = extra_field()
