"""Functions generated from the records' attrs fields, for the hot paths: :class:`Builders`
(records straight from parsed JSON), :class:`Unstructurers` (records to JSON data) and
:class:`Comparers` (whether two records write the same JSON).

:func:`uphmodel.loads` first tries the fast path of reading. For every record class it
generates (once, from the class's attrs fields, the same metadata the converter reads) a
function that takes the parsed object and builds the record without going through cattrs and
the record's ``__init__``: each field's value is checked by a leaf check that guarantees
everything the field's type check and validator would check, so those are not run a second
time; any other converter or validator of a field, and a class's ``__attrs_post_init__``,
still runs.

The path never reports a problem. Anything it does not expect — a wrong type, a bad id, a
missing field, a value nested too deep, a validator that refuses — raises, and the caller reads
the document again by the detailed path, which finds and reports every problem with its JSON
Pointer. So the fast path only ever returns a record equal to what the detailed path would
return (``tests/test_fast.py`` checks this on the examples, on generated plans and on broken
ones).

While building, the functions add up the keys of every object they see, so the caller can
compare that sum with the keys written in the text: a key given twice leaves fewer keys in the
parsed objects than the text has, and sends the document to the detailed path.

The unstructure functions give what the converter gives, key for key (fields without a
default first, then the others unless equal to their default, unknown fields last, sorted);
the comparisons say two records are the same only when their JSON data is (``6.90`` is not
``6.9``). The converter stays the reference both are tested against.
"""

from __future__ import annotations

import datetime as dt
import enum
import typing
from collections.abc import Callable
from decimal import Decimal
from types import MemberDescriptorType
from typing import Any

import attrs
import cattrs

from uphmodel._frozen import EMPTY, FrozenMap, thaw
from uphmodel._period import Period
from uphmodel._typed import _TypeCheck, hints, without_none
from uphmodel.converter import _is_record
from uphmodel.model import CODE, EXTRA, ID, IDS, check_code, check_id
from uphmodel.model._fields import (
    text_map,
    to_decimal,
    valid_amount,
    valid_code,
    valid_id,
    valid_ids,
    valid_map,
    valid_optional_amount,
    valid_optional_code,
    valid_optional_id,
    valid_tuple,
    valid_value,
)

__all__ = ["Builders", "Comparers", "Slow", "Unstructurers", "number_text", "same_json"]


class Slow(Exception):
    """The document needs the detailed path (raised by the fast path, caught by its caller)."""


#: Converters that leave what a leaf check gives unchanged.
_NEUTRAL_CONVERTERS: frozenset[Any] = frozenset({to_decimal, text_map})

#: What each kind of leaf check guarantees: the validators it makes redundant.
_TYPE_ONLY = frozenset({_TypeCheck})
_IMPLIED: dict[str, frozenset[Any]] = {
    "id": frozenset({_TypeCheck, valid_id, valid_optional_id}),
    "code": frozenset({_TypeCheck, valid_code, valid_optional_code}),
    "ids": frozenset({_TypeCheck, valid_ids, valid_tuple}),
    "type": _TYPE_ONLY,
    "record": _TYPE_ONLY,
    "records": frozenset({_TypeCheck, valid_tuple}),
    "texts": frozenset({_TypeCheck, valid_tuple}),
    "period": _TYPE_ONLY,
    "decimal": frozenset({_TypeCheck, valid_amount, valid_optional_amount, valid_value}),
    "value": frozenset({valid_value}),
    "text_map": frozenset({_TypeCheck, valid_map}),
    "enum": _TYPE_ONLY,
    "other": frozenset(),
}

#: The types of a figure's value (``Value | None``).
_VALUE = {Decimal, bool, str, type(None)}

_PERIODS: dict[str, Period] = {}
_PERIODS_KEPT = 4096


def _validator_kind(validator: Any) -> Any:
    return _TypeCheck if isinstance(validator, _TypeCheck) else validator


def _extra(cls: type) -> attrs.Attribute[Any] | None:
    """The field of a record class that keeps its unknown fields, or ``None`` when the class
    has not exactly one (then it is left to the converter)."""
    found = [f for f in attrs.fields(cls) if f.metadata.get("uph") == EXTRA["uph"]]
    return found[0] if len(found) == 1 else None


