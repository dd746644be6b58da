"""Rendering: what the analysis finds, drawn for people (plots need the ``plot`` extra)."""

from __future__ import annotations

from uphmodel.rendering._plot import plot_progress

__all__ = ["plot_progress"]
