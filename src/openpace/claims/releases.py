"""Release dates read from a list, a label or the text's own date.

Release lists: "Kestrel (by Acme) in March, Nimbus (by Initech) in May, Owl (by Globex) and
Zed (by Umbrella) in August" — each name (or group of names joined by commas and
"and") followed by "in <Month> [<Year>]" is a release-date claim about each name.

A group counts only when the text between its names is nothing but separators and "(by <Org>)"
attributions, so an ordinary "X ... in June" sentence is left to the other release rules. A month
written without a year takes the year of the last date the text named (a heading "2031, a year of
..." or "2031 brought ..."); with none, no claim is made from it.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from .carry import cell_spans
from .clauses import clause_boundaries
from .numbers import MONTHS, DateExpr, find_compact_dates, find_dates
from .patterns import RELEASE_LIST_LEAD_RE
from .resolve import Mention
from .series import SeriesMention

if TYPE_CHECKING:
    from .extract import _Extractor

_MONTH = "|".join(sorted((m.lower() for m in calendar.month_name if m), key=len, reverse=True))  # full names only
IN_MONTH_RE = re.compile(rf"\bin\s+(?P<mon>{_MONTH})\b(?:\s+(?P<y>(?:19|20)\d\d)\b)?", re.I)
BY_ORG_RE = re.compile(r"\s*\(by\s+[^)]{1,40}\)")
SEPARATORS_RE = re.compile(r"^[\s,]*(?:and\s+)?[\s,]*$", re.I)
LEAD_RE = re.compile(r"(?:^|[:;]\s*|,\s*)$")


def release_lists(x: _Extractor, series: list[SeriesMention], series_names: Any) -> None:
    """Add one release-date claim per name of each "<names> in <Month>" group of the sentence."""
    s = x.sentence
    spans = {(m.start, m.end) for m in x.models}
    names = sorted([(m.start, m.end, m) for m in x.models if m.how != "ambiguous"]
                   + [(m.start, m.end, m) for m in series if (m.start, m.end) not in spans], key=lambda t: t[0])
    if not names:
        return
    floor = 0
    for hit in IN_MONTH_RE.finditer(s):
        earlier = [d for d in x.dates if d.end <= hit.start()]
        year = int(hit.group("y")) if hit.group("y") else earlier[-1].high.year if earlier else x.ctx.year
        group: list[tuple[int, int, Any]] = []
        pos = hit.start()
        for start, end, m in reversed([t for t in names if floor <= t[0] and t[1] <= hit.start()]):
            gap = BY_ORG_RE.sub("", s[end:pos])
            if not SEPARATORS_RE.match(gap):
                break
            group.insert(0, (start, end, m))
            pos = start
        floor = hit.end()
        if not group or year is None or not LEAD_RE.search(s[:group[0][0]]):
            continue
        if not any(BY_ORG_RE.match(s[e:]) for _, e, _ in group) and len(group) < 2:
            continue  # one bare name "X in June" is left to the ordinary release rules
        month = MONTHS[hit.group("mon").lower()]
        low = date(year, month, 1)
        high = date(year, month, calendar.monthrange(year, month)[1])
        when = DateExpr(hit.start(), hit.end(), hit.group(0)[3:] + ("" if hit.group("y") else f" {year}"),
                        low, high, "month")
        for start, end, m in group:
            model = m if isinstance(m, Mention) else series_names(m, start, end)
            if model is None:
                continue
            x.add(start, hit.end(), "release_date", [model], [], date=when)


def month_after(x: _Extractor, pos: int) -> DateExpr | None:
    """"... in <Month>" right at `pos`, a month written without a year taking the year of the last date the
    text named (as in release lists); None without such a year."""
    hit = IN_MONTH_RE.match(x.sentence, pos) if re.match(r"\s+in\b", x.sentence[pos:], re.I) else None
    if hit is None:
        hit = re.compile(rf"\s+in\s+(?P<mon>{_MONTH})\b(?:\s+(?P<y>(?:19|20)\d\d)\b)?", re.I).match(x.sentence, pos)
    if hit is None or hit.group("y"):
        return None  # a month with its year is a date the date rules read
    earlier = [d for d in x.dates if d.end <= pos]
    year = earlier[-1].high.year if earlier else x.ctx.year
    if year is None:
        return None
    month = MONTHS[hit.group("mon").lower()]
    start = hit.start("mon")
    return DateExpr(start, hit.end(), f"{hit.group('mon')} {year}", date(year, month, 1),
                    date(year, month, calendar.monthrange(year, month)[1]), "month")



# --- the text's own date and a model card's release label ------------------------------------------------
# a release verb in any tense ("release", "is released", "we're releasing", "launches", "open-sources")
TODAY_VERB_RE = re.compile(r"\b(?:releas(?:e|es|ed|ing)|launch(?:es|ed|ing)?|introduc(?:e|es|ed|ing)|unveil(?:s|ed|ing)?|"
                           r"open[- ]sourc(?:e|es|ed|ing)|ship(?:s|ped|ping)?|(?:is|are)\s+(?:now\s+)?out)\b", re.I)
# a day named relative to the text's own date ("today", "this morning", "yesterday"): days back from it
RELATIVE_DAYS = {"today": 0, "earlier today": 0, "this morning": 0, "this afternoon": 0, "this evening": 0,
                 "tonight": 0, "yesterday": 1}
# "this week" names the week of the text's date, Monday to Sunday (precision `week`)
RELATIVE_WEEK = "this week"
RELATIVE_DAY_RE = re.compile(r"\b(?:earlier\s+today|today|this\s+(?:morning|afternoon|evening|week)|tonight|yesterday)\b"
                             r"(?![’']s)", re.I)
TODAY_RE = RELATIVE_DAY_RE
# the explicit date a writer adds in parentheses right after the relative day: "yesterday (11/6/2031)"
SPELLED_DAY_RE = re.compile(r"^\s*\(\s*$")
# after the verb, a determiner and a few adjectives before the released name (no preposition: "the results of X")
TODAY_OBJECT_RE = re.compile(r"\s+(?:(?:the|our|its|their|a|an)\s+)?"
                             r"(?:(?!(?:of|for|with|on|to|in|by|about|from|and|at)\b)[a-z][\w-]*\s+){0,3}")
# a verb whose subject is the model ends there ("X is released today", "X launches on <host> today"); a participle
# before a noun ("the best openly released LLM today") is an adjective: "today" there means "now"
VERB_ENDS_RE = re.compile(r"\s*(?:$|[,.;:!?)]|\s(?:today|now|officially|publicly|openly|on|in|to|at|by|for|under|with|"
                          r"via|through|as|yesterday|this|tonight|earlier)\b)", re.I)
# a label or column naming a release date: "Release date:", "Released:", "Launch date |", "Model date:"
RELEASE_LABEL_RE = re.compile(r"\b(?:(?:initial\s+|first\s+)?(?:release|launch)(?:d|\s+date)?|date\s+(?:released|of\s+release))"
                              r"\s*(?::|;|\|)\s*$", re.I)
RELEASE_COLUMN_RE = re.compile(r"^\W*(?:(?:initial\s+|first\s+)?(?:release|launch)(?:d|\s+date)?|"
                               r"date\s+(?:released|of\s+release)|released\s+on)\W*$", re.I)
# a heading naming the release date of the text's model ("Model date", "Release date", "Released"): a
# paragraph under it holding a date alone is that date ("## Model date" / "February 2031")
RELEASE_HEADING_RE = re.compile(r"^\W*(?:model\s+(?:release\s+)?date|(?:initial\s+|first\s+)?(?:release|launch)"
                                r"(?:d|\s+date)?|date\s+(?:released|of\s+release)|released\s+on)\W*$", re.I)
# --- a dateline at the text's top: "Published: <day>", "Posted on <day>", "By <Name> · <day> · 5 min read", or a
# day alone. Only the first blocks (before the prose runs), each short, holding one day and nothing but a label, a
# byline or a reading time beside it
DATELINE_BLOCKS = 6
DATELINE_WORDS = 16
DATELINE_LABEL_RE = re.compile(r"^\W*(?:(?:first\s+)?published|posted|dated?|written)(?:\s+on)?\s*:?\s*$", re.I)
DATELINE_PART_RE = re.compile(r"^\W*(?:by\s+[^\d]{1,60}|\d+\s*(?:min(?:ute)?s?|m)\s+read)?\W*$", re.I)
# a news dateline opening a paragraph: a place in capitals or title case and a comma before the day, a dash after it
PLACE_BEFORE_RE = re.compile(r"^\s*(?:[A-Z][A-Za-z.'-]*(?:[ ,]+[A-Z][A-Za-z.'-]*){0,3}\s*,\s*)?$")
DASH_AFTER_RE = re.compile(r"^\s*(?:[—–]|--?)\s")
DATELINE_SPLIT_RE = re.compile(r"\s*(?:[·•|—–]|\s-\s|,\s*(?=\d+\s*min))\s*")


def dateline(blocks: list[Any]) -> tuple[date | None, int | None]:
    """The text's own date from a dateline at its top (`DATELINE_*`) and the dateline's block (a byline and a
    reading time claim nothing), or (None, None)."""
    for b, block in enumerate(blocks[:DATELINE_BLOCKS]):
        if block.kind not in ("paragraph", "heading"):
            continue
        text = block.text.strip()
        days = [d for d in find_dates(text) if d.precision == "day"]
        if len(days) == 1 and len(text.split()) <= DATELINE_WORDS:
            d = days[0]
            head = text[:d.start]
            head = "" if DATELINE_LABEL_RE.match(head) else head
            parts = DATELINE_SPLIT_RE.split(head.strip()) + DATELINE_SPLIT_RE.split(text[d.end:].strip())
            if all(DATELINE_PART_RE.match(p) for p in parts):
                return d.low, b
        if block.kind == "paragraph" and days:
            # a news dateline opening the first paragraph: "<PLACE>, <day> — <the story>" / "<day> — ..."
            d = days[0]
            if PLACE_BEFORE_RE.match(text[:d.start]) and DASH_AFTER_RE.match(text[d.end:]):
                return d.low, None
        if block.kind == "paragraph" and len(text.split()) > DATELINE_WORDS:
            break  # the prose has begun: a date further down is no dateline
    return None, None


def text_day(x: _Extractor) -> tuple[date | None, str]:
    """The text's own date, what a relative day ("today", "yesterday") counts from, and where it comes from:
    `check --as-of`, else a dateline at the text's top (`dateline`); (None, "") without either."""
    if x.ctx.as_of is not None:
        return x.ctx.as_of, "the text's date"
    if x.ctx.dateline is not None:
        return x.ctx.dateline, "the text's dateline"
    return None, ""


