"""Swedish timeline text: every phrase of the seeds, others in the same style, and the queries."""

from __future__ import annotations

from datetime import date

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import uphmodel
from uphmodel import Plan, Timeline, parse_timeline
from uphmodel._tree import walk
from uphmodel.strategies import texts

# (text as written, expected period, runs on, recurrence, conditions, phases)
SEED_PHRASES: list[tuple[str, str | None, bool, str | None, tuple[str, ...], list[str]]] = [
    # Jämtland Härjedalen 2018 (seed 003)
    ("2016 - framåt", "2016/", True, None, (), []),
    ("2016-2020", "2016/2020", False, None, (), []),
    ("2017", "2017", False, None, (), []),
    ("2017- framåt", "2017/", True, None, (), []),
    ("2017 - framåt", "2017/", True, None, (), []),
    ("2017-framåt", "2017/", True, None, (), []),
    ("2017-2018", "2017/2018", False, None, (), []),
    ("2017-2020", "2017/2020", False, None, (), []),
    ("2018", "2018", False, None, (), []),
    ("2018-2019", "2018/2019", False, None, (), []),
    ("2018-2020", "2018/2020", False, None, (), []),
    ("2018-2022", "2018/2022", False, None, (), []),
    ("2018-framåt", "2018/", True, None, (), []),
    ("2019", "2019", False, None, (), []),
    ("2019-2020", "2019/2020", False, None, (), []),
    ("Påbörjas 2017", "2017/", False, None, (), []),
    ("i november 2018", "2018-11", False, None, (), []),
    # Norrbotten 2021 (seed 000)
    ("2020–2025", "2020/2025", False, None, (), []),
    ("2021", "2021", False, None, (), []),
    ("2021-2022", "2021/2022", False, None, (), []),
    ("2021-2025", "2021/2025", False, None, (), []),
    ("2021 och fortlöpande", "2021/", True, None, (), []),
    ("2021--", "2021/", True, None, (), []),
    (
        "2021- kontinuerligt i förhållande till aktiviteter",
        "2021/",
        True,
        None,
        ("i förhållande till aktiviteter",),
        [],
    ),
    (
        "2021- t om 2022 med eventuell förlängning",
        "2021/2022",
        False,
        None,
        ("med eventuell förlängning",),
        [],
    ),
    (
        "2021-årligen så länge nationella medel tillförs",
        "2021/",
        True,
        "FREQ=YEARLY",
        ("så länge nationella medel tillförs",),
        [],
    ),
    ("Början hösten 2020 Och löpande", "2020S2/", True, None, (), []),
    ("Från hösten 2021 -2022", "2021S2/2022", False, None, (), []),
    ("Hösten 2021 V 41", "2021W41", False, None, (), []),
    (
        "Planering hösten 2021 genomförs 2022 och löpande",
        "2021S2/",
        True,
        None,
        (),
        ["planering 2021S2", "genomförande 2022/"],
    ),
    ("Påbörjas hösten 2021", "2021S2/", False, None, (), []),
    ("Start hösten 2021", "2021S2/", False, None, (), []),
    ("Start hösten 2021 fortlöpande", "2021S2/", True, None, (), []),
    (
        "Start hösten 2021-2022\n\n2022\n\n2022",
        "2021S2/2022",
        False,
        None,
        (),
        ["- 2022", "- 2022"],
    ),
    # Region Norrbotten § 88, 2025 (seed 001), year of the decision 2025
    ("under våren 2025", "2025S1", False, None, (), []),
    ("Under hösten 2025", "2025S2", False, None, (), []),
    ("under 2025", "2025", False, None, (), []),
    ("från och med 2025", "2025/", False, None, (), []),
    ("från och med 2019", "2019/", False, None, (), []),
    ("i april 2026", "2026-04", False, None, (), []),
    ("Sedan 2023", "2023/", True, None, (), []),
    ("startades 2024 och fortsätter under 2025", "2024/2025", False, None, (), []),
    # Västerbotten 2018 (seed 002): text without a year is placed in the plan's year
    ("Under hösten 2018", "2018S2", False, None, (), []),
    ("under hösten 2019", "2019S2", False, None, (), []),
    ("Under hösten", "2018S2", False, None, (), []),
    ("i höst", "2018S2", False, None, (), []),
    ("till hösten", "2018S2", False, None, (), []),
    ("under året", "2018", False, None, (), []),
    ("under 2018", "2018", False, None, (), []),
    ("under hösten/vintern 2018/19", "2018S2/2019-02", False, None, (), []),
    # from DOMAIN.md
    ("v 45", "2018W45", False, None, (), []),
    ("våren 2025", "2025S1", False, None, (), []),
]

