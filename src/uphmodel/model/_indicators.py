"""Indicators with their baselines, targets and observations."""

from __future__ import annotations

import enum
from decimal import Decimal

import attrs

from uphmodel._frozen import EMPTY, Extra, FrozenMap
from uphmodel._period import Period
from uphmodel._typed import typed
from uphmodel.model._fields import (
    ID,
    Value,
    extra_field,
    ids_field,
    items_field,
    text_map,
    to_decimal,
    valid_id,
    valid_map,
    valid_optional_amount,
    valid_value,
    value_eq,
)
from uphmodel.model._provenance import (
    Provenance,
)

__all__ = [
    "Direction",
    "Frequency",
    "Indicator",
    "MeasureKind",
    "Observation",
    "Qualifier",
    "SourceKind",
    "Statistic",
    "Target",
]


class MeasureKind(enum.Enum):
    """What an indicator's values are."""

    COUNT = "count"  #: whole, non-negative numbers (antal)
    PERCENTAGE = "percentage"  #: 0–100 (andel, %)
    RATE = "rate"  #: per ``rate_base`` inhabitants
    RATIO = "ratio"
    MONEY = "money"
    YES_NO = "yes_no"  #: Ja/Nej
    ORDINAL = "ordinal"  #: ordered categories
    QUALITATIVE = "qualitative"  #: text


class Direction(enum.Enum):
    """Which way an indicator should move."""

    HIGHER_IS_BETTER = "higher_is_better"
    LOWER_IS_BETTER = "lower_is_better"
    ON_TARGET = "on_target"  #: the closer to the target value, the better


class Frequency(enum.Enum):
    """How often an indicator is measured or published."""

    ONCE = "once"
    CONTINUOUS = "continuous"
    WEEKLY = "weekly"
    MONTHLY = "monthly"
    QUARTERLY = "quarterly"
    HALF_YEARLY = "half_yearly"
    ANNUAL = "annual"
    BIENNIAL = "biennial"  #: vartannat år
    QUADRENNIAL = "quadrennial"  #: vart fjärde år (Skolelevers hälsa, Hälsa på lika villkor)
    IRREGULAR = "irregular"


class Qualifier(enum.Enum):
    """How a document qualifies a figure it does not state exactly ("cirka 70 %")."""

    APPROXIMATELY = "approximately"  #: cirka, ca, ungefär, omkring, runt
    JUST_OVER = "just_over"  #: drygt
    NEARLY = "nearly"  #: närmare, nästan, knappt
    AT_LEAST = "at_least"  #: minst
    OVER = "over"  #: över, mer än, fler än
    AT_MOST = "at_most"  #: högst, max
    UNDER = "under"  #: under, mindre än, färre än


class SourceKind(enum.Enum):
    """What kind of source an indicator's values come from."""

    SURVEY = "survey"  #: enkät: Hälsa på lika villkor, Skolelevers hälsa, Liv och hälsa ung
    REGISTER = "register"  #: Dödsorsaksregistret, patientregistret, kvalitetsregister
    STATISTICS = "statistics"  #: official statistics and compilations: SCB, Kolada, vantetider.se
    OPERATIONAL = "operational"  #: the organisation's own records and counts
    OTHER = "other"


class Statistic(enum.Enum):
    """What an observed value summarises, when it is not a plain value for its period."""

    MEAN = "mean"  #: mean over the period (e.g. "Medel: 63,5%")
    ANNUAL_MEAN = "annual_mean"  #: mean per year over a range of years ("per år i snitt")
    MEDIAN = "median"
    TOTAL = "total"  #: a sum over the period


