"""Each item's history over a sequence of plan versions (built on :func:`uphmodel.diff`)."""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Sequence
from typing import Any

import attrs

from uphmodel._diff import Change, ChangeKind, _keyer, _keys, _label, diff, plan_data
from uphmodel._frozen import FrozenMap
from uphmodel._limits import exact
from uphmodel.model import GoalFate, Plan

__all__ = ["History", "ItemEvent", "history"]


@attrs.frozen
class ItemEvent:
    """Something that happened to an item in one version.

    Attributes:
        version: label of the version.
        date: the version's date, when known.
        kind: ``appeared``, ``changed`` or ``ended``.
        changes: the changes of the item in that version.
        fate: for an ended goal, what the follow-up decided.
    """

    version: str
    date: str | None
    kind: str
    changes: tuple[Change, ...] = ()
    fate: GoalFate | None = None


@attrs.frozen
class History:
    """The history of every item over a sequence of versions, and the latest state.

    Attributes:
        versions: labels of the versions, oldest first.
        items: (collection, id) to the item's events, in version order.
        compiled: the latest state of the plan.
    """

    versions: tuple[str, ...]
    items: FrozenMap[tuple[str, str], tuple[ItemEvent, ...]]
    compiled: Plan

    def of(self, collection: str, item: str) -> tuple[ItemEvent, ...]:
        """The events of one item (``history.of("goals", "bu-risk")``)."""
        return self.items.get((collection, item), ())


@exact
def history(versions: Sequence[Plan]) -> History:
    """Each item's history over ``versions`` (oldest first), in the spirit of OCDS releases.

    An item *appears* in the first version that has it, *changes* in every version that
    changes it (with the changes), and *ends* in the version that no longer has it — with the
    follow-up's decision on it where there is one. ``compiled`` is the latest version.
    """
    if not versions:
        raise ValueError("history() needs at least one version")
    events: dict[tuple[str, str], list[ItemEvent]] = {}
    first = versions[0]
    date = str(first.date) if first.date else None
    for name, keyed in _collections(plan_data(first)):
        for key in keyed:
            events.setdefault((name, key), []).append(ItemEvent(_label(first), date, "appeared"))
    for old, new in itertools.pairwise(versions):
        date = str(new.date) if new.date else None
        grouped: dict[tuple[str, str], list[Change]] = {}
        for change in diff(old, new):
            if change.item is not None:
                grouped.setdefault((change.collection, change.item), []).append(change)
        for item_key, changes in grouped.items():
            whole = [c for c in changes if len(c.path) == 1]
            if whole and whole[0].kind is ChangeKind.ADDED:
                kind, fate = "appeared", None
            elif whole and whole[0].kind is ChangeKind.REMOVED:
                kind, fate = "ended", whole[0].fate
            else:
                kind, fate = "changed", None
            events.setdefault(item_key, []).append(
                ItemEvent(_label(new), date, kind, tuple(changes), fate)
            )
    return History(
        versions=tuple(_label(v) for v in versions),
        items=FrozenMap({key: tuple(value) for key, value in events.items()}),
        compiled=versions[-1],
    )


def _collections(data: dict[str, Any]) -> Iterator[tuple[str, list[str]]]:
    for name, value in data.items():
        if isinstance(value, list):
            keyer = _keyer(name, True)
            keys = _keys(value, keyer) if keyer else None
            if keys:
                yield name, keys
