"""Regions and municipalities: codes, names and variants, history by date, and the check rule."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from importlib import resources

import attrs
import pytest

import uphmodel
from uphmodel import regions


def test_today_there_are_21_regions_and_290_municipalities() -> None:
    assert len(regions.regions()) == 21
    assert len(regions.municipalities()) == 290
    codes = [r.code for r in regions.regions()]
    assert codes == ["01", "03", "04", "05", "06", "07", "08", "09", "10", "12", "13", "14",
                     "17", "18", "19", "20", "21", "22", "23", "24", "25"]  # fmt: skip
    for m in regions.municipalities():
        assert len(m.code) == 4 and m.code.startswith(m.region)
        assert m.region in codes
    # the municipalities per region, as SCB counts them (Stockholm 26, Skåne 33, Västra
    # Götaland 49, Jämtland 8, Norrbotten 14, Gotland 1)
    per_region = Counter(m.region for m in regions.municipalities())
    assert per_region["01"] == 26 and per_region["12"] == 33 and per_region["14"] == 49
    assert per_region["23"] == 8 and per_region["25"] == 14 and per_region["09"] == 1
    assert sum(per_region.values()) == 290


def test_the_municipalities_the_seed_plans_name_have_the_codes_the_plans_give() -> None:
    # every stakeholder of the bundled plans with an SCB code is the municipality of that code
    seen = 0
    for name in uphmodel.examples.names():
        plan = uphmodel.examples.load(name)
        for stakeholder in plan.stakeholders:
            code = stakeholder.identifiers.get("scb_municipality")
            if code:
                assert regions.name_matches(regions.municipality(code), stakeholder.name)
                seen += 1
    assert seen >= 30
    jamtland = {m.name for m in regions.municipalities(region="Region Jämtland Härjedalen")}
    assert jamtland == {"Ragunda", "Bräcke", "Krokom", "Strömsund", "Åre", "Berg",
                        "Härjedalen", "Östersund"}  # fmt: skip


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Region Jämtland Härjedalen", "23"),
        ("Jämtlands län", "23"),
        ("region jämtland/härjedalen", "23"),
        ("Jämtlands läns landsting", "23"),
        ("Västra Götalandsregionen", "14"),
        ("VGR", "14"),
        ("Region Stockholm", "01"),
        ("Stockholms läns landsting", "01"),
        ("Region Gotland", "09"),
        ("Region Sörmland", "04"),
        ("Norrbottens län", "25"),
        ("25", "25"),
    ],
)
def test_regions_by_code_and_by_the_names_plans_use(name: str, code: str) -> None:
    assert regions.region(name).code == code


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Östersunds kommun", "2380"),
        ("Östersund", "2380"),
        ("Göteborgs Stad", "1480"),
        ("Malmö stad", "1280"),
        ("Upplands-Bro", "0139"),
        ("Upplands Väsby", "0114"),
        ("Malung-Sälen", "2023"),
        ("Gotland", "0980"),
        ("Luleå kommun", "2580"),
        ("Härjedalens kommun", "2361"),
    ],
)
def test_municipalities_by_name_and_variant(name: str, code: str) -> None:
    assert regions.municipality(name).code == code


def test_lookups_take_a_date_because_codes_and_counties_change() -> None:
    # Heby moved from Västmanland (1917) to Uppsala län (0331) on 1 January 2007
    assert regions.municipality("Heby", on=dt.date(2006, 12, 31)).code == "1917"
    assert regions.municipality("Heby", on="2007-01-01").code == "0331"
    assert regions.municipality("Heby", on=2007).region == "03"
    # Skåne län (12) was formed in 1997 from Kristianstads län (11) and Malmöhus län (12)
    assert regions.region("12", on=1996).name == "Malmöhus län"
    assert regions.region("12", on=1997).name == "Skåne län"
    assert regions.municipality("Kristianstad", on=1996).code == "1180"
    assert regions.municipality("1180", on=1996).successor == ("1290",)
    # Västra Götaland (14) in 1998; Borås moved from Älvsborgs län (15)
    assert regions.region("14", on=1997).name == "Göteborgs och Bohus län"
    assert regions.municipality("Borås", on=1997).code == "1583"
    assert regions.municipality("Borås", on=1998).code == "1490"
    # Knivsta (0330) was split from Uppsala in 2003
    assert len(regions.municipalities(on=2002)) == 289
    assert regions.municipality("Knivsta").valid_from == dt.date(2003, 1, 1)
    assert len(regions.regions(on=1997)) == 23
    assert len(regions.regions(on=1996)) == 24


def test_what_is_not_there_is_said_with_dates_or_suggestions() -> None:
    with pytest.raises(KeyError, match=r"no municipality '1917' on 2020-01-01: 1917 Heby "
                                       r"1991-01-01 – 2006-12-31"):  # fmt: skip
        regions.municipality("1917", on=2020)
    with pytest.raises(KeyError, match="did you mean 'Östersunds kommun'"):
        regions.municipality("Östersunds kommmun")
    with pytest.raises(KeyError, match="no region has the code or name '26'"):
        regions.region("26")
    with pytest.raises(TypeError, match="expected a date"):
        regions.region("23", on="last year")
    with pytest.raises(TypeError, match="code or name, not int"):
        regions.region(23)  # type: ignore[arg-type]
    assert regions.find("Region Gotland").code == "09"  # type: ignore[union-attr]
    assert regions.find("Gotland").code == "0980"  # type: ignore[union-attr]
    assert regions.find("Atlantis") is None


def test_names_built_on_a_place_match_it_and_others_do_not() -> None:
    ostersund = regions.municipality("2380")
    assert regions.name_matches(ostersund, "Östersunds kommun, socialtjänsten")
    assert not regions.name_matches(ostersund, "Bräcke kommun")
    jamtland = regions.region("23")
    assert regions.name_matches(jamtland, "Region Jämtland Härjedalen")
    assert regions.name_matches(jamtland, "Landstinget i Jämtlands län")
    assert not regions.name_matches(jamtland, "Region Västerbotten")


def test_the_data_file_cites_its_source_and_says_what_it_covers() -> None:
    assert regions.SOURCE.publisher == "Statistiska centralbyrån (SCB)"
    assert regions.SOURCE.url and regions.SOURCE.url.startswith("https://www.scb.se/")
    assert "1991-01-01" in regions.COVERAGE
    raw = json.loads(
        resources.files("uphmodel.regions").joinpath("data/sweden.json").read_text("utf-8")
    )
    # on any day, no code means two places
    for year in range(1991, 2027):
        day = dt.date(year, 1, 1)
        for entries in (raw["regions"], raw["municipalities"]):
            valid = [
                e["code"]
                for e in entries
                if e["valid_from"] <= day.isoformat()
                and (e["valid_until"] is None or day.isoformat() <= e["valid_until"])
            ]
            assert len(valid) == len(set(valid)), year  # fmt: skip


def test_check_flags_codes_that_do_not_fit_their_stakeholder() -> None:
    plan = uphmodel.examples.load("jamtland-harjedalen-2018")
    assert not uphmodel.check(plan).by_rule("stakeholders.official-codes")
    swapped = [
        s.__class__(**{**{f: getattr(s, f) for f in ("id", "name", "kind")},
                       "identifiers": {"scb_municipality": "2305"}})
        if s.id == "ragunda" else s
        for s in plan.stakeholders
    ]  # fmt: skip
    findings = uphmodel.check(attrs.evolve(plan, stakeholders=tuple(swapped))).by_rule(
        "stakeholders.official-codes"
    )
    assert [f.message for f in findings] == [
        "'Ragunda kommun' carries the SCB code 2305, which is Bräcke; 'Ragunda kommun' is 2303"
    ]
    assert findings[0].path.endswith("/identifiers/scb_municipality")