def relative_day(x: _Extractor, hit: re.Match[str]) -> DateExpr | None:
    """The day a relative-day word names ("today", "this morning", "yesterday"): the explicit date in
    parentheses right after it when the writer gives one ("yesterday (11/6/2031)"), else counted back from the
    text's date (`text_day`); None without either (the claim is then unverifiable, `verify.verify_release`)."""
    spelled = next((d for d in x.dates if d.precision == "day" and id(d) not in x.used
                    and SPELLED_DAY_RE.match(x.sentence[hit.end():d.start])), None)
    if spelled is not None:
        x.used.add(id(spelled))
        return DateExpr(hit.start(), spelled.end + (1 if x.sentence[spelled.end:spelled.end + 1] == ")" else 0),
                        f"{hit.group(0)} ({spelled.text})", spelled.low, spelled.high, "day")
    day, source = text_day(x)
    if day is None:
        return None
    word = re.sub(r"\s+", " ", hit.group(0).lower())
    if word == RELATIVE_WEEK:
        monday = day - timedelta(days=day.weekday())
        return DateExpr(hit.start(), hit.end(), f"{hit.group(0)} (the week of {day.isoformat()}, from {source})",
                        monday, monday + timedelta(days=6), "week")
    day = day - timedelta(RELATIVE_DAYS[word])
    return DateExpr(hit.start(), hit.end(), f"{hit.group(0)} ({day.isoformat()}, from {source})", day, day, "day")


