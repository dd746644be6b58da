"""Plans as spreadsheets and back: exact, readable in LibreOffice, every problem at its cell."""

from __future__ import annotations

import shutil
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given, settings

import uphmodel
from uphmodel import Goal, LoadError, Plan, PlanKind, read_xlsx, template, write_xlsx
from uphmodel.formats._xlsx import _number
from uphmodel.strategies import plans

NAMES = uphmodel.examples.names()


def same(plan: Plan, path: Path, headings: str = "paths") -> bool:
    write_xlsx(plan, path, headings=headings)
    return uphmodel.dumps(read_xlsx(path)) == uphmodel.dumps(plan)


@pytest.mark.parametrize("headings", ["paths", "sv"])
@pytest.mark.parametrize("name", NAMES)
def test_every_example_round_trips_through_a_workbook(
    name: str, headings: str, tmp_path: Path
) -> None:
    assert same(uphmodel.examples.load(name), tmp_path / "plan.xlsx", headings)


@settings(max_examples=15)
@given(plans(max_items=3, extras=True))
def test_generated_plans_round_trip_through_a_workbook(plan: Plan) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        assert same(plan, Path(folder) / "plan.xlsx", "sv")


def test_sheets_headings_and_drop_downs_are_for_a_planner(tmp_path: Path) -> None:
    path = tmp_path / "plan.xlsx"
    write_xlsx(uphmodel.examples.load("jamtland-harjedalen-2018"), path, headings="sv")
    book = openpyxl.load_workbook(path)
    assert book.sheetnames[0] == "Plan"
    assert {"Mål", "Aktiviteter", "Aktörer", "Ansvar"} <= set(book.sheetnames)
    activities = book["Aktiviteter"]
    header = [c.value for c in activities[1]]
    assert header[:2] == ["Hör till", "I fältet"] or "Aktivitet" in header
    assert "Aktivitet" in header and "Tidsplan – text" in header
    assert activities.freeze_panes == "A2"
    goals = book["Mål"]
    horizon = [c.value for c in goals[1]].index("Tidshorisont") + 1
    letter = openpyxl.utils.get_column_letter(horizon)
    lists = [v for v in goals.data_validations.dataValidation if v.type == "list"]
    assert any(str(v.sqref).startswith(f"{letter}2") and "long" in v.formula1 for v in lists)
    meta = book["Plan"]
    fields = {row[0].value: row[1].value for row in meta.iter_rows(min_row=2)}
    assert fields["Schemaversion"] == uphmodel.SCHEMA_VERSION
    assert fields["Titel"].startswith("Handlingsplan för kommunerna")


def test_numbers_are_numbers_where_a_spreadsheet_holds_them_exactly(tmp_path: Path) -> None:
    assert _number(1000000) == 1000000 and _number(Decimal("68671.3")) == 68671.3
    assert _number(Decimal("6.90")) is None  # the trailing zero would be lost
    assert _number(Decimal("1234567890123456")) is None  # 16 digits
    assert _number(Decimal("1E+3")) is None
    path = tmp_path / "plan.xlsx"
    write_xlsx(uphmodel.examples.load("jamtland-harjedalen-2018"), path)
    sheet = openpyxl.load_workbook(path)["contributions"]
    header = [c.value for c in sheet[1]]
    amounts = [row[header.index("amount")] for row in sheet.iter_rows(min_row=2)]
    assert any(c.value == 68671.3 and c.data_type == "n" for c in amounts)


def test_texts_are_never_formulas_and_values_keep_their_type(tmp_path: Path) -> None:
    goal = Goal(id="g1", text="=SUMMA(A1:A9)", description="+46 63 14 75 00")
    plan = Plan(
        id="p", title="@titel", kind=PlanKind.OTHER, goals=(goal,),
        grants=(uphmodel.Grant(id="g", purpose="", amount=Decimal("6.90")),),
    )  # fmt: skip
    path = tmp_path / "plan.xlsx"
    assert same(plan, path)
    book = openpyxl.load_workbook(path)
    assert all(c.data_type != "f" for ws in book for row in ws.iter_rows() for c in row)


def test_a_planner_can_type_numbers_and_dates_as_a_spreadsheet_keeps_them(tmp_path: Path) -> None:
    path = tmp_path / "plan.xlsx"
    write_xlsx(uphmodel.examples.load("norrbotten-2021-funds"), path)
    book = openpyxl.load_workbook(path)
    grants = book["grants"]
    header = [c.value for c in grants[1]]
    grants.cell(2, header.index("amount") + 1).value = 12.5  # typed in as a number
    decisions = book["decisions"]
    dates = [c.value for c in decisions[1]].index("date") + 1
    import datetime as dt

    decisions.cell(2, dates).value = dt.datetime(2021, 3, 4)  # a date cell
    book.save(path)
    plan = read_xlsx(path)
    assert plan.grants[0].amount == Decimal("12.5")
    assert plan.decisions[0].date == uphmodel.Period.parse("2021-03-04")


