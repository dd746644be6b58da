"""Where an item was read from."""

from __future__ import annotations

import attrs

from uphmodel._frozen import Extra
from uphmodel._typed import typed
from uphmodel.model._fields import (
    ID,
    extra_field,
    items_field,
    valid_optional_id,
)

__all__ = ["Inferred", "Provenance"]


@attrs.frozen(kw_only=True, field_transformer=typed)
class Inferred:
    """A field whose value the document does not state: the transcriber supplied it.

    Attributes:
        field: the name of the field of the record ("name", "owners", "focus_areas").
        basis: what the value rests on, where there is something ("named after the column
            heading", "the document's date is its decision date").
    """

    field: str
    basis: str | None = None
    extra: Extra = extra_field()


@attrs.frozen(kw_only=True, field_transformer=typed)
class Provenance:
    """Where an item was read from and how it was worded there.

    Attributes:
        document: id of a :class:`SourceDocument` of the plan (none: the plan's own document).
        page: page or pages as printed ("8", "29–30").
        section: section number or heading ("2.1", "Bilaga 1").
        original: the original wording, where the item's fields do not keep it already.
        inferred: the fields of the item whose values the document does not state but the
            transcriber supplied, each with its basis; ``uphmodel.inferred`` lists them and
            ``uphmodel.drop_inferred`` removes them.
    """

    document: str | None = attrs.field(default=None, validator=valid_optional_id, metadata=ID)
    page: str | None = None
    section: str | None = None
    original: str | None = None
    inferred: tuple[Inferred, ...] = items_field()
    extra: Extra = extra_field()
