"""What changed between two versions of a plan: a semantic diff keyed by the items' stable ids.

:func:`diff` compares the canonical data of two plans. Items of a collection are matched by their
id (change-log rows by version, terms by term, focus-area wordings and a framework's codes by
code, observations by period and breakdown …), never by position, so a change is reported as
what it is: an item added, removed, or changed field by field, a goal moved to another parent,
focus area or section, a list reordered. :func:`apply` replays a diff, with
``apply(old, diff(old, new)) == new``; :func:`to_json_patch` writes it as RFC 6902 operations on
the canonical JSON.

Matching is by dictionaries, so a diff of two plans of *n* items costs O(*n*) time and memory
beyond reading them (a reordered list adds O(*k*²) for its *k* items moved).
"""

from __future__ import annotations

import enum
import json
import typing
from collections.abc import Callable, Iterator, Sequence
from decimal import Decimal
from typing import Any

import attrs

from uphmodel._errors import LoadError, Problem, UphError
from uphmodel._fast import same_json as _same
from uphmodel._frozen import JsonValue, freeze, thaw
from uphmodel._gc import paused
from uphmodel._json import json_text, loads, parse_json, same_records, unstructure
from uphmodel._limits import exact
from uphmodel._typed import hints
from uphmodel._upgrade import SCHEMA_VERSION
from uphmodel.converter import describe
from uphmodel.model import GoalFate, Plan
from uphmodel.model._repr import html_table

__all__ = [
    "Change",
    "ChangeKind",
    "DiffError",
    "PlanDiff",
    "Step",
    "apply",
    "diff",
    "to_json_patch",
]


class DiffError(UphError, ValueError):
    """A diff does not fit the plan it is applied to, or cannot be read."""


class ChangeKind(enum.Enum):
    """What happened at a path."""

    ADDED = "added"  #: an item or a field appeared
    REMOVED = "removed"  #: an item or a field disappeared
    CHANGED = "changed"  #: a value changed
    REORDERED = "reordered"  #: the same items in another order


@attrs.frozen
class Step:
    """One step of a path: into a field, and into the element of a list with a key.

    Attributes:
        field: the field name.
        key: the key of the list element (an id, a version, an observation's period and
            breakdown), or ``None`` for the field itself.
    """

    field: str
    key: str | None = None

    def __str__(self) -> str:
        return self.field if self.key is None else f"{self.field}[{self.key}]"


# Fields whose change moves an item to another place in the plan's structure.
_MOVES = {
    ("goals", "parent"), ("goals", "sections"), ("goals", "focus_areas"),
    ("activities", "goals"), ("activities", "sections"), ("activities", "focus_areas"),
    ("sections", "parent"), ("indicators", "sections"), ("grants", "sections"),
    ("grants", "part_of"),
}  # fmt: skip


@attrs.frozen(kw_only=True)
class Change:
    """One change between two versions.

    Attributes:
        kind: added, removed, changed or reordered.
        path: where, from the plan down (``goals[g1] / text``).
        old: the old value as canonical JSON data (an item, a field's value, a list of keys).
        new: the new value likewise.
        position: for an added list element, its index in the new list.
        moved: true when the change moves an item to another parent goal, focus area or section.
        difference: for numbers (money, counts): ``new - old``.
        fate: for a goal of the old version, what the new version's follow-up decided.
        fate_text: that decision as written.
        successors: ids of what carries the goal on, according to the follow-up.
    """

    kind: ChangeKind
    path: tuple[Step, ...]
    old: JsonValue = None
    new: JsonValue = None
    position: int | None = None
    moved: bool = False
    difference: Decimal | None = None
    fate: GoalFate | None = None
    fate_text: str | None = None
    successors: tuple[str, ...] = ()

    @property
    def collection(self) -> str:
        """The plan's field the change is in ("goals", "pools", "title")."""
        return self.path[0].field

    @property
    def item(self) -> str | None:
        """The id (or key) of the top-level item changed, if any."""
        return self.path[0].key

    @property
    def field(self) -> str:
        """The path below the item, as text ("text", "budget_lines[b1].amount")."""
        below = self.path[1:] if self.path[0].key is not None else self.path
        return ".".join(str(step) for step in below)

    def __str__(self) -> str:
        where = " / ".join(str(s) for s in self.path)
        if self.kind is ChangeKind.CHANGED:
            return f"changed {where}: {_short(self.old)} → {_short(self.new)}"
        if self.kind is ChangeKind.REORDERED:
            return f"reordered {where}"
        value = self.new if self.kind is ChangeKind.ADDED else self.old
        return f"{self.kind.value} {where}: {_short(value)}"


