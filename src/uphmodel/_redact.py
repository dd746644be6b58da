"""Remove personal data from a plan before it is shared, and say what was removed.

:func:`redaction` empties every field marked as personal data and replaces, in every free text
of the plan and every text of its unknown fields, what it recognises as personal data with a
placeholder: e-mail addresses, Swedish telephone numbers, Swedish personal identity numbers and
names of people. It returns the redacted plan with an audit: the JSON Pointer and the kind of
every value removed, never the value.

Names are the hard part, and the rule is conservative: a name is removed where the plan itself
gives it (the ``name`` of a contact point, found again in a text), or where two to four
capitalised words stand right after a cue ("kontaktperson", "ansvarig:", "samordnare", "ring",
"mejla" …), right before an e-mail address or a telephone number, or in a list of names that
began so — and none of the words is a place, an organisational or a common word ("Region",
"kommun", "Socialstyrelsen", "… mottagningen", a role), nor are all of them words of the plan's
own names ("Jämtland Härjedalen"). See docs/model.md for what it cannot catch.
"""

from __future__ import annotations

import enum
import re
from collections import Counter
from collections.abc import Iterator
from typing import Any

import attrs

from uphmodel._frozen import FrozenMap
from uphmodel._period import Period
from uphmodel._tree import walk
from uphmodel.model import Plan

__all__ = ["Redaction", "Removal", "RemovalKind", "redact", "redaction"]


class RemovalKind(enum.Enum):
    """What was removed."""

    #: a field marked as personal data, emptied (or, in a text, the value of such a field that
    #: is none of the kinds below)
    PERSONAL_FIELD = "personal_field"
    NAME = "name"  #: a person's name in a text
    EMAIL = "email"  #: an e-mail address in a text
    PHONE = "phone"  #: a telephone number in a text
    PERSONAL_NUMBER = "personal_number"  #: a personnummer or samordningsnummer in a text

    @property
    def placeholder(self) -> str:
        """What stands in a text where such a value was (Swedish, as the plans are)."""
        return _PLACEHOLDERS[self]


_PLACEHOLDERS = {
    RemovalKind.PERSONAL_FIELD: "[personuppgift borttagen]",
    RemovalKind.NAME: "[namn borttaget]",
    RemovalKind.EMAIL: "[e-post borttagen]",
    RemovalKind.PHONE: "[telefonnummer borttaget]",
    RemovalKind.PERSONAL_NUMBER: "[personnummer borttaget]",
}


@attrs.frozen
class Removal:
    """One value removed from a plan.

    Attributes:
        path: JSON Pointer of the field emptied, or of the text the value was replaced in, in
            the canonical document of the plan as it was given (``uphmodel.dumps``).
        kind: what was removed. A text from which two values were removed has two removals.
    """

    path: str
    kind: RemovalKind

    def __str__(self) -> str:
        return f"{self.path or '/'}: {self.kind.value}"


@attrs.frozen(kw_only=True)
class Redaction:
    """A plan without personal data, and what was removed from it.

    Attributes:
        plan: the redacted copy; parts with nothing to remove are shared with the original.
        removed: every value removed, in the order of the document (within one text, in the
            order found).
    """

    plan: Plan
    removed: tuple[Removal, ...] = ()

    def counts(self) -> dict[RemovalKind, int]:
        """How many values of each kind were removed (kinds with none left out)."""
        found = Counter(removal.kind for removal in self.removed)
        return {kind: found[kind] for kind in RemovalKind if found[kind]}

    def summary(self) -> str:
        """One line: how many values were removed, and of which kinds."""
        if not self.removed:
            return "nothing removed"
        kinds = ", ".join(f"{n} {kind.value}" for kind, n in self.counts().items())
        return f"{len(self.removed)} removed ({kinds})"

    def __str__(self) -> str:
        return "\n".join([*(str(removal) for removal in self.removed), self.summary()])


def redact(plan: Plan) -> Plan:
    """A copy of ``plan`` without the personal data :func:`redaction` finds in it.

    >>> import uphmodel
    >>> plan = uphmodel.Plan(id="p", title="t", kind=uphmodel.PlanKind.OTHER, contacts=(
    ...     uphmodel.ContactPoint(id="c", role="Länssamordnare", email="someone@example.org",
    ...                           note="Nås på 070-123 45 67"),))
    >>> contact = uphmodel.redact(plan).contacts[0]
    >>> contact.role, contact.email, contact.note
    ('Länssamordnare', None, 'Nås på [telefonnummer borttaget]')
    """
    return redaction(plan).plan