def released_today(x: _Extractor) -> None:
    """"X is released today", "today we release X", "we're excited to release X today", "yesterday we launched X":
    the release date is the day the relative word names (`relative_day`); without the text's date the claim is
    made with no date and stays unverifiable."""
    s = x.sentence
    clauses = clause_boundaries(s, x.ctx.row)
    for today in RELATIVE_DAY_RE.finditer(s):
        verb = next((v for v in TODAY_VERB_RE.finditer(s) if clauses.same(v.start(), today.start())), None)
        if verb is None:
            continue
        lead = TODAY_OBJECT_RE.match(s, verb.end())
        at = lead.end() if lead else verb.end()
        model = next((m for m in x.models if m.start in (at, verb.end() + 1) and m.how != "ambiguous"
                      and clauses.same(m.start, today.start())), None)
        if model is None and VERB_ENDS_RE.match(s, verb.end()):
            found = x.model_for(verb.start())  # "X is released today": the verb's subject
            model = found if found is not None and found.end <= verb.start() else None
        if model is None:
            continue
        when = relative_day(x, today)
        end = max(model.end, verb.end(), when.end if when is not None else today.end())
        x.add(min(model.start, verb.start(), today.start()), end, "release_date", [model], [],
              date=when, relative=today.group(0))


def dated_items(x: _Extractor) -> None:
    """A news line opening with its date ("2031-11-23: we released X and Y", "[2031.11.23] X is open-sourced",
    "Nov 2031 - we release X"; a list item, or a paragraph whose date is followed by ":" or a bracket): the date
    is the release of each model the line says is released — the released names right after the verb, else
    the verb's subject between the date and the verb (`released_names`)."""
    s = x.sentence
    first = x.dates[0] if x.dates else None
    if first is None or id(first) in x.used or not DATE_OPENING_RE.match(s[:first.start]):
        return
    sep = DATE_CLOSE_RE.match(s, first.end)
    if sep is None or (not x.ctx.item and not re.search(r"[:\])]", sep.group(0))):
        return
    found = released_names(x, sep.end())
    if found is None:
        return
    verb, group = found
    x.used.add(id(first))
    when = DateExpr(first.start, first.end, first.text, first.low, first.high, first.precision, first.point)
    for m in group:
        x.add(first.start, max(verb.end(), m.end), "release_date", [m], [], date=when)


