"""Swedish labels of the model's coded values, as a planner would write them.

The JSON format and the API use the English codes (``done``, ``long_term``); what people read —
the change log, summaries — uses these. The test suite fails until every member of every enum
of the model has a label here.
"""

from __future__ import annotations

import enum

from uphmodel.model._decisions import DecisionKind
from uphmodel.model._follow_up import GoalFate
from uphmodel.model._frameworks import (
    ConversionStatus,
    FrameworkKind,
    MappingBasis,
    Relation,
)
from uphmodel.model._goals import ActivityStatus, Horizon, Vision
from uphmodel.model._indicators import (
    Direction,
    Frequency,
    MeasureKind,
    Qualifier,
    SourceKind,
    Statistic,
)
from uphmodel.model._money import KeyMethod, UseKind
from uphmodel.model._plan import PlanKind, RelationKind
from uphmodel.model._stakeholders import BodyLevel, Role, StakeholderKind

__all__ = ["SWEDISH", "swedish"]

#: The Swedish label of every coded value of the model.
SWEDISH: dict[enum.Enum, str] = {
    ActivityStatus.PLANNED: "planerad", ActivityStatus.STARTED: "påbörjad",
    ActivityStatus.PAUSED: "pausad", ActivityStatus.WAITING_FOR_DECISION: "inväntar beslut",
    ActivityStatus.DONE: "genomförd", ActivityStatus.CANCELLED: "avbruten",
    BodyLevel.POLITICAL: "politisk", BodyLevel.OFFICIALS: "tjänstepersoner",
    BodyLevel.MIXED: "politiker och tjänstepersoner",
    ConversionStatus.CONVERTED: "omräknad", ConversionStatus.AMBIGUOUS: "flertydig",
    ConversionStatus.UNMAPPED: "saknar motsvarighet",
    DecisionKind.ANCHORED: "förankrad", DecisionKind.APPROVED: "godkänd",
    DecisionKind.PARTLY_APPROVED: "delvis godkänd", DecisionKind.REJECTED: "avslagen",
    DecisionKind.SUBMITTED: "inlämnad", DecisionKind.DECIDED: "beslutad",
    DecisionKind.PROPOSED: "föreslagen", DecisionKind.COMMISSIONED: "uppdrag givet",
    DecisionKind.RECOMMENDED: "rekommenderad",
    DecisionKind.SENT_FOR_CONSULTATION: "skickad på remiss",
    DecisionKind.ENDORSED: "ställt sig bakom", DecisionKind.NOTED: "noterad",
    DecisionKind.PENDING: "inväntar beslut",
    Direction.HIGHER_IS_BETTER: "högre är bättre", Direction.LOWER_IS_BETTER: "lägre är bättre",
    Direction.ON_TARGET: "så nära målvärdet som möjligt",
    FrameworkKind.FOCUS_AREAS: "fokusområden", FrameworkKind.TARGET_GROUPS: "målgrupper",
    FrameworkKind.PERSPECTIVES: "perspektiv", FrameworkKind.PREVENTION_LEVELS: "preventionsnivåer",
    Frequency.ONCE: "en gång", Frequency.CONTINUOUS: "löpande", Frequency.WEEKLY: "varje vecka",
    Frequency.MONTHLY: "varje månad", Frequency.QUARTERLY: "varje kvartal",
    Frequency.HALF_YEARLY: "varje halvår", Frequency.ANNUAL: "årligen",
    Frequency.BIENNIAL: "vartannat år", Frequency.QUADRENNIAL: "vart fjärde år",
    Frequency.IRREGULAR: "oregelbundet",
    GoalFate.KEPT: "kvarstår", GoalFate.KEPT_REWORDED: "kvarstår men formuleras om",
    GoalFate.TO_SHORT_TERM: "blir kortsiktigt mål", GoalFate.TO_LONG_TERM: "blir långsiktigt mål",
    GoalFate.FULFILLED: "uppfyllt", GoalFate.MERGED: "sammanslaget",
    GoalFate.TO_ACTIVITY: "blir aktivitet", GoalFate.REMOVED: "tas bort",
    Horizon.LONG_TERM: "långsiktigt mål", Horizon.SHORT_TERM: "kortsiktigt mål",
    Horizon.OVERALL: "övergripande mål", Horizon.SUB_GOAL: "delmål",
    KeyMethod.PROPORTIONAL: "i proportion till vikter", KeyMethod.POPULATION: "efter folkmängd",
    KeyMethod.EQUAL: "lika delar", KeyMethod.FIXED: "fasta belopp",
    KeyMethod.PERCENTAGE: "procent av egna medel", KeyMethod.FLOOR: "golv och rest",
    KeyMethod.COMBINED: "sammansatt",
    MappingBasis.PUBLISHED: "publicerad", MappingBasis.EDITORIAL: "redaktionell",
    MeasureKind.COUNT: "antal", MeasureKind.PERCENTAGE: "andel i procent",
    MeasureKind.RATE: "antal per invånare", MeasureKind.RATIO: "kvot",
    MeasureKind.MONEY: "belopp", MeasureKind.YES_NO: "ja/nej",
    MeasureKind.ORDINAL: "skala", MeasureKind.QUALITATIVE: "kvalitativ",
    PlanKind.JOINT_COUNTY_PLAN: "gemensam länsplan", PlanKind.PRINCIPAL_PLAN: "huvudmannens plan",
    PlanKind.FOLLOW_UP_REPORT: "uppföljningsrapport", PlanKind.BOARD_DECISION: "nämndbeslut",
    PlanKind.OTHER: "annat",
    Qualifier.APPROXIMATELY: "cirka", Qualifier.JUST_OVER: "drygt", Qualifier.NEARLY: "nästan",
    Qualifier.AT_LEAST: "minst", Qualifier.OVER: "över", Qualifier.AT_MOST: "högst",
    Qualifier.UNDER: "under",
    Relation.EXACT: "samma", Relation.CLOSE: "nära", Relation.BROADER: "vidare",
    Relation.NARROWER: "snävare", Relation.RELATED: "besläktad", Relation.NONE: "ingen",
    RelationKind.REPLACES: "ersätter", RelationKind.REVISES: "reviderar",
    RelationKind.SUPPLEMENTS: "kompletterar", RelationKind.FOLLOWS_UP: "följer upp",
    RelationKind.UNDER_AGREEMENT: "enligt överenskommelsen", RelationKind.RELATED: "relaterad",
    Role.RESPONSIBLE: "ansvarig", Role.PARTICIPATING: "deltar", Role.COORDINATING: "samordnar",
    Role.FUNDING: "finansierar", Role.APPROVING: "godkänner",
    SourceKind.SURVEY: "enkät", SourceKind.REGISTER: "register",
    SourceKind.STATISTICS: "statistik", SourceKind.OPERATIONAL: "verksamhetsuppgifter",
    SourceKind.OTHER: "annan källa",
    StakeholderKind.REGION: "region", StakeholderKind.MUNICIPALITY: "kommun",
    StakeholderKind.MUNICIPAL_ASSOCIATION: "kommunförbund",
    StakeholderKind.GOVERNMENT: "regeringen", StakeholderKind.STATE_AGENCY: "statlig myndighet",
    StakeholderKind.NATIONAL_ASSOCIATION: "nationell organisation",
    StakeholderKind.USER_ORGANISATION: "brukarorganisation",
    StakeholderKind.COLLABORATION_BODY: "samverkansorgan",
    StakeholderKind.ASSEMBLY: "fullmäktige", StakeholderKind.BOARD: "nämnd eller styrelse",
    StakeholderKind.COMMITTEE: "beredning eller utskott", StakeholderKind.UNIVERSITY: "lärosäte",
    StakeholderKind.COMPANY: "företag", StakeholderKind.PROJECT: "projekt",
    StakeholderKind.WORKING_GROUP: "arbetsgrupp", StakeholderKind.UNIT: "enhet",
    StakeholderKind.GROUP: "grupp", StakeholderKind.OTHER: "annan aktör",
    Statistic.MEAN: "medelvärde", Statistic.ANNUAL_MEAN: "årsmedelvärde",
    Statistic.MEDIAN: "median", Statistic.TOTAL: "summa",
    UseKind.SPENT: "förbrukat", UseKind.COMMITTED: "uppbundet", UseKind.CARRIED_OVER: "överfört",
    UseKind.AT_RISK: "riskerar att återbetalas", UseKind.REPAID: "återbetalt",
    Vision.ZERO: "nollvision",
}  # fmt: skip


def swedish(value: enum.Enum) -> str:
    """The Swedish label of a coded value.

    >>> swedish(ActivityStatus.DONE), swedish(Horizon.LONG_TERM)
    ('genomförd', 'långsiktigt mål')
    """
    return SWEDISH.get(value, str(value.value).replace("_", " "))
