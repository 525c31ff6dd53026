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
ALIASES = {"lmsys elo": "arena elo", "big bench hard": "bbh"}


def benchmark_key(name: str) -> str:
    """The key a benchmark name is matched by: `"LMSys  Elo"` -> `"arena elo"`, `"MMLU-Pro"` -> `"mmlu pro"`."""
    key = " ".join(_WORD.findall(name.lower()))
    return ALIASES.get(key, key)


def is_elo(key: str) -> bool:
    """An Elo rating (a leaderboard's rating scale, not a 0–100 score)."""
    return key == "elo" or key.endswith(" elo")
