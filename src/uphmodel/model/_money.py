"""Money: grants and their uses, population figures, allocation keys, pools and totals.

Amounts are Decimal kronor (or the record's currency), never float.
"""

from __future__ import annotations

import datetime as dt
import enum
from decimal import Decimal

import attrs

from uphmodel._frozen import EMPTY, Extra, FrozenMap
from uphmodel._period import Period
from uphmodel._typed import typed
from uphmodel.model._fields import (
    ID,
    amount_map,
    codes_field,
    extra_field,
    ids_field,
    items_field,
    to_decimal,
    valid_amount,
    valid_amount_map,
    valid_id,
    valid_optional_amount,
    valid_optional_id,
)
from uphmodel.model._provenance import (
    Provenance,
)

__all__ = [
    "AllocationKey",
    "BudgetLine",
    "Contribution",
    "Grant",
    "GrantUse",
    "KeyMethod",
    "KeyPart",
    "Payment",
    "Pool",
    "PopulationFigure",
    "Total",
    "UseKind",
]


class UseKind(enum.Enum):
    """What became of (part of) a grant's money."""

    SPENT = "spent"  #: used for an activity that was carried out (genomförd)
    COMMITTED = "committed"  #: bound to an activity that has started (påbörjad)
    CARRIED_OVER = "carried_over"  #: moved to the next year
    AT_RISK = "at_risk"  #: unused and at risk of being paid back (riskerar att återbetalas)
    REPAID = "repaid"  #: paid back to the funder


class KeyMethod(enum.Enum):
    """How an allocation key splits money (fördelningsnyckel)."""

    PROPORTIONAL = "proportional"  #: in proportion to weights (any measure, e.g. rurality)
    POPULATION = "population"  #: in proportion to population figures of the plan
    EQUAL = "equal"  #: the same to every party
    FIXED = "fixed"  #: a fixed amount per party
    PERCENTAGE = "percentage"  #: each party pays a percentage of its own grant
    FLOOR = "floor"  #: a floor per party, the rest by another key
    COMBINED = "combined"  #: parts of the total each split by its own key


@attrs.frozen(kw_only=True, field_transformer=typed)
class GrantUse:
    """What became of part of a grant's money: spent, committed, carried over, at risk, repaid.

    Attributes:
        id: unique within the plan.
        kind: what became of the money.
        amount: exact amount, as published; empty when the document does not state it
            (never 0 for "not stated").
        period: when.
        activities: ids of the activities it paid for.
        text: what it was used for, as written ("Genomförd digital psykiatrivecka").
        provenance: where it is written.
    """

    id: str = attrs.field(validator=valid_id, metadata=ID)
    kind: UseKind
    amount: Decimal | None = attrs.field(
        default=None, converter=to_decimal, validator=valid_optional_amount
    )
    period: Period | None = None
    activities: tuple[str, ...] = ids_field()
    text: str | None = None
    provenance: Provenance | None = None
    extra: Extra = extra_field()


@attrs.frozen(kw_only=True, field_transformer=typed)
class Payment:
    """One tranche in which a grant is paid (utbetalning).

    Attributes:
        id: unique within the plan.
        amount: exact amount; empty when the document does not state it.
        date: when it is paid (a day, or a coarser period where only that is known).
        text: the tranche as written ("50 % utbetalas i mars").
        provenance: where it is written.
    """

    id: str = attrs.field(validator=valid_id, metadata=ID)
    amount: Decimal | None = attrs.field(
        default=None, converter=to_decimal, validator=valid_optional_amount
    )
    date: Period | None = None
    text: str | None = None
    provenance: Provenance | None = None
    extra: Extra = extra_field()