def _slot(cls: type, name: str) -> Any:
    """The descriptor of a record's slot, from the class that defines it."""
    return next(klass.__dict__[name] for klass in cls.__mro__ if name in klass.__dict__)


def _json_keys(value: object, count: list[int], depth: int, limit: int) -> None:
    """Add the keys of every object in ``value`` to ``count``; :class:`Slow` when ``value``
    nests containers ``limit`` levels deep (``value`` itself being at ``depth``)."""
    kind = value.__class__
    if kind is dict:
        if depth >= limit:
            raise Slow
        count[0] += len(value)  # type: ignore[arg-type]
        for item in value.values():  # type: ignore[attr-defined]
            _json_keys(item, count, depth + 1, limit)
    elif kind is list:
        if depth >= limit:
            raise Slow
        for item in value:  # type: ignore[attr-defined]
            _json_keys(item, count, depth + 1, limit)


def _map(data: dict[str, Any]) -> FrozenMap[str, Any]:
    """A FrozenMap that holds ``data`` itself (a dict only the parser has seen), uncopied."""
    made: FrozenMap[str, Any] = object.__new__(FrozenMap)
    _SET_DATA(made, data)
    _SET_HASH(made, None)
    return made


_SET_DATA = _slot(FrozenMap, "_data").__set__
_SET_HASH = _slot(FrozenMap, "_hash").__set__


def _frozen(value: object, count: list[int], depth: int, limit: int) -> object:
    """An unknown field's value frozen (as :func:`~uphmodel._frozen.freeze` does), its keys
    counted, its depth kept within ``limit``. Numbers were checked as the text was parsed."""
    kind = value.__class__
    if kind is dict:
        if depth >= limit:
            raise Slow
        count[0] += len(value)  # type: ignore[arg-type]
        return _map(
            {k: _frozen(v, count, depth + 1, limit) for k, v in value.items()}  # type: ignore[attr-defined]
        )
    if kind is list:
        if depth >= limit:
            raise Slow
        return tuple([_frozen(v, count, depth + 1, limit) for v in value])  # type: ignore[attr-defined]
    if value is None or kind is str or kind is bool or kind is int or kind is Decimal:
        return value
    raise Slow


class _Generated:
    """Functions generated for every record class reachable from ``roots`` (one per class,
    named ``{PREFIX}_{n}_{class}``), all in one namespace, ``ns``, where they call each other by
    name, so a record type that holds itself needs nothing special. A subclass's
    ``_generate(cls)`` defines the function of ``cls`` and returns the record types it holds."""

    PREFIX = ""

    def __init__(self, conv: cattrs.Converter, roots: tuple[type, ...], ns: dict[str, Any]):
        self.conv = conv
        self.ns = ns
        self.names: dict[type, str] = {}
        done: set[type] = set()
        todo = list(roots)
        while todo:
            cls = todo.pop()
            if cls not in done:
                done.add(cls)
                self._name(cls)
                todo.extend(self._generate(cls))

    def _name(self, cls: type) -> str:
        """The name of the function of ``cls`` (defined later if not yet)."""
        return self.names.get(cls) or self.names.setdefault(
            cls, f"{self.PREFIX}_{len(self.names)}_{cls.__name__}"
        )

    def _generate(self, cls: type[Any]) -> list[type]:
        raise NotImplementedError

    def _define(self, cls: type, lines: list[str], what: str) -> None:
        source = "\n".join(lines)
        exec(compile(source, f"<uphmodel fast {what} {cls.__qualname__}>", "exec"), self.ns)


