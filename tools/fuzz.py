"""Fuzz uphmodel for as long as one likes: mutated plan documents through every public function.

    python tools/fuzz.py --seed 1 --cases 5000 --out fuzz-crashes

Each case is a bundled example or a generated plan, mutated (see ``tests/fuzzing.py``), read
with ``uphmodel.loads`` and, when it loads, put through ``check``, ``dumps``, ``diff``,
``apply``, ``to_json_patch`` (applied with jsonpatch), ``history``, ``render_changelog``,
``money_summary``, ``allocate``, ``active_in``, ``overdue``, ``redact``, ``progress``,
``summarize`` and ``==``/``hash``. Every crash (an exception other than ``LoadError`` from
reading, any exception after, or a step slower than ``--slow`` seconds) is printed and its input
written to ``--out`` as ``<case>.json`` with ``<case>.txt`` saying what happened. A case is made
again from its name: the same seed makes the same cases. Exits 1 when anything crashed.
"""

from __future__ import annotations

import argparse
import collections
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.fuzzing import fuzz  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("--seed", type=int, default=0, help="the first seed (default 0)")
    parser.add_argument("--cases", type=int, default=1000, help="how many cases (default 1000)")
    parser.add_argument("--slow", type=float, default=2.0, help="seconds a step may take")
    parser.add_argument("--out", type=Path, default=Path("fuzz-crashes"), help="crash folder")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    kinds: collections.Counter[tuple[str, str]] = collections.Counter()
    crashed = 0
    for n, (name, text, crashes) in enumerate(fuzz(args.seed, args.cases, slow=args.slow), 1):
        if crashes:
            crashed += 1
            args.out.mkdir(parents=True, exist_ok=True)
            (args.out / f"{name}.json").write_text(text, "utf-8", errors="surrogatepass")
            lines = [f"{c.step}: {c.error} ({c.where})" for c in crashes]
            (args.out / f"{name}.txt").write_text("\n".join(lines) + "\n", "utf-8")
            for crash in crashes:
                kinds[(crash.step, crash.where or crash.error)] += 1
                print(f"{name}: {crash.step}: {crash.error[:200]} ({crash.where})", flush=True)
        if n % 500 == 0:
            print(f"... {n} cases, {crashed} crashed", file=sys.stderr, flush=True)
    took = time.perf_counter() - started
    print(f"{args.cases} cases in {took:.0f} s: {crashed} crashed")
    for (step, where), count in kinds.most_common():
        print(f"  {count:5} {step} at {where}")
    return 1 if crashed else 0


if __name__ == "__main__":
    sys.exit(main())
