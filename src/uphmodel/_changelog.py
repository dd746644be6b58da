"""A readable change log of a diff, in Swedish or English Markdown, grouped by focus area."""

from __future__ import annotations

import enum
import json
import typing
from collections.abc import Sequence
from decimal import Decimal
from json.encoder import encode_basestring  # the C encoder of json.dumps(ensure_ascii=False)
from typing import Any

import attrs

from uphmodel._diff import Change, ChangeKind, PlanDiff, Step, diff, plan_data
from uphmodel._frozen import FrozenMap, JsonValue
from uphmodel._limits import exact
from uphmodel._text import figure
from uphmodel._typed import hints, without_none
from uphmodel.formats._headings import WORDS
from uphmodel.frameworks import builtin
from uphmodel.frameworks._catalogue import in_use
from uphmodel.model import FrameworkKind, GoalFate, Plan
from uphmodel.model._labels import swedish

__all__ = ["render_changelog"]

_WORDS: dict[str, dict[str, str]] = {
    "sv": {
        "title": "Ändringar från version {old} till {new}",
        "none": "Inga ändringar.",
        "plan": "Planen",
        "other": "Övrigt",
        "added": "Tillagt",
        "removed": "Borttaget",
        "changed": "Ändrat",
        "moved": "Flyttat",
        "reordered": "Ny ordning",
        "item_added": "{Noun} {title} har lagts till.",
        "item_removed": "{Noun} {title} har tagits bort.",
        "item_removed_fate": "{Noun} {title} har tagits bort: {fate}.",
        "field_changed": "{Noun} {title}: {field} har ändrats från {old} till {new}.",
        "field_added": "{Noun} {title}: {field} har lagts till: {new}.",
        "field_removed": "{Noun} {title}: {field} har tagits bort (var {old}).",
        "moved_to": "{Noun} {title} har flyttats: {field} från {old} till {new}.",
        "nested_added": "{Noun} {title}: {what} har lagts till: {new}.",
        "nested_removed": "{Noun} {title}: {what} har tagits bort (var {old}).",
        "value_added": "{Noun} {title}: nytt värde för {period}: {new}.",
        "value_removed": "{Noun} {title}: värdet för {period} har tagits bort (var {old}).",
        "value_changed": "{Noun} {title}: värdet för {period} har ändrats från {old} till {new}.",
        "reordered_in": "Ordningen bland {what} har ändrats.",
        "plan_changed": "Planens {field} har ändrats från {old} till {new}.",
        "plan_added": "Planens {field} har lagts till: {new}.",
        "plan_removed": "Planens {field} har tagits bort (var {old}).",
        "decision": "beslut: {text}",
        "nothing": "inget",
        "unknown_field": "fältet {name}",
        "unknown_plan_field": "fält {name}",
        "empty": "en tom lista",
        "more": "och {count} till",
        "reread": "{Noun} {title}: tidsplanen {text} läses nu annorlunda: {what}.",
        "reread_plan": "tidsplanen {text} läses nu annorlunda: {what}",
    },
    "en": {
        "title": "Changes from version {old} to {new}",
        "none": "No changes.",
        "plan": "The plan",
        "other": "Other",
        "added": "Added",
        "removed": "Removed",
        "changed": "Changed",
        "moved": "Moved",
        "reordered": "Reordered",
        "item_added": "{Noun} {title} was added.",
        "item_removed": "{Noun} {title} was removed.",
        "item_removed_fate": "{Noun} {title} was removed: {fate}.",
        "field_changed": "{Noun} {title}: {field} changed from {old} to {new}.",
        "field_added": "{Noun} {title}: {field} added: {new}.",
        "field_removed": "{Noun} {title}: {field} removed (was {old}).",
        "moved_to": "{Noun} {title} was moved: {field} from {old} to {new}.",
        "nested_added": "{Noun} {title}: {what} added: {new}.",
        "nested_removed": "{Noun} {title}: {what} removed (was {old}).",
        "value_added": "{Noun} {title}: new value for {period}: {new}.",
        "value_removed": "{Noun} {title}: the value for {period} was removed (was {old}).",
        "value_changed": "{Noun} {title}: the value for {period} changed from {old} to {new}.",
        "reordered_in": "The order of {what} changed.",
        "plan_changed": "The plan's {field} changed from {old} to {new}.",
        "plan_added": "The plan's {field} added: {new}.",
        "plan_removed": "The plan's {field} removed (was {old}).",
        "decision": "decision: {text}",
        "nothing": "nothing",
        "unknown_field": "the field {name}",
        "unknown_plan_field": "field {name}",
        "empty": "an empty list",
        "more": "and {count} more",
        "reread": "{Noun} {title}: the timeline {text} is now read differently: {what}.",
        "reread_plan": "the timeline {text} is now read differently: {what}",
    },
}