class Builders(_Generated):
    """The fast structure functions of one converter (whose hooks check the leaves this module
    has no check of its own for), for the records reachable from ``roots``, read leniently or
    ``strict``ly, within a nesting ``limit``.

    """

    PREFIX = "build"

    def __init__(
        self, conv: cattrs.Converter, roots: tuple[type, ...], *, strict: bool, limit: int
    ) -> None:
        self.conv = conv
        self.strict = strict
        self.limit = limit
        ns: dict[str, Any] = {
            "Slow": Slow,
            "NEW": object.__new__,
            "Decimal": Decimal,
            "str": str,
            "bool": bool,
            "int": int,
            "MAP": _map,
            "EMPTY": EMPTY,
            "LIMIT": limit,
            "FROZEN": _frozen,
            "JSON_KEYS": _json_keys,
            "PERIODS": _PERIODS,
            "PERIOD": self._period,
            "check_id": check_id,
            "check_code": check_code,
        }
        super().__init__(conv, roots, ns)

    def build(self, cls: type[Any], obj: object, count: list[int]) -> Any:
        """The record of ``cls`` for ``obj`` (a top-level object), or :class:`Slow`."""
        return self.ns[self.names[cls]](obj, count, 0)

    # ----------------------------------------------------------------------------------------

    def _generate(self, cls: type[Any]) -> list[type]:
        """Define the function of ``cls``; the record types its fields hold.

        Its shape: every field starts at its default; a loop over the object's keys checks the
        value of each known one; the record is made with ``object.__new__`` and its slots set
        one by one (as attrs' ``__init__`` does); validators that the leaf checks do not make
        redundant run on the values the document gave.
        """
        name = self.names[cls]
        fields = attrs.fields(cls)
        slots = {slot for klass in cls.__mro__ for slot in getattr(klass, "__slots__", ())} - {
            "__weakref__"
        }
        extra = _extra(cls)
        if (
            slots != {f.name for f in fields}
            or extra is None
            or not all(isinstance(_slot(cls, f.name), MemberDescriptorType) for f in fields)
        ):
            self.ns[name] = self._detailed(cls)  # a hidden slot (a cached hash): not for us
            return []
        ns, prefix, held = self.ns, name, []
        head = [
            f"def {name}(obj, count, depth):",
            "    if obj.__class__ is not dict or depth >= LIMIT:",
            "        raise Slow",
            "    count[0] += len(obj)",
            "    unknown = False",
        ]
        loop = ["    for k, v in obj.items():"]
        after: list[str] = []
        known: list[str] = []
        for i, f in enumerate(fields):
            if f is extra:
                continue
            known.append(f.name)
            kind, code, records = self._leaf(cls, f, f"{prefix}_{i}")
            held.extend(records)
            default = self._default(f, f"{prefix}_{i}")
            head.append(f"    v{i} = {default}")
            if default == "Slow":  # required: the document must give it
                after.insert(0, f"    if v{i} is Slow:\n        raise Slow")
            loop.append(f"        {'if' if len(loop) == 1 else 'elif'} k == {f.name!r}:")
            loop.extend(f"            {line}" for line in code)
            if f.converter is not None and f.converter not in _NEUTRAL_CONVERTERS:
                ns[f"{prefix}_C{i}"] = f.converter
                loop.append(f"            v = {prefix}_C{i}(v)")
            loop.append(f"            v{i} = v")
            validator = f.validator
            if validator is not None and _validator_kind(validator) not in _IMPLIED[kind]:
                ns[f"{prefix}_A{i}"] = f
                ns[f"{prefix}_V{i}"] = validator
                # A value the document gave (the default is a valid value).
                given = f"v{i} is not {prefix}_D" if f"{prefix}_D" in ns else "True"
                after += [f"    if {given}:", f"        {prefix}_V{i}(inst, {prefix}_A{i}, v{i})"]
        loop += (
            ["        else:", "            unknown = True"] if known else ["        unknown = True"]
        )
        ns[f"{prefix}_CLS"] = cls
        ns[f"{prefix}_KNOWN"] = frozenset(known)
        ns[f"{prefix}_AX"] = extra
        ns[f"{prefix}_VX"] = extra.validator
        tail = [
            "    if unknown:",
            *(["        raise Slow"] if self.strict else []),
            "        vx = MAP({k: FROZEN(x, count, depth + 1, LIMIT)"
            f" for k, x in obj.items() if k not in {prefix}_KNOWN}})",
            "    else:",
            "        vx = EMPTY",
            *[line for line in after if "raise Slow" in line],
            f"    inst = NEW({prefix}_CLS)",
        ]
        for i, f in enumerate(fields):
            # Each slot set through its own descriptor, as object.__setattr__ would find it.
            ns[f"{prefix}_S{i}"] = _slot(cls, f.name).__set__
            tail.append(f"    {prefix}_S{i}(inst, {'vx' if f is extra else f'v{i}'})")
        tail += [line for line in after if "raise Slow" not in line]
        if extra.validator is not None:
            tail += ["    if unknown:", f"        {prefix}_VX(inst, {prefix}_AX, vx)"]
        if hasattr(cls, "__attrs_post_init__"):
            tail.append("    inst.__attrs_post_init__()")
        tail.append("    return inst")
        self._define(cls, head + loop + tail, "build")
        return held

    def _detailed(self, cls: type[Any]) -> Callable[..., Any]:
        """The converter's own hook, for a class this module does not generate for."""
        hook = self.conv.get_structure_hook(cls)
        limit = self.limit

        def build(obj: object, count: list[int], depth: int) -> Any:
            _json_keys(obj, count, depth, limit)
            try:
                return hook(obj, cls)
            except Exception:
                raise Slow from None

        return build

    def _default(self, f: attrs.Attribute[Any], prefix: str) -> str:
        """The expression of ``f``'s default (``Slow`` for a required field: then a document
        that leaves it out goes to the detailed path, which says it is missing)."""
        default: Any = f.default
        if default is attrs.NOTHING:
            return "Slow"
        if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
            if default.takes_self:
                return "Slow"
            self.ns[f"{prefix}_F"] = default.factory
            call = f"{prefix}_F()"
            if f.converter is not None:
                self.ns[f"{prefix}_FC"] = f.converter
                call = f"{prefix}_FC({call})"
            return call
        if f.converter is not None:
            default = f.converter(default)  # type: ignore[operator]
        self.ns[f"{prefix}_D"] = default
        return f"{prefix}_D"

    def _leaf(
        self, cls: type[Any], f: attrs.Attribute[Any], prefix: str
    ) -> tuple[str, list[str], list[type]]:
        """The kind of leaf check of field ``f``, its code (which turns ``v`` into the field's
        value or raises) and the record types it holds."""
        hint = hints(cls)[f.name]
        inner = without_none(hint)
        optional = inner is not hint
        meta = f.metadata.get("uph")
        args = typing.get_args(inner)

        def maybe(
            kind: str, body: list[str], held: tuple[type, ...] = ()
        ) -> tuple[str, list[str], list[type]]:
            if optional:
                body = ["if v is not None:", *(f"    {line}" for line in body)]
            return kind, body, list(held)

        if meta in (ID["uph"], CODE["uph"]) and inner is str:
            check = "check_id" if meta == ID["uph"] else "check_code"
            return maybe(
                typing.cast(str, meta),
                [f"if v.__class__ is not str or {check}(v) is not None:", "    raise Slow"],
            )
        if meta == IDS["uph"] and typing.get_origin(inner) is tuple and args[0] is str:
            return maybe(
                "ids",
                [
                    "if v.__class__ is not list or depth + 1 >= LIMIT:",
                    "    raise Slow",
                    "for x in v:",
                    "    if x.__class__ is not str or check_id(x) is not None:",
                    "        raise Slow",
                    "v = tuple(v)",
                ],
            )
        if meta in (None, "personal"):
            found = self._plain_leaf(hint, inner, args, prefix)
            if found is not None:
                kind, body, held = found
                return maybe(kind, body, held) if kind != "value" else (kind, body, [])
        # Anything else: the converter's own hook, after counting what it holds.
        self.ns[f"{prefix}_H"] = self.conv.get_structure_hook(hint)
        self.ns[f"{prefix}_T"] = hint
        return (
            "other",
            [
                "if v.__class__ is dict or v.__class__ is list:",
                "    JSON_KEYS(v, count, depth + 1, LIMIT)",
                f"v = {prefix}_H(v, {prefix}_T)",
            ],
            [],
        )

    def _plain_leaf(
        self, hint: Any, inner: Any, args: tuple[Any, ...], prefix: str
    ) -> tuple[str, list[str], tuple[type, ...]] | None:
        """The leaf check of a field without metadata, when this module has one."""
        for simple in (str, bool, int):
            if inner is simple:
                check = [f"if v.__class__ is not {simple.__name__}:", "    raise Slow"]
                return "type", check, ()
        if _is_record(inner):
            return "record", [f"v = {self._name(inner)}(v, count, depth + 1)"], (inner,)
        if typing.get_origin(inner) is tuple and len(args) == 2 and args[1] is Ellipsis:
            head = ["if v.__class__ is not list or depth + 1 >= LIMIT:", "    raise Slow"]
            item = args[0]
            if _is_record(item):
                call = f"{self._name(item)}(x, count, depth + 2)"
                return "records", [*head, f"v = tuple([{call} for x in v])"], (item,)
            if item is str:
                loop = ["for x in v:", "    if x.__class__ is not str:", "        raise Slow"]
                return "texts", [*head, *loop, "v = tuple(v)"], ()
            return None
        if inner is Period:
            lookup = ["p = PERIODS.get(v) if v.__class__ is str else None",
                      "v = PERIOD(v) if p is None else p"]  # fmt: skip
            return "period", lookup, ()
        if inner is Decimal:
            exact = ["if v.__class__ is not Decimal:", "    if v.__class__ is not int:",
                     "        raise Slow", "    v = Decimal(v)"]  # fmt: skip
            return "decimal", exact, ()
        if set(typing.get_args(hint)) == _VALUE:
            value = ["if v.__class__ is int:", "    v = Decimal(v)",
                     "elif v is not None and v.__class__ is not Decimal"
                     " and v.__class__ is not str and v.__class__ is not bool:",
                     "    raise Slow"]  # fmt: skip
            return "value", value, ()
        if typing.get_origin(inner) is FrozenMap and args == (str, str):
            texts = ["if v.__class__ is not dict or depth + 1 >= LIMIT:", "    raise Slow",
                     "count[0] += len(v)", "for x in v.values():",
                     "    if x.__class__ is not str:", "        raise Slow",
                     "v = MAP(v)"]  # fmt: skip
            return "text_map", texts, ()
        if isinstance(inner, type) and issubclass(inner, enum.Enum):
            by_value = {member.value: member for member in inner}
            if all(isinstance(key, str) for key in by_value):
                self.ns[f"{prefix}_E"] = by_value
                lookup = ["if v.__class__ is not str:", "    raise Slow", f"v = {prefix}_E[v]"]
                return "enum", lookup, ()
        return None

    def _period(self, text: object) -> Period:
        period = self.conv.get_structure_hook(Period)(text, Period)
        if isinstance(text, str) and type(period) is Period:
            if len(_PERIODS) >= _PERIODS_KEPT:
                _PERIODS.clear()
            _PERIODS[text] = period
        return typing.cast(Period, period)


