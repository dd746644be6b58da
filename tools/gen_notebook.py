"""Write docs/analysis.ipynb from the cells below and execute it, so it is stored with outputs.

Run ``python tools/gen_notebook.py`` after changing a cell. The test suite executes the stored
notebook afresh and compares every text output with the stored one, so the notebook cannot rot.
"""

from __future__ import annotations

from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent
PATH = ROOT / "docs" / "analysis.ipynb"

CELLS: list[tuple[str, str]] = [
    ("markdown", """# Plans in a notebook

The questions analysts ask of many plans, answered with `uphmodel` on the plans bundled with
the package. With a folder of your own, `Portfolio.load("plans/", progress=True)` shows a
progress bar while it reads (the `progress` extra). See [analysis.md](analysis.md) for the
rules behind each answer."""),
    ("code", """%matplotlib inline
import pandas as pd
import uphmodel
from uphmodel import Portfolio, regions

portfolio = Portfolio.load(uphmodel.examples.folder())
portfolio"""),
    ("markdown", """## Which goals are on track?

Progress is judged per indicator, by its direction, with the reason where it cannot be
judged. A goal is on track where an indicator that follows it up is."""),
    ("code", """progress = pd.DataFrame(portfolio.progress().records())
progress["status"].value_counts()"""),
    ("code", """judged = progress[progress["status"].isin(["achieved", "on_track", "off_track"])]
judged[["_plan", "indicator", "name", "latest_value", "target_value", "status", "reason"]]"""),
    ("code", """for plan_id, indicator, status in judged[["_plan", "indicator", "status"]].values:
    for goal in portfolio[plan_id].goals_of(indicator):
        print(f"{status}: {goal.id} – {goal.text[:70]}")"""),
    ("markdown", """## Which indicators have no data, and why?"""),
    ("code", """missing = progress[progress["status"].isin(["no_data", "no_target"])]
missing.groupby(["_plan", "status"]).size()"""),
    ("code", """missing["reason"].value_counts().head(5)"""),
    ("markdown", """## How do the regions compare?

One row per region with a plan: how much the plans hold and what `check` found in them."""),
    ("code", """checked = portfolio.check()
by_plan = pd.DataFrame(checked.by_plan().records()).set_index("_plan")
rows = []
for plan in portfolio:
    region = regions.region(plan.county)
    rows.append({"region": region.body, "plan": plan.id, "goals": len(plan.goals),
                 "activities": len(plan.activities), "indicators": len(plan.indicators),
                 "errors": by_plan.loc[plan.id, "errors"],
                 "warnings": by_plan.loc[plan.id, "warnings"]})
pd.DataFrame(rows).groupby("region").sum(numeric_only=True)"""),
    ("code", """pd.DataFrame(checked.by_rule().records()).head(8)"""),
    ("markdown", """## What did the municipalities of one county plan for young people?

The plans of Jämtland's county for 2018 that name children and young people, and their
activities for that target group, with the municipalities that own the plans."""),
    ("code", """county = portfolio.select(region="Jämtlands län", year=2018,
                          target_group="children-youth")
[p.id for p in county]"""),
    ("code", """rows = []
for plan in county:
    for goal in plan.goals:
        if "children-youth" in goal.target_groups:
            for activity in plan.activities_of(goal):
                timeline = activity.timeline.text if activity.timeline else None
                rows.append({"plan": plan.id, "goal": goal.id, "activity": activity.id,
                             "text": activity.text[:60], "timeline": timeline})
young = pd.DataFrame(rows)
len(young), young.head(8)"""),
    ("code", """plan = county["jamtland-harjedalen-2018"]
owners = [s for s in plan.stakeholders
          if s.id in plan.owners and "scb_municipality" in s.identifiers]
[(s.name, regions.municipality(s.identifiers["scb_municipality"]).name) for s in owners]"""),
    ("markdown", """## Official statistics from Kolada

A recorded response of Kolada's v3 API (suicides per 100 000 inhabitants aged 25 and over,
KPI N61603, for region 23) becomes observations with a `sex` breakdown, merged into the plan
without duplicates. `kolada.fetch("N61603", ["23"], range(2015, 2024))` asks the live API."""),
    ("code", """from decimal import Decimal
import attrs
from uphmodel import Direction, Indicator, kolada

response = '''{"count": 2, "next_url": null, "values": [
 {"kpi": "N61603", "municipality": "0023", "period": 2021, "values": [
  {"gender": "T", "count": 1, "status": "", "value": 18.77, "isdeleted": false},
  {"gender": "K", "count": 1, "status": "", "value": 10.25, "isdeleted": false},
  {"gender": "M", "count": 1, "status": "", "value": 27.3, "isdeleted": false}]},
 {"kpi": "N61603", "municipality": "0023", "period": 2022, "values": [
  {"gender": "T", "count": 1, "status": "", "value": 17.9, "isdeleted": false}]}]}'''
suicides = Indicator(id="suicid-25plus", name="Suicid per 100 000 invånare 25 år och äldre",
                     source="Kolada", source_id="N61603", direction=Direction.LOWER_IS_BETTER)
plan = attrs.evolve(plan, indicators=(*plan.indicators, suicides))
plan = kolada.add_observations(plan, "suicid-25plus", kolada.observations(response, area="23"))
[(str(o.period), o.value, dict(o.breakdown)) for o in plan.get("suicid-25plus").observations]"""),
    ("markdown", """## One indicator, drawn

Values, the target and which way is better; `figure.savefig("progress.png")` writes it."""),
    ("code", """jamtland = portfolio["jamtland-harjedalen-2018"]
figure = uphmodel.plot_progress(jamtland, "bu-forsta-linjen.r1")
figure"""),
    ("markdown", """## Finding one's way in a plan

Short reprs, and navigation by id instead of dictionaries of one's own."""),
    ("code", """plan = portfolio["jamtland-harjedalen-2018"]
plan"""),
    ("code", """plan.activities_of("bu-risk"), plan.responsible_for("bu-risk")"""),
]  # fmt: skip


def build() -> nbformat.NotebookNode:
    notebook = nbformat.v4.new_notebook()
    notebook.metadata["kernelspec"] = {
        "name": "python3", "display_name": "Python 3", "language": "python",
    }  # fmt: skip
    for kind, source in CELLS:
        maker = nbformat.v4.new_code_cell if kind == "code" else nbformat.v4.new_markdown_cell
        notebook.cells.append(maker(source))
    return notebook


def execute(notebook: nbformat.NotebookNode) -> nbformat.NotebookNode:
    client = NotebookClient(
        notebook, timeout=300, kernel_name="python3",
        resources={"metadata": {"path": str(PATH.parent)}},
    )  # fmt: skip
    client.execute()
    return notebook


def main() -> None:
    import pandas

    notebook = execute(build())
    # the outputs of DataFrames depend on the pandas version they were made with
    notebook.metadata["uphmodel"] = {"pandas": pandas.__version__}
    for index, cell in enumerate(notebook.cells):
        cell["id"] = f"cell-{index}"  # stable ids keep the stored file's diffs small
    nbformat.write(notebook, PATH)
    print(f"wrote {PATH.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