_NOUNS: dict[str, tuple[str, str]] = {  # collection: (Swedish, English)
    "goals": ("målet", "the goal"),
    "activities": ("aktiviteten", "the activity"),
    "indicators": ("indikatorn", "the indicator"),
    "stakeholders": ("aktören", "the stakeholder"),
    "contacts": ("kontaktvägen", "the contact point"),
    "sections": ("avsnittet", "the section"),
    "decisions": ("beslutet", "the decision"),
    "changes": ("versionen", "the version"),
    "grants": ("medlen", "the grant"),
    "pools": ("budgeten", "the budget"),
    "totals": ("summan", "the total"),
    "populations": ("folkmängden", "the population figure"),
    "allocation_keys": ("fördelningsnyckeln", "the allocation key"),
    "follow_ups": ("uppföljningen", "the follow-up"),
    "terms": ("begreppet", "the term"),
    "focus_areas": ("fokusområdet", "the focus area"),
    "sources": ("källan", "the source"),
}

_FIELDS: dict[str, tuple[str, str]] = {
    "text": ("formuleringen", "the wording"),
    "amount": ("beloppet", "the amount"),
    "name": ("namnet", "the name"),
    "title": ("titeln", "the title"),
    "label": ("benämningen", "the label"),
    "horizon": ("tidshorisonten", "the horizon"),
    "parent": ("överordnat mål", "the parent goal"),
    "sections": ("avsnitt", "the sections"),
    "focus_areas": ("fokusområden", "the focus areas"),
    "goals": ("mål", "the goals"),
    "timeline": ("tidsplanen", "the timeline"),
    "status": ("status", "the status"),
    "value": ("värdet", "the value"),
    "version": ("versionen", "the version"),
    "date": ("datumet", "the date"),
    "period": ("perioden", "the period"),
    "budget_lines": ("budgetposten", "the budget line"),
    "contributions": ("insatsen", "the contribution"),
    "observations": ("mätvärdet", "the observation"),
    "baselines": ("utgångsvärdet", "the baseline"),
    "targets": ("målvärdet", "the target"),
    "items": ("uppföljningen av målet", "the follow-up of the goal"),
    "responsibilities": ("ansvaret", "the responsibility"),
}

_FATES: dict[GoalFate, tuple[str, str]] = {
    GoalFate.KEPT: ("målet kvarstår", "the goal remains"),
    GoalFate.KEPT_REWORDED: ("målet kvarstår men formuleras om", "kept but reworded"),
    GoalFate.TO_SHORT_TERM: ("målet blir ett kortsiktigt mål", "it becomes a short-term goal"),
    GoalFate.TO_LONG_TERM: ("målet blir ett långsiktigt mål", "it becomes a long-term goal"),
    GoalFate.FULFILLED: ("målet är uppfyllt", "the goal is fulfilled"),
    GoalFate.MERGED: ("sammanslaget med {successors}", "merged into {successors}"),
    GoalFate.TO_ACTIVITY: ("infogat som aktivitet i {successors}", "turned into {successors}"),
    GoalFate.REMOVED: ("målet tas bort", "the goal is dropped"),
}

# How the plan's own fields are named after "Planens …" / "The plan's …".
_PLAN_FIELDS: dict[str, tuple[str, str]] = {
    "version": ("version", "version"),
    "title": ("titel", "title"),
    "date": ("datum", "date"),
    "period": ("period", "period"),
    "description": ("beskrivning", "description"),
    "diary_number": ("diarienummer", "diary number"),
    "kind": ("typ", "kind"),
    "owners": ("huvudmän", "owners"),
}

