"""Kolada: v3 data responses into observations, merged into plans; the fetcher's paging.

The payloads follow the published v3 format (``values``/``count``/``next_url``; items with
``kpi``, ``municipality``, ``period`` and ``values`` by gender T/K/M with ``value``, ``count``,
``status``, ``isdeleted``). No test touches the network: the fetcher runs on httpx's mock
transport.
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import attrs
import httpx
import pytest

import uphmodel
from uphmodel import Indicator, LoadError, Observation, Period, kolada

# Suicides per 100 000 inhabitants aged 25+, 5-year mean (KPI N61603, regions only, by gender)
RESPONSE = """{
 "count": 3,
 "values": [
  {"kpi": "N61603", "municipality": "0023", "period": 2021, "values": [
   {"gender": "K", "count": 1, "status": "", "value": 10.25, "isdeleted": false},
   {"gender": "M", "count": 1, "status": "", "value": 27.3, "isdeleted": false},
   {"gender": "T", "count": 1, "status": "", "value": 18.77, "isdeleted": false}]},
  {"kpi": "N61603", "municipality": "0023", "period": 2022, "values": [
   {"gender": "K", "count": 1, "status": "", "value": null, "isdeleted": false},
   {"gender": "M", "count": 1, "status": "", "value": 26.1, "isdeleted": true},
   {"gender": "T", "count": 1, "status": "Preliminärt", "value": 17.900000000000000001,
    "isdeleted": false}]},
  {"kpi": "N61603", "municipality": "0025", "period": 2022, "values": [
   {"gender": "T", "count": 1, "status": "", "value": 20.4, "isdeleted": false}]}
 ],
 "next_url": null,
 "previous_url": null
}"""


def test_a_response_becomes_exact_observations_broken_down_by_sex() -> None:
    found = kolada.observations(RESPONSE, area="23")
    assert [(str(o.period), o.value, dict(o.breakdown)) for o in found] == [
        ("2021", Decimal("10.25"), {"sex": "kvinnor"}),
        ("2021", Decimal("27.3"), {"sex": "män"}),
        ("2021", Decimal("18.77"), {}),
        # null and deleted values are passed over; the total's digits are kept as written
        ("2022", Decimal("17.900000000000000001"), {}),
    ]
    assert found[-1].comment == "Kolada status: Preliminärt"
    assert {o.source for o in found} == {"Kolada N61603"}
    # the same area by its Kolada id
    assert kolada.observations(RESPONSE, area="0023") == found


def test_without_an_area_each_value_names_its_area() -> None:
    found = kolada.observations(RESPONSE)
    assert [dict(o.breakdown) for o in found if o.period == Period.parse("2022")] == [
        {"county": "23"},
        {"county": "25"},
    ]
    assert kolada.area_breakdown("2380") == {"municipality": "2380"}
    assert kolada.area_breakdown("0000") == {"country": "SE"}


def test_words_of_the_plan_for_the_sexes_and_a_parsed_payload() -> None:
    parsed = json.loads(RESPONSE)  # floats, as a response read by another client
    found = kolada.observations(parsed, area="23", sexes={"K": "flickor", "M": "pojkar"})
    assert found[0].breakdown == {"sex": "flickor"}
    assert found[1].value == Decimal("27.3")  # a float is taken as its shortest text
    assert kolada.observations([parsed, parsed], area="25") == 2 * kolada.observations(
        parsed, area="25"
    )


def test_a_malformed_response_reports_every_problem_with_its_pointer() -> None:
    bad = {
        "values": [
            {"kpi": "N1", "municipality": 23, "period": 2021, "values": []},
            {"kpi": "N1", "municipality": "0023", "period": "20x1", "values": []},
            {"kpi": "N1", "municipality": "0023", "period": 2021, "values": [
                {"gender": "X", "value": 1}, {"gender": "T", "value": "many"}, "oops"]},
            "not an item",
        ]
    }  # fmt: skip
    with pytest.raises(LoadError) as caught:
        kolada.observations(bad)
    assert [(p.path, p.message) for p in caught.value.problems] == [
        ("/values/0/municipality", "expected an area id, found 23"),
        ("/values/1/period", "expected a year, found '20x1'"),
        ("/values/2/values/0/gender", "expected T, K or M, found 'X'"),
        ("/values/2/values/1/value", "expected a number, found 'many'"),
        ("/values/2/values/2", "expected an object, found str"),
        ("/values/3", "expected an object, found str"),
    ]
    with pytest.raises(LoadError, match="not valid JSON"):
        kolada.observations("{")
    with pytest.raises(LoadError, match="expected a Kolada response"):
        kolada.observations({"data": []})


def _plan_with_indicator() -> uphmodel.Plan:
    plan = uphmodel.examples.load("jamtland-harjedalen-2018")
    suicides = Indicator(
        id="suicid-25plus", name="Suicid per 100 000 invånare 25 år och äldre",
        source="Kolada", source_id="N61603", unit="per 100 000",
        observations=(Observation(period=Period.parse("2021"), value=Decimal("18.8")),),
    )  # fmt: skip
    return attrs.evolve(plan, indicators=(*plan.indicators, suicides))


def test_merging_adds_what_is_new_once_and_declares_the_dimension() -> None:
    plan = _plan_with_indicator()
    values = kolada.observations(RESPONSE, area="23")
    merged = kolada.add_observations(plan, "suicid-25plus", values)
    indicator = merged.get("suicid-25plus")
    # the plan's own 2021 total (18.8) is kept; Kolada's 18.77 for it is not added twice
    assert [(str(o.period), o.value, dict(o.breakdown)) for o in indicator.observations] == [
        ("2021", Decimal("18.8"), {}),
        ("2021", Decimal("10.25"), {"sex": "kvinnor"}),
        ("2021", Decimal("27.3"), {"sex": "män"}),
        ("2022", Decimal("17.900000000000000001"), {}),
    ]
    assert indicator.dimensions == ("sex",)
    assert kolada.add_observations(merged, "suicid-25plus", values) == merged
    replaced = kolada.add_observations(plan, "suicid-25plus", values, replace=True)
    assert replaced.get("suicid-25plus").observations[0].value == Decimal("18.77")
    # the merged plan checks clean for dimensions and round-trips exactly
    assert not uphmodel.check(merged).by_rule("indicators.dimensions")
    assert uphmodel.loads(uphmodel.dumps(merged)) == merged
    progress = {p.indicator + str(dict(p.breakdown)): p for p in uphmodel.progress(merged)}
    assert progress["suicid-25plus{}"].latest.value == Decimal("17.900000000000000001")
    with pytest.raises(KeyError, match="no indicator 'nope'"):
        kolada.add_observations(plan, "nope", values)
    with pytest.raises(TypeError, match="expected Observations, got dict"):
        kolada.add_observations(plan, "suicid-25plus", [{"period": "2021"}])  # type: ignore[list-item]


def _pages(requests: list[httpx.Request]) -> httpx.MockTransport:
    """A Kolada that answers in two pages, linked by next_url."""
    first = json.loads(RESPONSE)
    second: dict[str, Any] = {"count": 1, "next_url": None, "values": [
        {"kpi": "N61603", "municipality": "0023", "period": 2023,
         "values": [{"gender": "T", "count": 1, "status": "", "value": 16.5,
                     "isdeleted": False}]}]}  # fmt: skip

    def answer(request: httpx.Request) -> httpx.Response:
        requests.append(request)
        if request.url.params.get("page") == "2":
            return httpx.Response(200, json=second)
        page = dict(first, next_url=str(request.url.copy_set_param("page", "2")))
        return httpx.Response(200, text=json.dumps(page))

    return httpx.MockTransport(answer)


def test_fetch_follows_next_url_and_batches_long_lists() -> None:
    requests: list[httpx.Request] = []
    with httpx.Client(transport=_pages(requests)) as client:
        pages = kolada.fetch("N61603", ["23"], [2021, 2022, 2023], client=client)
    assert len(pages) == 2
    assert str(requests[0].url) == (
        "https://api.kolada.se/v3/data/kpi/N61603/municipality/0023/year/2021,2022,2023"
        "?per_page=5000"
    )
    assert requests[1].url.params["page"] == "2"
    found = kolada.observations(pages, area="23")
    assert [str(o.period) for o in found if not o.breakdown] == ["2021", "2022", "2023"]
    requests.clear()
    areas = [m.code for m in uphmodel.regions.municipalities()[:30]]
    with httpx.Client(transport=_pages(requests)) as client:
        kolada.fetch("N00945", areas, None, client=client)
    firsts = [r for r in requests if "page" not in r.url.params]
    assert [len(r.url.path.rsplit("/", 1)[1].split(",")) for r in firsts] == [25, 5]


def test_fetch_says_what_went_wrong() -> None:
    def refuse(request: httpx.Request) -> httpx.Response:
        return httpx.Response(400, text="Bad Request: illegal parameter")

    with (
        httpx.Client(transport=httpx.MockTransport(refuse)) as client,
        pytest.raises(kolada.KoladaError, match="HTTP 400: 'Bad Request: illegal parameter'"),
    ):
        kolada.fetch("N61603", ["23"], [2021], client=client)

    def fail(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectTimeout("timed out", request=request)

    with (
        httpx.Client(transport=httpx.MockTransport(fail)) as client,
        pytest.raises(kolada.KoladaError, match="ConnectTimeout"),
    ):
        kolada.fetch("N61603", ["23"], [2021], client=client)

    calls: list[int] = []

    def busy(request: httpx.Request) -> httpx.Response:
        calls.append(1)
        if len(calls) == 1:
            return httpx.Response(429, headers={"Retry-After": "0"})
        return httpx.Response(200, json={"values": [], "count": 0, "next_url": ""})

    with httpx.Client(transport=httpx.MockTransport(busy)) as client:
        assert kolada.fetch("N61603", ["23"], [2021], client=client) == [
            {"values": [], "count": 0, "next_url": ""}
        ]
    assert len(calls) == 2

    def loop(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json={"values": [], "next_url": str(request.url)})

    with (
        httpx.Client(transport=httpx.MockTransport(loop)) as client,
        pytest.raises(kolada.KoladaError, match="pointed back at a page"),
    ):
        kolada.fetch("N61603", ["23"], [2021], client=client)
