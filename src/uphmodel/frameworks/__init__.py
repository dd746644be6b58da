"""Frameworks as data: the built-in ones, catalogues that resolve codes, and conversion.

A framework (:class:`~uphmodel.Framework`) is a record with its codes and the citation of where
it is published; a crosswalk (:class:`~uphmodel.Crosswalk`) maps one framework's codes onto
another's. :func:`builtin` gives the frameworks and crosswalks shipped with the package, read
from its data files; a :class:`Catalogue` adds a plan's own and a caller's, and resolves the
codes a plan refers to. :func:`convert_framework` restates a plan's codes in another framework.

>>> from uphmodel import frameworks
>>> [fw.id for fw in frameworks.builtin() if fw.kind.value == "focus_areas"]
['focus-areas-2016', 'strategy-2025']
>>> frameworks.builtin()["focus-areas-2016"].citation.year
2016
"""

from __future__ import annotations

from uphmodel.frameworks._builtin import builtin
from uphmodel.frameworks._catalogue import Catalogue, Resolution, UnknownFramework
from uphmodel.frameworks._convert import (
    ACCEPTED,
    Conversion,
    ConversionError,
    convert_framework,
    revert_framework,
)

__all__ = [
    "ACCEPTED",
    "Catalogue",
    "Conversion",
    "ConversionError",
    "Resolution",
    "UnknownFramework",
    "builtin",
    "convert_framework",
    "revert_framework",
]