def dated_list_items(x: _Extractor) -> None:
    """A changelog's entry: a date standing alone on a line — a paragraph ("March 3, 2031", "**March 3, 2031**"), a
    heading ("### 2031-03-03") or a list item ("* March 2031:") — and the list under it: each item that says a model
    is released ("Released X", "X released", "We released X and Y", `released_names`) is a release-date claim of that
    date, at its precision; an item saying anything else claims nothing from it (`date_alone`: the lead, the last
    sentence before a list or the text of a nested item's parent, `Context.item_lead`)."""
    if not x.ctx.item or x.ctx.row:
        return
    when = date_alone(x.ctx.item_lead)
    if when is None:
        return
    found = released_names(x, 0)
    if found is None:
        return
    verb, group = found
    for m in group:
        a, b = min(verb.start(), m.start), max(verb.end(), m.end)
        x.add(a, b, "release_date", [m], [], date=DateExpr(a, a, when.text, when.low, when.high, when.precision,
                                                           when.point), lead=x.ctx.item_lead)


# a line holding nothing but a date: emphasis, a heading's or a bullet's marks, a weekday, a closing ":" or dash
DATE_ALONE_AROUND_RE = re.compile(r"^[\s*_#\[(]*(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?$", re.I)
DATE_ALONE_AFTER_RE = re.compile(r"^[\s*_\])]*[:：]?[\s*_]*(?:[-–—]\s*)?$")


def date_alone(text: str) -> DateExpr | None:
    """The date a line holds alone ("March 3, 2031", "**2031-03-03**", "Monday, March 3, 2031", "March 2031:"), or
    None (a line with any other word, or two dates)."""
    if not text or len(text) > 60:
        return None
    dates = find_dates(text)
    if len(dates) != 1:
        return None
    d = dates[0]
    if not DATE_ALONE_AROUND_RE.match(text[:d.start]) or not DATE_ALONE_AFTER_RE.match(text[d.end:]):
        return None
    return d


