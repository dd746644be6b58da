"""The plan's own structure: source documents, focus-area wordings, sections and terms."""

from __future__ import annotations

import attrs

from uphmodel._frozen import Extra
from uphmodel._period import Period
from uphmodel._typed import typed
from uphmodel.model._fields import (
    CODES,
    ID,
    codes_field,
    extra_field,
    valid_id,
    valid_optional_id,
)
from uphmodel.model._provenance import (
    Provenance,
)

__all__ = ["FocusAreaWording", "Section", "SourceDocument", "Term"]


@attrs.frozen(kw_only=True, field_transformer=typed)
class SourceDocument:
    """A document that items were read from.

    Attributes:
        id: unique within the plan.
        title: as printed.
        publisher: id of the publishing :class:`Stakeholder`.
        date: when it was published or decided.
        url: where it can be found.
        note: anything else worth knowing about it.
    """

    id: str = attrs.field(validator=valid_id, metadata=ID)
    title: str
    publisher: str | None = attrs.field(default=None, validator=valid_optional_id, metadata=ID)
    date: Period | None = None
    url: str | None = None
    note: str | None = None
    extra: Extra = extra_field()


@attrs.frozen(kw_only=True, field_transformer=typed)
class FocusAreaWording:
    """How a plan numbers and words one national focus area.

    Documents number the same focus area differently; the ``code`` is stable, the number and
    wording are the plan's own.

    Attributes:
        code: the focus area's code in a framework of :mod:`uphmodel.codes`.
        number: the plan's number for it ("3").
        label: the plan's wording ("Främjande och förebyggande arbete").
        description: the plan's description of the area.
        provenance: where the plan says so.
    """

    code: str = attrs.field(validator=valid_id, metadata={**ID, CODES: "focus_areas"})
    number: str | None = None
    label: str | None = None
    description: str | None = None
    provenance: Provenance | None = None
    extra: Extra = extra_field()


@attrs.frozen(kw_only=True, field_transformer=typed)
class Section:
    """A part of the plan's own structure that items belong to, with its text.

    One mechanism for everything a plan groups by: numbered chapters, intervention areas
    (insatsområden), target-group chapters, appendices. A section may map onto national focus
    areas and target groups, and may hold narrative text (background, analysis, values).

    Attributes:
        id: unique within the plan.
        title: the heading as written.
        number: the plan's numbering ("3.2").
        kind: what the plan calls it ("avsnitt", "insatsområde", "målområde", "bilaga").
        parent: id of the enclosing section.
        period: the period the section covers, when it has its own ("Aktivitetsplan
            2020–2025").
        focus_areas: codes of the national focus areas it corresponds to.
        target_groups: codes of the target groups it is about.
        text: narrative text, paragraphs separated by a blank line.
        provenance: where it is in the document.
    """

    id: str = attrs.field(validator=valid_id, metadata=ID)
    title: str
    number: str | None = None
    kind: str | None = None
    parent: str | None = attrs.field(default=None, validator=valid_optional_id, metadata=ID)
    period: Period | None = None
    focus_areas: tuple[str, ...] = codes_field("focus_areas")
    target_groups: tuple[str, ...] = codes_field("target_groups")
    text: str | None = None
    provenance: Provenance | None = None
    extra: Extra = extra_field()


@attrs.frozen(kw_only=True, field_transformer=typed)
class Term:
    """An abbreviation or concept the plan defines.

    Attributes:
        term: the word or abbreviation ("SIP").
        definition: what the plan says it means.
        refers_to: id of the stakeholder it names, if it names one.
        provenance: where it is defined.
    """

    term: str
    definition: str
    refers_to: str | None = attrs.field(default=None, validator=valid_optional_id, metadata=ID)
    provenance: Provenance | None = None
    extra: Extra = extra_field()