@attrs.frozen(kw_only=True, field_transformer=typed)
class Grant:
    """Money granted for a purpose and period (stimulansmedel).

    Attributes:
        id: unique within the plan.
        purpose: the grant category as written ("Ökad tillgänglighet barn och unga").
        amount: exact amount; empty when the document does not state it (never 0 for "not
            stated").
        currency: ISO 4217 code.
        period: the year or period it is for.
        funder: id of the stakeholder that grants it.
        recipient: id of the stakeholder that receives it.
        eligible: ids of the stakeholders that may apply for it or receive it.
        eligibility: who is eligible, as written ("kommuner med färre än 10 000 invånare").
        part_of: id of the grant this one is a share of, counted within it and never added to
            it: one municipality's share of the municipalities' joint grant, or an amount
            earmarked for a theme inside a grant (a share without a recipient).
        key: id of the allocation key by which this grant was split into its shares.
        sections: ids of the plan's sections (intervention areas) it is for.
        focus_areas: codes of national framework items it is for.
        uses: what became of the money, as reported.
        payments: the tranches it is paid in, with their dates.
        partial: true when the document expressly lists only some of its shares or uses
            ("bland annat …"): their sum falling short of the amount is then no slip.
        note: anything else.
        provenance: where it is written.
    """

    id: str = attrs.field(validator=valid_id, metadata=ID)
    purpose: str
    amount: Decimal | None = attrs.field(
        default=None, converter=to_decimal, validator=valid_optional_amount
    )
    currency: str = "SEK"
    period: Period | None = None
    funder: str | None = attrs.field(default=None, validator=valid_optional_id, metadata=ID)
    recipient: str | None = attrs.field(default=None, validator=valid_optional_id, metadata=ID)
    eligible: tuple[str, ...] = ids_field()
    eligibility: str | None = None
    part_of: str | None = attrs.field(default=None, validator=valid_optional_id, metadata=ID)
    key: str | None = attrs.field(default=None, validator=valid_optional_id, metadata=ID)
    sections: tuple[str, ...] = ids_field()
    focus_areas: tuple[str, ...] = codes_field("focus_areas")
    uses: tuple[GrantUse, ...] = items_field()
    payments: tuple[Payment, ...] = items_field()
    partial: bool = False
    note: str | None = None
    provenance: Provenance | None = None
    extra: Extra = extra_field()


@attrs.frozen(kw_only=True, field_transformer=typed)
class PopulationFigure:
    """A population count on a reference date, the basis of many allocation keys.

    Attributes:
        id: unique within the plan.
        stakeholder: id of the municipality, region or area counted.
        count: number of inhabitants.
        date: the reference date ("Folkmängd 1 november 2017").
        source: where the figure comes from (SCB).
        provenance: where it is written.
    """

    id: str = attrs.field(validator=valid_id, metadata=ID)
    stakeholder: str = attrs.field(validator=valid_id, metadata=ID)
    count: int
    date: dt.date | None = None
    source: str | None = None
    provenance: Provenance | None = None
    extra: Extra = extra_field()


@attrs.frozen(kw_only=True, field_transformer=typed)
class Contribution:
    """What one principal pays into a pool.

    Attributes:
        id: unique within the plan.
        stakeholder: id of the paying stakeholder.
        amount: exact amount, as published; empty when the document does not state it.
        note: how it was computed, as written ("by population 1 November 2017").
        provenance: where it is written.
    """

    id: str = attrs.field(validator=valid_id, metadata=ID)
    stakeholder: str = attrs.field(validator=valid_id, metadata=ID)
    amount: Decimal | None = attrs.field(
        default=None, converter=to_decimal, validator=valid_optional_amount
    )
    note: str | None = None
    provenance: Provenance | None = None
    extra: Extra = extra_field()


@attrs.frozen(kw_only=True, field_transformer=typed)
class BudgetLine:
    """A line of a budget, tied to goals or activities.

    Attributes:
        id: unique within the plan.
        label: what the money is for, as written ("Samordningsresurs 100%").
        amount: exact amount; empty when the document does not state it.
        goals: ids of the goals it serves.
        activities: ids of the activities it pays for.
        note: anything else, such as the goal as the budget words it.
        provenance: where it is written.
    """

    id: str = attrs.field(validator=valid_id, metadata=ID)
    label: str
    amount: Decimal | None = attrs.field(
        default=None, converter=to_decimal, validator=valid_optional_amount
    )
    goals: tuple[str, ...] = ids_field()
    activities: tuple[str, ...] = ids_field()
    note: str | None = None
    provenance: Provenance | None = None
    extra: Extra = extra_field()


@attrs.frozen(kw_only=True, field_transformer=typed)
class KeyPart:
    """One part of a combined allocation key: a share of the total, split by its own key.

    Attributes:
        key: id of the :class:`AllocationKey` that splits this part.
        share: the part's share of the total, as a fraction (0.5 for half).
        amount: or the part's own total, as an amount.
        label: what the part is, as written ("hälften från regionen").
    """

    key: str = attrs.field(validator=valid_id, metadata=ID)
    share: Decimal | None = attrs.field(
        default=None, converter=to_decimal, validator=valid_optional_amount
    )
    amount: Decimal | None = attrs.field(
        default=None, converter=to_decimal, validator=valid_optional_amount
    )
    label: str | None = None
    extra: Extra = extra_field()