def _short(value: JsonValue, limit: int = 60) -> str:
    if isinstance(value, (int, Decimal)) and not isinstance(value, bool):
        return str(value)
    text = json.dumps(thaw(value), ensure_ascii=False, default=str)
    return text if len(text) <= limit else text[: limit - 1] + "…"


@attrs.frozen(kw_only=True)
class PlanDiff:
    """The changes from one version of a plan to another.

    Attributes:
        old: label of the old version (its version label, else its id).
        new: label of the new version.
        changes: every change, in the order :func:`apply` replays them.
    """

    old: str | None = None
    new: str | None = None
    changes: tuple[Change, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.changes)

    def __len__(self) -> int:
        return len(self.changes)

    def __iter__(self) -> Iterator[Change]:
        return iter(self.changes)

    def __repr__(self) -> str:
        count = len(self.changes)
        return f"PlanDiff({self.old!r} → {self.new!r}, {count} change{'s' if count != 1 else ''})"

    def _repr_html_(self) -> str:
        """The changes as a table in a notebook."""
        rows = ((c.kind.value, c.path, str(c)) for c in self.changes)
        head = f"<p>{len(self.changes)} changes from <b>{self.old}</b> to <b>{self.new}</b></p>"
        return head + html_table(("kind", "where", "change"), rows)

    def of(self, collection: str) -> tuple[Change, ...]:
        """The changes in one collection ("goals")."""
        return tuple(c for c in self.changes if c.collection == collection)

    def to_data(self) -> dict[str, Any]:
        """Plain JSON data (exact numbers) for :func:`json.dumps`-like writers."""
        return {
            "old": self.old,
            "new": self.new,
            "changes": [_change_data(c) for c in self.changes],
        }

    def dumps(self) -> str:
        """The diff as JSON text; :meth:`loads` reads it back."""
        return json_text(self.to_data())

    @classmethod
    def loads(cls, text: str | bytes, *, source: str | None = None) -> PlanDiff:
        """Read a diff written by :meth:`dumps`.

        Raises :class:`~uphmodel.LoadError` with every problem and its JSON Pointer when the
        text is not a plan diff (read within the same :class:`~uphmodel.Limits` as a plan).
        """
        data = parse_json(text, source)
        problems: list[Problem] = []
        if not isinstance(data, dict):
            raise LoadError([Problem("", "a plan diff must be a JSON object")], source)
        for name in ("old", "new"):
            if data.get(name) is not None and not isinstance(data[name], str):
                problems.append(Problem(f"/{name}", f"expected text, got {describe(data[name])}"))
        items = data.get("changes")
        if not isinstance(items, list):
            problems.append(Problem("/changes", f"expected a list, got {describe(items)}"))
            items = []
        changes = []
        for n, item in enumerate(items):
            try:
                changes.append(_change_from(item, f"/changes/{n}"))
            except _Bad as bad:
                problems.append(bad.problem)
        if problems:
            raise LoadError(problems, source)
        return cls(old=data.get("old"), new=data.get("new"), changes=tuple(changes))


class _Bad(Exception):
    def __init__(self, path: str, message: str) -> None:
        self.problem = Problem(path, message)