def redaction(plan: Plan) -> Redaction:
    """``plan`` without personal data, and an audit of what was removed.

    Fields marked as personal data (``metadata["personal"]``: a contact point's name, e-mail
    and phone) are emptied. In every free text of every record, and in every text of the
    unknown fields (``extra``, however deeply nested), e-mail addresses, Swedish telephone
    numbers, personal identity numbers and people's names are replaced with a placeholder
    (:attr:`RemovalKind.placeholder`). Ids, codes, periods, dates, numbers and structured texts
    (outline numbers, units, diary numbers, identifiers, paths, RRULEs) are never touched, nor
    are the names of unknown fields.

    >>> import uphmodel
    >>> plan = uphmodel.Plan(id="p", title="t", kind=uphmodel.PlanKind.OTHER, activities=(
    ...     uphmodel.Activity(id="a", text="Utbildning. Kontaktperson: Anna Svensson, "
    ...                       "anna.svensson@example.org"),))
    >>> result = uphmodel.redaction(plan)
    >>> result.plan.activities[0].text
    'Utbildning. Kontaktperson: [namn borttaget], [e-post borttagen]'
    >>> print(result)
    /activities/0/text: name
    /activities/0/text: email
    2 removed (1 name, 1 email)
    """
    if not isinstance(plan, Plan):
        raise TypeError(f"redaction() takes a Plan, not {type(plan).__name__}")
    redactor = _Redactor(plan)
    clean = redactor.record(plan, "")
    return Redaction(plan=clean, removed=tuple(redactor.removed))


# --------------------------------------------------------------------------------------------
# What is looked for in a text.

#: Fields whose texts are structured values, not prose: never touched.
_STRUCTURED = frozenset(
    {
        "code", "county", "crosswalk", "currency", "diary_number", "field", "framework",
        "identifier", "kind", "language", "number", "of_plan", "of_version", "page", "path",
        "recurrence", "source_id", "target", "unit", "version",
    }
)  # fmt: skip


def _words(text: str) -> list[str]:
    return text.split()


_UPPER = "A-ZÅÄÖÆØÉÈÜÁÀÍÓÚ"
_LOWER = "a-zåäöæøéèüáàíóúñç"
_WORD = rf"[{_UPPER}][{_LOWER}]+(?:-[{_UPPER}][{_LOWER}]+)?"
_SPACE = "[ \u00a0]"

_EMAIL = re.compile(
    r"(?<![\w.+-])[\w+-]+(?:\.[\w+-]+)*"
    r"(?:@|[ \u00a0]?[\[(](?:at|snabel-a)[\])][ \u00a0]?)"
    r"[\w-]+(?:\.[\w-]+)*\.[^\W\d_]{2,}(?![^\W\d_])"
)

# A Swedish number: +46 or 0046 (and perhaps "(0)") before an area code without its 0, or an
# area code with its 0 (perhaps in brackets); then the subscriber's digits, compact or in
# groups. A dash may only follow the area code, so "01234-2018" is not one. How many digits it
# has is checked in code.
_PHONE_NUMBER = (
    rf"(?P<prefix>(?:\+|00)46{_SPACE}?(?:\(0\){_SPACE}?)?[1-9]\d{{0,2}}"
    rf"|\(0[1-9]\d{{0,2}}\)|0[1-9]\d{{0,2}})"
    rf"(?:{_SPACE}*[-\u2010-\u2013/]{_SPACE}*|{_SPACE})?"
    rf"\d{{2,8}}(?:{_SPACE}\d{{2,4}})*(?![\w-])"
)
#: Not right after a letter or digit, a digit and a space ("1 070 123 456 kr"), "/", "." or
#: ",", nor after a hyphen that follows one ("NLL-01297-2024", "2021-08-15").
_PHONE = re.compile(rf"(?<![\w+/.,@])(?<!\w-)(?<!\d{_SPACE})(?P<number>{_PHONE_NUMBER})")
#: A number right after another: "070-123 45 67 070-765 43 21".
_NEXT_PHONE = re.compile(rf"{_SPACE}+(?P<number>{_PHONE_NUMBER})")
_GROUPS = re.compile(r"\d+")
_DIGIT = re.compile(r"\d")

# YYMMDD-NNNN, YYYYMMDD-NNNN (+ for the hundred-year-olds) or YYYYMMDDNNNN; date and check
# digit are checked in code.
_PERSONAL_NUMBER = re.compile(
    r"(?<![\w+-])(?:(?P<century>19|20)?(?P<date>\d{6})(?P<sep>[-+])|(?:19|20)(?P<date12>\d{6}))"
    r"(?P<serial>\d{4})(?![\w-])"
)

