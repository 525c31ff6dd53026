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
from .numbers import MONTHS, DateExpr, find_dates
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
# "today", and "this week" (the text's week, Monday to Sunday)
TODAY_RE = re.compile(r"\b(?:today\b(?![’']s)|this\s+week\b(?![’']s))", re.I)
# after the verb, a determiner and a few adjectives before the released name (no preposition: "the results of X")
TODAY_OBJECT_RE = re.compile(r"\s+(?:(?:the|our|its|their|a|an)\s+)?"
                             r"(?:(?!(?:of|for|with|on|to|in|by|about|from|and|at)\b)[a-z][\w-]*\s+){0,3}")
# a verb whose subject is the model ends there ("X is released today", "X launches on <host> today"); a participle
# before a noun ("the best openly released LLM today") is an adjective: "today" there means "now"
VERB_ENDS_RE = re.compile(r"\s*(?:$|[,.;:!?)]|\s(?:today|this\s+week|now|officially|publicly|openly|on|in|to|at|by|for|under|with|"
                          r"via|through|as)\b)", re.I)
# a label or column naming a release date: "Release date:", "Released:", "Launch date |"
RELEASE_LABEL_RE = re.compile(r"\b(?:(?:initial\s+|first\s+)?(?:release|launch)(?:d|\s+date)?|date\s+(?:released|of\s+release))"
                              r"\s*(?::|;|\|)\s*$", re.I)
RELEASE_COLUMN_RE = re.compile(r"^\W*(?:(?:initial\s+|first\s+)?(?:release|launch)(?:d|\s+date)?|"
                               r"date\s+(?:released|of\s+release)|released\s+on)\W*$", re.I)


# the text's own date at its top: a line holding only a date, after "Published" / "Posted" / "Date" and an author
# ("Published <Month D, YYYY>", "Posted on YYYY-MM-DD by <name>", "<Month D, YYYY>"), or a dateline opening its first
# paragraph ("<PLACE>, <date> — ...", "<date> — ..."). "Updated <date>" is no publication date.
DATE_LINE_RE = re.compile(r"^\W*(?:(?:published|posted|date|release\s+date)(?:\s+on)?\s*:?\s*)?\W*$", re.I)
BYLINE_RE = re.compile(r"\s*(?:[|·•,-]\s*)?(?:by\s+.{1,60})?\s*$", re.I)
DATELINE_BEFORE_RE = re.compile(r"^\s*(?:[A-Z][A-Za-z.'-]*(?:[ ,]+[A-Z][A-Za-z.'-]*){0,3}\s*,\s*)?$")
DATELINE_AFTER_RE = re.compile(r"^\s*(?:[—–-]{1,2}|/[A-Za-z ]{0,20}/\s*[—–-]{1,2}|:)\s")
TOP_BLOCKS = 4
DATE_LINE_CHARS = 3 * 32  # a date line is short: the words beside its date (a label, a byline) fit in these  # the blocks a dateline or a "Published" line may sit in (a title, a byline, a lead)


def text_date(blocks: list) -> DateExpr | None:
    """The date the text states for itself at its top (a "Published <date>" line, a line holding only a date, a
    dateline opening its first paragraph), or None: what "today" means in a launch post checked without `--as-of`."""
    for block in blocks[:TOP_BLOCKS]:
        if block.kind in ("header", "row", "code"):
            continue
        text = " ".join(block.text.split())
        dates = [d for d in find_dates(text) if d.precision == "day"]
        if not dates:
            continue
        d = dates[0]
        rest = text[:d.start] + text[d.end:]
        if DATE_LINE_RE.match(text[:d.start]) and BYLINE_RE.fullmatch(text[d.end:]) and len(rest) <= DATE_LINE_CHARS:
            return d
        if block.kind == "paragraph" and DATELINE_BEFORE_RE.match(text[:d.start]) and DATELINE_AFTER_RE.match(text[d.end:]):
            return d
    return None


def released_today(x: _Extractor) -> None:
    """"X is released today", "today we release X", "we're excited to release X today": the release date is
    the text's date — `check --as-of`, else the date the text states at its top (`text_date`); with neither, the
    claim is made and left unverifiable, saying why (the text states no date for "today")."""
    s = x.sentence
    as_of = x.ctx.as_of or (x.ctx.text_date.low if x.ctx.text_date is not None else None)
    whence = "the text's date" if x.ctx.as_of else f"the date the text states, '{x.ctx.text_date.text}'" \
        if x.ctx.text_date is not None else ""
    clauses = clause_boundaries(s, x.ctx.row)
    for today in TODAY_RE.finditer(s):
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
        start, end = min(model.start, verb.start(), today.start()), max(model.end, verb.end(), today.end())
        if as_of is None:
            x.add(start, end, "release_date", [model], [], date=None,
                  undated=f"'{today.group(0)}' is when the text was published, which it does not state (no dateline "
                          "or 'Published' line at its top); check it with --as-of its date")
            continue
        if today.group(0).lower().startswith("this"):  # the week of the text's date, Monday to Sunday
            monday = as_of - timedelta(days=as_of.weekday())
            when = DateExpr(today.start(), today.end(), f"{today.group(0)} (the week of {as_of.isoformat()}, {whence})",
                            monday, monday + timedelta(days=6), "week")
        else:
            when = DateExpr(today.start(), today.end(), f"{today.group(0)} ({as_of.isoformat()}, {whence})",
                            as_of, as_of, "day")
        x.add(start, end, "release_date", [model], [], date=when)


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
        start = label.start() if label is not None else d.start
        x.add(start, d.end, "release_date", [model], [d], date=d)
