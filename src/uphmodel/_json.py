"""Canonical JSON: ``loads``/``load`` read a plan, ``dumps``/``dump`` write one.

The canonical text is UTF-8 JSON with Swedish letters as they are, two-space indentation, fields
in the order of the model, fields equal to their default left out, unknown fields after the known
ones in sorted order, and a final newline. Numbers are read as ``int`` or ``Decimal`` and written
back digit for digit. The same plan always gives the same text, and ``dumps(loads(s)) == s``
holds for every canonical document.
"""

from __future__ import annotations

import contextlib
import json
import os
import stat
import tempfile
import typing
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import IO, Any

import cattrs

from uphmodel._errors import LoadError, Problem
from uphmodel.converter import SCHEMA_VERSION, make_converter, problems_from
from uphmodel.model import Plan

__all__ = ["dump", "dumps", "load", "loads"]

_CONVERTER = make_converter()

PathOrFile = str | os.PathLike[str] | IO[str] | IO[bytes]


class _Object(dict[str, Any]):
    """A parsed JSON object that remembers keys it saw more than once."""

    duplicates: tuple[str, ...] = ()


def _object_pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    obj = _Object()
    dups: list[str] = []
    for key, value in pairs:
        if key in obj:
            dups.append(key)
        obj[key] = value
    if dups:
        obj.duplicates = tuple(dups)
    return obj


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


def _duplicate_problems(value: Any, path: str = "") -> Iterator[Problem]:
    if isinstance(value, _Object):
        for key in value.duplicates:
            escaped = key.replace("~", "~0").replace("/", "~1")
            yield Problem(f"{path}/{escaped}", "this field appears more than once in its object")
        for key, item in value.items():
            escaped = key.replace("~", "~0").replace("/", "~1")
            yield from _duplicate_problems(item, f"{path}/{escaped}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _duplicate_problems(item, f"{path}/{index}")


def _parse(text: str | bytes, source: str | None) -> Any:
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise LoadError([Problem("", f"not UTF-8 text: {exc}")], source) from None
    elif not isinstance(text, str):
        raise TypeError(f"loads() takes str or bytes, not {type(text).__name__}")
    try:
        return json.loads(
            text,
            parse_float=Decimal,
            parse_constant=_reject_constant,
            object_pairs_hook=_object_pairs,
        )
    except ValueError as exc:
        raise LoadError([Problem("", f"not valid JSON: {exc}")], source) from None


def _check_version(data: dict[str, Any]) -> list[Problem]:
    version = data.get("schema_version")
    if version is None:
        return [
            Problem(
                "/schema_version",
                f"required field is missing: a plan document starts with "
                f'"schema_version": "{SCHEMA_VERSION}"',
            )
        ]
    major = SCHEMA_VERSION.split(".")[0]
    if not isinstance(version, str) or version.split(".")[0] != major:
        return [
            Problem(
                "/schema_version",
                f"this version of uphmodel reads schema_version {major}.x, got {version!r}",
            )
        ]
    return []


def loads(text: str | bytes, *, source: str | None = None) -> Plan:
    """Read a plan from JSON text.

    Raises :class:`LoadError` listing every problem, each with the JSON Pointer of the value.
    ``source`` (a file name) is used in the error message.
    """
    data = _parse(text, source)
    if not isinstance(data, dict):
        raise LoadError([Problem("", "a plan document must be a JSON object")], source)
    problems = list(_duplicate_problems(data))
    problems.extend(_check_version(data))
    body = {key: value for key, value in data.items() if key != "schema_version"}
    plan: Plan | None = None
    try:
        plan = _CONVERTER.structure(body, Plan)
    except (cattrs.BaseValidationError, ValueError, TypeError) as exc:
        problems.extend(problems_from(exc))
    if problems or plan is None:
        raise LoadError(problems, source)
    return plan


def load(file: PathOrFile) -> Plan:
    """Read a plan from a path or an open file (text or binary)."""
    if hasattr(file, "read"):
        source = getattr(file, "name", None)
        return loads(file.read(), source=source if isinstance(source, str) else None)
    path = Path(os.fspath(file))
    return loads(path.read_bytes(), source=str(path))


def _emit(value: Any, indent: str, out: list[str]) -> None:
    if value is None:
        out.append("null")
    elif value is True:
        out.append("true")
    elif value is False:
        out.append("false")
    elif isinstance(value, str):
        out.append(json.dumps(value, ensure_ascii=False))
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
            out.append(json.dumps(key, ensure_ascii=False))
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


def dumps(plan: Plan) -> str:
    """The canonical JSON text of ``plan``, ending with a newline."""
    if not isinstance(plan, Plan):
        raise TypeError(f"dumps() takes a Plan, not {type(plan).__name__}")
    if "schema_version" in plan.extra:
        raise ValueError("Plan.extra cannot hold 'schema_version': dumps() writes it")
    return json_text({"schema_version": SCHEMA_VERSION, **_CONVERTER.unstructure(plan)})


def dump(plan: Plan, file: PathOrFile) -> None:
    """Write the canonical JSON of ``plan`` to an open file or, atomically, to a path.

    Writing to a path goes through a temporary file in the same folder that replaces the target
    only when complete: a crash leaves the old file or the new one, never half of one.
    """
    text = dumps(plan)
    if hasattr(file, "write"):
        stream = typing.cast(IO[Any], file)
        try:
            stream.write(text)
        except TypeError:  # a binary file
            stream.write(text.encode("utf-8"))
        return
    path = Path(os.fspath(file))
    directory = path.parent
    fd, tmp = tempfile.mkstemp(dir=directory, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(text.encode("utf-8"))
            handle.flush()
            os.fsync(handle.fileno())
        try:
            mode = stat.S_IMODE(os.stat(path).st_mode)
        except FileNotFoundError:
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    try:
        dir_fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(dir_fd)
    except OSError:
        pass
    finally:
        os.close(dir_fd)
