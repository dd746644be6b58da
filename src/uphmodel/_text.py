"""Small text helpers shared by the layers that talk to people (rules, rendering)."""

from __future__ import annotations

from decimal import Decimal

__all__ = ["figure"]


def figure(value: Decimal | int) -> str:
    """A figure as Swedish documents write it: groups of three, decimal comma.

    >>> from decimal import Decimal
    >>> figure(Decimal("8986348")), figure(Decimal("68671.3")), figure(-1250000)
    ('8 986 348', '68 671,3', '-1 250 000')
    """
    value = Decimal(value)
    sign = "-" if value < 0 else ""
    whole, _, fraction = format(abs(value), "f").partition(".")
    groups: list[str] = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    return sign + " ".join(groups) + ("," + fraction if fraction else "")