def _change_data(change: Change) -> dict[str, Any]:
    out: dict[str, Any] = {
        "kind": change.kind.value,
        "path": [[s.field] if s.key is None else [s.field, s.key] for s in change.path],
    }
    if change.kind is not ChangeKind.ADDED:
        out["old"] = thaw(change.old)
    if change.kind is not ChangeKind.REMOVED:
        out["new"] = thaw(change.new)
    for name in ("position", "difference", "fate_text"):
        value = getattr(change, name)
        if value is not None:
            out[name] = value
    if change.moved:
        out["moved"] = True
    if change.fate is not None:
        out["fate"] = change.fate.value
    if change.successors:
        out["successors"] = list(change.successors)
    return out


def _change_from(data: Any, where: str) -> Change:
    """A change from its JSON data; :class:`_Bad` names the first thing wrong with it."""
    if not isinstance(data, dict):
        raise _Bad(where, f"a change must be an object, got {describe(data)}")
    kinds = [k.value for k in ChangeKind]
    if data.get("kind") not in kinds:
        raise _Bad(f"{where}/kind", f"expected one of {kinds}, got {describe(data.get('kind'))}")
    path = data.get("path")
    if not isinstance(path, list) or not path:
        raise _Bad(f"{where}/path", f"expected a list of steps, got {describe(path)}")
    steps = []
    for n, step in enumerate(path):
        if not (isinstance(step, list) and 1 <= len(step) <= 2
                and all(isinstance(part, str) for part in step)):  # fmt: skip
            raise _Bad(f"{where}/path/{n}", "a step is [field] or [field, key], both text, "
                                            f"got {describe(step)}")  # fmt: skip
        steps.append(Step(*step))
    checks: dict[str, Callable[[Any], bool]] = {
        "position": lambda v: type(v) is int and v >= 0,
        "moved": lambda v: type(v) is bool,
        "difference": lambda v: isinstance(v, (int, Decimal)) and not isinstance(v, bool),
        "fate": lambda v: v in {f.value for f in GoalFate},
        "fate_text": lambda v: isinstance(v, str),
        "successors": lambda v: isinstance(v, list) and all(isinstance(s, str) for s in v),
    }
    for name, ok in checks.items():
        if data.get(name) is not None and not ok(data[name]):
            raise _Bad(f"{where}/{name}", f"not a valid {name}: {describe(data[name])}")
    try:
        return Change(
            kind=ChangeKind(data["kind"]),
            path=tuple(steps),
            old=freeze(data.get("old")),
            new=freeze(data.get("new")),
            position=data.get("position"),
            moved=bool(data.get("moved", False)),
            difference=None if data.get("difference") is None else Decimal(data["difference"]),
            fate=GoalFate(data["fate"]) if data.get("fate") else None,
            fate_text=data.get("fate_text"),
            successors=tuple(data.get("successors", ())),
        )
    except (TypeError, ValueError) as exc:
        raise _Bad(where, str(exc)) from None


# --------------------------------------------------------------------------------------------
# Keys of list elements


def _value_key(item: dict[str, Any]) -> str:
    """An observation's or a target's key: its period, breakdown and statistic."""
    breakdown = ",".join(f"{k}={v}" for k, v in sorted((item.get("breakdown") or {}).items()))
    return f"{item.get('period', '')}|{breakdown}|{item.get('statistic', '')}"


def _field(name: str) -> Callable[[dict[str, Any]], str]:
    return lambda item: str(item[name])


#: The field that keys the elements of a plan's list (other than ``id``).
_TOP_KEY_FIELDS = {"changes": "version", "terms": "term", "focus_areas": "code",
                   "relations": "plan"}  # fmt: skip
_TOP_KEYS: dict[str, Callable[[dict[str, Any]], str]] = {
    name: _field(key) for name, key in _TOP_KEY_FIELDS.items()
}
_NESTED_KEYS: dict[str, Callable[[dict[str, Any]], str]] = {
    "observations": _value_key,
    "baselines": _value_key,
    "targets": _value_key,
    "items": _field("goal"),
    "parts": _field("key"),
    "responsibilities": lambda r: f"{r['stakeholder']}|{r.get('role', 'responsible')}",
    "phases": lambda p: f"{p.get('label', '')}|{p.get('period', '')}|{p['text']}",
    "codes": _field("code"),  # a framework's codes
    "mappings": lambda m: f"{m['source']}|{m.get('target', '')}",
    "references": _field("path"),  # a conversion's references
}


