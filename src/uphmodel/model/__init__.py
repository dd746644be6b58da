"""The data model: immutable records for a mental-health action plan.

Everything a plan holds is here, in one place. Records are frozen and slotted attrs classes with
tuples and :class:`FrozenMap` inside, so a plan is immutable all the way down and hashable; change
one with :func:`attrs.evolve`. This module does no I/O and knows nothing about JSON: the converter
in :mod:`uphmodel.converter` turns records into documents and back.

Every item that can change between versions of a plan carries an ``id`` that is unique within
the plan and meant to stay the same from one version to the next. Items refer to each other by
id. Every record keeps the fields it did not know in ``extra`` (a newer tool's extensions) and,
where it was read from a document, where and how it was written in ``provenance``.

One module per concept: ``_plan`` (the plan), ``_goals``, ``_indicators``, ``_stakeholders``,
``_decisions``, ``_money``, ``_follow_up``, ``_frameworks`` (frameworks, crosswalks,
conversions), ``_structure`` (sections, terms, sources), ``_timeline`` and ``_provenance``;
``_fields`` holds the validators they share. Import the records from here or from
:mod:`uphmodel`.
"""

from __future__ import annotations

from uphmodel.model._decisions import ChangeLogEntry, Decision, DecisionKind
from uphmodel.model._fields import (
    CODE,
    CODES,
    EXTRA,
    ID,
    IDS,
    PERSONAL,
    Value,
    check_code,
    check_exact,
    check_id,
)
from uphmodel.model._follow_up import FollowUp, FollowUpItem, GoalFate
from uphmodel.model._frameworks import (
    Citation,
    CodeConversion,
    ConversionStatus,
    Crosswalk,
    Framework,
    FrameworkCode,
    FrameworkConversion,
    FrameworkKind,
    Mapping,
    MappingBasis,
    Relation,
)
from uphmodel.model._goals import Activity, ActivityStatus, Goal, Horizon, Vision
from uphmodel.model._indicators import (
    Direction,
    Frequency,
    Indicator,
    MeasureKind,
    Observation,
    Qualifier,
    SourceKind,
    Statistic,
    Target,
)
from uphmodel.model._money import (
    AllocationKey,
    BudgetLine,
    Contribution,
    Grant,
    GrantUse,
    KeyMethod,
    KeyPart,
    Payment,
    Pool,
    PopulationFigure,
    Total,
    UseKind,
)
from uphmodel.model._plan import (
    Plan,
    PlanKind,
    PlanRelation,
    RelationKind,
)
from uphmodel.model._provenance import (
    Inferred,
    Provenance,
)
from uphmodel.model._repr import short_repr
from uphmodel.model._stakeholders import (
    BodyLevel,
    ContactPoint,
    Responsibility,
    Role,
    Stakeholder,
    StakeholderKind,
)
from uphmodel.model._structure import FocusAreaWording, Section, SourceDocument, Term
from uphmodel.model._timeline import Phase, Timeline

# Every record shows itself short: its class, id, a few fields set and the sizes of its lists,
# never all it holds (a plan's full repr runs to hundreds of kilobytes).
for _record in (
    ChangeLogEntry, Decision, Citation, CodeConversion, Crosswalk, Framework, FrameworkCode,
    FrameworkConversion, Mapping, FollowUp, FollowUpItem, Activity, Goal, Indicator, Observation,
    Target, AllocationKey, BudgetLine, Contribution, Grant, GrantUse, KeyPart, Payment, Pool,
    PopulationFigure, Total, Plan, PlanRelation, Inferred, Provenance, ContactPoint,
    Responsibility, Stakeholder, FocusAreaWording, Section, SourceDocument, Term, Phase, Timeline,
):  # fmt: skip
    setattr(_record, "__repr__", short_repr)  # noqa: B010 - a method of every record class

__all__ = [
    "CODE",
    "CODES",
    "EXTRA",
    "ID",
    "IDS",
    "PERSONAL",
    "Activity",
    "ActivityStatus",
    "AllocationKey",
    "BodyLevel",
    "BudgetLine",
    "ChangeLogEntry",
    "Citation",
    "CodeConversion",
    "ContactPoint",
    "Contribution",
    "ConversionStatus",
    "Crosswalk",
    "Decision",
    "DecisionKind",
    "Direction",
    "FocusAreaWording",
    "FollowUp",
    "FollowUpItem",
    "Framework",
    "FrameworkCode",
    "FrameworkConversion",
    "FrameworkKind",
    "Frequency",
    "Goal",
    "GoalFate",
    "Grant",
    "GrantUse",
    "Horizon",
    "Indicator",
    "Inferred",
    "KeyMethod",
    "KeyPart",
    "Mapping",
    "MappingBasis",
    "MeasureKind",
    "Observation",
    "Payment",
    "Phase",
    "Plan",
    "PlanKind",
    "PlanRelation",
    "Pool",
    "PopulationFigure",
    "Provenance",
    "Qualifier",
    "Relation",
    "RelationKind",
    "Responsibility",
    "Role",
    "Section",
    "SourceDocument",
    "SourceKind",
    "Stakeholder",
    "StakeholderKind",
    "Statistic",
    "Target",
    "Term",
    "Timeline",
    "Total",
    "UseKind",
    "Value",
    "Vision",
    "check_code",
    "check_exact",
    "check_id",
]
