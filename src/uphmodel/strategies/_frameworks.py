"""Strategies for frameworks, crosswalks and the record of a conversion."""

from __future__ import annotations

import string
from typing import Any

from hypothesis import strategies as st

from uphmodel.model import (
    Citation,
    CodeConversion,
    ConversionStatus,
    Crosswalk,
    Framework,
    FrameworkCode,
    FrameworkConversion,
    FrameworkKind,
    Mapping,
    MappingBasis,
    Relation,
)
from uphmodel.strategies._values import (
    _OPT_DATE,
    _OPT_PERIOD,
    _OPT_TEXT,
    _TEXT,
    Draw,
    _enum,
    _extras,
    _maybe,
)

__all__ = ["conversion_records", "crosswalks", "frameworks"]

_CODE = st.text(string.ascii_lowercase + string.digits + "-._", min_size=1, max_size=10).filter(
    lambda s: s[0].isalnum()
)


@st.composite
def _citations(draw: Draw[Any], extras: bool) -> Citation | None:
    if not draw(st.booleans()):
        return None
    return Citation(
        title=draw(_OPT_TEXT),
        publisher=draw(_OPT_TEXT),
        year=draw(st.none() | st.integers(1990, 2100)),
        identifier=draw(_OPT_TEXT),
        url=draw(_OPT_TEXT),
        note=draw(_OPT_TEXT),
        extra=draw(_extras(Citation, extras)),
    )


@st.composite
def frameworks(
    draw: Draw[Any],
    *,
    kind: FrameworkKind | None = None,
    max_codes: int = 6,
    extras: bool = False,
) -> Framework:
    """Well-formed frameworks: unique codes, parents among earlier codes (so no circles)."""
    codes = draw(st.lists(_CODE, min_size=1, max_size=max_codes, unique=True))
    return Framework(
        id=f"fw-{draw(_CODE)}",
        title=draw(_TEXT),
        title_en=draw(_OPT_TEXT),
        kind=kind if kind is not None else draw(st.sampled_from(FrameworkKind)),
        version=draw(_OPT_TEXT),
        valid=draw(_OPT_PERIOD),
        citation=draw(_citations(extras)),
        description=draw(_OPT_TEXT),
        codes=tuple(
            FrameworkCode(
                code=code,
                label=draw(_TEXT),
                label_en=draw(_OPT_TEXT),
                kind=draw(_OPT_TEXT),
                parent=_maybe(draw, codes[:i]),
                description=draw(_OPT_TEXT),
                age_from=draw(st.none() | st.integers(0, 60)),
                age_to=draw(st.none() | st.integers(60, 120)),
                valid=draw(_OPT_PERIOD),
                citation=draw(_citations(extras)),
                extra=draw(_extras(FrameworkCode, extras)),
            )
            for i, code in enumerate(codes)
        ),
        extra=draw(_extras(Framework, extras)),
    )


@st.composite
def _mappings(draw: Draw[Any], source: Framework, target: Framework, extras: bool) -> Mapping:
    relation = draw(st.sampled_from(Relation))
    return Mapping(
        source=draw(st.sampled_from([c.code for c in source.codes])),
        target=None
        if relation is Relation.NONE
        else draw(st.sampled_from([c.code for c in target.codes])),
        relation=relation,
        evidence=draw(_OPT_TEXT),
        note=draw(_OPT_TEXT),
        extra=draw(_extras(Mapping, extras)),
    )


@st.composite
def crosswalks(
    draw: Draw[Any], source: Framework, target: Framework, *, extras: bool = False
) -> Crosswalk:
    """Crosswalks from ``source`` to ``target``: any pairs of their codes, any relations."""
    return Crosswalk(
        id=f"cw-{draw(_CODE)}",
        title=draw(_OPT_TEXT),
        source_framework=source.id,
        target_framework=target.id,
        basis=draw(st.sampled_from(MappingBasis)),
        citation=draw(_citations(extras)),
        description=draw(_OPT_TEXT),
        mappings=tuple(draw(st.lists(_mappings(source, target, extras), max_size=8))),
        extra=draw(_extras(Crosswalk, extras)),
    )


@st.composite
def conversion_records(
    draw: Draw[Any], framework: str, items: list[str], codes: list[str], *, extras: bool = False
) -> FrameworkConversion:
    """The record of a conversion to ``framework``, over references to ``codes``."""
    references = []
    for i in range(draw(st.integers(0, 3))):
        status = draw(st.sampled_from(ConversionStatus))
        converted = status is ConversionStatus.CONVERTED
        references.append(
            CodeConversion(
                path=f"/goals/{i}/focus_areas/0",
                item=_maybe(draw, items),
                code=draw(st.sampled_from(codes)) if codes else draw(_CODE),
                framework=_maybe(draw, [f"fw-{i}"]),
                status=status,
                target=draw(_CODE) if converted else None,
                relation=draw(st.sampled_from(Relation)) if converted else draw(_enum(Relation)),
                crosswalk=_maybe(draw, ["cw-a", "cw-b"]),
                note=draw(_OPT_TEXT),
                extra=draw(_extras(CodeConversion, extras)),
            )
        )
    return FrameworkConversion(
        framework=framework,
        added=draw(st.booleans()),
        date=draw(_OPT_DATE),
        references=tuple(references),
        extra=draw(_extras(FrameworkConversion, extras)),
    )
