"""Benchmark: a national portfolio of plans loaded, checked and followed up.

Run ``python benchmarks/portfolio.py [--plans N] [--scale S] [--workers W]``. It writes N
generated plans (default 200; ``--plans 3110`` is the national picture of ten years: 21
regions and 290 municipalities with a plan a year) of about ``S`` MB each (default 1) as JSON
files to a temporary folder — deterministic, see ``_generate.py`` — and prints, from this one
run, each time and its ratio to the baseline measured in the same run: reading the same files
and parsing them with ``json.loads``.

- ``Portfolio.load`` of the folder, in one process and on a process pool of W workers
  (default: every core);
- ``Portfolio.check`` and ``Portfolio.progress``, in one process and on the pool.

Writing the files is not timed.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _generate import plan_document

from uphmodel import Portfolio
from uphmodel._json import json_text


def _timed(label: str, work: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    result = work()
    seconds = time.perf_counter() - start
    print(f"  {label:<42} {seconds:8.2f} s", flush=True)
    return seconds, result


def _baseline(files: list[Path]) -> list[Any]:
    return [json.loads(f.read_bytes()) for f in files]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--plans", type=int, default=200)
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        size = 0
        for number in range(args.plans):
            text = json_text(plan_document(number, scale=args.scale))
            (folder / f"plan-{number:05d}.json").write_text(text, encoding="utf-8")
            size += len(text.encode())
        files = sorted(folder.glob("*.json"))
        print(f"{args.plans} plans, {size / 1e6:.0f} MB of JSON, {args.workers} workers")
        base, _ = _timed("baseline: read + json.loads", lambda: _baseline(files))
        rows: list[tuple[str, float]] = []
        load, portfolio = _timed("Portfolio.load", lambda: Portfolio.load(folder))
        rows.append(("Portfolio.load ÷ json.loads", load / base))
        assert len(portfolio) == args.plans and not portfolio.unloaded
        check, _ = _timed("Portfolio.check", portfolio.check)
        rows.append(("Portfolio.check ÷ json.loads", check / base))
        progress, _ = _timed("Portfolio.progress", portfolio.progress)
        rows.append(("Portfolio.progress ÷ json.loads", progress / base))
        with ProcessPoolExecutor(args.workers) as pool:
            pooled, loaded = _timed(
                f"Portfolio.load on {args.workers} processes",
                lambda: Portfolio.load(folder, executor=pool),
            )
            rows.append((f"Portfolio.load, {args.workers} processes ÷ json.loads", pooled / base))
            assert loaded.plans == portfolio.plans
            both, _ = _timed(
                f"Portfolio.check on {args.workers} processes",
                lambda: portfolio.check(executor=pool),
            )
            rows.append((f"Portfolio.check, {args.workers} processes ÷ json.loads", both / base))
        print(f"\nload + check of {args.plans} plans: {load + check:.1f} s in one process, "
              f"{pooled + both:.1f} s on {args.workers}")  # fmt: skip
        for label, ratio in rows:
            print(f"  {label:<46} {ratio:6.2f}×")


if __name__ == "__main__":
    main()
