"""Where a sentence's clauses part, so a figure is only read with the words of its own clause.

A percentage and the benchmark named in another clause ("Although X trails on B, N% of the
<group> ...") are not a score; a contributor count and the month of another repository's clause
are not one claim.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# openers of a subordinate (or contrasting) clause, at the sentence's start, after ", " or "("
SUBORDINATE = (r"although|though|even though|while|whereas|because|since|despite|unless|if|which|who|whom|whose|"
               r"where|but|yet")
CLAUSE_OPEN_RE = re.compile(rf"(?:^|(?<=,\s)|(?<=\())(?:{SUBORDINATE})\b", re.I)
HARD_BOUNDARY_RE = re.compile(r"[;:](?=\s)|\s[—–]\s")  # a semicolon, a colon, a dash between spaces


@dataclass
class Clauses:
    """Where a sentence's clauses part: hard cuts (a semicolon, a colon, a dash between spaces) and
    subordinate clauses, each a span from its opener to its closing comma (or the sentence's end):
    "Although X trails on B, N% of ..." and "X, which B ..., cut costs" keep B apart from the figure,
    while the text on both sides of a parenthetical ("On B, which ..., X scores 61%") stays one clause.
    In a table row the "; " between cells is no cut: the cells are one record."""

    cuts: list[int]
    spans: list[tuple[int, int]]

    def same(self, a: int, b: int) -> bool:
        """Are positions a and b in one clause?"""
        lo, hi = min(a, b), max(a, b)
        if any(lo <= c < hi for c in self.cuts):
            return False
        return all((x <= a < y) == (x <= b < y) for x, y in self.spans)


def clause_boundaries(sentence: str, row: bool = False) -> Clauses:
    """The clauses of a sentence (see `Clauses`)."""
    cuts = [m.start() for m in HARD_BOUNDARY_RE.finditer(sentence) if not (row and m.group(0) == ";")]
    spans = []
    for m in CLAUSE_OPEN_RE.finditer(sentence):
        comma = sentence.find(",", m.end())
        spans.append((m.start(), comma if comma >= 0 else len(sentence)))
    return Clauses(sorted(set(cuts)), spans)