_RUN = re.compile(rf"(?<![\w-]){_WORD}(?:{_SPACE}+{_WORD})*(?![\w-])")
_NAME_WORD = re.compile(_WORD)

#: Cues before a name (compared in lower case): whole words, endings of words (roles:
#: "länssamordnare", "verksamhetschef", "folkhälsostrateg") and a beginning ("kontaktperson").
_CUE_WORDS = frozenset(
    _words("""
    ring ringa mejla maila e-posta e-post epost mejl mail e-mail representant representanten
    representanter representanterna ordförande ordföranden sekreterare sekreteraren
    """)
)
_CUE_ENDINGS = tuple(
    _words("""
    ansvarig ansvariga ansvarige samordnare samordnaren samordnarna handläggare handläggaren
    handläggarna koordinator koordinatorn koordinatorer koordinatorerna ledare ledaren ledarna
    chef chefen chefer cheferna strateg strategen strateger strategerna
    """)
)


def _is_cue(word: str) -> bool:
    lower = word.lower()
    return lower in _CUE_WORDS or lower.endswith(_CUE_ENDINGS) or lower.startswith("kontakt")


#: Words that may stand between a cue and a name: "kontaktperson är", "ring till".
_CUE_LINKS = frozenset({"är", "blir", "var", "heter", "till", "med"})
_GAP_MARKS = ":=\u2013\u2014-"
#: Between two names of a list: "Anna Svensson och Per Olsson", "…, Per Olsson".
_LIST_GAP = re.compile(rf"{_SPACE}*(?:,|,?{_SPACE}+(?:och|samt|eller)|&|/){_SPACE}*$")
#: Between a name and an e-mail address or telephone number that follows it.
_CONTACT_GAP = re.compile(
    rf"{_SPACE}*(?:[,(:;\u2013\u2014-]{_SPACE}*)?"
    rf"(?:(?:tel|tfn|telefon|mobil|mob|e-post|epost|mejl|mail|e-mail)\.?{_SPACE}*:?{_SPACE}*)?",
    re.IGNORECASE,
)
#: Names of unknown fields whose texts are about a person ("x_kontaktperson", "ansvarig").
_PERSON_KEY = re.compile(
    r"kontakt|ansvarig|person|samordnare|handläggare|contact|ordförande|ledare|chef"
    r"|författare|author|signatur|underskrift",
    re.IGNORECASE,
)

#: Capitalised words that are not names: places, organisations, common words at the start of
#: a sentence (compared in lower case).
_NOT_NAMES = frozenset(
    _words("""
    region regionen regioner kommun kommunen kommuner landsting landstinget län länet
    länsstyrelsen socialstyrelsen folkhälsomyndigheten försäkringskassan arbetsförmedlingen
    polisen polismyndigheten skolverket socialdepartementet regeringen riksdagen staten
    sverige sveriges svenska svensk skr skl mind suicide zero health mental first aid youth
    aware national nationellt nationella nationell centrum centret hälsa hälsan psykisk
    psykiatri psykiatrin psykiatriska barn unga ungas vuxna äldre ungdom ungdomar ungdomens
    elevhälsa elevhälsan primärvård primärvården vård vården omsorg socialtjänst
    socialtjänsten hälso sjukvård sjukvården förbund förbundet samordningsförbund
    samordningsförbundet universitet universitetet högskola högskolan mittuniversitetet första
    linjen hjälpen hjälp röda korset kyrkan folkhälsa uppdrag handlingsplan plan strategi
    norra södra östra västra mellersta övre nedre nord syd öst väst stockholm göteborg malmö
    uppsala umeå luleå östersund sundsvall skåne blekinge halland västergötland bohuslän dalsland
    värmland närke västmanland uppland södermanland östergötland småland öland gotland dalarna
    gästrikland hälsingland härjedalen jämtland medelpad ångermanland västerbotten norrbotten
    lappland norrland kronoberg kalmar jönköping örebro gävleborg västernorrland västra götaland
    se och i på för med den det de en ett alla varje under efter inom bilaga avsnitt kapitel
    tabell figur sida mål aktivitet aktiviteter indikator ja nej ingen inga saknas ej se även
    januari februari mars april maj juni juli augusti september oktober november december
    måndag tisdag onsdag torsdag fredag lördag söndag lex
    """)
)
_ORGANISATION_ENDINGS = (
    "styrelsen", "myndigheten", "nämnden", "förvaltningen", "vården", "psykiatrin", "kommun",
    "kommunen", "regionen", "enheten", "centrum", "centret", "mottagningen", "mottagning",
    "verket", "rådet", "förbundet", "gruppen", "huset", "skolan", "tjänsten", "avdelningen",
    "kliniken", "institutet", "universitet", "universitetet", "högskolan", "polisen", "kassan",
    "förmedlingen", "departementet", "linjen", "akademin", "föreningen", "organisationen",
    "nätverket", "länet", "landstinget", "sjukhus", "sjukhuset", "stiftelsen", "boendet",
    "hälsan", "bolaget", "kyrkan", "arbetet", "projektet", "råd", "rådet", "team", "teamet",
    "forum", "nätverk",
)  # fmt: skip


