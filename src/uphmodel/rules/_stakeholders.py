"""Rules about stakeholders, contact points and personal data."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import Any

import attrs

from uphmodel.model import (
    Plan,
)
from uphmodel.rules._engine import (
    CheckContext,
    Finding,
    Severity,
)

ERROR, WARNING, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO


_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$")


_IDENTIFIERS = {
    "scb_county": (re.compile(r"^\d{2}$"), "two digits (e.g. 23)"),
    "scb_municipality": (re.compile(r"^\d{4}$"), "four digits (e.g. 2380)"),
    "orgnr": (re.compile(r"^\d{6}-\d{4}$"), "NNNNNN-NNNN"),
}


def _emails(plan: Plan, ctx: CheckContext) -> Iterator[Finding]:
    for i, contact in enumerate(plan.contacts):
        if contact.email is not None and not _EMAIL.match(contact.email):
            yield Finding(
                path=f"/contacts/{i}/email",
                item=contact.id,
                message=f"{contact.email!r} is not a well-formed e-mail address",
            )


_PERSONAL: dict[type, tuple[str, ...]] = {}


def _personal_fields(cls: type) -> tuple[str, ...]:
    found = _PERSONAL.get(cls)
    if found is None:
        found = _PERSONAL[cls] = tuple(
            f.name for f in attrs.fields(cls) if f.metadata.get("personal")
        )
    return found


def _personal(plan: Plan, ctx: CheckContext) -> Iterator[Finding]:
    for path, record in ctx.having(_personal_fields):
        for name in _personal_fields(type(record)):
            if getattr(record, name):
                yield Finding(
                    path=f"{path}/{name}",
                    item=getattr(record, "id", None),
                    message=f"holds personal data ({name}); uphmodel.redact() removes it "
                    "before the plan is shared",
                )


def _identifiers(plan: Plan, ctx: CheckContext) -> Iterator[Finding]:
    if plan.county is not None and not _IDENTIFIERS["scb_county"][0].match(plan.county):
        yield Finding(
            path="/county", message=f"an SCB county code is two digits, not {plan.county!r}"
        )
    for i, stakeholder in enumerate(plan.stakeholders):
        for scheme, value in stakeholder.identifiers.items():
            rule = _IDENTIFIERS.get(scheme)
            if rule is not None and not rule[0].match(value):
                yield Finding(
                    path=f"/stakeholders/{i}/identifiers/{scheme}",
                    item=stakeholder.id,
                    message=f"{value!r} is not a valid {scheme}: expected {rule[1]}",
                )
            elif (
                scheme == "scb_municipality"
                and plan.county
                and rule is not None
                and not value.startswith(plan.county)
            ):
                yield Finding(
                    path=f"/stakeholders/{i}/identifiers/{scheme}",
                    item=stakeholder.id,
                    severity=WARNING,
                    message=f"municipality code {value} is not in county {plan.county}",
                )


def _official(plan: Plan, ctx: CheckContext) -> Iterator[Finding]:
    """SCB codes that exist on the plan's date and name the stakeholder that carries them."""
    from uphmodel import regions

    day, said = plan.date, "the plan's date"
    if day is None and plan.period is not None and plan.period.first_day is not None:
        day, said = plan.period.first_day, "the start of the plan's period"
    if day is None:
        day, said = dt.date.today(), "today; the plan has no date"
    if day < dt.date(1991, 1, 1):
        return  # before the registry's coverage
    for i, stakeholder in enumerate(plan.stakeholders):
        for scheme, kind in (("scb_county", "region"), ("scb_municipality", "municipality")):
            code = stakeholder.identifiers.get(scheme)
            if code is None or not _IDENTIFIERS[scheme][0].match(code):
                continue  # missing, or malformed (stakeholders.identifiers says so)
            path = f"/stakeholders/{i}/identifiers/{scheme}"
            ever = regions.entries_with_code(code, kind)
            if not ever:
                yield Finding(path=path, item=stakeholder.id,
                              message=f"no {kind} has had the SCB code {code}")  # fmt: skip
                continue
            valid = [e for e in ever if e.valid_on(day)]
            if not valid:
                spans = "; ".join(
                    f"{e.name} until {e.valid_until}" if e.valid_until else
                    f"{e.name} from {e.valid_from}" for e in ever
                )  # fmt: skip
                now = _named(regions, kind, ever[-1].name, day)
                yield Finding(path=path, item=stakeholder.id,
                              message=f"the SCB code {code} was not in use on {day} ({said}): "
                                      f"it meant {spans}{now}")  # fmt: skip
                continue
            entry = valid[0]
            names = [n for n in (stakeholder.name, stakeholder.short_name) if n]
            if any(regions.name_matches(entry, n) for n in names):
                continue
            other = regions.find(stakeholder.name, on=day)
            hint = f"; {stakeholder.name!r} is {other.code}" if other is not None else ""
            yield Finding(path=path, item=stakeholder.id,
                          message=f"{stakeholder.name!r} carries the SCB code {code}, which is "
                                  f"{entry.body or entry.name if kind == 'region' else entry.name}"
                                  f"{hint}")  # fmt: skip


def _named(regions: Any, kind: str, name: str, day: dt.date) -> str:
    """ ", now <code>" where the place of that name has another code on ``day``."""
    try:
        lookup = regions.region if kind == "region" else regions.municipality
        return f"; on that date {name} is {lookup(name, on=day).code}"
    except KeyError:
        return ""
