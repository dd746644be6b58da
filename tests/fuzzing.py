"""Fuzzing: mutated and hostile plan documents through every public function.

:func:`cases` makes documents from the bundled examples and from generated plans, each mutated a
few times at random (a value replaced by a hostile one, a field dropped or added, a list
emptied, an item copied or moved, types swapped, text cut or given a BOM, numbers of thousands
of digits, nesting thousands deep); :func:`run_case` reads each and puts every plan that loads
through the public functions a user calls after loading. Anything but ``LoadError`` from reading
and anything at all from a later step is a crash; a step slower than ``slow`` seconds is too.

The test suite runs a few hundred seeded cases (``tests/test_fuzz.py``); ``tools/fuzz.py`` runs
as many as one likes and writes every crashing input to a folder.
"""

from __future__ import annotations

import contextlib
import copy
import datetime as dt
import json
import random
import sys
import time
import traceback
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs

import uphmodel
from uphmodel import LoadError

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "src" / "uphmodel" / "examples"


@attrs.frozen
class Raw:
    """JSON text written as it is (a number no Python value gives, deep nesting, NaN)."""

    text: str


def _hostile_values(rng: random.Random) -> list[Any]:
    depth = rng.choice([50, 1_000, 10_000])
    return [
        None, True, False, 0, -1, 1, 2**70, "", " ", "\x00", "x" * rng.choice([200, 100_000]),
        Raw('"\\ud800"'), Raw('"a\\udfffb"'), "\u202e2021", "🙂" * 3, "2021", "2021S3", "9999/",
        "/0001", "0001-01-01", "2021-02-30", "2021/2019", "9999MP", "2024HT/2025VT", "2023T2",
        "1e5", "NaN", "-0", "kvinnor", "someone@example.org", "Anna Andersson", "070-123 45 67",
        Decimal("0.1"), Decimal("-0.000"), Decimal("1E+2"),
        Decimal("123456789012345678901234567890.123"),
        Decimal("9" * 40), Decimal("1e-40"), Raw("1e999999999"), Raw("-1e-999999999"),
        Raw("1" + "0" * 10_000), Raw("NaN"), Raw("Infinity"), Raw("-Infinity"), Raw("-0.0"),
        Raw("[" * depth + "]" * depth), Raw('{"a":' * depth + "1" + "}" * depth),
        [], {}, [None], {"": None}, {"a/b~c": [1, {"x": "y"}]}, [[[[]]]], ["a", 1, None],
    ]  # fmt: skip