OTHER_PHRASES: list[tuple[str, str | None, bool, str | None]] = [
    ("fr.o.m. mars 2021 t.o.m. juni 2022", "2021-03/2022-06", False, None),
    ("Vecka 12 2023", "2023W12", False, None),
    ("v. 45 2022", "2022W45", False, None),
    ("senast december 2022", "/2022-12", False, None),
    ("t.o.m. 2024", "/2024", False, None),
    ("2022-2024 och vidare", "2022/", True, None),
    ("Två gånger per år från 2022", "2022/", False, "FREQ=MONTHLY;INTERVAL=6"),
    ("vartannat år med start 2023", "2023/", False, "FREQ=YEARLY;INTERVAL=2"),
    ("Sommaren 2022", "2022-06/2022-08", False, None),
    ("vintern 2022/23", "2022-12/2023-02", False, None),
    ("första halvåret 2023", "2023S1", False, None),
    ("Q3 2022", "2022Q3", False, None),
    ("kvartal 2 2024", "2024Q2", False, None),
    ("2019-20", "2019/2020", False, None),
    ("2021-05", "2021-05", False, None),
    ("Start 2022-03-01", "2022-03-01/", False, None),
    ("2022 – tills vidare", "2022/", True, None),
    ("Varje månad", None, False, "FREQ=MONTHLY"),
    ("kvartalsvis 2023–2024", "2023/2024", False, "FREQ=MONTHLY;INTERVAL=3"),
    ("löpande", None, True, None),
    ("Inleds i januari 2023", "2023-01/", False, None),
    ("15 mars 2023", "2023-03-15", False, None),
    ("28/9", "2018-09-28", False, None),
    ("nästa år", "2019", False, None),
    ("v. 40-42 2022", "2022W40/2022W42", False, None),
    ("v 40–42", "2018W40/2018W42", False, None),
    ("januari–mars 2022", "2022-01/2022-03", False, None),
    ("hösten–vintern 2022/23", "2022S2/2023-02", False, None),
    ("maj 2021 - juni", "2021-05/2021-06", False, None),
]


@pytest.mark.parametrize(
    ("text", "period", "runs_on", "recurrence", "conditions", "phases"),
    SEED_PHRASES,
    ids=[p[0] for p in SEED_PHRASES],
)
def test_every_seed_phrase_reads_as_a_planner_would(
    text: str,
    period: str | None,
    runs_on: bool,
    recurrence: str | None,
    conditions: tuple[str, ...],
    phases: list[str],
) -> None:
    year = 2025 if "2025" in text or "2026" in text or "2024" in text or "2023" in text else 2018
    timeline = parse_timeline(text, year=year)
    assert timeline.text == text
    assert (str(timeline.period) if timeline.period else None) == period
    assert timeline.open_end is runs_on
    assert timeline.recurrence == recurrence
    assert timeline.conditions == conditions
    assert [f"{p.label or '-'} {p.period}" for p in timeline.phases] == phases
    assert timeline.unparsed == ()
    assert timeline.understood


@pytest.mark.parametrize(
    ("text", "period", "runs_on", "recurrence"), OTHER_PHRASES, ids=[p[0] for p in OTHER_PHRASES]
)
def test_phrases_of_other_plans(
    text: str, period: str | None, runs_on: bool, recurrence: str | None
) -> None:
    timeline = parse_timeline(text, year=2018)
    assert (str(timeline.period) if timeline.period else None) == period
    assert timeline.open_end is runs_on
    assert timeline.recurrence == recurrence
    assert timeline.unparsed == ()


def test_every_timeline_of_the_examples_is_read_and_structured() -> None:
    """Every stored timeline is what the parser reads, or a transcriber's fuller reading of a
    text the parser leaves words of unread, agreeing with it on the period."""
    by_hand = []
    for name in uphmodel.examples.names():
        plan = uphmodel.examples.load(name)
        parsed = dict(_timelines(uphmodel.structure_timelines(plan)))
        for path, stored in _timelines(plan):
            read = parsed[path]
            if stored != read:
                assert read.unparsed and not stored.unparsed, (name, path, stored, read)
                assert stored.period == read.period, (name, path)
                by_hand.append((name, path))
        assert not uphmodel.check(plan).by_rule("timelines.readable"), name
    assert by_hand == [("norrbotten-2025-decision", "/activities/22/timeline")]


def _timelines(plan: Plan) -> list[tuple[str, Timeline]]:
    return [(path, record) for path, record in walk(plan) if isinstance(record, Timeline)]


