"""A failing and a passing example for every built-in rule.

Each case is a fragment of a plan document (the fields after ``schema_version``, ``id``,
``title`` and ``kind``). ``tests/test_rules.py`` checks that the failing fragment makes the rule
report and the passing one does not; ``tools/gen_rules_doc.py`` renders them into docs/rules.md.
"""

from __future__ import annotations

from uphmodel import SCHEMA_VERSION

CASES: dict[str, tuple[str, str]] = {
    "ids.unique": (
        """
  "goals": [
    {"id": "farre-suicid", "text": "Färre suicid"},
    {"id": "farre-suicid", "text": "Nollvision"}
  ]""",
        """
  "goals": [
    {"id": "farre-suicid", "text": "Färre suicid"},
    {"id": "nollvision", "text": "Nollvision"}
  ]""",
    ),
    "refs.resolve": (
        """
  "stakeholders": [{"id": "svom", "name": "SVOM", "kind": "collaboration_body"}],
  "goals": [
    {"id": "g1", "text": "Färre suicid", "responsibilities": [{"stakeholder": "svmo"}]},
    {"id": "g2", "text": "Öka kunskapen", "parent": "svom"}
  ]""",
        """
  "stakeholders": [{"id": "svom", "name": "SVOM", "kind": "collaboration_body"}],
  "goals": [
    {"id": "g1", "text": "Färre suicid", "responsibilities": [{"stakeholder": "svom"}]},
    {"id": "g2", "text": "Öka kunskapen", "parent": "g1"}
  ]""",
    ),
    "refs.codes": (
        """
  "frameworks": ["focus-areas-2016", "rus-2024"],
  "goals": [
    {"id": "g1", "text": "Färre suicid", "focus_areas": ["suicide"],
     "target_groups": ["barn-och-unga"]},
    {"id": "g2", "text": "Stärkt suicidpreventivt arbete",
     "focus_areas": ["suicide-prevention", "strategy-2025:fewer-suicide"]}
  ]""",
        """
  "frameworks": ["focus-areas-2016", "strategy-2025"],
  "own_frameworks": [
    {"id": "rus-2024", "title": "Regional utvecklingsstrategi 2024",
     "codes": [{"code": "unga-i-fokus", "label": "Unga i fokus"}]}
  ],
  "goals": [
    {"id": "g1", "text": "Färre suicid", "focus_areas": ["prevention-promotion", "unga-i-fokus"],
     "target_groups": ["children-youth"]},
    {"id": "g2", "text": "Stärkt suicidpreventivt arbete",
     "focus_areas": ["suicide-prevention", "strategy-2025:fewer-suicides"]}
  ]""",
    ),
    "frameworks.defined": (
        """
  "own_frameworks": [
    {"id": "rus-2024", "title": "Regional utvecklingsstrategi 2024",
     "codes": [
       {"code": "unga", "label": "Unga i fokus"},
       {"code": "unga", "label": "Ungas inflytande", "parent": "ung"}
     ]}
  ]""",
        """
  "own_frameworks": [
    {"id": "rus-2024", "title": "Regional utvecklingsstrategi 2024",
     "codes": [
       {"code": "unga", "label": "Unga i fokus"},
       {"code": "ungas-inflytande", "label": "Ungas inflytande", "parent": "unga"}
     ]}
  ]""",
    ),
    "hierarchy.cycles": (
        """
  "goals": [
    {"id": "a", "text": "Samordna pågående satsningar", "parent": "b"},
    {"id": "b", "text": "Samordningsresurs", "parent": "a"}
  ]""",
        """
  "goals": [
    {"id": "a", "text": "Samordna pågående satsningar"},
    {"id": "b", "text": "Samordningsresurs", "parent": "a"}
  ]""",
    ),
    "sections.numbers": (
        """
  "sections": [
    {"id": "s2", "title": "Barn och unga", "number": "2"},
    {"id": "s2-1", "title": "Tillgängliga insatser", "number": "2.1", "parent": "s2"},
    {"id": "s2-1b", "title": "Tidiga insatser", "number": "2.1", "parent": "s2"}
  ]""",
        """
  "sections": [
    {"id": "s2", "title": "Barn och unga", "number": "2"},
    {"id": "s2-1", "title": "Tillgängliga insatser", "number": "2.1", "parent": "s2"},
    {"id": "s2-2", "title": "Tidiga insatser", "number": "2.2", "parent": "s2"}
  ]""",
    ),
    "goals.horizon": (
        """
  "goals": [
    {"id": "mangbesokare", "text": "Identifiera mångbesökare", "horizon": "short_term"}
  ]""",
        """
  "goals": [
    {"id": "samsjuklighet", "text": "Främja den psykiska hälsan", "horizon": "long_term"},
    {"id": "mangbesokare", "text": "Identifiera mångbesökare", "horizon": "short_term",
     "parent": "samsjuklighet"}
  ]""",
    ),
    "totals.sum": (
        """
  "stakeholders": [
    {"id": "kn-berg", "name": "Bergs kommun", "kind": "municipality"},
    {"id": "kn-bracke", "name": "Bräcke kommun", "kind": "municipality"}
  ],
  "populations": [
    {"id": "berg", "stakeholder": "kn-berg", "count": 7126},
    {"id": "bracke", "stakeholder": "kn-bracke", "count": 6497}
  ],
  "grants": [
    {"id": "g-berg", "purpose": "Handlingsplan", "amount": 246842},
    {"id": "g-bracke", "purpose": "Handlingsplan", "amount": 225053}
  ],
  "totals": [
    {"id": "summa-folkmangd", "label": "Summa", "value": 13600, "unit": "invånare",
     "parts": ["berg", "bracke"]},
    {"id": "summa-medel", "label": "Summa", "value": 471896, "unit": "SEK",
     "parts": ["g-berg", "g-bracke"]}
  ]""",
        """
  "stakeholders": [
    {"id": "kn-berg", "name": "Bergs kommun", "kind": "municipality"},
    {"id": "kn-bracke", "name": "Bräcke kommun", "kind": "municipality"}
  ],
  "populations": [
    {"id": "berg", "stakeholder": "kn-berg", "count": 7126},
    {"id": "bracke", "stakeholder": "kn-bracke", "count": 6497}
  ],
  "grants": [
    {"id": "g-berg", "purpose": "Handlingsplan", "amount": 246842},
    {"id": "g-bracke", "purpose": "Handlingsplan", "amount": 225053}
  ],
  "totals": [
    {"id": "summa-folkmangd", "label": "Summa", "value": 13623, "unit": "invånare",
     "parts": ["berg", "bracke"]},
    {"id": "summa-medel", "label": "Summa", "value": 471895, "unit": "SEK",
     "parts": ["g-berg", "g-bracke"]}
  ]""",
    ),
    "totals.units": (
        """
  "stakeholders": [{"id": "kn-berg", "name": "Bergs kommun", "kind": "municipality"}],
  "populations": [{"id": "berg", "stakeholder": "kn-berg", "count": 7126}],
  "grants": [{"id": "g-berg", "purpose": "Handlingsplan", "amount": 246842}],
  "totals": [
    {"id": "t", "label": "Summa", "value": 253968, "unit": "SEK", "parts": ["berg", "g-berg"]}
  ]""",
        """
  "stakeholders": [{"id": "kn-berg", "name": "Bergs kommun", "kind": "municipality"}],
  "populations": [{"id": "berg", "stakeholder": "kn-berg", "count": 7126}],
  "grants": [{"id": "g-berg", "purpose": "Handlingsplan", "amount": 246842}],
  "totals": [
    {"id": "t", "label": "Summa", "value": 246842, "unit": "SEK", "parts": ["g-berg"]}
  ]""",
    ),
    "grants.shares": (
        """
  "grants": [
    {"id": "kommunerna", "purpose": "Gemensam analys och handlingsplan", "amount": 400000},
    {"id": "berg", "purpose": "Gemensam analys och handlingsplan", "amount": 246842,
     "part_of": "kommunerna"},
    {"id": "bracke", "purpose": "Gemensam analys och handlingsplan", "amount": 225053,
     "part_of": "kommunerna"}
  ]""",
        """
  "grants": [
    {"id": "kommunerna", "purpose": "Gemensam analys och handlingsplan", "amount": 471895},
    {"id": "berg", "purpose": "Gemensam analys och handlingsplan", "amount": 246842,
     "part_of": "kommunerna"},
    {"id": "bracke", "purpose": "Gemensam analys och handlingsplan", "amount": 225053,
     "part_of": "kommunerna"}
  ]""",
    ),
    "grants.payments": (
        """
  "grants": [
    {"id": "g", "purpose": "Stimulansmedel 2026", "amount": 1000000, "payments": [
      {"id": "g-1", "amount": 600000, "date": "2026-03", "text": "60 % i mars"},
      {"id": "g-2", "amount": 600000, "date": "2026-09", "text": "resten i september"}
    ]}
  ]""",
        """
  "grants": [
    {"id": "g", "purpose": "Stimulansmedel 2026", "amount": 1000000, "payments": [
      {"id": "g-1", "amount": 600000, "date": "2026-03", "text": "60 % i mars"},
      {"id": "g-2", "date": "2026-09", "text": "resten i september"}
    ]}
  ]""",
    ),
    "grants.uses": (
        """
  "grants": [
    {"id": "samverkan", "purpose": "Stärkt samverkan", "amount": 3642587, "uses": [
      {"id": "psykiatrivecka", "kind": "spent", "amount": 125000},
      {"id": "um", "kind": "spent", "amount": 247750},
      {"id": "risk", "kind": "at_risk", "amount": 3296837}
    ]}
  ]""",
        """
  "grants": [
    {"id": "samverkan", "purpose": "Stärkt samverkan", "amount": 3642587, "uses": [
      {"id": "psykiatrivecka", "kind": "spent", "amount": 125000},
      {"id": "um", "kind": "spent", "amount": 247750},
      {"id": "risk", "kind": "at_risk", "amount": 3269837}
    ]}
  ]""",
    ),
    "keys.shares": (
        """
  "stakeholders": [
    {"id": "region", "name": "Region Norrbotten", "kind": "region"},
    {"id": "nk", "name": "Norrbottens Kommuner", "kind": "municipal_association"}
  ],
  "allocation_keys": [
    {"id": "halva", "method": "equal", "parties": ["region", "nk"]},
    {"id": "trasig", "method": "proportional", "weights": {"region": 0, "nk": 0}}
  ],
  "grants": [
    {"id": "samverkan", "purpose": "Stärkt samverkan", "amount": 7285175, "key": "halva"},
    {"id": "samverkan-nk", "purpose": "Stärkt samverkan", "amount": 3500000,
     "recipient": "nk", "part_of": "samverkan"}
  ]""",
        """
  "stakeholders": [
    {"id": "region", "name": "Region Norrbotten", "kind": "region"},
    {"id": "nk", "name": "Norrbottens Kommuner", "kind": "municipal_association"}
  ],
  "allocation_keys": [
    {"id": "halva", "method": "equal", "parties": ["region", "nk"]}
  ],
  "grants": [
    {"id": "samverkan", "purpose": "Stärkt samverkan", "amount": 7285175, "key": "halva"},
    {"id": "samverkan-nk", "purpose": "Stärkt samverkan", "amount": 3642587,
     "recipient": "nk", "part_of": "samverkan"}
  ]""",
    ),
    "pools.balance": (
        """
  "stakeholders": [
    {"id": "region-jh", "name": "Region Jämtland Härjedalen", "kind": "region"},
    {"id": "kommunerna", "name": "Länets kommuner", "kind": "group"}
  ],
  "pools": [
    {"id": "pool", "name": "Regional budget 2018",
     "contributions": [{"id": "region", "stakeholder": "region-jh", "amount": 1250000},
                       {"id": "fran-kommunerna", "stakeholder": "kommunerna", "amount": 1250000}],
     "budget_lines": [{"id": "samordning", "label": "Samordningsresurs 100%", "amount": 800000},
                      {"id": "suicid", "label": "Utbildningar/konferens", "amount": 500000}]}
  ]""",
        """
  "stakeholders": [
    {"id": "region-jh", "name": "Region Jämtland Härjedalen", "kind": "region"},
    {"id": "kommunerna", "name": "Länets kommuner", "kind": "group"}
  ],
  "pools": [
    {"id": "pool", "name": "Regional budget 2018",
     "contributions": [{"id": "region", "stakeholder": "region-jh", "amount": 650000},
                       {"id": "fran-kommunerna", "stakeholder": "kommunerna", "amount": 650000}],
     "budget_lines": [{"id": "samordning", "label": "Samordningsresurs 100%", "amount": 800000},
                      {"id": "suicid", "label": "Utbildningar/konferens", "amount": 500000}]}
  ]""",
    ),
    "periods.order": (
        """
  "goals": [
    {"id": "g1", "text": "Öka tillgängligheten", "timeline": {"text": "2022-2018",
     "period": "2022/2018"}}
  ]""",
        """
  "goals": [
    {"id": "g1", "text": "Öka tillgängligheten", "timeline": {"text": "2018-2022",
     "period": "2018/2022"}}
  ]""",
    ),
    "timelines.readable": (
        """
  "activities": [
    {"id": "a1", "text": "Utbilda instruktörer", "timeline": {"text": "när medel finns",
     "unparsed": ["när", "medel", "finns"]}},
    {"id": "a2", "text": "Sprida information", "timeline": {"text": "Hösten 2021 V 41"}}
  ]""",
        """
  "activities": [
    {"id": "a1", "text": "Utbilda instruktörer", "timeline": {"text": "2021- årligen",
     "period": "2021/", "open_end": true, "recurrence": "FREQ=YEARLY"}},
    {"id": "a2", "text": "Sprida information", "timeline": {"text": "Hösten 2021 V 41",
     "period": "2021W41"}}
  ]""",
    ),
    "timelines.inferred": (
        """
  "period": "2021/2023",
  "activities": [
    {"id": "a1", "text": "Utbildning i suicidprevention",
     "timeline": {"text": "under hösten", "period": "2021S2",
                  "inferred": [{"field": "period",
                                "basis": "the year 2021 is the plan's: 'hösten' names none"}]}}
  ]""",
        """
  "period": "2021/2023",
  "activities": [
    {"id": "a1", "text": "Utbildning i suicidprevention",
     "timeline": {"text": "under hösten 2022", "period": "2022S2"}}
  ]""",
    ),
    "periods.within-plan": (
        """
  "period": "2018/2020",
  "goals": [
    {"id": "g1", "text": "Öka tillgängligheten", "timeline": {"text": "2018-2022",
     "period": "2018/2022"}}
  ]""",
        """
  "period": "2018/2020",
  "goals": [
    {"id": "g1", "text": "Öka tillgängligheten", "timeline": {"text": "2019",
     "period": "2019"}}
  ]""",
    ),
    "indicators.values": (
        """
  "indicators": [
    {"id": "forsta-bedomning", "name": "Första bedömning inom 30 dagar",
     "measure": "percentage", "observations": [{"period": "2018-01", "value": 380}]},
    {"id": "instruktorer", "name": "Antal instruktörer MHFA", "measure": "count",
     "observations": [{"period": "2017", "value": 35.5}]},
    {"id": "planer", "name": "Kommuner med lokal handlingsplan", "measure": "count",
     "observations": [{"period": "2024", "value": 11, "of": 8},
                      {"period": "2025", "value": 15, "upper": 10, "qualifier": "approximately"},
                      {"period": "2026", "value": 12, "stated": false}]}
  ]""",
        """
  "indicators": [
    {"id": "forsta-bedomning", "name": "Första bedömning inom 30 dagar",
     "measure": "percentage", "observations": [{"period": "2018-01", "value": 38}]},
    {"id": "instruktorer", "name": "Antal instruktörer MHFA", "measure": "count",
     "observations": [{"period": "2017", "value": 35}]},
    {"id": "planer", "name": "Kommuner med lokal handlingsplan", "measure": "count",
     "observations": [{"period": "2024", "value": 11, "of": 14, "comment": "11 av 14"},
                      {"period": "2025", "value": 10, "upper": 15, "qualifier": "approximately",
                       "comment": "cirka 10–15"},
                      {"period": "2026", "stated": false, "comment": "redovisas i bilaga"}]}
  ]""",
    ),
    "indicators.rate-base": (
        """
  "indicators": [
    {"id": "suicid", "name": "Suicid per 100 000 invånare 15-24 år", "measure": "rate",
     "observations": [{"period": "2016", "value": 6.90}]}
  ]""",
        """
  "indicators": [
    {"id": "suicid", "name": "Suicid per 100 000 invånare 15-24 år", "measure": "rate",
     "rate_base": 100000, "observations": [{"period": "2016", "value": 6.90}]}
  ]""",
    ),
    "indicators.dimensions": (
        """
  "indicators": [
    {"id": "ledsen", "name": "Andel elever som ofta känt sig ledsen", "measure": "percentage",
     "dimensions": ["school_grade"],
     "observations": [{"period": "2015/2016", "value": 22,
                       "breakdown": {"school_grade": "Gy", "sex": "flickor"}}]}
  ]""",
        """
  "indicators": [
    {"id": "ledsen", "name": "Andel elever som ofta känt sig ledsen", "measure": "percentage",
     "dimensions": ["school_grade", "sex"],
     "observations": [{"period": "2015/2016", "value": 22,
                       "breakdown": {"school_grade": "Gy", "sex": "flickor"}}]}
  ]""",
    ),
    "indicators.target-baseline": (
        """
  "indicators": [
    {"id": "suicid", "name": "Antal suicid per 100 000 invånare 15–24 år", "measure": "rate",
     "rate_base": 100000, "baselines": [{"value": 21.77}],
     "targets": [{"period": "2019", "of_baseline": 0.5, "comment": "halvera"}]}
  ]""",
        """
  "indicators": [
    {"id": "suicid", "name": "Antal suicid per 100 000 invånare 15–24 år", "measure": "rate",
     "rate_base": 100000, "baselines": [{"period": "2011/2015", "value": 21.77,
     "statistic": "annual_mean"}],
     "targets": [{"period": "2019", "of_baseline": 0.5, "comment": "halvera"}]}
  ]""",
    ),
    "indicators.target-period": (
        """
  "indicators": [
    {"id": "forsta-samtal", "name": "Första samtal inom 30 dagar", "measure": "percentage",
     "targets": [{"value": 100}]}
  ]""",
        """
  "indicators": [
    {"id": "forsta-samtal", "name": "Första samtal inom 30 dagar", "measure": "percentage",
     "targets": [{"period": "2019", "value": 100}]}
  ]""",
    ),
    "indicators.baseline": (
        """
  "indicators": [
    {"id": "natverkstraffar", "name": "Antal nätverksträffar.", "measure": "count"}
  ]""",
        """
  "indicators": [
    {"id": "natverkstraffar", "name": "Antal nätverksträffar.", "measure": "count",
     "baselines": [{"period": "2018", "value": 2}]}
  ]""",
    ),
    "followup.decided": (
        """
  "follow_ups": [
    {"id": "uppfoljning-2017", "of_version": "2017", "items": [
      {"goal": "vagledande-samspel", "text": "Att alla hälsocentraler har minst en medarbetare …"}
    ]}
  ]""",
        """
  "follow_ups": [
    {"id": "uppfoljning-2017", "of_version": "2017", "items": [
      {"goal": "vagledande-samspel", "text": "Att alla hälsocentraler har minst en medarbetare …",
       "fate": "fulfilled", "fate_text": "Nej, målet är uppfyllt"}
    ]}
  ]""",
    ),
    "followup.successors": (
        """
  "goals": [{"id": "vald", "text": "Verka för en tydlig struktur för samverkan"}],
  "follow_ups": [
    {"id": "uppfoljning-2017", "items": [
      {"goal": "vald-struktur", "text": "Att det fortsatt finns en tydlig struktur",
       "fate": "merged", "fate_text": "Nej, infogas i långsiktigt mål ovan."}
    ]}
  ]""",
        """
  "goals": [{"id": "vald", "text": "Verka för en tydlig struktur för samverkan"}],
  "follow_ups": [
    {"id": "uppfoljning-2017", "items": [
      {"goal": "vald-struktur", "text": "Att det fortsatt finns en tydlig struktur",
       "fate": "merged", "fate_text": "Nej, infogas i långsiktigt mål ovan.",
       "successors": ["vald"]}
    ]}
  ]""",
    ),
    "contacts.email": (
        """
  "contacts": [
    {"id": "samordnare", "role": "Länssamordnare", "email": "samordnare.example.org"}
  ]""",
        """
  "contacts": [
    {"id": "samordnare", "role": "Länssamordnare", "email": "samordnare@example.org"}
  ]""",
    ),
    "contacts.personal-data": (
        """
  "contacts": [{"id": "samordnare", "role": "Länssamordnare", "name": "Förnamn Efternamn"}]""",
        """
  "contacts": [{"id": "samordnare", "role": "Länssamordnare", "organisation": "region"}],
  "stakeholders": [{"id": "region", "name": "Region Jämtland Härjedalen", "kind": "region"}]""",
    ),
    "stakeholders.identifiers": (
        """
  "county": "23",
  "stakeholders": [
    {"id": "ostersund", "name": "Östersunds kommun", "kind": "municipality",
     "identifiers": {"scb_municipality": "238"}},
    {"id": "lulea", "name": "Luleå kommun", "kind": "municipality",
     "identifiers": {"scb_municipality": "2580"}}
  ]""",
        """
  "county": "23",
  "stakeholders": [
    {"id": "ostersund", "name": "Östersunds kommun", "kind": "municipality",
     "identifiers": {"scb_municipality": "2380"}}
  ]""",
    ),
    "stakeholders.official-codes": (
        """
  "period": "2020",
  "stakeholders": [
    {"id": "bracke", "name": "Bräcke kommun", "kind": "municipality",
     "identifiers": {"scb_municipality": "2303"}},
    {"id": "heby", "name": "Heby kommun", "kind": "municipality",
     "identifiers": {"scb_municipality": "1917"}},
    {"id": "region", "name": "Region Jämtland Härjedalen", "kind": "region",
     "identifiers": {"scb_county": "26"}}
  ]""",
        """
  "period": "2020",
  "stakeholders": [
    {"id": "bracke", "name": "Bräcke kommun", "kind": "municipality",
     "identifiers": {"scb_municipality": "2305"}},
    {"id": "heby", "name": "Heby kommun", "kind": "municipality",
     "identifiers": {"scb_municipality": "0331"}},
    {"id": "region", "name": "Region Jämtland Härjedalen", "kind": "region",
     "identifiers": {"scb_county": "23"}}
  ]""",
    ),
    "fields.inferred": (
        """
  "indicators": [
    {"id": "i1", "name": "Andel elever som mår bra",
     "provenance": {"inferred": [{"field": "nme", "basis": "efter tabellens rubrik"}]}}
  ]""",
        """
  "indicators": [
    {"id": "i1", "name": "Andel elever som mår bra",
     "provenance": {"inferred": [{"field": "name", "basis": "efter tabellens rubrik"}]}}
  ]""",
    ),
    "fields.unknown": (
        """
  "goals": [
    {"id": "g1", "text": "Färre suicid", "timline": "2026", "x_kostnadsstalle": "4711"}
  ]""",
        """
  "goals": [
    {"id": "g1", "text": "Färre suicid", "timeline": {"text": "2026", "period": "2026"}}
  ]""",
    ),
}

HEADER = (
    f'{{\n  "schema_version": "{SCHEMA_VERSION}",\n  "id": "exempel",\n  "title": "Exempel",\n'
    '  "kind": "joint_county_plan",'
)


def document(fragment: str) -> str:
    """A whole plan document around a case's fragment."""
    return HEADER + fragment + "\n}\n"
