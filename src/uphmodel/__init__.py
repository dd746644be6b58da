"""uphmodel — the data model of Swedish mental-health action plans (Uppdrag psykisk hälsa).

A plan is an immutable :class:`Plan` record. Read and write it as canonical JSON with
:func:`loads`, :func:`load`, :func:`dumps` and :func:`dump`; the bundled example plans are in
:mod:`uphmodel.examples`, the national code lists in :mod:`uphmodel.codes`.

>>> import uphmodel
>>> plan = uphmodel.examples.load("jamtland-harjedalen-2018")
>>> plan.diary_number, len(plan.goals)
('RUN/407/2017', 36)
>>> uphmodel.loads(uphmodel.dumps(plan)) == plan
True
"""

from uphmodel import codes, examples
from uphmodel._allocate import (
    Allocation,
    AllocationError,
    MoneyRow,
    Rounding,
    Share,
    allocate,
    money_summary,
)
from uphmodel._check import CheckContext, CheckOptions, Finding, Report, Rule, Severity
from uphmodel._errors import InvalidValue, LoadError, Problem, UphError
from uphmodel._frozen import FrozenMap, JsonValue
from uphmodel._json import dump, dumps, load, loads
from uphmodel._model import (
    Activity,
    ActivityStatus,
    AllocationKey,
    BodyLevel,
    BudgetLine,
    ChangeLogEntry,
    ContactPoint,
    Contribution,
    Decision,
    DecisionKind,
    Direction,
    FocusAreaWording,
    FollowUp,
    FollowUpItem,
    Frequency,
    Goal,
    GoalFate,
    Grant,
    GrantUse,
    Horizon,
    Indicator,
    KeyMethod,
    KeyPart,
    MeasureKind,
    Observation,
    Phase,
    Plan,
    PlanKind,
    Pool,
    PopulationFigure,
    Provenance,
    Responsibility,
    Role,
    Section,
    SourceDocument,
    Stakeholder,
    StakeholderKind,
    Statistic,
    Target,
    Term,
    Timeline,
    Total,
    UseKind,
    Value,
    Vision,
)
from uphmodel._period import Granularity, Period, Span
from uphmodel._queries import active_in, ending_in, overdue
from uphmodel._redact import redact
from uphmodel._rules import RULES, check
from uphmodel._summary import summarize
from uphmodel._timeline import parse_timeline, structure_timelines
from uphmodel.converter import SCHEMA_VERSION

__version__ = "0.1.0"

__all__ = [
    "RULES",
    "SCHEMA_VERSION",
    "Activity",
    "ActivityStatus",
    "Allocation",
    "AllocationError",
    "AllocationKey",
    "BodyLevel",
    "BudgetLine",
    "ChangeLogEntry",
    "CheckContext",
    "CheckOptions",
    "ContactPoint",
    "Contribution",
    "Decision",
    "DecisionKind",
    "Direction",
    "Finding",
    "FocusAreaWording",
    "FollowUp",
    "FollowUpItem",
    "Frequency",
    "FrozenMap",
    "Goal",
    "GoalFate",
    "Grant",
    "GrantUse",
    "Granularity",
    "Horizon",
    "Indicator",
    "InvalidValue",
    "JsonValue",
    "KeyMethod",
    "KeyPart",
    "LoadError",
    "MeasureKind",
    "MoneyRow",
    "Observation",
    "Period",
    "Phase",
    "Plan",
    "PlanKind",
    "Pool",
    "PopulationFigure",
    "Problem",
    "Provenance",
    "Report",
    "Responsibility",
    "Role",
    "Rounding",
    "Rule",
    "Section",
    "Severity",
    "Share",
    "SourceDocument",
    "Span",
    "Stakeholder",
    "StakeholderKind",
    "Statistic",
    "Target",
    "Term",
    "Timeline",
    "Total",
    "UphError",
    "UseKind",
    "Value",
    "Vision",
    "active_in",
    "allocate",
    "check",
    "codes",
    "dump",
    "dumps",
    "ending_in",
    "examples",
    "load",
    "loads",
    "money_summary",
    "overdue",
    "parse_timeline",
    "redact",
    "structure_timelines",
    "summarize",
]