def _keyer(field: str, top: bool) -> Callable[[dict[str, Any]], str] | None:
    if top and field in _TOP_KEYS:
        return _TOP_KEYS[field]
    if not top and field in _NESTED_KEYS:
        return _NESTED_KEYS[field]
    return _field("id")


def _keys(items: list[Any], keyer: Callable[[dict[str, Any]], str]) -> list[str] | None:
    """The keys of a list's elements, or ``None`` when it cannot be matched by key."""
    try:
        keys = [keyer(item) for item in items if isinstance(item, dict)]
    except KeyError:
        return None
    if len(keys) != len(items) or len(set(keys)) != len(keys):
        return None
    return keys


# --------------------------------------------------------------------------------------------
# diff

_MISSING = object()


def plan_data(plan: Plan) -> dict[str, Any]:
    """The plan as canonical JSON data (without ``schema_version``)."""
    return unstructure(plan)


def _label(plan: Plan) -> str:
    return plan.version or plan.id


@exact
@paused
def diff(old: Plan, new: Plan) -> PlanDiff:
    """The changes from ``old`` to ``new``.

    Where ``new`` carries a follow-up that decides on a goal of ``old``, the goal's changes say
    so: a removed goal shows as fulfilled or merged into another, not just removed.

    >>> import attrs, uphmodel
    >>> old = uphmodel.examples.load("jamtland-harjedalen-2018")
    >>> new = attrs.evolve(old, version="1.25", goals=old.goals[1:])
    >>> [str(c.path[0]) for c in uphmodel.diff(old, new)]
    ['version', 'goals[bu-risk]']
    """
    changes: list[Change] = []
    _diff_top(_top(old), _top(new), changes)
    fates = {item.goal: item for item in _decisions_on(old, new)}
    annotated = [_annotate(change, fates) for change in changes]
    return PlanDiff(old=_label(old), new=_label(new), changes=tuple(annotated))


def _decisions_on(old: Plan, new: Plan) -> Iterator[Any]:
    """The follow-up decisions in ``new`` on the goals of ``old``.

    Those of a follow-up that names ``old`` (its plan id or version), and any decision that is
    new in ``new`` — earlier follow-ups carried along (the 2017 goals in a 2018 plan) are not.
    """
    earlier = {(f.id, item.goal) for f in old.follow_ups for item in f.items}
    for follow_up in new.follow_ups:
        names_old = follow_up.of_plan == old.id and follow_up.of_version in (None, old.version)
        names_version = follow_up.of_version is not None and follow_up.of_version == old.version
        for item in follow_up.items:
            if names_old or names_version or (follow_up.id, item.goal) not in earlier:
                yield item


def _annotate(change: Change, fates: dict[str, Any]) -> Change:
    extra: dict[str, Any] = {}
    if len(change.path) >= 2 and (change.path[0].field, change.path[1].field) in _MOVES:
        extra["moved"] = change.path[0].key is not None and change.path[1].key is None
    if (
        change.kind is ChangeKind.CHANGED
        and isinstance(change.old, (int, Decimal))
        and isinstance(change.new, (int, Decimal))
        and not isinstance(change.old, bool)
        and not isinstance(change.new, bool)
    ):
        extra["difference"] = Decimal(change.new) - Decimal(change.old)
    if change.collection == "goals" and change.item in fates:
        decision = fates[change.item]
        extra.update(fate=decision.fate, fate_text=decision.fate_text,
                     successors=decision.successors)  # fmt: skip
    return attrs.evolve(change, **extra) if extra else change


