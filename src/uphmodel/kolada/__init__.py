"""Official statistics from Kolada into a plan's indicators.

An indicator names the Kolada KPI it follows with ``source="Kolada"`` and ``source_id`` (the
KPI's id, ``N61603``). :func:`observations` reads a response of Kolada's v3 data API into
:class:`~uphmodel.Observation`\\ s — exact decimals, one per year and gender, women and men as
a ``sex`` breakdown — and :func:`add_observations` merges them into a plan without adding a
value twice; :func:`update` does so for every indicator that follows a KPI of the response.
:func:`fetch` asks the live API (extra ``kolada``: httpx), with paging, batches and a timeout.
Kolada's data are published by RKA; cite them as "Källa: Kolada".
"""

from __future__ import annotations

from uphmodel.kolada._fetch import BASE_URL, KoladaError, fetch
from uphmodel.kolada._values import (
    SEXES,
    add_observations,
    area_breakdown,
    follows,
    observations,
    update,
)

__all__ = [
    "BASE_URL",
    "SEXES",
    "KoladaError",
    "add_observations",
    "area_breakdown",
    "fetch",
    "follows",
    "observations",
    "update",
]
