"""Converting a plan's codes to another framework through crosswalks, and undoing it.

A reference is converted only when the crosswalk offers exactly one code for it by an accepted
relation; with several candidates, none, or only ``related`` ones it stays as it was and is
listed. Nothing is dropped and nothing is guessed. Every reference keeps its place in its list,
and the plan records what each was (:attr:`uphmodel.Plan.conversions`), so
:func:`revert_framework` can give the original back.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import attrs

from uphmodel._errors import UphError
from uphmodel._tree import update, walk
from uphmodel.frameworks._builtin import builtin
from uphmodel.frameworks._catalogue import Catalogue, coded_fields, in_use
from uphmodel.model import (
    CodeConversion,
    ConversionStatus,
    Crosswalk,
    FocusAreaWording,
    Framework,
    FrameworkConversion,
    Mapping,
    Plan,
    Relation,
)

__all__ = ["ACCEPTED", "Conversion", "ConversionError", "convert_framework", "revert_framework"]

#: The relations by which a reference is converted unless the caller says otherwise: a
#: ``related`` code is not a restatement of the original, so it is offered, not applied.
ACCEPTED = frozenset({Relation.EXACT, Relation.CLOSE, Relation.BROADER, Relation.NARROWER})


class ConversionError(UphError, ValueError):
    """A conversion cannot be made or undone; the message says why."""


@attrs.frozen(kw_only=True)
class Conversion:
    """A plan converted to another framework, and what became of every reference.

    Attributes:
        plan: the converted plan; its last entry of ``conversions`` is ``record``.
        record: every reference to a code of another framework, and what became of it.
    """

    plan: Plan
    record: FrameworkConversion

    @property
    def references(self) -> tuple[CodeConversion, ...]:
        return self.record.references

    def of(self, status: ConversionStatus) -> tuple[CodeConversion, ...]:
        """The references with one status."""
        return tuple(r for r in self.references if r.status is status)

    @property
    def converted(self) -> tuple[CodeConversion, ...]:
        return self.of(ConversionStatus.CONVERTED)

    @property
    def ambiguous(self) -> tuple[CodeConversion, ...]:
        return self.of(ConversionStatus.AMBIGUOUS)

    @property
    def unmapped(self) -> tuple[CodeConversion, ...]:
        return self.of(ConversionStatus.UNMAPPED)

    def summary(self) -> str:
        """One line: how many references, and what became of them."""
        counts = Counter(r.status for r in self.references)
        parts = ", ".join(f"{counts[s]} {s.value}" for s in ConversionStatus)
        n = len(self.references)
        return (
            f"{n} reference{'s' if n != 1 else ''} to convert to {self.record.framework}: {parts}"
        )

    def __str__(self) -> str:
        return "\n".join([*(_line(r) for r in self.references), self.summary()])


def _line(ref: CodeConversion) -> str:
    where = f"{ref.path}" + (f" ({ref.item})" if ref.item else "")
    if ref.status is ConversionStatus.CONVERTED:
        relation = ref.relation.value if ref.relation else "?"
        return f"converted  {where}: {ref.code} → {ref.target} ({relation})"
    return f"{ref.status.value:<10} {where}: {ref.code} — {ref.note}"


def _pairs(mappings: Iterable[Mapping]) -> str:
    return ", ".join(f"{m.target} ({m.relation.value})" for m in mappings if m.target)


def convert_framework(
    plan: Plan,
    to: str,
    *,
    crosswalk: Crosswalk | Iterable[Crosswalk] = (),
    frameworks: Iterable[Framework] = (),
    catalogue: Catalogue | None = None,
    accept: Iterable[Relation] = ACCEPTED,
    date: dt.date | None = None,
) -> Conversion:
    """``plan`` with its references to codes of other frameworks restated in framework ``to``.

    Crosswalks come from ``catalogue`` (default: the built-in ones) and ``crosswalk``; one that
    maps ``to`` onto a framework serves backwards too. Frameworks are the plan's own, the
    catalogue's and ``frameworks``. A reference is converted when the crosswalk offers exactly
    one code for it by a relation in ``accept``; otherwise it stays as it was, and either way
    the returned :class:`Conversion` lists it with its JSON Pointer. The plan's own wording of a
    framework's areas (:attr:`Plan.focus_areas`) is its own text and is kept. ``to`` is added to
    the plan's ``frameworks``. Raises :class:`~uphmodel.frameworks.UnknownFramework` when no
    framework has the id ``to``.

    >>> import uphmodel
    >>> plan = uphmodel.examples.load("jamtland-harjedalen-2018")
    >>> conversion = uphmodel.convert_framework(plan, to="strategy-2025")
    >>> print(conversion.summary())
    32 references to convert to strategy-2025: 20 converted, 0 ambiguous, 12 unmapped
    >>> ref = conversion.converted[0]
    >>> ref.path, ref.code, ref.target, ref.relation.value
    ('/sections/15/focus_areas/0', 'prevention-promotion', 'better-mental-health', 'broader')
    >>> conversion.plan.sections[15].focus_areas
    ('better-mental-health',)
    >>> uphmodel.revert_framework(conversion.plan) == plan
    True
    """
    given = (crosswalk,) if isinstance(crosswalk, Crosswalk) else tuple(crosswalk)
    catalogue = (catalogue or builtin()).for_plan(plan, frameworks).with_crosswalks(*given)
    target = catalogue[to]
    accepted = frozenset(accept) - {Relation.NONE}
    used = in_use(plan)
    after = (*used, to)
    references: list[CodeConversion] = []
    changes: dict[str, Callable[[Any], Any]] = {}
    for path, record in walk(plan):
        if isinstance(record, FocusAreaWording):
            continue  # the plan's own wording of an area of its framework: kept as written
        fields: dict[str, tuple[str, ...]] = {}
        item = getattr(record, "id", None)
        for name, kind, refs in coded_fields(record):
            if kind is not target.kind:
                continue
            new = list(refs)
            for i, ref in enumerate(refs):
                found = _convert_one(catalogue, target, ref, used, after, accepted)
                if found is None:
                    continue  # already a code of the target framework
                found = attrs.evolve(found, path=f"{path}/{name}/{i}", item=item)
                references.append(found)
                if found.target is not None:
                    new[i] = found.target
            if new != list(refs):
                fields[name] = tuple(new)
        if fields:
            changes[path] = _setter(fields)
    added = to not in plan.frameworks
    done = FrameworkConversion(framework=to, added=added, date=date, references=tuple(references))
    converted = attrs.evolve(
        update(plan, changes),
        frameworks=(*plan.frameworks, to) if added else plan.frameworks,
        conversions=(*plan.conversions, done),
    )
    return Conversion(plan=converted, record=done)


def _setter(fields: dict[str, tuple[str, ...]]) -> Callable[[Any], Any]:
    return lambda record: attrs.evolve(record, **fields)


def _convert_one(
    catalogue: Catalogue,
    target: Framework,
    ref: str,
    used: tuple[str, ...],
    after: tuple[str, ...],
    accepted: frozenset[Relation],
) -> CodeConversion | None:
    """What becomes of one reference (its path and item are filled in by the caller)."""
    resolution = catalogue.resolve(ref, target.kind, used)
    found = resolution.found
    base = CodeConversion(path="", code=ref, status=ConversionStatus.UNMAPPED)
    if found is None:
        if resolution.problem:
            note = resolution.problem
        elif resolution.matches:
            note = "defined by " + " and ".join(fw.id for fw, _ in resolution.matches)
            note += ": qualify it as FRAMEWORK:CODE"
        else:
            note = f"not a code of any framework searched ({', '.join(resolution.searched)})"
        return attrs.evolve(base, note=note)
    framework, entry = found
    if framework.id == target.id:
        return None
    base = attrs.evolve(base, framework=framework.id)
    crosswalk = catalogue.crosswalk(framework.id, target.id)
    if crosswalk is None:
        return attrs.evolve(base, note=f"no crosswalk from {framework.id!r} to {target.id!r}")
    base = attrs.evolve(base, crosswalk=crosswalk.id)
    pairs = crosswalk.of(entry.code)
    candidates = [m for m in pairs if m.relation in accepted]
    if len(candidates) > 1:
        return attrs.evolve(
            base,
            status=ConversionStatus.AMBIGUOUS,
            candidates=pairs,
            note=f"{len(candidates)} candidates: {_pairs(candidates)}",
        )
    if not candidates:
        if any(m.relation is Relation.NONE for m in pairs):
            note = f"the crosswalk says {target.id!r} has no counterpart"
        elif pairs:
            note = "no candidate by an accepted relation; the crosswalk offers " + _pairs(pairs)
        else:
            note = "the crosswalk has no pair for it"
        return attrs.evolve(base, candidates=pairs, note=note)
    (pair,) = candidates
    assert pair.target is not None
    if pair.target not in target:
        return attrs.evolve(
            base,
            candidates=pairs,
            note=f"the crosswalk maps it to {pair.target!r}, which is not a code of {target.id!r}",
        )
    written = pair.target
    if len(catalogue.resolve(written, target.kind, after).matches) > 1:
        written = f"{target.id}:{pair.target}"  # the bare code would be ambiguous
    return attrs.evolve(
        base, status=ConversionStatus.CONVERTED, target=written, relation=pair.relation
    )


def _steps(pointer: str) -> Iterator[str]:
    for part in pointer.split("/")[1:]:
        yield part.replace("~1", "/").replace("~0", "~")


def revert_framework(plan: Plan) -> Plan:
    """``plan`` as it was before its last conversion (:func:`convert_framework`).

    Raises :class:`ConversionError` when the plan records no conversion, or when a converted
    reference is no longer where the conversion put it (the plan was edited since).
    """
    if not plan.conversions:
        raise ConversionError("the plan records no conversion to revert")
    record = plan.conversions[-1]
    by_record: dict[str, dict[str, dict[int, CodeConversion]]] = {}
    for ref in record.references:
        if ref.status is not ConversionStatus.CONVERTED:
            continue
        *where, name, index = ref.path.split("/")
        by_record.setdefault("/".join(where), {}).setdefault(name, {})[int(index)] = ref
    missing = [path for path in by_record if not _exists(plan, path)]
    if missing:
        raise ConversionError(
            f"{missing[0]}: the conversion to {record.framework} changed a record that is no "
            "longer there; the plan was edited since"
        )
    changes = {path: _restorer(fields, record.framework) for path, fields in by_record.items()}
    restored = update(plan, changes)
    frameworks = plan.frameworks
    if record.added:
        frameworks = tuple(f for f in frameworks if f != record.framework)
    return attrs.evolve(restored, frameworks=frameworks, conversions=plan.conversions[:-1])


def _exists(plan: Plan, pointer: str) -> bool:
    value: Any = plan
    for step in _steps(pointer):
        if isinstance(value, tuple):
            if not (step.isascii() and step.isdigit()) or int(step) >= len(value):
                return False
            value = value[int(step)]
        elif attrs.has(type(value)) and hasattr(value, step):
            value = getattr(value, step)
        else:
            return False
    return True


def _restorer(fields: dict[str, dict[int, CodeConversion]], framework: str) -> Callable[[Any], Any]:
    def restore(record: Any) -> Any:
        updates: dict[str, tuple[str, ...]] = {}
        for name, refs in fields.items():
            current = list(getattr(record, name, ()))
            for index, ref in refs.items():
                if index >= len(current) or current[index] != ref.target:
                    found = current[index] if index < len(current) else "nothing"
                    raise ConversionError(
                        f"{ref.path}: the conversion to {framework} put {ref.target!r} here, "
                        f"but it holds {found!r}; the plan was edited since"
                    )
                current[index] = ref.code
            updates[name] = tuple(current)
        return attrs.evolve(record, **updates)

    return restore
