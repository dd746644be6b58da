"""Plans in files of any format the library reads, told apart by name or content.

A plan's file is JSON (``.json``, or any name that is not another format's), a workbook
(``.xlsx``), a folder of CSV files with its data package (holding ``plan.csv``) or a folder of
Parquet files (``plan.parquet``, possibly of many plans). :func:`read_plans` reads any of them;
:func:`plan_files` finds them in a folder.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from uphmodel._json import load
from uphmodel.model import Plan

__all__ = ["FORMATS", "format_of", "plan_files", "read_plans"]

#: The formats a plan can be read from and written to (``csv-sv``: the Swedish Excel dialect).
FORMATS = ("json", "xlsx", "csv", "csv-sv", "parquet")

_SUFFIXES = {".json": "json", ".xlsx": "xlsx", ".parquet": "parquet", ".csv": "csv"}


def format_of(path: str | os.PathLike[str], *, writing: bool = False) -> str:
    """The format of a plan's file or folder, from its name or what the folder holds. Raises
    ``ValueError`` for a folder that holds no plan, or a name that says no format to write."""
    path = Path(path)
    suffix = path.suffix.lower()
    if path.is_dir() and not writing:
        if (path / "plan.parquet").is_file():
            return "parquet"
        if (path / "plan.csv").is_file():
            return "csv"
        raise ValueError(f"{path}: a folder without plan.csv or plan.parquet")
    if suffix in _SUFFIXES:
        return _SUFFIXES[suffix]
    if writing and (suffix == "" or path.is_dir()):
        return "csv"  # a folder of CSV files
    if not writing:
        return "json"  # a plan document under another name
    raise ValueError(f"{path}: cannot tell the format from the name ({'|'.join(FORMATS)})")


def read_plans(
    path: str | os.PathLike[str], fmt: str | None = None, *, strict: bool = False
) -> list[Plan]:
    """The plans in a file or folder of any format (:data:`FORMATS`), told from its name when
    ``fmt`` is not given. Raises :class:`~uphmodel.LoadError` for a document that is not a
    plan, ``OSError`` for a file that cannot be read, ``ValueError`` for an unknown format."""
    from uphmodel.formats._arrow import read_parquet
    from uphmodel.formats._csv import read_csv
    from uphmodel.formats._xlsx import read_xlsx

    path = Path(path)
    fmt = fmt or format_of(path)
    if fmt == "json":
        return [load(path, strict=strict)]
    if fmt == "xlsx":
        return [read_xlsx(path, strict=strict)]
    if fmt == "parquet":
        return read_parquet(path, strict=strict)
    if fmt in ("csv", "csv-sv"):
        return [read_csv(path.parent if path.is_file() else path, strict=strict)]
    raise ValueError(f"{fmt!r} is not a format plans are read from; one of {FORMATS}")


def plan_files(folder: str | os.PathLike[str]) -> Iterator[Path]:
    """Every plan under ``folder``, in name order: each ``.json`` and ``.xlsx`` file, and each
    folder that holds ``plan.csv`` or ``plan.parquet`` (the files inside it belong to it).
    Hidden files and folders (a name starting with ".") are passed over."""
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        if "plan.csv" in files or "plan.parquet" in files:
            dirs[:] = []
            yield Path(root)
            continue
        for name in sorted(files):
            if not name.startswith(".") and Path(name).suffix.lower() in (".json", ".xlsx"):
                yield Path(root, name)
