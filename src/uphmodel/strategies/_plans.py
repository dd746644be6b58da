"""Strategies for whole plans and revisions of them."""

from __future__ import annotations

from typing import Any

import attrs
from hypothesis import strategies as st

from uphmodel._frozen import EMPTY, FrozenMap, JsonValue
from uphmodel.frameworks import builtin
from uphmodel.model import (
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
    FrameworkKind,
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
    Payment,
    Phase,
    Plan,
    PlanKind,
    PlanRelation,
    Pool,
    PopulationFigure,
    Provenance,
    Qualifier,
    RelationKind,
    Responsibility,
    Role,
    Section,
    SourceDocument,
    SourceKind,
    Stakeholder,
    StakeholderKind,
    Statistic,
    Target,
    Term,
    Timeline,
    Total,
    UseKind,
    Vision,
)
from uphmodel.strategies._frameworks import conversion_records, frameworks
from uphmodel.strategies._values import (
    _AMOUNT,
    _OPT_AMOUNT,
    _OPT_DATE,
    _OPT_PERIOD,
    _OPT_TEXT,
    _OPT_VALUE,
    _PERIOD,
    _RECURRENCE,
    _SHORT_TEXT,
    _TEXT,
    Draw,
    _enum,
    _extras,
    _maybe,
    _opt,
    _provenance,
    _subset,
    ids,
)


@st.composite
def _figure(draw: Draw[Any]) -> dict[str, Any]:
    """The fields of a figure as documents write them: exact, qualified, a range, a part of a
    whole, or not stated. Consistent: a range or a part has a number in ``value``."""
    form = draw(st.sampled_from(["plain", "qualified", "range", "part", "unstated"]))
    if form == "plain":
        return {"value": draw(_OPT_VALUE)}
    if form == "unstated":
        return {"stated": False}
    low = draw(_AMOUNT).copy_abs()
    if form == "qualified":
        return {"value": low, "qualifier": draw(st.sampled_from(Qualifier))}
    if form == "range":
        return {"value": low, "upper": low + draw(_AMOUNT).copy_abs()}
    return {"value": low, "of": low + draw(_AMOUNT).copy_abs()}


_FIGURES = _figure()
_ID = ids()
_OPT_ID = _opt(_ID)

# The codes generated plans refer to: the built-in frameworks' (read once, at first import).
_CODES = {
    kind: [entry.code for fw in builtin().of_kind(kind) for entry in fw.codes]
    for kind in FrameworkKind
}
_FRAMEWORK_IDS = [fw.id for fw in builtin().of_kind(FrameworkKind.FOCUS_AREAS)]
_WORDINGS = [entry.code for entry in builtin()["focus-areas-2016"].codes]