def _paths(value: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[tuple[Any, ...], Any]]:
    yield path, value
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _paths(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _paths(item, (*path, index))


def _parent(doc: Any, path: tuple[Any, ...]) -> Any:
    for step in path[:-1]:
        doc = doc[step]
    return doc


_NUMBERS = [
    0, -1, 1, 2**70, 10**40 + 1, Decimal("0.1"), Decimal("-0.000"), Decimal("1E+2"),
    Decimal("123456789012345678901234567890.123"), Decimal("9" * 40), Decimal("1e-40"),
    Raw("1e999999999"), Raw("-1e-999999999"), Raw("1" + "0" * 10_000), Raw("-0.0"),
    Raw("0." + "3" * 35), Raw("1E+400"),
]  # fmt: skip
_TEXTS = [
    "", " ", "\x00", "x" * 100_000, Raw('"\\ud800"'), Raw('"a\\udfffb"'), "\u202e2021",
    "2021", "2021S3", "9999/", "/0001", "0001-01-01", "9999-12-31", "2021-02-30", "2021/2019",
    "9999MP", "2024HT/2025VT", "2023T2", "0001/9999", "2021W53", "1e5", "NaN", "-0", "kvinnor",
    "someone@example.org", "Anna Andersson ring 070-123 45 67", "pågår", "årligen",
]  # fmt: skip


def _same_kind(value: Any, rng: random.Random) -> Any:
    """A hostile value of the kind ``value`` is, so that the document mostly still loads."""
    if isinstance(value, bool):
        return not value
    if isinstance(value, (int, Decimal)):
        return rng.choice([*_NUMBERS, value * 10**30 + Decimal("0.1"), -value])
    if isinstance(value, str):
        return rng.choice([*_TEXTS, value * 50, value[: len(value) // 2], value.upper(),
                           value + "\u0301", f"{value} 2021–9999", f"{value} {value}"])  # fmt: skip
    return rng.choice(_hostile_values(rng))


def mutate(doc: dict[str, Any], rng: random.Random) -> dict[str, Any]:
    """One random change to a document (in place), anywhere in it."""
    places = list(_paths(doc))
    path, value = rng.choice(places)
    if not path:
        doc[rng.choice(["extra", "schema_version", "id", "ny_fält"])] = rng.choice(
            _hostile_values(rng)
        )
        return doc
    parent, key = _parent(doc, path), path[-1]
    how = rng.randrange(12)
    if how <= 4:  # a hostile value of the same kind
        parent[key] = _same_kind(value, rng)
    elif how == 5:  # any hostile value
        parent[key] = rng.choice(_hostile_values(rng))
    elif how == 6:  # gone
        del parent[key]
    elif how == 7 and isinstance(value, list):  # emptied, or an item copied
        if value and rng.random() < 0.6:
            value.append(copy.deepcopy(rng.choice(value)))
        else:
            value.clear()
    elif how == 8 and isinstance(value, dict):  # an unknown field of any JSON type
        value[rng.choice(["okänt", "note", "x/y", "~", ""])] = rng.choice(_hostile_values(rng))
    elif how == 9 and isinstance(parent, list) and len(parent) > 1:  # moved
        parent.insert(rng.randrange(len(parent)), parent.pop(key))
    elif how == 10:  # another value of the document put here (ids, references, periods)
        parent[key] = copy.deepcopy(rng.choice(places)[1])
    elif isinstance(value, (list, dict)):  # a list given as an object, or wrapped
        parent[key] = dict(enumerate(value)) if isinstance(value, list) else [value]
    else:
        parent[key] = _same_kind(value, rng)
    return doc


def to_text(value: Any) -> str:
    """JSON text of a document that may hold :class:`Raw` parts and decimals."""
    if isinstance(value, Raw):
        return value.text
    if isinstance(value, Decimal):
        return str(value) if value.is_finite() else "null"
    if isinstance(value, dict):
        return "{" + ",".join(f"{json.dumps(str(k))}:{to_text(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ",".join(to_text(v) for v in value) + "]"
    return json.dumps(value, ensure_ascii=False)


def _text_mutation(text: str, rng: random.Random) -> str:
    how = rng.randrange(6)
    if how == 0:
        return "\ufeff" + text
    if how == 1:
        return text[: rng.randrange(len(text))]
    if how == 2:  # a key written twice
        return text.replace('"id":', '"id":"dubbel","id":', 1)
    if how == 3:
        return text.replace('"', "'", rng.randrange(1, 5))
    return text


def sources() -> list[dict[str, Any]]:
    """The documents mutated: the bundled examples, and generated plans of several sizes."""
    sys.path.insert(0, str(ROOT))
    from benchmarks._generate import plan_document

    docs = [
        json.loads(path.read_text("utf-8"), parse_float=Decimal)
        for path in sorted(EXAMPLES.glob("*.json"))
    ]
    docs.extend(json.loads(json.dumps(plan_document(n, seed=7, scale=0.02), default=str),
                           parse_float=Decimal) for n in range(3))  # fmt: skip
    return docs


def cases(seed: int, count: int) -> Iterator[tuple[str, str]]:
    """``count`` mutated documents, each with a name that says how to make it again."""
    rng = random.Random(seed)
    base = sources()
    for n in range(count):
        source = rng.randrange(len(base))
        doc = copy.deepcopy(base[source])
        for _ in range(rng.choice([1, 1, 2, 3, 8])):
            doc = mutate(doc, rng)
        text = to_text(doc)
        if rng.random() < 0.1:
            text = _text_mutation(text, rng)
        yield f"seed{seed}-case{n}-source{source}", text


@attrs.frozen
class Crash:
    name: str
    step: str
    error: str
    where: str


def _steps(plan: uphmodel.Plan, base: uphmodel.Plan) -> Iterator[tuple[str, Callable[[], Any]]]:
    def patch() -> None:
        import jsonpatch  # type: ignore[import-untyped]

        changes = uphmodel.diff(base, plan)
        document = json.loads(uphmodel.dumps(base), parse_float=Decimal)
        jsonpatch.apply_patch(document, uphmodel.to_json_patch(base, changes))

    def round_trip() -> None:
        text = uphmodel.dumps(plan)
        again = uphmodel.loads(text)
        assert again == plan, "dumps then loads gives another plan"
        assert uphmodel.dumps(again) == text, "dumps is not canonical"

    def applied() -> None:
        changes = uphmodel.diff(base, plan)
        assert uphmodel.apply(base, changes) == plan, "apply(diff) does not give the new plan"
        assert uphmodel.PlanDiff.loads(changes.dumps()) == changes

    def allocations() -> None:
        for key in plan.allocation_keys:
            with contextlib.suppress(uphmodel.AllocationError):
                uphmodel.allocate(Decimal(1000), key, plan=plan)

    yield "check", lambda: uphmodel.check(plan)
    yield "dumps", round_trip
    yield "diff/apply", applied
    yield "to_json_patch", patch
    yield "history", lambda: uphmodel.history([base, plan])
    yield "render_changelog", lambda: uphmodel.render_changelog(base, plan)
    yield "money_summary", lambda: uphmodel.money_summary(plan)
    yield "active_in", lambda: uphmodel.active_in(plan, "2021")
    yield "overdue", lambda: uphmodel.overdue(plan, dt.date(2022, 6, 30))
    yield "redact", lambda: uphmodel.redact(plan)
    yield "allocate", allocations
    yield "progress", lambda: uphmodel.progress(plan)
    yield "summarize", lambda: uphmodel.summarize(plan)
    yield "==/hash", lambda: (plan == base, hash(plan), repr(plan))


def run_case(name: str, text: str, base: uphmodel.Plan, *, slow: float = 2.0) -> list[Crash]:
    """Every crash of one document: reading it, and each step after a successful read."""

    def crash(step: str, exc: BaseException) -> Crash:
        frames = traceback.extract_tb(exc.__traceback__)
        where = f"{Path(frames[-1].filename).name}:{frames[-1].lineno}" if frames else "?"
        return Crash(name, step, f"{type(exc).__name__}: {str(exc)[:300]}", where)

    try:
        plan = uphmodel.loads(text)
    except LoadError:
        return []
    except Exception as exc:
        return [crash("loads", exc)]
    found: list[Crash] = []
    for step, work in _steps(plan, base):
        start = time.perf_counter()
        try:
            work()
        except Exception as exc:
            found.append(crash(step, exc))
        took = time.perf_counter() - start
        if took > slow:
            found.append(Crash(name, step, f"took {took:.1f} s", ""))
    return found


def fuzz(seed: int, count: int, *, slow: float = 2.0) -> Iterator[tuple[str, str, list[Crash]]]:
    """Each case with its crashes (an empty list when it passed)."""
    bases = [uphmodel.loads(to_text(doc)) for doc in sources()]
    for name, text in cases(seed, count):
        source = int(name.rsplit("source", 1)[1])
        yield name, text, run_case(name, text, bases[source], slow=slow)