def _diff_dict(
    path: tuple[Step, ...], a: dict[str, Any], b: dict[str, Any], out: list[Change], top: bool
) -> None:
    for name in [*a, *(k for k in b if k not in a)]:
        av, bv = a.get(name, _MISSING), b.get(name, _MISSING)
        if av is not _MISSING and bv is not _MISSING and _same(av, bv):
            continue
        here = (*path, Step(name))
        if av is _MISSING:
            out.append(Change(kind=ChangeKind.ADDED, path=here, new=freeze(bv)))
        elif bv is _MISSING:
            out.append(Change(kind=ChangeKind.REMOVED, path=here, old=freeze(av)))
        elif isinstance(av, list) and isinstance(bv, list):
            _diff_list(path, name, av, bv, out, top)
        elif isinstance(av, dict) and isinstance(bv, dict):
            _diff_dict(here, av, bv, out, top=False)
        else:
            out.append(Change(kind=ChangeKind.CHANGED, path=here, old=freeze(av), new=freeze(bv)))


class _Records(tuple[Any, ...]):
    """A plan's list of records, left as records until something in it differs."""

    __slots__ = ()


def _top(plan: Plan) -> dict[str, Any]:
    """The plan's canonical JSON data with the lists of records keyed by a field of their own
    (goals, indicators …) kept as :class:`_Records`: fields in the order ``plan_data`` writes
    them, unknown fields last."""
    lists = _record_lists()
    shallow = unstructure(attrs.evolve(typing.cast(Any, plan), **dict.fromkeys(lists, ())))
    out: dict[str, Any] = {}
    for name in _plan_order():
        if name in lists:
            value = getattr(plan, name)
            if value:
                out[name] = _Records(value)
        elif name in shallow:
            out[name] = shallow.pop(name)
    out.update(shallow)  # unknown fields
    return out


_LISTS: list[dict[str, str]] = []


def _record_lists() -> dict[str, str]:
    """The plan's fields that hold records matched by a field of their own, and that field."""
    if not _LISTS:
        found: dict[str, str] = {}
        for f in attrs.fields(Plan):
            hint = hints(Plan)[f.name]
            args = typing.get_args(hint)
            if typing.get_origin(hint) is not tuple or not args or not attrs.has(args[0]):
                continue
            key = _TOP_KEY_FIELDS.get(f.name, "id")
            names = {a.name: a for a in attrs.fields(args[0])}
            if key in names and names[key].default is attrs.NOTHING:  # always written
                found[f.name] = key
        _LISTS.append(found)
    return _LISTS[0]


def _plan_order() -> list[str]:
    """The plan's fields in the order its data is written: those without a default first."""
    fields = [f for f in attrs.fields(Plan) if f.name != "extra"]
    return [f.name for f in sorted(fields, key=lambda f: f.default is not attrs.NOTHING)]


def _data(value: Any) -> Any:
    return [unstructure(item) for item in value] if isinstance(value, _Records) else value


def _diff_top(a: dict[str, Any], b: dict[str, Any], out: list[Change]) -> None:
    """:func:`_diff_dict` of two plans' :func:`_top` data."""
    for name in [*a, *(k for k in b if k not in a)]:
        av, bv = a.get(name, _MISSING), b.get(name, _MISSING)
        if isinstance(av, _Records) and isinstance(bv, _Records):
            _diff_records((), name, av, bv, out)
        elif av is not _MISSING and bv is not _MISSING:
            _diff_dict((), {name: _data(av)}, {name: _data(bv)}, out, top=True)
        elif av is _MISSING:
            out.append(Change(kind=ChangeKind.ADDED, path=(Step(name),), new=freeze(_data(bv))))
        else:
            out.append(Change(kind=ChangeKind.REMOVED, path=(Step(name),), old=freeze(_data(av))))


def _diff_records(
    path: tuple[Step, ...], name: str, a: tuple[Any, ...], b: tuple[Any, ...], out: list[Change]
) -> None:
    """:func:`_diff_list` of two lists of records, unstructuring only the records that differ
    (records that write the same JSON are told apart without writing it)."""
    if len(a) == len(b) and all(map(same_records, a, b)):
        return
    key = _record_lists()[name]
    ka = [str(getattr(item, key)) for item in a]
    kb = [str(getattr(item, key)) for item in b]
    if len(set(ka)) != len(ka) or len(set(kb)) != len(kb):  # not matched by key: as data
        _diff_list(path, name, _data(a), _data(b), out, top=True)
        return
    _diff_keyed(path, name, (ka, a), (kb, b), out, same_records, unstructure)


