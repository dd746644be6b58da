"""The command line between formats: convert, schema, template; any format where a plan goes."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

import uphmodel
from uphmodel.cli import main

NAME = "jamtland-harjedalen-2018"


def test_convert_round_trips_through_every_format(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    steps = [
        (NAME, "plan.xlsx", ["--headings", "sv"]),
        ("plan.xlsx", "csv", ["--to", "csv-sv"]),
        ("csv", "plan.parquet", []),
        ("plan.parquet", "back.json", []),
    ]
    for source, target, options in steps:
        given = source if source == NAME else str(tmp_path / source)
        assert main(["convert", given, str(tmp_path / target), *options]) == 0
        assert f"({target.split('.')[-1] if '.' in target else 'csv-sv'})" in (
            capsys.readouterr().err
        )
    back = (tmp_path / "back.json").read_text(encoding="utf-8")
    assert back == uphmodel.examples.text(NAME)
    assert (tmp_path / "csv" / "plan.csv").read_bytes().startswith(b"\xef\xbb\xbf")


def test_every_command_reads_a_plan_in_any_format(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["convert", NAME, str(tmp_path / "plan.xlsx")]) == 0
    assert main(["convert", NAME, str(tmp_path / "csv")]) == 0
    capsys.readouterr()
    assert main(["summary", str(tmp_path / "plan.xlsx")]) == 0
    assert "RUN/407/2017" in capsys.readouterr().out
    assert main(["diff", str(tmp_path / "plan.xlsx"), str(tmp_path / "csv")]) == 0
    assert "0 changes" in capsys.readouterr().out


def test_many_plans_go_to_parquet_or_one_is_chosen(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "portfolio.parquet"
    uphmodel.write_parquet([uphmodel.examples.load(n) for n in uphmodel.examples.names()], folder)
    assert main(["convert", str(folder), str(tmp_path / "one.json")]) == 2
    assert "holds 5 plans" in capsys.readouterr().err
    assert main(["convert", str(folder), str(tmp_path / "one.json"), "--plan", NAME]) == 0
    assert (tmp_path / "one.json").read_text(encoding="utf-8") == uphmodel.examples.text(NAME)
    assert main(["convert", str(folder), str(tmp_path / "x.json"), "--plan", "ingen"]) == 2
    assert "0 plans have the id 'ingen'" in capsys.readouterr().err


def test_a_name_that_says_no_format_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["convert", NAME, str(tmp_path / "plan.txt")]) == 2
    assert "give --to json|xlsx|csv|csv-sv|parquet" in capsys.readouterr().err
    assert main(["convert", NAME, str(tmp_path / "plan.txt"), "--to", "json"]) == 0


def test_schema_prints_the_shipped_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    assert json.loads(capsys.readouterr().out) == uphmodel.json_schema()
    assert main(["schema", "--kind", "crosswalk"]) == 0
    assert json.loads(capsys.readouterr().out) == uphmodel.json_schema("crosswalk")


def test_template_writes_a_workbook_to_fill_in(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["template", str(tmp_path / "mall.xlsx")]) == 0
    assert main(["summary", str(tmp_path / "mall.xlsx")]) == 2
    err = capsys.readouterr().err
    assert "Plan!B3 (/id): required field is missing" in err


def test_a_missing_extra_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "openpyxl", None)
    assert main(["convert", NAME, str(tmp_path / "plan.xlsx")]) == 2
    err = capsys.readouterr().err
    assert err == (
        "uphmodel: this needs openpyxl, which is not installed: pip install 'uphmodel[xlsx]'\n"
    )
    assert not (tmp_path / "plan.xlsx").exists()
