"""Figures in prose: numbers with scale, unit and qualifier; date expressions; damaged figures.

A damaged figure (a currency amount that lost its leading digits, shell-expansion debris such as
"/bin/sh.20") is reported, never read as a number.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date

from ..domain.dates import MONTHS
from ..domain.qualifiers import WORD_LISTS
from .patterns import BARE_SECOND, BARE_SECOND_BEFORE

SCALES = {"thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "mn": 1e6, "billion": 1e9, "bn": 1e9, "b": 1e9,
          "trillion": 1e12, "t": 1e12}
WORD_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                "nine": 9, "ten": 10, "a single": 1, "half a": 0.5}

_NUM = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
# "N billion", and "N-billion" as in "a N-billion-parameter model"
_SCALE = r"(?:(?:\s*|-)(?:thousand|million|billion|trillion)\b|(?:k|K|M|B|bn|T)\b)"
NUMBER_RE = re.compile(
    rf"(?P<cur>[$€£])?\s?(?P<num>{_NUM})(?P<plus>\+|-plus\b)?(?P<scale>{_SCALE})?(?P<plus2>\+(?!\d))?"
    rf"(?P<pct>\s?%|\s*percent\b|\s*per\s?cent\b)?"
    rf"(?:\s?(?:-|–|to)\s?(?P<hi>{_NUM})(?P<pct2>\s?%)?)?")
WORD_NUMBER_RE = re.compile(r"\b(?P<word>one|two|three|four|five|six|seven|eight|nine|ten|half a)\b"
                            r"(?=\s+(?:points?|orders?|percentage|times|months?|years?|days?)\b)", re.I)

# A figure that lost its leading digits: ".3 billion", ".75 per", ".00–0.00", "$.", "$0." at a word end.
DAMAGED_RES = (
    # a range one side of which is damaged ("N.NN–.NN"): the whole range is unreadable, neither side is read
    (re.compile(r"(?<![\w.,])[$€£]?\d[\d,]*(?:\.\d+)?\s*[–-]\s*[$€£]?\.\d+"), "a range whose other side lost its leading digits"),
    (re.compile(r"(?<![\w.,])[$€£]?\.\d+(?:\s*[–-]\s*\d*\.?\d+)?(?:\s*(?:thousand|million|billion|trillion)\b)?"),
     "a number with no leading digits"),
    (re.compile(r"/bin/(?:ba|z|da)?sh\b[.\d]*"), "shell-expansion debris where a figure was (\"$0\" became a path)"),
    # "$HOME" is a variable; "N.NN$" (the sign written after the amount) is an amount, not a lone sign
    (re.compile(r"(?<![\d.])(?<!\d\s)[$€£](?=\s|$|[,;:)])"), "a currency sign with no amount"),
    # "$0." cut off mid-figure, but not "it costs $0." ending a sentence
    (re.compile(r"(?<![\w.])[$€£]\d*\.(?!\d)(?!\s*$)(?!\s+[A-Z])"), "a currency amount cut off after the point"),
)
# the verb forms only: "it costs per million tokens" lost its amount, while "the cost per million
# tokens" / "a blended charge per million" is a noun phrase naming a unit, with nothing missing
MISSING_AMOUNT_RE = re.compile(
    r"\b(?:costs|charges|priced at|quotes|at|for|of)\s+(?P<gap>per\s+(?:million|1M|M|thousand)\b)", re.I)

_MONTH = r"(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_YEAR = r"(?:19[89]\d|20[0-4]\d)"
# a footnote marker glued to a written-out date ("<Month YYYY>1", "<Month D, YYYY>²", a superscript the page lost):
# the date ends at its year, and the marker is no figure — one digit (or superscripts) closing the cell or clause
_YEAR_END = r"(?:\b|(?=[1-9](?:$|[\s;,.)|\]]))|(?=[¹²³⁴⁵⁶⁷⁸⁹⁰]+(?:$|[\W_])))"
DATE_RES = (
    ("day", re.compile(rf"\b(?P<y>{_YEAR})-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b")),
    # "2031.05.16", "2031/05/16" (year first); "11/6/2031" (year last: month first as US dates are written,
    # day first when the first number cannot be a month, "16/5/2031")
    ("day", re.compile(rf"(?<![\d.])\b(?P<y>{_YEAR})(?P<sep>[./])(?P<m>[01]?\d)(?P=sep)(?P<d>[0-3]?\d)\b(?![.,]\d)")),
    ("day", re.compile(rf"(?<![\d/.])\b(?P<m>[0-3]?\d)/(?P<d>[0-3]?\d)/(?P<y>{_YEAR})\b(?!/)")),
    ("day", re.compile(rf"\b(?P<mon>{_MONTH})\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?P<y>{_YEAR}){_YEAR_END}", re.I)),
    ("day", re.compile(rf"\b(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\s+(?P<mon>{_MONTH})\s+(?P<y>{_YEAR}){_YEAR_END}", re.I)),
    ("month", re.compile(rf"\b(?P<y>{_YEAR})-(?P<m>[01]\d)\b(?!-\d)")),
    ("month", re.compile(rf"\b(?P<mon>{_MONTH})\s+(?:of\s+)?(?P<y>{_YEAR}){_YEAR_END}", re.I)),
    ("part", re.compile(rf"\b(?:the\s+)?(?P<part>start|beginning|end|close|middle|first half|second half)\s+of\s+"
                        rf"(?P<y>{_YEAR})\b", re.I)),
    ("part", re.compile(rf"\b(?P<part>early|mid|late)[\s-](?P<y>{_YEAR})\b", re.I)),
    ("quarter", re.compile(rf"\bQ(?P<q>[1-4])\s+(?P<y>{_YEAR})\b")),
    ("quarter", re.compile(rf"\b(?:the\s+)?(?P<q>first|second|third|fourth)\s+quarter\s+of\s+(?P<y>{_YEAR})\b", re.I)),
    ("season", re.compile(rf"\b(?:the\s+)?(?P<season>spring|summer|autumn|fall|winter)\s+(?:of\s+)?(?P<y>{_YEAR})\b", re.I)),
    # (not a count of chips: "NNNN <chip> GPUs", "NNNN TPUs" — a number before a chip word is how many, unless a
    # preposition makes it a year: "in YYYY GPUs got cheaper")
    ("year", re.compile(rf"(?<![\d,.$])\b(?P<y>{_YEAR})\b(?![\d,.]\d|\s*%)"
                        r"(?:(?<=\b[Ii]n \d{4})|(?<=\b[Bb]y \d{4})|(?<=[Ss]ince \d{4})|(?<=[Dd]uring \d{4})|"
                        r"(?<=\b[Oo]f \d{4})|(?<=[Uu]ntil \d{4})|(?<=\b[Ff]rom \d{4})|(?<=\b[Tt]o \d{4})|(?!\s+(?:(?:NVIDIA|Nvidia|Google|AMD|Intel|Huawei)\s+)?(?:[A-Z]+\d+\w*\s+|TPU\s?v\d\w*\s+)?"
                        r"(?:GPUs?|TPUs?|chips|accelerators|[A-Z]\d{2,4}s)\b))")),
)
# a time of day ("16:00 UTC", "09:30", "3:15 pm", "3 pm", "18:30:00") and a window of two ("02:00–04:30 UTC", "between
# 9:30 and 17:00 PT", "(UTC hh:mm-hh:mm)"), and a zone's offset ("UTC+8"): never a figure. "H:MM" alone is a time only
# with a zone, "am"/"pm", its seconds or a two-digit hour ("16:00", "09:30"), after "at", "from", "until" ... ("at 9:30"),
# or beside another time in a window: "1:10" and "4:1" stay ratios
_CLOCK = r"(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d)?"
_MERIDIEM = r"\s?(?:[aApP]\.[mM]\.|[aApP][mM]\b)"
_ZONE = (r"\s?\(?(?:UTC|GMT|Z|[ECMPA][SD]?T|CES?T|IST|JST|KST|BST|AEST|SGT|HKT)\b\)?"
         r"(?:\s?[+\-\u2212]\s?\d{1,2}(?::?[0-5]\d)?)?")
_TIME = (r"(?:(?:UTC|GMT)\s)?(?<![\d.:,])(?P<tN>" + _CLOCK + r")(?![\d:])(?P<mN>" + _MERIDIEM + r")?(?P<zN>" + _ZONE
         + r")?")
CLOCK_RE = re.compile(_TIME.replace("N>", "1>") + r"(?:\s*(?:-|\u2013|\u2014|to|until|till|and)\s*"
                      + _TIME.replace("N>", "2>") + r")?")
HOUR_RE = re.compile(r"(?<![\d.:,$€£])\b(?:1[0-2]|0?[1-9])" + _MERIDIEM
                     + r"(?:\s*(?:-|\u2013|\u2014|to|until|till|and)\s*(?:1[0-2]|0?[1-9])" + _MERIDIEM + r")?(?:" + _ZONE + r")?")
CLOCK_LEAD = re.compile(r"\b(?:at|from|until|till|by|before|after|since)\s+$", re.I)  # "at 9:30": a time
ZONE_OFFSET_RE = re.compile(r"\b(?:UTC|GMT)\s?[+\-\u2212]\s?\d{1,2}(?::?[0-5]\d)?\b")


def clock_spans(sentence: str) -> list[tuple[int, int]]:
    """The times of day, time windows and zone offsets of a sentence (`CLOCK_RE`, `HOUR_RE`, `ZONE_OFFSET_RE`):
    spans no figure is read in."""
    out = []
    for m in CLOCK_RE.finditer(sentence):
        sides = [(m.group(f"t{n}"), m.group(f"m{n}"), m.group(f"z{n}")) for n in (1, 2) if m.group(f"t{n}")]
        if any(meridiem or zone or t.count(":") == 2 or len(t.split(":")[0]) == 2 for t, meridiem, zone in sides) or \
                len(sides) == 2 or CLOCK_LEAD.search(sentence[:m.start()]):
            out.append((m.start(), m.end()))
    out += [(m.start(), m.end()) for p in (HOUR_RE, ZONE_OFFSET_RE) for m in p.finditer(sentence)]
    return out


# compact dates, read as dates only where their context says date (`releases.compact_dates`: a date or release
# column, a news line opening with one, a release word right before it); elsewhere they stay what they are ("31.11"
# is a decimal): "31.11.30" / "31.8.3" (YY.MM.DD, the year 20YY) and "2031.11" (YYYY.MM). "2031.8.3" (YYYY.M.D) is
# an ordinary date (`DATE_RES`)
COMPACT_DATE_RES = (
    ("day", re.compile(r"(?<![\w.])(?P<yy>[0-4]\d)\.(?P<m>[01]?\d)\.(?P<d>[0-3]?\d)(?!\w|\.\d)")),
    ("month", re.compile(rf"(?<![\w.])(?P<y>{_YEAR})\.(?P<m>[01]?\d)(?!\w|\.\d)")),
)
QUARTER_WORDS = {"first": 1, "second": 2, "third": 3, "fourth": 4}
# northern-hemisphere meteorological seasons (months); "winter of Y" is read loosely as December Y-1
# to February Y+1, since prose uses it for both the winter that opens and the one that closes Y
SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11)}
PARTS = {"start": (1, 1), "beginning": (1, 1), "end": (12, 12), "close": (12, 12), "middle": (6, 7),
         "first half": (1, 6), "second half": (7, 12), "early": (1, 4), "mid": (5, 8), "late": (9, 12)}


@dataclass
class Quantity:
    """A number in a sentence: value (scaled), optional range end, unit, and qualifier."""

    start: int
    end: int
    text: str
    value: float
    high: float | None = None  # a range "70-80"
    currency: bool = False
    percent: bool = False
    scaled: bool = False
    qualifier: str = "exact"  # exact | lower | upper | about | nearly | range
    decimals: int = 0


@dataclass
class DateExpr:
    """A date expression: the interval it names, and how precise it is."""

    start: int
    end: int
    text: str
    low: date
    high: date
    precision: str  # day | week ("this week" in a dated text) | month | part | quarter | season | year
    point: bool = False  # "the start of 2019" names a moment, not the whole interval


@dataclass
class Damage:
    start: int
    end: int
    text: str
    reason: str


def to_number(text: str) -> float:
    return float(text.replace(",", ""))


def _qualifier(sentence: str, start: int) -> tuple[str, int]:
    """The bound word right before a number ("over 80"), and where it starts."""
    offset = max(0, start - 24)
    before = sentence[offset:start].rstrip()
    low = before.lower()
    for words, kind in WORD_LISTS:
        for word in sorted(words, key=len, reverse=True):
            if not low.endswith(word):
                continue
            i = len(low) - len(word)
            if i == 0 or not low[i - 1].isalnum() or not word[0].isalnum():
                return kind, offset + i
    return "exact", start


def find_damage(sentence: str) -> list[Damage]:
    """Damaged figures: never to be read as numbers."""
    found: list[Damage] = []
    for pattern, reason in DAMAGED_RES:
        for m in pattern.finditer(sentence):
            if any(d.start <= m.start() < d.end or m.start() <= d.start < m.end() for d in found):
                continue
            found.append(Damage(m.start(), m.end(), m.group(0).strip(), reason))
    for m in MISSING_AMOUNT_RE.finditer(sentence):
        if not any(d.start <= m.start("gap") <= d.end + 2 for d in found):
            found.append(Damage(m.start(), m.end(), m.group(0), "a price with its amount missing"))
    return sorted(found, key=lambda d: d.start)


def find_dates(sentence: str) -> list[DateExpr]:
    """Every date expression, most precise first, non-overlapping, in sentence order."""
    found: list[DateExpr] = []
    for precision, pattern in DATE_RES:
        for m in pattern.finditer(sentence):
            if any(d.start < m.end() and m.start() < d.end for d in found):
                continue
            g = m.groupdict()
            year = int(g["y"])
            point = False
            if precision == "day":
                month = int(g["m"]) if g.get("m") else MONTHS[g["mon"].lower().rstrip(".")]
                day = int(g["d"])
                if month > 12 and "/" in m.group(0) and not g.get("sep"):
                    month, day = day, month  # "16/5/2031": day first
                try:
                    low = high = date(year, month, day)
                except ValueError:
                    continue
            elif precision == "month":
                month = int(g["m"]) if g.get("m") else MONTHS[g["mon"].lower().rstrip(".")]
                if not 1 <= month <= 12:
                    continue
                low, high = date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
            elif precision == "part":
                first, last = PARTS[g["part"].lower()]
                point = g["part"].lower() in ("start", "beginning", "end", "close")
                low, high = date(year, first, 1), date(year, last, calendar.monthrange(year, last)[1])
                if point:
                    low = high = date(year, 1, 1) if first == 1 else date(year, 12, 31)
            elif precision == "season":
                season = g["season"].lower()
                if season == "winter":
                    low, high = date(year - 1, 12, 1), date(year + 1, 2, calendar.monthrange(year + 1, 2)[1])
                else:
                    first, last = SEASONS[season]
                    low, high = date(year, first, 1), date(year, last, calendar.monthrange(year, last)[1])
            elif precision == "quarter":
                q = int(g["q"]) if g["q"].isdigit() else QUARTER_WORDS[g["q"].lower()]
                low, high = date(year, 3 * q - 2, 1), date(year, 3 * q, calendar.monthrange(year, 3 * q)[1])
            else:
                low, high = date(year, 1, 1), date(year, 12, 31)
            found.append(DateExpr(m.start(), m.end(), m.group(0), low, high, precision, point))
    return sorted(found, key=lambda d: d.start)


def find_compact_dates(sentence: str) -> list[DateExpr]:
    """The compact dates of a sentence (`COMPACT_DATE_RES`), valid days and months only, in sentence order: the
    shapes alone; whether one is a date is its context's to say (`releases.compact_dates`)."""
    found: list[DateExpr] = []
    for precision, pattern in COMPACT_DATE_RES:
        for m in pattern.finditer(sentence):
            g = m.groupdict()
            year, month = int(g["yy"]) + 2000 if g.get("yy") else int(g["y"]), int(g["m"])
            try:
                low = date(year, month, int(g["d"]) if g.get("d") else 1)
            except ValueError:
                continue
            high = low if precision == "day" else date(year, month, calendar.monthrange(year, month)[1])
            found.append(DateExpr(m.start(), m.end(), m.group(0), low, high, precision))
    return sorted(found, key=lambda d: d.start)


