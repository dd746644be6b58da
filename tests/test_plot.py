"""Plots of indicator progress (the ``plot`` extra): rendered to PNG, with what they show."""

from __future__ import annotations

import sys
from decimal import Decimal
from pathlib import Path

import attrs
import pytest

import uphmodel
from uphmodel import Direction, Indicator, Observation, Period, Target

PNG = b"\x89PNG\r\n\x1a\n"


def _plan() -> uphmodel.Plan:
    suicides = Indicator(
        id="suicid", name="Suicid per 100 000 invånare", direction=Direction.LOWER_IS_BETTER,
        baselines=(Observation(period=Period.parse("2015"), value=Decimal(20)),),
        targets=(Target(period=Period.parse("2025"), of_baseline=Decimal("0.5")),),
        observations=(
            Observation(period=Period.parse("2019"), value=Decimal(17)),
            Observation(period=Period.parse("2020"), value=Decimal(14)),
            Observation(period=Period.parse("2020"), value=Decimal(9),
                        breakdown={"sex": "kvinnor"}),
        ),
        dimensions=("sex",),
    )  # fmt: skip
    plan = uphmodel.examples.load("norrbotten-2021")
    return attrs.evolve(plan, indicators=(suicides,))


def test_the_chart_shows_values_baseline_target_line_and_direction(tmp_path: Path) -> None:
    figure = uphmodel.plot_progress(_plan(), "suicid")
    (axes,) = figure.axes
    labels = axes.get_legend_handles_labels()[1]
    assert labels == ["values", "baseline 20", "target 10.0 (2025)", "line to the target"]
    values = axes.get_lines()[0]
    assert list(values.get_ydata()) == [17.0, 14.0]
    assert figure._suptitle.get_text() == "on track · lower is better ↓"
    path = tmp_path / "progress.png"
    figure.savefig(path)
    assert path.read_bytes().startswith(PNG)


def test_one_part_of_a_breakdown_and_the_errors() -> None:
    figure = uphmodel.plot_progress(_plan(), "suicid", breakdown={"sex": "kvinnor"})
    assert figure.axes[0].get_title(loc="left").endswith("— kvinnor")
    with pytest.raises(ValueError, match=r"no values for the breakdown \{'sex': 'män'\}"):
        uphmodel.plot_progress(_plan(), "suicid", breakdown={"sex": "män"})
    with pytest.raises(KeyError, match="no indicator 'nope'"):
        uphmodel.plot_progress(_plan(), "nope")


def test_every_indicator_of_a_real_plan_can_be_drawn() -> None:
    plan = uphmodel.examples.load("jamtland-harjedalen-2018")
    for indicator in plan.indicators:
        figure = uphmodel.plot_progress(plan, indicator.id)
        assert figure.axes


def test_without_matplotlib_one_line_says_which_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    with pytest.raises(uphmodel.MissingExtra, match=r"pip install 'uphmodel\[plot\]'"):
        uphmodel.plot_progress(_plan(), "suicid")
