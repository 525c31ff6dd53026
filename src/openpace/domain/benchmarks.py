"""How benchmark names are keyed, so every feature finds a benchmark by the same key.

A key ignores case, spacing and punctuation between words (`MMLU-Pro` = `MMLU Pro` = `mmlu pro`)
but keeps a trailing `+`, which names another benchmark (`HumanEval+` is not `HumanEval`).
`ALIASES` maps the key of an older name to the key of the current one.
"""

from __future__ import annotations

import re

# `[^\W_]` is a letter or digit in any script (`τ²-bench`); `+` directly after a word stays part of it.
_WORD = re.compile(r"[^\W_]+\+*")
# Every other name a benchmark the sources score goes by, key -> the key of the name the sources use (the one place
# aliases are kept: the vocabulary adds an alias only when the warehouse has rows under its target). LMSys renamed
# its leaderboard to (LM)Arena: one benchmark under several names ("Chatbot Arena", "LMSys Elo"). BBH is how tables
# abbreviate BIG-Bench Hard. Arena-Hard's automatic judge ("Arena-Hard-Auto") is what posts call "Arena-Hard" or
# "Arena Hard v0.1". "HLE" abbreviates Humanity's Last Exam; "MATH Lvl 5" is MATH level 5.
ALIASES = {
    "lmsys elo": "arena elo", "chatbot arena elo": "arena elo", "lmsys arena elo": "arena elo",
    "chatbot arena": "arena elo", "lmsys chatbot arena": "arena elo", "lmarena elo": "arena elo",
    "big bench hard": "bbh", "swe verified": "swe bench verified",
    "arena hard": "arena hard auto", "arena hard v0 1": "arena hard auto", "arena hard auto v0 1": "arena hard auto",
    "hle": "humanity s last exam", "math lvl 5": "math level 5",
}
# a qualifier after a benchmark's name that names another measure of it than its usual score: a
# percentile rank or a rating is not the pass rate ("Codeforces (Percentile)" vs "Codeforces (Rating)").
# A qualifier naming how the score was taken ("Pass@1", "EM", "Resolved", "8-shot, CoT") changes nothing.
# An evaluation harness's standard error or perplexity ("<task>/acc_stderr", "(perplexity)") is no score either.
MEASURES = {"percentile": "percentile", "rating": "rating", "rank": "rank", "elo": "elo", "stderr": "stderr",
            "perplexity": "perplexity"}


# --- variants: a word that makes a benchmark's name another benchmark or a subset of it --------------------
# "MMLU-Pro", "MMLU Redux", "GPQA Diamond", "SWE-bench Lite", "Arena-Hard v2", "HumanEval+", "Global MMLU",
# "the Hard subset of GSM8K" are not MMLU / GPQA / SWE-bench / Arena-Hard / HumanEval / GSM8K: their scores are
# another test's. A name so qualified matches only rows a source gives under that variant's own name (the
# vocabulary's longest name wins first: "GPQA Diamond" when a source scores it); with none, the claim is
# unverifiable, never checked against the plain benchmark's rows. A word naming how a score was taken ("5-shot",
# "CoT", "Pass@1", "EM", "Resolved") is no variant (`MEASURES` for another measure of the same test).
# VARIANT_WORDS: after the name (a capital after a space, any case after a hyphen, or in parentheses); a version
# "v2" / "v0.1" or a "+" glued to it. VARIANT_BEFORE: a capitalised word before the name, space-separated.
VARIANT_WORDS = ("Pro", "Redux", "Hard", "Lite", "Verified", "Diamond", "Plus", "Platinum", "Extended", "Mini",
                 "Multilingual", "Challenge", "Easy", "Auto", "Live")
VARIANT_BEFORE = ("Global", "Multilingual")
_VARIANT_ALT = "|".join(VARIANT_WORDS)
# the variant as it follows a name: "+" glued; "-Redux"/"-redux" (or "_redux", a harness task id's "_" for a hyphen:
# `claims.resolve.BENCH_SEP`); " Redux" (a capital: "MMLU plus GSM8K" is a list);
# a version ("v2", "v0.1"); a tier with its number or range ("Tier 4", "Tier 1-3"). No other figure: "MMLU Pro 71"
# is the score 71 on MMLU Pro
VARIANT_AFTER = (rf"(?:\+|[\s_-]v\d+(?:\.\d+)*(?!\w|\.\d)|[\s_-]Tier\s?\d+(?:[-–]\d+)?(?!\w|\.\d)|"
                 rf"[-_](?:{_VARIANT_ALT})(?![\w-])|\s(?-i:{_VARIANT_ALT}|{_VARIANT_ALT.upper()})(?![\w-]))")
# "the STEM subset of B", "a 500-problem split of B", "Global B": the text before a name that makes it a subset
# or a variant (group `word`: the subset's own name, when written)
VARIANT_PRECEDING = re.compile(r"(?:\b(?P<pre>(?-i:" + "|".join(VARIANT_BEFORE) + r"))\s|"
                               r"\b(?:(?P<word>[\w-]+)\s+)?(?:subset|split|slice|portion|subsample)\s+of\s+"
                               r"(?:the\s+)?)$", re.I)
_SUBSET_DETERMINERS = {"a", "an", "the", "this", "that", "its", "their", "small", "random"}


def variant_key(key: str, variant: str) -> str:
    """The key of a benchmark's variant written after its name (`VARIANT_AFTER`): `"mmlu", " Redux"` ->
    `"mmlu redux"`, `"humaneval", "+"` -> `"humaneval+"`; an alias of the whole applies."""
    return benchmark_key(key + variant if variant.startswith("+") else f"{key} {variant}")


