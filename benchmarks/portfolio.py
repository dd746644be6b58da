"""Benchmark: every ratio of issue 16 from one run — one plan, then a national portfolio.

Run ``python benchmarks/portfolio.py [--plans N] [--scale S] [--workers W]``. First the ratios
of one plan of about 1 MB (``plan.py``: ``loads``, ``dumps``, ``check``, ``diff``, ``apply``,
their growth, memory, import time, and msgspec and pydantic models of the same schema where
they are installed). Then it writes N generated plans (default 200; ``--plans 3110`` is the
national picture of ten years: 21 regions and 290 municipalities with a plan a year) of about
``S`` MB each (default 1.2) as JSON files to a temporary folder — deterministic, see
``_generate.py``; writing them is not timed — and prints, each as a ratio to reading the same
files and parsing them with ``json.loads`` in one process:

- ``Portfolio.load`` then ``Portfolio.check`` in one process, of the first ``--sample`` plans
  (default 200: a portfolio held in one process holds every plan in memory);
- ``Portfolio.check_files`` of the folder on a process pool of W workers (default: every core),
  where each worker reads and checks its files and sends back only the reports;
- the time of load + check of all N plans on the pool, against 2 minutes for 3 110 plans
  (scaled to N).
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from decimal import Decimal
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _generate import plan_document
from plan import measure, show

from uphmodel import Portfolio
from uphmodel._json import json_text


def _timed(label: str, work: Callable[[], Any]) -> tuple[float, Any]:
    gc.collect()
    start = time.perf_counter()
    result = work()
    seconds = time.perf_counter() - start
    print(f"  {label:<52} {seconds:8.2f} s", flush=True)
    return seconds, result


def _write(arguments: tuple[Path, int, float]) -> int:
    folder, number, scale = arguments
    text = json_text(plan_document(number, scale=scale))
    (folder / f"plan-{number:05d}.json").write_text(text, encoding="utf-8")
    return len(text.encode())


def _baseline(files: list[Path]) -> int:
    return sum(len(json.loads(f.read_bytes(), parse_float=Decimal)) for f in files)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--plans", type=int, default=200)
    parser.add_argument("--scale", type=float, default=1.2, help="plan size (1.2: about 1 MB)")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--sample", type=int, default=200, help="plans loaded in one process")
    args = parser.parse_args()

    rows, times = measure(args.scale)
    with tempfile.TemporaryDirectory() as tmp, ProcessPoolExecutor(args.workers) as pool:
        folder = Path(tmp)
        work = [(folder, number, args.scale) for number in range(args.plans)]
        size = sum(pool.map(_write, work, chunksize=16))
        files = sorted(folder.glob("*.json"))
        print(f"\n{args.plans} plans, {size / 1e6:.0f} MB of JSON, {args.workers} workers")
        sample = files[: args.sample]
        base, _ = _timed(f"baseline: read + json.loads of {len(sample)}, one process",
                         lambda: _baseline(sample))  # fmt: skip
        load, portfolio = _timed(f"Portfolio.load of {len(sample)}, one process",
                                 lambda: Portfolio.load(sample))  # fmt: skip
        assert len(portfolio) == len(sample) and not portfolio.unloaded
        check, report = _timed(f"Portfolio.check of {len(sample)}, one process", portfolio.check)
        del portfolio
        everything, _ = _timed(f"baseline: read + json.loads of {len(files)}, one process",
                               lambda: _baseline(files))  # fmt: skip
        pooled, checked = _timed(
            f"Portfolio.check_files of {len(files)} on {args.workers} processes",
            lambda: Portfolio.check_files(folder, executor=pool),
        )
        assert len(checked.reports) == len(files) and not checked.unloaded
        assert all(checked.reports[k] == r for k, r in report.reports.items()), "other findings"
    rows.append(("Portfolio.load, one process ÷ json.loads", load / base, "≤ 3"))
    rows.append(("Portfolio.check, one process ÷ Portfolio.load", check / load, "≤ 1"))
    rows.append((f"check_files (load + check), {args.workers} processes ÷ json.loads",
                 pooled / everything, "—"))  # fmt: skip
    allowed = 120 * args.plans / 3110
    rows.append((f"load + check of {args.plans} plans ÷ {allowed:.0f} s", pooled / allowed, "≤ 1"))
    show(rows)
    print(f"\n  (one plan: {times})")
    print(f"  ({len(sample)} plans: json.loads {base:.1f} s, load {load:.1f} s, "
          f"check {check:.1f} s; {len(files)} plans: json.loads {everything:.1f} s, "
          f"load + check on {args.workers} processes {pooled:.1f} s)")  # fmt: skip


if __name__ == "__main__":
    main()
