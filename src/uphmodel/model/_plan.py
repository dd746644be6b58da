"""The plan: the record that holds everything else."""

from __future__ import annotations

import datetime as dt
import enum

import attrs

from uphmodel._frozen import Extra
from uphmodel._period import Period
from uphmodel.model._decisions import (
    ChangeLogEntry,
    Decision,
)
from uphmodel.model._fields import (
    ID,
    codes_field,
    extra_field,
    ids_field,
    items_field,
    valid_id,
)
from uphmodel.model._follow_up import (
    FollowUp,
)
from uphmodel.model._frameworks import Framework, FrameworkConversion
from uphmodel.model._goals import (
    Activity,
    Goal,
)
from uphmodel.model._indicators import (
    Indicator,
)
from uphmodel.model._money import (
    AllocationKey,
    Grant,
    Pool,
    PopulationFigure,
    Total,
)
from uphmodel.model._provenance import (
    Provenance,
)
from uphmodel.model._stakeholders import (
    ContactPoint,
    Stakeholder,
)
from uphmodel.model._structure import (
    FocusAreaWording,
    Section,
    SourceDocument,
    Term,
)

__all__ = ["Plan", "PlanKind"]


class PlanKind(enum.Enum):
    """What kind of document a plan is."""

    JOINT_COUNTY_PLAN = "joint_county_plan"  #: länsgemensam analys- och handlingsplan
    PRINCIPAL_PLAN = "principal_plan"  #: one principal's own plan (a region's or a municipality's)
    FOLLOW_UP_REPORT = "follow_up_report"  #: uppföljning, redovisning
    BOARD_DECISION = "board_decision"  #: a board's or council's decision (protokollsutdrag)
    OTHER = "other"


@attrs.frozen(kw_only=True)
class Plan:
    """A plan document: an action plan, its follow-up, or a decision on it.

    Attributes:
        id: identifies the plan, stable across versions ("jamtland-harjedalen-2018").
        title: as printed.
        kind: what kind of document it is.
        owners: ids of the principals that own it (huvudmän).
        county: SCB county code ("23" for Jämtland).
        diary_number: the diary number (diarienummer, "RUN/407/2017").
        period: the period the plan covers.
        language: ISO 639-1 code of its text.
        version: the version label of this version ("1.24").
        date: the date of this version.
        description: summary or purpose as written.
        related_plans: ids of other plans this document refers to (the plan it follows up,
            revises or decides on).
        frameworks: ids of the frameworks it uses: built-in ones (:mod:`uphmodel.frameworks`), its
            own (``own_frameworks``), or ones a tool passes to ``check``.
        own_frameworks: frameworks the plan defines itself (a region's own strategy, its own
            target groups); they are in use whether ``frameworks`` lists them or not.
        focus_areas: its own numbering and wording of the focus areas of a framework.
        target_groups: codes of its target groups.
        perspectives: codes of the cross-cutting perspectives it states.
        sections: its own structure: chapters, intervention areas, appendices, with text.
        terms: the abbreviations and concepts it defines.
        sources: documents items were read from.
        stakeholders: organisations, bodies and groups.
        contacts: contact points by role and organisation.
        goals: its goals.
        activities: its activities.
        indicators: its indicators.
        decisions: decisions on it and anchoring of it.
        changes: its change log.
        grants: money granted.
        populations: population figures.
        allocation_keys: how money was split (fördelningsnycklar).
        pools: pooled money and its budgets.
        totals: totals as the document states them.
        follow_ups: follow-ups of previous versions.
        conversions: conversions of its codes from one framework to another, oldest first, each
            with the codes as they were (``uphmodel.convert_framework``).
        provenance: where the plan itself was read from.
    """

    id: str = attrs.field(validator=valid_id, metadata=ID)
    title: str
    kind: PlanKind
    owners: tuple[str, ...] = ids_field()
    county: str | None = None
    diary_number: str | None = None
    period: Period | None = None
    language: str = "sv"
    version: str | None = None
    date: dt.date | None = None
    description: str | None = None
    related_plans: tuple[str, ...] = ids_field()
    frameworks: tuple[str, ...] = ids_field()
    own_frameworks: tuple[Framework, ...] = items_field()
    focus_areas: tuple[FocusAreaWording, ...] = items_field()
    target_groups: tuple[str, ...] = codes_field("target_groups")
    perspectives: tuple[str, ...] = codes_field("perspectives")
    sections: tuple[Section, ...] = items_field()
    terms: tuple[Term, ...] = items_field()
    sources: tuple[SourceDocument, ...] = items_field()
    stakeholders: tuple[Stakeholder, ...] = items_field()
    contacts: tuple[ContactPoint, ...] = items_field()
    goals: tuple[Goal, ...] = items_field()
    activities: tuple[Activity, ...] = items_field()
    indicators: tuple[Indicator, ...] = items_field()
    decisions: tuple[Decision, ...] = items_field()
    changes: tuple[ChangeLogEntry, ...] = items_field()
    grants: tuple[Grant, ...] = items_field()
    populations: tuple[PopulationFigure, ...] = items_field()
    allocation_keys: tuple[AllocationKey, ...] = items_field()
    pools: tuple[Pool, ...] = items_field()
    totals: tuple[Total, ...] = items_field()
    follow_ups: tuple[FollowUp, ...] = items_field()
    conversions: tuple[FrameworkConversion, ...] = items_field()
    provenance: Provenance | None = None
    extra: Extra = extra_field()
