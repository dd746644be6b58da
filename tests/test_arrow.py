"""Plans as Arrow tables and Parquet files, one plan or a portfolio, and back."""

from __future__ import annotations

import sys
import tempfile
from decimal import Decimal
from pathlib import Path

import attrs
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hypothesis import given, settings

import uphmodel
from uphmodel import (
    Grant,
    Indicator,
    LoadError,
    Observation,
    Plan,
    PlanKind,
    from_arrow,
    read_parquet,
    to_arrow,
    write_parquet,
)
from uphmodel.strategies import plans

NAMES = uphmodel.examples.names()
EXAMPLES = [uphmodel.examples.load(name) for name in NAMES]


def canonical(plans: list[Plan]) -> list[str]:
    return [uphmodel.dumps(p) for p in plans]


@pytest.mark.parametrize("name", NAMES)
def test_every_example_round_trips_through_parquet(name: str, tmp_path: Path) -> None:
    plan = uphmodel.examples.load(name)
    write_parquet(plan, tmp_path)
    assert canonical(read_parquet(tmp_path)) == canonical([plan])


def test_a_portfolio_round_trips_and_duckdb_can_query_it(tmp_path: Path) -> None:
    duckdb = pytest.importorskip("duckdb", reason="duckdb is in the test extra")
    write_parquet(EXAMPLES, tmp_path)
    assert canonical(read_parquet(tmp_path)) == canonical(EXAMPLES)
    rows = duckdb.sql(
        f"SELECT _plan, sum(amount) AS granted, count(*) AS n "
        f"FROM read_parquet('{tmp_path}/grants.parquet') GROUP BY _plan ORDER BY _plan"
    ).fetchall()
    expected = sorted(
        (p.id, sum((g.amount for g in p.grants if g.amount is not None), Decimal(0)), len(p.grants))
        for p in EXAMPLES
        if p.grants
    )
    assert [(plan, Decimal(granted).normalize(), n) for plan, granted, n in rows] == [
        (plan, granted.normalize(), n) for plan, granted, n in expected
    ]


@given(plans(max_items=4, extras=True))
def test_generated_plans_round_trip_through_arrow(plan: Plan) -> None:
    assert canonical(from_arrow(to_arrow(plan))) == canonical([plan])


@settings(max_examples=10)
@given(plans(max_items=3, extras=True))
def test_generated_plans_round_trip_through_parquet(plan: Plan) -> None:
    with tempfile.TemporaryDirectory() as folder:
        write_parquet([plan, attrs.evolve(plan, id="andra-planen")], folder)
        back = read_parquet(folder)
    assert canonical(back) == canonical([plan, attrs.evolve(plan, id="andra-planen")])


def test_every_table_has_the_same_schema_whatever_the_plans() -> None:
    one = to_arrow(uphmodel.examples.load("norrbotten-2021-funds"))
    other = to_arrow(uphmodel.examples.load("vasterbotten-2018"))
    assert set(one) == set(other) == set(uphmodel.formats._layout.layout())

    def typed(table: pa.Table) -> dict[str, pa.DataType]:
        return {f.name: f.type for f in table.schema if not f.name.endswith("#written")}

    for name in one:
        assert typed(one[name]) == typed(other[name]), name
    grants = one["grants"].schema
    assert grants.field("_plan").type == pa.string()
    assert grants.field("amount").type == pa.decimal128(38, 12)
    assert grants.field("period#start").type == pa.date32()
    assert grants.field("sections").type == pa.list_(pa.string())
    assert (
        one["grants"].schema.metadata[b"uphmodel.schema_version"]
        == uphmodel.SCHEMA_VERSION.encode()
    )


def test_what_a_typed_column_cannot_show_is_written_beside_it() -> None:
    indicator = Indicator(
        id="i1", name="Andel",
        observations=(
            Observation(period=uphmodel.Period.parse("2018"), value=Decimal("6.90")),
            Observation(period=uphmodel.Period.parse("2019"), value="12 av 15"),
            Observation(period=uphmodel.Period.parse("2020"), value=Decimal("21.77")),
            Observation(period=uphmodel.Period.parse("2021"), value=Decimal("1E+3")),
        ),
    )  # fmt: skip
    plan = Plan(
        id="p", title="t", kind=PlanKind.OTHER, indicators=(indicator,),
        grants=(Grant(id="g", purpose="x", amount=Decimal("123456789012345678.901234567890")),
                Grant(id="h", purpose="y", amount=Decimal("250000"))),
    )  # fmt: skip
    tables = to_arrow(plan)
    observations = tables["observations"]
    assert observations.column("value").to_pylist() == [
        None, None, Decimal("21.770000000000"), None,
    ]  # fmt: skip
    assert observations.column("value#written").to_pylist() == ["6.90", "12 av 15", None, "1E+3"]
    grants = tables["grants"]
    assert grants.column("amount").to_pylist() == [None, Decimal("250000.000000000000")]
    assert grants.column("amount#written").to_pylist() == ["123456789012345678.901234567890", None]
    assert "period#written" not in observations.column_names  # nothing needed it
    assert canonical(from_arrow(tables)) == canonical([plan])


def test_plans_with_one_id_are_told_apart_by_version() -> None:
    old = uphmodel.examples.load("norrbotten-2021")
    new = attrs.evolve(old, version="2", title="Reviderad")
    tables = to_arrow([attrs.evolve(old, version="1"), new])
    assert tables["plan"].column("_plan").to_pylist() == ["norrbotten-2021@1", "norrbotten-2021@2"]
    with pytest.raises(ValueError, match="two plans are both 'norrbotten-2021'"):
        to_arrow([old, old])


def test_problems_name_the_file_row_and_column(tmp_path: Path) -> None:
    write_parquet(uphmodel.examples.load("norrbotten-2021-funds"), tmp_path)
    grants = pq.read_table(tmp_path / "grants.parquet")
    keys = grants.column("_plan").to_pylist()
    keys[2] = "okänd-plan"
    grants = grants.set_column(0, "_plan", pa.array(keys, pa.string()))
    purposes = grants.column("purpose").to_pylist()
    purposes[0] = None
    grants = grants.set_column(grants.schema.get_field_index("purpose"), "purpose",
                               pa.array(purposes, pa.string()))  # fmt: skip
    pq.write_table(grants, tmp_path / "grants.parquet")
    (tmp_path / "anteckningar.parquet").write_bytes(b"")
    with pytest.raises(LoadError) as caught:
        read_parquet(tmp_path)
    assert [p.location for p in caught.value.problems] == ["anteckningar.parquet"]
    (tmp_path / "anteckningar.parquet").unlink()
    with pytest.raises(LoadError) as caught:
        read_parquet(tmp_path)
    found = {(p.location, p.path) for p in caught.value.problems}
    assert ("grants.parquet, row 3", "") in found
    assert ("grants.parquet, row 1, column purpose", "/grants/0/purpose") in found


def test_a_folder_without_plans_is_a_load_error(tmp_path: Path) -> None:
    with pytest.raises(LoadError, match=r"no plan\.parquet"):
        read_parquet(tmp_path)


def test_arrow_needs_its_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    with pytest.raises(uphmodel.MissingExtra, match=r"pip install 'uphmodel\[arrow\]'"):
        to_arrow(EXAMPLES[0])
