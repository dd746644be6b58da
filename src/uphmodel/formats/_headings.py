"""Swedish headings for the tables: what a planner reads in a spreadsheet.

A heading is made from the Swedish words for the field names of a column's path ("Tidsplan –
period" for ``timeline/period``); a few fields are called what a planner calls them in that
kind of record ("Aktivitet" for an activity's ``text``). The words are a dictionary of field
names, not a list of columns: a field added to the model gets a heading from its words, and the
test suite fails until every field name has a Swedish word and every heading is unique within
its table.
"""

from __future__ import annotations

import functools

from uphmodel.formats._layout import EXTRA_COLUMN, FIELD, INDEX, PARENT, Column, TableSpec, layout

__all__ = ["SHEETS", "WORDS", "heading", "headings", "sheet"]

#: Swedish sheet titles (at most 31 characters, as a spreadsheet allows).
SHEETS = {
    "plan": "Plan", "responsibilities": "Ansvar", "relations": "Andra planer",
    "inferred": "Härlett, står ej i texten", "phases": "Faser", "own_frameworks": "Egna ramverk",
    "framework_codes": "Ramverkens koder", "focus_areas": "Fokusområden", "sections": "Avsnitt",
    "terms": "Begrepp", "sources": "Källor", "stakeholders": "Aktörer",
    "contacts": "Kontaktpersoner", "goals": "Mål", "activities": "Aktiviteter",
    "indicators": "Indikatorer", "observations": "Utfall", "targets": "Målvärden",
    "decisions": "Beslut", "changes": "Ändringsförteckning", "grants": "Medel",
    "grant_uses": "Användning av medel", "payments": "Utbetalningar",
    "populations": "Folkmängd", "allocation_keys": "Fördelningsnycklar",
    "key_parts": "Nyckeldelar", "pools": "Gemensamma budgetar", "contributions": "Insatser",
    "budget_lines": "Budgetposter", "totals": "Summor", "follow_ups": "Uppföljningar",
    "follow_up_items": "Uppföljda mål", "conversions": "Omräkningar",
    "code_conversions": "Omräknade koder", "mappings": "Kandidater",
}  # fmt: skip

