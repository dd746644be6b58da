"""Goals and activities."""

from __future__ import annotations

import enum

import attrs

from uphmodel._frozen import Extra
from uphmodel._typed import typed
from uphmodel.model._fields import (
    ID,
    codes_field,
    extra_field,
    ids_field,
    items_field,
    valid_id,
    valid_optional_id,
)
from uphmodel.model._provenance import (
    Provenance,
)
from uphmodel.model._stakeholders import (
    Responsibility,
)
from uphmodel.model._timeline import (
    ActivityStatus,
    Timeline,
)

__all__ = ["Activity", "ActivityStatus", "Goal", "Horizon", "Vision"]


class Horizon(enum.Enum):
    """How far a goal reaches."""

    LONG_TERM = "long_term"  #: långsiktigt mål
    SHORT_TERM = "short_term"  #: kortsiktigt mål
    OVERALL = "overall"  #: övergripande mål
    SUB_GOAL = "sub_goal"  #: delmål


class Vision(enum.Enum):
    """A vision a goal states beside its measurable target."""

    ZERO = "zero"  #: nollvision (e.g. no suicides)


@attrs.frozen(kw_only=True, field_transformer=typed)
class Goal:
    """A goal of the plan (mål, målområde, delmål).

    Attributes:
        id: unique within the plan, stable across versions.
        text: the goal as worded.
        number: the plan's numbering, if any.
        horizon: long-term, short-term, overall or sub-goal.
        parent: id of the goal this one serves (a short-term goal's long-term goal).
        description: further text the plan gives with the goal.
        focus_areas: codes of national framework items (focus areas, strategy goals).
        target_groups: codes of target groups.
        prevention_levels: codes of the prevention levels it works at (universal, selective,
            indicated), where the plan says.
        perspectives: codes of cross-cutting perspectives it states.
        sections: ids of the plan's sections it belongs to.
        indicators: ids of indicators that measure it.
        timeline: when it is to be reached.
        responsibilities: who answers for it.
        vision: a vision stated beside it, such as a zero vision.
        provenance: where it is written.
    """

    id: str = attrs.field(validator=valid_id, metadata=ID)
    text: str
    number: str | None = None
    horizon: Horizon | None = None
    parent: str | None = attrs.field(default=None, validator=valid_optional_id, metadata=ID)
    description: str | None = None
    focus_areas: tuple[str, ...] = codes_field("focus_areas")
    target_groups: tuple[str, ...] = codes_field("target_groups")
    prevention_levels: tuple[str, ...] = codes_field("prevention_levels")
    perspectives: tuple[str, ...] = codes_field("perspectives")
    sections: tuple[str, ...] = ids_field()
    indicators: tuple[str, ...] = ids_field()
    timeline: Timeline | None = None
    responsibilities: tuple[Responsibility, ...] = items_field()
    vision: Vision | None = None
    provenance: Provenance | None = None
    extra: Extra = extra_field()


@attrs.frozen(kw_only=True, field_transformer=typed)
class Activity:
    """Something the plan will do (aktivitet, insats).

    Attributes:
        id: unique within the plan, stable across versions.
        text: the activity as worded.
        number: the plan's numbering, if any.
        goals: ids of the goals it serves.
        current_state: the current state (nuläge) as written.
        intended_result: what it is meant to achieve (the matrix's "Mål" column).
        indicators: ids of indicators that follow it up.
        timeline: when it runs.
        conditions: what it depends on, as written ("om medel beviljas", "under förutsättning
            att regionfullmäktige godkänner").
        priority: its priority class as the plan writes it ("Prio 1", "A").
        responsibilities: who carries it out.
        status: where it stands.
        status_reason: why, as written ("pausad 2020 pga. pandemin").
        sections: ids of the plan's sections (intervention areas) it belongs to.
        focus_areas: codes of national framework items.
        target_groups: codes of target groups.
        prevention_levels: codes of the prevention levels it works at, where the plan says.
        provenance: where it is written.
    """

    id: str = attrs.field(validator=valid_id, metadata=ID)
    text: str
    number: str | None = None
    goals: tuple[str, ...] = ids_field()
    current_state: str | None = None
    intended_result: str | None = None
    indicators: tuple[str, ...] = ids_field()
    timeline: Timeline | None = None
    conditions: tuple[str, ...] = items_field()
    priority: str | None = None
    responsibilities: tuple[Responsibility, ...] = items_field()
    status: ActivityStatus | None = None
    status_reason: str | None = None
    sections: tuple[str, ...] = ids_field()
    focus_areas: tuple[str, ...] = codes_field("focus_areas")
    target_groups: tuple[str, ...] = codes_field("target_groups")
    prevention_levels: tuple[str, ...] = codes_field("prevention_levels")
    provenance: Provenance | None = None
    extra: Extra = extra_field()