class Unstructurers(_Generated):
    """Fast unstructure functions for the records reachable from ``roots``: the same JSON data
    as ``conv.unstructure`` (fields in model order, those equal to their default left out,
    unknown fields after them in sorted order), generated from the records' attrs fields.
    Types this module has no code of its own for are handed to ``conv``."""

    PREFIX = "un"

    def __init__(self, conv: cattrs.Converter, roots: tuple[type, ...]) -> None:
        super().__init__(conv, roots, {"thaw": thaw, "sorted": sorted, "CONV": conv})

    def unstructure(self, record: Any) -> dict[str, Any]:
        """The JSON data of ``record`` (of a class reachable from the roots)."""
        data: dict[str, Any] = self.ns[self.names[type(record)]](record)
        return data

    def _generate(self, cls: type[Any]) -> list[type]:
        name = self.names[cls]
        fields = attrs.fields(cls)
        extra = _extra(cls)
        if extra is None:
            conv = self.conv
            self.ns[name] = lambda record: conv.unstructure(record, unstructure_as=cls)
            return []
        ns, held = self.ns, []
        lines = [f"def {name}(inst):", "    res = {}"]
        # Fields without a default first, as cattrs writes them, then the others.
        ordered = sorted(enumerate(fields), key=lambda pair: pair[1].default is not attrs.NOTHING)
        for i, f in ordered:
            if f is extra:
                continue
            prefix = f"{name}_{i}"
            hint = hints(cls)[f.name]
            expression, records = self._value(hint, prefix)
            held.extend(records)
            lines.append(f"    v = inst.{f.name}")
            lines.append(f"    if {self._given(f, prefix)}:")
            lines.append(f"        res[{f.name!r}] = {expression}")
        ns[f"{name}_NAMES"] = frozenset(f.name for f in fields if f is not extra)
        ns[f"{name}_CLS"] = cls
        ns["clash"] = _clash
        lines += [
            f"    x = inst.{extra.name}",
            "    if x:",
            "        for k in sorted(x):",
            f"            if k in {name}_NAMES:",
            f"                clash({name}_CLS, {extra.name!r}, k)",
            "            res[k] = thaw(x[k])",
            "    return res",
        ]
        self._define(cls, lines, "unstructure")
        return held

    def _given(self, f: attrs.Attribute[Any], prefix: str) -> str:
        """The test that ``v`` differs from ``f``'s default (cattrs' ``omit_if_default``)."""
        default: Any = f.default
        if default is attrs.NOTHING:
            return "True"
        if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
            self.ns[f"{prefix}_F"] = default.factory
            if f.converter is None:
                return f"v != {prefix}_F()"
            self.ns[f"{prefix}_FC"] = f.converter
            return f"v != {prefix}_FC({prefix}_F())"
        if default is None or default is True or default is False:
            return f"v is not {default}"
        if isinstance(default, (tuple, FrozenMap)) and not default:
            return "v"  # an empty tuple or map: whatever is not empty differs
        self.ns[f"{prefix}_D"] = f.converter(default) if f.converter else default  # type: ignore[operator]
        return f"v != {prefix}_D"

    def _value(self, hint: Any, prefix: str) -> tuple[str, list[type]]:
        """The expression of the JSON data of ``v`` (annotated ``hint``, not ``None``)."""
        inner = without_none(hint)
        args = typing.get_args(inner)
        if inner in (str, int, bool, Decimal) or set(typing.get_args(hint)) == _VALUE:
            return "v", []
        if inner is Period:
            return "str(v)", []
        if inner is dt.date:
            return "v.isoformat()", []
        if isinstance(inner, type) and issubclass(inner, enum.Enum):
            return "v.value", []
        if _is_record(inner):
            return f"{self._name(inner)}(v)", [inner]
        if typing.get_origin(inner) is tuple and len(args) == 2 and args[1] is Ellipsis:
            item = args[0]
            if _is_record(item):
                return f"[{self._name(item)}(x) for x in v]", [item]
            if item is str:
                return "list(v)", []
            if item is Period:
                return "[str(x) for x in v]", []
        if typing.get_origin(inner) is FrozenMap and args[1] in (str, Decimal):
            return "{k: v[k] for k in sorted(v)}", []
        self.ns[f"{prefix}_T"] = hint
        return f"CONV.unstructure(v, unstructure_as={prefix}_T)", []


