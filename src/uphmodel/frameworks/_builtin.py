"""The frameworks and crosswalks shipped with the package, read from its data files.

Each is a JSON document in ``uphmodel/frameworks/data/`` of the same format that
:func:`uphmodel.load_framework` and :func:`uphmodel.load_crosswalk` read, with the citation of
its published source in the document itself. They are read on first use, not at import.
"""

from __future__ import annotations

import functools
from importlib import resources

from uphmodel._json import loads_crosswalk, loads_framework
from uphmodel.frameworks._catalogue import Catalogue

__all__ = ["builtin"]

#: The order the built-in frameworks are listed in: national frameworks first, oldest first.
_ORDER = ("focus-areas-2016", "strategy-2025", "target-groups", "prevention-levels", "perspectives")


@functools.cache
def builtin() -> Catalogue:
    """The built-in frameworks and crosswalks (read once, then shared: a catalogue is a value).

    >>> [fw.id for fw in builtin()]
    ['focus-areas-2016', 'strategy-2025', 'target-groups', 'prevention-levels', 'perspectives']
    >>> [cw.id for cw in builtin().crosswalks]
    ['focus-areas-2016--strategy-2025']
    """
    folder = resources.files(__package__) / "data"
    frameworks, crosswalks = [], []
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        source = f"uphmodel.frameworks:{entry.name}"
        if entry.name.endswith(".crosswalk.json"):
            crosswalks.append(loads_crosswalk(entry.read_bytes(), source=source))
        elif entry.name.endswith(".json"):
            frameworks.append(loads_framework(entry.read_bytes(), source=source))
    rank = {fid: i for i, fid in enumerate(_ORDER)}
    frameworks.sort(key=lambda fw: (rank.get(fw.id, len(rank)), fw.id))
    return Catalogue(tuple(frameworks), tuple(crosswalks))