_TITLE_FIELDS = ("text", "name", "title", "label", "purpose", "term", "version", "role", "code")
_VALUE_LISTS = {"observations", "baselines", "targets"}


def _quote(value: str, language: str) -> str:
    return f"”{value}”" if language == "sv" else f"“{value}”"


def _element(hint: Any) -> Any:
    """``X`` of ``tuple[X, ...]``."""
    args = typing.get_args(hint)
    return args[0] if typing.get_origin(hint) is tuple and args else hint


def _hint_at(path: Sequence[Step]) -> Any:
    """The annotation of the value at ``path`` from the plan down, or ``None`` where the path
    leaves the model (an unknown field, or inside one)."""
    cls: Any = Plan
    hint: Any = None
    for step in path:
        if not (isinstance(cls, type) and attrs.has(cls)) or step.field not in hints(cls):
            return None
        hint = without_none(hints(cls)[step.field])
        if step.key is not None:
            hint = without_none(_element(hint))
        cls = without_none(_element(hint))
    return hint


def _label(value: str, hint: Any, language: str) -> str | None:
    """The label of a coded value, when ``hint`` is the enum it is a value of."""
    kind = without_none(_element(hint)) if hint is not None else None
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        try:
            member = kind(value)
        except ValueError:
            return None
        return swedish(member) if language == "sv" else str(member.value).replace("_", " ")
    return None


def _compact(value: JsonValue) -> str:
    """A value of an unknown field as compact JSON text (never Python's repr)."""
    if isinstance(value, FrozenMap):
        pairs = (f"{encode_basestring(k)}: {_compact(v)}" for k, v in value.items())
        return "{" + ", ".join(pairs) + "}"
    if isinstance(value, tuple):
        return "[" + ", ".join(_compact(v) for v in value) + "]"
    if isinstance(value, bool) or value is None:
        return json.dumps(value)
    if isinstance(value, (int, Decimal)):
        return str(value)
    return encode_basestring(value)


def _cut(text: str, limit: int = 90) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _show(value: JsonValue, language: str, money: bool = False, hint: Any = None) -> str:
    words = _WORDS[language]
    if value is None:
        return words["nothing"]
    if isinstance(value, bool):
        return ("ja" if value else "nej") if language == "sv" else ("yes" if value else "no")
    if isinstance(value, (int, Decimal)):
        text = figure(Decimal(value)) if language == "sv" else f"{Decimal(value):,}"
        return f"{text} kr" if money and language == "sv" else f"SEK {text}" if money else text
    if isinstance(value, str):
        label = _label(value, hint, language)
        return _quote(label if label is not None else _cut(value, 200), language)
    if hint is None and isinstance(value, (tuple, FrozenMap)):  # in a field the model lacks
        return _quote(_cut(_compact(value), 120), language)
    if isinstance(value, tuple):
        if not value:
            return words["empty"]
        shown = [_show(v, language, money, hint) for v in value[:5]]
        if len(value) > 5:
            shown = [*shown[:3], words["more"].format(count=len(value) - 3)]
        return ", ".join(shown)
    if isinstance(value, FrozenMap):
        for name in _TITLE_FIELDS:  # a record: by what it is called
            if isinstance(value.get(name), str):
                number = value.get("number")
                title = _quote(_cut(str(value[name])), language)
                return f"{number} {title}" if isinstance(number, str) else title
        if "value" in value and hint is not None:
            return _show(value["value"], language, money)
    return _quote(_cut(_compact(value), 120), language)