def test_what_cannot_be_read_is_reported_not_lost() -> None:
    timeline = parse_timeline("när medel finns, senast 2022")
    assert str(timeline.period) == "/2022"
    assert timeline.unparsed == ("när", "medel", "finns")
    assert not timeline.understood
    no_year = parse_timeline("i höst")
    assert no_year.period is None
    assert no_year.unparsed == ("höst",)
    assert parse_timeline("").period is None
    assert parse_timeline("2021-13").unparsed == ("13",)


def test_structure_timelines_uses_the_plan_year() -> None:
    plan = Plan(
        id="p",
        title="t",
        kind=uphmodel.PlanKind.OTHER,
        period=uphmodel.Period.parse("2019/2021"),
        activities=(
            uphmodel.Activity(id="a", text="x", timeline=uphmodel.Timeline(text="i höst")),
        ),
    )
    structured = uphmodel.structure_timelines(plan)
    timeline = structured.activities[0].timeline
    assert timeline is not None and str(timeline.period) == "2019S2"
    assert str(uphmodel.structure_timelines(plan, year=2021).activities[0].timeline.period) == (  # type: ignore[union-attr]
        "2021S2"
    )


@given(texts(max_size=60))
def test_parse_timeline_never_raises_and_keeps_the_text(text: str) -> None:
    timeline = parse_timeline(text, year=2020)
    assert timeline.text == text
    plan = Plan(
        id="p", title="t", kind=uphmodel.PlanKind.OTHER,
        activities=(uphmodel.Activity(id="a", text="x", timeline=timeline),),
    )  # fmt: skip
    assert uphmodel.loads(uphmodel.dumps(plan)) == plan


@given(
    st.lists(
        st.sampled_from(
            [
                "2021",
                "-",
                "hösten",
                "v 41",
                "t.o.m.",
                "2022",
                "och",
                "löpande",
                "årligen",
                "planering",
                "genomförs",
                "från",
                "senast",
                "maj",
                "28/9",
                "så länge",
                "--",
                "\n",
                "15",
                "v",
                "2021-05",
                "2018/19",
                "vintern",
                "i år",
                "Q3",
                "första halvåret",
            ]
        ),
        max_size=8,
    ).map(" ".join)
)
def test_parse_timeline_never_raises_on_timeline_words(text: str) -> None:
    timeline = parse_timeline(text)
    if timeline.period is not None and not timeline.period.is_reversed:
        assert (
            timeline.period.first_day is None
            or timeline.period.last_day is None
            or (timeline.period.first_day <= timeline.period.last_day)
        )


def test_active_ending_and_overdue() -> None:
    plan = uphmodel.examples.load("norrbotten-2021")
    autumn = [a.id for a in uphmodel.active_in(plan, "2021S2")]
    assert "samverkan-psykiatriveckan" in autumn  # "Hösten 2021 V 41"
    assert "samverkan-utbildningsinsatser" in autumn  # "Början hösten 2020 Och löpande"
    assert len(autumn) == len(plan.activities)  # every activity runs in autumn 2021
    in_2022 = {a.id for a in uphmodel.active_in(plan, uphmodel.Period.parse("2022"))}
    assert "samverkan-psykiatriveckan" not in in_2022  # week 41 of 2021 is over
    assert "brukar-stodlista" not in in_2022  # "2021"
    assert "samverkan-handlingsplan-missbruk" in in_2022  # started, no end stated
    assert {a.id for a in uphmodel.ending_in(plan, "2022")} == {
        "samverkan-vip", "samverkan-pilot-pitea-samsjuklighet",
        "samverkan-pilot-boden-samsjuklighet", "samverkan-norrbus", "suicid-struktur",
        "brukar-anhorigstod",
    }  # fmt: skip
    late = {a.id for a in uphmodel.overdue(plan, date(2023, 1, 1))}
    assert late == {
        "samverkan-vip", "samverkan-psykiatriveckan", "samverkan-pilot-pitea-samsjuklighet",
        "samverkan-pilot-boden-samsjuklighet", "samverkan-norrbus", "suicid-struktur",
        "brukar-stodlista", "brukar-anhorigstod",
    }  # fmt: skip
    assert uphmodel.overdue(plan, date(2021, 1, 1)) == ()
    done = uphmodel.Activity(
        id="x", text="klar", status=uphmodel.ActivityStatus.DONE,
        timeline=uphmodel.Timeline(text="2021", period=uphmodel.Period.parse("2021")),
    )  # fmt: skip
    with_done = attrs.evolve(plan, activities=(*plan.activities, done))
    assert "x" not in {a.id for a in uphmodel.overdue(with_done, date(2023, 1, 1))}
    assert "x" in {a.id for a in uphmodel.ending_in(with_done, "2021")}
