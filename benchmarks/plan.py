"""Benchmark: one plan of about 1 MB through every step, each as a ratio to a baseline of the
same run.

Run ``python benchmarks/plan.py [--scale S]``. It builds a deterministic plan (``_generate.py``;
``--scale 2.1`` is about 1.7 MB with ~420 activities and ~840 indicators of ~10 observations
each) and prints, best of a few runs:

- ``loads`` ÷ ``json.loads`` of the same text (with ``parse_float=Decimal``), and beside it
  the same for msgspec and pydantic models of the same schema where they are installed
  (``_others.py``);
- ``dumps`` ÷ ``json.dumps`` of the same dicts (``indent=2``, ``ensure_ascii=False``);
- ``check`` ÷ ``loads``;
- ``diff`` of two versions 1 % apart ÷ ``loads``, and ``apply`` ÷ ``loads``;
- the growth of ``diff`` and ``apply`` from 1× to 10× the plan (10× the size should take at
  most 11× the time);
- the model's memory ÷ the memory of the parsed dicts (``tracemalloc``);
- ``import uphmodel`` ÷ importing attrs, cattrs and dateutil, in fresh processes.

The targets (issue 16) are printed beside each ratio. ``benchmarks/portfolio.py`` measures
many plans, on one core and on a process pool.
"""

from __future__ import annotations

import argparse
import functools
import gc
import json
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import attrs
from _generate import plan_document
from _others import msgspec_loads, pydantic_loads

import uphmodel
from uphmodel._json import json_text


def best(work: Callable[[], Any], runs: int = 3) -> float:
    """The shortest of ``runs`` timings of ``work``, in seconds."""
    times = []
    for _ in range(runs):
        gc.collect()
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


def paired(work: Callable[[], Any], base: Callable[[], Any], runs: int = 7) -> tuple[float, float]:
    """The shortest times of ``work`` and of ``base``, run in turn so that both see the machine
    in the same state (a shared virtual machine's speed drifts by tens of per cent)."""
    works, bases = [], []
    for _ in range(runs):
        bases.append(best(base, runs=1))
        works.append(best(work, runs=1))
    return min(works), min(bases)


def revised(plan: uphmodel.Plan, share: float = 0.01) -> uphmodel.Plan:
    """``plan`` with ``share`` of its activities reworded, read back from its text so that it
    shares no record with ``plan`` (as two versions read from two files do not)."""
    step = max(1, round(1 / share))
    activities = tuple(
        attrs.evolve(a, text=a.text + " (reviderad)") if i % step == 0 else a
        for i, a in enumerate(plan.activities)
    )
    return uphmodel.loads(uphmodel.dumps(attrs.evolve(plan, activities=activities)))


def memory(build: Callable[[], Any]) -> int:
    """Bytes held by what ``build`` returns."""
    gc.collect()
    tracemalloc.start()
    held = build()
    size = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    del held
    return size


def import_time(modules: str, runs: int = 5) -> float:
    """Seconds to import ``modules`` in a fresh process, less starting Python itself."""

    def run(code: str) -> float:
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True)
        return time.perf_counter() - start

    bare = min(run("pass") for _ in range(runs))
    return min(run(f"import {modules}") for _ in range(runs)) - bare


def _ten_times(scale: float) -> tuple[str, uphmodel.Plan, uphmodel.Plan, uphmodel.PlanDiff]:
    """A plan of ten times ``scale``: its text, the plan, a revision and their diff."""
    text = json_text(plan_document(3, seed=7, scale=scale * 10))
    plan = uphmodel.loads(text)
    new = revised(plan)
    return text, plan, new, uphmodel.diff(plan, new)


Row = tuple[str, float, str]