def _plan_words(plan: Plan) -> frozenset[str]:
    """Words of the plan's title and the names it gives its stakeholders, terms and sections,
    in lower case, also with and without a genitive s: two or more of them together are not a
    person's name."""
    texts: list[str] = []
    for s in plan.stakeholders:
        texts += [s.name, s.short_name or ""]
    texts += [t.term for t in plan.terms] + [s.title for s in plan.sections]
    texts += [plan.title]
    words: set[str] = set()
    for text in texts:
        for word in _NAME_WORD.findall(text):
            lower = word.lower()
            words.update((lower, lower + "s", lower.removesuffix("s")))
    return frozenset(words)


def _last_word(text: str, end: int) -> tuple[str, int]:
    """The word (letters, digits, hyphens) that ends at ``end``, and where it starts."""
    start = end
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] in "-_"):
        start -= 1
    return text[start:end], start


def _cue_before(text: str, start: int) -> bool:
    """Whether a cue stands right before ``start``: "Kontaktperson: ", "samordnare ",
    "ring till ", "Kontakt – "."""
    end, marks = start, 0
    while end > 0 and text[end - 1] in " \u00a0" + _GAP_MARKS:
        end -= 1
        marks += text[end] in _GAP_MARKS
    if (end == start and start > 0) or marks > 1:
        return False  # no space between, or more than one mark
    word, begin = _last_word(text, end)
    if word.lower() in _CUE_LINKS and not marks and begin > 0 and text[begin - 1] in " \u00a0":
        while begin > 0 and text[begin - 1] in " \u00a0":
            begin -= 1
        word, _ = _last_word(text, begin)
    return bool(word) and _is_cue(word)


def _valid_personal_number(match: re.Match[str]) -> bool:
    date = match["date"] or match["date12"]
    month, day = int(date[2:4]), int(date[4:6])
    if not (1 <= month <= 12 and (1 <= day <= 31 or 61 <= day <= 91)):
        return False
    digits = date + match["serial"]
    total = 0
    for i, char in enumerate(digits):
        d = int(char) * (2 if i % 2 == 0 else 1)
        total += d - 9 if d > 9 else d
    return total % 10 == 0


def _phone_span(match: re.Match[str]) -> tuple[int, int] | None:
    """The span of the telephone number ``match`` found: its digits counted, and groups of
    digits at its end left out that make it too long (a year, or another number, after it)."""
    prefix = match["prefix"]
    international = prefix.startswith(("+", "00"))
    national = "".join(_GROUPS.findall(prefix.replace("(0)", "")))
    if international:  # without the country code
        national = national[4:] if prefix.startswith("00") else national[2:]
    low, high = (7, 9) if international else (8, 10)
    count = len(national)
    start = match.start("number")
    best: int | None = None
    for group in _GROUPS.finditer(match.string, start + len(prefix), match.end()):
        count += len(group.group())
        if count > high:
            break
        if count >= low:
            best = group.end()
    return None if best is None else (start, best)


def _phones(text: str) -> Iterator[tuple[int, int]]:
    """The spans of the telephone numbers in ``text``, in order."""
    pos = 0
    while (match := _PHONE.search(text, pos)) is not None:
        span = _phone_span(match)
        pos = match.end() if span is None else span[1]
        while span is not None:
            yield span
            after = _NEXT_PHONE.match(text, span[1])
            span = None if after is None else _phone_span(after)
            pos = pos if span is None else span[1]


Span = tuple[int, int, RemovalKind]
_MAX_ROUNDS = 20