def variant_of(qualifier: str | None) -> str | None:
    """The variant a parenthesised qualifier names (`"(Diamond)"` -> `"diamond"`, `"(Lite, Pass@1)"` -> `"lite"`),
    else None (`"(5-shot, CoT)"`, `"(EM)"`: how the score was taken)."""
    words = set(benchmark_key(qualifier or "").split())
    return next((w.lower() for w in VARIANT_WORDS if w.lower() in words), None)


def preceding_variant(before: str) -> tuple[int, str] | None:
    """A variant or subset named right before a benchmark's name (`VARIANT_PRECEDING`): (where it starts in
    `before`, the words its key adds), else None. `"On the STEM subset of "` -> (7, "stem subset");
    `"On a subset of "` -> (5, "subset"); `"On Global "` -> (3, "global")."""
    m = VARIANT_PRECEDING.search(before)
    if m is None:
        return None
    if m.group("pre"):
        return m.start("pre"), m.group("pre").lower()
    word = m.group("word")
    if word and word.lower() not in _SUBSET_DETERMINERS:
        return m.start("word"), f"{word.lower()} subset"
    return (m.end("word") + len(before[m.end("word"):]) - len(before[m.end("word"):].lstrip())
            if word else m.start()), "subset"


def benchmark_key(name: str) -> str:
    """The key a benchmark name is matched by: `"LMSys  Elo"` -> `"arena elo"`, `"MMLU-Pro"` -> `"mmlu pro"`."""
    key = " ".join(_WORD.findall(name.lower()))
    return ALIASES.get(key, key)


# a benchmark a source names with its setting in parentheses ("<Bench> (unguided)", "<Bench> (no subtitles)",
# "<Bench> (16k)"): the setting the source measured, the only one it gives
SETTING = re.compile(r"^(?P<base>[^()]+?)\s*\((?P<setting>[^()]+)\)\s*$")


def setting_bases(names: list[str] | set[str]) -> dict[str, tuple[str, set[str]]]:
    """The benchmarks the sources give only under a setting, by the key of their plain name: `{"cybench":
    ("Cybench", {"Cybench (unguided)"})}` — a plain name no source uses on its own (else it is that benchmark),
    with the names of its settings. Prose often names such a benchmark without its setting; its rows may then
    support a claim but never contradict it (the text may mean another setting)."""
    keys = {benchmark_key(n) for n in names}
    out: dict[str, tuple[str, set[str]]] = {}
    for name in names:
        m = SETTING.match(name)
        if m is None or benchmark_key(m.group("base")) in keys:
            continue
        base = m.group("base").strip()
        out.setdefault(benchmark_key(base), (base, set()))[1].add(name)
    return out


def measure_of(qualifier: str | None) -> str | None:
    """The measure a benchmark's qualifier names (`"(Percentile)"` -> `"percentile"`), else None."""
    words = set(benchmark_key(qualifier or "").split())
    return next((m for w, m in MEASURES.items() if w in words), None)


def qualified_key(name: str, qualifier: str | None) -> str:
    """The key of a benchmark written with a qualifier: the name's key, plus the measure when the qualifier
    names one (`"Codeforces", "Percentile"` -> `"codeforces percentile"`: it matches no row of the plain
    measure); `"SWE Verified", "Resolved"` -> `"swe bench verified"`."""
    key = benchmark_key(name)
    variant = variant_of(qualifier)
    if variant and variant not in key.split():  # "GPQA (Diamond)": a subset, "MMLU (Pro)": another benchmark
        key = ALIASES.get(f"{key} {variant}", f"{key} {variant}")
    measure = measure_of(qualifier)
    return ALIASES.get(f"{key} {measure}", f"{key} {measure}") if measure and not key.endswith(measure) else key


def is_elo(key: str) -> bool:
    """An Elo rating (a leaderboard's rating scale, not a 0–100 score)."""
    return key == "elo" or key.endswith(" elo")


# --- the scale a score is on: how close a written figure must be -------------------------------------------
# The sources' units: "percent" (0-100: accuracies, pass rates, win rates such as Arena-Hard-Auto's), "elo" (a
# rating, its own bands) and "other" (a scale the source does not name). An "other" benchmark whose every row, for
# every model, lies between TEN_POINT_FLOOR and 10 is a ten-point scale (MT-bench's and writing judges' 1-10
# marks): the percent bands, made for 100 points, are cut to a tenth there, so "8.9" is not "supported" by 8.5.
# An "other" benchmark whose every row lies in (0, 1] is a fraction (a share written 0.NNN): a percentage written
# for it ("95.6%") is read as the fraction (0.956), and the bands are a hundredth of the percent bands.
TEN_POINT_FLOOR = 1.0


def points_scale(unit: str, top: float | None) -> float:
    """How many points the scale of a benchmark's scores spans, which the score tolerances are a share of: 100
    for a percentage (and for a scale the rows do not show), 10 for a ten-point scale (`unit` "other" and the
    benchmark's highest row, `top`, in (TEN_POINT_FLOOR, 10]), 1 for a fraction (`top` in (0, 1])."""
    if unit == "other" and top is not None and TEN_POINT_FLOOR < top <= 10.0:
        return 10.0
    if unit == "other" and top is not None and 0.0 < top <= TEN_POINT_FLOOR:
        return 1.0
    return 100.0
