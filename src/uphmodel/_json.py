"""Canonical JSON: ``loads``/``load`` read a plan, ``dumps``/``dump`` write one.

The canonical text is UTF-8 JSON with Swedish letters as they are, two-space indentation, fields
in the order of the model, fields equal to their default left out, unknown fields after the known
ones in sorted order, and a final newline. Numbers are read as ``int`` or ``Decimal`` and written
back digit for digit. The same plan always gives the same text, and ``dumps(loads(s)) == s``
holds for every canonical document.
"""

from __future__ import annotations

import json
import os
import re
import stat
import sys
import typing
import warnings
from collections.abc import Callable, Iterable
from decimal import Decimal
from json.encoder import encode_basestring  # the C encoder of json.dumps(ensure_ascii=False)
from pathlib import Path
from typing import IO, Any, TypeVar

import cattrs

from uphmodel._atomic import replacing
from uphmodel._errors import LoadError, Problem
from uphmodel._fast import Builders, Comparers, Unstructurers
from uphmodel._gc import paused
from uphmodel._limits import Limits, width
from uphmodel._text import quote, shown
from uphmodel._upgrade import (
    SCHEMA_VERSION,
    SchemaWarning,
    UpgradeNote,
    check_version,
    upgrade,
    version_of,
)
from uphmodel.converter import make_converter, problems_from
from uphmodel.model import Crosswalk, Framework, Plan

__all__ = [
    "dump",
    "dump_crosswalk",
    "dump_framework",
    "dumps",
    "dumps_crosswalk",
    "dumps_framework",
    "load",
    "load_crosswalk",
    "load_framework",
    "loads",
    "loads_crosswalk",
    "loads_framework",
    "migrate",
    "write_text",
]

_LIMITS = Limits()
_CONVERTER = make_converter()
_STRICT = make_converter(strict=True)

T = TypeVar("T")

PathOrFile = str | os.PathLike[str] | IO[str] | IO[bytes]