def _diff_list(
    path: tuple[Step, ...], name: str, a: list[Any], b: list[Any], out: list[Change], top: bool
) -> None:
    keyer = _keyer(name, top)
    ka = _keys(a, keyer) if keyer else None
    kb = _keys(b, keyer) if keyer else None
    if ka is None or kb is None:
        out.append(
            Change(kind=ChangeKind.CHANGED, path=(*path, Step(name)), old=freeze(a), new=freeze(b))
        )
        return
    _diff_keyed(path, name, (ka, a), (kb, b), out, _same, lambda item: item)


Keyed = tuple[list[str], Sequence[Any]]


def _diff_keyed(
    path: tuple[Step, ...],
    name: str,
    a: Keyed,
    b: Keyed,
    out: list[Change],
    same: Callable[[Any, Any], bool],
    data: Callable[[Any], Any],
) -> None:
    """The changes between two lists matched by their keys (``a`` and ``b``: the keys and the
    items): removed, changed, added, reordered. ``same`` tells items apart; ``data`` gives
    an item's JSON data."""
    (ka, items_a), (kb, items_b) = a, b
    in_b = dict(zip(kb, items_b, strict=True))
    in_a = dict(zip(ka, items_a, strict=True))
    for key, item in in_a.items():
        if key not in in_b:
            out.append(Change(kind=ChangeKind.REMOVED, path=(*path, Step(name, key)),
                              old=freeze(data(item))))  # fmt: skip
    for key, item in in_a.items():
        if key in in_b and not same(item, in_b[key]):
            old, new = data(item), data(in_b[key])
            if old is item or not _same(old, new):
                _diff_dict((*path, Step(name, key)), old, new, out, top=False)
    for position, key in enumerate(kb):
        if key not in in_a:
            out.append(Change(kind=ChangeKind.ADDED, path=(*path, Step(name, key)),
                              new=freeze(data(in_b[key])), position=position))  # fmt: skip
    kept_a = [k for k in ka if k in in_b]
    kept_b = [k for k in kb if k in in_a]
    if kept_a != kept_b:
        out.append(Change(kind=ChangeKind.REORDERED, path=(*path, Step(name)),
                          old=tuple(ka), new=tuple(kb)))  # fmt: skip


# --------------------------------------------------------------------------------------------
# apply and JSON Patch


def _pointer(parts: Sequence[str | int]) -> str:
    return "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in parts)