@st.composite
def plans(
    draw: Draw[Any],
    *,
    max_items: int = 6,
    extras: bool = False,
) -> Plan:
    """Valid plans with up to ``max_items`` items in each collection.

    With ``extras=True`` every record may also carry unknown fields (``extra``), as documents
    written by a newer tool do.
    """
    n = st.integers(min_value=0, max_value=max_items)
    serial = iter(range(1_000_000))

    def fresh(count: int) -> list[str]:
        # A drawn id made unique within the plan by a serial number.
        return [f"{draw(_ID)}.{next(serial)}" for _ in range(count)]

    def prov() -> Provenance | None:
        result: Provenance | None = _provenance(draw, source_ids, extras)
        return result

    def ext(cls: type[Any]) -> FrozenMap[str, JsonValue]:
        result: FrozenMap[str, JsonValue] = draw(_extras(cls, extras))
        return result

    text = _TEXT
    opt_text = _OPT_TEXT

    source_ids = fresh(draw(st.integers(0, 2)))
    stakeholder_ids = fresh(draw(n))
    sources = tuple(
        SourceDocument(
            id=i,
            title=draw(text),
            publisher=_maybe(draw, stakeholder_ids),
            date=draw(_OPT_PERIOD),
            url=draw(opt_text),
            extra=ext(SourceDocument),
        )
        for i in source_ids
    )
    stakeholders = tuple(
        Stakeholder(
            id=i,
            name=draw(text),
            kind=draw(st.sampled_from(StakeholderKind)),
            short_name=draw(opt_text),
            level=draw(_enum(BodyLevel)),
            identifiers=FrozenMap(
                draw(st.dictionaries(st.sampled_from(["scb_county", "orgnr"]), _SHORT_TEXT))
            ),
            member_of=_subset(draw, stakeholder_ids[:k]),
            part_of=_maybe(draw, stakeholder_ids[:k]),
            size=draw(_opt(st.integers(min_value=0, max_value=500))),
            description=draw(opt_text),
            provenance=prov(),
            extra=ext(Stakeholder),
        )
        for k, i in enumerate(stakeholder_ids)
    )

    def responsibilities() -> tuple[Responsibility, ...]:
        if not stakeholder_ids:
            return ()
        return tuple(
            Responsibility(
                stakeholder=s,
                role=draw(st.sampled_from(Role)),
                note=draw(opt_text),
                extra=ext(Responsibility),
            )
            for s in _subset(draw, stakeholder_ids)
        )

    def timeline() -> Timeline | None:
        if not draw(st.booleans()):
            return None
        return Timeline(
            text=draw(text),
            period=draw(_OPT_PERIOD),
            open_end=draw(st.booleans()),
            recurrence=draw(_RECURRENCE),
            phases=tuple(
                Phase(
                    label=draw(opt_text),
                    period=draw(_OPT_PERIOD),
                    text=draw(text),
                    extra=ext(Phase),
                )
                for _ in range(draw(st.integers(0, 2)))
            ),
            conditions=tuple(draw(st.lists(_SHORT_TEXT, max_size=2))),
            unparsed=tuple(draw(st.lists(_SHORT_TEXT, max_size=2))),
            extra=ext(Timeline),
        )

    own = tuple(
        draw(frameworks(kind=FrameworkKind.FOCUS_AREAS, max_codes=4, extras=extras))
        for _ in range(draw(st.integers(0, 1)))
    )
    own = tuple(attrs.evolve(fw, id=f"{fw.id}.{next(serial)}") for fw in own)
    # Own codes are qualified, so that they never clash with a built-in code.
    framework_codes = [*_CODES[FrameworkKind.FOCUS_AREAS]] + [
        f"{fw.id}:{c.code}" for fw in own for c in fw.codes
    ]

    section_ids = fresh(draw(n))
    sections = tuple(
        Section(
            id=i,
            title=draw(text),
            number=draw(opt_text),
            kind=draw(opt_text),
            parent=_maybe(draw, section_ids[:k]),
            period=draw(_OPT_PERIOD),
            focus_areas=_subset(draw, framework_codes),
            target_groups=_subset(draw, _CODES[FrameworkKind.TARGET_GROUPS]),
            text=draw(opt_text),
            provenance=prov(),
            extra=ext(Section),
        )
        for k, i in enumerate(section_ids)
    )

    indicator_ids = fresh(draw(n))
    indicators = []
    for i in indicator_ids:
        dims = draw(
            st.lists(
                st.sampled_from(["sex", "age_band", "month", "school_grade"]),
                max_size=2,
                unique=True,
            )
        )

        def breakdown(dims: list[str] = dims) -> FrozenMap[str, str]:
            chosen = _subset(draw, dims)
            return FrozenMap({d: draw(_SHORT_TEXT) for d in chosen})

        def observation() -> Observation:
            return Observation(
                period=draw(_OPT_PERIOD),
                **draw(_FIGURES),
                breakdown=breakdown(),
                statistic=draw(_enum(Statistic)),
                comment=draw(opt_text),
                source=draw(opt_text),
                provenance=prov(),
                extra=ext(Observation),
            )

        indicators.append(
            Indicator(
                id=i,
                name=draw(text),
                measure=draw(_enum(MeasureKind)),
                unit=draw(opt_text),
                rate_base=draw(_opt(st.integers(min_value=1, max_value=10**6))),
                direction=draw(_enum(Direction)),
                source=draw(opt_text),
                source_kind=draw(_enum(SourceKind)),
                source_id=draw(opt_text),
                frequency=draw(_enum(Frequency)),
                rounds=tuple(draw(st.lists(_PERIOD, max_size=2))),
                dimensions=tuple(dims),
                baselines=tuple(observation() for _ in range(draw(st.integers(0, 2)))),
                targets=tuple(
                    Target(
                        period=draw(_OPT_PERIOD),
                        **draw(_FIGURES),
                        of_baseline=draw(_OPT_AMOUNT),
                        breakdown=breakdown(),
                        comment=draw(opt_text),
                        extra=ext(Target),
                    )
                    for _ in range(draw(st.integers(0, 2)))
                ),
                observations=tuple(observation() for _ in range(draw(st.integers(0, 3)))),
                description=draw(opt_text),
                provenance=prov(),
                extra=ext(Indicator),
            )
        )

    goal_ids = fresh(draw(n))
    goals = tuple(
        Goal(
            id=i,
            text=draw(text),
            number=draw(opt_text),
            horizon=draw(_enum(Horizon)),
            parent=_maybe(draw, goal_ids[:k]),
            description=draw(opt_text),
            focus_areas=_subset(draw, framework_codes),
            target_groups=_subset(draw, _CODES[FrameworkKind.TARGET_GROUPS]),
            prevention_levels=_subset(draw, _CODES[FrameworkKind.PREVENTION_LEVELS]),
            perspectives=_subset(draw, _CODES[FrameworkKind.PERSPECTIVES]),
            sections=_subset(draw, section_ids),
            indicators=_subset(draw, indicator_ids),
            timeline=timeline(),
            responsibilities=responsibilities(),
            vision=draw(_enum(Vision)),
            provenance=prov(),
            extra=ext(Goal),
        )
        for k, i in enumerate(goal_ids)
    )
    activity_ids = fresh(draw(n))
    activities = tuple(
        Activity(
            id=i,
            text=draw(text),
            goals=_subset(draw, goal_ids),
            current_state=draw(opt_text),
            intended_result=draw(opt_text),
            indicators=_subset(draw, indicator_ids),
            timeline=timeline(),
            conditions=tuple(draw(st.lists(_SHORT_TEXT, max_size=2))),
            priority=draw(_opt(_SHORT_TEXT)),
            responsibilities=responsibilities(),
            status=draw(_enum(ActivityStatus)),
            status_reason=draw(opt_text),
            sections=_subset(draw, section_ids),
            focus_areas=_subset(draw, framework_codes),
            prevention_levels=_subset(draw, _CODES[FrameworkKind.PREVENTION_LEVELS]),
            provenance=prov(),
            extra=ext(Activity),
        )
        for i in activity_ids
    )

    decisions = tuple(
        Decision(
            id=i,
            kind=draw(st.sampled_from(DecisionKind)),
            bodies=_subset(draw, stakeholder_ids),
            members=_subset(draw, stakeholder_ids),
            addressees=_subset(draw, stakeholder_ids),
            date=draw(_OPT_PERIOD),
            text=draw(opt_text),
            subjects=_subset(draw, goal_ids + activity_ids),
            provenance=prov(),
            extra=ext(Decision),
        )
        for i in fresh(draw(n))
    )
    changes = tuple(
        ChangeLogEntry(
            version=f"1.{k}",
            date=draw(_OPT_DATE),
            change=draw(opt_text),
            decided_by=_subset(draw, stakeholder_ids),
            provenance=prov(),
            extra=ext(ChangeLogEntry),
        )
        for k in range(draw(n))
    )

    grant_ids = fresh(draw(n))
    grants = tuple(
        Grant(
            id=i,
            purpose=draw(text),
            amount=draw(_OPT_AMOUNT),
            currency=draw(st.sampled_from(["SEK", "EUR"])),
            period=draw(_OPT_PERIOD),
            funder=_maybe(draw, stakeholder_ids),
            recipient=_maybe(draw, stakeholder_ids),
            eligible=_subset(draw, stakeholder_ids),
            eligibility=draw(opt_text),
            part_of=_maybe(draw, grant_ids[:k]),
            sections=_subset(draw, section_ids),
            uses=tuple(
                GrantUse(
                    id=u,
                    kind=draw(st.sampled_from(UseKind)),
                    amount=draw(_OPT_AMOUNT),
                    period=draw(_OPT_PERIOD),
                    text=draw(opt_text),
                    provenance=prov(),
                    extra=ext(GrantUse),
                )
                for u in fresh(draw(st.integers(0, 2)))
            ),
            payments=tuple(
                Payment(
                    id=pay,
                    amount=draw(_OPT_AMOUNT),
                    date=draw(_OPT_PERIOD),
                    text=draw(opt_text),
                    provenance=prov(),
                    extra=ext(Payment),
                )
                for pay in fresh(draw(st.integers(0, 2)))
            ),
            partial=draw(st.booleans()),
            note=draw(opt_text),
            provenance=prov(),
            extra=ext(Grant),
        )
        for k, i in enumerate(grant_ids)
    )
    populations = (
        tuple(
            PopulationFigure(
                id=i,
                stakeholder=draw(st.sampled_from(stakeholder_ids)),
                count=draw(st.integers(min_value=0, max_value=10**7)),
                date=draw(_OPT_DATE),
                source=draw(opt_text),
                provenance=prov(),
                extra=ext(PopulationFigure),
            )
            for i in fresh(draw(n))
        )
        if stakeholder_ids
        else ()
    )
    key_ids = fresh(draw(st.integers(0, 3)))
    keys: list[AllocationKey] = []
    for k, key_id in enumerate(key_ids):
        method = draw(st.sampled_from(KeyMethod))
        parties = _subset(draw, stakeholder_ids, max_size=4)
        keys.append(
            AllocationKey(
                id=key_id,
                method=method,
                label=draw(opt_text),
                basis=draw(opt_text),
                parties=parties if method is KeyMethod.EQUAL else (),
                weights=FrozenMap({p: draw(_AMOUNT).copy_abs() for p in parties})
                if method is KeyMethod.PROPORTIONAL
                else EMPTY,
                figures=_subset(draw, [f.id for f in populations])
                if method is KeyMethod.POPULATION
                else (),
                population=draw(_OPT_PERIOD) if method is KeyMethod.POPULATION else None,
                source=draw(opt_text) if method is KeyMethod.POPULATION else None,
                amounts=FrozenMap({p: draw(_AMOUNT) for p in parties})
                if method is KeyMethod.FIXED
                else EMPTY,
                percent=draw(_AMOUNT) if method is KeyMethod.PERCENTAGE else None,
                grants=_subset(draw, grant_ids) if method is KeyMethod.PERCENTAGE else (),
                floor=draw(_AMOUNT).copy_abs() if method is KeyMethod.FLOOR else None,
                rest=_maybe(draw, key_ids[:k]) if method is KeyMethod.FLOOR else None,
                parts=tuple(
                    KeyPart(key=part, share=draw(_OPT_AMOUNT), label=draw(opt_text))
                    for part in _subset(draw, key_ids[:k])
                )
                if method is KeyMethod.COMBINED
                else (),
                provenance=prov(),
                extra=ext(AllocationKey),
            )
        )
    grants = tuple(attrs.evolve(g, key=_maybe(draw, key_ids)) for g in grants)
    pools = []
    for i in fresh(draw(st.integers(0, 2))):
        contributions = (
            tuple(
                Contribution(
                    id=c,
                    stakeholder=draw(st.sampled_from(stakeholder_ids)),
                    amount=draw(_OPT_AMOUNT),
                    note=draw(opt_text),
                    extra=ext(Contribution),
                )
                for c in fresh(draw(n))
            )
            if stakeholder_ids
            else ()
        )
        lines = tuple(
            BudgetLine(
                id=b,
                label=draw(text),
                amount=draw(_OPT_AMOUNT),
                goals=_subset(draw, goal_ids),
                activities=_subset(draw, activity_ids),
                note=draw(opt_text),
                extra=ext(BudgetLine),
            )
            for b in fresh(draw(n))
        )
        pools.append(
            Pool(
                id=i,
                name=draw(text),
                period=draw(_OPT_PERIOD),
                size=draw(_OPT_AMOUNT),
                contributions=contributions,
                key=_maybe(draw, key_ids),
                budget_lines=lines,
                partial=draw(st.booleans()),
                note=draw(opt_text),
                provenance=prov(),
                extra=ext(Pool),
            )
        )
    summable = [g.id for g in grants] + [u.id for g in grants for u in g.uses]
    summable += [p.id for p in populations]
    for pool_ in pools:
        summable += [c.id for c in pool_.contributions] + [b.id for b in pool_.budget_lines]
    totals = tuple(
        Total(
            id=i,
            label=draw(text),
            value=draw(_AMOUNT),
            unit=draw(opt_text),
            parts=_subset(draw, summable, max_size=5),
            partial=draw(st.booleans()),
            provenance=prov(),
            extra=ext(Total),
        )
        for i in fresh(draw(st.integers(0, 3)))
    )
    old_goal_ids = goal_ids + fresh(draw(n))
    follow_ups = tuple(
        FollowUp(
            id=i,
            title=draw(opt_text),
            of_plan=draw(_OPT_ID),
            of_version=draw(opt_text),
            period=draw(_OPT_PERIOD),
            items=tuple(
                FollowUpItem(
                    goal=g,
                    text=draw(text),
                    horizon=draw(_enum(Horizon)),
                    activities=tuple(draw(st.lists(text, max_size=2))),
                    indicator=draw(opt_text),
                    timeline=timeline(),
                    done=draw(opt_text),
                    results=draw(opt_text),
                    indicators=_subset(draw, indicator_ids),
                    fate=draw(_enum(GoalFate)),
                    fate_text=draw(opt_text),
                    reason=draw(opt_text),
                    successors=_subset(draw, goal_ids + activity_ids),
                    sections=_subset(draw, section_ids),
                    provenance=prov(),
                    extra=ext(FollowUpItem),
                )
                for g in draw(st.lists(st.sampled_from(old_goal_ids), max_size=4, unique=True))
            )
            if old_goal_ids
            else (),
            provenance=prov(),
            extra=ext(FollowUp),
        )
        for i in fresh(draw(st.integers(0, 1)))
    )

    return Plan(
        id=draw(_ID),
        title=draw(text),
        kind=draw(st.sampled_from(PlanKind)),
        owners=_subset(draw, stakeholder_ids),
        responsibilities=responsibilities(),
        county=draw(_opt(st.sampled_from(["23", "24", "25"]))),
        diary_number=draw(opt_text),
        period=draw(_OPT_PERIOD),
        language=draw(st.sampled_from(["sv", "en"])),
        version=draw(opt_text),
        date=draw(_OPT_DATE),
        description=draw(opt_text),
        relations=tuple(
            PlanRelation(
                plan=other,
                kind=draw(st.sampled_from(RelationKind)),
                title=draw(opt_text),
                note=draw(opt_text),
                provenance=prov(),
                extra=ext(PlanRelation),
            )
            for other in draw(st.lists(_ID, max_size=2, unique=True))
        ),
        review=timeline(),
        frameworks=_subset(draw, [*_FRAMEWORK_IDS, *(fw.id for fw in own)]),
        own_frameworks=own,
        focus_areas=tuple(
            FocusAreaWording(
                code=c,
                number=draw(opt_text),
                label=draw(opt_text),
                provenance=prov(),
                extra=ext(FocusAreaWording),
            )
            for c in _subset(draw, _WORDINGS, max_size=5)
        ),
        target_groups=_subset(draw, _CODES[FrameworkKind.TARGET_GROUPS]),
        perspectives=_subset(draw, _CODES[FrameworkKind.PERSPECTIVES]),
        sections=sections,
        terms=tuple(
            Term(
                term=draw(text),
                definition=draw(text),
                refers_to=_maybe(draw, stakeholder_ids),
                extra=ext(Term),
            )
            for _ in range(draw(st.integers(0, 2)))
        ),
        sources=sources,
        stakeholders=stakeholders,
        contacts=tuple(
            ContactPoint(
                id=i,
                role=draw(text),
                organisation=_maybe(draw, stakeholder_ids),
                bodies=_subset(draw, stakeholder_ids),
                note=draw(opt_text),
                provenance=prov(),
                extra=ext(ContactPoint),
            )
            for i in fresh(draw(st.integers(0, 2)))
        ),
        goals=goals,
        activities=activities,
        indicators=tuple(indicators),
        decisions=decisions,
        changes=changes,
        grants=grants,
        populations=populations,
        allocation_keys=tuple(keys),
        pools=tuple(pools),
        totals=totals,
        follow_ups=follow_ups,
        conversions=tuple(
            draw(conversion_records("strategy-2025", goal_ids, framework_codes, extras=extras))
            for _ in range(draw(st.integers(0, 1)))
        ),
        provenance=prov(),
        extra=ext(Plan),
    )


