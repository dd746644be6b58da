"""The data model: immutable records for a mental-health action plan.

Everything a plan holds is here, in one place. Records are frozen and slotted attrs classes with
tuples and :class:`FrozenMap` inside, so a plan is immutable all the way down and hashable; change
one with :func:`attrs.evolve`. This module does no I/O and knows nothing about JSON: the converter
in :mod:`uphmodel.converter` turns records into documents and back.

Every item that can change between versions of a plan carries an ``id`` that is unique within
the plan and meant to stay the same from one version to the next. Items refer to each other by
id. Every record keeps the fields it did not know in ``extra`` (a newer tool's extensions) and,
where it was read from a document, where and how it was written in ``provenance``.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

import attrs
from dateutil.rrule import rrule, rrulestr

from uphmodel._errors import InvalidValue
from uphmodel._frozen import EMPTY, Extra, FrozenMap, JsonValue, freeze
from uphmodel._period import Period

__all__ = [
    "Activity",
    "ActivityStatus",
    "AllocationKey",
    "BodyLevel",
    "BudgetLine",
    "ChangeLogEntry",
    "ContactPoint",
    "Contribution",
    "Decision",
    "DecisionKind",
    "Direction",
    "FocusAreaWording",
    "FollowUp",
    "FollowUpItem",
    "Frequency",
    "Goal",
    "GoalFate",
    "Grant",
    "GrantUse",
    "Horizon",
    "Indicator",
    "KeyMethod",
    "KeyPart",
    "MeasureKind",
    "Observation",
    "Phase",
    "Plan",
    "PlanKind",
    "Pool",
    "PopulationFigure",
    "Provenance",
    "Responsibility",
    "Role",
    "Section",
    "SourceDocument",
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
]

#: A measured or stated value: an exact number, a yes/no answer, or text (ordinal or qualitative).
Value = Decimal | bool | str


# --------------------------------------------------------------------------------------------
# Field helpers. Validators check what the type system cannot: ids are real ids, collections
# are tuples (so a record stays immutable), numbers are exact. Field metadata tells the converter
# the same, so that a document gets every such problem reported at once.

#: metadata of a field that holds an id, of one that holds a tuple of ids, of unknown fields,
#: and of personal data.
ID: dict[str, object] = {"uph": "id"}
IDS: dict[str, object] = {"uph": "ids"}
EXTRA: dict[str, object] = {"uph": "extra"}
PERSONAL: dict[str, object] = {"uph": "personal", "personal": True}


def check_id(value: object) -> str | None:
    """What is wrong with ``value`` as an id, or ``None`` when it is a good one."""
    if not isinstance(value, str):
        return f"an id must be text (got {type(value).__name__})"
    if not value or any(c.isspace() for c in value):
        return f"an id must be non-empty text without spaces (got {value!r})"
    return None


def check_exact(value: object) -> str | None:
    """What is wrong with ``value`` as an exact amount, or ``None`` when it is one."""
    if isinstance(value, float):
        return f"must be exact: use Decimal or int, not float (got {value!r})"
    if not isinstance(value, Decimal):
        return f"must be a Decimal (got {type(value).__name__})"
    if not value.is_finite():
        return f"must be a finite number (got {value})"
    return None


def _fail(att: attrs.Attribute[Any], value: object, problem: str) -> None:
    raise InvalidValue(att.name, value, problem)


def _valid_id(_inst: object, att: attrs.Attribute[Any], value: object) -> None:
    problem = check_id(value)
    if problem:
        _fail(att, value, problem)


def _valid_optional_id(inst: object, att: attrs.Attribute[Any], value: object) -> None:
    if value is not None:
        _valid_id(inst, att, value)


def _valid_ids(inst: object, att: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, tuple):
        _fail(att, value, f"must be a tuple of ids (got {type(value).__name__})")
    for item in value:  # type: ignore[attr-defined]
        _valid_id(inst, att, item)


def _valid_tuple(_inst: object, att: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, tuple):
        _fail(att, value, f"must be a tuple (got {type(value).__name__})")


def _valid_map(_inst: object, att: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, FrozenMap):
        _fail(att, value, f"must be a FrozenMap (got {type(value).__name__})")


def _valid_amount(_inst: object, att: attrs.Attribute[Any], value: object) -> None:
    problem = check_exact(value)
    if problem:
        _fail(att, value, problem)


def _valid_optional_amount(inst: object, att: attrs.Attribute[Any], value: object) -> None:
    if value is not None:
        _valid_amount(inst, att, value)


def _valid_value(inst: object, att: attrs.Attribute[Any], value: object) -> None:
    if value is None or isinstance(value, (bool, str)):
        return
    _valid_amount(inst, att, value)


def _value_eq(value: object) -> tuple[bool, object]:
    """Compare yes/no answers apart from numbers: ``True`` is not ``Decimal(1)``."""
    return (isinstance(value, bool), value)


def _to_decimal(value: object) -> object:
    """Accept ints where an exact number is wanted; everything else is left to validators."""
    if isinstance(value, int) and not isinstance(value, bool):
        return Decimal(value)
    return value


def _ids() -> Any:
    return attrs.field(default=(), validator=_valid_ids, metadata=IDS)


def _items() -> Any:
    return attrs.field(default=(), validator=_valid_tuple)


def _text_map(value: Mapping[str, str]) -> FrozenMap[str, str]:
    """Plain dicts are accepted where a record holds a mapping, and frozen."""
    return (
        value
        if isinstance(value, FrozenMap) or not isinstance(value, Mapping)
        else FrozenMap(value)
    )


def _amount_map(value: Mapping[str, Decimal | int]) -> FrozenMap[str, Decimal]:
    if isinstance(value, FrozenMap) or not isinstance(value, Mapping):
        return value  # anything else is refused by the validator
    return FrozenMap({k: Decimal(v) if isinstance(v, int) else v for k, v in value.items()})


def _extra_map(value: Mapping[str, object]) -> FrozenMap[str, JsonValue]:
    if isinstance(value, FrozenMap) or not isinstance(value, Mapping):
        return value  # anything else is refused by the validator
    frozen = freeze(value)
    return frozen if isinstance(frozen, FrozenMap) else EMPTY


def _extra() -> Any:
    return attrs.field(default=EMPTY, converter=_extra_map, validator=_valid_map, metadata=EXTRA)


def _personal() -> Any:
    return attrs.field(default=None, metadata=PERSONAL)


# --------------------------------------------------------------------------------------------
# Code lists that are part of the format. Values are the JSON spelling.


class PlanKind(enum.Enum):
    """What kind of document a plan is."""

    JOINT_COUNTY_PLAN = "joint_county_plan"  #: länsgemensam analys- och handlingsplan
    PRINCIPAL_PLAN = "principal_plan"  #: one principal's own plan (a region's or a municipality's)
    FOLLOW_UP_REPORT = "follow_up_report"  #: uppföljning, redovisning
    BOARD_DECISION = "board_decision"  #: a board's or council's decision (protokollsutdrag)
    OTHER = "other"


class Horizon(enum.Enum):
    """How far a goal reaches."""

    LONG_TERM = "long_term"  #: långsiktigt mål
    SHORT_TERM = "short_term"  #: kortsiktigt mål
    OVERALL = "overall"  #: övergripande mål
    SUB_GOAL = "sub_goal"  #: delmål


class Vision(enum.Enum):
    """A vision a goal states beside its measurable target."""

    ZERO = "zero"  #: nollvision (e.g. no suicides)


class ActivityStatus(enum.Enum):
    """Where an activity stands."""

    PLANNED = "planned"
    STARTED = "started"
    PAUSED = "paused"
    WAITING_FOR_DECISION = "waiting_for_decision"
    DONE = "done"
    CANCELLED = "cancelled"


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
    IRREGULAR = "irregular"


class Statistic(enum.Enum):
    """What an observed value summarises, when it is not a plain value for its period."""

    MEAN = "mean"  #: mean over the period (e.g. "Medel: 63,5%")
    ANNUAL_MEAN = "annual_mean"  #: mean per year over a range of years ("per år i snitt")
    MEDIAN = "median"
    TOTAL = "total"  #: a sum over the period


class StakeholderKind(enum.Enum):
    """What kind of party a stakeholder is."""

    REGION = "region"
    MUNICIPALITY = "municipality"
    MUNICIPAL_ASSOCIATION = "municipal_association"  #: kommunförbund, samordningsförbund
    GOVERNMENT = "government"  #: regeringen, staten
    STATE_AGENCY = "state_agency"  #: Socialstyrelsen, Folkhälsomyndigheten, Länsstyrelsen …
    NATIONAL_ASSOCIATION = "national_association"  #: SKR/SKL
    USER_ORGANISATION = "user_organisation"  #: brukarorganisation and their umbrellas
    COLLABORATION_BODY = "collaboration_body"  #: samverkansarena, beredningsorgan
    UNIVERSITY = "university"
    COMPANY = "company"
    PROJECT = "project"
    WORKING_GROUP = "working_group"  #: arbetsgrupp, nätverk
    UNIT = "unit"  #: a part of an organisation (BUP, Primärvården …)
    GROUP = "group"  #: a named set of stakeholders ("länets kommuner")
    OTHER = "other"


class BodyLevel(enum.Enum):
    """Whom a collaboration body gathers."""

    POLITICAL = "political"
    OFFICIALS = "officials"  #: tjänstepersonsnivå
    MIXED = "mixed"  #: politicians and officials


class Role(enum.Enum):
    """The part a stakeholder plays for an item."""

    RESPONSIBLE = "responsible"
    PARTICIPATING = "participating"
    COORDINATING = "coordinating"
    FUNDING = "funding"
    APPROVING = "approving"


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
    PENDING = "pending"  #: awaited, not yet taken ("inväntar beslut")


class UseKind(enum.Enum):
    """What became of (part of) a grant's money."""

    SPENT = "spent"  #: used for an activity that was carried out (genomförd)
    COMMITTED = "committed"  #: bound to an activity that has started (påbörjad)
    CARRIED_OVER = "carried_over"  #: moved to the next year
    AT_RISK = "at_risk"  #: unused and at risk of being paid back (riskerar att återbetalas)
    REPAID = "repaid"  #: paid back to the funder


