"""Deterministic, realistic plan documents for the benchmarks.

``plan_document(number, seed)`` gives the JSON document (a dict) of plan ``number`` of a national
portfolio: 21 regions and 290 municipalities, each with a plan a year (``number`` picks the
principal and the year). At ``scale=1`` a plan holds about 40 goals, 200 activities with
timelines written as planners write them, 400 indicators with ten yearly values each (a
third broken down by sex), baselines and targets, 20 grants and the stakeholders of its county
— about 1 MB of canonical JSON. The same number and seed always give the same document.
"""

from __future__ import annotations

import random
from decimal import Decimal
from typing import Any

from uphmodel import SCHEMA_VERSION, regions

SCHEMA = SCHEMA_VERSION
FOCUS = ("prevention-promotion", "accessible-early", "vulnerable-groups", "participation-rights",
         "leadership-governance")  # fmt: skip
GROUPS = ("children-youth", "young-adults", "adults", "older-people", "newly-arrived",
          "vulnerable", "neet", "co-occurring", "sami-minorities")  # fmt: skip
TIMELINES = (
    "hösten {y}", "våren {y}", "{y}", "{y}-{z}", "Start hösten {y} fortlöpande",
    "januari–mars {y}", "v. 40-42 {y}", "{y}- årligen", "Löpande", "Q3 {y}",
    "under {y}", "senast december {y}", "HT {y}", "2:a halvåret {y}",
)  # fmt: skip
WORDS = ("psykisk hälsa", "suicidprevention", "samverkan", "barn och unga", "elevhälsan",
         "första linjen", "kompetensutveckling", "brukarinflytande", "tidiga insatser",
         "socialtjänsten", "primärvården", "förebyggande arbete", "uppföljning", "anhöriga",
         "skolan", "äldre", "nyanlända", "missbruk och beroende", "kartläggning",
         "utbildning")  # fmt: skip
KPIS = ("N61603", "N70906", "N33820", "N01452", "U01473", "N74900")
PRINCIPALS = 21 + 290


def _principal(number: int) -> tuple[str, str, str, list[Any]]:
    """The id, name and county of the principal that owns plan ``number``, and the
    municipalities of its county."""
    everyone = [*regions.regions(), *regions.municipalities()]
    owner = everyone[number % PRINCIPALS]
    county = owner.code if len(owner.code) == 2 else owner.code[:2]
    name = getattr(owner, "body", None) or f"{owner.name} kommun"
    return f"p{owner.code}", name, county, list(regions.municipalities(region=county))


def _text(rng: random.Random, words: int) -> str:
    chosen = [rng.choice(WORDS) for _ in range(words)]
    return (" ".join(chosen).capitalize() + ".")[:400]


def _figure(rng: random.Random, low: int, high: int) -> Decimal:
    return Decimal(rng.randint(low * 100, high * 100)) / 100


def plan_document(number: int, seed: int = 1, scale: float = 1.0) -> dict[str, Any]:
    """The document of plan ``number`` (see the module)."""
    rng = random.Random(seed * 1_000_003 + number)
    owner, name, county, municipalities = _principal(number)
    year = 2016 + (number // PRINCIPALS) % 10
    goals_n, activities_n, indicators_n = (max(1, round(n * scale)) for n in (40, 200, 400))
    stakeholders = [
        {"id": owner, "name": name, "kind": "region" if len(owner) == 3 else "municipality",
         "identifiers": {"scb_county" if len(owner) == 3 else "scb_municipality": owner[1:]}},
        *({"id": f"m{m.code}", "name": f"{m.name} kommun", "kind": "municipality",
           "identifiers": {"scb_municipality": m.code}}
          for m in municipalities if f"m{m.code}" != owner and f"p{m.code}" != owner),
        {"id": "staten", "name": "Staten", "kind": "government"},
    ]  # fmt: skip
    indicators = []
    for i in range(indicators_n):
        by_sex = i % 3 == 0
        observations = [
            {"period": str(y), "value": _figure(rng, 5, 95)} for y in range(year - 10, year)
        ]
        if by_sex:
            observations += [
                {"period": str(y), "value": _figure(rng, 5, 95), "breakdown": {"sex": sex}}
                for y in range(year - 5, year) for sex in ("kvinnor", "män")
            ]  # fmt: skip
        indicator: dict[str, Any] = {
            "id": f"i{i}", "name": _text(rng, 4), "measure": "percentage", "unit": "%",
            "direction": rng.choice(("higher_is_better", "lower_is_better")),
            "source": "Kolada", "source_id": rng.choice(KPIS), "frequency": "annual",
            "baselines": [{"period": str(year - 3), "value": _figure(rng, 5, 95)}],
            "targets": [{"period": str(year + 2), "value": _figure(rng, 5, 95)}],
            "observations": observations,
        }  # fmt: skip
        if by_sex:
            indicator["dimensions"] = ["sex"]
        indicators.append(indicator)
    goals = [
        {"id": f"g{g}", "text": _text(rng, 6),
         "horizon": "long_term" if g % 4 == 0 else "short_term",
         **({"parent": f"g{g - g % 4}"} if g % 4 else {}),
         "focus_areas": [FOCUS[g % len(FOCUS)]], "target_groups": [rng.choice(GROUPS)],
         "indicators": [f"i{j}" for j in range(g, indicators_n, goals_n)][:10]}
        for g in range(goals_n)
    ]  # fmt: skip
    activities = [
        {"id": f"a{a}", "text": _text(rng, 12), "goals": [f"g{a % goals_n}"],
         "timeline": {"text": rng.choice(TIMELINES).format(y=year, z=year + 2)},
         "responsibilities": [{"stakeholder": rng.choice(stakeholders[:-1])["id"]}],
         "target_groups": [rng.choice(GROUPS)]}
        for a in range(activities_n)
    ]  # fmt: skip
    grants = [
        {"id": f"grant{k}", "purpose": _text(rng, 3), "amount": rng.randint(50_000, 5_000_000),
         "period": str(year), "funder": "staten", "recipient": owner}
        for k in range(max(1, round(20 * scale)))
    ]  # fmt: skip
    return {
        "schema_version": SCHEMA, "id": f"{owner}-{year}",
        "title": f"Handlingsplan psykisk hälsa och suicidprevention {year}–{year + 2}, {name}",
        "kind": "principal_plan", "owners": [owner], "county": county,
        "period": f"{year}/{year + 2}", "date": f"{year - 1}-12-15", "version": "1.0",
        "frameworks": ["focus-areas-2016"], "target_groups": list(GROUPS[:3]),
        "stakeholders": stakeholders, "goals": goals, "activities": activities,
        "indicators": indicators, "grants": grants,
    }  # fmt: skip