class _Context:
    """What the rendering needs to know about the two versions."""

    def __init__(self, old: Plan, new: Plan, language: str) -> None:
        self.language = language
        self.items: dict[tuple[str, str], dict[str, Any]] = {}
        for plan in (old, new):  # the new version's wording wins
            self._collect(plan_data(plan))
        self.catalogue = builtin().for_plan(new)
        self.uses = in_use(new)
        listed = [
            fw for fw in self.catalogue.of_kind(FrameworkKind.FOCUS_AREAS) if fw.id in self.uses
        ]
        self.order = [fa.code for fa in new.focus_areas] or [
            entry.code
            for fw in listed or self.catalogue.of_kind(FrameworkKind.FOCUS_AREAS)
            for entry in fw.codes
        ]
        self.labels = {
            fa.code: f"{fa.number}. {fa.label}" if fa.number and fa.label else fa.label or ""
            for fa in new.focus_areas
        }

    def _collect(self, data: dict[str, Any]) -> None:
        """Every item with an id, nested ones too (budget lines, grant uses), by field and id."""
        for name, value in data.items():
            if isinstance(value, list):
                for item in value:
                    if isinstance(item, dict):
                        if "id" in item:
                            self.items[(name, str(item["id"]))] = item
                        self._collect(item)

    def title(self, collection: str, key: str | None) -> str:
        """An item as a planner names it: its number, if any, and the start of its text."""
        item = self.items.get((collection, key or ""))
        for name in _TITLE_FIELDS:
            if item and isinstance(item.get(name), str):
                title = _quote(_cut(item[name]), self.language)
                number = item.get("number")
                return f"{number} {title}" if isinstance(number, str) and number else title
        return _quote(key or "?", self.language)

    def focus(self, collection: str, key: str | None, seen: int = 0) -> str | None:
        item = self.items.get((collection, key or ""))
        if item is None or seen > 5:
            return None
        for code in item.get("focus_areas", ()):
            return str(code)
        for section in item.get("sections", ()):
            found = self.focus("sections", section, seen + 1)
            if found:
                return found
        for goal in item.get("goals", ()):
            found = self.focus("goals", goal, seen + 1)
            if found:
                return found
        if item.get("parent"):
            return self.focus(collection, str(item["parent"]), seen + 1)
        if collection == "indicators":
            for (other, other_key), data in self.items.items():
                if other == "goals" and key in data.get("indicators", ()):
                    return self.focus("goals", other_key, seen + 1)
        if seen == 0:  # no focus area: the plan's own section, when the item has one
            for section in item.get("sections", ()):
                if ("sections", section) in self.items:
                    return f"section:{section}"
        return None

    def group_label(self, code: str | None) -> str:
        words = _WORDS[self.language]
        if code is None:
            return words["other"]
        if code.startswith("section:"):
            section = self.items[("sections", code.removeprefix("section:"))]
            return " ".join(str(section[k]) for k in ("number", "title") if section.get(k))
        if self.labels.get(code):
            return self.labels[code]
        found = self.catalogue.resolve(code, FrameworkKind.FOCUS_AREAS, self.uses).found
        if found is not None:
            entry = found[1]
            return entry.label if self.language == "sv" else entry.label_en or entry.label
        return code


def _noun(collection: str, language: str) -> str:
    pair = _NOUNS.get(collection, ("posten", "the item"))
    return pair[0] if language == "sv" else pair[1]


def _field_name(field: str, language: str, known: bool = True, plan: bool = False) -> str:
    """A field as a planner calls it; a field the model does not know by its own name
    (``plan``: after "Planens")."""
    pair = _FIELDS.get(field) if known else None
    if pair is not None:
        return pair[0] if language == "sv" else pair[1]
    if known:
        return WORDS.get(field, field) if language == "sv" else field.replace("_", " ")
    word = "unknown_plan_field" if plan else "unknown_field"
    return _WORDS[language][word].format(name=_quote(field, language))


def _path_name(path: Sequence[Step], start: int, language: str, ctx: _Context) -> str:
    """The fields of ``path`` from ``start``, each as a planner calls it ("tidsplanen /
    perioden"), an element of a list by its title."""
    names: list[str] = []
    for n, step in enumerate(path):
        if n < start:
            continue
        known = _hint_at(path[: n + 1]) is not None
        if not known and n > 0 and _hint_at(path[:n]) is None and names:
            names.append(_quote(step.field, language))  # a key inside an unknown field
            continue
        name = _field_name(step.field, language, known, plan=n == 0)
        if step.key is not None:
            name = f"{name} {ctx.title(step.field, step.key)}"
        names.append(name)
    return " / ".join(names)


def _timeline_of(change: Change) -> int | None:
    """Where a timeline is in the change's path, when the change is inside one."""
    for n, step in enumerate(change.path[:-1]):
        if step.field == "timeline" and step.key is None:
            return n
    return None


