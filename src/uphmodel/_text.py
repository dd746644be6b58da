"""Small text helpers shared by the layers that talk to people (rules, rendering)."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from decimal import Decimal

from uphmodel._limits import exact

__all__ = ["did_you_mean", "figure", "nearest", "quote", "shown"]


def quote(text: str, limit: int = 80) -> str:
    """``text`` quoted and escaped as Python writes a string, cut to about ``limit`` characters
    with the length said, so that a message never echoes a pasted document back whole.

    >>> quote("hösten 2021")
    "'hösten 2021'"
    >>> quote("x" * 10_000, limit=20)
    "'xxxxxxxxxxxxxxxxxxxx…' (10,000 characters)"
    """
    if len(text) <= limit:
        return repr(text)
    cut = repr(text[:limit])
    return f"{cut[:-1]}…{cut[-1]} ({len(text):,} characters)"


def shown(value: object, limit: int = 80) -> str:
    """``value`` as Python writes it, cut like :func:`quote` when long: a number of ten thousand
    digits or a nested list is shown by its start and length, never echoed whole.

    >>> shown("ab"), shown(12), shown(10**100, limit=10)
    ("'ab'", '12', '1000000000… (101 characters)')
    """
    if isinstance(value, str):
        return quote(value, limit)
    try:
        text = str(value) if isinstance(value, Decimal) else repr(value)
    except (ValueError, RecursionError):  # an int too long for str(), a value nested too deep
        return f"a {type(value).__name__} too large to show"
    if len(text) <= limit:
        return text
    return f"{text[:limit]}… ({len(text):,} characters)"


@exact
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


def nearest(word: str, choices: Iterable[str], n: int = 3) -> list[str]:
    """The choices closest to ``word`` (a misspelt field name, code or id), best first.

    >>> nearest("timline", ["text", "timeline", "targets"])
    ['timeline']
    """
    folded = {choice.casefold(): choice for choice in choices}
    found = difflib.get_close_matches(word.casefold(), list(folded), n=n, cutoff=0.6)
    return [folded[f] for f in found]


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """``" (did you mean 'timeline'?)"`` for the closest choices, or ``""`` when none is close."""
    found = nearest(word, choices)
    if not found:
        return ""
    return " (did you mean " + " or ".join(repr(f) for f in found) + "?)"
