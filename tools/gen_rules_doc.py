"""Generate the rule reference of docs/rules.md from uphmodel.RULES and tests/rule_cases.py.

Run ``python tools/gen_rules_doc.py`` to rewrite the part of the page between the
``<!-- rules:begin -->`` and ``<!-- rules:end -->`` markers. Each rule's failing example is run,
so the findings shown are the ones the library reports; the test suite fails when the page is out
of date.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.rule_cases import CASES, document  # noqa: E402
from tools._pages import replace_between, rewrite  # noqa: E402

import uphmodel  # noqa: E402

PAGE = ROOT / "docs" / "rules.md"
BEGIN, END = "<!-- rules:begin -->", "<!-- rules:end -->"


def reference() -> str:
    rows = ["| rule | category | final | draft | requires |", "|---|---|---|---|---|"]
    for rule in uphmodel.RULES:
        anchor = rule.anchor.split("#", 1)[1]
        rows.append(
            f"| [`{rule.id}`](#{anchor}) | {rule.category} | {rule.severity.value} | "
            f"{rule.severity_in('draft').value} | {rule.description} |"
        )
    parts = ["\n".join(rows) + "\n"]
    for rule in uphmodel.RULES:
        failing, passing = CASES[rule.id]
        plan = uphmodel.loads(document(failing))
        findings = uphmodel.check(plan, rules=[rule])
        shown = "\n".join(str(f) for f in findings)
        anchor = rule.anchor.split("#", 1)[1]
        parts.append(
            f'<a id="{anchor}"></a>\n\n### `{rule.id}`\n\n{rule.description} '
            f"Category *{rule.category}*; severity **{rule.severity.value}**"
            + (f" (**{rule.draft.value}** in the draft profile)" if rule.draft else "")
            + ".\n\n"
            f"Fails:\n\n```json\n{{{failing}\n}}\n```\n\n"
            f"reports\n\n```text\n{shown}\n```\n\n"
            f"Passes:\n\n```json\n{{{passing}\n}}\n```\n"
        )
    return "\n".join(parts)


def render(page: str) -> str:
    return replace_between(page, BEGIN, END, reference())


if __name__ == "__main__":
    rewrite(PAGE, render)