def released_names(x: _Extractor, body: int) -> tuple[re.Match[str], list[Mention]] | None:
    """The release verb of a news or changelog line from `body` on and the models it says are released: the names
    right after the verb, joined by separators only ("released X, Y and Z"), else the verb's subject between `body`
    and the verb ("X released"); none when the names run on into another noun ("released X support") or the line
    has no release verb."""
    s = x.sentence
    verb = TODAY_VERB_RE.search(s, body) or LINE_VERB_RE.search(s, body)
    if verb is None:
        return None
    stop = LINE_STOP_RE.search(s, verb.end())
    end = stop.start() if stop else len(s)
    named = sorted([m for m in x.models if m.how != "ambiguous"] + list(x.series), key=lambda m: m.start)
    lead = TODAY_OBJECT_RE.match(s, verb.end())
    at = lead.end() if lead else verb.end()
    group: list[Any] = []
    for m in (m for m in named if verb.end() <= m.start < end):  # "X, Y and Z": names joined by separators only
        if (not group and m.start not in (at, verb.end() + 1)) or \
                (group and not LINE_JOIN_RE.fullmatch(s[group[-1].end:m.start])):
            break
        group.append(m)
    if group and not NAME_END_RE.match(s, group[-1].end):
        return None  # "Introduced X support in the SDK": X names what the line is about, not what was released
    if not group:  # "X released", "X is now open-sourced": the verb's subject right before it
        group = [m for m in named if body <= m.start and m.end <= verb.start()
                 and SUBJECT_BEFORE_VERB_RE.fullmatch(s[m.end:verb.start()])][:1]
    models = [model for m in group if (model := m if isinstance(m, Mention) else x.as_mention(m)) is not None]
    return (verb, models) if models else None


# what may stand before a news line's date ("[", "(", a bullet's leftovers) and after it (":", "]", a dash)
DATE_OPENING_RE = re.compile(r"^[\s\[(]*$")
DATE_CLOSE_RE = re.compile(r"[\s\])]*(?:[:：]|\s[-–—]|[-–—]\s|\])?\s*")
# the release verbs of a news line beyond `TODAY_VERB_RE`: "publish", "(are) now available", "debut"
LINE_VERB_RE = re.compile(r"\b(?:publish(?:es|ed|ing)?|debut(?:s|ed)?|(?:is|are)\s+now\s+available|"
                          r"made\s+(?:publicly\s+)?available)\b", re.I)
# where the released names end: a relative clause, another clause, a parenthesis, a comparison
LINE_STOP_RE = re.compile(r",\s*(?:which|who|that|a|an|the|our)\b|[;(]|\s[-–—]\s|\b(?:with|than|beats?|outperform\w*|"
                          r"surpass\w*|on|to|for|at|via|under)\b", re.I)
# between a released model and its verb ("X released", "X (7B) is now released", "X has been officially launched")
SUBJECT_BEFORE_VERB_RE = re.compile(r"[\s,]*(?:\([^()]{0,40}\)[\s,]*)?(?:(?:is|are|was|were|has|have|been|being|now|"
                                    r"officially|publicly|openly|finally|just|also|gets?|got)\s+)*", re.I)
# where a released name ends: the line, a clause, a preposition, or a word naming what of it was released
NAME_END_RE = re.compile(r"\s*(?:$|[,.;:!?()]|[-–—]\s|(?:(?:model|family|series|weights|checkpoints?|versions?|variants?)s?"
                         r"\b|and|or|with|to|for|on|in|at|via|under|as|which|that|today|now|officially|publicly|openly|"
                         r"is|are|was|were|has|have)\b)", re.I)
LINE_JOIN_RE = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*|\s*/\s*)(?:the\s+)?", re.I)