@attrs.frozen(kw_only=True, field_transformer=typed)
class AllocationKey:
    """How money is split between parties (fördelningsnyckel), recorded as data.

    ``uphmodel.allocate`` computes an exact split from a key. What a method uses:

    - ``proportional``: ``weights`` (party id to a weight in any measure, named in ``basis``);
    - ``population``: ``figures``, ids of the plan's population figures (party, count, date);
      a plan that names the population without listing it says so in ``population`` and
      ``source``, and the key cannot split until the figures are given;
    - ``equal``: ``parties``;
    - ``fixed``: ``amounts`` (party id to amount);
    - ``percentage``: ``percent`` of each of ``grants`` (the grants' recipients pay);
    - ``floor``: ``floor`` to each party of the ``rest`` key, the rest split by that key;
    - ``combined``: ``parts``, each a share of the total split by its own key.

    Attributes:
        id: unique within the plan.
        method: how it splits.
        label: what the plan calls it.
        basis: what the weights measure ("Folkmängd 1 november 2017", "glesbygdsindex").
        parties: ids of the parties, for an equal split.
        weights: party id to weight, for a proportional split.
        figures: ids of population figures, for a population split.
        population: the date or year of the population a population key refers to, where the
            plan names it without listing the figures ("folkmängd 1 november 2017").
        source: where those population figures come from ("SCB").
        amounts: party id to amount, for fixed amounts.
        percent: the percentage each party pays of its grant (50 for half).
        grants: ids of the grants whose recipients pay ``percent`` of them.
        floor: the amount each party gets before the rest is split.
        rest: id of the key that splits what is left after the floors.
        parts: the parts of a combined key.
        provenance: where the plan describes it.
    """

    id: str = attrs.field(validator=valid_id, metadata=ID)
    method: KeyMethod
    label: str | None = None
    basis: str | None = None
    parties: tuple[str, ...] = ids_field()
    weights: FrozenMap[str, Decimal] = attrs.field(
        default=EMPTY, converter=amount_map, validator=valid_amount_map
    )
    figures: tuple[str, ...] = ids_field()
    population: Period | None = None
    source: str | None = None
    amounts: FrozenMap[str, Decimal] = attrs.field(
        default=EMPTY, converter=amount_map, validator=valid_amount_map
    )
    percent: Decimal | None = attrs.field(
        default=None, converter=to_decimal, validator=valid_optional_amount
    )
    grants: tuple[str, ...] = ids_field()
    floor: Decimal | None = attrs.field(
        default=None, converter=to_decimal, validator=valid_optional_amount
    )
    rest: str | None = attrs.field(default=None, validator=valid_optional_id, metadata=ID)
    parts: tuple[KeyPart, ...] = items_field()
    provenance: Provenance | None = None
    extra: Extra = extra_field()


@attrs.frozen(kw_only=True, field_transformer=typed)
class Pool:
    """Money that principals put together and spend on joint budget lines.

    Attributes:
        id: unique within the plan.
        name: as written ("Regional budget projekt psykisk hälsa 2018").
        period: the year or period of the pool.
        currency: ISO 4217 code of its amounts.
        size: the pool's size as the document states it, apart from what its contributions and
            budget lines add up to ("en regional budget om 2 500 000 kr").
        contributions: what each principal pays in.
        key: id of the allocation key by which the contributions were split.
        budget_lines: what the pool pays for.
        partial: true when the document expressly lists only some of its budget lines
            ("bland annat …"): their sum falling short is then no slip.
        note: how it was decided and split, as written.
        provenance: where it is written.
    """

    id: str = attrs.field(validator=valid_id, metadata=ID)
    name: str
    period: Period | None = None
    currency: str = "SEK"
    size: Decimal | None = attrs.field(
        default=None, converter=to_decimal, validator=valid_optional_amount
    )
    contributions: tuple[Contribution, ...] = items_field()
    key: str | None = attrs.field(default=None, validator=valid_optional_id, metadata=ID)
    budget_lines: tuple[BudgetLine, ...] = items_field()
    partial: bool = False
    note: str | None = None
    provenance: Provenance | None = None
    extra: Extra = extra_field()


@attrs.frozen(kw_only=True, field_transformer=typed)
class Total:
    """A total as a document states it ("Summa", "Totalt"), with the items it is the sum of.

    Totals are kept as published, so that validation can compare them with the sum of their
    parts and report a difference rather than the data being silently corrected. A total of
    items that carry no figure (goals, activities …) counts them: "34 målområden".

    Attributes:
        id: unique within the plan.
        label: as written ("Totalt har länet erhållit").
        value: the stated total, exactly as published.
        unit: what is summed: a currency code ("SEK") or a unit such as "invånare".
        parts: ids of the items summed (grants, grant uses, contributions, budget lines,
            population figures, other totals) or counted (any other item counts one).
        partial: true when the document expressly names only some of the parts ("bland annat
            …"): their sum falling short of the total is then no slip.
        provenance: where it is written.
    """

    id: str = attrs.field(validator=valid_id, metadata=ID)
    label: str
    value: Decimal = attrs.field(converter=to_decimal, validator=valid_amount)
    unit: str | None = None
    parts: tuple[str, ...] = ids_field()
    partial: bool = False
    provenance: Provenance | None = None
    extra: Extra = extra_field()