class _Document:
    """Canonical JSON data being changed, recording each step as a JSON Patch operation."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.data = data
        self.ops: list[dict[str, Any]] = []

    def _container(self, path: Sequence[Step], top: bool = True) -> tuple[Any, list[str | int]]:
        """The object that holds the last step, and its JSON Pointer parts."""
        node: Any = self.data
        parts: list[str | int] = []
        for depth, step in enumerate(path):
            if not isinstance(node, dict):
                raise DiffError(f"the plan has no {_where(path[: depth + 1])}")
            if depth == len(path) - 1:
                return node, parts  # the last step is checked by the operation
            if step.field not in node:
                raise DiffError(f"the plan has no {_where(path[: depth + 1])}")
            if step.key is None:
                node, parts = node[step.field], [*parts, step.field]
                continue
            items = node[step.field]
            index = self._index(items, step, depth == 0 and top, path[: depth + 1])
            node, parts = items[index], [*parts, step.field, index]
        raise DiffError("an empty path")  # pragma: no cover - paths are never empty

    @staticmethod
    def _index(items: Any, step: Step, top: bool, path: Sequence[Step]) -> int:
        keyer = _keyer(step.field, top)
        if isinstance(items, list) and keyer is not None:
            for index, item in enumerate(items):
                try:
                    if isinstance(item, dict) and keyer(item) == step.key:
                        return index
                except KeyError:
                    continue
        raise DiffError(f"the plan has no {_where(path)}")

    def apply(self, change: Change) -> None:
        path = change.path
        last = path[-1]
        node, parts = self._container(path)
        top = len(path) == 1
        old, new = thaw(change.old), thaw(change.new)
        if last.key is None:
            where = [*parts, last.field]
            present = last.field in node
            if change.kind is ChangeKind.ADDED:
                if present:
                    raise DiffError(f"{_where(path)} is already in the plan")
                node[last.field] = new
                self.ops.append({"op": "add", "path": _pointer(where), "value": new})
            elif change.kind is ChangeKind.REMOVED:
                if not present or not _same(node[last.field], old):
                    raise DiffError(f"{_where(path)} is not {_short(change.old)} in this plan")
                del node[last.field]
                self.ops.append({"op": "remove", "path": _pointer(where)})
            elif change.kind is ChangeKind.CHANGED:
                if not present or not _same(node[last.field], old):
                    raise DiffError(f"{_where(path)} is not {_short(change.old)} in this plan")
                node[last.field] = new
                self.ops.append({"op": "replace", "path": _pointer(where), "value": new})
            else:
                self._reorder(node, parts, last.field, typing.cast(list[str], new), top, path)
            return
        items = node.get(last.field)
        if change.kind is ChangeKind.ADDED:
            if items is None:
                items = node[last.field] = []
                self.ops.append({"op": "add", "path": _pointer([*parts, last.field]), "value": []})
            keyer = _keyer(last.field, top)
            if keyer and any(isinstance(i, dict) and keyer(i) == last.key for i in items):
                raise DiffError(f"{_where(path)} is already in the plan")
            position = min(change.position or 0, len(items))
            items.insert(position, new)
            self.ops.append({"op": "add", "path": _pointer([*parts, last.field, position]),
                             "value": new})  # fmt: skip
            return
        index = self._index(items, last, top, path)
        if change.kind is not ChangeKind.REMOVED or not _same(items[index], old):
            raise DiffError(f"{_where(path)} is not {_short(change.old)} in this plan")
        del items[index]
        self.ops.append({"op": "remove", "path": _pointer([*parts, last.field, index])})
        if not items:
            del node[last.field]
            self.ops.append({"op": "remove", "path": _pointer([*parts, last.field])})

    def _reorder(
        self, node: Any, parts: list[str | int], name: str, new: list[str], top: bool,
        path: Sequence[Step],
    ) -> None:  # fmt: skip
        items = node.get(name)
        keyer = _keyer(name, top)
        keys = _keys(items, keyer) if isinstance(items, list) and keyer else None
        if keys is None or sorted(keys) != sorted(new):
            raise DiffError(f"{_where(path)} does not hold the items the diff reorders")
        for target, key in enumerate(new):
            current = keys.index(key)
            if current != target:
                items.insert(target, items.pop(current))
                keys.insert(target, keys.pop(current))
                self.ops.append({"op": "move", "from": _pointer([*parts, name, current]),
                                 "path": _pointer([*parts, name, target])})  # fmt: skip


def _where(path: Sequence[Step]) -> str:
    return " / ".join(str(step) for step in path)


def _replay(plan: Plan, changes: PlanDiff) -> _Document:
    document = _Document(plan_data(plan))  # fresh data of our own: changed in place, no copy
    for change in changes:
        document.apply(change)
    return document


@paused
def apply(plan: Plan, changes: PlanDiff) -> Plan:
    """``plan`` with ``changes`` applied: ``apply(old, diff(old, new)) == new``.

    Raises :class:`DiffError` naming the first path that does not fit (an item the diff changes
    is missing, or holds another value than the diff expects), and :class:`~uphmodel.LoadError`
    when the result is not a valid plan.
    """
    document = _replay(plan, changes)
    data = {"schema_version": SCHEMA_VERSION, **document.data}
    try:
        return loads(json_text(data))
    except LoadError as exc:
        raise DiffError(f"the diff makes an invalid plan: {exc}") from None


def to_json_patch(plan: Plan, changes: PlanDiff) -> list[dict[str, Any]]:
    """The diff as RFC 6902 JSON Patch operations on ``plan``'s canonical JSON.

    Applied to ``uphmodel.dumps(old)`` they give ``uphmodel.dumps(new)``.
    """
    return _replay(plan, changes).ops
