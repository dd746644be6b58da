"""Plans as CSV files with a Frictionless data package, in both dialects, and back."""

from __future__ import annotations

import csv
import json
import tempfile
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given

import uphmodel
from uphmodel import LoadError, Plan, read_csv, write_csv
from uphmodel.formats._cells import MISSING, CellError, decode, encode
from uphmodel.strategies import plans

NAMES = uphmodel.examples.names()


@pytest.mark.parametrize("dialect", ["excel", "excel-sv"])
@pytest.mark.parametrize("name", NAMES)
def test_every_example_round_trips_through_csv(name: str, dialect: str, tmp_path: Path) -> None:
    plan = uphmodel.examples.load(name)
    write_csv(plan, tmp_path, dialect=dialect)
    assert uphmodel.dumps(read_csv(tmp_path)) == uphmodel.dumps(plan)


def test_swedish_excel_writes_semicolons_decimal_commas_and_a_bom(tmp_path: Path) -> None:
    write_csv(uphmodel.examples.load("jamtland-harjedalen-2018"), tmp_path, dialect="excel-sv")
    data = (tmp_path / "contributions.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf_parent;_index;id;stakeholder;amount")
    assert ";68671,3;" in data.decode("utf-8-sig")
    plain = tmp_path / "plain"
    write_csv(uphmodel.examples.load("jamtland-harjedalen-2018"), plain)
    assert (
        (plain / "contributions.csv")
        .read_text(encoding="utf-8")
        .startswith("_parent,_index,id,stakeholder,amount")
    )


def test_the_data_package_describes_tables_types_and_keys(tmp_path: Path) -> None:
    write_csv(uphmodel.examples.load("norrbotten-2021-funds"), tmp_path, dialect="excel-sv")
    package = json.loads((tmp_path / "datapackage.json").read_text(encoding="utf-8"))
    assert package["profile"] == "tabular-data-package"
    assert package["schema_version"] == uphmodel.SCHEMA_VERSION
    resources = {r["path"]: r for r in package["resources"]}
    assert set(resources) == {p.name for p in tmp_path.glob("*.csv")}
    grants = resources["grants.csv"]
    assert grants["dialect"]["delimiter"] == ";" and grants["encoding"] == "utf-8-sig"
    assert grants["schema"]["primaryKey"] == ["id"]
    fields = {f["name"]: f for f in grants["schema"]["fields"]}
    assert fields["amount"] == {"name": "amount", "type": "number", "decimalChar": ","}
    uses = {f["name"]: f for f in resources["grant_uses.csv"]["schema"]["fields"]}
    assert uses["kind"]["constraints"]["enum"][:2] == ["spent", "committed"]


@pytest.mark.parametrize(
    ("value", "kind", "text"),
    [
        ("", "text", '""'),
        ("null", "text", '"null"'),
        ('"citat" först', "text", '"\\"citat\\" först"'),
        ("Rad ett.\nRad två.", "text", "Rad ett.\nRad två."),
        (None, "text", "null"),
        (Decimal("6.90"), "number", "6.90"),
        (Decimal("123456789012345678.901234567890"), "number", "123456789012345678.901234567890"),
        ("12", "value", '"12"'),
        ("true", "value", '"true"'),
        (True, "value", "true"),
        (Decimal("21.77"), "value", "21.77"),
        (("g1", "g2"), "list", '["g1","g2"]'),
        ({"x": [1, None, "å"]}, "extra", '{"x":[1,null,"å"]}'),
    ],
)
def test_cells_read_back_as_they_were_written(value: object, kind: str, text: str) -> None:
    assert encode(value, kind) == text
    back = decode(text, kind)
    assert back == (list(value) if isinstance(value, tuple) else value)
    assert type(back) is (list if isinstance(value, tuple) else type(value))
    assert decode("", kind) is MISSING


def test_cells_typed_by_hand() -> None:
    assert decode("1 234,5", "number", decimal_comma=True) == Decimal("1234.5")
    assert decode("g1, g2; g3", "list") == ["g1", "g2", "g3"]
    assert decode("SANT", "bool") is True
    assert decode('"Det handlar om livet" är strategin', "text").startswith('"Det')
    with pytest.raises(CellError, match="expected a number, got '12 kr'"):
        decode("12 kr", "number")
    with pytest.raises(CellError, match="expected a whole number"):
        decode("12.5", "integer")


def test_edited_files_report_every_problem_with_file_line_and_column(tmp_path: Path) -> None:
    write_csv(uphmodel.examples.load("norrbotten-2021"), tmp_path)
    activities = tmp_path / "activities.csv"
    with activities.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    rows[3][rows[0].index("status")] = "klar"  # line 4 of the file
    with activities.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    (tmp_path / "anteckningar.csv").write_text("text\nx\n", encoding="utf-8")
    with pytest.raises(LoadError) as info:
        read_csv(tmp_path)
    assert [str(p) for p in info.value.problems] == [
        "anteckningar.csv: 'anteckningar' is no table of a plan"
    ]
    (tmp_path / "anteckningar.csv").unlink()
    with pytest.raises(LoadError) as info:
        read_csv(tmp_path)
    (problem,) = info.value.problems
    assert problem.location == "activities.csv:4, column status"
    assert problem.path == "/activities/2/status"


def test_a_folder_without_a_plan(tmp_path: Path) -> None:
    with pytest.raises(LoadError, match=r"no plan\.csv"):
        read_csv(tmp_path)
    with pytest.raises(ValueError, match="dialect must be one of excel, excel-sv"):
        write_csv(Plan(id="p", title="t", kind=uphmodel.PlanKind.OTHER), tmp_path, dialect="sv")


def test_writing_again_leaves_no_table_of_the_plan_before(tmp_path: Path) -> None:
    write_csv(uphmodel.examples.load("norrbotten-2021-funds"), tmp_path)
    assert (tmp_path / "grant_uses.csv").exists()
    (tmp_path / "anteckningar.txt").write_text("mina anteckningar", encoding="utf-8")
    plan = uphmodel.examples.load("vasterbotten-2018")
    write_csv(plan, tmp_path)
    assert uphmodel.dumps(read_csv(tmp_path)) == uphmodel.dumps(plan)
    assert not (tmp_path / "grant_uses.csv").exists()  # Västerbotten's plan has no uses
    assert (tmp_path / "anteckningar.txt").exists()


@given(plans(max_items=4, extras=True))
def test_generated_plans_round_trip_through_csv_in_both_dialects(plan: Plan) -> None:
    with tempfile.TemporaryDirectory() as folder:
        for dialect in ("excel", "excel-sv"):
            write_csv(plan, Path(folder) / dialect, dialect=dialect)
            assert uphmodel.dumps(read_csv(Path(folder) / dialect)) == uphmodel.dumps(plan)