def _units(changes: Sequence[Change]) -> list[list[Change]]:
    """The changes to render, one sentence each: the changes inside one timeline (its text and
    what was read from it) make one sentence, every other change its own."""
    units: list[list[Change]] = []
    timelines: dict[tuple[Step, ...], list[Change]] = {}
    for change in changes:
        at = _timeline_of(change)
        if at is None:
            units.append([change])
            continue
        where = change.path[: at + 1]
        if where not in timelines:
            timelines[where] = []
            units.append(timelines[where])
        timelines[where].append(change)
    return units


def _timeline_sentence(unit: list[Change], ctx: _Context) -> Change | tuple[str, str]:
    """A change of the timeline's text stands for the whole timeline; without one, the text
    stayed and what was read from it changed."""
    lang = ctx.language
    at = _timeline_of(unit[0])
    assert at is not None
    for change in unit:
        if change.path[at + 1 :] == (Step("text"),):
            return attrs.evolve(change, path=change.path[: at + 1])
    parts = []
    for change in unit:
        name = _path_name(change.path, at + 1, lang, ctx)
        hint = _hint_at(change.path)
        old, new = _show(change.old, lang, hint=hint), _show(change.new, lang, hint=hint)
        parts.append(f"{name} {old} → {new}")
    item = ctx.items.get((unit[0].collection, unit[0].item or ""), {})
    timeline = item.get("timeline") if at == 1 else None
    text = timeline.get("text") if isinstance(timeline, dict) else None
    return (_quote(_cut(str(text)), lang) if text else "", "; ".join(parts))


def _sentence(unit: list[Change], ctx: _Context) -> tuple[str, str]:
    """The change (or the changes of one timeline) as a sentence, and its heading kind."""
    lang, words = ctx.language, _WORDS[ctx.language]
    change = unit[0]
    if _timeline_of(change) is not None:
        found = _timeline_sentence(unit, ctx)
        if isinstance(found, Change):
            change = found
        else:
            text, what = found
            noun = _noun(change.collection, lang)
            if change.item is None:
                sentence = words["reread_plan"].format(text=text, what=what)
                return sentence[:1].upper() + sentence[1:] + ".", "changed"
            return words["reread"].format(Noun=noun[:1].upper() + noun[1:],
                                          title=ctx.title(change.collection, change.item),
                                          text=text, what=what), "changed"  # fmt: skip
    path = change.path
    hint = _hint_at(path)
    if change.item is None:  # a field of the plan itself
        pair = _PLAN_FIELDS.get(path[0].field) if len(path) == 1 else None
        field = _path_name(path, 0, lang, ctx) if pair is None else pair[0 if lang == "sv" else 1]
        if change.kind is ChangeKind.REORDERED:
            return words["reordered_in"].format(what=field), "reordered"
        key = {ChangeKind.CHANGED: "plan_changed", ChangeKind.ADDED: "plan_added",
               ChangeKind.REMOVED: "plan_removed"}[change.kind]  # fmt: skip
        old, new = _show(change.old, lang, hint=hint), _show(change.new, lang, hint=hint)
        return words[key].format(field=field, old=old, new=new), change.kind.value
    collection = change.collection
    noun = _noun(collection, lang)
    fill: dict[str, str] = {
        "Noun": noun[:1].upper() + noun[1:],
        "title": ctx.title(collection, change.item),
    }
    if len(path) == 1:
        if change.kind is ChangeKind.ADDED:
            return words["item_added"].format(**fill), "added"
        if change.fate is not None:
            successors = ", ".join(
                ctx.title(c, s)
                for s in change.successors
                for c in ("goals", "activities")
                if (c, s) in ctx.items
            ) or ", ".join(change.successors)
            fate = _FATES[change.fate][0 if lang == "sv" else 1].format(successors=successors)
            if change.fate_text:
                fate += f" ({words['decision'].format(text=_quote(change.fate_text, lang))})"
            return words["item_removed_fate"].format(fate=fate, **fill), "removed"
        return words["item_removed"].format(**fill), "removed"
    below = path[1:]
    money = below[-1].field == "amount"
    old = _show(change.old, lang, money, hint)
    new = _show(change.new, lang, money, hint)
    if change.difference is not None and money:
        sign = "+" if change.difference > 0 else "−"
        new += f" ({sign}{_show(abs(change.difference), lang, money)})"
    nested = next((s for s in below if s.key is not None), None)
    if nested is not None and nested.field in _VALUE_LISTS:
        period = nested.key.split("|", 1)[0] if nested.key else ""
        template = {ChangeKind.ADDED: "value_added", ChangeKind.REMOVED: "value_removed"}.get(
            change.kind, "value_changed"
        )
        return words[template].format(period=period or "?", old=old, new=new, **fill), (
            change.kind.value
        )
    if nested is not None and below[-1].key is not None:
        what = _path_name(path, len(path) - 1, lang, ctx).split(" ”", 1)[0]
        if change.kind is ChangeKind.REORDERED:
            return words["reordered_in"].format(what=what), "reordered"
        template = "nested_added" if change.kind is ChangeKind.ADDED else "nested_removed"
        return words[template].format(what=what, old=old, new=new, **fill), change.kind.value
    field = _path_name(path, 1, lang, ctx)
    if change.kind is ChangeKind.REORDERED:
        return words["reordered_in"].format(what=field), "reordered"
    if change.moved:
        return words["moved_to"].format(field=field, old=old, new=new, **fill), "moved"
    template = {ChangeKind.CHANGED: "field_changed", ChangeKind.ADDED: "field_added",
                ChangeKind.REMOVED: "field_removed"}[change.kind]  # fmt: skip
    return words[template].format(field=field, old=old, new=new, **fill), "changed"


