"""How much one document may hold, and the exact arithmetic that holding it allows.

A document is refused, never half read, when it is nested deeper than :attr:`Limits.depth`
levels, holds one text longer than :attr:`Limits.value_size` characters, or a number that needs
more than :attr:`Limits.digits` digits written out in full. The limits a caller may set are
capped by the ceilings below, which the records' constructors also keep, so every number a plan
can hold sums exactly in :data:`EXACT` and no step after a load recurses deeper than Python can.
"""

from __future__ import annotations

import decimal
import functools
from collections.abc import Callable
from decimal import Decimal
from typing import ParamSpec, TypeVar

import attrs

__all__ = ["EXACT", "MAX_DEPTH", "MAX_DIGITS", "Limits", "exact", "width"]

#: The deepest nesting any document or record may have (JSON objects and arrays).
MAX_DEPTH = 200
#: The most digits any number may need written out in full (``1e-3`` needs 3: ``.001``).
MAX_DIGITS = 4_000

#: The decimal context of every sum and difference the library makes: precise enough that adding
#: up to 10^50 numbers of :data:`MAX_DIGITS` digits is exact, so no sum is ever rounded (the
#: default context rounds to 28 digits). A quotient is rounded only where the library says so.
EXACT = decimal.Context(
    prec=2 * MAX_DIGITS + 60,
    Emax=decimal.MAX_EMAX,
    Emin=decimal.MIN_EMIN,
    traps=[decimal.InvalidOperation, decimal.DivisionByZero, decimal.Overflow],
)


def width(number: Decimal | int) -> int:
    """How many digits ``number`` needs written out in full, without exponent.

    >>> width(Decimal("12.5")), width(Decimal("1E+3")), width(Decimal("0.001")), width(-42)
    (3, 4, 3, 2)
    """
    if isinstance(number, int):
        return len(str(abs(number))) if -(10**MAX_DIGITS) < number < 10**MAX_DIGITS else 10**9
    text = str(number)  # positional unless the exponent is far out
    if "E" in text or "e" in text:
        _sign, digits, exponent = number.as_tuple()
        if not isinstance(exponent, int):
            return 0  # NaN and infinities are refused for what they are, not for their width
        n = len(digits)
        return n + exponent if exponent >= 0 else max(n, -exponent)
    if text[0] == "-":
        text = text[1:]
    if "." not in text:
        return len(text) if text[0].isdigit() else 0  # "Infinity", "NaN"
    return len(text) - (2 if text[0] == "0" else 1)  # the point, and "0." before a fraction


@attrs.frozen
class Limits:
    """The most a document read by :func:`uphmodel.loads` may hold; more is a ``LoadError``.

    Attributes:
        depth: levels of nested objects and arrays (a plan itself needs about ten).
        value_size: characters of one text or field name.
        digits: digits of one number written out in full (``12.50`` needs 4, ``1e6`` needs 7).

    Each is at least 1; ``depth`` and ``digits`` are at most :data:`MAX_DEPTH` and
    :data:`MAX_DIGITS`, which keep every later step within Python's recursion and exact
    arithmetic.

    >>> Limits(digits=30)
    Limits(depth=100, value_size=10000000, digits=30)
    """

    depth: int = attrs.field(default=100)
    value_size: int = attrs.field(default=10_000_000)
    digits: int = attrs.field(default=100)

    @depth.validator
    def _depth(self, _: attrs.Attribute[int], value: int) -> None:
        _between("depth", value, MAX_DEPTH)

    @value_size.validator
    def _value_size(self, _: attrs.Attribute[int], value: int) -> None:
        _between("value_size", value, None)

    @digits.validator
    def _digits(self, _: attrs.Attribute[int], value: int) -> None:
        _between("digits", value, MAX_DIGITS)


def _between(name: str, value: object, most: int | None) -> None:
    if not isinstance(value, int) or isinstance(value, bool):
        raise TypeError(f"Limits.{name} must be a whole number (got {type(value).__name__})")
    if value < 1 or (most is not None and value > most):
        top = f" and at most {most:,}" if most is not None else ""
        raise ValueError(f"Limits.{name} must be at least 1{top} (got {value:,})")


P = ParamSpec("P")
R = TypeVar("R")


def exact(function: Callable[P, R]) -> Callable[P, R]:
    """Run ``function`` in the :data:`EXACT` decimal context."""

    @functools.wraps(function)
    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        with decimal.localcontext(EXACT):
            return function(*args, **kwargs)

    return run
