"""The docs stay true: the JSON reference is generated from the model and is up to date.

The code examples in docs/*.md and README.md run as doctests (see ``addopts`` in pyproject.toml).
"""

from __future__ import annotations

import importlib.util
import re

import attrs

import uphmodel

from .conftest import ROOT


def _generator():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("gen", ROOT / "tools" / "gen_json_format.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_json_format_reference_is_current() -> None:
    gen = _generator()
    page = gen.PAGE.read_text(encoding="utf-8")
    assert gen.render(page) == page, "run: python tools/gen_json_format.py"


def test_reference_covers_every_record_of_every_kind_of_document() -> None:
    gen = _generator()
    reachable: set[type] = set()
    todo: list[type] = [uphmodel.Plan, uphmodel.Framework, uphmodel.Crosswalk]
    while todo:
        cls = todo.pop()
        if cls in reachable:
            continue
        reachable.add(cls)
        for field in attrs.fields(cls):
            text = str(field.type)
            for name in re.findall(r"[A-Z][A-Za-z]+", text):
                candidate = getattr(uphmodel, name, None)
                if isinstance(candidate, type) and attrs.has(candidate):
                    todo.append(candidate)
    reachable -= {uphmodel.Period, uphmodel.Span}
    assert reachable == set(gen.RECORDS)


def test_readme_quick_start_has_exactly_two_commands() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    quick = readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    commands = re.findall(r"```sh\n(.*?)\n```", quick, re.S)
    assert len(commands) == 2
    assert all("\n" not in c for c in commands)
    assert "uphmodel summary" in commands[0]
    assert "pytest" in commands[1]


def test_rules_page_is_current_and_lists_every_rule() -> None:
    spec = importlib.util.spec_from_file_location("genrules", ROOT / "tools" / "gen_rules_doc.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    page = module.PAGE.read_text(encoding="utf-8")
    assert module.render(page) == page, "run: python tools/gen_rules_doc.py"
    for rule in uphmodel.RULES:
        assert f'<a id="{rule.anchor.split("#")[1]}"></a>' in page