def measure(scale: float) -> tuple[list[Row], str]:
    """The ratios of one plan of ``scale`` (see the module), and a line of absolute times."""
    text = json_text(plan_document(3, seed=7, scale=scale))
    plan = uphmodel.loads(text)
    observations = sum(len(i.observations) for i in plan.indicators)
    print(f"a plan of {len(text) / 1e6:.2f} MB: {len(plan.activities)} activities, "
          f"{len(plan.indicators)} indicators, {observations} observations")  # fmt: skip
    rows: list[Row] = []

    loads, json_loads = paired(
        lambda: uphmodel.loads(text), lambda: json.loads(text, parse_float=Decimal)
    )
    rows.append(("loads ÷ json.loads", loads / json_loads, "≤ 3"))
    for name, other in (("msgspec", msgspec_loads()), ("pydantic", pydantic_loads())):
        if other is not None:
            parse = functools.partial(json.loads, text, parse_float=Decimal)
            seconds, base = paired(functools.partial(other, text), parse, runs=5)
            rows.append((f"  {name} model of the same schema ÷ json.loads",
                         seconds / base, "(for comparison)"))  # fmt: skip
    plain = json.loads(text)  # floats: json.dumps cannot write Decimal
    dumps, json_dumps = paired(
        lambda: uphmodel.dumps(plan), lambda: json.dumps(plain, indent=2, ensure_ascii=False)
    )
    rows.append(("dumps ÷ json.dumps", dumps / json_dumps, "≤ 1.5"))
    check, base = paired(lambda: uphmodel.check(plan), lambda: uphmodel.loads(text), runs=5)
    rows.append(("check ÷ loads", check / base, "≤ 1"))
    new = revised(plan)
    changes = uphmodel.diff(plan, new)
    diff, base = paired(lambda: uphmodel.diff(plan, new), lambda: uphmodel.loads(text), runs=5)
    rows.append(("diff (1 % apart, read from two texts) ÷ loads", diff / base, "≤ 1"))
    apply, base = paired(lambda: uphmodel.apply(plan, changes), lambda: uphmodel.loads(text), 5)
    rows.append(("apply ÷ loads", apply / base, "—"))

    # Growth: the large and the small plan timed in turn, the best of three runs each.
    big_text, big, big_new, big_changes = _ten_times(scale)
    grow = len(big_text) / len(text)
    big_diff, small_diff = paired(
        lambda: uphmodel.diff(big, big_new), lambda: uphmodel.diff(plan, new), runs=3
    )
    big_apply, small_apply = paired(
        lambda: uphmodel.apply(big, big_changes), lambda: uphmodel.apply(plan, changes), runs=3
    )
    rows.append((f"diff at {grow:.1f}× the size ÷ diff", big_diff / small_diff,
                 f"≤ {grow * 1.1:.1f}"))  # fmt: skip
    rows.append((f"apply at {grow:.1f}× ÷ apply", big_apply / small_apply, f"≤ {grow * 1.1:.1f}"))

    model = memory(lambda: uphmodel.loads(text))
    dicts = memory(lambda: json.loads(text, parse_float=Decimal))
    rows.append(("memory of the model ÷ the dicts", model / dicts, "≤ 1"))
    ours = import_time("uphmodel")
    theirs = import_time("attrs, cattrs, dateutil.rrule, dateutil.relativedelta")
    rows.append(("import uphmodel ÷ attrs+cattrs+dateutil", ours / theirs, "≤ 1.5"))
    times = (f"json.loads {json_loads * 1000:.0f} ms, loads {loads * 1000:.0f} ms, "
             f"dumps {dumps * 1000:.0f} ms, check {check * 1000:.0f} ms, "
             f"diff {diff * 1000:.0f} ms, import {ours * 1000:.0f} ms")  # fmt: skip
    return rows, times


def show(rows: list[Row]) -> None:
    print(f"\n  {'':<52} {'ratio':>7}  target")
    for label, ratio, target in rows:
        print(f"  {label:<52} {ratio:6.2f}×  {target}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=float, default=1.2, help="plan size (1.2: about 1 MB)")
    args = parser.parse_args()
    rows, times = measure(args.scale)
    show(rows)
    print(f"\n  ({times})")


if __name__ == "__main__":
    main()