class _Reader:
    """The hooks of one :func:`json.loads` call: they build objects that remember keys given
    twice, read numbers exactly, and note whether anything may be past the limits, so that the
    detailed look at every value (:func:`_limit_problems`) is only taken when it can find
    something."""

    def __init__(self, limits: Limits) -> None:
        self.digits = limits.digits
        self.suspect = False  # a key given twice, or a number that may be too wide
        self.twice: dict[int, tuple[str, ...]] = {}  # id of an object: keys it was given twice

    def pairs(self, pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        obj = dict(pairs)
        if len(obj) != len(pairs):  # a key given twice: the last value counts, as in JSON
            seen: set[str] = set()
            twice: list[str] = []
            for key, _ in pairs:
                if key in seen:
                    twice.append(key)
                seen.add(key)
            self.twice[id(obj)] = tuple(twice)  # the object lives as long as the parse
            self.suspect = True
        return obj

    def parse(self, text: str, *, pairs: bool) -> Any:
        """``json.loads`` of ``text`` with these hooks (``pairs``: objects that remember keys
        given twice, at the cost of a call for each object)."""
        return json.loads(
            text,
            parse_float=self.floats,
            parse_int=self.ints,
            parse_constant=_reject_constant,
            object_pairs_hook=self.pairs if pairs else None,
        )

    def floats(self, text: str) -> Decimal:
        number = Decimal(text)
        if (len(text) > self.digits or "e" in text or "E" in text) and width(number) > self.digits:
            self.suspect = True
        return number

    def ints(self, text: str) -> int:
        number = int(text)
        if len(text) > self.digits and width(number) > self.digits:
            self.suspect = True
        return number


_NOT_BRACKET = re.compile(r"[^\[\]{}]+")
_INNERMOST = re.compile(r"\[\]|\{\}")


def _may_be_deeper(text: str, depth: int) -> bool:
    """Whether the brackets of ``text`` may nest deeper than ``depth`` (brackets in texts
    count too, so this may say yes when the document is not: then it is looked at closely)."""
    brackets = _NOT_BRACKET.sub("", text)
    for _ in range(depth):
        if not brackets:
            return False
        brackets = _INNERMOST.sub("", brackets)
    return bool(brackets)


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


def _escape(key: str) -> str:
    return key.replace("~", "~0").replace("/", "~1")


_SURROGATE = re.compile(r"[\ud800-\udfff]")
#: Where a text may hold a lone surrogate: written raw, or escaped as \uD800–\uDFFF.
_MAY_HOLD_SURROGATE = re.compile(r"[\ud800-\udfff]|\\u[dD][89a-fA-F]")


def _limit_problems(
    data: Any, limits: Limits, surrogates: bool, twice: dict[int, tuple[str, ...]]
) -> list[Problem]:
    """Keys given twice (``twice``: by the id of their object), and every value past
    ``limits``; nothing nested deeper is looked at. ``surrogates``: whether a text may hold a
    lone surrogate (which cannot be written back)."""
    found: list[Problem] = []
    size, top = limits.value_size, 10**limits.digits

    def text(value: str, path: str) -> None:
        if len(value) > size:
            message = f"a text of {len(value):,} characters is longer than the {size:,} a value "
            found.append(Problem(path, message + "may have (Limits.value_size)"))
        elif surrogates and _SURROGATE.search(value):
            message = f"the text {quote(value)} holds a lone surrogate (half of a character), "
            found.append(Problem(path, message + "which cannot be written as UTF-8"))

    def number(value: int | Decimal, path: str) -> None:
        message = f"the number {shown(value)} needs more than the {limits.digits:,} digits "
        found.append(Problem(path, message + "a number may have written out (Limits.digits)"))

    def walk(value: Any, path: str, depth: int) -> None:
        kind = type(value)
        if kind is str:
            text(value, path)
        elif kind is int:
            if not -top < value < top:
                number(value, path)
        elif kind is Decimal:
            if width(value) > limits.digits:
                number(value, path)
        elif kind is dict or kind is list:
            if depth >= limits.depth:
                message = f"nested deeper than the {limits.depth} levels a document may have"
                found.append(Problem(path, message + " (Limits.depth)"))
                return
            if kind is list:
                for index, item in enumerate(value):
                    walk(item, f"{path}/{index}", depth + 1)
                return
            for key in twice.get(id(value), ()):
                message = "this field appears more than once in its object"
                found.append(Problem(f"{path}/{_escape(key)}", message))
            for key, item in value.items():
                where = f"{path}/{_escape(key)}"
                text(key, where)
                walk(item, where, depth + 1)

    walk(data, "", 0)
    return found


def _parse(text: str | bytes, source: str | None, limits: Limits | None = None) -> Any:
    """JSON data of ``text`` with numbers exact; a :class:`LoadError` for text that is not JSON
    or holds more than ``limits`` allow, or keys given twice."""
    limits = limits or _LIMITS
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise LoadError([Problem("", f"not UTF-8 text: {exc}")], source) from None
    elif not isinstance(text, str):
        raise TypeError(f"loads() takes str or bytes, not {type(text).__name__}")
    elif text.startswith("\ufeff"):
        text = text[1:]  # a byte order mark read as text
    reader = _Reader(limits)
    try:
        data = reader.parse(text, pairs=True)
    except RecursionError:
        problem = f"nested deeper than the {limits.depth} levels a document may have"
        raise LoadError([Problem("", problem + " (Limits.depth)")], source) from None
    except ValueError as exc:
        message = f"not valid JSON: {exc}"
        if "integer string conversion" in message:  # Python reads at most 4,300 digits
            message = f"a number has more than the {limits.digits:,} digits a number may have"
        raise LoadError([Problem("", message)], source) from None
    surrogates = bool(_MAY_HOLD_SURROGATE.search(text))
    if (
        reader.suspect
        or surrogates
        or len(text) > limits.value_size
        or _may_be_deeper(text, limits.depth)
    ):
        problems = _limit_problems(data, limits, surrogates, reader.twice)
        if problems:
            raise LoadError(problems, source)
    return data


def parse_json(text: str | bytes, source: str | None = None, limits: Limits | None = None) -> Any:
    """JSON data of ``text``, numbers exact, within ``limits``: a :class:`LoadError` (with the
    JSON Pointer of each problem) for anything else."""
    return _parse(text, source, limits)


_PACKAGE = str(Path(__file__).resolve().parent)


def _warn(message: str) -> None:
    """A :class:`SchemaWarning` that points at the caller's code, not at uphmodel's."""
    level, frame = 2, sys._getframe(1)
    while frame is not None and frame.f_code.co_filename.startswith(_PACKAGE):
        level, frame = level + 1, frame.f_back  # type: ignore[assignment]
    warnings.warn(message, SchemaWarning, stacklevel=level)


def _version_problems(data: dict[str, Any], source: str | None, kind: str) -> list[Problem]:
    """Problems with the document's schema version; a newer minor version gets a warning."""
    version = data.get("schema_version")
    problem = check_version(version)
    if problem is not None:
        return [Problem("/schema_version", problem)]
    if version_of(version) > version_of(SCHEMA_VERSION):  # type: ignore[operator]
        _warn(
            f"{source or 'the ' + kind}: schema_version {version} is newer than this version of "
            f"uphmodel ({SCHEMA_VERSION}); fields it added are kept as unknown fields"
        )
    return []


_SPACE_BEFORE_COLON = re.compile(r'"[ \t\n\r]+:')
_ESCAPED_SURROGATE = re.compile(r"\\u[dD][89a-fA-F]")
_BUILDERS: dict[tuple[bool, int], Builders] = {}


def _builders(strict: bool, depth: int) -> Builders:
    """The fast path's structure functions for reading leniently or ``strict``ly within a
    nesting ``depth``, made the first time they are needed."""
    found = _BUILDERS.get((strict, depth))
    if found is None:
        conv = _STRICT if strict else _CONVERTER
        found = Builders(conv, (Plan, Framework, Crosswalk), strict=strict, limit=depth)
        _BUILDERS[(strict, depth)] = found
    return found


def _quick(text: str | bytes, cls: type[T], strict: bool, limits: Limits) -> T | None:
    """The record of ``text`` by the fast path (:mod:`uphmodel._fast`), or ``None`` when the
    document needs the detailed path: when it may hold a problem (a key given twice, a lone
    surrogate, a number or text past ``limits``, a value the fast path does not expect) or
    is of another schema version. Never raises for what the document holds."""
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8-sig")  # strict UTF-8 holds no lone surrogates
        except UnicodeDecodeError:
            return None
    elif not isinstance(text, str):
        return None
    else:
        if text.startswith("\ufeff"):
            text = text[1:]
        try:
            text.encode("utf-16-le")  # refuses lone surrogates, and is fast for any text
        except UnicodeEncodeError:
            return None
    if (
        len(text) > limits.value_size
        or _ESCAPED_SURROGATE.search(text)
        # Keys are counted by the '":' that ends each: exact when no space comes between a
        # key and its colon (a '":' inside a text only makes the count too high).
        or _SPACE_BEFORE_COLON.search(text)
    ):
        return None
    reader = _Reader(limits)
    try:
        data = reader.parse(text, pairs=False)  # keys given twice are counted instead
    except (ValueError, RecursionError):
        return None
    if reader.suspect or type(data) is not dict or data.get("schema_version") != SCHEMA_VERSION:
        return None
    del data["schema_version"]
    count = [1]  # the keys of every object, schema_version already counted
    try:
        record: T = _builders(strict, limits.depth).build(cls, data, count)
    except Exception:  # whatever the fast path did not expect: the detailed path says what
        return None
    return record if count[0] == _keys_at_least(text, count[0]) else None


def _keys_at_least(text: str, parsed: int) -> int:
    """A count of the keys written in ``text`` that is never lower than the true count: equal
    to ``parsed`` (the keys the parsed objects hold) only if no key is given twice, since the
    objects then hold fewer. Every key ends in '":' (no space comes before its colon, as
    :func:`_quick` made sure); a text can hold '":' too, escaped as '\\":' unless it holds an
    escaped backslash."""
    keys = text.count('":')
    if keys != parsed and "\\\\" not in text:
        keys -= text.count('\\":')
    return keys


@paused
def _read(
    text: str | bytes,
    cls: type[T],
    kind: str,
    *,
    source: str | None,
    strict: bool,
    limits: Limits | None = None,
) -> T:
    """A record of ``cls`` from a document of ``kind``: parsed, upgraded, structured; by the
    fast path when it can, else by the detailed path, which reports every problem."""
    quick = _quick(text, cls, strict, limits or _LIMITS)
    if quick is not None:
        return quick
    data = _parse(text, source, limits)
    if not isinstance(data, dict):
        raise LoadError([Problem("", f"a {kind} document must be a JSON object")], source)
    return structure(data, cls, kind, source=source, strict=strict)


def structure(
    data: dict[str, Any],
    cls: type[T],
    kind: str,
    *,
    source: str | None = None,
    strict: bool = False,
    problems: Iterable[Problem] = (),
) -> T:
    """A record of ``cls`` from a parsed document of ``kind`` (JSON data, numbers as ``int`` and
    ``Decimal``): its version checked, upgraded, structured. Raises :class:`LoadError` with every
    problem, ``problems`` (found while reading it) first. ``data`` is the caller's own, just
    read: upgrading changes it in place."""
    found = list(problems)
    found.extend(_version_problems(data, source, kind))
    version = data.get("schema_version")
    notes: tuple[UpgradeNote, ...] = ()
    if not found and version_of(version) < version_of(SCHEMA_VERSION):  # type: ignore[operator]
        data, notes = upgrade(data, kind=kind, in_place=True)  # the readers' own data
    body = {key: value for key, value in data.items() if key != "schema_version"}
    record: T | None = None
    try:
        record = (_STRICT if strict else _CONVERTER).structure(body, cls)
    except (cattrs.BaseValidationError, ValueError, TypeError) as exc:
        found.extend(problems_from(exc))
    if found or record is None:
        raise LoadError(found, source)
    if notes:
        _warn(
            f"{source or 'the ' + kind} was upgraded from schema_version {version} to "
            f"{SCHEMA_VERSION}: " + "; ".join(str(note) for note in notes)
        )
    return record


_UNSTRUCTURERS: list[Unstructurers] = []


def unstructure(record: Plan | Framework | Crosswalk) -> dict[str, Any]:
    """The JSON data of a plan, framework or crosswalk (without ``schema_version``): what the
    converter gives, by functions generated for the records (:class:`Unstructurers`)."""
    if not _UNSTRUCTURERS:
        _UNSTRUCTURERS.append(Unstructurers(_CONVERTER, (Plan, Framework, Crosswalk)))
    return _UNSTRUCTURERS[0].unstructure(record)


_COMPARERS: list[Comparers] = []


def same_records(a: Any, b: Any) -> bool:
    """Whether two records write the same canonical JSON (:class:`Comparers`)."""
    if not _COMPARERS:
        _COMPARERS.append(Comparers(_CONVERTER, (Plan, Framework, Crosswalk)))
    return _COMPARERS[0].same(a, b)


def document(record: Any) -> dict[str, Any]:
    """A plan, framework or crosswalk as the JSON data of its canonical document."""
    return {"schema_version": SCHEMA_VERSION, **unstructure(record)}


def loads(
    text: str | bytes,
    *,
    source: str | None = None,
    strict: bool = False,
    limits: Limits | None = None,
) -> Plan:
    """Read a plan from JSON text.

    Raises :class:`LoadError` listing every problem, each with the JSON Pointer of the value.
    ``source`` (a file name) is used in messages. A document of an older schema version is
    upgraded first (:func:`uphmodel.upgrade`) and a :class:`~uphmodel.SchemaWarning` says so.
    Fields the model does not know are kept in ``extra``; with ``strict=True`` they are problems,
    each with a suggestion when it is close to a known field.

    Any text gives a plan or a :class:`LoadError`, never another exception: text that is not
    JSON, ``NaN`` or ``Infinity``, keys given twice, a text holding a lone surrogate, and values
    past ``limits`` (a :class:`~uphmodel.Limits`: nesting depth, characters of one text, digits
    of one number; by default ``Limits()``) are problems. A byte order mark is skipped.
    """
    return _read(text, Plan, "plan", source=source, strict=strict, limits=limits)


def loads_framework(
    text: str | bytes,
    *,
    source: str | None = None,
    strict: bool = False,
    limits: Limits | None = None,
) -> Framework:
    """Read a :class:`~uphmodel.Framework` from a JSON document of its own (as :func:`loads`)."""
    return _read(text, Framework, "framework", source=source, strict=strict, limits=limits)


def loads_crosswalk(
    text: str | bytes,
    *,
    source: str | None = None,
    strict: bool = False,
    limits: Limits | None = None,
) -> Crosswalk:
    """Read a :class:`~uphmodel.Crosswalk` from a JSON document of its own (as :func:`loads`)."""
    return _read(text, Crosswalk, "crosswalk", source=source, strict=strict, limits=limits)


def kind_of(data: dict[str, Any]) -> str:
    """Which kind of document ``data`` is: a crosswalk has ``mappings``, a framework ``codes``,
    a plan neither."""
    if "mappings" in data:
        return "crosswalk"
    return "framework" if "codes" in data else "plan"


def migrate(
    text: str | bytes, *, kind: str | None = None, source: str | None = None
) -> tuple[str, tuple[UpgradeNote, ...]]:
    """A document brought to :data:`~uphmodel.SCHEMA_VERSION`, in canonical form, and the notes
    of the steps that ran (none when it was current already).

    ``kind`` is ``"plan"``, ``"framework"`` or ``"crosswalk"``; by default it is told from the
    document. Raises :class:`~uphmodel.UpgradeError` for a document newer than this library
    (which cannot be made older) or of an unknown version, and :class:`LoadError` for one that
    cannot be read after upgrading.
    """
    data = _parse(text, source)
    if not isinstance(data, dict):
        raise LoadError([Problem("", "a document must be a JSON object")], source)
    kind = kind or kind_of(data)
    upgraded, notes = upgrade(data, kind=kind)
    reader, writer = _KINDS[kind]
    record = reader(json_text(upgraded), source=source)
    return writer(record), notes


def _read_file(
    file: PathOrFile, reader: Callable[..., T], strict: bool, limits: Limits | None
) -> T:
    if hasattr(file, "read"):
        source = getattr(file, "name", None)
        return reader(
            file.read(),
            source=source if isinstance(source, str) else None,
            strict=strict,
            limits=limits,
        )
    path = Path(os.fspath(file))
    mode = os.stat(path).st_mode  # a path that is not there: the OSError open() would raise
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        problem = "a device, not a file: it may never end (/dev/zero), so it is not read"
        raise LoadError([Problem("", problem)], str(path))
    return reader(path.read_bytes(), source=str(path), strict=strict, limits=limits)


def load(file: PathOrFile, *, strict: bool = False, limits: Limits | None = None) -> Plan:
    """Read a plan from a path or an open file (text or binary); see :func:`loads`.

    A path that cannot be opened raises the ``OSError`` that :func:`open` would; a device such
    as ``/dev/zero`` is a :class:`LoadError` rather than read for ever. A pipe is read to its
    end."""
    return _read_file(file, loads, strict, limits)


def load_framework(
    file: PathOrFile, *, strict: bool = False, limits: Limits | None = None
) -> Framework:
    """Read a framework from a path or an open file; see :func:`loads_framework`."""
    return _read_file(file, loads_framework, strict, limits)


def load_crosswalk(
    file: PathOrFile, *, strict: bool = False, limits: Limits | None = None
) -> Crosswalk:
    """Read a crosswalk from a path or an open file; see :func:`loads_crosswalk`."""
    return _read_file(file, loads_crosswalk, strict, limits)


def _emit(value: Any, indent: str, out: list[str]) -> None:
    if value is None:
        out.append("null")
    elif value is True:
        out.append("true")
    elif value is False:
        out.append("false")
    elif isinstance(value, str):
        out.append(encode_basestring(value))
    elif isinstance(value, int):
        out.append(str(value))
    elif isinstance(value, Decimal):
        if not value.is_finite():
            raise ValueError(f"{value} cannot be written as a JSON number")
        text = str(value)
        # JSON reads "-0" back as the integer 0; write the zero it will be read as.
        out.append("0" if text == "-0" else text)
    elif isinstance(value, dict):
        if not value:
            out.append("{}")
            return
        inner = indent + "  "
        out.append("{\n")
        for i, (key, item) in enumerate(value.items()):
            if i:
                out.append(",\n")
            out.append(inner)
            out.append(encode_basestring(key))
            out.append(": ")
            _emit(item, inner, out)
        out.append("\n" + indent + "}")
    elif isinstance(value, (list, tuple)):
        if not value:
            out.append("[]")
            return
        inner = indent + "  "
        out.append("[\n")
        for i, item in enumerate(value):
            if i:
                out.append(",\n")
            out.append(inner)
            _emit(item, inner, out)
        out.append("\n" + indent + "]")
    else:
        raise TypeError(f"cannot write {type(value).__name__} as JSON: {value!r}")


def json_text(data: Any) -> str:
    """JSON text of plain data (dicts, lists, Decimals …) in the canonical layout, numbers exact."""
    out: list[str] = []
    _emit(data, "", out)
    out.append("\n")
    return "".join(out)


def _document(record: Any, cls: type[Any], function: str) -> str:
    if not isinstance(record, cls):
        raise TypeError(f"{function}() takes a {cls.__name__}, not {type(record).__name__}")
    if "schema_version" in record.extra:
        raise ValueError(f"{cls.__name__}.extra cannot hold 'schema_version': it is written")
    return json_text(document(record))


@paused
def dumps(plan: Plan) -> str:
    """The canonical JSON text of ``plan``, ending with a newline."""
    return _document(plan, Plan, "dumps")


def dumps_framework(framework: Framework) -> str:
    """The canonical JSON text of a framework as a document of its own."""
    return _document(framework, Framework, "dumps_framework")


def dumps_crosswalk(crosswalk: Crosswalk) -> str:
    """The canonical JSON text of a crosswalk as a document of its own."""
    return _document(crosswalk, Crosswalk, "dumps_crosswalk")


def dump(plan: Plan, file: PathOrFile) -> None:
    """Write the canonical JSON of ``plan`` to an open file or, atomically, to a path.

    Writing to a path goes through a temporary file in the same folder that replaces the target
    only when complete: a crash leaves the old file or the new one, never half of one.
    """
    write_text(dumps(plan), file)


def dump_framework(framework: Framework, file: PathOrFile) -> None:
    """Write a framework as a document of its own, atomically to a path (as :func:`dump`)."""
    write_text(dumps_framework(framework), file)


def dump_crosswalk(crosswalk: Crosswalk, file: PathOrFile) -> None:
    """Write a crosswalk as a document of its own, atomically to a path (as :func:`dump`)."""
    write_text(dumps_crosswalk(crosswalk), file)


_KINDS: dict[str, tuple[Callable[..., Any], Callable[[Any], str]]] = {
    "plan": (loads, dumps),
    "framework": (loads_framework, dumps_framework),
    "crosswalk": (loads_crosswalk, dumps_crosswalk),
}


def write_text(text: str, file: PathOrFile) -> None:
    """Write ``text`` to an open file or, atomically, to a path (UTF-8; see
    :mod:`uphmodel._atomic` for what "atomically" includes)."""
    if hasattr(file, "write"):
        stream = typing.cast(IO[Any], file)
        try:
            stream.write(text)
        except TypeError:  # a binary file
            stream.write(text.encode("utf-8"))
        return
    with replacing(os.fspath(file)) as tmp:
        tmp.write_bytes(text.encode("utf-8"))