class KeyMethod(enum.Enum):
    """How an allocation key splits money (fördelningsnyckel)."""

    PROPORTIONAL = "proportional"  #: in proportion to weights (any measure, e.g. rurality)
    POPULATION = "population"  #: in proportion to population figures of the plan
    EQUAL = "equal"  #: the same to every party
    FIXED = "fixed"  #: a fixed amount per party
    PERCENTAGE = "percentage"  #: each party pays a percentage of its own grant
    FLOOR = "floor"  #: a floor per party, the rest by another key
    COMBINED = "combined"  #: parts of the total each split by its own key


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


# --------------------------------------------------------------------------------------------
# Values shared by many records.


@attrs.frozen(kw_only=True)
class Provenance:
    """Where an item was read from and how it was worded there.

    Attributes:
        document: id of a :class:`SourceDocument` of the plan (none: the plan's own document).
        page: page or pages as printed ("8", "29–30").
        section: section number or heading ("2.1", "Bilaga 1").
        original: the original wording, where the item's fields do not keep it already.
    """

    document: str | None = attrs.field(default=None, validator=_valid_optional_id, metadata=ID)
    page: str | None = None
    section: str | None = None
    original: str | None = None
    extra: Extra = _extra()


def _valid_recurrence(_inst: object, att: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        return
    if not isinstance(value, str):
        _fail(att, value, f"must be an RRULE text (got {type(value).__name__})")
    try:
        rrulestr(f"RRULE:{value}", dtstart=dt.datetime(2000, 1, 1))
    except (ValueError, TypeError) as exc:
        _fail(att, value, f"{value!r} is not an RFC 5545 RRULE such as FREQ=YEARLY ({exc})")


@attrs.frozen(kw_only=True)
class Phase:
    """One phase of a timeline ("Planering hösten 2021", "genomförs 2022").

    Attributes:
        label: what the phase is, normalised ("planering", "genomförande"); none for a
            further line of the timeline.
        period: when.
        text: the part of the timeline text it was read from.
    """

    label: str | None = None
    period: Period | None = None
    text: str
    extra: Extra = _extra()


@attrs.frozen(kw_only=True)
class Timeline:
    """A timeline (tidsplan) as written, and what could be understood of it.

    ``uphmodel.parse_timeline`` reads the text into this structure; a timeline always keeps the
    text, and what could not be read is listed in ``unparsed`` rather than lost.

    Attributes:
        text: the original text, exactly as written ("2017- framåt", "Hösten 2021 V 41").
        period: the structured period it stands for, when known: its start and end ("2017/"
            for "2017- framåt"); an end left out means the end is not stated.
        open_end: true when the text says the work runs on ("framåt", "fortlöpande",
            "löpande", "så länge …").
        recurrence: how often it recurs, as an RFC 5545 RRULE ("FREQ=YEARLY" for "årligen",
            "FREQ=YEARLY;INTERVAL=2" for "vartannat år").
        phases: its phases ("Planering hösten 2021 genomförs 2022 och löpande"), or its further
            lines when the timeline lists several.
        conditions: conditions kept as written ("så länge nationella medel tillförs",
            "med eventuell förlängning").
        unparsed: the parts of the text that could not be read.
    """

    text: str
    period: Period | None = None
    open_end: bool = False
    recurrence: str | None = attrs.field(default=None, validator=_valid_recurrence)
    phases: tuple[Phase, ...] = _items()
    conditions: tuple[str, ...] = _items()
    unparsed: tuple[str, ...] = _items()
    extra: Extra = _extra()

    @property
    def start(self) -> dt.date | None:
        """First day, when known."""
        return None if self.period is None else self.period.first_day

    @property
    def end(self) -> dt.date | None:
        """Last day, when stated."""
        return None if self.period is None else self.period.last_day

    @property
    def understood(self) -> bool:
        """True when every part of the text was read and a period or a recurrence found."""
        return not self.unparsed and (self.period is not None or self.recurrence is not None)

    def rrule(self) -> rrule | None:
        """The recurrence as a dateutil ``rrule`` from the timeline's start, if it has both."""
        start = self.start
        if self.recurrence is None or start is None:
            return None
        until = self.end
        rule = rrulestr(
            f"RRULE:{self.recurrence}",
            dtstart=dt.datetime(start.year, start.month, start.day),
        )
        if until is not None and isinstance(rule, rrule):
            rule = rule.replace(until=dt.datetime(until.year, until.month, until.day))
        return rule if isinstance(rule, rrule) else None


@attrs.frozen(kw_only=True)
class Responsibility:
    """A stakeholder's part in a goal or an activity.

    Attributes:
        stakeholder: id of the :class:`Stakeholder`.
        role: what part it plays.
        note: anything the document adds ("Regionintern", "samordning genom länssamordnare").
    """

    stakeholder: str = attrs.field(validator=_valid_id, metadata=ID)
    role: Role = Role.RESPONSIBLE
    note: str | None = None
    extra: Extra = _extra()


# --------------------------------------------------------------------------------------------
# The plan's own structure.


@attrs.frozen(kw_only=True)
class SourceDocument:
    """A document that items were read from.

    Attributes:
        id: unique within the plan.
        title: as printed.
        publisher: id of the publishing :class:`Stakeholder`.
        date: when it was published or decided.
        url: where it can be found.
        note: anything else worth knowing about it.
    """

    id: str = attrs.field(validator=_valid_id, metadata=ID)
    title: str
    publisher: str | None = attrs.field(default=None, validator=_valid_optional_id, metadata=ID)
    date: Period | None = None
    url: str | None = None
    note: str | None = None
    extra: Extra = _extra()


@attrs.frozen(kw_only=True)
class FocusAreaWording:
    """How a plan numbers and words one national focus area.

    Documents number the same focus area differently; the ``code`` is stable, the number and
    wording are the plan's own.

    Attributes:
        code: the focus area's code in a framework of :mod:`uphmodel.codes`.
        number: the plan's number for it ("3").
        label: the plan's wording ("Främjande och förebyggande arbete").
        description: the plan's description of the area.
        provenance: where the plan says so.
    """

    code: str = attrs.field(validator=_valid_id, metadata=ID)
    number: str | None = None
    label: str | None = None
    description: str | None = None
    provenance: Provenance | None = None
    extra: Extra = _extra()


@attrs.frozen(kw_only=True)
class Section:
    """A part of the plan's own structure that items belong to, with its text.

    One mechanism for everything a plan groups by: numbered chapters, intervention areas
    (insatsområden), target-group chapters, appendices. A section may map onto national focus
    areas and target groups, and may hold narrative text (background, analysis, values).

    Attributes:
        id: unique within the plan.
        title: the heading as written.
        number: the plan's numbering ("3.2").
        kind: what the plan calls it ("avsnitt", "insatsområde", "målområde", "bilaga").
        parent: id of the enclosing section.
        period: the period the section covers, when it has its own ("Aktivitetsplan
            2020–2025").
        focus_areas: codes of the national focus areas it corresponds to.
        target_groups: codes of the target groups it is about.
        text: narrative text, paragraphs separated by a blank line.
        provenance: where it is in the document.
    """

    id: str = attrs.field(validator=_valid_id, metadata=ID)
    title: str
    number: str | None = None
    kind: str | None = None
    parent: str | None = attrs.field(default=None, validator=_valid_optional_id, metadata=ID)
    period: Period | None = None
    focus_areas: tuple[str, ...] = _ids()
    target_groups: tuple[str, ...] = _ids()
    text: str | None = None
    provenance: Provenance | None = None
    extra: Extra = _extra()


@attrs.frozen(kw_only=True)
class Term:
    """An abbreviation or concept the plan defines.

    Attributes:
        term: the word or abbreviation ("SIP").
        definition: what the plan says it means.
        refers_to: id of the stakeholder it names, if it names one.
        provenance: where it is defined.
    """

    term: str
    definition: str
    refers_to: str | None = attrs.field(default=None, validator=_valid_optional_id, metadata=ID)
    provenance: Provenance | None = None
    extra: Extra = _extra()


# --------------------------------------------------------------------------------------------
# Stakeholders.


@attrs.frozen(kw_only=True)
class Stakeholder:
    """An organisation, body, group or project that has a part in the plan.

    Attributes:
        id: unique within the plan.
        name: full name as written.
        kind: what kind of party it is.
        short_name: abbreviation (``SVOM``, ``JLB``).
        level: for collaboration bodies, whether politicians or officials meet in it.
        identifiers: official identifiers by scheme: ``scb_county`` (two digits),
            ``scb_municipality`` (four digits), ``orgnr`` (organisation number), ``kolada``.
        member_of: ids of stakeholders it is a member of (a municipality of "länets kommuner",
            an association of its umbrella).
        part_of: id of the organisation it is a unit of.
        description: how the plan defines it.
        provenance: where it is named or defined.
    """

    id: str = attrs.field(validator=_valid_id, metadata=ID)
    name: str
    kind: StakeholderKind
    short_name: str | None = None
    level: BodyLevel | None = None
    identifiers: FrozenMap[str, str] = attrs.field(
        default=EMPTY, converter=_text_map, validator=_valid_map
    )
    member_of: tuple[str, ...] = _ids()
    part_of: str | None = attrs.field(default=None, validator=_valid_optional_id, metadata=ID)
    description: str | None = None
    provenance: Provenance | None = None
    extra: Extra = _extra()


@attrs.frozen(kw_only=True)
class ContactPoint:
    """A person's place in the plan's work, described by role and organisation.

    ``name``, ``email`` and ``phone`` are personal data (marked so in the field metadata); example
    data leaves them empty, and a plan can be exported without them.

    Attributes:
        id: unique within the plan.
        role: the function ("Regional samordnare psykisk hälsa", "representant").
        organisation: id of the stakeholder the person represents.
        bodies: ids of the working groups or bodies the person takes part in for it.
        name: the person's name (personal data).
        email: e-mail address (personal data).
        phone: telephone number (personal data).
        note: anything else.
        provenance: where the contact is listed.
    """

    id: str = attrs.field(validator=_valid_id, metadata=ID)
    role: str
    organisation: str | None = attrs.field(default=None, validator=_valid_optional_id, metadata=ID)
    bodies: tuple[str, ...] = _ids()
    name: str | None = _personal()
    email: str | None = _personal()
    phone: str | None = _personal()
    note: str | None = None
    provenance: Provenance | None = None
    extra: Extra = _extra()


# --------------------------------------------------------------------------------------------
# Goals, activities, indicators.


@attrs.frozen(kw_only=True)
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
        perspectives: codes of cross-cutting perspectives it states.
        sections: ids of the plan's sections it belongs to.
        indicators: ids of indicators that measure it.
        timeline: when it is to be reached.
        responsibilities: who answers for it.
        vision: a vision stated beside it, such as a zero vision.
        provenance: where it is written.
    """

    id: str = attrs.field(validator=_valid_id, metadata=ID)
    text: str
    number: str | None = None
    horizon: Horizon | None = None
    parent: str | None = attrs.field(default=None, validator=_valid_optional_id, metadata=ID)
    description: str | None = None
    focus_areas: tuple[str, ...] = _ids()
    target_groups: tuple[str, ...] = _ids()
    perspectives: tuple[str, ...] = _ids()
    sections: tuple[str, ...] = _ids()
    indicators: tuple[str, ...] = _ids()
    timeline: Timeline | None = None
    responsibilities: tuple[Responsibility, ...] = _items()
    vision: Vision | None = None
    provenance: Provenance | None = None
    extra: Extra = _extra()


@attrs.frozen(kw_only=True)
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
        responsibilities: who carries it out.
        status: where it stands.
        status_reason: why, as written ("pausad 2020 pga. pandemin").
        sections: ids of the plan's sections (intervention areas) it belongs to.
        focus_areas: codes of national framework items.
        target_groups: codes of target groups.
        provenance: where it is written.
    """

    id: str = attrs.field(validator=_valid_id, metadata=ID)
    text: str
    number: str | None = None
    goals: tuple[str, ...] = _ids()
    current_state: str | None = None
    intended_result: str | None = None
    indicators: tuple[str, ...] = _ids()
    timeline: Timeline | None = None
    responsibilities: tuple[Responsibility, ...] = _items()
    status: ActivityStatus | None = None
    status_reason: str | None = None
    sections: tuple[str, ...] = _ids()
    focus_areas: tuple[str, ...] = _ids()
    target_groups: tuple[str, ...] = _ids()
    provenance: Provenance | None = None
    extra: Extra = _extra()


@attrs.frozen(kw_only=True)
class Observation:
    """A value of an indicator for a period, possibly for one part of a breakdown.

    Used for baselines and observations alike.

    Attributes:
        period: the period the value is for.
        value: the value: an exact number, true/false for yes/no, or text; empty when the
            value is not available (the comment says why).
        breakdown: dimension to member for a disaggregated value (``{"sex": "flickor",
            "school_grade": "Gy"}``); dimensions must be declared by the indicator.
        statistic: what the value summarises when it is not a plain value for the period.
        comment: as written ("BUP har ej rapporterat i väntetidsdatabasen").
        source: where the value comes from, if not the indicator's source.
        provenance: where it is written.
    """

    period: Period | None = None
    value: Value | None = attrs.field(
        default=None, converter=_to_decimal, validator=_valid_value, eq=_value_eq
    )
    breakdown: FrozenMap[str, str] = attrs.field(
        default=EMPTY, converter=_text_map, validator=_valid_map
    )
    statistic: Statistic | None = None
    comment: str | None = None
    source: str | None = None
    provenance: Provenance | None = None
    extra: Extra = _extra()


@attrs.frozen(kw_only=True)
class Target:
    """What an indicator should reach, by when.

    Attributes:
        period: by when, or during which period.
        value: the target value (100 for "100 %", 0 for a zero vision).
        of_baseline: a target relative to the baseline, as a factor (0.5 for "halve").
        breakdown: the part of a breakdown the target is for.
        comment: the target as written.
        provenance: where it is written.
    """

    period: Period | None = None
    value: Value | None = attrs.field(
        default=None, converter=_to_decimal, validator=_valid_value, eq=_value_eq
    )
    of_baseline: Decimal | None = attrs.field(
        default=None, converter=_to_decimal, validator=_valid_optional_amount
    )
    breakdown: FrozenMap[str, str] = attrs.field(
        default=EMPTY, converter=_text_map, validator=_valid_map
    )
    comment: str | None = None
    provenance: Provenance | None = None
    extra: Extra = _extra()


@attrs.frozen(kw_only=True)
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
        source_id: the id at the source (a Kolada KPI id such as ``N15505``).
        frequency: how often it is measured.
        dimensions: the breakdown dimensions observations may use (``sex``, ``age_band``,
            ``school_grade``, ``municipality``, ``month``).
        baselines: reference values.
        targets: what it should reach.
        observations: values measured over time.
        description: further text about it.
        provenance: where it is written.
    """

    id: str = attrs.field(validator=_valid_id, metadata=ID)
    name: str
    measure: MeasureKind | None = None
    unit: str | None = None
    rate_base: int | None = None
    numerator: str | None = None
    denominator: str | None = None
    direction: Direction | None = None
    source: str | None = None
    source_id: str | None = None
    frequency: Frequency | None = None
    dimensions: tuple[str, ...] = _ids()
    baselines: tuple[Observation, ...] = _items()
    targets: tuple[Target, ...] = _items()
    observations: tuple[Observation, ...] = _items()
    description: str | None = None
    provenance: Provenance | None = None
    extra: Extra = _extra()


# --------------------------------------------------------------------------------------------
# Decisions and versions.


@attrs.frozen(kw_only=True)
class Decision:
    """A decision on the plan or anchoring of it in a body.

    Attributes:
        id: unique within the plan.
        kind: what was done.
        bodies: ids of the bodies that did it.
        addressees: ids of the stakeholders it is addressed to: the body a proposal goes to,
            whoever is given a task, SKR for a submission.
        date: when (a day, or a coarser period where only that is known).
        text: the decision as written.
        subjects: ids of what it concerns, when not the whole plan: items of the plan, or
            other plans named in ``related_plans``.
        provenance: where it is recorded.
    """

    id: str = attrs.field(validator=_valid_id, metadata=ID)
    kind: DecisionKind
    bodies: tuple[str, ...] = _ids()
    addressees: tuple[str, ...] = _ids()
    date: Period | None = None
    text: str | None = None
    subjects: tuple[str, ...] = _ids()
    provenance: Provenance | None = None
    extra: Extra = _extra()


@attrs.frozen(kw_only=True)
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
    decided_by: tuple[str, ...] = _ids()
    decided_on: dt.date | None = None
    provenance: Provenance | None = None
    extra: Extra = _extra()


# --------------------------------------------------------------------------------------------
# Money. Amounts are Decimal kronor (or the record's currency), never float.


@attrs.frozen(kw_only=True)
class GrantUse:
    """What became of part of a grant's money: spent, committed, carried over, at risk, repaid.

    Attributes:
        id: unique within the plan.
        kind: what became of the money.
        amount: exact amount, as published.
        period: when.
        activities: ids of the activities it paid for.
        text: what it was used for, as written ("Genomförd digital psykiatrivecka").
        provenance: where it is written.
    """

    id: str = attrs.field(validator=_valid_id, metadata=ID)
    kind: UseKind
    amount: Decimal = attrs.field(converter=_to_decimal, validator=_valid_amount)
    period: Period | None = None
    activities: tuple[str, ...] = _ids()
    text: str | None = None
    provenance: Provenance | None = None
    extra: Extra = _extra()


@attrs.frozen(kw_only=True)
class Grant:
    """Money granted for a purpose and period (stimulansmedel).

    Attributes:
        id: unique within the plan.
        purpose: the grant category as written ("Ökad tillgänglighet barn och unga").
        amount: exact amount.
        currency: ISO 4217 code.
        period: the year or period it is for.
        funder: id of the stakeholder that grants it.
        recipient: id of the stakeholder that receives it.
        part_of: id of the grant this one is a share of (one municipality's share of the
            municipalities' joint grant), so that shares are not counted twice.
        key: id of the allocation key by which this grant was split into its shares.
        sections: ids of the plan's sections (intervention areas) it is for.
        focus_areas: codes of national framework items it is for.
        uses: what became of the money, as reported.
        note: anything else.
        provenance: where it is written.
    """

    id: str = attrs.field(validator=_valid_id, metadata=ID)
    purpose: str
    amount: Decimal = attrs.field(converter=_to_decimal, validator=_valid_amount)
    currency: str = "SEK"
    period: Period | None = None
    funder: str | None = attrs.field(default=None, validator=_valid_optional_id, metadata=ID)
    recipient: str | None = attrs.field(default=None, validator=_valid_optional_id, metadata=ID)
    part_of: str | None = attrs.field(default=None, validator=_valid_optional_id, metadata=ID)
    key: str | None = attrs.field(default=None, validator=_valid_optional_id, metadata=ID)
    sections: tuple[str, ...] = _ids()
    focus_areas: tuple[str, ...] = _ids()
    uses: tuple[GrantUse, ...] = _items()
    note: str | None = None
    provenance: Provenance | None = None
    extra: Extra = _extra()


@attrs.frozen(kw_only=True)
class PopulationFigure:
    """A population count on a reference date, the basis of many allocation keys.

    Attributes:
        id: unique within the plan.
        stakeholder: id of the municipality, region or area counted.
        count: number of inhabitants.
        date: the reference date ("Folkmängd 1 november 2017").
        source: where the figure comes from (SCB).
        provenance: where it is written.
    """

    id: str = attrs.field(validator=_valid_id, metadata=ID)
    stakeholder: str = attrs.field(validator=_valid_id, metadata=ID)
    count: int
    date: dt.date | None = None
    source: str | None = None
    provenance: Provenance | None = None
    extra: Extra = _extra()


@attrs.frozen(kw_only=True)
class Contribution:
    """What one principal pays into a pool.

    Attributes:
        id: unique within the plan.
        stakeholder: id of the paying stakeholder.
        amount: exact amount, as published.
        note: how it was computed, as written ("by population 1 November 2017").
        provenance: where it is written.
    """

    id: str = attrs.field(validator=_valid_id, metadata=ID)
    stakeholder: str = attrs.field(validator=_valid_id, metadata=ID)
    amount: Decimal = attrs.field(converter=_to_decimal, validator=_valid_amount)
    note: str | None = None
    provenance: Provenance | None = None
    extra: Extra = _extra()


@attrs.frozen(kw_only=True)
class BudgetLine:
    """A line of a budget, tied to goals or activities.

    Attributes:
        id: unique within the plan.
        label: what the money is for, as written ("Samordningsresurs 100%").
        amount: exact amount.
        goals: ids of the goals it serves.
        activities: ids of the activities it pays for.
        note: anything else, such as the goal as the budget words it.
        provenance: where it is written.
    """

    id: str = attrs.field(validator=_valid_id, metadata=ID)
    label: str
    amount: Decimal = attrs.field(converter=_to_decimal, validator=_valid_amount)
    goals: tuple[str, ...] = _ids()
    activities: tuple[str, ...] = _ids()
    note: str | None = None
    provenance: Provenance | None = None
    extra: Extra = _extra()


def _valid_amount_map(inst: object, att: attrs.Attribute[Any], value: object) -> None:
    _valid_map(inst, att, value)
    for party, amount in value.items():  # type: ignore[attr-defined]
        _check_id_in(att, value, party)
        problem = check_exact(amount)
        if problem:
            _fail(att, value, f"{party}: {problem}")


def _check_id_in(att: attrs.Attribute[Any], value: object, party: object) -> None:
    problem = check_id(party)
    if problem:
        _fail(att, value, problem)


@attrs.frozen(kw_only=True)
class KeyPart:
    """One part of a combined allocation key: a share of the total, split by its own key.

    Attributes:
        key: id of the :class:`AllocationKey` that splits this part.
        share: the part's share of the total, as a fraction (0.5 for half).
        amount: or the part's own total, as an amount.
        label: what the part is, as written ("hälften från regionen").
    """

    key: str = attrs.field(validator=_valid_id, metadata=ID)
    share: Decimal | None = attrs.field(
        default=None, converter=_to_decimal, validator=_valid_optional_amount
    )
    amount: Decimal | None = attrs.field(
        default=None, converter=_to_decimal, validator=_valid_optional_amount
    )
    label: str | None = None
    extra: Extra = _extra()


@attrs.frozen(kw_only=True)
class AllocationKey:
    """How money is split between parties (fördelningsnyckel), recorded as data.

    ``uphmodel.allocate`` computes an exact split from a key. What a method uses:

    - ``proportional``: ``weights`` (party id to a weight in any measure, named in ``basis``);
    - ``population``: ``figures``, ids of the plan's population figures (party, count, date);
    - ``equal``: ``parties``;
    - ``fixed``: ``amounts`` (party id to amount);
    - ``percentage``: ``percent`` of each of ``grants`` (the grants' recipients pay);
    - ``floor``: ``floor`` to each party of the ``rest`` key, the rest split by that key;
    - ``combined``: ``parts``, each a share of the total split by its own key.

    Attributes:
        id: unique within the plan.
        method: how it splits.
        label: what the plan calls it.
        basis: what the weights measure ("Folkmängd 1 november 2017", "glesbygdsindex").
        parties: ids of the parties, for an equal split.
        weights: party id to weight, for a proportional split.
        figures: ids of population figures, for a population split.
        amounts: party id to amount, for fixed amounts.
        percent: the percentage each party pays of its grant (50 for half).
        grants: ids of the grants whose recipients pay ``percent`` of them.
        floor: the amount each party gets before the rest is split.
        rest: id of the key that splits what is left after the floors.
        parts: the parts of a combined key.
        provenance: where the plan describes it.
    """

    id: str = attrs.field(validator=_valid_id, metadata=ID)
    method: KeyMethod
    label: str | None = None
    basis: str | None = None
    parties: tuple[str, ...] = _ids()
    weights: FrozenMap[str, Decimal] = attrs.field(
        default=EMPTY, converter=_amount_map, validator=_valid_amount_map
    )
    figures: tuple[str, ...] = _ids()
    amounts: FrozenMap[str, Decimal] = attrs.field(
        default=EMPTY, converter=_amount_map, validator=_valid_amount_map
    )
    percent: Decimal | None = attrs.field(
        default=None, converter=_to_decimal, validator=_valid_optional_amount
    )
    grants: tuple[str, ...] = _ids()
    floor: Decimal | None = attrs.field(
        default=None, converter=_to_decimal, validator=_valid_optional_amount
    )
    rest: str | None = attrs.field(default=None, validator=_valid_optional_id, metadata=ID)
    parts: tuple[KeyPart, ...] = _items()
    provenance: Provenance | None = None
    extra: Extra = _extra()


@attrs.frozen(kw_only=True)
class Pool:
    """Money that principals put together and spend on joint budget lines.

    Attributes:
        id: unique within the plan.
        name: as written ("Regional budget projekt psykisk hälsa 2018").
        period: the year or period of the pool.
        currency: ISO 4217 code of its amounts.
        contributions: what each principal pays in.
        key: id of the allocation key by which the contributions were split.
        budget_lines: what the pool pays for.
        note: how it was decided and split, as written.
        provenance: where it is written.
    """

    id: str = attrs.field(validator=_valid_id, metadata=ID)
    name: str
    period: Period | None = None
    currency: str = "SEK"
    contributions: tuple[Contribution, ...] = _items()
    key: str | None = attrs.field(default=None, validator=_valid_optional_id, metadata=ID)
    budget_lines: tuple[BudgetLine, ...] = _items()
    note: str | None = None
    provenance: Provenance | None = None
    extra: Extra = _extra()


@attrs.frozen(kw_only=True)
class Total:
    """A total as a document states it ("Summa", "Totalt"), with the items it is the sum of.

    Totals are kept as published, so that validation can compare them with the sum of their
    parts and report a difference rather than the data being silently corrected. A total of
    items that carry no figure (goals, activities …) counts them: "34 målområden".

    Attributes:
        id: unique within the plan.
        label: as written ("Totalt har länet erhållit").
        value: the stated total, exactly as published.
        unit: what is summed: a currency code ("SEK") or a unit such as "invånare".
        parts: ids of the items summed (grants, grant uses, contributions, budget lines,
            population figures, other totals) or counted (any other item counts one).
        provenance: where it is written.
    """

    id: str = attrs.field(validator=_valid_id, metadata=ID)
    label: str
    value: Decimal = attrs.field(converter=_to_decimal, validator=_valid_amount)
    unit: str | None = None
    parts: tuple[str, ...] = _ids()
    provenance: Provenance | None = None
    extra: Extra = _extra()


# --------------------------------------------------------------------------------------------
# Follow-up of a previous version.


@attrs.frozen(kw_only=True)
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

    goal: str = attrs.field(validator=_valid_id, metadata=ID)
    text: str
    horizon: Horizon | None = None
    parent: str | None = attrs.field(default=None, validator=_valid_optional_id, metadata=ID)
    activities: tuple[str, ...] = _items()
    indicator: str | None = None
    timeline: Timeline | None = None
    done: str | None = None
    results: str | None = None
    indicators: tuple[str, ...] = _ids()
    fate: GoalFate | None = None
    fate_text: str | None = None
    reason: str | None = None
    successors: tuple[str, ...] = _ids()
    sections: tuple[str, ...] = _ids()
    provenance: Provenance | None = None
    extra: Extra = _extra()


@attrs.frozen(kw_only=True)
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

    id: str = attrs.field(validator=_valid_id, metadata=ID)
    title: str | None = None
    of_plan: str | None = None
    of_version: str | None = None
    period: Period | None = None
    items: tuple[FollowUpItem, ...] = _items()
    provenance: Provenance | None = None
    extra: Extra = _extra()


# --------------------------------------------------------------------------------------------
# The plan.


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
        frameworks: ids of the national frameworks it uses (see :mod:`uphmodel.codes`).
        focus_areas: its own numbering and wording of the focus areas.
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
        provenance: where the plan itself was read from.
    """

    id: str = attrs.field(validator=_valid_id, metadata=ID)
    title: str
    kind: PlanKind
    owners: tuple[str, ...] = _ids()
    county: str | None = None
    diary_number: str | None = None
    period: Period | None = None
    language: str = "sv"
    version: str | None = None
    date: dt.date | None = None
    description: str | None = None
    related_plans: tuple[str, ...] = _ids()
    frameworks: tuple[str, ...] = _ids()
    focus_areas: tuple[FocusAreaWording, ...] = _items()
    target_groups: tuple[str, ...] = _ids()
    perspectives: tuple[str, ...] = _ids()
    sections: tuple[Section, ...] = _items()
    terms: tuple[Term, ...] = _items()
    sources: tuple[SourceDocument, ...] = _items()
    stakeholders: tuple[Stakeholder, ...] = _items()
    contacts: tuple[ContactPoint, ...] = _items()
    goals: tuple[Goal, ...] = _items()
    activities: tuple[Activity, ...] = _items()
    indicators: tuple[Indicator, ...] = _items()
    decisions: tuple[Decision, ...] = _items()
    changes: tuple[ChangeLogEntry, ...] = _items()
    grants: tuple[Grant, ...] = _items()
    populations: tuple[PopulationFigure, ...] = _items()
    allocation_keys: tuple[AllocationKey, ...] = _items()
    pools: tuple[Pool, ...] = _items()
    totals: tuple[Total, ...] = _items()
    follow_ups: tuple[FollowUp, ...] = _items()
    provenance: Provenance | None = None
    extra: Extra = _extra()