def _number_matches(sentence: str, skipped: Callable[[int, int], bool]) -> list[re.Match[str]]:
    """NUMBER_RE matches whose first number is not skipped; when it is (a year: "<Month YYYY> to
    N models"), scanning resumes right after it, so a range end it swallowed is still read."""
    out, pos = [], 0
    while (m := NUMBER_RE.search(sentence, pos)) is not None:
        if skipped(m.start("num"), m.end("num")):
            pos = m.end("num")
            continue
        out.append(m)
        pos = max(m.end(), pos + 1)
    return out


def find_quantities(sentence: str, skip: list[tuple[int, int]]) -> list[Quantity]:
    """Numbers outside the `skip` spans (dates, entity names, damaged figures) and the times of day (`clock_spans`)."""
    out: list[Quantity] = []
    skip = skip + clock_spans(sentence)  # a time of day or a window of two: no figure

    def skipped(a: int, b: int) -> bool:
        return any(s < b and a < e for s, e in skip)

    for m in _number_matches(sentence, skipped):
        a, b = m.start("num"), m.end()
        # the second amount of a slash pair written without its currency ("$A/B"): an amount in the first one's
        # currency (`patterns.BARE_SECOND`; never "$A/1M tokens", nor a slash between figures with no currency)
        bare_second = not m.group("cur") and not m.group("scale") and not m.group("pct") and \
            BARE_SECOND_BEFORE.search(sentence, 0, a) is not None and BARE_SECOND.match(sentence, a) is not None
        # a digit glued to letters is a name ("A10G", "2x9B", "Phi-3"), not a quantity
        if a > 0 and (sentence[a - 1].isalpha() or sentence[a - 1] in "-_/.") and not m.group("cur") and not bare_second:
            continue
        tail = sentence[m.end("num"):m.end("num") + 1]
        # "Nx cheaper": a ratio glued to its sign is a figure (the sign stays after it for the ratio
        # rules); "NxMB" (a digit after the x: a mixture-of-experts size) and "3xl" remain names
        glued_ratio = RATIO_SIGN_RE.match(sentence, m.end("num")) is not None
        if tail.isalpha() and not glued_ratio and not m.group("scale") and not m.group("plus") and not m.group("pct"):
            continue
        num = m.group("num")
        value = to_number(num)
        scale = (m.group("scale") or "").strip().lstrip("-")
        if scale:
            value *= SCALES[scale.lower()]
        qualifier, q_start = _qualifier(sentence, m.start())
        high = None
        if m.group("hi"):
            if skipped(m.start("hi"), m.end("hi")):
                b = m.start("hi") - 1
            else:
                high = to_number(m.group("hi")) * (SCALES[scale.lower()] if scale else 1)
                qualifier = "range"
        if m.group("plus") or m.group("plus2"):  # "70+", "2M+": a lower bound
            qualifier = "lower"
        # "N.NN$", "N.NN €": the currency sign written after the amount (not before another amount)
        trailing = TRAILING_CURRENCY_RE.match(sentence, b) if not m.group("cur") and not m.group("pct") else None
        if trailing is not None:
            b = trailing.end()
        own = m.start("cur") if m.group("cur") else a
        start = q_start if q_start < own and sentence[q_start:own].strip() else own
        out.append(Quantity(
            start=start, end=b, text=sentence[start:b].strip(), value=value, high=high,
            currency=bool(m.group("cur")) or trailing is not None or bare_second, percent=bool(m.group("pct") or m.group("pct2")), scaled=bool(scale),
            qualifier=qualifier, decimals=len(num.split(".")[1]) if "." in num else 0,
        ))
    out = _between_ranges(sentence, sorted(out, key=lambda q: q.start))
    for m in WORD_SCALE_RE.finditer(sentence):
        if not skipped(m.start(), m.end()) and not any(q.start <= m.start() < q.end for q in out):
            qualifier, q_start = _qualifier(sentence, m.start())
            word = " ".join(m.group("word").lower().split())
            out.append(Quantity(start=q_start, end=m.end(), text=sentence[q_start:m.end()], qualifier=qualifier,
                                value=SCALE_WORDS[word] * SCALES[m.group("scale").lower()], scaled=True))
    for m in A_SCALE_RE.finditer(sentence):
        if not skipped(m.start(), m.end()) and not any(q.start <= m.start() < q.end for q in out):
            qualifier, q_start = _qualifier(sentence, m.start())
            out.append(Quantity(start=q_start, end=m.end(), text=sentence[q_start:m.end()], qualifier=qualifier,
                                value=SCALES[m.group("scale").lower()], scaled=True))
    for m in WORD_NUMBER_RE.finditer(sentence):
        if not skipped(m.start(), m.end()):
            qualifier, q_start = _qualifier(sentence, m.start())
            out.append(Quantity(start=q_start, end=m.end(), text=sentence[q_start:m.end()], qualifier=qualifier,
                                value=WORD_NUMBERS[m.group("word").lower()]))
    return _restatements(sentence, sorted(out, key=lambda q: q.start))


