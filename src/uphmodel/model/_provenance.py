"""Where an item was read from."""

from __future__ import annotations

import attrs

from uphmodel._frozen import Extra
from uphmodel.model._fields import (
    ID,
    extra_field,
    valid_optional_id,
)

__all__ = ["Provenance"]


@attrs.frozen(kw_only=True)
class Provenance:
    """Where an item was read from and how it was worded there.

    Attributes:
        document: id of a :class:`SourceDocument` of the plan (none: the plan's own document).
        page: page or pages as printed ("8", "29–30").
        section: section number or heading ("2.1", "Bilaga 1").
        original: the original wording, where the item's fields do not keep it already.
    """

    document: str | None = attrs.field(default=None, validator=valid_optional_id, metadata=ID)
    page: str | None = None
    section: str | None = None
    original: str | None = None
    extra: Extra = extra_field()