def _clash(cls: type, field: str, key: str) -> None:
    raise ValueError(f"{cls.__name__}.{field} holds {key!r}, which is a field of {cls.__name__}")


def number_text(value: int | Decimal) -> str:
    """A number as canonical JSON writes it (``-0`` is read back as ``0``)."""
    text = str(value)
    return "0" if text == "-0" else text


def same_json(a: Any, b: Any) -> bool:
    """Equal as canonical JSON text: ``6.90`` is not ``6.9``, ``true`` is not ``1``.

    Python's ``==`` says ``Decimal("6.90") == Decimal("6.9")`` and ``True == 1``; a diff must
    not, or a change to what a user wrote would be lost.
    """
    if a is b:
        return True
    kind = type(a)
    if kind is not type(b):
        return kind in _NUMBERS and type(b) in _NUMBERS and number_text(a) == number_text(b)
    if kind is dict:
        return a.keys() == b.keys() and all(same_json(v, b[k]) for k, v in a.items())
    if kind is list:
        return len(a) == len(b) and all(map(same_json, a, b))
    if kind is Decimal:  # 6.90 is not 6.9, but -0 is 0
        return bool(a == b) and number_text(a) == number_text(b)
    return bool(a == b)  # texts, whole numbers, true/false, null


_NUMBERS = (int, Decimal)