# "N trillion (NT)", "N billion (NB)", "NK (N,NNN)": a figure restated in parentheses right after it
RESTATED_OPEN_RE = re.compile(r"^\s*\(\s*$")
RESTATED_CLOSE_RE = re.compile(r"^\s*\)")
RESTATED_RELATIVE = 0.03  # "NK (N,NNN)" (binary thousands): the same amount in another notation, never another value


def _restatements(sentence: str, quantities: list[Quantity]) -> list[Quantity]:
    """A figure followed by the same amount in parentheses ("N trillion (NT) tokens", "an N billion (NB) parameter
    model") is one figure: its span runs to the closing parenthesis, so the unit after it is its unit, and the
    restatement is no figure of its own. Both must carry a scale or grouping, agree within `RESTATED_RELATIVE` and
    be of one sort (no percentage or currency against a bare number); a different value in parentheses ("NB (MB
    active)") is a figure of its own."""
    out: list[Quantity] = []
    skip_next = False
    for i, q in enumerate(quantities):
        if skip_next:
            skip_next = False
            continue
        r = quantities[i + 1] if i + 1 < len(quantities) else None
        close = RESTATED_CLOSE_RE.match(sentence[r.end:]) if r is not None else None
        if r is not None and close is not None and RESTATED_OPEN_RE.match(sentence[q.end:r.start]) and \
                (q.scaled or r.scaled or "," in q.text + r.text) and q.high is None and r.high is None and \
                (q.percent, q.currency) == (r.percent, r.currency) and q.value > 0 and \
                abs(q.value - r.value) <= RESTATED_RELATIVE * max(q.value, r.value):
            out.append(replace(q, end=r.end + close.end()))
            skip_next = True
            continue
        out.append(q)
    return out


