"""The example plans bundled with the package, transcribed from published documents.

>>> from uphmodel import examples
>>> "jamtland-harjedalen-2018" in examples.names()
True
>>> examples.load("jamtland-harjedalen-2018").county
'23'
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from uphmodel._errors import UphError
from uphmodel._json import loads
from uphmodel.model import Plan

__all__ = ["UnknownExample", "folder", "load", "names", "text"]


class UnknownExample(UphError, LookupError):
    """No bundled example plan has that name."""


def names() -> tuple[str, ...]:
    """The names of the bundled example plans, sorted."""
    folder = resources.files(__name__)
    return tuple(
        sorted(
            entry.name.removesuffix(".json")
            for entry in folder.iterdir()
            if entry.name.endswith(".json")
        )
    )


def text(name: str) -> str:
    """The canonical JSON text of the example plan ``name``."""
    entry = resources.files(__name__) / f"{name}.json"
    if "/" in name or not entry.is_file():
        raise UnknownExample(f"no example plan named {name!r}; there are: {', '.join(names())}")
    return entry.read_text(encoding="utf-8")


def load(name: str) -> Plan:
    """The example plan ``name`` (see :func:`names`)."""
    return loads(text(name), source=f"uphmodel.examples:{name}")


def folder() -> Path:
    """The folder that holds the example plans' files (``uphmodel.Portfolio.load(folder())``).

    >>> from uphmodel import examples
    >>> sorted(p.name for p in examples.folder().glob("*.json"))[:1]
    ['jamtland-harjedalen-2018.json']
    """
    return Path(str(resources.files(__name__)))
