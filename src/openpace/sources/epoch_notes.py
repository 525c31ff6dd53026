"""Figures that Epoch's All ML Systems table states only in its free-text notes columns.

`Training dataset size (datapoints)` is sometimes tokens, sometimes words (Llama 2: "2 trillion
tokens ~= 1.5 trillion words"), sometimes images or pairs; its `Dataset size notes` say which.
Accelerator-hours are sometimes only in `Training time notes` ("Trained on 30.84M GPU hours").
Active parameters of a mixture of experts are only in `Parameters notes` ("21B active params").

Every reader here is conservative: a figure is taken only in the exact form "<number><scale>
<word>" (no qualifier in between, so "1,170B code-related tokens" — one part of a mixture — is not
a dataset size), and when a note states several different figures none is chosen unless one equals
the table's own column. The note's text around the figure is returned with it, so a reader can see
what was read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

SCALES = {"k": 1e3, "thousand": 1e3, "m": 1e6, "million": 1e6, "b": 1e9, "billion": 1e9,
          "t": 1e12, "trillion": 1e12}
# not after "per"/"/" ("~3 words per 4 tokens" is a ratio, not a count)
NUMBER = r"(?<!per )(?<!/)(?<![\w.,])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s*(thousand|million|billion|trillion|[kKmMbBtT])?"
TOKENS_RE = re.compile(NUMBER + r"\s*(?:unique\s+)?tokens\b")
WORDS_RE = re.compile(NUMBER + r"\s*words\b")
CHIP_HOURS_RE = re.compile(NUMBER + r"\s*(?:GPU|TPU|chip|accelerator|[AH]\d{2,3}|H800)[- ]hours\b", re.IGNORECASE)
ACTIVE_RE = re.compile(NUMBER + r"\s*(?:param(?:eter)?s\s+)?(?:active|activated|used)\b|"
                       + NUMBER + r"\s*param(?:eter)?s\s+per\s+token", re.IGNORECASE)
SAME = 0.02  # two figures are "the same" within 2 % (Epoch rounds: 1.34e12 vs "1.4T" is not the same)
EXCERPT = 80  # characters of the note kept on each side of a figure


@dataclass(frozen=True)
class Stated:
    """A figure read from a note, and the stretch of note it was read from."""

    value: float
    excerpt: str


def _value(number: str, scale: str | None) -> float:
    value = float(number.replace(",", ""))
    return value * SCALES[scale.lower()] if scale else value


def _excerpt(text: str, start: int, end: int) -> str:
    left, right = max(0, start - EXCERPT), min(len(text), end + EXCERPT)
    snippet = " ".join(text[left:right].split())
    return ("…" if left else "") + snippet + ("…" if right < len(text) else "")


def figures(pattern: re.Pattern[str], text: str | None) -> list[Stated]:
    """Every figure the pattern finds, in order (the first match group pair that fired)."""
    found = []
    for match in pattern.finditer(text or ""):
        groups = [g for g in match.groups()]
        pairs = [(groups[i], groups[i + 1]) for i in range(0, len(groups), 2)]
        number, scale = next((n, s) for n, s in pairs if n is not None)
        found.append(Stated(_value(number, scale), _excerpt(text or "", match.start(), match.end())))
    return found


def same(a: float, b: float) -> bool:
    return abs(a - b) <= SAME * max(abs(a), abs(b))


def distinct(found: list[Stated]) -> list[Stated]:
    """The figures with repeats (equal within `SAME`) dropped, first statement kept."""
    kept: list[Stated] = []
    for stated in found:
        if not any(same(stated.value, d.value) for d in kept):
            kept.append(stated)
    return kept


def one_figure(found: list[Stated], column: float | None) -> Stated | None:
    """The one distinct figure, or among several the one equal to the table's column; else None."""
    kept = distinct(found)
    if len(kept) == 1:
        return kept[0]
    if column is not None:
        matching = [d for d in kept if same(d.value, column)]
        if len(matching) == 1:
            return matching[0]
    return None


def dataset_unit(datapoints: float | None, notes: str | None) -> tuple[str | None, Stated | None]:
    """`(unit of the datapoints column, the note figure that says so)`: tokens or words when the notes
    state that same figure as such, else "datapoints" (the table's own, unstated unit)."""
    if datapoints is None:
        return None, None
    for unit, pattern in (("tokens", TOKENS_RE), ("words", WORDS_RE)):
        match = next((s for s in figures(pattern, notes) if same(s.value, datapoints)), None)
        if match is not None:
            return unit, match
    return "datapoints", None


def training_tokens(notes: str | None) -> list[Stated]:
    """The distinct training-token counts the dataset notes state."""
    return distinct(figures(TOKENS_RE, notes))


def chip_hours(notes: str | None) -> list[Stated]:
    """The distinct GPU/TPU hours stated in the training-time notes ("30.84M GPU hours")."""
    return distinct(figures(CHIP_HOURS_RE, notes))


def active_parameters(notes: str | None, total: float | None) -> list[Stated]:
    """Active parameters stated in the parameters notes ("21B active params", "39B active"); a
    figure equal to the total is not an active count."""
    return distinct([s for s in figures(ACTIVE_RE, notes) if total is None or not same(s.value, total)])


def six_nd(compute: float | None, parameters: float | None, size: float | None) -> bool:
    """Whether a dataset size is the D of Epoch's own estimate `compute = 6 x parameters x D`,
    i.e. a token count (the estimate counts tokens), within 5 %."""
    if not compute or not parameters or not size:
        return False
    return abs(6 * parameters * size - compute) <= 0.05 * compute
