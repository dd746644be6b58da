"""Generate the field-by-field reference of docs/json-format.md from the model's docstrings.

Run ``python tools/gen_json_format.py`` to rewrite the reference part of the page (between the
``<!-- reference:begin -->`` and ``<!-- reference:end -->`` markers); the test suite fails when
the page is out of date.
"""

from __future__ import annotations

import enum
import inspect
import re
import sys
import typing
from pathlib import Path

import attrs

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tools._pages import replace_between, rewrite  # noqa: E402

import uphmodel  # noqa: E402
from uphmodel.formats._schema import attribute_docs  # noqa: E402

PAGE = ROOT / "docs" / "json-format.md"
BEGIN, END = "<!-- reference:begin -->", "<!-- reference:end -->"

# The records in the order the reference presents them: the plan first, then what it holds;
# then frameworks and crosswalks, which are also documents of their own.
RECORDS = [
    uphmodel.Plan,
    uphmodel.PlanRelation,
    uphmodel.FocusAreaWording,
    uphmodel.Section,
    uphmodel.Term,
    uphmodel.SourceDocument,
    uphmodel.Stakeholder,
    uphmodel.ContactPoint,
    uphmodel.Goal,
    uphmodel.Activity,
    uphmodel.Responsibility,
    uphmodel.Timeline,
    uphmodel.Phase,
    uphmodel.Indicator,
    uphmodel.Observation,
    uphmodel.Target,
    uphmodel.Decision,
    uphmodel.ChangeLogEntry,
    uphmodel.Grant,
    uphmodel.GrantUse,
    uphmodel.Payment,
    uphmodel.PopulationFigure,
    uphmodel.AllocationKey,
    uphmodel.KeyPart,
    uphmodel.Pool,
    uphmodel.Contribution,
    uphmodel.BudgetLine,
    uphmodel.Total,
    uphmodel.FollowUp,
    uphmodel.FollowUpItem,
    uphmodel.Provenance,
    uphmodel.Inferred,
    uphmodel.Framework,
    uphmodel.FrameworkCode,
    uphmodel.Citation,
    uphmodel.Crosswalk,
    uphmodel.Mapping,
    uphmodel.FrameworkConversion,
    uphmodel.CodeConversion,
]


def json_type(field: attrs.Attribute, hint: object) -> str:
    kind = field.metadata.get("uph")
    if kind == "ids":
        return "list of ids"
    if kind == "id":
        return "id"
    args = [a for a in typing.get_args(hint) if a is not type(None)]
    if typing.get_origin(hint) in (typing.Union, type(int | None)) and len(args) == 1:
        return json_type(field, args[0])
    if hint is uphmodel.Value or set(args) == {uphmodel.Value.__args__[0], bool, str}:
        return "number, `true`/`false` or text"
    if typing.get_origin(hint) is tuple:
        inner = typing.get_args(hint)[0]
        if attrs.has(inner):
            return f"list of [{inner.__name__}](#{inner.__name__.lower()})"
        return "list of texts"
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return "one of " + ", ".join(f"`{m.value}`" for m in hint)
    if hint is uphmodel.Period:
        return "[period](#periods)"
    if isinstance(hint, type) and attrs.has(hint):
        return f"[{hint.__name__}](#{hint.__name__.lower()})"
    if typing.get_origin(hint) is uphmodel.FrozenMap:
        return "object of texts"
    names = {str: "text", int: "whole number", bool: "`true`/`false`"}
    if hint in names:
        return names[hint]
    name = getattr(hint, "__name__", str(hint))
    return {"Decimal": "number (exact)", "date": "date `YYYY-MM-DD`"}.get(name, name)


def reference() -> str:
    parts = []
    for cls in RECORDS:
        hints = typing.get_type_hints(cls)
        docs = attribute_docs(cls)
        summary = (inspect.getdoc(cls) or "").split("\n\n")[0].replace("\n", " ")
        summary = re.sub(r":\w+:`([^`]+)`", r"`\1`", summary)
        rows = ["| field | JSON | required | meaning |", "|---|---|---|---|"]
        for field in attrs.fields(cls):
            if field.metadata.get("uph") == "extra":
                continue
            required = "yes" if field.default is attrs.NOTHING else ""
            default = field.default
            if (
                required == ""
                and default not in (None, ())
                and not isinstance(default, uphmodel.FrozenMap)
            ):
                shown = default.value if isinstance(default, enum.Enum) else default
                required = f"default `{shown}`"
            meaning = re.sub(r":\w+:`([^`]+)`", r"`\1`", docs.get(field.name, ""))
            meaning = meaning.replace("|", "\\|")
            if not meaning:
                raise SystemExit(f"{cls.__name__}.{field.name} has no description in Attributes:")
            rows.append(
                f"| `{field.name}` | {json_type(field, hints[field.name])} | {required} | "
                f"{meaning} |"
            )
        parts.append(f"### {cls.__name__}\n\n{summary}\n\n" + "\n".join(rows) + "\n")
    return "\n".join(parts)


def render(page: str) -> str:
    return replace_between(page, BEGIN, END, reference())


if __name__ == "__main__":
    rewrite(PAGE, render)