def release_headings(x: _Extractor) -> None:
    """A date alone in a paragraph under a release heading ("## Model date" / "February 2031", "## Released" /
    "2031-02-01"): the release date of the section's model (the binding rule's label-line model: the previous
    subject, else the text's topic)."""
    s = x.sentence.strip().rstrip(".")
    if x.ctx.row or x.ctx.heading or len(x.dates) != 1 or not RELEASE_HEADING_RE.match(x.ctx.section or ""):
        return
    d = x.dates[0]
    if id(d) in x.used or s != x.sentence[d.start:d.end] or x.models or x.series:
        return
    model = x.referent_mention()
    if model is None:
        return
    x.add(d.start, d.end, "release_date", [model], [d], date=d, heading=x.ctx.section)


def release_labels(x: _Extractor) -> None:
    """A release date under its label: "Release date: <date>" (the label line's model: the binding rule),
    a table cell under a "Release date" column (the row's model), a two-cell row "Release date | <date>"."""
    s = x.sentence
    spans = cell_spans(s, x.ctx.cells or [])
    for d in x.dates:
        if id(d) in x.used:
            continue
        column = next((h for h, a, b in spans if a <= d.start and d.end <= b and RELEASE_COLUMN_RE.match(h)
                       and not s[a:b].replace(d.text, "").strip(" .,")), None)
        label = RELEASE_LABEL_RE.search(s[:d.start])
        if column is None and label is None:
            continue
        model = x.model_for(d.start, d.end)
        if model is None or d.start <= model.start < d.end:
            continue
        start = label.start() if label is not None and column is None else d.start  # a cell's span is its own date
        x.add(start, d.end, "release_date", [model], [d], date=d)


# --- compact dates ("31.11.30", "2031.11": `numbers.COMPACT_DATE_RES`) in the context that makes them dates -------------
# a column of dates: its header names a date or a release ("Release Date", "Date", "Released", "Launch")
DATE_COLUMN_RE = re.compile(r"\b(?:dates?|released?|launch(?:ed)?)\b", re.I)
# a release word or a date label right before the date ("released on", "open-sourced in", "Release date:")
COMPACT_LEAD_RE = re.compile(r"\b(?:releas(?:e|es|ed)|launch(?:es|ed)?|open[- ]sourc(?:e|es|ed)|publish(?:es|ed)?|"
                             r"debut(?:s|ed)?|dated?)(?:\s+(?:on|in)|\s*[:|;])?\s*$", re.I)


def compact_dates(sentence: str, ctx: Any, taken: list[tuple[int, int]]) -> list[DateExpr]:
    """The compact dates of a sentence its context makes dates (outside `taken`, the names' and the ordinary dates'
    spans): a cell holding only the date under a date or release column (`DATE_COLUMN_RE`), a date opening a list
    item or a line whose date a ":" or a bracket closes and that says what was released (`dated_items`), a date right
    after a release word or a date label (`COMPACT_LEAD_RE`). Elsewhere the figure stays what it is."""
    spans = cell_spans(sentence, ctx.cells or [])
    out = []
    for d in find_compact_dates(sentence):
        if any(a < d.end and d.start < b for a, b in taken):
            continue
        column = any(a <= d.start and d.end <= b and DATE_COLUMN_RE.search(h) and not
                     sentence[a:b].replace(d.text, "").strip(" .,") for h, a, b in spans)
        sep = DATE_CLOSE_RE.match(sentence, d.end)
        opening = DATE_OPENING_RE.match(sentence[:d.start]) is not None and sep is not None and (
            ctx.item or re.search(r"[:\])]", sep.group(0))) and (
            TODAY_VERB_RE.search(sentence, sep.end()) or LINE_VERB_RE.search(sentence, sep.end()))
        if column or opening or COMPACT_LEAD_RE.search(sentence[:d.start]):
            out.append(d)
    return out