@exact
def render_changelog(
    old: Plan, new: Plan, changes: PlanDiff | None = None, *, language: str = "sv"
) -> str:
    """A Markdown change log from ``old`` to ``new``, in Swedish (``sv``) or English (``en``).

    Changes are grouped by focus area (as the new version numbers and words them; an item with
    no focus area under its own section of the plan), then by kind; a removed goal says what the
    follow-up decided about it.

    >>> import attrs, uphmodel
    >>> old = uphmodel.examples.load("jamtland-harjedalen-2018")
    >>> new = attrs.evolve(old, version="1.25")
    >>> print(uphmodel.render_changelog(old, new))
    # Ändringar från version 1.24 till 1.25
    <BLANKLINE>
    ## Planen
    <BLANKLINE>
    ### Ändrat
    <BLANKLINE>
    - Planens version har ändrats från ”1.24” till ”1.25”.
    <BLANKLINE>
    """
    if language not in _WORDS:
        raise ValueError(f"language must be 'sv' or 'en', not {language!r}")
    changes = diff(old, new) if changes is None else changes
    words = _WORDS[language]
    lines = [f"# {words['title'].format(old=changes.old, new=changes.new)}", ""]
    if not changes:
        return "\n".join([*lines, words["none"], ""])
    ctx = _Context(old, new, language)
    groups: dict[str | None, dict[str, list[str]]] = {}
    plan_level: dict[str, list[str]] = {}
    for unit in _units(changes.changes):
        change = unit[0]
        sentence, kind = _sentence(unit, ctx)
        if change.item is None:
            plan_level.setdefault(kind, []).append(sentence)
        else:
            group = ctx.focus(change.collection, change.item)
            groups.setdefault(group, {}).setdefault(kind, []).append(sentence)
    ordered = [code for code in ctx.order if code in groups]
    ordered += [code for code in groups if code not in ordered and code is not None]
    sections: list[tuple[str, dict[str, list[str]]]] = [
        (ctx.group_label(code), groups[code]) for code in ordered
    ]
    if None in groups:
        sections.append((words["other"], groups[None]))
    if plan_level:
        sections.append((words["plan"], plan_level))
    for heading, kinds in sections:
        lines += [f"## {heading}", ""]
        for kind in ("added", "changed", "moved", "removed", "reordered"):
            if kind in kinds:
                lines += [f"### {words[kind]}", ""]
                lines += [f"- {sentence}" for sentence in kinds[kind]]
                lines.append("")
    return "\n".join(lines)