def _same_number(x: Any, y: Any) -> bool:
    return x is not None and y is not None and same_json(x, y)


def _same_value(x: Any, y: Any) -> bool:
    return type(x) is type(y) and (x == y if type(x) is not Decimal else same_json(x, y))


def _same_records(same: Callable[[Any, Any], bool], x: tuple[Any, ...], y: tuple[Any, ...]) -> bool:
    return len(x) == len(y) and all(map(same, x, y))


def _same_amounts(x: FrozenMap[str, Any], y: FrozenMap[str, Any]) -> bool:
    return x.keys() == y.keys() and all(same_json(x[k], y[k]) for k in x)


class Comparers(_Generated):
    """Functions that tell whether two records write the same canonical JSON (``same_json``
    of their unstructured data) without unstructuring them, generated from the records'
    attrs fields; types this module has no comparison of its own for are unstructured by
    ``conv`` and compared as data."""

    PREFIX = "same"

    def __init__(self, conv: cattrs.Converter, roots: tuple[type, ...]) -> None:
        ns = {"NUM": _same_number, "VALUE": _same_value, "RECORDS": _same_records,
              "AMOUNTS": _same_amounts, "JSON": same_json, "thaw": thaw, "CONV": conv}  # fmt: skip
        super().__init__(conv, roots, ns)

    def same(self, a: Any, b: Any) -> bool:
        """Whether records ``a`` and ``b`` (of a class reachable from the roots) write the
        same canonical JSON."""
        if type(a) is not type(b):
            return False
        return bool(self.ns[self.names[type(a)]](a, b))

    def _generate(self, cls: type[Any]) -> list[type]:
        name = self.names[cls]
        fields = attrs.fields(cls)
        extra = _extra(cls)
        if extra is None:
            conv = self.conv

            def same(a: Any, b: Any) -> bool:
                return same_json(conv.unstructure(a, cls), conv.unstructure(b, cls))

            self.ns[name] = same
            return []
        held: list[type] = []
        lines = [f"def {name}(a, b):", "    if a is b:", "        return True"]
        for i, f in enumerate(fields):
            if f is extra:
                continue
            test, records = self._test(hints(cls)[f.name], f"{name}_{i}")
            held.extend(records)
            if test is None:
                lines += [f"    x = a.{f.name}", f"    y = b.{f.name}"]
                lines += ["    if x is not y and x != y:", "        return False"]
            else:
                lines += [f"    x = a.{f.name}", f"    y = b.{f.name}"]
                lines += [f"    if x is not y and not ({test}):", "        return False"]
        lines += [f"    x = a.{extra.name}", f"    y = b.{extra.name}",
                  "    return x is y or (not x and not y) or JSON(thaw(x), thaw(y))"]  # fmt: skip
        self._define(cls, lines, "compare")
        return held

    def _test(self, hint: Any, prefix: str) -> tuple[str | None, list[type]]:
        """The test that ``x`` and ``y`` (annotated ``hint``, not the same object) write the
        same JSON; ``None`` where ``==`` tells."""
        inner = without_none(hint)
        args = typing.get_args(inner)
        if set(typing.get_args(hint)) == _VALUE:
            return "VALUE(x, y)", []
        if inner is Decimal:
            return "NUM(x, y)", []
        if inner in (str, int, bool, dt.date, Period) or (
            isinstance(inner, type) and issubclass(inner, enum.Enum)
        ):
            return None, []
        if _is_record(inner):
            same = self._name(inner)
            return f"x is not None and y is not None and {same}(x, y)", [inner]
        origin = typing.get_origin(inner)
        if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
            if _is_record(args[0]):
                return f"RECORDS({self._name(args[0])}, x, y)", [args[0]]
            if args[0] in (str, Period):
                return None, []
        if origin is FrozenMap and args[1] is str:
            return None, []
        if origin is FrozenMap and args[1] is Decimal:
            return "AMOUNTS(x, y)", []
        self.ns[f"{prefix}_T"] = hint
        return f"JSON(CONV.unstructure(x, {prefix}_T), CONV.unstructure(y, {prefix}_T))", []