RATIO_SIGN_RE = re.compile(r"x(?![\w.]|\.\d)")
TRAILING_CURRENCY_RE = re.compile(r"\s?[$€£](?![\d.])")
A_SCALE_RE = re.compile(r"\ba\s+(?P<scale>thousand|million|billion|trillion)\b", re.I)
# "one million", "two billion", "half a million", "a quarter of a million", "one-million-token": a number word and a scale
WORD_SCALE_RE = re.compile(r"\b(?P<word>one|two|three|four|five|six|seven|eight|nine|ten|a\s+single|half\s+a|"
                           r"a\s+quarter(?:\s+of\s+a)?|three\s+quarters\s+of\s+a)[\s-]+"
                           r"(?P<scale>thousand|million|billion|trillion)\b", re.I)
SCALE_WORDS = {**WORD_NUMBERS, "a quarter": 0.25, "a quarter of a": 0.25, "three quarters of a": 0.75}
BETWEEN_RE = re.compile(r"\bbetween\s+$", re.I)


def _between_ranges(sentence: str, quantities: list[Quantity]) -> list[Quantity]:
    """"between X and Y" is one bounded figure (a range), not two: X takes Y as its high end."""
    out: list[Quantity] = []
    i = 0
    while i < len(quantities):
        q = quantities[i]
        nxt = quantities[i + 1] if i + 1 < len(quantities) else None
        if nxt is not None and q.high is None and nxt.high is None and q.qualifier == "exact" \
                and BETWEEN_RE.search(sentence[:q.start]) and re.fullmatch(r"\s+and\s+", sentence[q.end:nxt.start]) \
                and q.currency == nxt.currency:
            out.append(Quantity(start=q.start, end=nxt.end, text=sentence[q.start:nxt.end], value=q.value,
                                high=nxt.value, currency=q.currency, percent=q.percent or nxt.percent,
                                scaled=q.scaled or nxt.scaled, qualifier="range",
                                decimals=max(q.decimals, nxt.decimals)))
            i += 2
            continue
        out.append(q)
        i += 1
    return out
