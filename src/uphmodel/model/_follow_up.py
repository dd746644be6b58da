"""The follow-up of a previous version of a plan."""

from __future__ import annotations

import enum

import attrs

from uphmodel._frozen import Extra
from uphmodel._period import Period
from uphmodel._typed import typed
from uphmodel.model._fields import (
    ID,
    extra_field,
    ids_field,
    items_field,
    valid_id,
    valid_optional_id,
)
from uphmodel.model._goals import (
    Horizon,
)
from uphmodel.model._provenance import (
    Provenance,
)
from uphmodel.model._timeline import (
    Timeline,
)

__all__ = ["FollowUp", "FollowUpItem", "GoalFate"]


class GoalFate(enum.Enum):
    """What a follow-up decided for a goal of the version it follows up."""

    KEPT = "kept"  #: "Ja"
    KEPT_REWORDED = "kept_reworded"  #: "Ja, men formuleras om"
    TO_SHORT_TERM = "to_short_term"  #: "Ja, omformuleras till kortsiktigt mål"
    TO_LONG_TERM = "to_long_term"  #: "Ja, omformuleras till långsiktigt mål"
    FULFILLED = "fulfilled"  #: "Nej, målet är uppfyllt"
    MERGED = "merged"  #: "Nej, infogas i långsiktigt mål ovan"
    TO_ACTIVITY = "to_activity"  #: "Nej, infogas som aktivitet"
    REMOVED = "removed"  #: "målet bör därmed tas bort"


@attrs.frozen(kw_only=True, field_transformer=typed)
class FollowUpItem:
    """The follow-up of one goal of the version followed up, and the decision on it.

    Attributes:
        goal: id of the goal in the version followed up; a goal that lives on keeps its id.
        text: the goal as it was worded in that version.
        horizon: its horizon in that version.
        parent: id of its parent goal in that version.
        activities: its activities as they were worded.
        indicator: its indicator as it was worded.
        timeline: its timeline as it was written.
        done: what was done (genomförda aktiviteter/insatser), as written.
        results: the indicator results as written.
        indicators: ids of the indicators that hold those results as values.
        fate: what was decided for the goal.
        fate_text: the decision as written ("Ja, men formuleras om").
        reason: why, as written.
        successors: ids of the goals or activities that carry it on (itself when kept, the
            goal it was merged into, the activity it became).
        sections: ids of the sections of the follow-up it is listed under.
        provenance: where it is written.
    """

    goal: str = attrs.field(validator=valid_id, metadata=ID)
    text: str
    horizon: Horizon | None = None
    parent: str | None = attrs.field(default=None, validator=valid_optional_id, metadata=ID)
    activities: tuple[str, ...] = items_field()
    indicator: str | None = None
    timeline: Timeline | None = None
    done: str | None = None
    results: str | None = None
    indicators: tuple[str, ...] = ids_field()
    fate: GoalFate | None = None
    fate_text: str | None = None
    reason: str | None = None
    successors: tuple[str, ...] = ids_field()
    sections: tuple[str, ...] = ids_field()
    provenance: Provenance | None = None
    extra: Extra = extra_field()


@attrs.frozen(kw_only=True, field_transformer=typed)
class FollowUp:
    """The follow-up of a previous version of a plan (uppföljning).

    Attributes:
        id: unique within the plan.
        title: as written.
        of_plan: id of the plan followed up.
        of_version: the version followed up ("2017").
        period: the period followed up.
        items: one per goal of that version.
        provenance: where it is written.
    """

    id: str = attrs.field(validator=valid_id, metadata=ID)
    title: str | None = None
    of_plan: str | None = None
    of_version: str | None = None
    period: Period | None = None
    items: tuple[FollowUpItem, ...] = items_field()
    provenance: Provenance | None = None
    extra: Extra = extra_field()