def _merge(kept: list[Span], new: list[Span]) -> list[Span]:
    """``kept`` and the spans of ``new`` that overlap none of them, in order (both lists are
    in order, and the spans of each do not overlap)."""
    out: list[Span] = []
    i = 0
    for span in new:
        while i < len(kept) and kept[i][1] <= span[0]:
            out.append(kept[i])
            i += 1
        if (i < len(kept) and kept[i][0] < span[1]) or (out and out[-1][1] > span[0]):
            continue  # overlaps a span kept
        out.append(span)
    out.extend(kept[i:])
    return out


def _known_pattern(values: list[str]) -> re.Pattern[str] | None:
    """A pattern of the personal values the plan gives in its fields, wherever they stand; the
    group of the i-th value is named ``k<i>``."""
    parts: list[str] = []
    for i, value in enumerate(values):
        words = value.split()
        body = r"\s+".join(re.escape(w) for w in words)
        scope = "(?i:" if len(words) > 1 else "(?:"  # one word only as written ("Bo", not "bo")
        parts.append(rf"(?P<k{i}>{scope}{body}))")
    if not parts:
        return None
    return re.compile(r"(?<![\w@.+-])(?:" + "|".join(parts) + r")(?![\w@-])")


class _Redactor:
    """One pass over a plan: each record rebuilt only where something was removed."""

    def __init__(self, plan: Plan) -> None:
        self.removed: list[Removal] = []
        self.words = _plan_words(plan)
        self.seen: dict[str, bool] = {}  # word: whether it may be a word of a name
        known: dict[str, RemovalKind] = {}
        for _path, record in walk(plan):
            for field in attrs.fields(type(record)):
                value = getattr(record, field.name)
                if field.metadata.get("personal") and isinstance(value, str):
                    kind = RemovalKind.__members__.get(field.name.upper())
                    known.setdefault(" ".join(value.split()), kind or RemovalKind.PERSONAL_FIELD)
        #: values of fewer than three letters or digits would be found in too many words
        values = [v for v in sorted(known, key=len, reverse=True) if len(v.replace(" ", "")) > 2]
        self.known_kinds = [known[v] for v in values]
        self.known = _known_pattern(values)

    # -- the tree ----------------------------------------------------------------------------

    def record(self, record: Any, path: str) -> Any:
        updates: dict[str, Any] = {}
        extra_name: str | None = None
        for field in attrs.fields(type(record)):
            name, meta = field.name, field.metadata
            value = getattr(record, name)
            where = f"{path}/{name}"
            if meta.get("personal"):
                if value is not None:
                    updates[name] = None
                    self.removed.append(Removal(where, RemovalKind.PERSONAL_FIELD))
                continue
            kind = meta.get("uph")
            if kind == "extra":
                extra_name = name
                continue
            if kind in ("id", "ids", "code") or name in _STRUCTURED:
                continue
            new = self.value(value, where)
            if new is not value:
                updates[name] = new
        if extra_name is not None:  # written after the known fields, at the same level
            extra = getattr(record, extra_name)
            new_extra = self.data(extra, path, False)
            if new_extra is not extra:
                updates[extra_name] = new_extra
        return attrs.evolve(record, **updates) if updates else record

    def value(self, value: Any, path: str) -> Any:
        if isinstance(value, str):
            return self.text(value, path, False)
        if isinstance(value, tuple):
            items = tuple(self.value(item, f"{path}/{i}") for i, item in enumerate(value))
            return items if any(a is not b for a, b in zip(items, value, strict=True)) else value
        if attrs.has(type(value)) and not isinstance(value, Period):
            return self.record(value, path)
        return value  # numbers, dates, periods, enums, maps of codes and amounts

    def data(self, value: Any, path: str, person: bool) -> Any:
        """A frozen JSON value of an unknown field; ``person``: a field's name above it says it
        is about a person. A record's ``extra`` is an object at the record's own level."""
        if isinstance(value, str):
            return self.text(value, path, person)
        if isinstance(value, tuple):
            items = tuple(self.data(v, f"{path}/{i}", person) for i, v in enumerate(value))
            return items if any(a is not b for a, b in zip(items, value, strict=True)) else value
        if isinstance(value, FrozenMap):
            changed = False
            out: dict[str, Any] = {}
            for key in sorted(value):  # objects are written with their keys sorted
                item = value[key]
                escaped = key.replace("~", "~0").replace("/", "~1")
                about = person or bool(_PERSON_KEY.search(key))
                out[key] = new = self.data(item, f"{path}/{escaped}", about)
                changed = changed or new is not item
            if not changed:
                return value
            return FrozenMap({key: out[key] for key in value})
        return value

    # -- one text ----------------------------------------------------------------------------

    def text(self, text: str, path: str, person: bool) -> str:
        """``text`` with what :meth:`spans` finds replaced, again until nothing more is found
        (a number after a personal identity number shows once that is gone), so that redacting
        the result finds nothing. Each round replaces characters of the original text, never
        of a placeholder, so the rounds end; the limit only guards against a mistake."""
        for _round in range(_MAX_ROUNDS):
            spans = self.spans(text, person)
            if not spans:
                break
            out: list[str] = []
            last = 0
            for start, end, kind in spans:
                out += [text[last:start], kind.placeholder]
                self.removed.append(Removal(path, kind))
                last = end
            out.append(text[last:])
            text = "".join(out)
        return text

    def spans(self, text: str, person: bool) -> list[Span]:
        """What to remove from ``text``, in order; ``person``: the text is about a person (the
        field's name says so), so a name may stand at its start without a cue. Where two finds
        overlap, the first kind looked for wins: the plan's own e-mail addresses and numbers,
        e-mail addresses, personal identity numbers, telephone numbers, names by their cues,
        the names the plan gives (so that a name given as "Anna" does not leave the "Svensson"
        of "Kontakt: Anna Svensson")."""
        found: list[Span] = []
        known_names: list[Span] = []
        if self.known is not None:
            kinds = self.known_kinds
            for m in self.known.finditer(text):
                kind = kinds[int((m.lastgroup or "k0")[1:])]
                (known_names if kind is RemovalKind.NAME else found).append(
                    (m.start(), m.end(), kind)
                )
        if "@" in text or "(at)" in text or "[at]" in text or "snabel-a" in text:
            email = RemovalKind.EMAIL
            found = _merge(found, [(m.start(), m.end(), email) for m in _EMAIL.finditer(text)])
        if _DIGIT.search(text):
            number = RemovalKind.PERSONAL_NUMBER
            numbers = [
                (m.start(), m.end(), number)
                for m in _PERSONAL_NUMBER.finditer(text)
                if _valid_personal_number(m)
            ]
            found = _merge(found, numbers)
            phone = RemovalKind.PHONE
            found = _merge(found, [(*span, phone) for span in _phones(text)])
        contacts = {start for start, _end, _kind in found}
        name = RemovalKind.NAME
        found = _merge(found, [(*span, name) for span in self.names(text, contacts, person)])
        return _merge(found, known_names)

    def names(self, text: str, contacts: set[int], person: bool) -> Iterator[tuple[int, int]]:
        """Spans of names of people in ``text`` by the cues around them (see the module)."""
        last_end = -1
        lead = len(text) - len(text.lstrip())
        for run in _RUN.finditer(text):
            words = run.group().split()
            if len(words) < 2:
                continue
            cues = 0
            while cues < len(words) and _is_cue(words[cues]):
                cues += 1  # "Kontaktperson Anna Svensson", "Länssamordnare Anna Svensson"
            if cues:
                words = words[cues:]
            if not self.is_name(words):
                continue
            end = run.end()
            start = end - len(run.group().split(maxsplit=cues)[-1]) if cues else run.start()
            cued = cues > 0
            if not cued:
                cued = _cue_before(text, start)
            if not cued and last_end >= 0:
                cued = bool(_LIST_GAP.fullmatch(text, last_end, start))
            if not cued and person:
                cued = start == lead
            if not cued and contacts:
                gap = _CONTACT_GAP.match(text, end)
                cued = gap is not None and gap.end() in contacts
            if cued:
                last_end = end
                yield start, end

    def is_name(self, words: list[str]) -> bool:
        """Whether ``words`` may be a person's name: two to four words, none a place, an
        organisational or a common word, and not all of them words of the plan's own names
        ("Jämtland Härjedalen"; one of them may be: "Anna Berg" where "Bergs kommun" is)."""
        return (
            2 <= len(words) <= 4
            and all(self.may_be_name(word) for word in words)
            and not all(word.lower() in self.words for word in words)
        )

    def may_be_name(self, word: str) -> bool:
        known = self.seen.get(word)
        if known is None:
            known = not _is_cue(word) and not any(
                part in _NOT_NAMES
                or part.removesuffix("s") in _NOT_NAMES  # a genitive: "Jämtlands", "Barns"
                or part.endswith(_ORGANISATION_ENDINGS)
                for part in word.lower().split("-")
            )
            self.seen[word] = known
        return known
