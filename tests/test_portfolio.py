"""Portfolios: many plans loaded from files, selected, checked, tabled and followed up."""

from __future__ import annotations

import sys
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from pathlib import Path

import attrs
import pytest

import uphmodel
from uphmodel import Portfolio, examples

NAMES = examples.names()


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled examples as files in three formats, and files that are not plans."""
    root = tmp_path_factory.mktemp("plans")
    for sub in ("json", "other"):
        (root / sub).mkdir()
    for name in NAMES:
        uphmodel.dump(examples.load(name), root / "json" / f"{name}.json")
    uphmodel.write_xlsx(examples.load("norrbotten-2021"), root / "other" / "norrbotten.xlsx")
    uphmodel.write_csv(examples.load("vasterbotten-2018"), root / "other" / "vasterbotten-csv")
    broken = root / "broken"
    broken.mkdir()
    (broken / "not-json.json").write_text("{ this is not json", encoding="utf-8")
    (broken / "wrong-types.json").write_text(
        '{"schema_version": "'
        + uphmodel.SCHEMA_VERSION
        + '", "id": "x", "title": 5, "kind": "nonsense"}',
        encoding="utf-8",
    )
    (broken / "latin1.json").write_bytes('{"title": "Jämtland"}'.encode("latin-1"))
    (broken / "empty.xlsx").write_bytes(b"")
    (root / "notes.txt").write_text("not a plan file", encoding="utf-8")
    (root / ".hidden.json").write_text("{}", encoding="utf-8")
    return root


def test_a_folder_loads_with_broken_files_reported_not_raised(folder: Path) -> None:
    portfolio = Portfolio.load(folder)
    ids = sorted(p.id for p in portfolio)
    assert ids == sorted([*NAMES, "norrbotten-2021", "vasterbotten-2018"])
    assert sorted(Path(u.source).name for u in portfolio.unloaded) == [
        "empty.xlsx", "latin1.json", "not-json.json", "wrong-types.json",
    ]  # fmt: skip
    problems = {Path(u.source).name: u.problems for u in portfolio.unloaded}
    assert "not valid JSON" in problems["not-json.json"][0].message
    assert {p.path for p in problems["wrong-types.json"]} >= {"/title", "/kind"}
    assert "UTF-8" in problems["latin1.json"][0].message
    assert repr(portfolio) == "Portfolio(7 plans, 4 files not loaded)"
    # each plan knows the file it came from
    by_source = dict(zip(portfolio.sources, portfolio.plans, strict=True))
    assert by_source[str(folder / "other" / "vasterbotten-csv")] == examples.load(
        "vasterbotten-2018"
    )


def test_globs_files_and_lists(folder: Path) -> None:
    assert len(Portfolio.load(str(folder / "json" / "norr*.json"))) == 3
    assert len(Portfolio.load(str(folder / "**" / "*.xlsx"))) == 1
    one = Portfolio.load([folder / "json" / "vasterbotten-2018.json", folder / "missing.json"])
    assert [p.id for p in one] == ["vasterbotten-2018"]
    assert one.unloaded[0].source.endswith("missing.json")
    assert "No such file" in one.unloaded[0].problems[0].message


def test_an_executor_gives_the_same_portfolio(folder: Path) -> None:
    plain = Portfolio.load(folder / "json")
    with ThreadPoolExecutor(2) as threads:
        assert Portfolio.load(folder / "json", executor=threads).plans == plain.plans
    with ProcessPoolExecutor(2) as processes:
        loaded = Portfolio.load(folder, executor=processes)
        assert loaded.plans == Portfolio.load(folder).plans
        assert [u.source for u in loaded.unloaded] == [
            u.source for u in Portfolio.load(folder).unloaded
        ]
        checked = plain.check(executor=processes)
        progress = plain.progress(executor=processes)
        tables = plain.tables(executor=processes)
    assert checked.reports == plain.check().reports
    assert progress.rows == plain.progress().rows
    assert tables == plain.tables()


def test_check_files_reads_and_checks_where_the_executor_runs(folder: Path) -> None:
    """Only reports come back: the same as loading the portfolio and checking it."""
    files = [folder / "json", folder / "broken"]
    loaded = Portfolio.load(files)
    expected = loaded.check(profile="draft")
    plain = Portfolio.check_files(files, profile="draft")
    assert plain.reports == expected.reports
    assert list(plain.reports) == loaded.keys()  # ids, and id@version where plans share one
    assert plain.unloaded == loaded.unloaded
    assert plain.summary().endswith(", 4 files not loaded")
    with ProcessPoolExecutor(2) as processes:
        pooled = Portfolio.check_files(files, executor=processes, profile="draft")
    assert pooled.reports == expected.reports
    assert pooled.unloaded == loaded.unloaded
    with pytest.raises(TypeError):
        Portfolio.check_files(folder / "json", nonsense=True)


def test_a_progress_bar_when_asked_and_silence_without_tqdm(
    folder: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    Portfolio.load(folder / "json", progress=True)
    assert "5/5" in capsys.readouterr().err
    monkeypatch.setitem(sys.modules, "tqdm.auto", None)  # as if tqdm were not installed
    assert len(Portfolio.load(folder / "json", progress=True)) == 5
    assert capsys.readouterr().err == ""


@pytest.fixture(scope="module")
def portfolio() -> Portfolio:
    return Portfolio([examples.load(n) for n in NAMES])


def test_selection_by_region_municipality_year_code_and_target_group(
    portfolio: Portfolio,
) -> None:
    def ids(selected: Portfolio) -> list[str]:
        return [p.id for p in selected]

    norrbotten = ["norrbotten-2021", "norrbotten-2021-funds", "norrbotten-2025-decision"]
    assert ids(portfolio.select(region="25")) == norrbotten
    assert ids(portfolio.select(region="Region Norrbotten")) == norrbotten
    assert ids(portfolio.select(region="Jämtlands län")) == ["jamtland-harjedalen-2018"]
    assert ids(portfolio.select(region=["23", "24"])) == [
        "jamtland-harjedalen-2018", "vasterbotten-2018",
    ]  # fmt: skip
    assert ids(portfolio.select(municipality="Östersunds kommun")) == ["jamtland-harjedalen-2018"]
    assert ids(portfolio.select(municipality="2580")) == ["norrbotten-2021"]
    assert ids(portfolio.select(year=2019)) == ["jamtland-harjedalen-2018"]
    assert ids(portfolio.select(year=2021)) == ["norrbotten-2021", "norrbotten-2021-funds"]
    assert ids(portfolio.select(framework_code="strategy-2025:fewer-consequences")) == [
        "norrbotten-2025-decision"
    ]
    assert "norrbotten-2025-decision" not in ids(
        portfolio.select(framework_code="focus-areas-2016:accessible-early")
    )
    assert ids(portfolio.select(target_group="sami-minorities")) == [
        "jamtland-harjedalen-2018", "norrbotten-2021", "norrbotten-2025-decision",
    ]  # fmt: skip
    assert ids(portfolio.select(target_group="target-groups:young-adults")) == [
        "jamtland-harjedalen-2018"
    ]
    assert ids(portfolio.select(region="25", year=2021, target_group="children-youth")) == [
        "norrbotten-2021"
    ]
    assert ids(portfolio.select(where=lambda p: p.version == "1.24")) == [
        "jamtland-harjedalen-2018"
    ]
    with pytest.raises(KeyError, match="did you mean 'Norrbottens län'"):
        portfolio.select(region="Norrbottens lan")


def test_tables_carry_the_plan_in_every_row(portfolio: Portfolio) -> None:
    tables = portfolio.tables()
    goals = tables["goals"]
    assert goals.columns[0] == "_plan"
    assert len(goals) == sum(len(p.goals) for p in portfolio)
    jamtland = [r for r in goals if r["_plan"] == "jamtland-harjedalen-2018"]
    assert [r["id"] for r in jamtland] == [
        g.id for g in portfolio["jamtland-harjedalen-2018"].goals
    ]
    frames = portfolio.to_frames()
    assert frames["activities"]["_plan"].value_counts().to_dict() == {
        p.id: len(p.activities) for p in portfolio if p.activities
    }


def test_check_summarises_per_plan_and_rule(portfolio: Portfolio) -> None:
    checked = portfolio.check()
    reports = {p.id: uphmodel.check(p) for p in portfolio}
    assert dict(checked.reports) == reports
    by_plan = {r["_plan"]: r for r in checked.by_plan()}
    assert by_plan["jamtland-harjedalen-2018"]["errors"] == len(
        reports["jamtland-harjedalen-2018"].errors
    )
    by_rule = checked.by_rule()
    assert sum(r["findings"] for r in by_rule) == sum(len(r) for r in reports.values())
    # a rule's findings are counted per severity: totals.sum is an error in two plans and a
    # warning (a difference within the tolerance) in two
    totals = {r["severity"]: r["plans"] for r in by_rule if r["rule"] == "totals.sum"}
    assert totals == {
        severity: sum(1 for r in reports.values()
                      if any(f.severity.value == severity for f in r.by_rule("totals.sum")))
        for severity in ("error", "warning")
    }  # fmt: skip
    assert len(checked.findings()) == sum(len(r) for r in reports.values())
    assert repr(checked).startswith("PortfolioCheck(5 plans, ")
    assert "<table>" in checked._repr_html_()
    draft = portfolio.check(profile="draft")
    assert all(r.profile == "draft" for r in draft.reports.values())


def test_progress_of_every_indicator_of_every_plan(portfolio: Portfolio) -> None:
    table = portfolio.progress()
    assert len(table) == sum(len(uphmodel.progress(p)) for p in portfolio)
    assert {r["_plan"] for r in table} == {p.id for p in portfolio if p.indicators}
    early = portfolio.progress(at=2017)
    assert len(early) == len(table)


def test_plans_that_share_an_id_are_told_apart_by_version() -> None:
    plan = examples.load("jamtland-harjedalen-2018")
    older = attrs.evolve(plan, version="1.23")
    both = Portfolio([older, plan])
    assert both.keys() == ["jamtland-harjedalen-2018@1.23", "jamtland-harjedalen-2018@1.24"]
    assert both["jamtland-harjedalen-2018@1.23"] is older
    with pytest.raises(KeyError, match="no plan 'jamtland-harjedalen-2018'"):
        both["jamtland-harjedalen-2018"]
    with pytest.raises(ValueError, match="need different versions"):
        Portfolio([plan, plan]).keys()


def test_a_portfolio_holds_plans_only() -> None:
    with pytest.raises(TypeError, match=r"plans\[1\] is a str, not a Plan"):
        Portfolio([examples.load("norrbotten-2021"), "norrbotten-2021"])  # type: ignore[list-item]
    with pytest.raises(ValueError, match="one source per plan"):
        Portfolio([examples.load("norrbotten-2021")], ["a", "b"])
