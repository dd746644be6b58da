"""The words of Swedish timelines: months, seasons, recurrences, phases, states, hedges, and
the one regular expression that cuts a line of text into them."""

from __future__ import annotations

import re

__all__ = [
    "DASHES", "MONTHS", "NUMBERS", "ORDINALS", "PHASES", "RECURRENCES", "STATUS", "TOKEN",
    "TOKEN_COND",
]  # fmt: skip

MONTHS = {
    "januari": 1, "jan": 1, "februari": 2, "feb": 2, "mars": 3, "mar": 3, "april": 4, "apr": 4,
    "maj": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "augusti": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "oktober": 10, "okt": 10, "november": 11, "nov": 11, "december": 12,
    "dec": 12,
}  # fmt: skip
_MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))
_SEASON_RE = r"(?:våren|vår|hösten|höst|vintern|vinter|sommaren|sommar)"

# Recurrences as RFC 5545 RRULE text, most specific first.
RECURRENCES: tuple[tuple[str, str], ...] = (
    (
        r"(?:en|1)\s+gång\s+(?:per|under|i|om)\s+(?:varje\s+)?mandat-?\s*period(?:en)?"
        r"|varje\s+mandat-?\s*period|vart\s+fjärde\s+år|var\s+fjärde\s+år",
        "FREQ=YEARLY;INTERVAL=4",
    ),
    (r"vart\s+tredje\s+år|var\s+tredje\s+år", "FREQ=YEARLY;INTERVAL=3"),
    (r"vart\s*annat\s+år|varannat\s+år|varje\s+två\s+år", "FREQ=YEARLY;INTERVAL=2"),
    (r"(?:tre|3)\s+(?:gånger|ggr)\s*(?:per|om|i|/)\s*år(?:et)?", "FREQ=MONTHLY;INTERVAL=4"),
    (
        r"(?:två|2)\s+(?:gånger|ggr)\s*(?:per|om|i|/)\s*år(?:et)?|halvårsvis|varje\s+halvår"
        r"|terminsvis|varje\s+termin",
        "FREQ=MONTHLY;INTERVAL=6",
    ),
    (r"kvartalsvis|varje\s+kvartal", "FREQ=MONTHLY;INTERVAL=3"),
    (
        r"månadsvis|varje\s+månad|månatligen|(?:en|1)\s+gång\s+(?:per|i|om)\s+månad(?:en)?",
        "FREQ=MONTHLY",
    ),
    (r"varannan\s+vecka", "FREQ=WEEKLY;INTERVAL=2"),
    (r"varje\s+vecka|veckovis|veckoligen", "FREQ=WEEKLY"),
    (
        r"årligen|varje\s+år|årsvis|årlig|(?:en|1)\s+gång\s+(?:per|om|i)\s+år(?:et)?"
        r"|varje\s+(?:vår|höst|sommar|vinter)(?:termin)?|årliga|årligt|per\s+år",
        "FREQ=YEARLY",
    ),
)

NUMBERS = {
    "en": 1, "ett": 1, "två": 2, "tre": 3, "fyra": 4, "fem": 5, "sex": 6, "sju": 7, "åtta": 8,
    "nio": 9, "tio": 10,
}  # fmt: skip
_NUMBER_RE = "|".join([*NUMBERS, r"\d{1,2}"])
ORDINALS = {
    "första": 1, "1:a": 1, "andra": 2, "2:a": 2, "tredje": 3, "3:e": 3, "fjärde": 4, "4:e": 4,
    "sista": -1,
}  # fmt: skip
_ORDINAL_RE = "|".join(ORDINALS)
STATUS = {
    "pågår": "started", "pågående": "started", "pågick": "started", "påbörjad": "started",
    "påbörjat": "started", "påbörjade": "started", "startad": "started", "startat": "started",
    "pausad": "paused", "pausat": "paused", "vilande": "paused",
    "infört": "done", "införd": "done", "införda": "done", "genomfört": "done",
    "genomförd": "done", "genomförda": "done", "avslutad": "done", "avslutat": "done",
    "avslutades": "done", "slutförd": "done", "slutfört": "done", "påbörjats": "started",
    "påbörjades": "started",
    "inplanerad": "planned", "inplanerat": "planned", "planerad": "planned",
    "planerat": "planned", "planerades": "planned",
}  # fmt: skip
_UNCERTAIN = (
    r"ca|c:a|cirka|ungefär|omkring|runt|preliminärt|preliminär|prel|troligen|troligtvis"
    r"|förmodligen|eventuellt|beräknas|beräknat|uppskattningsvis|förhoppningsvis|möjligen"
)

