"""A readable change log of a diff, in Swedish or English Markdown, grouped by focus area."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from uphmodel._diff import Change, ChangeKind, PlanDiff, diff, plan_data
from uphmodel._frozen import FrozenMap, JsonValue, thaw
from uphmodel._limits import exact
from uphmodel._text import figure
from uphmodel.frameworks import builtin
from uphmodel.frameworks._catalogue import in_use
from uphmodel.model import FrameworkKind, GoalFate, Plan

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


def _show(value: JsonValue, language: str, money: bool = False) -> str:
    if value is None:
        return _WORDS[language]["nothing"]
    if isinstance(value, bool):
        return ("ja" if value else "nej") if language == "sv" else ("yes" if value else "no")
    if isinstance(value, (int, Decimal)):
        text = figure(Decimal(value)) if language == "sv" else f"{Decimal(value):,}"
        return f"{text} kr" if money and language == "sv" else f"SEK {text}" if money else text
    if isinstance(value, str):
        return _quote(value, language)
    if isinstance(value, tuple):
        return ", ".join(_show(v, language) for v in value) or _WORDS[language]["nothing"]
    if isinstance(value, FrozenMap):
        if "text" in value and isinstance(value["text"], str):
            return _quote(value["text"], language)
        if "value" in value:
            return _show(value["value"], language)
    return _quote(str(thaw(value)), language)


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
        item = self.items.get((collection, key or ""))
        for name in _TITLE_FIELDS:
            if item and isinstance(item.get(name), str):
                text = item[name]
                short = text if len(text) <= 90 else text[:89] + "…"
                return _quote(short, self.language)
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


def _field_name(field: str, language: str) -> str:
    pair = _FIELDS.get(field)
    if pair is None:
        return field
    return pair[0] if language == "sv" else pair[1]


def _sentence(change: Change, ctx: _Context) -> tuple[str, str]:
    """The change as a sentence, and its heading kind."""
    lang, words = ctx.language, _WORDS[ctx.language]
    path = change.path
    if change.item is None:  # a field of the plan itself
        pair = _PLAN_FIELDS.get(path[0].field)
        field = path[0].field if pair is None else pair[0 if lang == "sv" else 1]
        if change.kind is ChangeKind.REORDERED:
            what = _field_name(path[0].field, lang)
            return words["reordered_in"].format(what=what), "reordered"
        key = {ChangeKind.CHANGED: "plan_changed", ChangeKind.ADDED: "plan_added",
               ChangeKind.REMOVED: "plan_removed"}[change.kind]  # fmt: skip
        return words[key].format(field=field, old=_show(change.old, lang),
                                 new=_show(change.new, lang)), change.kind.value  # fmt: skip
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
    old, new = _show(change.old, lang, money), _show(change.new, lang, money)
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
        what = _field_name(nested.field, lang)
        template = "nested_added" if change.kind is ChangeKind.ADDED else "nested_removed"
        if change.kind is ChangeKind.REORDERED:
            return words["reordered_in"].format(what=what), "reordered"
        return words[template].format(what=what, old=old, new=new, **fill), change.kind.value
    field = " / ".join(
        f"{_field_name(s.field, lang)} {ctx.title(s.field, s.key) if s.key else ''}".strip()
        for s in below
    )
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
    for change in changes:
        sentence, kind = _sentence(change, ctx)
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
