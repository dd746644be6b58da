"""Built-in code lists: national frameworks, target groups, prevention levels, perspectives.

Codes are stable and independent of how any document numbers or words them: Västerbotten 2018
calls "Enskildas delaktighet" focus area 3, Norrbotten and Jämtland call it 4, and all three
refer to ``participation-rights``. A plan keeps its own numbering and wording in
:attr:`uphmodel.Plan.focus_areas`, and its own categories in :attr:`uphmodel.Plan.sections`.

>>> FOCUS_AREAS["vulnerable-groups"].label
'Utsatta grupper'
>>> [c.code for c in STRATEGY_2025.items if c.kind == "overall_goal"]
['better-mental-health', 'fewer-suicides', 'less-inequality', 'fewer-consequences']
>>> framework_of("fewer-suicides").id
'strategy-2025'
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from types import MappingProxyType

import attrs

__all__ = [
    "BUILTIN",
    "FOCUS_AREAS",
    "FRAMEWORKS",
    "PERSPECTIVES",
    "PREVENTION_LEVELS",
    "STRATEGY_2025",
    "TARGET_GROUPS",
    "Code",
    "CodeList",
    "framework_of",
]


@attrs.frozen(kw_only=True)
class Code:
    """One entry of a code list.

    Attributes:
        code: stable identifier, unique within its list.
        label: Swedish label, as the national documents word it.
        label_en: English label.
        kind: the level of the entry in a framework with levels ("overall_goal", "sub_goal").
        description: what the entry covers.
    """

    code: str
    label: str
    label_en: str
    kind: str | None = None
    description: str | None = None


@attrs.frozen(kw_only=True)
class CodeList:
    """A named list of codes, such as a national framework.

    Attributes:
        id: stable identifier of the list.
        label: Swedish name.
        label_en: English name.
        items: the entries, in the order the national documents give them.
        description: where the list comes from.
    """

    id: str
    label: str
    label_en: str
    items: tuple[Code, ...]
    description: str | None = None

    def __attrs_post_init__(self) -> None:
        seen: set[str] = set()
        for item in self.items:
            if item.code in seen:
                raise ValueError(f"code {item.code!r} appears twice in code list {self.id!r}")
            seen.add(item.code)

    def __getitem__(self, code: str) -> Code:
        for item in self.items:
            if item.code == code:
                return item
        raise KeyError(f"{code!r} is not a code of {self.id!r}")

    def __contains__(self, code: object) -> bool:
        return any(item.code == code for item in self.items)

    def __iter__(self) -> Iterator[Code]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    @property
    def codes(self) -> tuple[str, ...]:
        """The codes, in order."""
        return tuple(item.code for item in self.items)


FOCUS_AREAS = CodeList(
    id="focus-areas-2016",
    label="Fokusområden",
    label_en="Focus areas",
    description=(
        "The five focus areas of the government's strategy for mental health 2016-2020 and of the "
        "agreements between the state and SKL/SKR on support to targeted efforts in mental health."
    ),
    items=(
        Code(
            code="prevention-promotion",
            label="Förebyggande och främjande arbete",
            label_en="Preventive and promotive work",
        ),
        Code(
            code="accessible-early",
            label="Tillgängliga och tidiga insatser",
            label_en="Accessible and early interventions",
        ),
        Code(code="vulnerable-groups", label="Utsatta grupper", label_en="Vulnerable groups"),
        Code(
            code="participation-rights",
            label="Enskildas delaktighet och rättigheter",
            label_en="Individual participation and rights",
        ),
        Code(
            code="leadership-governance",
            label="Ledning, styrning och organisation",
            label_en="Leadership, governance and organisation",
        ),
    ),
)

STRATEGY_2025 = CodeList(
    id="strategy-2025",
    label="Det handlar om livet – nationell strategi för psykisk hälsa och suicidprevention",
    label_en="It is about life – national strategy for mental health and suicide prevention",
    description=(
        "Adopted January 2025. Vision: a society that promotes good and equal health in the whole "
        "population, where no one should end up in a situation where suicide is felt to be the "
        "only way out. Four overall goals, reached through seven sub-goals."
    ),
    items=(
        Code(
            code="better-mental-health",
            kind="overall_goal",
            label="En bättre psykisk hälsa i hela befolkningen",
            label_en="Better mental health in the whole population",
        ),
        Code(
            code="fewer-suicides",
            kind="overall_goal",
            label="Färre liv förlorade i suicid",
            label_en="Fewer lives lost to suicide",
        ),
        Code(
            code="less-inequality",
            kind="overall_goal",
            label="Minskad ojämlikhet i psykisk hälsa",
            label_en="Less inequality in mental health",
        ),
        Code(
            code="fewer-consequences",
            kind="overall_goal",
            label="Minskade negativa konsekvenser på grund av psykiatriska tillstånd",
            label_en="Fewer negative consequences of psychiatric conditions",
        ),
        Code(
            code="wellbeing",
            kind="sub_goal",
            label=(
                "Ökat fokus på att stärka psykiskt välbefinnande och psykisk hälsa som resurs för "
                "individ och samhälle"
            ),
            label_en=(
                "More focus on strengthening mental well-being and mental health as a resource for "
                "the individual and society"
            ),
        ),
        Code(
            code="children-youth",
            kind="sub_goal",
            label="Ökade investeringar i barn och unga för en god psykisk hälsa genom hela livet",
            label_en="More investment in children and young people for good mental health for life",
        ),
        Code(
            code="working-life",
            kind="sub_goal",
            label="Ett inkluderande och hållbart arbetsliv som främjar psykisk hälsa",
            label_en="An inclusive and sustainable working life that promotes mental health",
        ),
        Code(
            code="inclusive-society",
            kind="sub_goal",
            label="Ett inkluderande samhälle med delaktiga invånare",
            label_en="An inclusive society with participating inhabitants",
        ),
        Code(
            code="care-meets-needs",
            kind="sub_goal",
            label="Vård och omsorg som möter patienters och brukares behov",
            label_en="Health and social care that meets the needs of patients and users",
        ),
        Code(
            code="suicide-prevention",
            kind="sub_goal",
            label="Stärkt suicidpreventivt arbete",
            label_en="Stronger suicide prevention",
        ),
        Code(
            code="knowledge",
            kind="sub_goal",
            label="Stärkt kunskapsutveckling inom området psykisk hälsa och suicidprevention",
            label_en="Stronger development of knowledge in mental health and suicide prevention",
        ),
    ),
)

TARGET_GROUPS = CodeList(
    id="target-groups",
    label="Målgrupper",
    label_en="Target groups",
    items=(
        Code(code="children-youth", label="Barn och unga", label_en="Children and young people"),
        Code(code="young-adults", label="Unga vuxna", label_en="Young adults"),
        Code(code="adults", label="Vuxna", label_en="Adults"),
        Code(code="older-people", label="Äldre", label_en="Older people"),
        Code(
            code="newly-arrived",
            label="Asylsökande och nyanlända",
            label_en="Asylum seekers and newly arrived",
        ),
        Code(code="vulnerable", label="Utsatta grupper", label_en="Vulnerable groups"),
        Code(
            code="placed-children",
            label="Samhällsplacerade barn och unga",
            label_en="Children and young people in care",
        ),
        Code(
            code="neet",
            label="Unga som varken arbetar eller studerar",
            label_en="Young people not in employment, education or training",
        ),
        Code(
            code="co-occurring",
            label="Personer med samsjuklighet",
            label_en="People with co-occurring substance use and mental disorders",
        ),
        Code(
            code="neurodevelopmental",
            label="Personer med neuropsykiatriska funktionsnedsättningar",
            label_en="People with neurodevelopmental disabilities",
        ),
        Code(code="lgbtq", label="HBTQ-personer", label_en="LGBTQ people"),
        Code(
            code="sami-minorities",
            label="Samer och nationella minoriteter",
            label_en="The Sami and national minorities",
        ),
        Code(
            code="violence-affected",
            label="Personer utsatta för våld i nära relationer",
            label_en="People exposed to domestic violence",
        ),
        Code(
            code="relatives", label="Anhöriga och närstående", label_en="Relatives and next of kin"
        ),
    ),
)

PREVENTION_LEVELS = CodeList(
    id="prevention-levels",
    label="Preventionsnivåer",
    label_en="Prevention levels",
    items=(
        Code(code="universal", label="Universell", label_en="Universal"),
        Code(code="selective", label="Selektiv", label_en="Selective"),
        Code(code="indicated", label="Indikerad", label_en="Indicated"),
    ),
)

PERSPECTIVES = CodeList(
    id="perspectives",
    label="Perspektiv",
    label_en="Cross-cutting perspectives",
    items=(
        Code(code="gender-equality", label="Jämställdhet", label_en="Gender equality"),
        Code(code="child-rights", label="Barnrätt", label_en="Rights of the child"),
        Code(code="equity", label="Jämlikhet", label_en="Equity in health"),
        Code(
            code="national-minorities",
            label="Nationella minoriteter och urfolket samerna",
            label_en="National minorities and the Sami people",
        ),
        Code(code="lgbtq", label="HBTQ-perspektiv", label_en="LGBTQ perspective"),
        Code(code="user-participation", label="Brukarperspektiv", label_en="User participation"),
    ),
)

#: The national frameworks that goals, activities and sections map onto.
FRAMEWORKS: tuple[CodeList, ...] = (FOCUS_AREAS, STRATEGY_2025)

#: Every built-in code list by id (read-only).
BUILTIN: Mapping[str, CodeList] = MappingProxyType(
    {lst.id: lst for lst in (*FRAMEWORKS, TARGET_GROUPS, PREVENTION_LEVELS, PERSPECTIVES)}
)


def framework_of(code: str) -> CodeList:
    """The built-in framework that defines ``code`` (a ``KeyError`` if none does)."""
    for framework in FRAMEWORKS:
        if code in framework:
            return framework
    raise KeyError(f"{code!r} is not a code of any built-in framework")
