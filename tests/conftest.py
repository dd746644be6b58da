"""Shared fixtures and Hypothesis settings."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

import uphmodel

# A plan is a large input by nature: generating one is slow and draws much data.
_PLAN_SIZED = [HealthCheck.too_slow, HealthCheck.data_too_large]
settings.register_profile(
    "default", max_examples=60, deadline=None, suppress_health_check=_PLAN_SIZED
)
settings.register_profile(
    "thorough", max_examples=500, deadline=None, suppress_health_check=_PLAN_SIZED
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.json"))


@pytest.fixture(scope="session")
def jamtland() -> uphmodel.Plan:
    return uphmodel.examples.load("jamtland-harjedalen-2018")


@pytest.fixture(scope="session")
def jamtland_text() -> str:
    return uphmodel.examples.text("jamtland-harjedalen-2018")
