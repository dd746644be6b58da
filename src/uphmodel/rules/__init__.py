"""Validation as data: the built-in rules, the one list they are registered in, and ``check``.

A rule is a plain function from a plan (and a :class:`CheckContext`) to :class:`Finding` values,
registered with an id, a category and a severity in :data:`RULES`. The rules live by subject:
``_references`` (ids, references, codes, frameworks, circles), ``_goals`` (goals and follow-up),
``_money``, ``_periods``, ``_indicators``, ``_stakeholders`` and ``_fields``; ``_engine`` runs
them. Each is documented with a failing and a passing example in ``docs/rules.md``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any

import attrs

from uphmodel._gc import paused
from uphmodel._limits import exact
from uphmodel.model import Framework, Plan
from uphmodel.rules._engine import (
    CheckContext,
    CheckOptions,
    Finding,
    Report,
    Rule,
    Severity,
    evaluate,
)
from uphmodel.rules._fields import _inferred, _unknown
from uphmodel.rules._goals import _decided, _horizons, _successors
from uphmodel.rules._indicators import (
    _baseline,
    _dimensions,
    _rate_base,
    _target_baseline,
    _target_period,
    _values,
)
from uphmodel.rules._money import _keys, _payments, _pools, _shares, _total_units, _totals, _uses
from uphmodel.rules._periods import _inferred_periods, _order, _readable, _within_plan
from uphmodel.rules._references import (
    _codes,
    _cycles,
    _defined,
    _resolve,
    _section_numbers,
    _unique_ids,
)
from uphmodel.rules._stakeholders import _emails, _identifiers, _official, _personal

__all__ = [
    "RULES",
    "CheckContext",
    "CheckOptions",
    "Finding",
    "Report",
    "Rule",
    "Severity",
    "check",
]

ERROR, WARNING, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO


def _rule(
    id: str, category: str, severity: Severity, description: str, check: Any,
    draft: Severity | None = None,
) -> Rule:  # fmt: skip
    return Rule(
        id=id,
        category=category,
        severity=severity,
        description=description,
        check=check,
        draft=draft,
    )


#: The built-in rules, in the order they run. Add your own with ``(*RULES, my_rule)``.
RULES: tuple[Rule, ...] = (
    _rule("ids.unique", "ids", ERROR, "Every id is used once in the plan.", _unique_ids),
    _rule("refs.resolve", "references", ERROR,
          "Every reference points at an item of the plan, of the right kind.", _resolve),
    _rule("refs.codes", "references", ERROR,
          "Frameworks and the codes of focus areas, target groups, prevention levels and "
          "perspectives are known: built in, the plan's own, or passed to check.", _codes),
    _rule("frameworks.defined", "references", ERROR,
          "The plan's own frameworks have unique ids and codes, and parents among their codes.",
          _defined),
    _rule("hierarchy.cycles", "structure", ERROR,
          "Parents of goals, sections, stakeholders and grants form no circle.", _cycles),
    _rule("sections.numbers", "structure", WARNING,
          "No two sections of one kind under the same parent have the same number.",
          _section_numbers),
    _rule("goals.horizon", "goals", WARNING,
          "Short-term goals serve long-term goals.", _horizons, draft=INFO),
    _rule("totals.sum", "money", ERROR,
          "Every stated total equals the sum of its parts.", _totals),
    _rule("totals.units", "money", ERROR,
          "A total adds up figures of one kind and one currency.", _total_units),
    _rule("grants.shares", "money", ERROR,
          "The shares of a grant do not add up to more than the grant.", _shares),
    _rule("grants.payments", "money", ERROR,
          "The payments of a grant do not add up to more than the grant.", _payments),
    _rule("grants.uses", "money", ERROR,
          "What was used and what is left of a grant add up to the grant.", _uses),
    _rule("keys.shares", "money", WARNING,
          "Allocation keys can split, and published shares are what their key gives, to the "
          "unit they are rounded to.", _keys),
    _rule("pools.balance", "money", ERROR,
          "A pool's budget lines add up to what was paid into it.", _pools),
    _rule("periods.order", "periods", ERROR, "No period ends before it starts.", _order),
    _rule("timelines.readable", "periods", WARNING,
          "Every timeline could be read: a period or a recurrence, nothing left over.", _readable,
          draft=INFO),
    _rule("timelines.inferred", "periods", WARNING,
          "A timeline is dated by its own text: a year or period the plan supplied is named "
          "(a warning where the plan spans several years, a note where it spans one).",
          _inferred_periods, draft=INFO),
    _rule("periods.within-plan", "periods", WARNING,
          "Timelines of goals and activities lie inside their section's period or the plan's "
          "(deadlines, long-term goals and visions may reach beyond).", _within_plan),
    _rule("indicators.values", "indicators", ERROR,
          "Indicator values fit their measure, and figures are written consistently: a "
          "qualifier, a range or a part of a whole has a number; a figure not stated has none.",
          _values),
    _rule("indicators.rate-base", "indicators", ERROR,
          "A rate says per how many inhabitants.", _rate_base),
    _rule("indicators.dimensions", "indicators", ERROR,
          "Values are broken down only by dimensions the indicator declares.", _dimensions),
    _rule("indicators.target-baseline", "indicators", WARNING,
          "A target stated relative to the baseline has a baseline with a number and a period.",
          _target_baseline),
    _rule("indicators.target-period", "indicators", WARNING,
          "A target says by when.", _target_period, draft=INFO),
    _rule("indicators.baseline", "indicators", WARNING,
          "A quantitative indicator has a baseline or values, or says why not.", _baseline,
          draft=INFO),
    _rule("followup.decided", "follow-up", WARNING,
          "A follow-up decides on every goal it follows up.", _decided, draft=INFO),
    _rule("followup.successors", "follow-up", ERROR,
          "Merged goals, goals turned into activities and kept goals point at what carries "
          "them on.", _successors),
    _rule("contacts.email", "stakeholders", ERROR,
          "Contact e-mail addresses are well-formed.", _emails),
    _rule("contacts.personal-data", "stakeholders", INFO,
          "Personal data present (so that exports can strip it).", _personal),
    _rule("stakeholders.identifiers", "stakeholders", ERROR,
          "Official identifiers are well-formed (SCB codes, organisation numbers).", _identifiers),
    _rule("stakeholders.official-codes", "stakeholders", WARNING,
          "SCB codes of regions and municipalities were in use on the plan's date and belong "
          "to the stakeholder's name (uphmodel.regions).", _official),
    _rule("fields.inferred", "fields", ERROR,
          "Every field marked inferred is a field of its record.", _inferred),
    _rule("fields.unknown", "fields", INFO,
          "Every field is one uphmodel knows; unknown ones are kept, and named here with the "
          "field they are close to.", _unknown),
)  # fmt: skip


@exact
@paused
def check(
    plan: Plan,
    *,
    profile: str = "final",
    rules: Iterable[Rule] = RULES,
    options: CheckOptions | None = None,
    disable: Iterable[str] = (),
    severities: Mapping[str, Severity | str] | None = None,
    tolerance: Decimal | int | str | None = None,
    frameworks: Iterable[Framework] = (),
) -> Report:
    """Check ``plan`` and return every finding as a :class:`~uphmodel.Report`.

    ``profile`` is ``"final"`` (a plan to be submitted) or ``"draft"`` (a plan being written:
    missing values are info). ``rules`` defaults to :data:`RULES`; pass ``(*uphmodel.RULES,
    my_rule)`` to add your own. ``disable``, ``severities`` and ``tolerance`` are shorthands for
    the fields of :class:`~uphmodel.CheckOptions` and are added to ``options``. Codes resolve
    against the built-in frameworks, the plan's own (``own_frameworks``) and ``frameworks``
    (a region's strategy the plan does not carry, say); later ones win for the same id. Raises
    ``ValueError`` for an unknown profile or rule id (a programming error, not a data problem).

    >>> import uphmodel
    >>> report = uphmodel.check(uphmodel.examples.load("jamtland-harjedalen-2018"))
    >>> [str(f.difference) for f in report.by_rule("totals.sum")]
    ['-63', '3']
    """
    opts = options or CheckOptions()
    if disable or severities or tolerance is not None:
        opts = attrs.evolve(
            opts,
            disable=opts.disable | frozenset(disable),
            severities={**opts.severities, **(severities or {})},
            tolerance=Decimal(tolerance) if tolerance is not None else opts.tolerance,
        )
    return evaluate(plan, rules, profile=profile, options=opts, frameworks=frameworks)
