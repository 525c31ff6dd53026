"""Blocks into sentences, robust to decimals, abbreviations, initials and unit letters."""

from __future__ import annotations

import re

ABBREVIATIONS = {
    "e.g", "i.e", "etc", "vs", "mr", "mrs", "ms", "dr", "prof", "inc", "ltd", "co", "corp", "jr", "sr", "st",
    "approx", "ca", "cf", "fig", "no", "vol", "est", "dept", "u.s", "u.k", "e.u", "a.m", "p.m", "al", "jan", "feb",
    "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "resp", "incl", "min", "max", "avg",
}
END_RE = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+|$)")


def collapse(text: str) -> str:
    """Runs of whitespace (a no-break space too) become one space."""
    return " ".join(text.split())


def _is_abbreviation(text: str, end: int) -> bool:
    """Does the full stop at `end` close an abbreviation or an initial rather than a sentence?"""
    start = end
    while start > 0 and (text[start - 1].isalpha() or text[start - 1] == "."):
        start -= 1
    word = text[start:end].lower()
    if word in ABBREVIATIONS:
        return True
    # an initial ("J. Smith"), but not a unit letter after a figure ("... 60B. The next ...")
    return len(word) == 1 and text[start:end].isupper() and not (start > 0 and text[start - 1].isdigit())


def split_sentences(text: str) -> list[str]:
    """Sentences of one block, whitespace collapsed."""
    text = collapse(text)
    out: list[str] = []
    begin = 0
    for m in END_RE.finditer(text):
        stop = m.end()
        rest = text[stop:].lstrip()
        if rest and not (rest[0].isupper() or rest[0].isdigit() or rest[0] in "\"'“‘([$€£*"):
            continue  # "e.g. the model", "3 p.m. today": no new sentence starts here
        if text[m.start()] == "." and m.end() - m.start() == 1 and _is_abbreviation(text, m.start()):
            continue
        piece = text[begin:stop].strip()
        if piece:
            out.append(piece)
        begin = stop
    tail = text[begin:].strip()
    if tail:
        out.append(tail)
    return out
