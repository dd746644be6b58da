"""Shared by the page generators: the generated part of a docs page, replaced."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path


def replace_between(page: str, begin: str, end: str, content: str) -> str:
    """``page`` with what stands between the ``begin`` and ``end`` markers replaced."""
    head, rest = page.split(begin, 1)
    _, tail = rest.split(end, 1)
    return f"{head}{begin}\n\n{content}\n{end}{tail}"


def rewrite(page: Path, render: Callable[[str], str]) -> None:
    """Rewrite ``page`` with ``render`` (run by the generators' ``__main__``)."""
    page.write_text(render(page.read_text(encoding="utf-8")), encoding="utf-8")
    print(f"rewrote {page}", file=sys.stderr)
