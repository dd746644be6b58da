"""The plan: the record that holds everything else."""

from __future__ import annotations

import datetime as dt
import enum
import html
from typing import Any

import attrs

from uphmodel._frozen import Extra
from uphmodel._period import Period
from uphmodel._typed import typed
from uphmodel.model import _navigate
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
from uphmodel.model._repr import html_table
from uphmodel.model._stakeholders import (
    ContactPoint,
    Responsibility,
    Stakeholder,
)
from uphmodel.model._structure import (
    FocusAreaWording,
    Section,
    SourceDocument,
    Term,
)
from uphmodel.model._timeline import Timeline

__all__ = ["Plan", "PlanKind", "PlanRelation", "RelationKind"]


class PlanKind(enum.Enum):
    """What kind of document a plan is."""

    JOINT_COUNTY_PLAN = "joint_county_plan"  #: länsgemensam analys- och handlingsplan
    PRINCIPAL_PLAN = "principal_plan"  #: one principal's own plan (a region's or a municipality's)
    FOLLOW_UP_REPORT = "follow_up_report"  #: uppföljning, redovisning
    BOARD_DECISION = "board_decision"  #: a board's or council's decision (protokollsutdrag)
    OTHER = "other"


class RelationKind(enum.Enum):
    """How a plan relates to another plan or agreement."""

    REPLACES = "replaces"  #: it takes the other's place (ersätter)
    REVISES = "revises"  #: it is a revision of the other (reviderad, uppdaterad)
    SUPPLEMENTS = "supplements"  #: it adds to the other, which stays in force (komplement)
    FOLLOWS_UP = "follows_up"  #: it follows up the other (uppföljning)
    UNDER_AGREEMENT = "under_agreement"  #: it is made under the other (an överenskommelse)
    RELATED = "related"  #: it refers to the other without saying how


@attrs.frozen(kw_only=True, field_transformer=typed)
class PlanRelation:
    """Another plan or agreement a plan refers to, and how they relate.

    Attributes:
        plan: id of the other plan; decisions may name it among their subjects.
        kind: how this plan relates to it.
        title: the other plan's title, as this plan writes it.
        note: anything the plan adds ("delar av planen").
        provenance: where the plan says so.
    """

    plan: str = attrs.field(validator=valid_id, metadata=ID)
    kind: RelationKind = RelationKind.RELATED
    title: str | None = None
    note: str | None = None
    provenance: Provenance | None = None
    extra: Extra = extra_field()


@attrs.frozen(kw_only=True, field_transformer=typed)
class Plan:
    """A plan document: an action plan, its follow-up, or a decision on it.

    Attributes:
        id: identifies the plan, stable across versions ("jamtland-harjedalen-2018").
        title: as printed.
        kind: what kind of document it is.
        owners: ids of the principals that own it (huvudmän).
        responsibilities: who answers for the plan itself: who coordinates it, who follows it
            up.
        county: SCB county code ("23" for Jämtland).
        diary_number: the diary number (diarienummer, "RUN/407/2017").
        period: the period the plan covers.
        language: ISO 639-1 code of its text.
        version: the version label of this version ("1.24").
        date: the date of this version.
        description: summary or purpose as written.
        relations: the other plans and agreements it refers to, and how: the plan it replaces,
            revises, supplements or follows up, the agreement it is made under.
        review: when and how often it is to be reviewed or revised ("revideras årligen", "en
            gång per mandatperiod").
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
    responsibilities: tuple[Responsibility, ...] = items_field()
    county: str | None = None
    diary_number: str | None = None
    period: Period | None = None
    language: str = "sv"
    version: str | None = None
    date: dt.date | None = None
    description: str | None = None
    relations: tuple[PlanRelation, ...] = items_field()
    review: Timeline | None = None
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

    def get(self, id: str, default: Any = None) -> Any:
        """The record with this id anywhere in the plan — a goal, an activity, an indicator, a
        stakeholder, a grant, a section — or ``default``."""
        found = _navigate.find(self, id)
        return default if found is None else found

    def goals_of(self, item: Activity | Indicator | str) -> tuple[Goal, ...]:
        """The goals an activity serves, or the goals an indicator follows up (directly,
        through activities, or in a follow-up); given as the record or its id."""
        return _navigate.goals_of(self, item)

    def activities_of(self, goal: Goal | str) -> tuple[Activity, ...]:
        """The activities that serve a goal (or its id)."""
        return _navigate.activities_of(self, goal)

    def indicators_of(self, item: Goal | Activity | str) -> tuple[Indicator, ...]:
        """The indicators that follow a goal or an activity (or its id) up, including those a
        follow-up reports on for a goal."""
        return _navigate.indicators_of(self, item)

    def responsible_for(self, item: Any) -> tuple[tuple[Stakeholder | None, Responsibility], ...]:
        """Who is responsible for an item (or its id): each responsibility with its
        stakeholder."""
        return _navigate.responsible_for(self, item)

    def responsibilities_of(
        self, stakeholder: Stakeholder | str
    ) -> tuple[tuple[Any, Responsibility], ...]:
        """What a stakeholder (or its id) is responsible for: each item with the
        responsibility."""
        return _navigate.responsibilities_of(self, stakeholder)

    def _repr_html_(self) -> str:
        """The plan in a notebook: its title, what it is, and how many of each item it holds."""
        facts = [self.kind.value, f"id {self.id}"]
        facts += [f"period {self.period}"] if self.period else []
        facts += [f"version {self.version}"] if self.version else []
        counts = [
            (f.name, len(getattr(self, f.name)))
            for f in attrs.fields(Plan)
            if isinstance(getattr(self, f.name), tuple) and getattr(self, f.name)
        ]
        return (
            f"<p><b>{html.escape(self.title)}</b><br>{html.escape(', '.join(facts))}</p>"
            + html_table(("holds", "count"), counts)
        )