@st.composite
def revisions(draw: Draw[Any], base: st.SearchStrategy[Plan] | None = None) -> tuple[Plan, Plan]:
    """A plan and a revision of it: items dropped, reworded, reordered, added; amounts and
    values changed. For testing diffs, change logs and anything that compares versions.
    """
    old: Plan = draw(base if base is not None else plans())
    other: Plan = draw(plans(max_items=3))
    changes: dict[str, Any] = {}
    for name in ("goals", "activities", "indicators", "stakeholders", "grants", "sections"):
        items = list(getattr(old, name))
        kept = [item for item in items if draw(st.integers(0, 4))]  # drop about one in five
        reworded = []
        for item in kept:
            if draw(st.integers(0, 3)) == 0:
                field = next(
                    (f for f in ("text", "name", "title", "purpose") if hasattr(item, f)), None
                )
                if field is not None:
                    item = attrs.evolve(item, **{field: draw(_TEXT)})
            if isinstance(item, Grant) and draw(st.booleans()):
                item = attrs.evolve(item, amount=(item.amount or 0) + draw(_AMOUNT))
            if isinstance(item, Indicator) and draw(st.booleans()):
                item = attrs.evolve(
                    item,
                    observations=(
                        *item.observations,
                        Observation(period=draw(_OPT_PERIOD), value=draw(_OPT_VALUE)),
                    ),
                )
            reworded.append(item)
        if draw(st.booleans()):
            reworded = draw(st.permutations(reworded))
        taken = {getattr(x, "id", None) for x in reworded}
        added = [x for x in getattr(other, name) if getattr(x, "id", None) not in taken]
        at = draw(st.integers(0, len(reworded)))
        changes[name] = (*reworded[:at], *added, *reworded[at:])
    if draw(st.booleans()):
        changes["title"] = draw(_TEXT)
    if draw(st.booleans()):
        changes["version"] = draw(_OPT_TEXT)
    return old, attrs.evolve(old, **changes)
