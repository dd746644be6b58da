"""Rules about ids and references: unique ids, references that resolve, known codes, the
plan's own frameworks, parents without circles."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import attrs

from uphmodel._frozen import FrozenMap
from uphmodel._text import did_you_mean
from uphmodel.frameworks import Catalogue, Resolution, builtin
from uphmodel.frameworks._catalogue import coded_fields, coded_names, in_use
from uphmodel.model import (
    Activity,
    AllocationKey,
    BudgetLine,
    ChangeLogEntry,
    ContactPoint,
    Contribution,
    Decision,
    FollowUpItem,
    FrameworkKind,
    Goal,
    Grant,
    GrantUse,
    Indicator,
    KeyPart,
    Plan,
    Pool,
    PopulationFigure,
    Provenance,
    Responsibility,
    Section,
    SourceDocument,
    Stakeholder,
    Term,
    Total,
)
from uphmodel.rules._engine import (
    CheckContext,
    Finding,
    Severity,
)

ERROR, WARNING, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO


def _unique_ids(plan: Plan, ctx: CheckContext) -> Iterator[Finding]:
    for item_id, path in ctx.index.duplicates:
        yield Finding(
            path=path,
            item=item_id,
            message=f"the id {item_id!r} is already used at {ctx.index.path(item_id)}; "
            "ids must be unique within the plan",
        )
    for i, follow_up in enumerate(plan.follow_ups):
        for j, goal, first in _repeats(item.goal for item in follow_up.items):
            yield Finding(
                path=f"/follow_ups/{i}/items/{j}/goal",
                item=goal,
                message=f"goal {goal!r} is followed up twice in this follow-up "
                f"(also at /follow_ups/{i}/items/{first})",
            )
    for i, version, first in _repeats(change.version for change in plan.changes):
        yield Finding(
            path=f"/changes/{i}/version",
            message=f"version {version!r} appears twice in the change log "
            f"(also at /changes/{first})",
        )


def _repeats(keys: Iterable[str]) -> Iterator[tuple[int, str, int]]:
    """``(index, key, index of its first occurrence)`` for every key seen before."""
    first: dict[str, int] = {}
    for index, key in enumerate(keys):
        if key in first:
            yield index, key, first[key]
        first.setdefault(key, index)


# For each record class: its reference fields and the kinds of item each may point at (None: any
# item of the plan). FollowUpItem.goal and .parent name goals of the version followed up, which
# need not be in this plan, so they are not references here.
_STAKEHOLDER: tuple[type, ...] = (Stakeholder,)


_REFERENCES: dict[type, tuple[tuple[str, tuple[type, ...] | None], ...]] = {
    Plan: (("owners", _STAKEHOLDER),),
    Provenance: (("document", (SourceDocument,)),),
    SourceDocument: (("publisher", _STAKEHOLDER),),
    Section: (("parent", (Section,)),),
    Term: (("refers_to", _STAKEHOLDER),),
    Stakeholder: (("member_of", _STAKEHOLDER), ("part_of", _STAKEHOLDER)),
    ContactPoint: (("organisation", _STAKEHOLDER), ("bodies", _STAKEHOLDER)),
    Responsibility: (("stakeholder", _STAKEHOLDER),),
    Goal: (("parent", (Goal,)), ("indicators", (Indicator,)), ("sections", (Section,))),
    Activity: (("goals", (Goal,)), ("indicators", (Indicator,)), ("sections", (Section,))),
    Decision: (
        ("bodies", _STAKEHOLDER),
        ("members", _STAKEHOLDER),
        ("addressees", _STAKEHOLDER),
        ("subjects", None),
    ),
    ChangeLogEntry: (("decided_by", _STAKEHOLDER),),
    Grant: (
        ("funder", _STAKEHOLDER),
        ("recipient", _STAKEHOLDER),
        ("eligible", _STAKEHOLDER),
        ("part_of", (Grant,)),
        ("key", (AllocationKey,)),
        ("sections", (Section,)),
    ),
    GrantUse: (("activities", (Activity,)),),
    AllocationKey: (
        ("parties", _STAKEHOLDER),
        ("weights", _STAKEHOLDER),
        ("figures", (PopulationFigure,)),
        ("amounts", _STAKEHOLDER),
        ("grants", (Grant,)),
        ("rest", (AllocationKey,)),
    ),
    KeyPart: (("key", (AllocationKey,)),),
    Pool: (("key", (AllocationKey,)),),
    PopulationFigure: (("stakeholder", _STAKEHOLDER),),
    Contribution: (("stakeholder", _STAKEHOLDER),),
    BudgetLine: (("goals", (Goal,)), ("activities", (Activity,))),
    Total: (("parts", None),),
    FollowUpItem: (
        ("successors", (Goal, Activity)),
        ("indicators", (Indicator,)),
        ("sections", (Section,)),
    ),
}


def _resolve(plan: Plan, ctx: CheckContext) -> Iterator[Finding]:
    kind_of = ctx.index.kind
    for path, record in ctx.of(*_REFERENCES):
        for name, kinds in _REFERENCES[type(record)]:
            value = getattr(record, name)
            if value is None:
                continue
            keyed = isinstance(value, FrozenMap)  # keyed by party id
            refs = tuple(value) if keyed else value if isinstance(value, tuple) else (value,)
            for i, ref in enumerate(refs):
                if ref is None:
                    continue
                kind = kind_of(ref)
                if kind is not None and (kinds is None or kind in kinds):
                    continue  # most references are good: their paths are made only when not
                if keyed:
                    where = f"{path}/{name}/{ref}"
                elif isinstance(value, tuple):
                    where = f"{path}/{name}/{i}"
                else:
                    where = f"{path}/{name}"
                if kind is None:
                    yield Finding(
                        path=where, item=ref, message=f"{name} refers to {ref!r}, which is not "
                        "an item of this plan",
                    )  # fmt: skip
                else:
                    wanted = " or ".join(k.__name__ for k in kinds or ())
                    yield Finding(
                        path=where, item=ref, message=f"{name} refers to {ref!r}, which is a "
                        f"{kind.__name__}, not a {wanted}",
                    )  # fmt: skip


def _codes(plan: Plan, ctx: CheckContext) -> Iterator[Finding]:
    catalogue = ctx.catalogue
    used = in_use(plan)
    for i, framework in enumerate(plan.frameworks):
        if framework not in catalogue:
            yield Finding(
                path=f"/frameworks/{i}",
                message=f"{framework!r} is not a known framework"
                f"{did_you_mean(framework, catalogue.ids)} (known: {', '.join(catalogue.ids)}); "
                "define it in own_frameworks or pass it to check(frameworks=...)",
            )
    for path, record in ctx.having(coded_names):
        for name, kind, refs in coded_fields(record):
            single = not isinstance(getattr(record, name), tuple)
            for j, ref in enumerate(refs):
                where = f"{path}/{name}" if single else f"{path}/{name}/{j}"
                finding = _code_finding(catalogue.resolve(ref, kind, used), catalogue, kind)
                if finding is not None:
                    yield attrs.evolve(finding, path=where)


def _code_finding(
    resolution: Resolution, catalogue: Catalogue, kind: FrameworkKind
) -> Finding | None:
    ref = resolution.reference
    if resolution.problem:
        return Finding(path="", message=resolution.problem)
    if not resolution.matches:
        near = catalogue.suggest(ref, kind)
        hint = f"; nearest: {', '.join(near)}" if near else ""
        searched = ", ".join(resolution.searched) or "none"
        return Finding(
            path="",
            message=f"{ref!r} is not a code of the {kind.value} frameworks searched "
            f"({searched}){hint}",
        )
    if len(resolution.matches) > 1:
        ids = [fw.id for fw, _ in resolution.matches]
        return Finding(
            path="",
            message=f"{ref!r} is a code of {' and of '.join(ids)}: write "
            + " or ".join(f"{fid}:{ref}" for fid in ids)
            + " to say which",
        )
    if resolution.unlisted:
        framework = resolution.matches[0][0]
        return Finding(
            path="",
            severity=WARNING,
            message=f"{ref!r} belongs to the framework {framework.id!r}, which the plan does not "
            "list in frameworks",
        )
    return None


def _defined(plan: Plan, ctx: CheckContext) -> Iterator[Finding]:
    builtins = {fw.id: fw for fw in builtin()}
    for i, framework_id, first in _repeats(fw.id for fw in plan.own_frameworks):
        yield Finding(
            path=f"/own_frameworks/{i}/id",
            message=f"the framework {framework_id!r} is defined twice "
            f"(also at /own_frameworks/{first})",
        )
    for i, framework in enumerate(plan.own_frameworks):
        path = f"/own_frameworks/{i}"
        same = builtins.get(framework.id)
        if same is not None and same != framework:
            yield Finding(
                path=f"{path}/id",
                severity=WARNING,
                message=f"the plan's own {framework.id!r} differs from the built-in framework of "
                "that id and replaces it for this plan",
            )
        for j, code, first in _repeats(entry.code for entry in framework.codes):
            yield Finding(
                path=f"{path}/codes/{j}/code",
                message=f"the code {code!r} appears twice in {framework.id!r} "
                f"(also at {path}/codes/{first})",
            )
        parents: dict[str, tuple[str, ...]] = {}
        for entry in framework.codes:  # the first of a twice-used code counts
            parents.setdefault(entry.code, (entry.parent,) if entry.parent else ())
        for j, entry in enumerate(framework.codes):
            if entry.parent is not None and entry.parent not in parents:
                yield Finding(
                    path=f"{path}/codes/{j}/parent",
                    message=f"the parent {entry.parent!r} of {entry.code!r} is not a code of "
                    f"{framework.id!r}{did_you_mean(entry.parent, parents)}",
                )
        for j, cycle in _circles([entry.code for entry in framework.codes], parents):
            yield Finding(
                path=f"{path}/codes/{j}/parent",
                message="parent goes round in a circle: " + " → ".join([*cycle, cycle[0]]),
            )


def _section_numbers(plan: Plan, ctx: CheckContext) -> Iterator[Finding]:
    numbered = [(i, s) for i, s in enumerate(plan.sections) if s.number is not None]
    # Sections of different kinds are numbered apart: chapter 1 and appendix 1 (bilaga 1).
    groups: dict[tuple[str | None, str | None], list[tuple[int, Section]]] = {}
    for i, s in numbered:
        groups.setdefault((s.parent, s.kind), []).append((i, s))
    for (parent, kind), siblings in groups.items():
        for j, number, first in _repeats(s.number or "" for _, s in siblings):
            i, section = siblings[j]
            where = f"under {parent!r}" if parent else "at the top level"
            kinds = f" ({kind})" if kind else ""
            yield Finding(
                path=f"/sections/{i}/number",
                item=section.id,
                message=f"two sections{kinds} {where} have the number {number!r} "
                f"(also /sections/{siblings[first][0]})",
            )


def _cycles(plan: Plan, ctx: CheckContext) -> Iterator[Finding]:
    chains: tuple[tuple[str, tuple[Any, ...], str], ...] = (
        ("goals", plan.goals, "parent"),
        ("sections", plan.sections, "parent"),
        ("stakeholders", plan.stakeholders, "part_of"),
        ("stakeholders", plan.stakeholders, "member_of"),
        ("grants", plan.grants, "part_of"),
    )
    for collection, items, field in chains:
        edges: dict[str, tuple[str, ...]] = {}
        for item in items:
            value = getattr(item, field)
            edges[item.id] = value if isinstance(value, tuple) else (value,) if value else ()
        for i, cycle in _circles([item.id for item in items], edges):
            yield Finding(
                path=f"/{collection}/{i}/{field}",
                item=cycle[0],
                message=f"{field} goes round in a circle: " + " → ".join([*cycle, cycle[0]]),
            )


def _circles(ids: list[str], edges: dict[str, tuple[str, ...]]) -> list[tuple[int, list[str]]]:
    """Each circle among ``edges`` once, told from the id that comes first in ``ids``, with
    that id's position, in the order of ``ids``."""
    position: dict[str, int] = {}
    for i, item in enumerate(ids):
        position.setdefault(item, i)
    reported: set[str] = set()
    found: list[tuple[int, list[str]]] = []
    for cycle in _find_cycles(list(position), edges):
        if reported & set(cycle):
            continue
        reported.update(cycle)
        first = min(range(len(cycle)), key=lambda n: position[cycle[n]])
        cycle = cycle[first:] + cycle[:first]
        found.append((position[cycle[0]], cycle))
    return sorted(found)


def _find_cycles(order: list[str], edges: dict[str, tuple[str, ...]]) -> list[list[str]]:
    """The circles among ``edges``, in one walk (no recursion): each as the ids on it, from
    where the walk entered it. A circle through an id already on one found is not made again
    (it would not be reported), which keeps the walk linear in the edges."""
    state: dict[str, int] = {}  # 1: on the walk's path, 2: done
    at: dict[str, int] = {}  # where an id on the path is
    circled: set[str] = set()
    cycles: list[list[str]] = []
    for root in order:
        if root in state:
            continue
        state[root], at[root] = 1, 0
        path = [root]
        stack = [iter(edges[root])]
        while stack:
            for nxt in stack[-1]:
                if nxt not in edges:
                    continue
                seen = state.get(nxt)
                if seen == 1:
                    if nxt not in circled and path[-1] not in circled:
                        cycle = path[at[nxt] :]
                        circled.update(cycle)
                        cycles.append(cycle)
                elif seen is None:
                    state[nxt], at[nxt] = 1, len(path)
                    path.append(nxt)
                    stack.append(iter(edges[nxt]))
                    break
            else:
                state[path.pop()] = 2
                stack.pop()
    return cycles