def test_every_problem_is_reported_at_its_cell_at_once(tmp_path: Path) -> None:
    path = tmp_path / "plan.xlsx"
    write_xlsx(uphmodel.examples.load("jamtland-harjedalen-2018"), path, headings="sv")
    book = openpyxl.load_workbook(path)
    goals = book["Mål"]
    header = [c.value for c in goals[1]]
    goals.cell(3, header.index("Tidshorisont") + 1).value = "evig"
    goals.cell(4, header.index("Ursprung") + 1).value = "kanske"
    goals.cell(5, len(header) + 2).value = "utan rubrik"
    book.create_sheet("Anteckningar")["B2"] = "min egen anteckning"
    book.save(path)
    with pytest.raises(LoadError) as caught:
        read_xlsx(path)
    found = {(p.location, p.message) for p in caught.value.problems}
    locations = {location for location, _ in found}
    letter = openpyxl.utils.get_column_letter
    assert locations == {
        "Anteckningar!A1",
        f"Mål!{letter(header.index('Tidshorisont') + 1)}3",
        f"Mål!{letter(header.index('Ursprung') + 1)}4",
        f"Mål!{letter(len(header) + 2)}5",
    }
    assert str(path) in str(caught.value)

    # a value the model refuses is reported at its cell too, with its JSON Pointer
    write_xlsx(uphmodel.examples.load("jamtland-harjedalen-2018"), path, headings="sv")
    book = openpyxl.load_workbook(path)
    goals = book["Mål"]
    column = header.index("Tidshorisont") + 1
    goals.cell(3, column).value = "evig"
    book.save(path)
    with pytest.raises(LoadError) as caught:
        read_xlsx(path)
    (problem,) = caught.value.problems
    letter = openpyxl.utils.get_column_letter(column)
    assert problem.location == f"Mål!{letter}3"
    assert problem.path.startswith("/goals/1/horizon") or problem.path.endswith("horizon")
    assert "evig" in problem.message


def test_not_a_workbook_is_a_load_error(tmp_path: Path) -> None:
    path = tmp_path / "plan.xlsx"
    path.write_text("inte en arbetsbok", encoding="utf-8")
    with pytest.raises(LoadError, match="not a workbook"):
        read_xlsx(path)


def test_the_template_names_every_required_field_until_filled_in(tmp_path: Path) -> None:
    path = tmp_path / "mall.xlsx"
    template(path)
    book = openpyxl.load_workbook(path)
    assert len(book.sheetnames) == len(uphmodel.formats._layout.layout())
    assert [c.value for c in book["Aktiviteter"][1]][:1] and book["Aktiviteter"].max_row == 1
    with pytest.raises(LoadError) as caught:
        read_xlsx(path)
    missing = {p.location for p in caught.value.problems}
    assert any(loc and loc.startswith("Plan") for loc in missing)
    meta = book["Plan"]
    rows = {row[0].value: row[0].row for row in meta.iter_rows(min_row=2)}
    meta.cell(rows["Id"], 2).value = "min-plan"
    meta.cell(rows["Titel"], 2).value = "Handlingsplan psykisk hälsa"
    meta.cell(rows["Typ"], 2).value = "joint_county_plan"
    activities = book["Aktiviteter"]
    header = [c.value for c in activities[1]]
    activities.cell(2, header.index("Id") + 1).value = "a1"
    activities.cell(2, header.index("Aktivitet") + 1).value = "Utbilda i Första hjälpen."
    book.save(path)
    plan = read_xlsx(path)
    assert plan.title == "Handlingsplan psykisk hälsa"
    assert [a.text for a in plan.activities] == ["Utbilda i Första hjälpen."]


def test_saving_is_atomic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "plan.xlsx"
    path.write_bytes(b"the old file")

    def fail(self: object, filename: str) -> None:
        Path(filename).write_bytes(b"half")
        raise OSError("disk full")

    monkeypatch.setattr(openpyxl.Workbook, "save", fail)
    with pytest.raises(OSError, match="disk full"):
        write_xlsx(uphmodel.examples.load("norrbotten-2021-funds"), path)
    assert path.read_bytes() == b"the old file"
    assert [p.name for p in tmp_path.iterdir()] == ["plan.xlsx"]


def test_a_missing_extra_is_one_line_naming_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "openpyxl", None)
    with pytest.raises(uphmodel.MissingExtra) as caught:
        read_xlsx("plan.xlsx")
    assert str(caught.value) == (
        "this needs openpyxl, which is not installed: pip install 'uphmodel[xlsx]'"
    )
    assert isinstance(caught.value, ImportError)


def _soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None:
        pytest.skip("LibreOffice is not installed (apt-get install libreoffice-calc-nogui)")
    return found


@pytest.mark.parametrize(
    ("name", "headings"),
    [("jamtland-harjedalen-2018", "sv"), ("norrbotten-2025-decision", "paths")],
)
def test_a_workbook_saved_again_by_libreoffice_reads_back_the_same(
    name: str, headings: str, tmp_path: Path
) -> None:
    soffice = _soffice()
    plan = uphmodel.examples.load(name)
    written = tmp_path / "in" / "plan.xlsx"
    written.parent.mkdir()
    write_xlsx(plan, written, headings=headings)
    out = tmp_path / "out"
    subprocess.run(
        [soffice, f"-env:UserInstallation=file://{tmp_path}/profile", "--headless",
         "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", str(out), str(written)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    assert uphmodel.dumps(read_xlsx(out / "plan.xlsx")) == uphmodel.dumps(plan)
