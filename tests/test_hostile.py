"""Hostile input: any text read gives a plan or a ``LoadError``; sums are exact for any number
of digits; records refuse values their fields cannot hold when they are built."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal, localcontext
from typing import Any

import attrs
import pytest

import uphmodel
from tests.fuzzing import run_case
from tests.rule_cases import document
from uphmodel import Limits, LoadError, Period

BASE = uphmodel.dumps(uphmodel.examples.load("jamtland-harjedalen-2018"))


def _with(field: str) -> str:
    """The example with one more top-level field, written as raw JSON text."""
    return BASE.rstrip()[:-1].rstrip() + f',\n  "x": {field}\n}}\n'


def _problems(text: str | bytes, **kw: Any) -> list[str]:
    with pytest.raises(LoadError) as info:
        uphmodel.loads(text, **kw)
    return [str(p) for p in info.value.problems]


@pytest.mark.parametrize(
    ("field", "expected"),
    [
        ("[" * 10_000 + "]" * 10_000, "/: nested deeper than the 100 levels"),
        ('{"a":' * 150 + "1" + "}" * 150, "/x" + "/a" * 99 + ": nested deeper than the 100"),
        ("1e999999999", "/x: the number 1E+999999999 needs more than the 100 digits"),
        ("-1e-999999999", "/x: the number -1E-999999999 needs more than the 100 digits"),
        ("1" * 10_000, "/: a number has more than the 100 digits"),
        ("1" * 101, "/x: the number 1111111111"),
        ('"\\ud800"', "/x: the text '\\ud800' holds a lone surrogate"),
        ('"a\\udfffb"', "/x: the text 'a\\udfffb' holds a lone surrogate"),
        ("NaN", "/: not valid JSON: NaN is not a JSON number"),
        ("-Infinity", "/: not valid JSON: -Infinity is not a JSON number"),
    ],
    ids=["deep-arrays", "deep-objects", "huge-exponent", "tiny-exponent", "10000-digits",
         "101-digits", "lone-surrogate", "lone-low-surrogate", "nan", "infinity"],
)  # fmt: skip
def test_hostile_values_are_load_errors_that_say_where_and_what(field: str, expected: str) -> None:
    problems = _problems(_with(field))
    assert len(problems) == 1 and problems[0].startswith(expected), problems
    assert len(problems[0]) < 400  # a short excerpt, never the value whole


def _chains(n: int, circle: bool) -> str:
    """A plan whose goals, sections, stakeholders and grants each form a chain ``n`` long
    (closed into a circle when ``circle``)."""

    def chain(prefix: str, field: str, item: dict[str, Any]) -> list[dict[str, Any]]:
        items = [{**item, "id": f"{prefix}{k}"} for k in range(n)]
        for k in range(1, n):
            items[k][field] = f"{prefix}{k - 1}" if field != "member_of" else [f"{prefix}{k - 1}"]
        if circle:
            items[0][field] = f"{prefix}{n - 1}" if field != "member_of" else [f"{prefix}{n - 1}"]
        return items

    parts = {
        "stakeholders": chain("s", "part_of", {"name": "Del", "kind": "unit"})
        + chain("m", "member_of", {"name": "Grupp", "kind": "group"}),
        "sections": chain("k", "parent", {"title": "Avsnitt", "number": "1"}),
        "goals": chain("g", "parent", {"text": "Mål"}),
        "grants": chain("b", "part_of", {"purpose": "Del av medlen", "amount": 1}),
    }
    return document(",\n".join(f'"{key}": {json.dumps(value)}' for key, value in parts.items()))


@pytest.mark.parametrize("circle", [False, True], ids=["chain", "circle"])
def test_chains_of_a_thousand_references_go_through_every_function(circle: bool) -> None:
    text = _chains(1000, circle)
    plan = uphmodel.loads(text)
    assert run_case("chains", text, plan, slow=5.0) == []
    circles = [f for f in uphmodel.check(plan) if "goes round in a circle" in f.message]
    assert len(circles) == (5 if circle else 0)


def test_every_problem_of_a_document_is_reported_at_once() -> None:
    text = BASE.replace('"id":', '"id": "dubbel", "id":', 1)
    text = text.rstrip()[:-1] + ',"deep":' + "[" * 200 + "]" * 200 + ',"big":1e400}'
    problems = _problems(text)
    assert [p.split(":")[0] for p in problems] == ["/id", "/deep" + "/0" * 99, "/big"]


def test_a_byte_order_mark_and_escaped_pairs_are_read() -> None:
    assert uphmodel.loads("\ufeff" + BASE) == uphmodel.loads(BASE.encode("utf-8-sig"))
    plan = uphmodel.loads(_with('"\\ud83d\\ude42"'))
    assert plan.extra["x"] == "🙂"


def test_limits_are_configurable_and_checked() -> None:
    assert uphmodel.loads(_with("[" * 150 + "]" * 150), limits=Limits(depth=160)).extra["x"]
    assert uphmodel.loads(_with("1" * 150), limits=Limits(digits=150)).extra["x"] == int("1" * 150)
    small = document('"x": "' + "a" * 1000 + '"')
    problems = _problems(small, limits=Limits(value_size=500))
    assert problems == [
        "/x: a text of 1,000 characters is longer than the 500 a value may have (Limits.value_size)"
    ]
    with pytest.raises(ValueError, match=r"Limits\.depth must be at least 1 and at most 200"):
        Limits(depth=10_000)
    with pytest.raises(TypeError, match=r"Limits\.digits must be a whole number"):
        Limits(digits="100")  # type: ignore[arg-type]


def test_a_bad_value_is_quoted_short() -> None:
    problems = _problems(BASE.replace('"title": "', '"title": 1' + "2" * 90 + ', "t": "', 1))
    assert any("/title: expected text, got the number 1222" in p for p in problems)
    assert all(len(p) < 200 for p in problems)


def test_files_are_read_with_the_same_limits(tmp_path: Any) -> None:
    path = tmp_path / "plan.json"
    path.write_text(_with("1" * 50), "utf-8")
    with pytest.raises(LoadError, match=r"Limits\.digits"):
        uphmodel.load(path, limits=Limits(digits=20))
    assert uphmodel.load(path).extra["x"] == int("1" * 50)


# --- exact arithmetic ------------------------------------------------------------------------

PART = Decimal("123456789012345678901234567890.123456789")  # 39 significant digits


def _totals(stated: Decimal) -> uphmodel.Plan:
    return uphmodel.loads(document(f"""
  "grants": [
    {{"id": "a", "purpose": "Handlingsplan", "amount": {PART}}},
    {{"id": "b", "purpose": "Handlingsplan", "amount": {PART}}},
    {{"id": "c", "purpose": "Handlingsplan", "amount": 0.000000001}}
  ],
  "totals": [{{"id": "summa", "label": "Summa", "value": {stated}, "unit": "SEK",
              "parts": ["a", "b", "c"]}}]"""))  # fmt: skip


SUM = Decimal("246913578024691357802469135780.246913579")  # PART + PART + 0.000000001


def test_sums_of_many_digits_are_exact() -> None:
    assert PART + PART + Decimal("1e-9") != SUM  # the default context rounds to 28 digits
    assert [f for f in uphmodel.check(_totals(SUM)) if f.rule == "totals.sum"] == []
    below = Decimal("246913578024691357802469135780.246913578")
    off = [f for f in uphmodel.check(_totals(below)) if f.rule == "totals.sum"]
    assert len(off) == 1 and "under by 0,000000001 " in off[0].message, off


def test_allocations_of_many_digits_sum_to_the_total() -> None:
    total = Decimal("98765432109876543210987654321.987654321")
    split = uphmodel.allocate(total, {"a": 1, "b": 2, "c": 4}, unit=Decimal("0.000000001"))
    assert split.residual == 0
    amounts = split.amounts()
    assert [len(str(a).replace(".", "")) for a in amounts.values()] == [38, 38, 38]
    with localcontext(prec=200):
        assert sum(amounts.values(), Decimal(0)) == total


def test_a_summary_of_many_digits_is_exact() -> None:
    plan = _totals(SUM)
    assert [r.granted for r in uphmodel.money_summary(plan)] == [SUM]
    assert "246 913 578 024 691 357 802 469 135 780,246913579" in uphmodel.summarize(plan)


# --- constructors ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (lambda: uphmodel.Activity(id="a", text="t", status="done"),
         "status: must be an ActivityStatus (one of 'planned'"),
        (lambda: uphmodel.Section(id="a", title="t", period="2021"),
         "period: must be a Period or None (got str '2021')"),
        (lambda: uphmodel.Decision(id="d", kind=uphmodel.DecisionKind.APPROVED, date="2021-03"),
         "date: must be a Period or None (got str '2021-03')"),
        (lambda: uphmodel.ChangeLogEntry(version="1", date="2021-03-01"),
         "date: must be a date or None (got str '2021-03-01')"),
        (lambda: uphmodel.ChangeLogEntry(version="1", date=dt.datetime(2021, 3, 1)),
         "date: must be a date or None (got datetime"),
        (lambda: uphmodel.Grant(id="g", purpose="p", amount="1000"), "amount: must be a Decimal"),
        (lambda: uphmodel.Grant(id="g", purpose="p", amount=Decimal("1e5000")),
         "amount: must need at most 4,000 digits"),
        (lambda: uphmodel.Total(id="t", label="S", value=Decimal(1), partial="no"),
         "partial: must be True or False (got str 'no')"),
        (lambda: uphmodel.Stakeholder(id="s", name="S", kind=uphmodel.StakeholderKind.REGION,
                                      size=True),
         "size: must be a whole number or None (got bool True)"),
        (lambda: uphmodel.Goal(id="g", text="t", extra={"a": 1.5}), "a float (1.5) cannot"),
        (lambda: Period(Period.parse("2021").start, "2022"),  # type: ignore[arg-type]
         "end: must be a Span or None (got str '2022')"),
    ],
    ids=["enum", "period", "decision-date", "date", "datetime", "number", "digits", "bool", "int",
         "float", "span"],
)  # fmt: skip
def test_records_refuse_what_their_fields_cannot_hold(build: Any, message: str) -> None:
    with pytest.raises((TypeError, ValueError)) as info:
        build()
    assert message in str(info.value)


def test_a_type_error_is_both_a_type_error_and_names_the_field() -> None:
    with pytest.raises(TypeError) as info:
        uphmodel.Activity(id="a", text=12)  # type: ignore[arg-type]
    assert isinstance(info.value, uphmodel.InvalidValue) and info.value.field == "text"


def test_values_nested_past_the_ceiling_are_refused_when_built() -> None:
    deep: Any = 1
    for _ in range(uphmodel.MAX_DEPTH + 1):
        deep = [deep]
    with pytest.raises(ValueError, match="nested at most 200 levels"):
        uphmodel.Goal(id="g", text="t", extra={"x": deep})
    assert attrs.evolve(uphmodel.Goal(id="g", text="t"), extra={"x": [[1]]}).extra["x"] == ((1,),)


# --- tables, workbooks and Parquet -------------------------------------------------------------


@pytest.mark.parametrize(
    "cell",
    ["1e999999999", "9" * 5000, "[" * 300 + "]" * 300, '{"a": 1, "a": 2}', '"\\ud800"', "NaN"],
    ids=["exponent", "digits", "deep", "duplicate-key", "surrogate", "nan"],
)
def test_hostile_cells_of_a_workbook_are_load_errors(tmp_path: Any, cell: str) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    from uphmodel.formats import read_csv, read_xlsx, write_csv, write_xlsx

    plan = uphmodel.examples.load("norrbotten-2021")
    write_xlsx(plan, tmp_path / "plan.xlsx")
    book = openpyxl.load_workbook(tmp_path / "plan.xlsx")
    sheet = book.worksheets[0]
    for row in sheet.iter_rows(min_row=2, max_row=6, min_col=2, max_col=2):
        row[0].value = cell
    book.save(tmp_path / "bad.xlsx")
    problems = _read_problems(read_xlsx, tmp_path / "bad.xlsx")
    assert all(len(p) < 400 for p in problems), problems
    write_csv(plan, tmp_path / "csv")
    text = (tmp_path / "csv" / "goals.csv").read_text("utf-8").splitlines()
    text[1] = ",".join([text[1].split(",")[0], json.dumps(cell), *text[1].split(",")[2:]])
    (tmp_path / "csv" / "goals.csv").write_text("\n".join(text) + "\n", "utf-8")
    problems = _read_problems(read_csv, tmp_path / "csv")
    assert all(len(p) < 400 for p in problems), problems


def _read_problems(read: Any, path: Any) -> list[str]:
    """The problems of reading ``path`` (none when it reads); any other exception fails."""
    try:
        read(path)
    except LoadError as error:
        return [str(p) for p in error.problems]
    return []


# --- what an independent hunt found --------------------------------------------------------


def _keys_plan(keys: list[uphmodel.AllocationKey]) -> uphmodel.Plan:
    return uphmodel.Plan(
        id="p", title="t", kind=uphmodel.PlanKind.OTHER, allocation_keys=tuple(keys)
    )


def test_keys_in_a_circle_a_long_chain_or_an_exploding_tree_are_refused_quickly() -> None:
    from uphmodel import AllocationError, AllocationKey, KeyMethod, KeyPart

    floor = KeyMethod.FLOOR
    a = AllocationKey(id="a", method=floor, floor=Decimal(1), rest="b")
    b = AllocationKey(id="b", method=floor, floor=Decimal(1), rest="a")
    with pytest.raises(AllocationError, match="refers to itself through a → b → a"):
        uphmodel.allocate(100, a, plan=_keys_plan([a, b]))
    chain = [AllocationKey(id=f"k{i}", method=floor, floor=Decimal(0), rest=f"k{i + 1}")
             for i in range(3000)]  # fmt: skip
    chain.append(AllocationKey(id="k3000", method=KeyMethod.EQUAL, parties=("x", "y")))
    plan = _keys_plan(chain)
    with pytest.raises(AllocationError, match="nests keys more than 100 deep"):
        uphmodel.allocate(100, chain[0], plan=plan)
    assert uphmodel.allocate(100, chain[-50], plan=plan).amounts() == {
        "x": Decimal(50),
        "y": Decimal(50),
    }
    deep = [f.item for f in uphmodel.check(plan) if "deep" in f.message]
    assert deep == [f"k{i}" for i in range(2901)]  # k2900 to k3000 are 101 keys
    half = Decimal("0.5")
    tree = [AllocationKey(id=f"t{i}", method=KeyMethod.COMBINED,
                          parts=(KeyPart(key=f"t{i + 1}", share=half),
                                 KeyPart(key=f"t{i + 1}", share=half)))
            for i in range(30)]  # fmt: skip
    tree.append(AllocationKey(id="t30", method=KeyMethod.EQUAL, parties=("x",)))
    with pytest.raises(AllocationError, match="goes through more than 10,000 keys"):
        uphmodel.allocate(100, tree[0], plan=_keys_plan(tree))


def test_circles_of_members_are_found_in_linear_time() -> None:
    n = 20_000  # a chain of members, each also a member of the first: n circles through it
    kind = uphmodel.StakeholderKind.GROUP
    people = [uphmodel.Stakeholder(id=f"s{i}", name="n", kind=kind,
                                   member_of=(f"s{i + 1}", "s0") if i < n else ("s0",))
              for i in range(n + 1)]  # fmt: skip
    plan = uphmodel.Plan(
        id="p", title="t", kind=uphmodel.PlanKind.OTHER, stakeholders=tuple(people)
    )
    circles = [f for f in uphmodel.check(plan) if "circle" in f.message]
    assert len(circles) == 1


def test_an_unknown_field_named_with_a_superscript_digit_is_checked() -> None:
    plan = uphmodel.loads(document('"goals": [{"id": "g", "text": "t", "¹": 1, "2": 2}]'))
    assert uphmodel.check(plan) is not None


@pytest.mark.parametrize("year", [-5, 0, 1, 999, 9999, 10_000])
def test_this_and_next_year_in_years_the_calendar_lacks(year: int) -> None:
    for text in ("i år", "nästa år", "de kommande två åren", "under planperioden"):
        timeline = uphmodel.parse_timeline(text, year=year)
        assert timeline.period is None or 1000 <= timeline.period.first_day.year <= 9999  # type: ignore[union-attr]


def test_a_device_is_refused_not_read_for_ever() -> None:
    with pytest.raises(LoadError, match="a device, not a file"):
        uphmodel.load("/dev/zero")


def test_the_garbage_collector_is_paused_only_while_a_plan_is_read() -> None:
    import gc

    text = uphmodel.dumps(uphmodel.examples.load("norrbotten-2021"))
    assert gc.isenabled()
    uphmodel.loads(text)
    assert gc.isenabled()
    with pytest.raises(LoadError):
        uphmodel.loads("{")
    assert gc.isenabled()  # on again after a failure
    gc.disable()
    try:
        uphmodel.loads(text)
        assert not gc.isenabled()  # a program that turned it off keeps it off
    finally:
        gc.enable()
