"""Benchmark: tables and workbooks cost little more than JSON and openpyxl themselves.

Run ``python benchmarks/formats.py [MEGABYTES]``. It builds a plan of about MEGABYTES (default
1) of canonical JSON from the bundled examples' real content (copies of Jämtland Härjedalen's,
Västerbotten's and Norrbotten's plans merged into one, ids suffixed so they stay unique and
references intact), then prints:

- tables: ``to_tables`` + ``from_tables`` as a ratio of ``dumps`` + ``loads`` (target ≤ 2×);
- workbooks: ``write_xlsx`` + ``read_xlsx`` as a ratio of openpyxl writing and reading the same
  cells itself — the values of every cell of the workbook ``write_xlsx`` wrote, appended row by
  row to a new workbook and saved; that workbook loaded read-only and every value read (target
  ≤ 1.5×: what uphmodel adds — laying the plan out in tables, styles, widths, drop-down lists,
  checking every cell it reads and building the plan — is small next to openpyxl's own work).

Each time is the shortest of seven rounds in which the functions compared take turns, garbage
collection off while timing (as timeit does), all measured in this run on this machine.
"""

from __future__ import annotations

import gc
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl

import uphmodel
from uphmodel import Plan
from uphmodel._json import document, json_text

SOURCES = ("jamtland-harjedalen-2018", "vasterbotten-2018", "norrbotten-2021")


def _ids(data: Any, out: set[str]) -> set[str]:
    if isinstance(data, dict):
        if isinstance(data.get("id"), str):
            out.add(data["id"])
        for value in data.values():
            _ids(value, out)
    elif isinstance(data, list):
        for value in data:
            _ids(value, out)
    return out


def _rename(data: Any, ids: set[str], suffix: str) -> Any:
    if isinstance(data, dict):
        return {k: _rename(v, ids, suffix) for k, v in data.items()}
    if isinstance(data, list):
        return [_rename(v, ids, suffix) for v in data]
    if isinstance(data, str) and data in ids:
        return data + suffix
    return data


def build(megabytes: float) -> Plan:
    """A plan of about ``megabytes`` of canonical JSON, from the examples' content."""
    merged: dict[str, Any] = {}
    copy = 0
    while not merged or len(json_text(merged)) < megabytes * 1_000_000:
        for name in SOURCES:
            data = document(uphmodel.examples.load(name))
            data = _rename(data, _ids(data, set()) - {data["id"]}, f"-{copy}")
            if not merged:
                merged = data
                continue
            for key, value in data.items():
                if isinstance(value, list) and key != "owners":
                    merged.setdefault(key, []).extend(value)
        copy += 1
    return uphmodel.loads(json_text(merged))


def _once(fn: Callable[[], Any]) -> float:
    gc.collect()
    gc.disable()  # as timeit does
    try:
        start = time.perf_counter()
        fn()
        return time.perf_counter() - start
    finally:
        gc.enable()


def race(*fns: Callable[[], Any], runs: int = 7) -> list[float]:
    """The shortest time of each function over ``runs`` rounds, the functions taking turns in
    each round so that a slower moment of the machine slows them alike."""
    times: list[list[float]] = [[] for _ in fns]
    for _ in range(runs):
        for fn, spent in zip(fns, times, strict=True):
            spent.append(_once(fn))
    return [min(spent) for spent in times]


def cells(path: Path) -> dict[str, list[list[Any]]]:
    """The values of every cell of a workbook, by sheet."""
    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    out = {ws.title: [list(row) for row in ws.iter_rows(values_only=True)] for ws in book}
    book.close()
    return out


def plain_write(sheets: dict[str, list[list[Any]]], path: Path) -> None:
    """What a user would write with openpyxl alone: a sheet per table, rows appended."""
    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        ws = book.create_sheet(title)
        for row in rows:
            ws.append(row)
    book.save(path)


def plain_read(path: Path) -> None:
    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    for ws in book.worksheets:
        for _ in ws.iter_rows(values_only=True):
            pass
    book.close()


def main(megabytes: float) -> None:
    plan = build(megabytes)
    text = uphmodel.dumps(plan)
    rows = sum(len(t) for t in uphmodel.to_tables(plan).values())
    print(f"plan: {len(text) / 1e6:.2f} MB of JSON, {rows} rows")
    tables = uphmodel.to_tables(plan)
    assert uphmodel.dumps(uphmodel.from_tables(tables)) == text
    tables_time, json_time = race(
        lambda: uphmodel.from_tables(uphmodel.to_tables(plan)),
        lambda: uphmodel.loads(uphmodel.dumps(plan)),
    )
    print(
        f"tables:    to+from {tables_time:6.3f}s   dumps+loads {json_time:6.3f}s"
        f"   ratio {tables_time / json_time:4.2f}×  (target ≤ 2×)"
    )
    with tempfile.TemporaryDirectory() as folder:
        ours, theirs = Path(folder) / "ours.xlsx", Path(folder) / "theirs.xlsx"
        uphmodel.write_xlsx(plan, ours)
        assert uphmodel.dumps(uphmodel.read_xlsx(ours)) == text
        same = cells(ours)
        plain_write(same, theirs)
        write, base_write, read, base_read = race(
            lambda: uphmodel.write_xlsx(plan, ours),
            lambda: plain_write(same, theirs),
            lambda: uphmodel.read_xlsx(ours),
            lambda: plain_read(theirs),
        )
    print(
        f"xlsx:      write {write:6.3f}s  read {read:6.3f}s"
        f"   openpyxl write {base_write:6.3f}s  read {base_read:6.3f}s"
    )
    print(
        f"           write {write / base_write:4.2f}×  read {read / base_read:4.2f}×"
        f"  together {(write + read) / (base_write + base_read):4.2f}×  (target ≤ 1.5×)"
    )


if __name__ == "__main__":
    main(float(sys.argv[1]) if len(sys.argv) > 1 else 1.0)