#: Swedish words for the field names.
WORDS = {
    "activities": "aktiviteter", "added": "tillagt", "addressees": "mottagare",
    "age_from": "ålder från", "age_to": "ålder till", "amount": "belopp",
    "amounts": "belopp per part", "basis": "grund", "bodies": "organ", "breakdown": "uppdelning",
    "change": "ändring", "citation": "källa", "code": "kod", "comment": "kommentar",
    "conditions": "villkor", "count": "antal", "county": "län", "crosswalk": "översättning",
    "currency": "valuta", "current_state": "nuläge", "date": "datum",
    "decided_by": "beslutat av", "decided_on": "beslutsdatum", "definition": "definition",
    "denominator": "nämnare", "description": "beskrivning", "diary_number": "diarienummer",
    "dimensions": "dimensioner", "direction": "riktning", "document": "dokument",
    "done": "genomfört", "eligibility": "vem som kan söka", "eligible": "kan söka",
    "email": "e-post", "evidence": "belägg", "extra": "övriga fält", "fate": "beslut om målet",
    "fate_text": "beslut om målet, som skrivet", "field": "fält", "figures": "folkmängdstal",
    "floor": "golv", "focus_areas": "fokusområden", "framework": "ramverk",
    "frameworks": "ramverk", "frequency": "frekvens", "funder": "finansiär", "goal": "mål",
    "goals": "mål", "grants": "medel", "horizon": "tidshorisont", "id": "id",
    "identifier": "beteckning", "identifiers": "officiella koder", "indicator": "indikator",
    "indicators": "indikatorer", "intended_result": "förväntat resultat", "item": "post",
    "key": "nyckel", "kind": "typ", "label": "benämning", "label_en": "benämning på engelska",
    "language": "språk", "level": "nivå", "measure": "mått", "member_of": "medlem i",
    "members": "medlemmar", "method": "metod", "name": "namn", "note": "anmärkning",
    "number": "nummer", "numerator": "täljare", "of": "av", "of_baseline": "av utgångsvärdet",
    "of_plan": "av plan", "of_version": "av version", "open_end": "pågår vidare",
    "organisation": "organisation", "original": "ursprunglig lydelse", "owners": "huvudmän",
    "page": "sida", "parent": "överordnad", "part_of": "del av", "partial": "ofullständig lista",
    "parties": "parter", "parts": "delar", "path": "plats", "percent": "procent",
    "period": "period", "perspectives": "perspektiv", "phone": "telefon", "plan": "plan",
    "population": "folkmängd vid", "prevention_levels": "preventionsnivåer",
    "priority": "prioritet", "provenance": "ursprung", "publisher": "utgivare",
    "purpose": "ändamål", "qualifier": "ungefärlighet", "rate_base": "per antal invånare",
    "reason": "motivering", "recipient": "mottagare av medel", "recurrence": "återkommer",
    "recurs": "återkommer, som skrivet", "uncertain": "osäker tidsangivelse",
    "refers_to": "avser", "relation": "relation", "rest": "resten enligt",
    "results": "resultat", "review": "revidering", "role": "roll", "rounds": "mätomgångar",
    "section": "avsnitt", "sections": "avsnitt", "share": "andel",
    "short_name": "förkortning", "size": "storlek", "source": "källa", "source_id": "källans id",
    "source_kind": "typ av källa", "stakeholder": "aktör", "stated": "angivet",
    "statistic": "statistiskt mått", "status": "status", "status_reason": "orsak till status",
    "subjects": "gäller", "successors": "efterföljare", "target": "kod i målramverket",
    "target_groups": "målgrupper", "term": "begrepp", "text": "text", "timeline": "tidsplan",
    "title": "titel", "title_en": "titel på engelska", "unit": "enhet",
    "unparsed": "oläst text", "upper": "till och med", "url": "adress", "valid": "gäller under",
    "value": "värde", "version": "version", "vision": "vision", "weights": "vikter",
    "year": "år",
    # fields that hold lists of records: tables of their own, named in the change log
    "allocation_keys": "fördelningsnycklar", "baselines": "utgångsvärden",
    "budget_lines": "budgetposter", "candidates": "kandidater", "changes": "ändringar",
    "codes": "koder", "contacts": "kontaktvägar", "contributions": "insatser",
    "conversions": "omräkningar", "decisions": "beslut", "follow_ups": "uppföljningar",
    "inferred": "härlett", "items": "uppföljda mål", "mappings": "översättningar",
    "observations": "utfall", "own_frameworks": "egna ramverk", "payments": "utbetalningar",
    "phases": "faser", "pools": "gemensamma budgetar", "populations": "folkmängd",
    "references": "hänvisningar", "relations": "andra planer", "responsibilities": "ansvar",
    "source_framework": "från ramverk", "sources": "källor", "stakeholders": "aktörer",
    "target_framework": "till ramverk", "targets": "målvärden", "terms": "begrepp",
    "totals": "summor", "uses": "användning",
}  # fmt: skip

#: What a planner calls a field in one kind of record.
NAMED = {
    ("activities", "text"): "Aktivitet", ("goals", "text"): "Mål",
    ("indicators", "name"): "Indikator", ("responsibilities", "stakeholder"): "Ansvarig",
    ("activities", "timeline"): "Tidsplan", ("goals", "timeline"): "Tidsplan",
    ("grants", "purpose"): "Ändamål", ("stakeholders", "name"): "Aktör",
    ("sections", "title"): "Rubrik", ("decisions", "kind"): "Beslut",
}  # fmt: skip

_KEYS = {PARENT: "Hör till", FIELD: "I fältet", INDEX: "Ordning", EXTRA_COLUMN: "Övriga fält"}


def heading(spec: TableSpec, column: Column) -> str:
    """The Swedish heading of a column: "Tidsplan – period", "Aktivitet"."""
    if column.name in _KEYS:
        return _KEYS[column.name]
    parts = []
    for i, part in enumerate(column.path):
        named = NAMED.get((spec.name, part)) if i == 0 else None
        if column.kind == "extra" and i == len(column.path) - 1:
            parts.append(_KEYS[EXTRA_COLUMN].lower())
        else:
            parts.append(named or WORDS[part])
    text = " – ".join(parts)
    return text[0].upper() + text[1:]


@functools.cache
def headings(table: str) -> dict[str, str]:
    """Column name to Swedish heading, for one table (the plan's ``schema_version`` included)."""
    spec = layout()[table]
    out = {column.name: heading(spec, column) for column in spec.columns}
    if table == "plan":
        out = {"schema_version": "Schemaversion", **out}
    return out


def sheet(table: str) -> str:
    """The Swedish title of a table's sheet."""
    return SHEETS[table]
