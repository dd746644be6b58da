"""A catalogue of frameworks and crosswalks: a value that resolves the codes a plan refers to.

There is no registry to mutate: a :class:`Catalogue` is built from the built-in frameworks, a
plan's own and any a caller passes, and a new one is returned for every addition.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

import attrs

from uphmodel._errors import UphError
from uphmodel._text import did_you_mean, nearest
from uphmodel.model import Crosswalk, Framework, FrameworkCode, FrameworkKind, Plan

__all__ = ["Catalogue", "Resolution", "UnknownFramework"]


class UnknownFramework(UphError, KeyError):
    """No framework of the catalogue has that id."""

    def __str__(self) -> str:  # KeyError would show the message in quotes
        return str(self.args[0])


@attrs.frozen(kw_only=True)
class Resolution:
    """What a reference to a code (``fewer-suicides``, ``strategy-2025:fewer-suicides``) is.

    Attributes:
        reference: the reference as written.
        matches: the frameworks that define it and their entries; one when it resolves, none when
            no framework searched has it, several when it is ambiguous.
        searched: ids of the frameworks searched, in order.
        unlisted: true when the plan lists frameworks of this kind but the code was found only
            in a framework it does not list.
        problem: what is wrong with a qualified reference (an unknown framework, one of another
            kind, a code it does not have); ``None`` otherwise.
    """

    reference: str
    matches: tuple[tuple[Framework, FrameworkCode], ...] = ()
    searched: tuple[str, ...] = ()
    unlisted: bool = False
    problem: str | None = None

    @property
    def found(self) -> tuple[Framework, FrameworkCode] | None:
        """The one framework and entry the reference stands for, or ``None``."""
        return self.matches[0] if len(self.matches) == 1 and self.problem is None else None


def _folded(label: str) -> str:
    """A label as someone might write it as a code: "Barn och unga" as ``barn-och-unga``."""
    return re.sub(r"[\s_/]+", "-", label.strip().casefold())


@attrs.frozen
class Catalogue:
    """Frameworks and crosswalks by id, for resolving references and finding crosswalks.

    ``Catalogue(frameworks, crosswalks)``; ids must be unique. :meth:`with_frameworks` and
    :meth:`with_crosswalks` return a new catalogue in which later ones replace earlier ones of
    the same id.

    >>> from uphmodel import frameworks
    >>> catalogue = frameworks.builtin()
    >>> catalogue["strategy-2025"].get("fewer-suicides").label
    'Färre liv förlorade i suicid'
    >>> catalogue.resolve("fewer-suicide", FrameworkKind.FOCUS_AREAS).matches
    ()
    >>> catalogue.suggest("fewer-suicide", FrameworkKind.FOCUS_AREAS)
    ['fewer-suicides']
    """

    frameworks: tuple[Framework, ...] = ()
    crosswalks: tuple[Crosswalk, ...] = ()
    _index: dict[str, Framework] = attrs.field(init=False, repr=False, eq=False, hash=False)

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.frameworks, tuple) or not isinstance(self.crosswalks, tuple):
            raise TypeError("a catalogue holds tuples of frameworks and of crosswalks")
        index: dict[str, Framework] = {}
        for framework in self.frameworks:
            if not isinstance(framework, Framework):
                raise TypeError(f"expected a Framework, not {type(framework).__name__}")
            if framework.id in index:
                raise ValueError(f"two frameworks have the id {framework.id!r}")
            index[framework.id] = framework
        for crosswalk in self.crosswalks:
            if not isinstance(crosswalk, Crosswalk):
                raise TypeError(f"expected a Crosswalk, not {type(crosswalk).__name__}")
        object.__setattr__(self, "_index", index)

    # ----------------------------------------------------------------------------------------
    # frameworks by id

    @property
    def ids(self) -> tuple[str, ...]:
        """The ids of the frameworks, in order."""
        return tuple(self._index)

    def get(self, framework_id: str) -> Framework | None:
        """The framework with that id, or ``None``."""
        return self._index.get(framework_id)

    def __getitem__(self, framework_id: str) -> Framework:
        found = self._index.get(framework_id)
        if found is None:
            raise UnknownFramework(
                f"no framework {framework_id!r} in the catalogue"
                f"{did_you_mean(framework_id, self._index)} (known: {', '.join(self._index)})"
            )
        return found

    def __contains__(self, framework_id: object) -> bool:
        return framework_id in self._index

    def __iter__(self) -> Iterator[Framework]:
        return iter(self.frameworks)

    def __len__(self) -> int:
        return len(self.frameworks)

    def of_kind(self, kind: FrameworkKind) -> tuple[Framework, ...]:
        """The frameworks whose codes fields of ``kind`` take."""
        return tuple(fw for fw in self.frameworks if fw.kind is kind)

    # ----------------------------------------------------------------------------------------
    # new catalogues

    def with_frameworks(self, *frameworks: Framework) -> Catalogue:
        """A catalogue with ``frameworks`` added; each replaces one of the same id in place."""
        merged = dict(self._index)
        for framework in frameworks:
            merged[framework.id] = framework
        return Catalogue(tuple(merged.values()), self.crosswalks)

    def with_crosswalks(self, *crosswalks: Crosswalk) -> Catalogue:
        """A catalogue with ``crosswalks`` added; each replaces one of the same id."""
        merged = {cw.id: cw for cw in self.crosswalks}
        for crosswalk in crosswalks:
            merged.pop(crosswalk.id, None)
            merged[crosswalk.id] = crosswalk
        return Catalogue(self.frameworks, tuple(merged.values()))

    def for_plan(self, plan: Plan, frameworks: Iterable[Framework] = ()) -> Catalogue:
        """This catalogue with the plan's own frameworks added, then ``frameworks``."""
        return self.with_frameworks(*plan.own_frameworks, *frameworks)

    # ----------------------------------------------------------------------------------------
    # references

    def resolve(self, reference: str, kind: FrameworkKind, uses: Iterable[str] = ()) -> Resolution:
        """What ``reference`` stands for in a field of ``kind`` of a plan that uses ``uses``.

        A qualified reference (``strategy-2025:fewer-suicides``) names its framework. A bare
        code is looked up first in the frameworks of ``kind`` the plan uses (the ids in
        ``uses``), then, if it is not there, in every framework of ``kind``.
        """
        framework_id, qualified, code = reference.partition(":")
        used = set(uses)
        if qualified:
            return self._resolve_qualified(reference, framework_id, code, kind, used)
        of_kind = self.of_kind(kind)
        listed = [fw for fw in of_kind if fw.id in used]
        searched: list[str] = []
        for scope in (listed, of_kind) if listed else (of_kind,):
            searched.extend(fw.id for fw in scope if fw.id not in searched)
            matches = tuple((fw, entry) for fw in scope if (entry := fw.get(reference)))
            if matches:
                return Resolution(
                    reference=reference,
                    matches=matches,
                    searched=tuple(searched),
                    unlisted=bool(listed) and scope is of_kind,
                )
        return Resolution(reference=reference, searched=tuple(searched))

    def _resolve_qualified(
        self, reference: str, framework_id: str, code: str, kind: FrameworkKind, uses: set[str]
    ) -> Resolution:
        framework = self._index.get(framework_id)
        if framework is None:
            return Resolution(
                reference=reference,
                problem=f"{reference!r} names the framework {framework_id!r}, which is not known"
                f"{did_you_mean(framework_id, self._index)}",
            )
        entry = framework.get(code)
        problem: str | None = None
        if framework.kind is not kind:
            problem = (
                f"{reference!r} names a framework of {framework.kind.value}, not of {kind.value}"
            )
        elif entry is None:
            problem = (
                f"{code!r} is not a code of {framework_id!r}"
                f"{did_you_mean(code, [e.code for e in framework.codes])}"
            )
        return Resolution(
            reference=reference,
            matches=((framework, entry),) if entry is not None else (),
            searched=(framework_id,),
            unlisted=bool(uses) and framework_id not in uses,
            problem=problem,
        )

    def suggest(self, reference: str, kind: FrameworkKind) -> list[str]:
        """Codes of frameworks of ``kind`` close to ``reference`` or to their labels."""
        _, _, code = reference.rpartition(":")
        choices: dict[str, str] = {}
        for framework in self.of_kind(kind):
            for entry in framework.codes:
                choices.setdefault(entry.code, entry.code)
                choices.setdefault(_folded(entry.label), entry.code)
                if entry.label_en:
                    choices.setdefault(_folded(entry.label_en), entry.code)
        found = nearest(code, choices)
        return list(dict.fromkeys(choices[f] for f in found))

    # ----------------------------------------------------------------------------------------
    # crosswalks

    def crosswalk(self, source: str, target: str) -> Crosswalk | None:
        """A crosswalk from framework ``source`` to ``target``: a direct one (the last added),
        else one the other way, read backwards; ``None`` when there is none."""
        for crosswalk in reversed(self.crosswalks):
            if (crosswalk.source_framework, crosswalk.target_framework) == (source, target):
                return crosswalk
        for crosswalk in reversed(self.crosswalks):
            if (crosswalk.source_framework, crosswalk.target_framework) == (target, source):
                return crosswalk.inverse()
        return None


def coded_fields(record: Any) -> Iterator[tuple[str, FrameworkKind, tuple[str, ...]]]:
    """The fields of ``record`` that refer to codes: name, kind, references (a one-tuple for a
    field of a single code)."""
    for name, kind in coded_names(type(record)):
        value = getattr(record, name)
        yield name, kind, value if isinstance(value, tuple) else (value,)


_CODED: dict[type, tuple[tuple[str, FrameworkKind], ...]] = {}


def coded_names(cls: type) -> tuple[tuple[str, FrameworkKind], ...]:
    """The fields of a record class that refer to codes, with the kind of their frameworks."""
    found = _CODED.get(cls)
    if found is None:
        found = _CODED[cls] = tuple(
            (f.name, FrameworkKind(f.metadata["codes"]))
            for f in attrs.fields(cls)
            if f.metadata.get("codes") is not None
        )
    return found


def in_use(plan: Plan) -> tuple[str, ...]:
    """Ids of the frameworks a plan uses: those it lists and those it defines."""
    return tuple(dict.fromkeys((*plan.frameworks, *(fw.id for fw in plan.own_frameworks))))
