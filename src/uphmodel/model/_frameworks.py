"""Frameworks as data: code lists with their source, crosswalks between them, conversions.

A :class:`Framework` is a national framework (the five focus areas of 2016, the 2025 strategy),
a region's own strategy, or any other list of codes that a plan's coded fields take (target
groups, perspectives, prevention levels). It says where it is published (:class:`Citation`) so
that a reader can check it. A :class:`Crosswalk` maps the codes of one framework onto another,
pair by pair, with a SKOS mapping relation and who says so. A :class:`FrameworkConversion`
records, inside a plan, what a conversion from one framework to another did to each reference,
so that the original codes remain recoverable.
"""

from __future__ import annotations

import datetime as dt
import enum

import attrs

from uphmodel._errors import InvalidValue
from uphmodel._frozen import Extra
from uphmodel._period import Period
from uphmodel._typed import typed
from uphmodel.model._fields import (
    CODE,
    ID,
    extra_field,
    items_field,
    valid_code,
    valid_id,
    valid_optional_code,
    valid_optional_id,
)

__all__ = [
    "Citation",
    "CodeConversion",
    "ConversionStatus",
    "Crosswalk",
    "Framework",
    "FrameworkCode",
    "FrameworkConversion",
    "FrameworkKind",
    "Mapping",
    "MappingBasis",
    "Relation",
]


class FrameworkKind(enum.Enum):
    """Which coded fields of a plan take a framework's codes."""

    #: national frameworks and strategies (focus areas, overall goals, priority areas) and a
    #: region's own: the ``focus_areas`` of goals, activities, sections and grants
    FOCUS_AREAS = "focus_areas"
    TARGET_GROUPS = "target_groups"  #: ``target_groups`` of the plan, goals, activities, sections
    PERSPECTIVES = "perspectives"  #: ``perspectives`` of the plan and its goals
    PREVENTION_LEVELS = "prevention_levels"  #: universal, selective, indicated prevention


@attrs.frozen(kw_only=True, field_transformer=typed)
class Citation:
    """Where something is published, so that a reader can find and check it.

    Attributes:
        title: the document's title as published.
        publisher: who publishes it ("Regeringen", "Socialdepartementet och SKL").
        year: the year of publication or decision.
        identifier: its diary number, article number or other identifier ("Dnr NLL-01297-2024").
        url: where it can be read.
        note: which part of it (an appendix, a section) and anything else worth knowing.
    """

    title: str | None = None
    publisher: str | None = None
    year: int | None = None
    identifier: str | None = None
    url: str | None = None
    note: str | None = None
    extra: Extra = extra_field()


@attrs.frozen(kw_only=True, field_transformer=typed)
class FrameworkCode:
    """One code of a framework: a focus area, a goal of a strategy, a target group.

    Attributes:
        code: stable identifier, unique within the framework, without spaces or ``:``.
        label: the label as the framework words it, in Swedish.
        label_en: an English label.
        kind: its level where the framework has levels ("overall_goal", "sub_goal").
        parent: the code it falls under, in the same framework.
        description: what it covers, as the source describes it.
        age_from: for a target group or age band, the youngest age it covers, in years.
        age_to: for a target group or age band, the oldest age it covers ("15–24 år": 15, 24).
        valid: the period in which the code is in force, where it differs from its framework's.
        citation: where the code and its wording are published, where it is not the framework's
            own source (a list compiled from several documents cites one per code).
    """

    code: str = attrs.field(validator=valid_code, metadata=CODE)
    label: str
    label_en: str | None = None
    kind: str | None = None
    parent: str | None = attrs.field(default=None, validator=valid_optional_code, metadata=CODE)
    description: str | None = None
    age_from: int | None = None
    age_to: int | None = None
    valid: Period | None = None
    citation: Citation | None = None
    extra: Extra = extra_field()


@attrs.frozen(kw_only=True, field_transformer=typed)
class Framework:
    """A framework whose codes plans refer to: a national strategy, a region's own, a code list.

    Attributes:
        id: stable identifier ("strategy-2025"), without spaces or ``:``.
        title: the title as published.
        title_en: an English title.
        kind: which coded fields of a plan take its codes.
        version: its version, where it has one.
        valid: the period in which it is in force ("2016/2020").
        citation: where it is published. A framework without a published source says so in its
            ``description``; one compiled by editors from several documents cites them per code.
        description: what it is and where its wording comes from.
        codes: its codes, in the order the source gives them.
    """

    id: str = attrs.field(validator=valid_code, metadata=CODE)
    title: str
    title_en: str | None = None
    kind: FrameworkKind = FrameworkKind.FOCUS_AREAS
    version: str | None = None
    valid: Period | None = None
    citation: Citation | None = None
    description: str | None = None
    codes: tuple[FrameworkCode, ...] = items_field()
    extra: Extra = extra_field()

    def get(self, code: str) -> FrameworkCode | None:
        """The entry for ``code``, or ``None``."""
        return next((entry for entry in self.codes if entry.code == code), None)

    def __contains__(self, code: object) -> bool:
        return any(entry.code == code for entry in self.codes)


class Relation(enum.Enum):
    """How a target code relates to a source code: the SKOS mapping relations, and none."""

    EXACT = "exact"  #: the same concept (skos:exactMatch)
    CLOSE = "close"  #: close enough to use one for the other in most uses (skos:closeMatch)
    BROADER = "broader"  #: the target is broader than the source (skos:broadMatch)
    NARROWER = "narrower"  #: the target is narrower than the source (skos:narrowMatch)
    RELATED = "related"  #: associated, but neither covers the other (skos:relatedMatch)
    NONE = "none"  #: explicitly: the source has no counterpart in the target framework

    def inverse(self) -> Relation:
        """The relation read from the target to the source."""
        return _INVERSE.get(self, self)


