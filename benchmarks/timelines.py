"""Benchmark: timeline phrases per second, and the growth of reading time with the text.

Run ``python benchmarks/timelines.py``. It prints, from this one run:

- phrases per second of ``parse_timeline`` on a corpus of real-looking timelines: the seeds'
  own (``tests/fixtures/timeline_seed_texts.json``) and every phrase of the test table, with
  the plan's year and period given; and the same as a ratio to splitting those phrases into
  words with a regular expression (the least any reader must do);
- the growth with length: the time per kilobyte of reading a text of 4, 16 and 32.767 kB (the
  longest text that is read, ``TIMELINE_LIMIT``) as a ratio to that of a text of 1 kB (about 1
  when reading is linear; a parser quadratic somewhere shows 32 at the limit), and the time of
  a megabyte (kept, not read). The texts are the corpus repeated; hostile punctuation
  (thousands of dashes, brackets and slashes around a few years); and a year on every line,
  the slowest text we know of, since each line is a phase of its own.

Each time is the best of five rounds, garbage collection off while timing.
"""

from __future__ import annotations

import gc
import json
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.test_timeline_phrases import PHRASES  # noqa: E402

from uphmodel import Period, parse_timeline  # noqa: E402
from uphmodel.timelines import TIMELINE_LIMIT  # noqa: E402

PLAN = Period.parse("2021/2023")


def _best(work: Callable[[], Any], rounds: int = 5) -> float:
    times = []
    for _ in range(rounds):
        gc.collect()
        gc.disable()
        try:
            start = time.perf_counter()
            work()
            times.append(time.perf_counter() - start)
        finally:
            gc.enable()
    return min(times)


def corpus() -> list[str]:
    seeds = json.loads((ROOT / "tests/fixtures/timeline_seed_texts.json").read_text("utf-8"))
    return [entry["text"] for entry in seeds] + [row[0] for row in PHRASES]


def main() -> None:
    texts = corpus()
    words = re.compile(r"\w+")
    parse = _best(lambda: [parse_timeline(t, year=2021, period=PLAN) for t in texts])
    split = _best(lambda: [words.findall(t) for t in texts])
    print(f"{len(texts)} phrases: {len(texts) / parse:,.0f} phrases per second; "
          f"{parse / split:.0f}× the time of splitting them into words")  # fmt: skip
    joined = "\n".join(texts)
    hostile = ("(-/" * 300 + " 2021 ") * 100
    lines = "".join(f"{year}\n" for year in range(2000, 2100))
    for name, unit in (("the corpus", joined), ("hostile text", hostile), ("lines", lines)):
        per_kb: dict[int, float] = {}
        for size in (1_000, 4_000, 16_000, TIMELINE_LIMIT, 1_000_000):
            text = (unit * (size // len(unit) + 1))[:size]
            per_kb[size] = _best(lambda text=text: parse_timeline(text)) / (size / 1000)
        base = per_kb[1_000]
        growth = ", ".join(f"{size / 1000:g} kB {per_kb[size] / base:.2f}×"
                           for size in per_kb if size <= TIMELINE_LIMIT)  # fmt: skip
        limit = per_kb[TIMELINE_LIMIT] * TIMELINE_LIMIT / 1000
        megabyte = per_kb[1_000_000] * 1000
        print(f"{name}: time per kB relative to 1 kB: {growth}; {TIMELINE_LIMIT:,} characters "
              f"read in {limit:.3f} s, 1 MB kept unread in {megabyte:.4f} s")  # fmt: skip


if __name__ == "__main__":
    main()
