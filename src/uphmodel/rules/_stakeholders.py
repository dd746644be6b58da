"""Rules about stakeholders, contact points and personal data."""

from __future__ import annotations

import re
from collections.abc import Iterator

import attrs

from uphmodel._tree import walk
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


def _personal(plan: Plan, ctx: CheckContext) -> Iterator[Finding]:
    for path, record in walk(plan):
        for field in attrs.fields(type(record)):
            if field.metadata.get("personal") and getattr(record, field.name):
                yield Finding(
                    path=f"{path}/{field.name}",
                    item=getattr(record, "id", None),
                    message=f"holds personal data ({field.name}); uphmodel.redact() removes it "
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
