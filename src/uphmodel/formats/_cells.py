"""Table cells as text, and back, without losing what they hold.

A cell of a CSV file or a spreadsheet is text, so each value is written in the text form of its
column's kind, chosen so that reading gives back exactly the value written:

- an empty cell is a field left out; ``null`` is JSON ``null``;
- a text is written as it is, unless it would read as something else: an empty text, the text
  ``null``, or one that starts with ``"`` is written as a JSON string (``""``, ``"null"``), and
  so is one that a spreadsheet program would take for a formula (starting with ``=``, ``+``,
  ``@``); in a column of numbers, true/false or text (an observation's ``value``) so is a text
  that looks like a number or ``true``/``false``;
- numbers are written with all their digits (``6.90`` stays ``6.90``), with a decimal comma in
  the Swedish dialect; true/false as ``true``/``false``;
- lists and objects (a goal's ``focus_areas``, a record's ``_extra``) as compact JSON.
"""

from __future__ import annotations

import json
import re
from decimal import Decimal, InvalidOperation
from json.encoder import encode_basestring  # the C encoder of json.dumps(ensure_ascii=False)
from typing import Any

from uphmodel._errors import LoadError
from uphmodel._frozen import FrozenMap
from uphmodel._json import parse_json
from uphmodel._limits import Limits, width
from uphmodel._text import quote

_LIMITS = Limits()

__all__ = ["MISSING", "CellError", "cell_kind", "compact", "decode", "encode"]

MISSING: Any = object()  #: what an empty cell reads as: the field is left out


class CellError(ValueError):
    """A cell's text cannot be read as a value of its column; the message says what was expected."""


_NUMBER = re.compile(r"^[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)(?:[eE][+-]?\d+)?$")
_TRUE = {"true", "sant"}  # Swedish Excel writes SANT/FALSKT
_FALSE = {"false", "falskt"}


def compact(value: Any) -> str:
    """JSON text on one line, numbers exact, Swedish letters as they are."""
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, (int, Decimal)):
        return str(value)
    if isinstance(value, str):
        return encode_basestring(value)
    if isinstance(value, (list, tuple)):
        return "[" + ",".join(compact(v) for v in value) + "]"
    if isinstance(value, (dict, FrozenMap)):
        items = (f"{encode_basestring(k)}:{compact(v)}" for k, v in value.items())
        return "{" + ",".join(items) + "}"
    raise TypeError(f"not a JSON value: {value!r}")


def cell_kind(name: str, kind: str) -> str:
    """The kind a column's cells are written as: a key column's by its name."""
    if kind != "key":
        return kind
    return "integer" if name == "_index" else "text"


def _looks_typed(text: str) -> bool:
    return bool(_NUMBER.match(text)) or text.lower() in _TRUE | _FALSE


def encode(value: Any, kind: str, *, decimal_comma: bool = False) -> str:
    """The text of ``value`` in a cell of a column of ``kind`` (see the module's docs)."""
    if value is None:
        return "null"
    if kind in ("list", "map", "extra"):
        return compact(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, Decimal)):
        text = str(value)
        return text.replace(".", ",") if decimal_comma else text
    if isinstance(value, str):
        # a text that would read as something else, or that a spreadsheet would take for a
        # formula (=, +, @: "CSV injection"), is written as a JSON string
        escape = value in ("", "null") or value[:1] in ('"', "=", "+", "@", "\t", "\r")
        if kind == "value" and _looks_typed(value):
            escape = True
        return encode_basestring(value) if escape else value
    return compact(value)


def _number(text: str, decimal_comma: bool) -> Decimal:
    cleaned = text.replace("\u00a0", "").replace(" ", "")
    if decimal_comma:
        cleaned = cleaned.replace(",", ".")
    if not _NUMBER.match(cleaned) or "," in cleaned:
        raise CellError(f"expected a number, got {quote(text)}")
    try:
        number = Decimal(cleaned)
    except InvalidOperation:
        raise CellError(f"expected a number, got {quote(text)}") from None
    if width(number) > _LIMITS.digits:
        raise CellError(
            f"the number {quote(text)} needs more than the {_LIMITS.digits} digits a number may "
            "have written out (Limits.digits)"
        )
    return number


def _json(text: str) -> Any:
    try:
        return parse_json(text, limits=_LIMITS)
    except LoadError as exc:
        first = exc.problems[0]
        path = first.path if len(first.path) <= 60 else first.path[:60] + "…"
        where = f" at {path}" if path else ""
        raise CellError(f"expected JSON, got {quote(text)}{where}: {first.message}") from None


def decode(text: str, kind: str, *, decimal_comma: bool = False) -> Any:
    """The value a cell's text holds in a column of ``kind``; :data:`MISSING` for an empty cell."""
    if text == "":
        return MISSING
    if text == "null":
        return None
    if kind in ("map", "extra"):
        return _json(text)
    if kind == "list":
        if text.lstrip().startswith("["):
            return _json(text)
        return [part for part in re.split(r"[\s,;]+", text) if part]  # "g1, g2" as typed
    if kind in ("number", "integer"):
        number = _number(text, decimal_comma)
        if kind == "integer":
            if number != number.to_integral_value() or "." in text or "," in text:
                raise CellError(f"expected a whole number, got {quote(text)}")
            return int(number)
        return number
    if kind in ("bool", "present"):
        if text.lower() in _TRUE:
            return True
        if text.lower() in _FALSE:
            return False
        raise CellError(f"expected true or false, got {quote(text)}")
    if text.startswith('"'):
        try:
            decoded = json.loads(text)
        except ValueError:
            return text  # typed by hand: a text that starts with a quote
        if isinstance(decoded, str):
            return decoded
        return text
    if kind == "value":
        if text.lower() in _TRUE:
            return True
        if text.lower() in _FALSE:
            return False
        try:
            return _number(text, decimal_comma)
        except CellError:
            return text
    return text