@attrs.frozen(kw_only=True, field_transformer=typed)
class Observation:
    """A value of an indicator for a period, possibly for one part of a breakdown.

    Used for baselines and observations alike.

    Attributes:
        period: the period the value is for.
        value: the value: a number, true/false for yes/no, or text; empty when the value is
            not available (the comment says why) or not stated. A number is exact unless
            ``qualifier``, ``upper`` or ``of`` say otherwise.
        qualifier: how the document qualifies the number ("cirka 70 %": approximately).
        upper: the upper end of a range, ``value`` being the lower end ("10–15 %": 10 and 15).
        of: the whole that ``value`` is a part of ("3 av 8 kommuner": 3 of 8).
        stated: false when the document says the figure exists but does not state it (then
            ``value`` is empty).
        breakdown: dimension to member for a disaggregated value (``{"sex": "flickor",
            "school_grade": "Gy"}``); dimensions must be declared by the indicator.
        statistic: what the value summarises when it is not a plain value for the period.
        comment: as written ("BUP har ej rapporterat i väntetidsdatabasen").
        source: where the value comes from, if not the indicator's source.
        provenance: where it is written.
    """

    period: Period | None = None
    value: Value | None = attrs.field(
        default=None, converter=to_decimal, validator=valid_value, eq=value_eq
    )
    qualifier: Qualifier | None = None
    upper: Decimal | None = attrs.field(
        default=None, converter=to_decimal, validator=valid_optional_amount
    )
    of: Decimal | None = attrs.field(
        default=None, converter=to_decimal, validator=valid_optional_amount
    )
    stated: bool = True
    breakdown: FrozenMap[str, str] = attrs.field(
        default=EMPTY, converter=text_map, validator=valid_map
    )
    statistic: Statistic | None = None
    comment: str | None = None
    source: str | None = None
    provenance: Provenance | None = None
    extra: Extra = extra_field()


@attrs.frozen(kw_only=True, field_transformer=typed)
class Target:
    """What an indicator should reach, by when.

    Attributes:
        period: by when, or during which period.
        value: the target value (100 for "100 %", 0 for a zero vision).
        qualifier: how the document qualifies it ("minst 80 %": at least).
        upper: the upper end of a target range, ``value`` being the lower end.
        of: the whole that ``value`` is a part of ("8 av 8 kommuner").
        stated: false when the document says there is a target figure but does not state it.
        of_baseline: a target relative to the baseline, as a factor (0.5 for "halve").
        breakdown: the part of a breakdown the target is for.
        comment: the target as written.
        provenance: where it is written.
    """

    period: Period | None = None
    value: Value | None = attrs.field(
        default=None, converter=to_decimal, validator=valid_value, eq=value_eq
    )
    qualifier: Qualifier | None = None
    upper: Decimal | None = attrs.field(
        default=None, converter=to_decimal, validator=valid_optional_amount
    )
    of: Decimal | None = attrs.field(
        default=None, converter=to_decimal, validator=valid_optional_amount
    )
    stated: bool = True
    of_baseline: Decimal | None = attrs.field(
        default=None, converter=to_decimal, validator=valid_optional_amount
    )
    breakdown: FrozenMap[str, str] = attrs.field(
        default=EMPTY, converter=text_map, validator=valid_map
    )
    comment: str | None = None
    provenance: Provenance | None = None
    extra: Extra = extra_field()


@attrs.frozen(kw_only=True, field_transformer=typed)
class Indicator:
    """Something measured to follow up goals and activities (mätbar indikator).

    Attributes:
        id: unique within the plan, stable across versions.
        name: as worded in the plan.
        measure: what kind of values it has; empty while only named.
        unit: unit of the values ("%", "kr", "personer", "suicid per 100 000 invånare").
        rate_base: for rates, per how many inhabitants (100000).
        numerator: what is counted, where the plan says.
        denominator: what it is divided by, where the plan says.
        direction: which way is better.
        source: where values come from (Kolada, vantetider.se, Dödsorsaksregistret, a survey).
        source_kind: what kind of source that is: a survey, a register, statistics, the
            organisation's own records.
        source_id: the id at the source (a Kolada KPI id such as ``N15505``).
        frequency: how often it is measured.
        rounds: the measurement rounds the plan names ("Skolelevers hälsa 2018 och 2022").
        dimensions: the breakdown dimensions observations may use (``sex``, ``age_band``,
            ``school_grade``, ``municipality``, ``month``).
        baselines: reference values.
        targets: what it should reach.
        observations: values measured over time.
        description: further text about it.
        provenance: where it is written.
    """

    id: str = attrs.field(validator=valid_id, metadata=ID)
    name: str
    measure: MeasureKind | None = None
    unit: str | None = None
    rate_base: int | None = None
    numerator: str | None = None
    denominator: str | None = None
    direction: Direction | None = None
    source: str | None = None
    source_kind: SourceKind | None = None
    source_id: str | None = None
    frequency: Frequency | None = None
    rounds: tuple[Period, ...] = items_field()
    dimensions: tuple[str, ...] = ids_field()
    baselines: tuple[Observation, ...] = items_field()
    targets: tuple[Target, ...] = items_field()
    observations: tuple[Observation, ...] = items_field()
    description: str | None = None
    provenance: Provenance | None = None
    extra: Extra = extra_field()
