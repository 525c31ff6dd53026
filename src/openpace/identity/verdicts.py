"""Settling one fact (open weights, release date) for one canonical model from its sources."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from .dates import CONFLICT_DAYS, date_problem
from .sources import OPEN_PRIORITY, RELEASE_PRIORITY, priority_sorted


@dataclass
class OpenVerdict:
    value: bool | None
    basis: str | None  # the sources that said so, in priority order, joined by "+"
    conflicts: list[str] = field(default_factory=list)


@dataclass
class ReleaseVerdict:
    value: date | None
    source: str | None
    conflicts: list[str] = field(default_factory=list)


def _word(flag: bool) -> str:
    return "open" if flag else "closed"


def _rows(n: int) -> str:
    return f"{n} row" + ("" if n == 1 else "s")


def choose_open(per_source: dict[str, tuple[int, int]]) -> OpenVerdict:
    """Each source votes by the majority of its own rows; the highest-priority vote wins.

    `per_source` maps a source to `(open_rows, closed_rows)`. A source split evenly casts no vote.
    Every source that disagrees with the result, and every source split within itself, is a
    conflict line naming the sources and their row counts.
    """
    conflicts: list[str] = []
    votes: dict[str, bool] = {}
    for source in priority_sorted(per_source, OPEN_PRIORITY):
        yes, no = per_source[source]
        if yes and no:
            conflicts.append(f"{source} is split: {_rows(yes)} open, {_rows(no)} closed")
        if yes != no:
            votes[source] = yes > no
    if not votes:
        return OpenVerdict(None, None, conflicts)
    ordered = priority_sorted(votes, OPEN_PRIORITY)
    value = votes[ordered[0]]
    agree = [s for s in ordered if votes[s] == value]
    disagree = [s for s in ordered if votes[s] != value]
    if disagree:
        said = "; ".join(f"{s} says {_word(votes[s])} ({_rows(sum(per_source[s]))})" for s in ordered)
        conflicts.append(f"{said}; used {ordered[0]} (source priority)")
    return OpenVerdict(value, "+".join(agree), conflicts)


def choose_release(per_source: dict[str, Counter], stamp: str | None = None,
                   not_before: date | None = None) -> ReleaseVerdict:
    """Each source's date is its most frequent one (ties: the earliest) among the dates that pass
    the rules (identity.dates: the version stamp agrees, not before the family's first release);
    the highest-priority source's date is used, unless it stands alone against two or more
    sources that agree with each other (corroboration). Every rejected date and every
    disagreement is a conflict line. When no date passes, the rules are set aside (and said so)."""
    if not per_source:
        return ReleaseVerdict(None, None)
    conflicts: list[str] = []
    valid: dict[str, Counter] = {}
    for source in priority_sorted(per_source, RELEASE_PRIORITY):
        kept: Counter[date] = Counter()
        for day, n in sorted(per_source[source].items()):
            problem = date_problem(day, stamp, not_before)
            if problem:
                conflicts.append(f"{source} {day.isoformat()} ({_rows(n)}) {problem}: not used")
            else:
                kept[day] = n
        if kept:
            valid[source] = kept
    if not valid:
        conflicts.append("no date passes the stamp and family rules; used source priority on every date")
        valid = per_source
    chosen: dict[str, tuple[date, int]] = {}
    for source, counter in valid.items():
        chosen[source] = min(counter.items(), key=lambda item: (-item[1], item[0]))
    ordered = priority_sorted(chosen, RELEASE_PRIORITY)
    pick, reason = ordered[0], "source priority"
    near = {s: [t for t in ordered if t != s and abs((chosen[t][0] - chosen[s][0]).days) <= CONFLICT_DAYS]
            for s in ordered}
    if not near[pick]:
        backed = [s for s in ordered[1:] if near[s]]
        if backed:
            pick, reason = backed[0], f"corroborated by {'+'.join(near[backed[0]])}"
    value = chosen[pick][0]
    if any(chosen[s][0] != value for s in ordered):
        said = "; ".join(f"{s} {chosen[s][0].isoformat()} ({_rows(chosen[s][1])})" for s in ordered)
        conflicts.append(f"{said}; used {pick} ({reason})")
    return ReleaseVerdict(value, pick, conflicts)
