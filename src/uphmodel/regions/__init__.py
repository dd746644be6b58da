"""Sweden's regions and municipalities: official codes, names, name variants and history.

The 21 regions (län, two-digit SCB codes) and 290 municipalities (kommuner, four digits) with
the names plans use for them ("Region Jämtland Härjedalen", "Jämtlands län", "Östersunds
kommun"), the region each municipality belongs to, and the dates each code was valid: codes
and county membership have changed (Skåne 1997, Västra Götaland 1998, Heby moved to Uppsala
län in 2007), so every lookup takes a date — by default today. The data is a file in the
package, with its source (:data:`SOURCE`) and what it covers (:data:`COVERAGE`).

>>> from uphmodel import regions
>>> len(regions.regions()), len(regions.municipalities())
(21, 290)
>>> regions.region("Region Jämtland Härjedalen").code
'23'
>>> regions.municipality("Östersunds kommun").code, regions.municipality("2380").region
('2380', '23')
>>> regions.municipality("Heby", on="2006-06-30").code, regions.municipality("Heby").code
('1917', '0331')
"""

from __future__ import annotations

from typing import Any

from uphmodel.model import Citation
from uphmodel.regions import _registry
from uphmodel.regions._registry import (
    Municipality,
    Region,
    entries_with_code,
    find,
    municipalities,
    municipality,
    name_matches,
    region,
    regions,
)

__all__ = [
    "COVERAGE",
    "SOURCE",
    "Municipality",
    "Region",
    "entries_with_code",
    "find",
    "municipalities",
    "municipality",
    "name_matches",
    "region",
    "regions",
]

SOURCE: Citation  #: where the data comes from (read with the data, on first use)
COVERAGE: str  #: what period the history covers, and what it leaves out


def __getattr__(name: str) -> Any:
    if name in ("SOURCE", "COVERAGE"):
        return getattr(_registry, name)
    raise AttributeError(f"module 'uphmodel.regions' has no attribute {name!r}")
