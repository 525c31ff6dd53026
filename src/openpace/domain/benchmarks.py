"""How benchmark names are keyed, so every feature finds a benchmark by the same key.

A key ignores case, spacing and punctuation between words (`MMLU-Pro` = `MMLU Pro` = `mmlu pro`)
but keeps a trailing `+`, which names another benchmark (`HumanEval+` is not `HumanEval`).
`ALIASES` maps the key of an older name to the key of the current one.
"""

from __future__ import annotations

import re

# `[^\W_]` is a letter or digit in any script (`τ²-bench`); `+` directly after a word stays part of it.
_WORD = re.compile(r"[^\W_]+\+*")
# LMSys renamed its leaderboard to (LM)Arena: one benchmark under two names. BBH is how tables abbreviate
# BIG-Bench Hard, the name papers and posts spell out.
ALIASES = {"lmsys elo": "arena elo", "big bench hard": "bbh", "swe verified": "swe bench verified"}
# a qualifier after a benchmark's name that names another measure of it than its usual score: a
# percentile rank or a rating is not the pass rate ("Codeforces (Percentile)" vs "Codeforces (Rating)").
# A qualifier naming how the score was taken ("Pass@1", "EM", "Resolved", "8-shot, CoT") changes nothing.
MEASURES = {"percentile": "percentile", "rating": "rating", "rank": "rank", "elo": "elo"}


def benchmark_key(name: str) -> str:
    """The key a benchmark name is matched by: `"LMSys  Elo"` -> `"arena elo"`, `"MMLU-Pro"` -> `"mmlu pro"`."""
    key = " ".join(_WORD.findall(name.lower()))
    return ALIASES.get(key, key)


def measure_of(qualifier: str | None) -> str | None:
    """The measure a benchmark's qualifier names (`"(Percentile)"` -> `"percentile"`), else None."""
    words = set(benchmark_key(qualifier or "").split())
    return next((m for w, m in MEASURES.items() if w in words), None)


def qualified_key(name: str, qualifier: str | None) -> str:
    """The key of a benchmark written with a qualifier: the name's key, plus the measure when the qualifier
    names one (`"Codeforces", "Percentile"` -> `"codeforces percentile"`: it matches no row of the plain
    measure); `"SWE Verified", "Resolved"` -> `"swe bench verified"`."""
    key = benchmark_key(name)
    measure = measure_of(qualifier)
    return ALIASES.get(f"{key} {measure}", f"{key} {measure}") if measure and not key.endswith(measure) else key


def is_elo(key: str) -> bool:
    """An Elo rating (a leaderboard's rating scale, not a 0–100 score)."""
    return key == "elo" or key.endswith(" elo")