# --- a list of releases: "Release dates:" / "## Releases", then "- 7B Instruct: <date>", "- <model>: <date>" ----------
# the sentence or heading a list completes names releases: `patterns.RELEASE_LIST_LEAD_RE`
# a line of it: a name or a size label, a separator (":" or a spaced dash), then the date alone
RELEASE_LINE_RE = re.compile(r"^\s*(?P<name>[^:–—]{1,60}?)\s*(?::|\s[-–—]\s)\s*$")
# "<size> <variant>" ("7B", "7B Instruct", "NB chat"): a sized model of the family the list is about
SIZE_LINE_RE = re.compile(r"^(?P<size>\d+(?:\.\d+)?)\s?B\b\s*(?P<variant>(?:[A-Za-z-]+\s*){0,2})$", re.I)
INSTRUCT_RE = re.compile(r"instruct|chat|-it\b|\bit\b", re.I)


def release_list_lines(x: _Extractor) -> None:
    """A line of a list of releases (`RELEASE_LIST_LEAD_RE`: the list completes "Release dates:" or sits under
    "## Releases"): "<model>: <date>" is the model's release date; "<size> <variant>: <date>" ("7B Instruct:
    2031-03-01") that of the family's sized model (the family: the model the list is about, the binding rule's
    referent; the variant picks among the size's models, and a variant none has claims nothing)."""
    s = x.sentence
    if not x.ctx.item or len(x.dates) != 1 or not RELEASE_LIST_LEAD_RE.search(x.ctx.list_lead or ""):
        return
    d = x.dates[0]
    line = RELEASE_LINE_RE.match(s[:d.start])
    if id(d) in x.used or line is None or s[d.end:].strip(" ."):
        return
    a, b = line.start("name"), line.end("name")
    model = next((m for m in x.models if m.how != "ambiguous" and (m.start, m.end) == (a, b)), None)
    if model is None and (sized := SIZE_LINE_RE.match(line.group("name"))) is not None:
        model = _sized_model(x, float(sized.group("size")) * 1e9, sized.group("variant").strip(), a, b)
    if model is None:
        return
    x.used.update(id(q) for q in x.quantities if a <= q.start and q.end <= b)  # "7B" names the model: no figure
    x.add(a, d.end, "release_date", [model], [d], date=d)


def _sized_model(x: _Extractor, size: float, variant: str, start: int, end: int) -> Mention | None:
    """The family's model of `size` (and `variant`: "Instruct"/"chat" or "base") as a model mention, or None; the
    family is the binding rule's referent."""
    family = x.ctx.referent
    if family is None or x.attributes is None or not x.lex.aliases:
        return None
    target = x.attributes.target(family, size)
    if target is None or target.how != "series+size" or not target.ids:
        return None
    ids = target.ids
    if variant:
        tuned = not re.search(r"\b(?:base|pre-?trained)\b", variant, re.I)
        ids = [i for i in ids if bool(INSTRUCT_RE.search(i)) == tuned] if tuned or len(ids) > 1 else ids
    names = sorted({n for i in ids for n in x.lex.aliases[1].get(i, ())})
    if not names:
        return None
    label = f"{target.label}{' ' + variant if variant else ''}"
    return Mention("model", start, end, label, ", ".join(ids[:6]), names, how="series+size",
                   note=f"'{x.sentence[start:end]}' in a list of releases about {getattr(family, 'text', family)}: "
                        + ", ".join(ids[:6]))


def release_group(x: _Extractor, at: int, names: list[Any]) -> tuple[list[Mention | None], int] | None:
    """The names a release verb lists right at `at`, joined by separators only ("released A, B and C"): each model
    (None for a series no model mention stands for), and where the list ends; None when fewer than two names are
    listed. A size coordinated after a name ("released <Family> NB and MB") is already a name here: the family's
    model of that size, else a name no source has — the one rule for that form, `resolve.Lexicon._name_tails`."""
    s = x.sentence
    first = next((m for m in names if m.start == at), None)
    if first is None:
        return None
    group: list[Mention | None] = [first if isinstance(first, Mention) else x.as_mention(first)]
    end = first.end
    while (join := LINE_JOIN_RE.match(s, end)) is not None and join.end() > end:
        nxt = next((m for m in names if m.start == join.end()), None)
        if nxt is None:
            break
        group.append(nxt if isinstance(nxt, Mention) else x.as_mention(nxt))
        end = nxt.end
    return (group, end) if len(group) >= 2 else None