PHASES = {
    "planering": "planering", "planeras": "planering", "förberedelse": "förberedelse",
    "förbereds": "förberedelse", "genomförs": "genomförande", "genomförande": "genomförande",
    "genomföras": "genomförande", "utvärdering": "utvärdering", "utvärderas": "utvärdering",
    "implementering": "implementering", "implementeras": "implementering",
    "uppföljning": "uppföljning",
}  # fmt: skip

#: The tokens that begin with a letter or a digit; the others are spaces, dashes, punctuation.
_WORDLIKE = "|".join(
    [
        "(?P<recur>" + "|".join(rf"\b(?:{p})\b" for p, _ in RECURRENCES) + ")",
        r"(?P<recurtext>\b(?:vid|inför|efter|i\s+samband\s+med|före)\s+varje\s+[^\s,;:.()]+"
        r"|\b(?:vid\s+)?(?:\d+|ett\s+tiotal|några|flera|två|tre|fyra|fem)\s+"
        r"(?:tillfällen|gånger|ggr)\b|\bregelbund(?:et|en|na)\b|\bmed\s+jämna\s+mellanrum\b"
        r"|\båterkommande\b)",
        r"(?P<iso>\b\d{4}-\d{2}-\d{2}\b)",
        r"(?P<compact>\b(?:\d{8}|\d{6})\b)",
        r"(?P<dmy>\b\d{1,2}[./]\d{1,2}(?:[./-]\s*(?:\d{4}|\d{2})|\s+\d{4})\b)",
        r"(?P<yearmonth>\b\d{4}-\d{2}\b)(?![-\d])",
        r"(?P<schoolyear>\b(?:läsår(?:et)?|lå)\s*:?\s*\d{2,4}\s*[/-]\s*\d{2,4}\b)",
        r"(?P<yearpair>\b\d{4}\s*/\s*(?:\d{4}|\d{2})\b)",
        r"(?P<daymonth>\b\d{1,2}/\d{1,2}\b)",
        r"(?P<termyear>\b(?:vt|ht)\s*[-'’]?\s*(?:\d{4}|\d{2})\b)",
        r"(?P<term>\b(?:vt|ht|vårtermin(?:en)?|hösttermin(?:en)?)\b)",
        r"(?P<year>\b\d{4}\b)",
        r"(?P<week>\b(?:v\.?|vecka|veckonummer)\s*\d{1,2}\b)",
        rf"(?P<ordinal>\b(?:det\s+|den\s+)?(?:{_ORDINAL_RE})\s+(?:kvartal(?:et)?"
        r"|halvår(?:et)?|tertial(?:et|en)?)(?![\wåäö]))",
        r"(?P<quarter>\b(?:q|kv\.?|kvartal)\s*[1-4]\b)",
        r"(?P<tertial>\b(?:t|tertial)\s*[1-3]\b)",
        r"(?P<halfnum>\b(?:h|halvår)\s*[12]\b)",
        rf"(?P<relative>\b(?:(?:de|dom|den)\s+)?(?:kommande|närmaste|följande)\s+"
        rf"(?:{_NUMBER_RE})\s+år(?:en)?\b|\binom\s+(?:{_NUMBER_RE})\s+år\b)",
        r"(?P<planperiod>\b(?:under\s+)?(?:hela\s+)?(?:plan|handlingsplan|avtals)perioden\b"
        r"|\b(?:under\s+)?(?:den\s+|hela\s+)?(?:innevarande\s+|nuvarande\s+)?"
        r"mandatperioden\b|\b(?:(?:de|dom)\s+)?(?:kommande|närmaste|följande)\s+åren\b)",
        rf"(?P<monthyy>\b(?:{_MONTH_RE})\.?\s*[-'’]\s*\d{{2}}\b(?!\s*(?:{_MONTH_RE})\b))",
        rf"(?P<dayrange>\b\d{{1,2}}\s*-\s*\d{{1,2}}\s+(?:{_MONTH_RE})\b\.?)",
        rf"(?P<season>\b{_SEASON_RE}(?:\s*/\s*{_SEASON_RE})?\b)",
        rf"(?P<month>\b(?:{_MONTH_RE})\b\.?)",
        r"(?P<framtill>\bfram\s+(?:till|t\.?\s*o\.?\s*m\b\.?))",
        r"(?P<tom>\bt\.?\s*o\.?\s*m\b\.?|\btill\s+och\s+med\b"
        r"|\b(?:före|innan|till|vid|senast\s+vid)\s+utgången\s+av\b)",
        r"(?P<fromm>\bfr\.?\s*o\.?\s*m\b\.?|\bfrån\s+och\s+med\b|\bfrån\b|\btidigast\b)",
        r"(?P<within>\bi\s+(?:början|slutet|mitten)\s+av\b)",
        r"(?P<now>\b(?:för\s+närvarande|i\s+dagsläget|idag|i\s+dag|just\s+nu|alltjämt"
        r"|sedan\s+tidigare|sedan\s+(?:länge|lång\s+tid|flera\s+år))\b)",
        r"(?P<since>\bsedan\b)",
        r"(?P<start>\b(?:start(?:a|ar|as|ade|ades|en)?|början|börjar|påbörjats"
        r"|påbörja(?:s|d|des)?|inled(?:s|des)?)\b)",
        r"(?P<before>\b(?:inför|före|innan)\b)",
        r"(?P<after>\befter\b)",
        r"(?P<until>\b(?:till|senast|mot)\b)",
        r"(?P<cont>\b(?:fortsätter|fortgår)\b)",
        r"(?P<open>\b(?:framåt|fortlöpande|löpande|kontinuerligt|kontinuerliga|kontinuerlig"
        r"|tills\s+vidare|och\s+vidare|fortsättningsvis|framöver|därefter)\b)",
        r"(?P<status>\b(?:redan\s+)?(?:" + "|".join(STATUS) + r")\b)",
        "(?P<phase>" + "|".join(rf"\b{w}\b" for w in PHASES) + ")",
        r"(?P<thisyear>\b(?:i\s+år|innevarande\s+år|under\s+året|detta\s+år)\b)",
        r"(?P<nextyear>\b(?:(?:det\s+)?nästa\s+år(?:et)?|(?:det\s+)?kommande\s+år(?:et)?)\b)",
        rf"(?P<uncertain>\b(?:{_UNCERTAIN})\b\.?|\?)",
        r"(?P<filler>\b(?:i\s+anslutning\s+till|och|under|i|för|med|per|om|samt|år|året|åren"
        r"|mellan|perioden"
        r"|den|det|de|gäller|sker|ske|är|ska|skall|bör|kommer|att|vara|bli|blir|klart|klar"
        r"|hela|även|också|redan|månad|månads|ht|vt|kl|förrän|inte|ej|både"
        r"|verksamhetsår(?:et)?|budgetår(?:et)?|kalenderår(?:et)?|tidsperiod(?:en)?"
        r"|(?:en\s+)?(?:längre|kortare|viss)\s+tid(?:en)?)\b)",
        r"(?P<daynum>\b\d{1,2}\b)",
    ]
)
#: One pass over a line finds every token: spaces, dashes and punctuation are told at their
#: first character, and only a letter or a digit tries the word-like tokens (a guard that keeps
#: hostile punctuation from costing every alternative at every character).
TOKEN = re.compile(
    r"(?P<space>\s+)|(?P<dash>-+)|(?P<punct>[,;:.()/?!\"”“'’*]+)"
    rf"|(?=[^\W_])(?:{_WORDLIKE})"
    r"|(?P<word>[^\s,;:()/?!\"”“'’*-]+)",
    re.IGNORECASE,
)

TOKEN_COND = re.compile(
    r"\b(?:så\s+länge|med\s+eventuell|med\s+möjlig|under\s+förutsättning|förutsatt"
    r"|i\s+förhållande\s+till|beroende\s+på|vid\s+behov|om\s+medel|om\s+beslut)\b.*",
    re.IGNORECASE,
)

DASHES = str.maketrans(dict.fromkeys("‐‑‒–—−", "-"))