_INVERSE = {Relation.BROADER: Relation.NARROWER, Relation.NARROWER: Relation.BROADER}


class MappingBasis(enum.Enum):
    """Who says that a crosswalk's mappings hold."""

    PUBLISHED = "published"  #: the framework's owner or another body published the mapping
    EDITORIAL = "editorial"  #: the crosswalk's editors made it, with the evidence per mapping


@attrs.frozen(kw_only=True, field_transformer=typed)
class Mapping:
    """One pair of a crosswalk: a source code, a target code and how they relate.

    Attributes:
        source: the code in the source framework.
        target: the code in the target framework; none only with the relation ``none``.
        relation: how the target relates to the source.
        evidence: what supports the mapping, quoting the documents it rests on.
        note: anything else (what the relation leaves out).
    """

    source: str = attrs.field(validator=valid_code, metadata=CODE)
    target: str | None = attrs.field(default=None, validator=valid_optional_code, metadata=CODE)
    relation: Relation
    evidence: str | None = None
    note: str | None = None
    extra: Extra = extra_field()

    def __attrs_post_init__(self) -> None:
        if (self.target is None) != (self.relation is Relation.NONE):
            what = "needs a target" if self.target is None else "cannot have a target"
            problem = f"a mapping with relation {self.relation.value!r} {what}"
            raise InvalidValue("target", self.target, problem)

    def inverse(self) -> Mapping:
        """The same pair read from the target to the source (a ``none`` pair has no inverse)."""
        if self.target is None:
            raise ValueError(f"the mapping of {self.source!r} to nothing has no inverse")
        return attrs.evolve(
            self, source=self.target, target=self.source, relation=self.relation.inverse()
        )


@attrs.frozen(kw_only=True, field_transformer=typed)
class Crosswalk:
    """A mapping of the codes of one framework onto another.

    Attributes:
        id: stable identifier.
        title: what it maps, in words.
        source_framework: id of the framework mapped from.
        target_framework: id of the framework mapped to.
        basis: whether the mapping is published or editorial.
        citation: the published mapping, or who made the editorial one.
        description: how it was made and what it rests on.
        mappings: the pairs; a source code may have several, or an explicit ``none``.
    """

    id: str = attrs.field(validator=valid_code, metadata=CODE)
    title: str | None = None
    source_framework: str = attrs.field(validator=valid_code, metadata=CODE)
    target_framework: str = attrs.field(validator=valid_code, metadata=CODE)
    basis: MappingBasis
    citation: Citation | None = None
    description: str | None = None
    mappings: tuple[Mapping, ...] = items_field()
    extra: Extra = extra_field()

    def of(self, source: str) -> tuple[Mapping, ...]:
        """The pairs for one source code, in order."""
        return tuple(m for m in self.mappings if m.source == source)

    def inverse(self) -> Crosswalk:
        """The crosswalk read backwards, from the target framework to the source framework."""
        return attrs.evolve(
            self,
            source_framework=self.target_framework,
            target_framework=self.source_framework,
            mappings=tuple(m.inverse() for m in self.mappings if m.target is not None),
        )


class ConversionStatus(enum.Enum):
    """What a conversion did with one reference."""

    CONVERTED = "converted"  #: replaced by the one code the crosswalk maps it to
    AMBIGUOUS = "ambiguous"  #: left as it was: the crosswalk offers several candidates
    UNMAPPED = "unmapped"  #: left as it was: no crosswalk, no mapping, or an explicit none


@attrs.frozen(kw_only=True, field_transformer=typed)
class CodeConversion:
    """What a conversion did with one reference to a code.

    Attributes:
        path: JSON Pointer of the reference in the plan as it was converted
            ("/goals/3/focus_areas/0"); the converted plan keeps every reference at its place.
        item: id of the record that holds it, where it has one.
        code: the reference as it was before the conversion.
        framework: id of the framework the code belonged to, where one in scope defines it.
        status: converted, ambiguous or unmapped.
        target: the code now in its place, when converted.
        relation: how ``target`` relates to ``code``, when converted.
        crosswalk: id of the crosswalk used.
        candidates: when left as it was, the pairs the crosswalk offers for the code.
        note: why it was left as it was, in words.
    """

    path: str
    item: str | None = attrs.field(default=None, validator=valid_optional_id, metadata=ID)
    code: str
    framework: str | None = None
    status: ConversionStatus
    target: str | None = None
    relation: Relation | None = None
    crosswalk: str | None = None
    candidates: tuple[Mapping, ...] = items_field()
    note: str | None = None
    extra: Extra = extra_field()


@attrs.frozen(kw_only=True, field_transformer=typed)
class FrameworkConversion:
    """What a conversion to another framework did to a plan, kept in the plan it converted.

    Attributes:
        framework: id of the framework converted to.
        added: true when the conversion added ``framework`` to the plan's ``frameworks``.
        date: when the conversion was made, where the caller says.
        references: every reference to a code of another framework, and what became of it.
    """

    framework: str = attrs.field(validator=valid_id)
    added: bool = False
    date: dt.date | None = None
    references: tuple[CodeConversion, ...] = items_field()
    extra: Extra = extra_field()
