"""Kolada's v3 data responses read into observations, and merged into a plan.

A response of ``/v3/data/...`` is ``{"values": [...], "count": …, "next_url": …}``; each item
names a KPI, an area (``municipality``: a four-digit municipality code, ``00LL`` for region LL,
``0000`` for the whole country), a year (``period``) and its ``values``, one per gender: ``T``
the total, ``K`` women, ``M`` men, each with ``value`` (a number or null), ``status`` and
``isdeleted``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

import attrs

from uphmodel._errors import LoadError, Problem
from uphmodel._frozen import FrozenMap
from uphmodel._period import Period
from uphmodel.model import Indicator, Observation, Plan

__all__ = ["SEXES", "add_observations", "area_breakdown", "follows", "observations", "update"]

#: How Kolada's genders become the ``sex`` dimension of a breakdown (``T``, the total, has no
#: breakdown). Pass your own (``{"K": "flickor", "M": "pojkar"}``) where a plan words it so.
SEXES: Mapping[str, str] = FrozenMap({"K": "kvinnor", "M": "män"})

Payload = Mapping[str, Any] | str | bytes


def area_breakdown(kolada_id: str) -> dict[str, str]:
    """The breakdown that names a Kolada area: ``{"municipality": "2380"}``, ``{"county":
    "23"}`` for a region (``0023``), ``{"country": "SE"}`` for the whole country (``0000``)."""
    if kolada_id == "0000":
        return {"country": "SE"}
    if kolada_id.startswith("00"):
        return {"county": kolada_id[2:]}
    return {"municipality": kolada_id}


def _kolada_id(area: str) -> str:
    """A Kolada area id from an SCB code: "23" → "0023"; four digits stay as they are."""
    area = area.strip()
    return "00" + area if len(area) == 2 and area.isdigit() else area


def _pages(payload: Payload | Iterable[Payload]) -> list[tuple[str, Any]]:
    """Each page of the response, parsed (numbers exact), with the prefix of its paths."""
    if isinstance(payload, (str, bytes, Mapping)):
        items: list[Any] = [payload]
        many = False
    else:
        items, many = list(payload), True
    out = []
    for number, page in enumerate(items):
        prefix = f"/{number}" if many else ""
        if isinstance(page, (str, bytes)):
            try:
                page = json.loads(page, parse_float=Decimal)
            except ValueError as exc:
                raise LoadError([Problem(prefix, f"not valid JSON: {exc}")], "Kolada") from None
        out.append((prefix, page))
    return out


def _number(value: Any) -> Decimal | None:
    """A value as an exact decimal: a number parsed exactly stays so; a float (a response
    parsed elsewhere) is taken as its shortest text, which is what the response wrote."""
    if isinstance(value, bool):
        return None
    if isinstance(value, Decimal):
        return value if value.is_finite() else None
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        try:
            number = Decimal(repr(value))
        except InvalidOperation:
            return None
        return number if number.is_finite() else None
    return None


def _item(
    item: Any, path: str, kpi: str | None, area: str | None, sexes: Mapping[str, str],
    problems: list[Problem],
) -> list[Observation]:  # fmt: skip
    if not isinstance(item, Mapping):
        problems.append(Problem(path, f"expected an object, found {type(item).__name__}"))
        return []
    item_kpi, place, year = item.get("kpi"), item.get("municipality"), item.get("period")
    if kpi is not None and item_kpi != kpi:
        return []
    if not isinstance(place, str):
        problems.append(Problem(f"{path}/municipality", f"expected an area id, found {place!r}"))
        return []
    if area is not None and place != area:
        return []
    text = str(year) if isinstance(year, (int, str)) and not isinstance(year, bool) else ""
    if not (len(text) == 4 and text.isdigit()):
        problems.append(Problem(f"{path}/period", f"expected a year, found {year!r}"))
        return []
    values = item.get("values")
    if not isinstance(values, list):
        problems.append(Problem(f"{path}/values", "expected a list of values by gender"))
        return []
    found = []
    for index, entry in enumerate(values):
        where = f"{path}/values/{index}"
        if not isinstance(entry, Mapping):
            problems.append(Problem(where, f"expected an object, found {type(entry).__name__}"))
            continue
        gender = entry.get("gender")
        if not isinstance(gender, str) or (gender != "T" and gender not in sexes):
            problems.append(Problem(f"{where}/gender", f"expected T, K or M, found {gender!r}"))
            continue
        if entry.get("isdeleted") is True or entry.get("value") is None:
            continue  # deleted at the source, or no value for this year
        number = _number(entry.get("value"))
        if number is None:
            problems.append(Problem(f"{where}/value", f"expected a number, found "
                                                      f"{entry.get('value')!r}"))  # fmt: skip
            continue
        breakdown = {} if area is not None else area_breakdown(place)
        if gender != "T":
            breakdown["sex"] = sexes[gender]
        status = entry.get("status")
        found.append(Observation(
            period=Period.parse(text), value=number, breakdown=FrozenMap(breakdown),
            source=f"Kolada {item_kpi}" if isinstance(item_kpi, str) else "Kolada",
            comment=f"Kolada status: {status}" if isinstance(status, str) and status else None,
        ))  # fmt: skip
    return found


def observations(
    payload: Payload | Iterable[Payload],
    *,
    area: str | None = None,
    kpi: str | None = None,
    sexes: Mapping[str, str] = SEXES,
) -> list[Observation]:
    """The values of a Kolada v3 data response as :class:`~uphmodel.Observation`\\ s.

    ``payload`` is the response (its JSON text, read with numbers exact, or parsed), or a list
    of its pages. Each year becomes a period, each number an exact ``Decimal``; women and men
    are broken down by ``sex`` (``sexes`` names them), the total is not. With ``area`` (an SCB
    code, "2380" or "23", or a Kolada id) only that area's values are taken; without it, each
    observation is also broken down by its area (:func:`area_breakdown`). ``kpi`` keeps one
    KPI's values where a response holds several. Values that are null or deleted at the source
    are passed over. Raises :class:`~uphmodel.LoadError` with every problem of a malformed
    response at its JSON Pointer.

    >>> from uphmodel import kolada
    >>> response = '''{"count": 1, "next_url": null, "values": [
    ...   {"kpi": "N61603", "municipality": "0023", "period": 2022, "values": [
    ...     {"gender": "T", "count": 1, "status": "", "value": 17.08, "isdeleted": false},
    ...     {"gender": "K", "count": 1, "status": "", "value": 9.3, "isdeleted": false},
    ...     {"gender": "M", "count": 1, "status": "", "value": 24.75, "isdeleted": false}]}]}'''
    >>> for o in kolada.observations(response, area="23"):
    ...     print(o.period, o.value, dict(o.breakdown))
    2022 17.08 {}
    2022 9.3 {'sex': 'kvinnor'}
    2022 24.75 {'sex': 'män'}
    """
    wanted = None if area is None else _kolada_id(area)
    problems: list[Problem] = []
    found: list[Observation] = []
    for prefix, page in _pages(payload):
        if not isinstance(page, Mapping) or not isinstance(page.get("values"), list):
            problems.append(Problem(prefix, "expected a Kolada response: an object with values"))
            continue
        for index, item in enumerate(page["values"]):
            found += _item(item, f"{prefix}/values/{index}", kpi, wanted, sexes, problems)
    if problems:
        raise LoadError(problems, "Kolada")
    return found


def _key(observation: Observation) -> tuple[Any, ...]:
    return (observation.period, observation.breakdown, observation.statistic)


def add_observations(
    plan: Plan, indicator: str, new: Iterable[Observation], *, replace: bool = False
) -> Plan:
    """``plan`` with ``new`` observations added to the indicator with the id ``indicator``.

    An observation for a period, breakdown and statistic the indicator already has a value for
    is not added twice: the plan's value is kept, or, with ``replace=True``, the new one takes
    its place (sources revise their figures). The dimensions the new breakdowns use are added
    to the indicator's. Raises ``KeyError`` when the plan has no such indicator.

    >>> import uphmodel
    >>> from uphmodel import kolada
    >>> plan = uphmodel.examples.load("norrbotten-2021")
    >>> indicator = plan.indicators[0].id
    >>> values = kolada.observations({"values": [{"kpi": "N61603", "municipality": "0025",
    ...     "period": 2022, "values": [{"gender": "T", "value": 20.1}]}]}, area="25")
    >>> once = kolada.add_observations(plan, indicator, values)
    >>> twice = kolada.add_observations(once, indicator, values)
    >>> len(twice.get(indicator).observations) - len(plan.get(indicator).observations)
    1
    """
    found = plan.get(indicator)
    if not isinstance(found, Indicator):
        raise KeyError(f"the plan {plan.id!r} has no indicator {indicator!r}")
    kept = list(found.observations)
    index = {_key(o): i for i, o in enumerate(kept)}
    for observation in new:
        if not isinstance(observation, Observation):
            raise TypeError(f"expected Observations, got {type(observation).__name__}")
        at = index.get(_key(observation))
        if at is None:
            index[_key(observation)] = len(kept)
            kept.append(observation)
        elif replace:
            kept[at] = observation
    used = [d for o in kept for d in o.breakdown if d not in found.dimensions]
    dimensions = (*found.dimensions, *dict.fromkeys(used))
    changed = attrs.evolve(found, observations=tuple(kept), dimensions=dimensions)
    indicators = tuple(changed if i is found else i for i in plan.indicators)
    return attrs.evolve(plan, indicators=indicators)


def follows(indicator: Indicator) -> str | None:
    """The id of the Kolada KPI an indicator follows (its ``source`` is Kolada and its
    ``source_id`` the KPI's id), or None."""
    source = (indicator.source or "").strip().casefold()
    if source.startswith("kolada") and indicator.source_id:
        return indicator.source_id.strip()
    return None


def update(
    plan: Plan,
    payload: Payload | Iterable[Payload],
    *,
    area: str,
    sexes: Mapping[str, str] = SEXES,
    replace: bool = False,
) -> Plan:
    """``plan`` with the values of a Kolada response added to every indicator that follows a
    KPI the response holds (see :func:`follows`), for one area, without duplicates (as
    :func:`add_observations`).

    >>> import attrs, uphmodel
    >>> from uphmodel import Indicator, kolada
    >>> plan = uphmodel.examples.load("norrbotten-2021")
    >>> plan = attrs.evolve(plan, indicators=(*plan.indicators, Indicator(
    ...     id="suicid", name="Suicid per 100 000 invånare", source="Kolada",
    ...     source_id="N61603")))
    >>> response = {"values": [{"kpi": "N61603", "municipality": "0025", "period": 2022,
    ...                          "values": [{"gender": "T", "value": 20.4}]}]}
    >>> [str(o.value) for o in kolada.update(plan, response, area="25").get("suicid").observations]
    ['20.4']
    """
    pages = _pages(payload)
    for indicator in plan.indicators:
        kpi = follows(indicator)
        if kpi is None:
            continue
        values = observations([page for _, page in pages], area=area, kpi=kpi, sexes=sexes)
        if values:
            plan = add_observations(plan, indicator.id, values, replace=replace)
    return plan
