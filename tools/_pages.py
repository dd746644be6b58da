"""Shared by the page generators: replace the generated part of a docs page."""

from __future__ import annotations


def replace_between(page: str, begin: str, end: str, content: str) -> str:
    """``page`` with what stands between the ``begin`` and ``end`` markers replaced."""
    head, rest = page.split(begin, 1)
    _, tail = rest.split(end, 1)
    return f"{head}{begin}\n\n{content}\n{end}{tail}"
