"""Shared fixtures and Hypothesis settings."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

import uphmodel

settings.register_profile(
    "default", max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "thorough", max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow]
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
