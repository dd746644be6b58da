"""Optional dependencies, imported when first needed, with a one-line message when missing."""

from __future__ import annotations

import importlib
from types import ModuleType

from uphmodel._errors import UphError

__all__ = ["MissingExtra", "need"]


class MissingExtra(UphError, ImportError):
    """An optional dependency is not installed; the message names the extra that installs it."""


def need(module: str, extra: str) -> ModuleType:
    """``module``, imported; :class:`MissingExtra` saying ``pip install 'uphmodel[extra]'`` when
    it is not installed."""
    try:
        return importlib.import_module(module)
    except ImportError:
        raise MissingExtra(
            f"this needs {module.split('.')[0]}, which is not installed: "
            f"pip install 'uphmodel[{extra}]'"
        ) from None
