"""Patterns kept as data: named pieces composed into the forms each claim kind recognises.

Like Recognizers-Text's named regex pieces, each piece is defined once here and composed by name
(`compose("{PARAMS}")`), so a rule reads as the words it looks for and a new phrasing is one line.
Nothing here looks at a warehouse: a test compiles and matches these on its own sentences.
"""

from __future__ import annotations

import re

PIECES: dict[str, str] = {
    # the unit words that type a figure
    "PARAMS": r"param(?:eter)?s?\b",
    "TOKENS": r"tokens?\b",
    "CONTEXT": r"contexts?(?:\s+(?:length|window|size)s?)?\b",
    "CHIPS": r"(?:GPUs|TPUs|chips|accelerators|GPU|TPU)\b",
    "CHIP_HOURS": r"(?:GPU|TPU|chip|accelerator)[- ]hours?\b",
    "ACCEL": r"(?:[A-Z]\d{2,4}|TPU\s*v\d\w*)",
    # nouns a size names ("a 11B model", "40B versions", "an NB large language model")
    "SIZE_NOUN": r"(?:models?|versions?|variants?|LLMs?|checkpoints?|(?:large\s+)?language\s+models?)\b",
    # the named words that may stand between a parameter count and its unit noun ("NB dense parameters", "NB
    # total params", "NB trainable parameters"); "active" is the active-parameter rule's, "non-embedding" a count
    # of its own (`AFTER["non_embedding"]`)
    "PARAM_MOD": r"(?:dense|total|trainable)",
    # a few plain words between a figure and its unit ("9 trillion carefully filtered tokens")
    "FILLER": r"(?:[A-Za-z][\w-]*\s+){0,4}?",
    "SIZE": r"\d+(?:\.\d+)?\s?B\b",
    # the per-token price units, one spelling set each: "M", "1M", "1 M", "million", "one million", "MTok",
    # "Mtoken", "M tok", "1M tokens" (per million); "K", "1K", "thousand", "Ktok", the number written out (per thousand)
    "MILLION_UNIT": r"(?:(?:1|one|a)\s?)?(?:million|mn|M)(?:\s?tok(?:en)?s?)?\b",
    "THOUSAND_UNIT": r"(?:1[,\s]?000|(?:(?:1|one|a)\s?)?(?:thousand|K))(?:\s?tok(?:en)?s?)?\b",
    # "for" only before one unit written out ("$A for 1M output tokens"): "$A for 40K tokens" totals a workload
    # what an amount may be per that is no token: a count of words, characters, images, requests ("$A/1000 words",
    # "$A per million characters"), or a time or a seat ("$A/month"): never a per-token price
    "OTHER_UNIT": r"words?|characters?|chars?|images?|pages?|requests?|calls?|queries|searches|minutes?|seconds?|"
                  r"hours?|days?|weeks?|months?|mo|years?|yr|users?|seats?",
    "PER": r"(?:/|\bper\b|\ba\b|\bfor\s+(?:every|each)\b|\bfor(?=\s+(?:1|one|a)\s?(?:million|mn|M|thousand|K)\b))",
    # the verbs of a comparison between two models, one set per direction, shared by the comparison claim
    # (`extract.COMPARE_RE`: which way it points) and the implied-subject rule (`binding.IMPLIED_SUBJECT`: a figure
    # right before one is the subject's)
    "AHEAD_VERB": r"(?:beat(?:s|ing)?|outperform(?:s|ed|ing)?|outscor(?:es|ed|ing)|surpass(?:es|ed|ing)?|"
                  r"exceed(?:s|ed|ing)?|edg(?:es|ed|ing)\s+out)",
    "BEHIND_VERB": r"(?:trail(?:s|ed|ing)?)",
    "TIE_VERB": r"(?:match(?:es|ed|ing)?)",
    # the same, as a position after a copula ("is just behind", "sits above")
    "AHEAD_OF": r"(?:ahead\s+of|above)",
    "BEHIND_OF": r"(?:behind|below)",
}


def compose(template: str, flags: int = re.I) -> re.Pattern[str]:
    """A template with {PIECE} references, compiled."""
    return re.compile(re.sub(r"\{([A-Z_]+)\}", lambda m: PIECES[m.group(1)], template), flags)


def match_end(pattern: re.Pattern[str] | str, text: str, flags: int = 0) -> int:
    """Where an optional tail matched at the start of `text` ends (0 when it is absent), so a claim's
    span can take in the words after its figure ("'s rate", "points") without a None check each time."""
    m = re.match(pattern, text, flags) if isinstance(pattern, str) else pattern.match(text)
    return m.end() if m else 0


# --- price units and price tiers ----------------------------------------------------------------
# a price's unit after its figure: "/MTok", "/ 1M tokens", "per 1M tok", "per million", "USD/M", "a million",
# "for every million" (`mil`), or per thousand (`k`); the words up to "tokens" after it are in `rest`
# (a unit in parentheses, "$A output (per 1M)", is the same unit)
PER_MTOK = compose(r"^\s*(?:\(\s*(?=per\b|/))?(?P<cur>USD|US\$|dollars?)?\s*{PER}\s*(?:(?P<mil>{MILLION_UNIT})|(?P<k>{THOUSAND_UNIT}))"
                   r"(?!\s*(?:{OTHER_UNIT})\b)(?P<rest>[\w\s-]{0,30}?tokens?\b)?")
# a column header (or a row label) naming a per-token price unit: "$/M", "(per 1M tokens)", "USD / MTok", "Mtok",
# "(m/tok)", or the unit as a count of a side's tokens ("1M input tokens (cache miss)", "1K output tokens")
UNIT_COUNT_SIDE = r"\s+(?:input|output|prompt|completion|cached(?:\s+input)?)\s+tok(?:en)?s?\b"
PER_MILLION_HEADER = compose(r"{PER}\s*{MILLION_UNIT}|\b(?:1\s?)?M\s?tok(?:en)?s?\b|\b(?:1\s?)?M\s?/\s?tok(?:en)?s?\b|"
                             r"\b(?:1\s?M|one\s+million)" + UNIT_COUNT_SIDE)
# a slash pair of amounts, "$A/$B" or "$A/B" (the currency written once): `PAIR_FIRST` is the first amount and its
# slash, `PAIR_SECOND` the second amount — with its currency, or bare when it ends the pair (a break, a side word, a
# unit or "and"/"respectively" after it, or the next line's name run into the sentence: a capitalised word that is no
# unit); a bare figure followed by anything else is no amount: the count the first
# amount is per ("$A/1M tokens", "$A/1000 words"), a fraction ("$A/4 of ..."). Figures with no currency before the
# slash ("3/4", "1/15", "8/10") are never a pair of amounts.
PAIR_FIRST = r"[$€£]\s?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?\s*(?:(?i:in(?:put)?)\s*)?/\s*"
BARE_PAIR_SECOND = (r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?!\d|[.,]\d)(?=\s*(?:$|[,;:.)(!?·•|]|[—–]|(?i:per|in|out|input|output|for|"
                    r"and|or|respectively|each|USD)\b)|\s+(?!(?i:million|thousand|billion|[mk]toks?|[mk]tokens?|tokens?|words?|"
                    r"characters?|chars?|requests?|calls?|images?|pages?|queries|hours?|minutes?|seconds?)\b)[A-Z][a-z])")
PAIR_SECOND = r"(?:[$€£]\s?\d|" + BARE_PAIR_SECOND + ")"
# the bare second amount of a pair, where it stands: a currency amount in the first one's currency (numbers.py)
BARE_SECOND_BEFORE = re.compile(PAIR_FIRST + r"$")
BARE_SECOND = re.compile(BARE_PAIR_SECOND)
# the order a pair's two amounts are in, as its lead or its own words name it: "(input/output)", "input / output
# tokens", "in/out", "input and output", "output/input" (the sides of `pair_sides`)
PAIR_SIDES = re.compile(r"\b(?P<first>input|output|prompt|completion|in|out)\s*(?:/|&|\band\b|,)\s*"
                        r"(?P<second>input|output|prompt|completion|in|out)\b", re.I)
SIDE_WORDS = {"input": "input", "in": "input", "prompt": "input", "output": "output", "out": "output",
              "completion": "output"}


def pair_sides(text: str) -> tuple[str, str] | None:
    """The sides of a slash pair in the order `text` names them ("input/output" -> (input, output), "output and
    input" -> (output, input)); None when it names no such order (or names one side twice)."""
    m = PAIR_SIDES.search(text)
    if m is None:
        return None
    first, second = SIDE_WORDS[m.group("first").lower()], SIDE_WORDS[m.group("second").lower()]
    return (first, second) if first != second else None


PER_THOUSAND_HEADER = compose(r"{PER}\s*{THOUSAND_UNIT}|\b(?:1\s?)?K\s?/\s?tok(?:en)?s?\b|"
                              r"\b(?:1\s?K|one\s+thousand|1[,\s]?000)" + UNIT_COUNT_SIDE)
# which price a figure is (its tier): a batch-API price, a prompt-cache read (a cache hit, cached input) or
# write (cache creation); "cache miss" is the ordinary input price. `cache` alone names neither read nor
# write; a write kept for an hour or more (`long`) is priced apart from the default (5-minute) write.
# A context-length tier label: the prompt size a price holds for. `ABOVE_CONTEXT` ("> 200K tokens", "≥128K",
# "prompts longer than 128k", "for inputs over 1M", "over 200K tokens:", "above 128K)") is the long-prompt
# surcharge; `UPTO_CONTEXT` ("≤ 200K tokens", "<=128k", "prompts up to 200K", "up to 200K tokens:") is the
# ordinary price, the catalogues' base. A bare "over / up to NK" counts only as a label (a colon, a price or a
# side word right after it; a closing bracket after "over"), never in a context window's wording ("a window of
# up to 200K tokens", "<model> (up to 128K tokens)"). `context_threshold` reads the threshold.
_TIER_N = r"\d+(?:\.\d+)?\s?[KM]\b(?:\s*(?:input\s+|prompt\s+|context\s+)?tokens?\b)?"
_TIER_NOUN = r"\b(?:prompts?|contexts?|inputs?|requests?)\s+(?:\w+\s+)?"
_LABEL_END = r"(?=\s*(?:[:)\]]|[$€£]|(?:input|output|in|out)\b))"
ABOVE_CONTEXT = compose(r"(?:>|≥|&gt;)\s*=?\s*" + _TIER_N + "|" + _TIER_NOUN +
                        r"(?:over|above|longer\s+than|more\s+than|exceeding|beyond|>|≥)\s*" + _TIER_N +
                        r"|\b(?:over|above|beyond|exceeding|more\s+than)\s+" + _TIER_N + _LABEL_END)
_UPTO = r"(?:(?:of\s+)?up\s+to|under|below|within|shorter\s+than|less\s+than|(?:of\s+)?at\s+most|≤|<=|<)\s*"
# "prompts up to NK" is a price tier after "for" or before a price or a cost verb; else it may state a context window
UPTO_CONTEXT = compose(r"(?:≤|<=|=<|&lt;=|<)\s*" + _TIER_N + r"|\bfor\s+(?:\w+\s+)?" + _TIER_NOUN + _UPTO + _TIER_N +
                       "|" + _TIER_NOUN + _UPTO + _TIER_N + r"(?=\s*(?:[:,;)]|[$€£]|(?:cost|are|is|priced|billed)\b))"
                       r"|\b(?:up\s+to|under|below|at\s+most)\s+" + _TIER_N + r"(?=\s*(?::|[$€£]|(?:input|output|in|out)\b))")
CONTEXT_TIER_LABEL = re.compile(f"(?P<above>{ABOVE_CONTEXT.pattern})|(?P<upto>{UPTO_CONTEXT.pattern})", re.I)
_THRESHOLD = re.compile(r"(\d+(?:\.\d+)?)\s?([KM])\b", re.I)


def opening_label_cut(after: str) -> str:
    """The words after a price up to a context-length label that opens what follows it ("$B / 1M >200K tokens: $C"):
    a label ending in a colon is the next figures' tier, not this one's."""
    for m in CONTEXT_TIER_LABEL.finditer(after):
        if re.match(r"\s*:", after[m.end():]):
            return after[:m.start()]
    return after


def context_labels(text: str) -> list[re.Match[str]]:
    """The context-length tier labels of some text (`CONTEXT_TIER_LABEL`), in order: `group("above")` set for a
    long-prompt label, `group("upto")` for an ordinary one."""
    return list(CONTEXT_TIER_LABEL.finditer(text))


def context_threshold(words: str) -> int | None:
    """The threshold in tokens of the last long-prompt label in some words ("> NK tokens" -> N thousand, "prompts
    over NM" -> N million), else None."""
    above = [m for m in context_labels(words) if m.group("above")]
    return label_threshold(above[-1]) if above else None


def label_threshold(label: re.Match[str]) -> int | None:
    """The threshold in tokens a context tier label names ("≤ NK" -> N thousand)."""
    n = _THRESHOLD.search(label.group(0))
    return round(float(n.group(1)) * (1_000 if n.group(2).upper() == "K" else 1_000_000)) if n else None


PRICE_TIERS: dict[str, re.Pattern[str]] = {
    # the surcharge for long prompts ("Input (>200K tokens)", "prompts longer than 128k"): the catalogues' base
    # price is the shorter prompts' ("<= 200K" is that base)
    "long_context": ABOVE_CONTEXT,
    "batch": compose(r"\bbatch(?:ed|es)?\b"),
    # other service tiers and storage: priced apart, never the ordinary price
    "flex": compose(r"\bflex(?:\s+(?:processing|tier|pricing|input|output))?\b(?=\s*(?:$|[(:|]|input|output|processing|tier|pricing))"),
    "priority": compose(r"\bpriority\s+(?:processing|tier|pricing|input|output)\b|^\s*priority\s*$"),
    "cache_storage": compose(r"\b(?:cach(?:e|ing)|cached)\s+(?:\w+\s+)?storage\b|\bstorage\s+(?:of\s+)?(?:the\s+)?cache\b"),
    "cache_write": compose(r"\b(?:cache|caching)\s*(?:writes?|creation)\b|\bcache[sd]?\s+(?:input\s+)?writes?\b|"
                           r"\b(?:writes?|writing)\s+(?:\w+\s+)?(?:to|in|into)\s+(?:the\s+)?cache\b|\bcache\s+write"),
    "cache_read": compose(r"\b(?:cache|caching)\s*(?:reads?|hits?|refresh(?:es)?)\b|\bcached\s+(?:input|prompt|context|tokens?|reads?)\b|"
                          r"\b(?:reads?|reading)\s+(?:\w+\s+)?from\s+(?:the\s+)?cache\b|\bcache\s+read"),
    "cache": compose(r"\b(?:prompt\s+)?cach(?:e|ed|ing)\b(?![\s-]*miss)"),
}
LONG_CACHE_WRITE = compose(r"\b(?:\d+\s?-?\s?(?:h|hrs?|hours?)|hours?)\b")
HOUR_CACHE_WRITE = compose(r"\b(?:1|one)\s?-?\s?(?:h|hrs?|hours?)\b|\ban\s+hour\b|\b60\s?-?\s?min(?:ute)?s?\b")


def price_tier(words: str) -> str | None:
    """The price tier some words name ("Batch input" -> batch, "5m Cache Writes" -> cache_write, "Cache Hits &
    Refreshes" -> cache_read, "1h Cache Writes" -> cache_write_1h, "24h cache writes" -> cache_write_long,
    "Prompt caching" -> cache), else None."""
    for tier, pattern in PRICE_TIERS.items():
        if pattern.search(words):
            if tier == "cache_write" and HOUR_CACHE_WRITE.search(words):
                return "cache_write_1h"
            if tier == "cache_write" and LONG_CACHE_WRITE.search(words):
                return "cache_write_long"
            return tier
    return None


def combined_tier(own: str | None, section: str | None) -> str | None:
    """A table cell's tier from its own words or column (`own`) and from the headings of the section the
    table sits in (`section`: "Batch API"): either alone, or both when they agree; a cache price under a
    batch section ("Cached input" under "Batch API") is a tier of its own, which no source gives."""
    if own is None or section is None or own == section:
        return own or section
    return f"{section}+{own}"


# --- what follows a figure (matched at the figure's end) ------------------------------------
AFTER = {
    "gpu_hours": compose(r"^\s*(?:{ACCEL}\s+)?{CHIP_HOURS}"),
    # "12B active", "12B parameters are active", "(of which) 12B are activated", "12B of which are active", "12B
    # parameters (are used) per token / for every token / per forward pass" (what a mixture of experts uses per token)
    "active": compose(r"^\s*(?:{PARAMS}\s+)?(?:of\s+(?:which|them|those)\s+)?(?:(?:are|is|were|get|gets)\s+)?"
                      r"(?:activated|active)\b|"
                      r"^\s*{PARAMS}\s+(?:are\s+)?(?:used\s+|activated\s+|active\s+)?"
                      r"(?:per|for\s+(?:each|every)|on\s+each|in\s+each)\s+(?:token|input|forward\s+pass)\b"),
    # "(activates) 12B of its 52B parameters": after a verb of activation, the part of a total the figure names
    "active_of": compose(r"^\s*(?:{PARAMS}\s+)?(?:out\s+)?of\s+(?:its|their|the|a\s+total\s+of)\b"),
    # "N parameters", "N-parameter", "an N billion-parameter model"
    "params": compose(r"^(?:\s*|-)(?:{PARAM_MOD}[\s-]+){0,2}{PARAMS}"),
    # "N.MB non-embedding parameters": the count without the embedding matrices, which no source records apart
    "non_embedding": compose(r"^[\s-]*(?:{PARAM_MOD}[\s-]+)?non[- ]?embedding(?:[\s-]+{PARAMS})?"),
    # "... (220B total)", "220B total." (a size followed by "total" alone): the total parameter count
    "total_after": compose(r"^\s*total\b(?=\s*(?:[,;)]|\.?\s*$))"),
    "size_noun": compose(r"^[- ]?(?:{PARAMS}\s+)?(?:dense\s+|base\s+|parameter\s+)?{SIZE_NOUN}"),
    "tokens": compose(r"^\s*{FILLER}{TOKENS}(?!\s+per\b)"),
    # "NK context window", "NK-token window", "NK token input window" ("window" alone after a token count: a
    # context window; an input window is the context the model reads); "NK-token long-context understanding", "NK
    # long-context support", "NK long context": a long context of N tokens is the context window
    "context_after": compose(r"^(?:[- ]tokens?)?[- ](?:long[- ])?(?:{CONTEXT}|(?:input\s+)?window\b)"),
    # "a sliding 4K-token window", "NK sliding window", "local attention window of N": how far attention looks
    # back inside the context, no context window
    "attention_window": compose(r"^(?:[- ]tokens?)?[- ](?:sliding|local|attention)[- ](?:attention[- ])?window\b"),
    "chips": compose(r"^\s*(?:{ACCEL}\s+)?{CHIPS}"),
    # "N output tokens", "N max output tokens", "an N-token output limit", "N token output cap / length": an output limit
    "output": compose(r"^\s*(?:max(?:imum)?\s+)?(?:output|completion)\s+tokens?\b|"
                      r"^(?:[- ]tokens?)?[- ](?:max(?:imum)?\s+)?(?:output|completion|generation)[- ](?:limit|length|cap)\b"),
    # "<size> on <accelerator>": the size's training hardware ("40B on <chip>")
    "on_hardware": compose(r"^\s+on\s+(?:(?:Google\s+)?(?:Cloud\s+)?TPUs?\s+)?"),
}
# --- what precedes a figure (matched at the figure's start) ------------------------------------
BEFORE = {
    # "a sliding N-token window", "sliding window (attention) of N": an attention span, no context window
    "attention_window": compose(r"\b(?:sliding|local\s+attention)(?:[- ]window(?:\s+attention)?(?:\s+(?:of|size))?)?\s*:?\s*$"),
    # "a context window of N", "the input limit (for X) is N", "max input tokens: N": a context window
    "context_before": compose(r"(?:{CONTEXT}|\b(?:max(?:imum)?\s+)?input\s+(?:limit|length|size|tokens?|window)\b)"
                              r"(?:\s+for\s+[^.;:]{1,40}?)?(?:\s+(?:is|was|are|of|at))*\s*:?\s*(?:up\s+to\s+)?(?:about\s+)?$"),
    # "an output limit of N", "a max output of N", "max output tokens: N", "the output limit for X is N", "can
    # generate up to N": an output limit (a generation word never makes a context window)
    "output_before": compose(r"(?:\b(?:output|completion|generation)\s+(?:limit|length|tokens?|cap)\b"
                             r"|\bmax(?:imum)?\.?\s+(?:output|completion|generation)\b)"
                             r"(?:\s+for\s+[^.;:]{1,40}?)?(?:\s+(?:is|was|are|of|at))*\s*[:=]?\s*(?:up\s+to\s+)?$"),
    # "can generate up to N (tokens)": a generation verb before a bound ("up to", "as many as", "a maximum of",
    # written before the figure or as its own bound word: `attributes._kind_of` checks the bound)
    "output_verb": compose(r"\b(?:generates?|generating|outputs?|produces?|producing|emits?|writes?)\s+"
                           r"(?P<bound>(?:up\s+to|as\s+many\s+as|a\s+maximum\s+of)\s+)?$"),
    # "a total of N", "a cumulative (of) N", "in total N", "combined N", "an aggregate N": a sum over models
    "total": compose(r"\b(?:a\s+)?(?:total|cumulative|aggregate)\s+(?:of\s+)?(?:~|about\s+|around\s+|roughly\s+)?$|"
                     r"\bin\s+total\s+$|\b(?:combined|cumulatively|altogether)\s+$"),
    # "supports up to 128K tokens", "handles inputs of up to 32K tokens": a capacity verb before a token count
    "capacity_verb": compose(r"\b(?:supports?|supporting|handles?|handling|accepts?|accepting|process(?:es|ing)?|"
                             r"ingests?)\s+(?:(?:inputs?|prompts?|sequences?|contexts?)\s+of\s+)?"
                             r"(?:up\s+to\s+|as\s+many\s+as\s+)?$"),
    # "<model> (4K tokens)": a token count in parentheses right after a name (the name's end is checked apart)
    "paren_open": compose(r"\s*\(\s*(?:up\s+to\s+|about\s+|~)?$"),
    # "activates (only) N parameters", "engaging N parameters": a verb of activation before a parameter count makes it
    # the active count
    "active_verb": compose(r"\b(?:activat(?:es?|ing)|engag(?:es?|ing))\s+(?:only\s+|just\s+)?(?:about\s+|roughly\s+|~)?$"),
    # "uses (only) N of its M parameters": a verb of use before a part of the total (the part is the active count)
    "use_verb": compose(r"\b(?:uses?|using|employs?|employing|taps?|tapping|needs?|requires?)\s+(?:only\s+|just\s+)?"
                        r"(?:about\s+|roughly\s+|~)?$"),
    # "(N) of its M parameters (per token)": M is the total a part is drawn from, never the active count
    "part_of": compose(r"\b(?:out\s+)?of\s+(?:its|their|the|a\s+total\s+of)\s+(?:about\s+|roughly\s+|~)?$"),
    # "N active parameters out of M", "of a total of M": after an active count, the total the active part is drawn from
    "total_before": compose(r"\b(?:out\s+of|of\s+(?:a|its|their)\s+total(?:\s+of)?|from\s+a\s+total\s+of|"
                            r"of\s+(?:its|their)(?=\s*$))\s*(?:about\s+|roughly\s+|~)?$"),
    "definite": compose(r"\b(?:the|this|that)\s+(?:[a-z]+\s+)?$"),
    # "our 40B model", "their 7B version": a possessive size label naming a model; like "the 40B model" no figure of
    # its own when it resolves to no one model (a reference to a model the sources do not give)
    "possessive": compose(r"\b(?:our|their|its|my|your)\s+(?:[a-z]+\s+)?$"),
    # "a 7B model", "one 7B model": an indefinite size states the figure outright (no size label rule)
    "indefinite": compose(r"\b(?:a|an|one|any|each|every)\s+(?:[a-z]+\s+)?$"),
}
# --- what a table's column header (or a row label) says its cells are (docs/claims.md, "Column headers") ----
# the header words of each kind, shared by the column headers (`COLUMN_KINDS`) and the key-value labels
# (`LABEL_KINDS`, binding.LABEL_LINE): a limit on what the model reads ("Max tokens", "Context length", "Sequence
# length", "Input window") is its context window; one on what it writes ("Max output", "Max completion tokens") its
# output limit; only words about training ("Training tokens", "Tokens (trained)", "Pretraining tokens", "Dataset
# size") name a training set
_MAX = r"max(?:imum)?\.?"
PIECES.update({
    "CONTEXT_HEADER": rf"\bcontext\b|\b{_MAX}\s+(?:input\s+)?(?:tokens?|length|sequence(?:\s+length)?|seq\.?\s+len(?:gth)?)\b|"
                      r"\bsequence\s+length\b|\bseq\.?\s+len(?:gth)?\b|\binput\s+(?:window|limit|length)\b|"
                      rf"\b{_MAX}\s+input\b|\bwindow\b",
    "OUTPUT_HEADER": rf"\b{_MAX}\s+(?:output|completion|generation|new\s+tokens)\b|\boutput\s+(?:limit|length|tokens?|window)s?\b|"
                     r"\bcompletion\s+(?:tokens|limit|length)s?\b",
    "TRAINING_HEADER": r"\btraining\s+(?:tokens|data|set|corpus)\b(?![\s-]*cut)|\btokens?\s*\(?\s*(?:trained|seen)\b|"
                       r"\btrained\s+(?:on\s+)?tokens\b|\btotal\s+tokens\b|\bpre-?trained\s+tokens\b|\btokens?\s+count\b|"
                       r"(?:#|\bnumber)\s*(?:of\s+)?tokens\b|\bpre-?training\s+(?:length|data|tokens|size|corpus)\b|\bdataset\b",
    # an architecture hyperparameter: no source records it, so a cell under it (or in a row it labels) is no claim
    "ARCHITECTURE_HEADER": r"\bhidden\s+(?:size|dim(?:ension)?s?)\b|\bd[_\s-]?model\b|\bmodel\s+dim(?:ension)?s?\b|"
                           r"\bembedding\s+(?:size|dim(?:ension)?s?)\b|"
                           r"\b(?:intermediate|ffn|mlp|feed[- ]?forward)(?:\s+hidden)?\s+(?:size|dim(?:ension)?s?)\b|"
                           r"\b(?:n|num|number\s+of|transformer|hidden)?[_\s-]?layers?\b|\bdepth\b|"
                           r"\b(?:n|num|number\s+of|attention|query|q|kv|key[- ]value)?[_\s-]?heads?\b|"
                           r"\bhead\s+(?:size|dim(?:ension)?)\b|\bvocab(?:ulary)?\b|"
                           r"\b(?:n|num|number\s+of|routed|shared|active|activated|total)?[_\s-]?experts?\b(?!\s+param)|"
                           r"\btop[- ]?k\b|\brope\b|\bpositional\b|\bactivation\s+function\b|\blearning\s+rate\b|"
                           r"^\W*lr\W*$|\bbatch\s+size\b|\bwarm-?\s?up\b|\bweight\s+decay\b|\bdropout\b|"
                           r"\b(?:sliding|attention|local)[\s-]+window\b",
})
# first match wins: the most specific unit ("Time (GPU hours)" is GPU-hours, "Sliding window" an architecture
# setting, "Max output (tokens)" an output limit, "Context (tokens)" a context window, "Pretraining size [tokens]"
# a training set; a bare "Tokens" too, and any of them only at a training set's scale: `attributes.AttributeRules`)
COLUMN_KINDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("gpu_hours", compose(r"\b(?:GPU|TPU|chip|accelerator)[- ]?hours?\b")),
    ("architecture", compose(r"{ARCHITECTURE_HEADER}")),
    ("output", compose(r"{OUTPUT_HEADER}")),
    ("context", compose(r"{CONTEXT_HEADER}")),
    ("tokens", compose(r"{TRAINING_HEADER}|^\W*(?:#\s*)?tokens?\b(?:\s*[(\[][^)\]]{0,12}[)\]])?\W*$")),
    ("active", compose(r"\bactiv(?:e|ated)\s+(?:params?|parameters)\b|\b(?:params?|parameters)\s*[(\[]?\s*activ(?:e|ated)\b")),
    ("params", compose(r"\b(?:sizes?|params?|parameters)\b")),  # "Sizes": a list of a family's sizes
)


# a table's first column naming models ("Model", "Name", "LLM", "System", "Checkpoint"): its rows are models, known
# or not, so the table is never about the one model its context names (`tables.one_model_table`)
MODEL_COLUMN = compose(r"^\W*(?:models?|(?:model\s+)?names?|llms?|systems?|checkpoints?|variants?|entr(?:y|ies))\b")


# a table column of plain values ("Score", "Value", "Result", "Accuracy (%)", "Pass@1", a blank header): what its
# cells are, their row's label says ("| <benchmark> | N |", "| Context length | NK |": `tables.one_model_table`);
# a column naming another measure ("# Questions", "Samples", "Notes") is none
VALUE_COLUMN = compose(r"^\W*(?:(?:avg\.?|average|mean|overall|final|reported)\s+)?(?:scores?|values?|results?|"
                       r"accuracy|acc\.?|performance|perf\.?|pass@1|win[- ]rate|rating|elo|figures?|numbers?|%)?\W*"
                       r"(?:\([^()]{0,20}\))?\W*$")


# --- a section's attribute over its list lines (`carry.section_kind`, docs/claims.md, "Context") -------------
# the attribute kinds a heading ("## Context windows") or a list's lead ("Parameter counts:") may name for its lines
SECTION_KINDS = ("context", "output", "tokens", "active", "params")
# "for context", "some background and context": the word's other sense, no attribute
CONTEXT_IDIOM = compose(r"\b(?:for|in|into|some|more|broader|wider|historical|background|and)\s+context\b|"
                        r"\bcontext\s+(?:matters|first|and\s+background)\b")
# a list line "<label>: <figure>" ("- <model>: NK tokens", "- <model> — about NB"): the label before the figure
SECTION_LINE = compose(r"^\W*(?P<label>[^:—–]{1,60}?)\s*(?::|\s[—–])\s*(?:~|≈|about\s+|around\s+|roughly\s+|"
                       r"approximately\s+|up\s+to\s+)?$")
# a list's lead naming a measure that is no attribute ("Elo ratings:", "Benchmark results:", "Prices:"): its lines'
# figures are of that measure, whatever attribute the section's heading names
OTHER_MEASURE = compose(r"\b(?:scores?|scored|ratings?|elo|accuracy|results?|benchmarks?|prices?|pricing|costs?|speeds?|"
                        r"latency|throughput|ranks?|rankings?|votes?|wins?|percent|%)\b|[$€£%]")
# ... and what may follow its figure: the kind's unit, an aside in parentheses ("(~N words)"), the line's end
SECTION_VALUE_END = compose(r"^\s*(?:(?:tokens?|params|parameters)\b)?\s*(?:\([^()]*\)?)?\s*[.;]?\s*$")


def column_kind(header: str) -> str | None:
    """What a table's column header (or a row's label) says its figure cells are: "gpu_hours", "architecture" (no
    claim), "output", "context", "tokens", "active" (active parameters), "params", or None (a model, a benchmark, a note)."""
    return next((k for k, pattern in COLUMN_KINDS if pattern.search(header)), None)


# a knowledge cut-off's words: "knowledge cut-off (date)", "training data cutoff", "cutoff"
CUTOFF_WORDS = r"(?:(?:knowledge|(?:pre-?)?training(?:[- ]data)?|data)\s+)?cut-?\s?off(?:\s+date)?"
# a model card's key-value line or two-cell row ("Parameters: 1.1B", "| Training tokens | 3T |", "GPUs: 16",
# "Knowledge cutoff | <date>"): the label types the value right after it (`attributes.label_at`; its model is the
# binding rule's label line, rule 0, whose labels include these: `binding.LABEL_LINE`)
LABELS: tuple[tuple[str, str], ...] = (
    ("gpu_hours", r"(?:training\s+)?(?:GPU|TPU|chip|accelerator)[- ]hours(?:\s+used)?"),
    ("active", r"(?:number\s+of\s+)?activ(?:e|ated)\s+(?:parameters|params)|"
               r"(?:number\s+of\s+)?(?:parameters|params)\s+(?:activated|active|used)\s+(?:per|for\s+(?:each|every))\s+token"),
    ("params", r"(?:total\s+)?(?:number\s+of\s+parameters|parameters|params|parameter\s+count|model\s+size)"),
    ("tokens", r"(?:pre-?)?training\s+(?:tokens|data\s+size|set\s+size|corpus\s+size)|tokens\s+(?:seen|trained(?:\s+on)?)|"
               r"(?:pre-?training|training)\s+data\s+\(tokens\)"),
    ("chips", r"(?:number\s+of\s+|training\s+)?(?:GPUs|TPUs|accelerators|chips)(?:\s+used)?|(?:GPU|TPU|chip)\s+count"),
    ("output", r"(?:max(?:imum)?\s+)?(?:output|completion)\s+(?:tokens|limit|length)|max(?:imum)?\s+(?:output|completion)"),
    ("context", r"(?:max(?:imum)?\s+)?(?:context|sequence)(?:\s+(?:length|window|size))?|(?:max(?:imum)?\s+)?input\s+"
                r"(?:tokens|limit|length)"),
    # a date's label: the date after it is the model's knowledge cut-off (`attributes.AttributeRules.cutoffs`)
    ("cutoff", CUTOFF_WORDS),
)
LABEL_KINDS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (k, compose(r"^\W*(?:" + p + r")\s*(?::|;\s|\||=)\s*")) for k, p in LABELS)
# the kinds whose label types a date, not a figure
DATE_LABELS = frozenset({"cutoff"})
# the attribute's words as a sentence's subject, a copula right before the figure: "Total parameters are N billion",
# "the total parameter count of <model> is N", "the number of parameters activated per token is ~N", "Training tokens
# were N" (`attributes.copula_kind`; a context window and an output limit have their own: `BEFORE`)
ATTRIBUTE_COPULA: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (k, compose(r"\b(?:" + p + r")(?:\s+(?:of|for|in)\s+[^.;:,]{1,40}?)?\s+(?:is|was|are|were|stands\s+at|comes\s+to)\s+"
                r"(?:about\s+|around\s+|roughly\s+|approximately\s+|nearly\s+|~|≈)?$"))
    for k, p in LABELS if k in ("active", "params", "tokens"))
# a token or step count of a training schedule, not the training set: "an intermediate checkpoint at N tokens",
# "warm-up over N tokens", "every N tokens", "after N tokens" (`attributes._kind_of`: no training-tokens claim)
SCHEDULE_TOKENS_BEFORE = compose(r"\b(?:checkpoints?|snapshots?)\b[^.;:]{0,40}?\b(?:at|after)\s+(?:about\s+|~)?$|"
                                 r"\bwarm-?\s?up\b[^.;:]{0,30}?(?:\b(?:over|for|of|across)\s+)?(?:the\s+first\s+)?(?:about\s+|~)?$|"
                                 r"\b(?:every|each|after\s+(?:the\s+first\s+)?)\s*(?:about\s+|~)?$")
# a size label standing for a model: the size, variant words, a size noun ("the 7B instruct model", "our 40B
# model", "2B base version"): `attributes.AttributeRules` reads it as the parameter count of the one model of the
# family it names (docs/claims.md, "Short labels")
LABEL_AFTER = compose(r"^(?P<variant>(?:[\s-]+(?:base|instruct(?:ion[- ]tuned)?|chat|it|pre-?trained|fine-?tuned|"
                      r"dense))*)[\s-]+{SIZE_NOUN}")
# "N GPU hours in total / combined / altogether" (after the figure's unit): a sum over models, as "a total of N"
TOTAL_AFTER = compose(r"^\s*(?:[A-Za-z][\w-]*\s+){0,4}?(?:in\s+total|combined(?!\s+with)|altogether|cumulatively)\b")
# a coordinated list of quantities ("N tokens like X vs. M for Y, K for Z", "X at N Elo, Y at M, and Z at K"): between
# a figure (or the claim it made) and the next bare one only the first one's unit words, a model (written X here) with
# its preposition, separators and a coordinator, or the unit words, a separator, a coordinator and the next item's
# model with "at" (", Y at M"); the bare figure ends with no unit of its own (`attributes.AttributeRules._listed_kind`,
# `ellipsis.listed_claims`)
_LISTED_COORD = r"(?:(?:and|or|vs\.?|versus|compared\s+(?:to|with)|against|while|whereas|but)\s+)?"
LISTED_GAP = compose(r"^\s*(?:(?:[A-Za-z-]+\s+){0,3}?(?:(?:for|of|by|like|from|with|in)\s+(?:the\s+)?X\s*)?[\s,;]*"
                     + _LISTED_COORD + r"|(?:[A-Za-z-]+\s*){0,3}?[\s,;]*" + _LISTED_COORD + r"X\s+at\s+)"
                     r"(?:(?:only|just|about|around|roughly)\s+|~\s*)?$")
LISTED_END = compose(r"^\s*(?:$|[,;.)]|(?:for|of|by|from|and|or|vs\.?|versus)\b)")
# "supports up to 128K tokens": before a capacity (a context window, an output limit) "up to" names the limit
CAPACITY_UP_TO = compose(r"\bup\s+to\b\s*(?:$|(?=\d))")
# "a knowledge cut-off of <date>", "a cutoff of <date>", "the cut-off is the end of <Month YYYY>" (the month), "training
# data up to <date>", "knowledge up to <date>", "trained on (public) data up to <date>", "its data goes up to <date>",
# "some tuning data is more recent, up to <date>" (a second cut-off coordinated after a first): the date is the
# model's knowledge cut-off
CUTOFF_BEFORE = compose(r"\b" + CUTOFF_WORDS + r"\s*(?:of|is|was|:|in|at|on)?\s*"
                        r"(?:(?:the\s+)?(?:end|close|start|beginning|middle)\s+of\s+)?$|"
                        r"\b(?:knowledge|(?:(?:pre-?|post-?)?training|(?:fine-?|instruction[- ])?tuning|its|their|"
                        r"the\s+model'?s)\s+data|(?:(?:pre-?)?trained|built|based)\s+(?:on|with|using|from)\s+"
                        r"(?:[a-z-]+\s+){0,2}?data)"
                        r"\s+(?:(?:is|was|are|were|has\s+been)\s+)?(?:(?:more\s+|most\s+)?(?:recent|current|fresh)|goes|go|"
                        r"went|runs?|ran|extends?|extended|reach(?:es|ed)?|cover(?:s|ed)?|span(?:s|ned)?)?\s*,?\s*"
                        r"(?:up\s+(?:to|until)|through|until|till|as\s+of)\s*(?:(?:the\s+)?(?:end|close)\s+of\s+)?$")
# "a <Month YYYY> cut-off (date)", "its <date> knowledge cutoff": the date written before the words
CUTOFF_AFTER = compose(r"^\s*" + CUTOFF_WORDS + r"\b")
# "... for 11B", "for the 40B version": the size a figure is about, right after it
SIZE_BINDER = compose(r"^\s*(?:for|of|on)\s+(?:the\s+)?(?P<size>{SIZE})(?:\s+(?:version|model|variant)s?\b)?")
# an explicit reference to a model named before ("it", "its", "the model", "they", "all the variants")
REFERENCE = compose(r"\b(?:it|its|they|their|them|both(?!\s+[\w-]+\s+and\b)|the\s+(?:same\s+)?models?|the\s+weights|this\s+model|these\s+models|"
                    r"all\s+(?:the\s+)?(?:variants|models|three|sizes)|each\s+(?:variant|model|size))\b")
# "according to <X>, ...": X is the statement's source (often a lab named like its models), not its subject
ATTRIBUTION = compose(r"\baccording\s+to\s+(?:the\s+)?$")
# --- a score's own benchmark in a list ("A% on B1, C% on B2", "B1 A%, B2 C%", "A/C on B1/B2") ------------------------
# the name a figure is "on" right after it, or the label right before it after a list separator: when the vocabulary
# holds no benchmark there, the figure is that unknown benchmark's and no neighbour's (`extract._Extractor.own_slot`)
OWN_SLOT_AFTER = re.compile(r"^\s*(?:%|percent\b|points?\b)?(?:\s+on\s+(?:the\s+)?(?:[a-z][\w-]*\s+){0,2}|\s*\(\s*)"
                            r"(?P<name>[A-Z][\w.+-]*)")
OWN_SLOT_BEFORE = re.compile(r"(?:^|[,;]\s*|\s(?:and|or|&)\s+)(?P<name>[A-Z][\w.+-]*(?:\s+[A-Z0-9][\w.+-]*){0,2})\s*:?\s*$")
# words that open a sentence or name a time, never a benchmark
NOT_SLOT_NAME = re.compile(r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?|(?:Mon|Tues|Wednes|Thurs|Fri|"
                           r"Satur|Sun)day|Q[1-4]|The|This|That|These|It|Its|On|In|At|And|But|Both|All|Average|Overall|"
                           r"Total|Top|Only|Just|About|Around|Nearly|Over|Under|Up|Down|Some|Each|Every", re.I)
# a run of figures and a run of benchmarks paired by order: "A, C and D on B1, B2 and B3 (respectively)", "A/C/D on
# B1/B2/B3" — the separator between two members of either run, and the word between the runs
LIST_SEPARATOR = re.compile(r"^(?:\s*,\s*(?:and\s+|&\s+)?|\s+(?:and|&)\s+|\s*/\s*)(?:the\s+)?$", re.I)
LIST_ON = re.compile(r"^\s*(?:%|percent)?\s+(?:on|in|across|for)\s+(?:the\s+)?$", re.I)
# ... or the benchmarks first ("On B1 and B2, X scores A% and C%"): the figure run ends its clause
LIST_END = re.compile(r"^\s*(?:%|percent\b)?\s*(?:,?\s*respectively\b|$|[,.;:)])", re.I)
SLASH_FIGURE = re.compile(r"\s*/\s*(?P<n>\d{1,3}(?:\.\d+)?)(?P<pct>\s?%)?(?![\d.])")

# --- a predecessor's figure (`binding.Binder.predecessor`: the earlier model's, the one named else none) -----------
# what names the model before: "its predecessor", "the previous generation", "the original", "the prior version"
PIECES["EARLIER_MODEL"] = (r"(?:(?:immediate\s+)?predecessors?\b|(?:previous|prior|earlier|older|last|original|first)"
                           r"(?:[\s-]+(?:generation|version|release|model|iteration|flagship|edition|one))?\b)")
PIECES["ABOUT"] = r"(?:(?:about|around|roughly|approximately|just|only)\s+|~\s*)?"
# before the figure: "up / down from N", "a jump / an increase from N", "(vs / compared with) the original N", "its
# predecessor's N"
PREDECESSOR = compose(r"\b(?:up|down|(?:an?\s+)?(?:increase|jump|rise|climb|gain|drop|decrease|improvement|upgrade)s?)\s+"
                      r"from\s+(?:the\s+|its\s+|their\s+)?{ABOUT}$|"
                      r"\b(?:vs\.?|versus|compared\s+(?:to|with))\s+(?:the\s+)?(?:original|previous|predecessor)\s*$|"
                      r"\b(?:its|their|the)\s+{EARLIER_MODEL}(?:'s|’s)\s+(?:[A-Za-z][\w-]*\s+){0,3}?{ABOUT}$")
# after the figure and its unit words: "N for / of / in its predecessor", "N of the previous generation"
PREDECESSOR_AFTER = compose(r"^[\w%\s.-]{0,30}?\b(?:for|of|in|from|by|with|on)\s+(?:its|their|the)\s+{EARLIER_MODEL}")
# a change "from N to M" ("grew the training set from N tokens to M tokens", "raises its window from N to M"): N is
# the earlier state, M the subject's; without a verb of change "from N to M" stays a range
# the members of a family a figure is about, in parentheses right after it ("NK (NB/MB)", "NK (KB)", "NK (others)",
# "NK (the other sizes)"): a qualifier naming models, no figure of its own (`attributes.AttributeRules._qualified`)
# ... or a variant of it by name ("NK (<Variant> variant)", "NK (the <Variant> version)": the model "<name> <Variant>")
SIZE_QUALIFIER = re.compile(r"^(?:\s*tokens?)?\s*\(\s*(?:(?P<sizes>\d+(?:\.\d+)?\s?[BM](?:\s*(?:/|,|&|\band\b|\bor\b)\s*"
                            r"\d+(?:\.\d+)?\s?[BM])*)(?:\s+(?:models?|variants?|sizes?|versions?))?|"
                            r"(?P<others>(?:all\s+|the\s+)?(?:others|other\s+(?:models?|sizes?|variants?|versions?))|"
                            r"the\s+rest)|(?:the\s+)?(?P<variant>(?-i:[A-Z][\w.+-]*)(?:\s+(?-i:[A-Z][\w.+-]*))?)\s+"
                            r"(?:variant|version|edition|model))\s*\)", re.I)
# a table cell holding only a list of sizes ("NB, MxNB, KB", "NB / MB", "NB and MB"): a family's line-up
SIZE_LIST_CELL = re.compile(r"^\s*(?:\d+x)?\d+(?:\.\d+)?\s?[BM](?:\s*(?:,|/|&|\band\b|\bor\b|,\s*and\b)\s*"
                            r"(?:\d+x)?\d+(?:\.\d+)?\s?[BM])+\s*$", re.I)
QUALIFIER_SIZE = re.compile(r"(?P<n>\d+(?:\.\d+)?)\s?(?P<u>[BM])", re.I)
CHANGE_FROM = compose(r"\b(?:grow|grew|grown|rais|increas|expand|extend|boost|bump|jump|rise|rose|risen|went|go|goes|"
                      r"going|mov|doubl|tripl|quadrupl|climb|upgrad|push|scal(?:ed|es|ing)?\s+up|improv|lift|cut|reduc|drop|shrink|shrank|"
                      r"fell|fall|lower|slash|widen|enlarg|stretch)\w*\b[^.;:]{0,60}?\bfrom\s+(?:the\s+|its\s+|just\s+)?"
                      r"{ABOUT}$")
CHANGE_TO = compose(r"^[\w%\s.-]{0,25}?\bto\s+{ABOUT}[$€£]?\d")
# ... and M, the later state, right after "to": the sentence's subject's (its new figure), whatever model the words
# between name ("<X> doubles the context of <Y>, from N to M": M is X's)
CHANGE_TO_BEFORE = compose(r"\b(?:grow|grew|grown|rais|increas|expand|extend|boost|bump|jump|rise|rose|risen|went|go|"
                           r"goes|going|mov|doubl|tripl|quadrupl|climb|upgrad|push|scal(?:ed|es|ing)?\s+up|improv|lift|cut|reduc|drop|"
                           r"shrink|shrank|fell|fall|lower|slash|widen|enlarg|stretch)\w*\b[^.;:]{0,80}?\bfrom\s+"
                           r"(?:the\s+|its\s+|just\s+)?{ABOUT}[$€£]?\d[\w.,%]*(?:\s+[A-Za-z]+)?\s+to\s+{ABOUT}$")

# a chip's memory or form factor written after its name ("<chip>-80GB", "<chip> 40GB", "<chip>-SXM5-80GB"): part of
# the chip's mention, never a figure (the chip type is the name before it)
CHIP_SUFFIX = r"(?:[- ](?:SXM\d?|PCIe)(?:[- ]?\d{2,3}\s?GB)?|[- ]\d{2,3}\s?GB)?"
# a chip's power rating written between a chip count and the chip ("N 700W TDP <chip> GPUs"): a per-unit spec, so the
# count still counts the chips (the rating itself is no figure: `NAME_DIGITS`)
CHIP_SPEC = r"(?:\d+(?:\.\d+)?\s?(?-i:W|kW)\s+(?:(?-i:TDP)\s+)?)"

# a shot count written after a benchmark's name ("HellaSwag-10", "WinoGrande-5", "GSM8K (8-shot)") and a
# qualifier in parentheses naming how it was run or measured ("BBH (3-shot, CoT)", "(Pass@1)", "(Resolved)",
# "(EM)", "(Percentile)"): part of the benchmark's mention, never a figure. The group `qual` holds the
# parenthesised words (`domain.benchmarks.measure_of` reads a measure from them); a parenthesis opening
# with any other figure ("(16k)", "(79.3)") is no qualifier
QUAL_WORD = r"(?:[A-Za-z][\w.@-]*|\d{1,2}[- ]?shots?)"
SHOT_SUFFIX = (r"(?:-\d{1,2}(?:-?shots?)?)?(?:\s?\((?P<qual>" + QUAL_WORD + r"(?:,?\s?" + QUAL_WORD
               + r"){0,4})\))?")
# an evaluation harness's task id names its benchmark with "_" for a space or hyphen and its metric after a slash
# ("arc_challenge/acc", "hellaswag/acc_norm", "<task>/exact_match", "<task>/pass@1"): the metric is part of the
# benchmark's mention, never a figure (group `metric`). A score metric changes nothing; one that is no score of
# the benchmark ("acc_stderr", "perplexity": `domain.benchmarks.MEASURES`) stays in the key, so it matches no
# row of the score. The "_" separator itself is `resolve.benchmark_pattern`'s (`BENCH_SEP`)
METRIC_SUFFIX = (r"(?:/(?P<metric>(?:acc|accuracy)(?:_norm)?(?:_stderr)?|em|exact_match|f1|pass@\d{1,3}|mc[12]|"
                 r"(?:word_|byte_)?perplexity|stderr))?")

# --- price ratios between two models stated as a fraction or a percentage (`extract_market._model_price_ratios`) ---
# "N% cheaper / less expensive / more expensive / pricier than Y" (right after a percentage): the subject's price over
# Y's is 1 - N/100 (`cheap`) or 1 + N/100 (`dear`); "N% less / lower / more / higher than Y" only right after a price
# verb ("costs 60% less than Y", `PRICE_VERB_BEFORE`)
PRICE_PERCENT = compose(r"^\s*(?:(?P<cheap>cheaper|less\s+expensive|lower[- ]priced|less\s+costly)|(?P<dear>more\s+expensive|"
                        r"pricier|costlier|more\s+costly|higher[- ]priced)|(?P<verb_cheap>less|lower)|(?P<verb_dear>more|higher))"
                        r"\s+(?:than|compared\s+(?:to|with)|relative\s+to)\s+"
                        r"(?:that\s+of\s+|what\s+)?(?:the\s+)?$")
# "a sixth / a third / half / two-thirds as expensive as Y", "a tenth of the price of Y", "half the cost of Y", "a
# quarter of what Y charges" (ending right before Y): the subject's price over Y's is the fraction
FRACTIONS = {"half": 2, "third": 3, "quarter": 4, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
             "ninth": 9, "tenth": 10, "twentieth": 20, "hundredth": 100}
PRICE_FRACTION = compose(r"\b(?:(?:a|one)[- ]?)?(?:(?P<num>two|three|four|nine)[- ])?(?P<den>" + "|".join(FRACTIONS) + r")"
                         r"s?\s+(?:as\s+(?:expensive|costly|pricey|(?P<much>much))\s+as|"
                         r"(?:of\s+)?the\s+(?:price|cost)\s+of|of\s+what)\s+(?:the\s+)?$")
# "1/16th the cost of Y", "1/4 the price of Y", "1/10th as expensive as Y" (ending right before Y): a fraction in digits,
# the subject's price over Y's is 1/N (the "1" is no figure of its own)
PRICE_DIGIT_FRACTION = compose(r"(?<![\d.,/])\b1\s?/\s?(?P<dig>\d{1,3})(?:st|nd|rd|th)?\s+(?:as\s+(?:expensive|costly|pricey|"
                               r"(?P<much>much))\s+as|(?:of\s+)?the\s+(?:price|cost)\s+of|of\s+what)\s+(?:the\s+)?$")
# the side a price ratio is on, right after the compared model ("... the cost of Y on input", "for output tokens"), and a
# second fraction of the same two models on the other side after it (", 1/Nth on output", "and a fifth for output")
RATIO_ON_SIDE = compose(r"^(?:'s|’s)?\s*(?:on|for|in)\s+(?:the\s+)?(?P<side>input|output)(?:\s+(?:tokens?|side|prices?))?\b")
RATIO_NEXT_SIDE = compose(r"^\s*(?:,|;|and)\s*(?:and\s+)?(?P<frac>(?:1\s?/\s?(?P<dig>\d{1,3})(?:st|nd|rd|th)?)|(?:(?:a|one)[- ]?)?"
                          r"(?:(?P<num>two|three|four|nine)[- ])?(?P<den>" + "|".join(FRACTIONS) + r")s?)"
                          r"\s+(?:on|for|in)\s+(?:the\s+)?(?P<side>input|output)(?:\s+(?:tokens?|side|prices?))?\b")
# --- a ratio of one model's two price sides (`extract_market._side_ratios`) ---
# "Input/output ratio: 4:1", "output-to-input price ratio of 1:4" (right before the "N:M" figure)
SIDE_RATIO_LABEL = compose(r"\b(?:input|output|prompt|completion)\s*(?:/|-to-|-|\s+to\s+|\s+vs\.?\s+)\s*(?:input|output|prompt|"
                           r"completion)(?:\s+(?:price|pricing|cost))?\s+ratio\s*(?:of|is|:|=)?\s*$")
# "output is ~4x input", "(output is 4x more expensive)", "output tokens cost 4 times as much as input": right before
# the figure the side that costs N times; after it the comparison (`SIDE_RATIO_AFTER`)
SIDE_RATIO_BEFORE = compose(r"\b(?P<side>input|output|prompt|completion)(?:\s+(?:tokens?|prices?|pricing|rates?|costs?))?\s+"
                            r"(?:is|are|costs?|runs?|comes?\s+(?:in\s+)?at)\s+(?:about\s+|roughly\s+|around\s+|approximately\s+)?$")
SIDE_RATIO_AFTER = compose(r"^\s*(?:x|×|times)\s+(?:(?P<dir>more\s+expensive|pricier|costlier|higher|more|the\s+(?:price|cost)\s+(?:of\s+)?"
                           r"|as\s+(?:much|expensive)\s+as|(?P<cheap>cheaper|less\s+expensive|lower|less))\s*)?"
                           r"(?:(?:than|as|of)\s+)?(?:the\s+)?(?P<other>input|output|prompt|completion)?\b")
# "twice / double / triple as expensive as Y", "double the price of Y", "twice what Y charges" (ending right before
# Y): the subject's price over Y's is the multiple
PRICE_MULTIPLES = {"twice": 2, "double": 2, "triple": 3, "thrice": 3, "quadruple": 4}
PRICE_MULTIPLE = compose(r"\b(?P<mul>" + "|".join(PRICE_MULTIPLES) + r")\s+(?:as\s+(?:expensive|costly|pricey|(?P<much>much))"
                         r"\s+as|the\s+(?:price|cost)\s+of|what)\s+(?:the\s+)?$")
# "as much as" compares prices only right after a price verb ("X costs half / twice / N times as much as Y"; "X scores
# twice as much as Y" compares no prices)
PRICE_VERB_BEFORE = compose(r"\b(?:costs?|costing|charges?|charging|priced|sells?\s+for|bills?)\s+(?:(?:only|just|about|roughly|"
                            r"around|nearly|almost|more\s+than|less\s+than|over|under|up\s+to|at\s+least)\s+)?$")
# "X is / costs N× Y's price", "X runs at 4 times Y's input price": the compared model's price written as its possessive
# right after the multiple (`PRICE_TIMES_BEFORE` between the figure and Y, `PRICE_POSSESSIVE_AFTER` after Y, its "'s" there or
# ending Y's name as read); a bare
# "rate" only after a price verb ("costs 4x Y's rate"; "4x Y's rate" alone may be a speed)
PRICE_TIMES_BEFORE = re.compile(r"^\s*(?:x|×|times)\s+(?:the\s+)?$", re.I)
PRICE_POSSESSIVE_AFTER = re.compile(r"^(?P<poss>'s|’s|')?\s+(?:(?P<side>input|output|blended)\s+|(?:per[- ]token|api|list)\s+)?"
                                    r"(?:(?P<price>price|cost|pricing|fees?)|(?P<rate>rates?))\b", re.I)
# "the (price) spread / gap between X ... and Y ... is N×": the ratio of the two prices the sentence gives between
# "between" and the figure (`MarketRules._spread_ratio`); the figure a bare multiple, no direction word after it
PRICE_SPREAD_BEFORE = re.compile(r"\b(?:spread|gap|difference|ratio)\s+between\b", re.I)
PRICE_SPREAD_FIGURE = re.compile(r"^\s*(?:x|×|times|-fold|fold)(?![\w-])(?!\s+(?:cheaper|less|more|lower|higher|pricier|costlier|"
                                 r"as|the|what|that)\b)", re.I)
# the compared model written before the comparison: "Compared to Y, X is N times more expensive"; the ratio phrase
# then ends with no "than Y" (`PRICE_COMPARE_BARE`)
FRONTED_AGAINST = compose(r"^\W*(?:compared\s+(?:to|with)|relative\s+to|versus|vs\.?|against)\s+(?:the\s+)?$")
PRICE_COMPARE_BARE = compose(r"^\s*(?:x|×|times)\s+(?P<dir>cheaper|less\s+expensive|lower[- ]priced|more\s+expensive|pricier|"
                             r"costlier)\b(?!\s+(?:than|as)\b)")


# a date that dates something else than a price named in the same sentence: a release ("released in
# <month>") or a knowledge cut-off ("cut-off of <month>"); the price is not read at it
OTHER_EVENT_DATE = compose(r"\b(?:released|launched|arrived|debuted|introduced|unveiled|announced|release|launch|"
                           r"cut[\s-]?off(?:\s+date)?|training\s+data(?:\s+up\s+to)?)\b[^.;$]{0,20}$")

# a worked sum: a figure right after an operator or followed by one (its unit words between), as in
# "N tokens × $P/M = $R" or "A × B = C": operands and results, not claims
ARITHMETIC = re.compile(r"(?:[×=÷*]\s?|\s\+\s)\$?$")  # "+5" is a sign; " + 5" an operator
ARITHMETIC_AFTER = re.compile(r"^(?:\s?[A-Za-z/%]+){0,3}\s?[×=÷*]\s?\$?\d")
# a workload's total: a money figure with no per-token unit that the text works out for its own job ("processing the
# whole book would cost about $A", "about N cents for the page", "$A for N pages", "$A a month", "costs us $A",
# "$A per request"): the cost of a workload, not a price per token, so no price claim (an `other`, unverifiable,
# `WORKLOAD_WHY`); like a worked sum's result, no source records it. A figure with a per-token unit ("$X per million
# input tokens", "$X/M") stays a price; so does an amount "for" one million (or one thousand) tokens, a model, a side
# or a tier ("$A for input", "$B for batch input"). Read only for an amount with no unit after it:
# - after the amount (and its "cents"): a total ("in total", "overall", "altogether"), a purpose ("to process ..."),
#   or what it is for / per when that is no token unit ("for the page", "for N pages", "a month", "per request",
#   "per million characters", "per thousand words") or
#   a token count other than one unit ("for N tokens");
WORKLOAD_AFTER = re.compile(
    r"^\s*(?:in\s+total|total|overall|altogether|combined|all\s+told|to\s+[a-z]{3,}|"
    r"/\s*(?:[\d.,]+\s?[kKmM]?\s*)?(?:" + PIECES["OTHER_UNIT"] + r")\b|"
    r"(?:per|for\s+(?:every|each)|a)\s+(?:(?:1|one|a)\s?)?(?:million|mn|thousand|[\d.,]+\s?[kKmM]?|M|K)\s+"
    r"(?:" + PIECES["OTHER_UNIT"] + r")\b|"
    r"for\s+(?!(?:1|one|a)\s?(?:million|mn|M|thousand|K)\b)[\d.,]+\s?(?:[kKmMbB]|million|thousand|billion)?\s+"
    r"(?:input\s+|output\s+)?tokens\b|"
    r"(?:for|per|each|every|a|an)\s+(?:(?:the|a|an|one|each|every|this|that|these|those|our|your|their|its|whole|"
    r"entire|full|single|all|some|about|roughly|around|[\d.,]+\s?[kKmM]?)\s+){0,3}+"
    r"(?!(?:input|output|prompt|completion|blended|batch|cached?|flex|priority|standard|million|thousand|mn|M|K|"
    r"MTok|tokens?)\b)[A-Za-z])")
# a price bound that defines a set of models rather than pricing one ("under $A/M", "at or below $A/M input tokens",
# "the under-$A/M tier", "a budget floor of $A per million tokens", "$A per million input tokens was the floor"): with
# no model bound to it, a threshold, no claim (`MarketRules.prices`); with a model ("<model> costs under $A") a bound
PRICE_THRESHOLD_BEFORE = re.compile(
    r"(?:\b(?:under|below|beneath|at\s+or\s+(?:below|under|above|over)|at\s+most|no\s+more\s+than|less\s+than|up\s+to|"
    r"over|above|more\s+than|at\s+least|(?:floor|ceiling|threshold|cut-?off|cap|limit|line)\s+of|sub)"
    r"|\b(?:under|below|sub|over)-)\s*(?:~|about\s+|around\s+|roughly\s+)?$", re.I)
PRICE_THRESHOLD_AFTER = re.compile(
    r"^\s*(?:[\w/-]+\s+)?(?:tier|bracket|band|segment|class|threshold|floor|ceiling|cut-?off)\b|"
    r"^\s*(?:was|is|became|becomes|remains|remained|marks?|marked|set|sets)\s+(?:as\s+)?(?:the|a|our|my|an)\s+"
    r"(?:[\w-]+\s+)?(?:floor|ceiling|threshold|cut-?off|cap|limit|line|bar|budget)\b", re.I)
# - before it, in its sentence: a conditional or personal cost ("would cost", "cost us"), a bill or a total spend
#   ("the total cost", "the bill came to", "we spent"), a count of things that cost it ("N requests cost"; not
#   inside a model's name), or a sentence opening with what was done ("Processing the whole book ...", "Summarising
#   one page ...": a gerund and its object)
WORKLOAD_BEFORE = re.compile(
    r"\b(?:would|will|could|should|might|may)\s+(?:only\s+|still\s+)?cost\b|"
    r"\bcost(?:s|ing)?\s+(?:us|me|you|them|him|her)\b|"
    r"\b(?:total|overall|combined|monthly|daily|weekly|annual|yearly)\s+(?:cost|bill|spend(?:ing)?|outlay|price)\b|"
    r"\b(?:bill|invoice|spen[dt]|spending|budget|came\s+to|comes?\s+to|adds?\s+up\s+to|in\s+total)\b|"
    r"\b\d[\d,.]*\s?[kKmM]?\s+(?-i:[a-z]+s)\s+(?:would\s+|will\s+)?cost(?:s|ing)?\b|"
    r"^\s*(?!(?:Pricing|During|Starting|Beginning|Following|According|Including|Excluding|Regarding|Bring|"
    r"Nothing|Something|Everything|Anything)\b)[A-Z][a-z]{2,}ing\s+(?:the|a|an|one|each|every|this|that|these|"
    r"those|our|your|its|their|all)\b|^\s*[A-Z][a-z]{2,}ing\s+\d", re.I)
# the job named is exactly one million (or one thousand) tokens: the total is a unit price after all
ONE_UNIT_OF_TOKENS = compose(r"\b(?:1|one|a)\s?(?:million|mn|M|thousand|K)\s+(?:input\s+|output\s+)?tokens\b")
# a price's unit written as a count ("1M INPUT TOKENS (cache hit) | $A", "One million output tokens: $B"): in a sentence
# with money it says what the price is per, so it is no figure of its own (no output limit, no `other`); a count
# followed by a context word stays one ("a 1M tokens context window")
PRICE_UNIT_COUNT = compose(r"^(?:1|one|a)\s?(?:million|mn|M|thousand|K)\s+(?:(?:input|output|prompt|completion)"
                           r"(?:\s*(?:/|and|&)\s*(?:input|output|prompt|completion))?\s+)?"
                           r"tokens\b(?!\s*(?:of\s+)?(?:context|window|input\s+window))")
# a lead stating the unit of the amounts after it ("Costs for 1M input / output tokens:"): a price word, ending in a colon
UNIT_LEAD = re.compile(r"(?:\b(?:prices?|pricing|costs?|rates?|charges?|fees?|per|USD)\b|[$€£]).*:\s*$", re.I | re.S)
# a sentence that only states the per-token unit of a text's (or a section's) prices, ending in a full stop ("All prices
# are per 1 million tokens.", "Prices in USD per million tokens.", "Pricing is per 1M tokens (input/output)."): the unit
# of the amounts after it that name a side but no unit ("(<model> at $A input)"; `carry.section_unit`). Not a sentence
# saying something of prices ("Prices per million tokens have fallen", "The price per 1M tokens can mislead")
UNIT_STATEMENT = re.compile(
    r"^\W*(?:(?:note|n\.b\.)\s*:\s*)?(?P<all>all\s+)?(?:(?:the|our|these|api)\s+)?(?:prices?|pricing|costs?|rates)\s+"
    r"(?:(?:below|above|here|shown|listed|quoted|cited|given|(?P<scope>in\s+this\s+(?:section|table|list)))\s+|"
    r"in\s+this\s+(?:post|article|piece|guide|comparison|report)\s+)*(?:(?:are|is)\s+)?"
    r"(?:(?:listed|shown|quoted|given|expressed|stated|reported)\s+)?(?:in\s+)?(?:(?:USD|US\s+dollars|dollars|\$)\s*,?\s*)?"
    r"(?:per|/|for)\s*(?:1\s?|one\s+|a\s+)?(?:(?:million|thousand|M|K|mn)\s*(?:(?:input|output|prompt|completion)"
    r"(?:\s*(?:/|and|&)\s*(?:input|output|prompt|completion))?\s+)?(?:tokens?|tok)\b|MTok\b)"
    r"(?:\s*\(\s*(?:input|output)\s*(?:/|and|,)\s*(?:input|output)\s*\)|\s*,\s*(?:input|output)\s*(?:/|and|&)\s*(?:input|output))?"
    r"(?:\s*,?\s*(?:unless\s+(?:otherwise\s+)?(?:noted|stated|specified)|except\s+where\s+noted))?\s*[.)]*\s*$", re.I)


def price_unit_count(sentence: str, start: int) -> bool:
    """Whether the figure at `start` is the unit a price in its sentence, or the amounts its lead introduces or its
    unit statement governs, are per (`PRICE_UNIT_COUNT`, `UNIT_LEAD`, `UNIT_STATEMENT`)."""
    return PRICE_UNIT_COUNT.match(sentence[start:]) is not None and (
        MONEY.search(sentence) is not None or UNIT_LEAD.search(sentence) is not None or
        UNIT_STATEMENT.match(sentence) is not None)
# a token count a sentence about money gives as the job's size ("$A for 40K output tokens", "generating 500K output
# tokens costs $A"): the workload's amount, no output limit or context window of the model
WORKLOAD_TOKENS_BEFORE = re.compile(r"\b(?:for|per|of|generat\w*|produc\w*|process\w*|writ\w*|read\w*|send\w*|"
                                    r"output\w*|input\w*|consum\w*)\s+(?:about\s+|roughly\s+|around\s+|~)?$", re.I)
MONEY = re.compile(r"[$€£]\s?\d|\d\s?(?:USD|dollars?|cents?)\b", re.I)
WORKLOAD_WHY = ("an amount with no per-token unit (the cost of the text's own workload, or per page, request or "
                "hour): not a price any source lists")

# --- licences (open weights) ----------------------------------------------------------------
# a licence's name as model cards and launch posts write it: a named open licence ("Apache 2.0", "MIT",
# "CC-BY-NC-4.0", "OpenRAIL-M") or "<Name> (Community|Research|Open|Model) License (Agreement)" ("<Org> 2
# Community License"); a licence granting the weights' download (proprietary / commercial-API terms are no name
# here: `LICENCE_CLOSED`)
LICENCE_NAME = (r"(?:(?-i:Apache)(?:[- ]licen[cs]e)?(?:[- ]?v?2(?:\.0)?)?|(?-i:MIT)(?:\s+licen[cs]e)?|"
                r"(?-i:BSD)(?:-\d-Clause)?|(?-i:[AL]?GPL)(?:-?v?\d(?:\.\d)?)?|(?-i:CC)[- ]BY(?:[- ](?:SA|NC|ND))*"
                r"(?:[- ]\d\.\d)?|(?-i:OpenRAIL)(?:[- ]?M\+?)?|"
                r"(?!(?-i:The|A|An|Our|This|Its|Their|Proprietary|Commercial|Custom)\b)"
                r"(?-i:[A-Z][\w.-]*)(?:\s+[\w.-]+){0,3}?\s+(?:(?:Community|Research|Open|Model|Public)\s+)?"
                r"(?-i:Licen[cs]e)(?:\s+Agreement)?)(?![\w-])")
PIECES["LICENCE"] = LICENCE_NAME
# a licence or access word that says the weights are not published
LICENCE_CLOSED = r"(?:proprietary|closed(?:[- ](?:weights?|source))?|(?:via\s+)?API(?:[- ]only|\s+access)?|commercial\s+API)"
PIECES["LICENCE_CLOSED"] = LICENCE_CLOSED
# "released / licensed / available under (the|a) <licence>": weights under a licence (never "a proprietary" or
# a bare "commercial" licence); the words may run to "license" or "terms" ("a custom commercial license")
PIECES["UNDER_TAIL"] = compose(r"under\s+(?!(?:(?:the|an?)\s+)?(?:proprietary|closed|commercial|restrictive|same|new|its|their)\b)"
                        r"(?:the\s+(?:terms\s+of\s+(?:the\s+)?)?|an?\s+)?"
                        r"(?:{LICENCE}|(?:[\w.-]+\s+){0,4}?licen[cs]e\b|(?:[\w.-]+\s+){0,3}?terms\b)").pattern
# ("released (as) a 123B dense model under Apache 2.0": the thing released is a model of a class, the subject's)
UNDER_LICENCE = compose(r"\b(?:released|licen[cs]ed|available|published|distributed|shared|made\s+available|"
                        r"ship(?:s|ped)|offered|provided|open[- ]?sourced)\s+"
                        r"(?:[a-z]+ly\s+)?"  # "publicly", "openly", "permissively"
                        r"(?:(?:as\s+)?(?:an?|the|its|their|our)\s+(?:[\w.-]+\s+){0,3}?(?:model|weights|checkpoints?)\s+)?"
                        r"{UNDER_TAIL}|"
                        # a verbless fragment continuing a sentence about the model: "<vendor> ships X, also under <licence>",
                        # "X — NB parameters — also under <licence>"
                        r"(?:,|[—–(])\s*(?:(?:also|again|likewise)\s+)?{UNDER_TAIL}|"
                        # "X is governed by the <Org> <Model> Community License", "use of X is governed by a custom license"
                        r"\b(?:is|are|was|were)\s+governed\s+by\s+"
                        r"(?!(?:(?:the|an?)\s+)?(?:proprietary|closed|commercial|restrictive|same|new|its|their)\b)"
                        r"(?:the\s+(?:terms\s+of\s+(?:the\s+)?)?|an?\s+)?(?:{LICENCE}|(?:[\w.-]+\s+){0,4}?licen[cs]e\b)")
# "A custom (commercial) license is available at <url>": a licence paragraph naming no model, the text's model's
# (the previous subject, else the text's topic): a custom licence is one the weights are published under
LICENCE_OFFERED = compose(r"\ba\s+custom\s+(?:[\w-]+\s+){0,2}?licen[cs]e\s+(?:is|was)\s+(?:also\s+)?available\b")
# "we release X under the <licence> license", "open-sourcing X under MIT": the model named between the verb and
# "under" is the one whose weights are published (`what`; never a code, a dataset: `extract.NOT_WEIGHTS_NOUNS`)
RELEASE_NAMED_UNDER = compose(r"\b(?:release[sd]?|releasing|open[- ]?sourc(?:e|es|ed|ing)|publish(?:es|ed|ing)?)\s+"
                              r"(?P<what>[^,;:.()]{2,60}?)\s+{UNDER_TAIL}")
# an open release's words that name no licence: "can be used without restrictions", "permits commercial use",
# "(fully) open to academic research", "royalty-free" (open weights; the exact licence is not stated)
OPEN_USE = compose(r"\b(?:can|may)\s+be\s+used\s+(?:freely\s+)?without\s+(?:any\s+)?restrictions?\b|"
                   r"\b(?:permits?|permitting|allows?|allowing)\s+(?:free\s+)?commercial\s+(?:use|usage)\b|"
                   r"\b(?:fully\s+|freely\s+)?open\s+(?:to|for)\s+(?:academic\s+)?research\b(?!\s+(?:use\s+)?only)|"
                   r"\broyalty[- ]free\b|"
                   # an intended use for both commerce and research ("X is intended for commercial and research use")
                   r"\bintended\s+for\s+(?:both\s+)?(?:commercial\s+(?:and|&)\s+research|research\s+(?:and|&)\s+commercial)"
                   r"\s+(?:use|uses|usage|purposes|applications)\b")
# an open-source / open-weights adjective in a predicate noun phrase: "X is a series of open-source large language
# models", "X is an open-weights 7B model"
OPEN_PREDICATE = compose(r"\b(?:is|are|was|were)\s+(?:an?|the)\s+(?:(?:series|family|suite|collection|set|line|range)\s+"
                         r"of\s+)?(?:(?:new|fully|truly|first|latest)\s+)?open[- ](?:weights?|source)\s+"
                         r"(?:[\w.-]+\s+){0,3}?(?:models?|LLMs?|checkpoints?)\b|"
                         # a class the model is placed in: "X ... among (the) small open-source models", "X is one of the
                         # strongest open-weight models", "X, the best open-source model at its size"
                         r"\b(?:among|one\s+of)\s+(?:the\s+)?(?:(?!(?:and|or)\b)[\w-]+\s+){0,2}?open[- ](?:weights?|source)\s+"
                         r"(?:(?!(?:and|or)\b)[\w.-]+\s+){0,2}?(?:models|LLMs)\b|"
                         r"(?:(?<=,\s)|\b(?:is|was|remains|as)\s+)(?:the|an?)\s+(?:best|strongest|leading|top|most\s+capable|"
                         r"most\s+powerful|largest|top-performing|highest-scoring|[a-z]+est)\s+(?:[\w-]+\s+)?"
                         r"open[- ](?:weights?|source)\s+(?:[\w.-]+\s+){0,2}?(?:model|LLM)\b(?!s)")
# a counted set of open-weight models made available with no model named ("You can find the N open-weight models on
# the Hub", "Eight open-weight models are available"): the models of the text's release (the previous subject, else
# the topic); never a count with no release word ("four open-weight models made the top ten")
OPEN_COUNT_BEFORE = compose(r"\b(?:the\s+|all\s+)?(?:\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+"
                            r"(?:new\s+)?$")
RELEASE_WORDS = compose(r"\b(?:available|released|find|download(?:able)?|(?:on|to)\s+(?:the\s+)?(?:Hub|Hugging\s?Face))\b")
# "open-source" / "proprietary" as one item of a comma list in a features cell ("Open-source, multilingual, 128K
# context"): the row model's openness (`tables.licence_openness`, any header)
LICENCE_ITEM = compose(r"(?:^|,)\s*(?:(?P<open>open[- ](?:source|weights?))|(?P<closed>proprietary|closed[- ](?:source|weights?)|"
                       r"API[- ]only))\s*(?=,|$)")
# "<licence-type> models (A, B, C)": each model listed in the parentheses is of that class (never the vendor)
CLASS_LIST = compose(r"\b(?:(?P<open>open[- ](?:weights?|source)|(?:openly|permissively)[- ]licen[cs]ed|"
                     r"(?:{LICENCE})(?:[- ]licen[cs]ed)?)|(?P<closed>proprietary|closed(?:[- ](?:weights?|source))?|"
                     r"API[- ]only))\s+(?:models|LLMs|checkpoints|systems)\s*\((?P<list>(?:[^()]{1,40}){1,3})\)")
# a licence as one short fragment of a summary list after a model ("X: 123B parameters, Apache 2.0 licence,
# weights on <hub>"): up to four short fragments before it, the licence filling its own fragment
LICENCE_FRAGMENT = compose(r"^\s*(?::|—|–)\s*(?:(?:[^,;:()]|\.(?=\d)){1,40},\s*){1,4}"
                           r"(?P<lic>(?:(?P<open>{LICENCE})(?:[- ]licen[cs](?:e|ed))?|(?P<closed>{LICENCE_CLOSED}))"
                           r"(?:\s+licen[cs]e)?)\s*(?=$|[,;])")
# "X (Apache 2.0)", "X: Apache 2.0", "X - MIT license" (a list item), "License: Apache 2.0" (a label line):
# a licence named right after a model, or after a licence label, filling its clause
LICENCE_AFTER = compose(r"^\s*(?:\(|:|—|–|-|,)\s*(?:licen[cs](?:e|ed)(?:\s+under)?\s*:?\s*)?"
                        r"(?:(?P<open>{LICENCE})(?:[- ]licen[cs](?:e|ed))?|(?P<closed>{LICENCE_CLOSED}))"
                        r"(?:\s*\([^()]{1,40}\))?\s*(?=$|[,;)]|\.(?!\d))")  # a note: "Proprietary (API only)"
# a line holding only a licence or an access word ("Apache 2.0", "<Org> Community License", "Proprietary"): under a
# "License" heading, the section's model's licence (binding rule 0)
LICENCE_LINE = compose(r"^\W*(?:the\s+)?(?:(?P<open>{LICENCE})(?:[- ]licen[cs](?:e|ed))?|(?P<closed>{LICENCE_CLOSED}))"
                       r"\s*\.?\s*$")
# "uses a custom commercial license, the <Org> Community License", "adopts the <Org> License": a licence named in
# apposition or as the object of a verb of use (open: a named licence grants the weights' download)
LICENCE_APPOSITION = compose(r"\b(?:uses?|using|adopts?|carr(?:y|ies)|(?:comes?|ships?)\s+with)\s+"
                             r"(?:(?:a|an|its|their|our)\s+(?:[\w-]+\s+){0,3}?licen[cs]e\s*,\s*(?:the\s+)?|the\s+)"
                             r"{LICENCE}")
LICENCE_LABEL = compose(r"^\W*(?:licen[cs]e|licen[cs]ing|model\s+licen[cs]e|weights?)(?:\s+type)?\s*$")
# "The licence is <X>", "The model's licence is <X>": the licence as the subject, an explicit reference to the model
# discussed (the previous sentence's subject, else the text's topic), as "Its licence is <X>" is (`extract.openness`)
LICENCE_SUBJECT = compose(r"^\W*(?:the|its|their)\s+(?:model(?:'s|’s)?\s+|weights(?:'|’)?\s+)?licen[cs](?:e|ing)"
                          r"(?:\s+terms)?\s+(?:is|are|was|were)\b")
# "an Apache 2.0-licensed model", "X is MIT licensed", "X is Apache-2.0"
LICENSED_AS = compose(r"\b(?:{LICENCE})[- ]licen[cs]ed\b|\b(?:is|are|was|were)\s+(?:{LICENCE})(?=\s*(?:$|[,;)]|\.(?!\d)))")

# --- digits inside names are not figures ---------------------------------------------------
NAME_DIGITS = [compose(p) for p in (
    r"\b(?:Week|Table|Figure|Fig\.|Section|Chapter|Appendix|Step|Part|Phase|Episode|Day|Lesson)\s+\d+(?:\.\d+)*",
    r"\b(?:version|release|v)\s?\d+(?:\.\d+)+\b",  # "version 4.33", "release 4.42", "v0.0.1"
    r"(?<![\w-])v\d+(?:\.\d+)*\b",  # "v1", "v0.1"
    r"(?<![\w.,/:-])0\d+\b(?![-/:.]\d)",  # a number with a leading zero ("01", "0513") is an identifier, not a quantity
    r"\b\d+[- ]?bits?\b",  # "8-bit", "4bit" (quantisation)
    r"\b(?:licen[cs]e|agreement)\s+v?\d+(?:\.\d+)+",  # "<Org> License 2.0" (a licence's version)
    r"\b\d+(?:\.\d+)*(?=\s+(?:Community|Research|Open|Model)\s+Licen[cs]e\b)",  # "<Org> 2 Community License"
    # "TP=8", "k=5", "top_p=0.9": a setting, not a claim (case-sensitive: "GSM8K=70.2" stays a score)
    r"(?-i:\b(?:[A-Z]P|[a-z][a-z_]*)\s?=\s?\d+(?:\.\d+)?\b)",
    r"\b(?:Apache|MIT|GPL|LGPL|AGPL|BSD|MPL|CC[- ]BY(?:[- ](?:SA|NC|ND))*|OpenRAIL(?:-M)?)[- ]?v?\d+(?:\.\d+)*",
    r"\b(?:Python|PyTorch|Transformers|CUDA|Node|Java)\s+\d+(?:\.\d+)+",
    r"@\d+\b",  # "Pass@1"
    # the "1M" of a per-token unit ("Price per 1M tokens", "$/1K tok"): a unit, never a figure of its own
    r"(?:(?<=\bper\s)|(?<=/)|(?<=/\s))1\s?[MK](?=\s?tok)",
    r"\[\d{1,3}\](?:\[\d{1,3}\])*",  # citation markers "[1][2][3]" after a sentence (a wiki's references)
    r"\b\d{1,2}(?=\s*-?\s*shots?\b)",  # "5-shot", "(5 shot)", "5 - shot": an evaluation's setting
    # a list's length, no figure about any model: "the 5 most popular models", "the 3 largest labs", "the top 10
    # models" (not "among / in the top 10", a rank), "3 key features", "5 main takeaways"
    r"(?<=\bthe\s)\d{1,3}(?=\s+(?:most|least|best|largest|biggest|leading|main|key|latest|newest|top)\s+[a-z])",
    r"(?<!\bamong\s)(?<!\bin\s)(?<!\binto\s)(?<!\bwithin\s)(?<!\bof\s)(?<!\bamong\sthe\s)(?<!\bin\sthe\s)"
    r"(?<!\binto\sthe\s)(?<!\bwithin\sthe\s)(?<!\bof\sthe\s)\btop[\s-]\d{1,3}(?=\s+(?:[a-z][\w-]*\s+){0,2}?[a-z]{2,}s\b)",
    r"\b\d{1,2}(?=\s+(?:(?:key|main|major|core|notable|important|big|new|simple|practical|common)\s+)?"
    r"(?:features|takeaways|reasons|ways|things|tips|lessons|highlights|changes|improvements|differences|"
    r"innovations|trends|facts|findings|pillars|ideas|principles|insights|myths|mistakes)\b)",
    # a footnote's marker opening its line ("1 - <text>", "2. <Text>", "3) <text>"): no figure
    r"^\W{0,2}[1-9](?=\s*[-–—)]\s+[A-Za-z]|\.\s+[A-Z])",
    # a package's version constraint ("pkg>=N.M.P", "pip install pkg==N.M", "pkg ~= N.M", "pkg>=N.M,<N"):
    # a requirement, never a figure (a lower-case package name, a comparison operator, a version)
    # (an exact pin "==" / "~=" with any version; ">=", "<=", "!=" and a bare ">" / "<" written tight only with a
    # dotted version, so "accuracy > N" and "<BENCH>>=N" stay figures)
    r"(?-i:(?<![\w.-])[a-z][a-z0-9_.\[\]-]*(?:\s?(?:===?|~=)\s?\d+(?:\.\d+)*|\s?(?:>=|<=|!=)\s?\d+(?:\.\d+)+|"
    r"[<>]\d+(?:\.\d+)+)(?:[a-z]+\d*)?(?:\s?,\s?(?:>=|<=|==|~=|!=|>|<)\s?\d+(?:\.\d+)*)*)",
    r"\bpip3?\s+install\s+(?:-\S+\s+)*[\w.\[\]-]+\s?[=<>~!]=?\s?\d+(?:\.\d+)*",
    # an organisation's founding date ("a lab founded in <year>", "established in <month> <year>"): no model's release
    r"\b(?:founded|established|incorporated|formed)\s+(?:in|on|back\s+in)\s+(?:(?:early|mid|late)[- ]?)?"
    r"(?:[A-Z][a-z]+\.?\s+)?(?:\d{1,2},?\s+)?(?:19|20)\d{2}\b",
    # a bare size opening a parenthesised sequence of models ("the smaller models (7B, then <Family> 40B)", "(3B,
    # followed by <Model>)"): the size names a model there, as the model after it is named, no figure
    r"(?<=\()\s*\d+(?:\.\d+)?\s?[BM](?=\s*,?\s*(?:then|followed\s+by|and\s+then|and\s+later)\s+[A-Z])",
    # a ranking's name ("the Fortune 500", "S&P 500"): part of a name, no figure
    r"(?-i:\b(?:Fortune|S&P|FTSE|Russell|Nasdaq|Nikkei|DAX)\s+\d{2,4}\b)",
    # a chip's power rating ("N W TDP", "a TDP of N W", "rated at N watts"): a per-unit hardware spec, no claim
    r"\b\d+(?:\.\d+)?\s?(?-i:W|kW)\b(?:\s+TDP)?|\b\d+(?:\.\d+)?\s?(?:kilo)?watts?\b|"
    r"\bTDP\s+(?:of\s+)?(?:up\s+to\s+)?\d+(?:\.\d+)?",
)]


# a version number written after a family's first word ("<Family> N", "<Family> N.M", "<Family>-N") when no source
# names that model: the digits are part of a name the vocabulary lacks, not a figure. Not a size or an amount: no
# unit, percent sign, multiplier or magnitude after it ("<Family> NB", "<Family> N billion", "<Family> Nx")
FAMILY_VERSION = re.compile(r"(?<![\w.-])(?P<word>[A-Z][A-Za-z]+)[ -](?P<v>\d{1,2}(?:\.\d{1,2})?)(?![\d.,]*\d)"
                            r"(?!\s?(?:%|[BMKTbmkt]\b|[xX×]\b|billion|million|thousand|trillion|percent|points?|pts\b|"
                            r"tokens?|param|GB|times|fold|-?(?:shot|bit)))")


def family_version_spans(sentence: str, firsts: set[str] | dict) -> list[tuple[int, int]]:
    """Spans of version digits after a capitalised word that starts a known model's name with a version after it
    (`firsts`: those first words, lower case): "<Family> 3" names a model, and its "3" is no figure."""
    return [(m.start("v"), m.end("v")) for m in FAMILY_VERSION.finditer(sentence) if m.group("word").lower() in firsts]


# a rubric's weight: a percentage in parentheses right after a criterion of plain words, in a list of two or more
# ("Quality (N%), Speed (M%) and Cost (K%)", "accuracy (N%), speed (M%)"), or a capitalised criterion opening its
# line and closed by a colon, a dash or the line's end ("- Quality (N%): how good the answers are"): how much a
# criterion counts in a scoring method, no claim (`rubric_weight_spans`)
RUBRIC_WEIGHT = compose(r"(?<![\w.%-])(?P<crit>(?!(?:and|or|of|on|in|for|to|the|a|an|with|by|at|as)\b)[A-Za-z][a-z]+"
                        r"(?:[ -](?:of|for|to|and|[A-Za-z][a-z]+)){0,2})\s*\(\s*(?P<w>\d{1,3}(?:\.\d+)?\s?%)\s*\)")
RUBRIC_JOIN = compose(r"^\s*(?:,|;|and\b|,\s*and\b|\+|/)\s*$")
RUBRIC_LINE_BEFORE = compose(r"^[\s*_#>-]*$")
RUBRIC_LINE_AFTER = compose(r"^[\s*_]*(?:$|:|[-–—]\s)")


# a percentage that is a margin over another model, no score ("an improvement of N% over <X>", "and M% over <Y>")
MARGIN_BEFORE = compose(r"\b(?:improvement|increase|gain|boost|jump|uplift|lead|margin)\s+of\s+(?:about\s+|around\s+|~\s*)?$")
MARGIN_AFTER = compose(r"^\s+(?:over|above|ahead\s+of)\s+(?:the\s+|its\s+)?[A-Z]")
PERCENT_RE = re.compile(r"(?<![\w.])\d+(?:\.\d+)?\s?%")


def margin_spans(sentence: str) -> list[tuple[int, int]]:
    """The percentages of a sentence that are a margin over another model ("an improvement of N% over <X> and M% over
    <Y>"): no score of the subject's. A comparison kind reads a margin it can check before this (`ratios`)."""
    return [(m.start(), m.end()) for m in PERCENT_RE.finditer(sentence)
            if MARGIN_BEFORE.search(sentence[:m.start()]) or MARGIN_AFTER.match(sentence[m.end():])]


def rubric_weight_spans(sentence: str, names: list[tuple[int, int]], scored: bool) -> list[tuple[int, int]]:
    """The percentages of a rubric's weights (`RUBRIC_WEIGHT`) in a sentence that names no model and has no score
    verb (`scored`): a criterion that is a benchmark's or a model's name (`names`) keeps its figure."""
    if scored:
        return []
    hits = [m for m in RUBRIC_WEIGHT.finditer(sentence)
            if not any(a < m.end("crit") and m.start("crit") < b for a, b in names)]
    listed = {k for i in range(len(hits) - 1) if RUBRIC_JOIN.match(sentence[hits[i].end():hits[i + 1].start()])
              for k in (i, i + 1)}
    alone = {i for i, m in enumerate(hits) if m.group("crit")[0].isupper()
             and RUBRIC_LINE_BEFORE.match(sentence[:m.start()]) and RUBRIC_LINE_AFTER.match(sentence[m.end():])}
    return [(m.start("w"), m.end("w")) for i, m in enumerate(hits) if i in listed | alone]


def name_digit_spans(sentence: str) -> list[tuple[int, int]]:
    """Spans of digits that belong to a name (a table number, a version, a licence), to an evaluation's
    settings (`EVAL_SETTINGS`, below) or to a training recipe's (`TRAINING_SETTINGS`) and not to a claim."""
    return [(m.start(), m.end()) for p in NAME_DIGITS + EVAL_SETTINGS + TRAINING_SETTINGS for m in p.finditer(sentence)] \
        + cited_model_spans(sentence)
# a chip named as the model's hardware type without a count or the word "train" ("hardware of type <chip>",
# "Hardware type: <chip>", "GPU type: <chip>", "<chip> (<power>) type hardware"): the training hardware type
HARDWARE_TYPE_BEFORE = compose(r"\b(?:hardware|accelerators?|GPUs?|TPUs?|chips?)(?:\s+type)?\s*(?:of\s+type|:|=|\bis|\bwas)\s*"
                               r"(?:(?:NVIDIA|Google|AMD|Intel|Huawei)\s+)?$")
# a table column of training hardware ("Hardware", "Training hardware", "Accelerator", "GPU type"): a chip in its cell
# is the row model's training hardware type (not "GPUs" alone, a count, nor "GPU hours")
HARDWARE_COLUMN = compose(r"^\W*(?:training\s+)?(?:hardware|accelerators?|chips?)(?:\s+type)?\W*$|"
                          r"^\W*(?:training\s+)?(?:GPU|TPU)\s+type\W*$")
HARDWARE_TYPE_AFTER = compose(r"^\s*(?:\([^()]{0,40}\)\s*)?(?:type\s+)?hardware\b")
# a sentence about running / serving a model, not training it ("runs on 8 <chip>s", "can be served on",
# "fits on a single node", "for inference"): a chip count there is serving hardware, which no source records
SERVING = compose(r"\b(?:inference|serv(?:e|es|ed|ing)|deploy(?:s|ed|ing|ment)?|host(?:s|ed|ing)?\s+on|"
                  r"(?:runs?|running)\s+(?:\w+\s+){0,2}on|to\s+run\b|fits?\s+(?:\w+\s+){0,2}(?:on|in(?:to)?)|"
                  r"quanti[sz]\w*|locally)\b")

# --- figures the text does not assert (docs/claims.md, "Negated and hypothetical figures") -----------
# a negation before a figure with at most five lower-case words between, none of them a bound, a turn or a
# clause opener: "doesn't have N parameters", "is not N", "isn't a N model", "does not have a context window
# of N", "never scored N%", ", not N". Not a bound ("not more than N", "no more than N" state one), not
# "not only / just / until / even" (they assert), and not across a comma or another clause ("not surprisingly,")
NEGATED_BEFORE = compose(r"(?:\bnot|n't|\bnever)\s+(?:(?!(?:only|just|until|till|more|less|fewer|than|over|under|above|"
                         r"below|beyond|even|but|that|because|since|when|which|who|as|if|so|too|and|or|while|surprisingly|"
                         r"unexpectedly|coincidentally|despite|although|though|given|having)\b)"
                         r"[a-z][a-z-]*\s+){0,5}(?:(?:about|around|roughly|approximately|~)\s*)?$")
# a figure inside the description of a hypothesis or a misreading. A condition contrary to fact, "if it
# were N", "if X had N", "even if ... would", holds up to the end of its clause (a comma); a misreading or
# a supposition, "one might think N", "a common misconception is that ... N", "contrary to popular belief",
# "is often assumed", "suppose", "imagine", up to a turn ("but", "in fact", "actually", "however", a
# semicolon or a dash), whatever commas lie between
CONDITIONAL_HYPOTHESIS = compose(r"\b(?:if|as\s+if|as\s+though)\b[^;.,]*?\b(?:were|had|had\s+been)\b[^;.,]*$")
MISREADING = compose(r"\b(?:suppose|supposing|imagine|hypothetically)\b|"
                     r"\b(?:one|you|some|many|people|readers)\s+(?:might|may|could|would)\s+(?:think|assume|expect|"
                     r"believe|guess|suppose)\b|"
                     r"\b(?:(?:common|popular|frequent|widespread)\s+)?(?:misconception|myth|misreading|misunderstanding|"
                     r"misbelief)\s+(?:is|was)\b|"
                     r"\bcontrary\s+to\s+(?:popular\s+belief|(?:some|many|early|earlier)\s+(?:claims|reports))|"
                     r"\b(?:is|was|are|were)\s+(?:often|widely|commonly|sometimes|wrongly|mistakenly)\s+"
                     r"(?:believed|assumed|thought|claimed|said|reported)\b|"
                     r"\b(?:wrongly|mistakenly|erroneously|falsely)\s+(?:believed|assumed|thought|claimed|said|"
                     r"reported|stated)\b")
# a figure a cited study, analysts or a rumour estimate ("a study estimated that X has N", "one analysis projected N",
# "researchers speculated N", "X is rumoured / estimated to have N"): an estimate the text reports, not a figure it
# asserts (a study that "found" or "measured" N reports a result, and stays a claim), up to a turn
CITED_ESTIMATE = compose(r"\b(?:stud(?:y|ies)|papers?|analys[ie]s|analysts?|reports?|surveys?|researchers?|estimates?|"
                         r"rumou?rs?|leaks?|commentators?|observers?|experts?)\b[^.;]{0,60}?\b(?:estimated?|estimates|"
                         r"estimating|projected|projects|predicted|predicts|hypothesi[sz]ed|hypothesi[sz]es|speculated|"
                         r"speculates|extrapolated|guessed|rumou?red)\b|"
                         r"\b(?:is|are|was|were|has\s+been|have\s+been)\s+(?:widely\s+|reportedly\s+|variously\s+)?"
                         r"(?:estimated|rumou?red|speculated)\s+(?:to|at)\b|\brumou?red\b")
# ... and a model a cited work describes: in a sentence citing a paper ("<Author> et al.", "(<Author>, YYYY)", "[<Author>
# et al. YYYY]", a quoted title) or a scaling law ("scaling laws", "compute-optimal", "Chinchilla-optimal"), the size
# of "a (compute-optimal) N model" and the tokens of "a N model trained for / on / needs M tokens" are that work's
# hypothetical model's: no model's, no claim (`cited_model_spans`)
CITED_WORK = re.compile(r"\b[A-Z][\w'’-]+(?:\s+(?:and|&)\s+[A-Z][\w'’-]+)?\s+et\s+al\b|"
                        r"[(\[]\s*[A-Z][\w'’-]+(?:\s+(?:and|&)\s+[A-Z][\w'’-]+)?(?:\s+et\s+al\.?)?,?\s*(?:19|20)\d\d[a-z]?\s*[)\]]|"
                        r"[\"“][A-Z][^\"”]{12,}[\"”]|"
                        r"(?i:\bscaling[\s-]+laws?\b|\b(?:compute|chinchilla)[\s-]+optimal\b)")
# (not a predicate, "X is a N model": the subject's own)
NOT_PREDICATE = r"(?<!\bis\s)(?<!\bwas\s)(?<!\bas\s)(?<!\bbe\s)(?<!\bbecomes\s)"
CITED_MODEL = compose(NOT_PREDICATE + r"\b(?:an?|one)\s+(?:(?!(?:of|for|than|with)\b)[\w-]+\s+){0,2}?"
                      r"(?:(?:~|about|roughly|approximately)\s*)?(?P<size>\d+(?:\.\d+)?(?:\s?[BMKT]\b|\s+(?:billion|million)\b))"
                      r"(?:[\s-]+param(?:eter)?s?)?[\s-]+(?:[a-z]+[\s-]+)?models?\b"
                      r"(?:\s+(?:that\s+(?:is|was)\s+)?(?:(?:pre-?)?trained|needs|requires|should\s+be\s+trained|would\s+need)"
                      r"\s+(?:(?:for|on|with|over)\s+)?(?:(?:~|about|roughly|approximately)\s*)?"
                      r"(?P<tokens>\d+(?:\.\d+)?(?:\s?[BMKT]\b|\s+(?:billion|million|trillion)\b)?)\s+tokens)?")


def cited_model_spans(sentence: str) -> list[tuple[int, int]]:
    """The size and tokens of each model a cited work or a scaling law describes (`CITED_MODEL`) in a sentence citing
    one (`CITED_WORK`): figures of no model, no claim. "<model> (<Author> et al., YYYY) is a NB model" states its own."""
    if not CITED_WORK.search(sentence):
        return []
    return [m.span(g) for m in CITED_MODEL.finditer(sentence) for g in ("size", "tokens") if m.group(g)]


TURN = re.compile(r";|\s[-–—]\s|\b(?:but|in\s+fact|actually|however|rather|instead|whereas|while|yet)\b", re.I)


# a size given per part of the model, not for the model: "8 experts with 7B parameters each", "each with
# 7B parameters", "7B apiece", "7B per expert" (an MoE's experts, a pipeline's stages); "per token" states
# the active parameters of the model itself and is no part
PER_PART_AFTER = compose(r"^\s*(?:(?:total|active)\s+)?(?:parameters?|params|weights)?\s*(?:each|apiece|"
                         r"per\s+(?:expert|layer|stage|component|sub-?model|member|branch))\b")
PER_PART_BEFORE = compose(r"\beach\s+(?:with|of|having|has|had|holding|containing|at)\s+(?:(?:about|around|roughly|"
                          r"approximately)\s+|~\s*)?$")
# a figure describing the models a comparison is with, not the subject: "matches models up to NB parameters",
# "outperforms models with NB parameters", "competitive with contemporary NB models", "beats larger models trained on
# NT tokens", "on par with other NB models", "better than a NB model" — a comparison word, a few words describing a
# class (no model's name), then the class noun before the figure, or the figure before a plural class noun; a list of
# sizes is one class ("compared to NB and MB models", "than NB, MB or KB models": each size of it), and a multiple
# is one of its words ("than many 25x larger NB models", "against 3 times bigger models")
COMPARED_WITH = (r"\b(?:match(?:es|ed|ing)?|outperform(?:s|ed|ing)?|beat(?:s|ing)?|rival(?:s|led|ing)?|"
                 r"surpass(?:es|ed|ing)?|exceed(?:s|ed|ing)?|outscor(?:es|ed|ing)|outclass(?:es|ed|ing)?|"
                 r"competitive\s+with|comparable\s+(?:to|with)|on\s+par\s+with|in\s+line\s+with|similar\s+to|"
                 r"than|against|versus|vs\.?|compared\s+(?:to|with)|like|unlike|ahead\s+of|behind|trails?|"
                 r"as\s+\w+\s+as)\s+")
CLASS_WORDS = (r"(?:(?:an?|any|the|other|many|most|some|all|existing|contemporary|current|larger|bigger|smaller|"
               r"much|far|similar(?:ly)?[- ]sized|open(?:[- ](?:weights?|source))?|closed|proprietary|leading|popular|"
               r"dense|previous|prior|competing|rival|top|even|\d+(?:\.\d+)?\s?(?:x|×|-?times|-?fold))\s+){0,3}")
CLASS_NOUN = r"(?:models?|LLMs?|systems|rivals|competitors|baselines|counterparts|alternatives)"
# the sizes of a list before the figure ("NB and ", "NB, MB or ") and after it (" and MB", ", MB, or KB")
CLASS_SIZE = r"(?:~\s*)?\d+(?:\.\d+)?\s?[BMKT]?"
CLASS_LIST_BEFORE = r"(?:" + CLASS_SIZE + r"\s*(?:,\s*(?:and\s+|or\s+)?|\s(?:and|or|&)\s+|/\s*))*"
CLASS_LIST_AFTER = r"(?:\s*(?:,\s*(?:and\s+|or\s+)?|\s(?:and|or|&)\s+|/\s*)" + CLASS_SIZE + r"\b)*"
OTHER_MODELS_BEFORE = compose(COMPARED_WITH + CLASS_WORDS + CLASS_NOUN + r"\s+(?:(?:that\s+(?:are|were|have|had)\s+)?"
                              r"(?:with|of|having|at|around|using|(?:pre-?)?trained\s+(?:on|with))\s+)?"
                              + CLASS_LIST_BEFORE + r"(?:~\s*)?$")
OTHER_MODELS_ADJ_BEFORE = compose(COMPARED_WITH + CLASS_WORDS + CLASS_LIST_BEFORE + r"(?:~\s*)?$")
OTHER_MODELS_AFTER = compose(r"^" + CLASS_LIST_AFTER + r"[\s-]*(?:param(?:eter)?s?[\s-]+)?(?:[a-z]+[\s-]+)?"
                             + CLASS_NOUN + r"\b")
# an openness phrase naming a class of models the subject is compared with ("better than an open-source model", "as
# fast as an open-weights model", "unlike an open-source model", "like any open model"): no model's licence
GENERIC_OPENNESS_BEFORE = compose(r"(?:" + COMPARED_WITH + r"|\b(?:any|every|each|no|other|most|many|some)\s+)"
                                  r"(?:(?:any|every|the|most|many|some|all|other|existing|typical|comparable|similar)\s+)?$")
# what each reason means, for the claim's explanation
UNASSERTED_WHY = {
    "negated": "a negated figure is no claim of the text",
    "hypothetical": "a hypothetical figure is no claim of the text",
    "per part": "the size of each part (an expert, a layer), not of the model",
    "other models": "a figure describing the models compared with, not the subject's own",
    "cited estimate": "an estimate or a model the text attributes to a study, a cited paper, analysts or a rumour, "
                      "not a figure it asserts",
}


def unasserted(sentence: str, start: int, end: int | None = None) -> str | None:
    """Why the figure at [start, end) is not asserted of the model by the text ("negated", "hypothetical",
    "per part", "other models", "cited estimate"), or None."""
    before = sentence[:start]
    if NEGATED_BEFORE.search(before):
        return "negated"
    if PER_PART_BEFORE.search(before) or (end is not None and PER_PART_AFTER.match(sentence[end:])):
        return "per part"
    if OTHER_MODELS_BEFORE.search(before) or \
            (end is not None and OTHER_MODELS_ADJ_BEFORE.search(before) and OTHER_MODELS_AFTER.match(sentence[end:])):
        return "other models"
    if CONDITIONAL_HYPOTHESIS.search(before):
        return "hypothetical"
    if any(not TURN.search(before[m.end():]) for m in MISREADING.finditer(before)):
        return "hypothetical"
    if any(not TURN.search(before[m.end():]) for m in CITED_ESTIMATE.finditer(before)):
        return "cited estimate"
    return None


# --- evaluation settings: the digits of a run's configuration, not claims about a model -----------
# "temperature 0.7", "top-p of 0.9", "max generation length of 9,000 tokens", "16 samples per query",
# "pass@1 over 4 runs", "averaged across 3 seeds"
# the words between a setting's name and its value: "temperature 0.7", "top-p of 0.9", "a top-p value of 0.9",
# "max generation length is set to 9,000"
SETTING_TO = r"\s*(?:(?:value|of|to|is|was|set|at|=|:)\s*){0,4}"
EVAL_SETTINGS = [compose(p) for p in (
    r"\b(?:sampling\s+)?temperature" + SETTING_TO + r"\d+(?:\.\d+)?",
    r"\btop[-_ ]?[pk]" + SETTING_TO + r"\d+(?:\.\d+)?",
    r"\b(?:max(?:imum)?\s+)?(?:generation|decoding|sampling|new[- ]token)\s+length" + SETTING_TO
    + r"(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s?[kK]?(?:\s+tokens?)?",
    r"\b(?:\d{1,3}(?:,\d{3})+|\d+)\s+(?:samples?|generations?|completions?|attempts?|responses?)\s+(?:per|for\s+each)\s+"
    r"(?:query|question|problem|prompt|task|sample|item)\b",
    r"\b(?:over|across|from)\s+(?:\d+|two|three|four|five|ten)\s+(?:independent\s+|random\s+)?(?:runs?|seeds?|trials?|"
    r"samples?|repetitions?)\b",
    # a sample an experiment draws: "we sampled N user profiles", "they randomly selected N prompts", "we recruited N
    # raters" — a setting of that run (a benchmark's own size, "we wrote N questions", stays a figure of its own)
    r"\b(?:we|they|the\s+authors|researchers)\s+(?:(?:then|first|also|randomly|uniformly)\s+)?"
    r"(?:sampled|sample|recruited|recruit|selected|select|drew|draw|picked|pick|subsampled|subsample)\s+"
    r"(?:(?:a\s+total\s+of|about|around|roughly|some|another|an\s+additional)\s+)?"
    r"(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?\s?[kK]?)\b",
    # repetitions of a run: "we run each model 3 times", "the mean of 10 samples", "averaged over 5 runs", "best of 4"
    r"\b(?:run|ran|repeat(?:ed)?|evaluat(?:e|ed)|sampl(?:e|ed)|queri(?:ed)|query)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:\d+|two|three|four|five|ten)\s+times\b",
    r"\b(?:mean|average|median|best|majority\s+vote)\s+(?:of|over|across)\s+(?:\d+|two|three|four|five|ten)\s+"
    r"(?:independent\s+|random\s+)?(?:runs?|samples?|seeds?|trials?|generations?|attempts?|completions?)\b",
    r"\baverag(?:e|ed|ing)\s+(?:over|across)\s+(?:\d+|two|three|four|five|ten)\s+(?:[\w-]+\s+)?"
    r"(?:runs?|samples?|seeds?|trials?|generations?|attempts?|completions?|repetitions?)\b",
)]

# --- a training recipe's settings: how a model was trained, figures no source records ------------------
# "for N epochs", "a peak learning rate of Ne-M", "a global batch size of NM tokens", "N warm-up steps / tokens", "an
# N-step warm-up", "warm-up over N steps", "for NK steps", and a sequence (or context) length of one training stage ("a sequence length of N in the
# first stage", "an NK sequence length during the first phase"): read like the digits of a name, no claim (the
# sequence length a model card states without a stage, and a context window, stay claims)
RECIPE_NUM = (r"(?:about\s+|~\s*)?(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:e-?\d+)?"
              r"(?:\s?(?:[kKMBT]\b|thousand\b|million\b|billion\b))?")
RECIPE_STAGE = (r"\s+(?:in|during|for|at|of)\s+(?:the\s+|each\s+|a\s+)?(?:(?:first|initial|early|second|third|final|"
                r"later|last|main|short-context|long-context|pre-?training|annealing|warm-?up|[a-z]+-stage)\s+)?"
                r"(?:stages?|phases?|steps?|part)\b")
# a share of the data mixture: a percentage, or a change of one ("N% -> M%", "N% to M%")
MIX_PCT = (r"(?:~\s*|about\s+)?\d+(?:\.\d+)?\s?%(?:\s*(?:->|→|⟶|=>|to)\s*(?:~\s*)?\d+(?:\.\d+)?\s?%)?"
           r"(?!\s*(?:on|in|at|for)\s+[A-Z])")
# between a mixture's word and its shares: no other figure (a name's digits aside), no score's verb or measure, and a
# share is not "N% on <B>"
MIX_GAP = r"(?:(?!\b(?:scor\w*|achiev\w*|reach\w*|attain\w*|obtain\w*|gets?|got|accuracy|pass@\w*)\b)(?:[^\d;]|(?<=[A-Za-z-])\d))"
# the words naming a data mixture's share: "the data mix", "mixing ratio", "upsampled", "the share / proportion of code
# (data)", "the math share" (a market, usage or traffic share is none)
DATA_MIX_WORD = (r"\b(?:(?:data|training|pre-?training|corpus|dataset)[\s-]+(?:mix(?:ture)?|blend|composition|"
                 r"distribution|proportions?|weights?|ratios?)|(?:data\s+)?mix(?:ture)?|(?:up|down)[\s-]?sampl\w+|"
                 r"(?:mixing|sampling)\s+(?:ratios?|weights?|rates?)|"
                 r"(?:shares?|proportions?|fractions?)\s+of\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:data|tokens|corpus|"
                 r"text|documents|code|math|web)|"
                 r"(?:code|math|web|multilingual|synthetic|reasoning|STEM|English|non-English|data)\s+(?:shares?|"
                 r"proportions?|fractions?|ratios?))\b")
TRAINING_SETTINGS = [compose(p) for p in (
    RECIPE_NUM + r"\s+(?:(?:full|training|data|passes|more)\s+)?epochs?\b",
    r"\bepochs?\s*(?:of|:|=)\s*" + RECIPE_NUM,
    r"\b(?:(?:peak|initial|max(?:imum)?|min(?:imum)?|final|base|constant)\s+)?(?:learning[- ]rates?|LR)\b" + SETTING_TO
    + r"(?:from\s+)?" + RECIPE_NUM + r"(?:\s*(?:to|-|–)\s*" + RECIPE_NUM + r")?",
    r"\b(?:(?:global|micro|mini|total)[- ]?)?batch[- ]?sizes?\b" + SETTING_TO + r"(?:from\s+)?" + RECIPE_NUM
    + r"(?:\s*(?:to|-|–)\s*" + RECIPE_NUM + r")?",
    r"\ba\s+batch\s+of\s+" + RECIPE_NUM + r"|" + RECIPE_NUM + r"[- ](?:tokens?|sequences?)[- ]batch(?:es)?\b",
    RECIPE_NUM + r"\s+(?:(?:training|optimi[sz]ation|gradient|update|warm-?\s?up|total)\s+)?(?:steps|iterations|updates)\b",
    r"\bwarm(?:ed|s|ing)?[- ]?\s?up\b(?:\s+[a-z]+){0,2}?\s+(?:over|for|of|across|during)\s+(?:the\s+first\s+)?"
    + RECIPE_NUM,
    RECIPE_NUM + r"[\s-]+(?:(?:tokens?|steps?|iterations?)[\s-]+(?:of\s+|for\s+)?)?(?:linear\s+)?warm-?\s?up\b",
    # the first N tokens (steps) of a warm-up, the warm-up written after them in the clause or before them ("during the
    # first ~N billion tokens we linearly warm up ...", "warm up the learning rate over the first N tokens")
    r"\bfirst\s+" + RECIPE_NUM + r"\s+(?:training\s+)?(?:tokens?|steps?|iterations?)\b(?=[^.;]{0,60}?\bwarm(?:ed|s|ing)?[- ]?\s?up\b)",
    r"\bwarm(?:ed|s|ing)?[- ]?\s?up\b[^.;\d]{0,40}?\bfirst\s+" + RECIPE_NUM,
    r"\b(?:sequence|context)\s+length" + SETTING_TO + RECIPE_NUM + r"(?:[- ]tokens?)?(?=" + RECIPE_STAGE + r")",
    RECIPE_NUM + r"[- ](?:tokens?[- ])?(?:sequence|context)\s+length(?=" + RECIPE_STAGE + r")",
    r"\b(?:stage|phase)\b[^.;:]{0,40}?\bsequence\s+length" + SETTING_TO + RECIPE_NUM,
    # a stage's tokens at its sequence length ("followed by ~N billion tokens at length L", "N tokens at a L sequence
    # length"), "at length L", a length "followed by" the next stage, and the stages of a multi-stage context length
    # ("a multi-stage approach to context length: N then M")
    RECIPE_NUM + r"\s+tokens?\s+(?:at|with)\s+(?:an?\s+)?(?:(?:(?:sequence|context)\s+)?length\s+(?:of\s+)?" + RECIPE_NUM
    + r"(?:[- ]tokens?)?|" + RECIPE_NUM + r"(?:[- ]tokens?)?[- ](?:sequence|context)\s+length)",
    r"\bat\s+length\s+(?:of\s+)?" + RECIPE_NUM,
    r"\bat\s+(?:an?\s+)?" + RECIPE_NUM + r"(?:[- ]tokens?)?[- ](?:(?:sequence|context)\s+)?length\s*,?\s+(?:and\s+)?"
    r"(?:then\s+)?followed\s+by\b",
    r"\b(?:multi-?stage|(?:two|three|four|several|multiple|\d)[- ]stages?|staged|stage-?wise)\b[^\d;]{0,60}?"
    r"\b(?:context|sequence)\s+lengths?\b[^\d;]{0,12}?" + RECIPE_NUM
    + r"(?:[- ]tokens?)?(?:\s*(?:,|->|→|then|and\s+then|and|to)\s*" + RECIPE_NUM + r"(?:[- ]tokens?)?)+",
    # a share of the data mixture: "N% -> M%" or "rising to N%" after a word of the mix ("the share of code", "the
    # data mix", "upsampled"), and "N% of the (training) data / corpus / mixture / training tokens"
    DATA_MIX_WORD + MIX_GAP + r"{0,60}?" + MIX_PCT + r"(?:" + MIX_GAP + r"{0,30}?" + MIX_PCT + r")*",
    MIX_PCT + r"\s+of\s+(?:the\s+|all\s+|its\s+|our\s+)?(?:(?:pre-?)?training\s+)?(?:data(?:\s?set)?|corpus|"
    r"mix(?:ture)?|training\s+tokens)\b",
    # an architecture's fraction: "N% of head embedding dimensions", "N% of the layers"
    MIX_PCT + r"\s+of\s+(?:the\s+|each\s+|its\s+)?(?:(?:attention|head|hidden|embedding|query|key|value|rotary|RoPE|"
    r"model|feature)\s+){0,3}(?:dimensions?|dims|channels|heads|layers)\b",
)]

# --- generic figures: about no model ---------------------------------------------------------------
# "the speed / cost of a 12B model", "as fast as a 12B model", "like a 40B model": a size that describes a
# class of models the text compares with, no claim about the model named
GENERIC_SIZE_BEFORE = compose(r"\b(?:(?:the\s+)?(?:speed|cost|price|latency|throughput|footprint|memory|compute|"
                              r"quality|performance|capability|capabilities|budget|size)\s+of|as\s+\w+\s+as|like|than)"
                              r"\s+(?:a|an|one|any)\s+(?:typical\s+|dense\s+|standard\s+)?(?:~\s*)?$")
# "a 4K context window holds about N pages": a capacity written with an indefinite article in a sentence that
# names no model explains what such a capacity means, and claims nothing
GENERIC_CAPACITY_BEFORE = compose(r"\b(?:a|an|one|any)\s+(?:typical\s+|standard\s+)?(?:{CONTEXT}\s+(?:of\s+)?)?$")
# a table column (or a row's label) of power draw, emissions or a serving rate ("Power Consumption (W)", "Emissions
# (tCO2eq)", "Output tokens per second", "Throughput (tok/s)", "Latency", "TTFT"): no source records any, and its
# cells are no claim (a rate of tokens is never a context window or an output limit)
UNRECORDED_COLUMN = compose(r"\bpower\b|\bwatts?\b|\(\s*k?W\s*\)|\bemissions?\b|\bCO2(?:eq|e)?\b|\btCO2|"
                            r"\bcarbon\b|\bgreenhouse\b|\bper\s+(?:second|sec|minute|min)\b|\btok(?:ens)?\s*/\s*s(?:ec)?\b|"
                            r"\bthroughput\b|\bspeed\b|\blatency\b|\bTTFT\b|\btime\s+to\s+first\s+token\b")
# a table column of an evaluation's setting ("# Shots", "Shots", "n-shot", "k-shot"): its cells are no claim
SETTING_COLUMN = compose(r"^\W*(?:#\s*|n\s*|num(?:ber)?\s+(?:of\s+)?)?(?:few[- ])?shots?\W*$|^\W*[nk][- ]?shots?\W*$")
# a training-data mix table: rows are data sources, not models — a first column naming sources ("Dataset", "Data
# source", "Source", "Corpus", "Domain", "Subset") or a column of a mix's measures ("Sampling prop.", "Epochs",
# "Proportion", "Disk size", "Mixture weight") with no model in the row's first cell; its cells (per-source token
# counts, proportions, epochs) are no claim about a model
DATA_SOURCE_COLUMN = compose(r"^\W*(?:data(?:set)?s?|data\s+(?:sources?|sets?|mix(?:ture)?)|(?:data\s+)?sources?|"
                             r"corp(?:us|ora)|domains?|subsets?|components?)\W*$")
DATA_MIX_COLUMN = compose(r"\b(?:epochs?|sampling|proportions?|disk\s+size|mix(?:ture)?\s+(?:weights?|shares?)|"
                          r"(?:sampling\s+)?weights?|share\s+of\s+(?:data|tokens))\b")
# a per-unit denominator ("$0.03 per 1000 input tokens", "/ 1K tokens"): a unit, never a capacity
PER_UNIT_BEFORE = compose(r"(?:/|\bper|\bfor\s+(?:every|each)|\beach)\s*$")
# ... but "N active / M total": a slash between an active count and the total is no per-unit denominator
ACTIVE_SLASH = compose(r"\bactiv(?:e|ated)(?:\s+{PARAMS})?\s*/\s*$")
# --- the run of untyped figures one `other` claim holds (`extract._Extractor.leftovers`) --------------------
# a claim's span ends at its own figure's unit: two figures share one `other` only when nothing but the first one's
# unit words (at most two) and a joining word stand between ("N checkpoints (M ...", "N by M", "N out of M", "Nx to
# Mx"), or
# when they stand inside a parenthesis the run opened, a few words apart ("(N base checkpoints & M tuned)"); a
# second figure with a unit of its own after more words ("N petabytes across M repositories", "N tokens for M
# epochs") is a figure of its own, and no span runs on over a clause of words to a far figure
RUN_GAP = compose(r"^\s*(?:(?:[A-Za-z][\w-]*\s+){0,2}?(?:\(|out\s+of|of|by|to|x|×|/|&)|[^\w\s]{0,2})\s*$")
RUN_GAP_IN_PARENS = compose(r"^[^()]{0,40}$")


def run_continues(sentence: str, run_start: int, prev_end: int, next_start: int) -> bool:
    """May the untyped figure at `next_start` join the run that opened at `run_start` and whose last figure ends at
    `prev_end` (`RUN_GAP`, `RUN_GAP_IN_PARENS`)?"""
    gap = sentence[prev_end:next_start]
    if RUN_GAP.match(gap):
        return True
    opened = sentence[run_start:prev_end]
    return opened.count("(") > opened.count(")") and bool(RUN_GAP_IN_PARENS.match(gap)) and len(gap.split()) <= 4


# --- a multiplier with no compared side: a headline's or a rhetorical ratio, no claim ---------------------------
# "The 40x price spread", "a 5x cost gap", "paying 12x more for <model> ... is it 12x better?", "a 3x jump", "at 1/50th
# the cost", "roughly 4x the size of <dataset>": a multiple ("Nx", "N times", "N-fold") or a fraction's numerator
# ("1/Nth") that no ratio reader took, with no model named before it in its clause (a subject) and no compared side in
# its clause — a comparison word ("than", "versus", "compared with", "relative to", "against", "over"), or after it a
# model after "of" / "as" / "to" ("the price of <model>", "as big as <model>") — compares nothing a source records
MULTIPLIER_AFTER = compose(r"^(?:\s?(?:x|×)(?![\w.]|\.\d)|\s*(?:times|-?fold)\b|\s?/\s?\d+(?:st|nd|rd|th)?\b)")
COMPARED_SIDE = compose(r"\b(?:than|versus|vs\.?|v\.|compared|relative\s+to|against|over|vis-[àa]-vis)\b")
COMPARED_MODEL_GAP = compose(r"\b(?:of|as|to)\b")
# where the multiplier's clause ends after it: a hard cut, or a comma opening a contrasting clause
MULTIPLIER_CLAUSE_END = compose(r"[;:]\s|\s[—–]\s|,\s+(?:but|while|whereas|yet|although|though|and)\b|\?|!")


def ownerless_multiplier(sentence: str, start: int, end: int, names: list[tuple[int, int]]) -> bool:
    """Is the figure at [start, end) a multiplier with no owner (`MULTIPLIER_AFTER`; see above)? `names`: where the
    sentence's models and series are; a name before the figure in its clause owns it, one after it only as the compared
    side."""
    if not MULTIPLIER_AFTER.match(sentence[end:]):
        return False
    cut = None
    for cut in MULTIPLIER_CLAUSE_END.finditer(sentence, 0, start):
        pass
    lo = cut.end() if cut else 0
    stop = MULTIPLIER_CLAUSE_END.search(sentence, end)
    hi = stop.start() if stop else len(sentence)
    if any(lo <= a and b <= start for a, b in names):
        return False
    if COMPARED_SIDE.search(sentence, lo, hi):
        return False  # "a premium on output compared to input, by a factor of 3x to 5x": the sides are named
    return not any(end <= a < hi and COMPARED_MODEL_GAP.search(sentence, end, a) for a, _ in names)


# the size of a document ("12 pages", "a N-page book", "40 slides"): no claim about a model
DOCUMENT_SIZE_AFTER = compose(r"^[\s-]*(?:pages?|slides?|chapters?|paragraphs?)\b")

# the sentence or heading a list of releases completes ("Release dates:", "## Releases", "Model dates"): its lines
# "<model or size>: <date>" are releases (`releases.release_list_lines`), never a size label's figures (`carry.size_label`)
RELEASE_LIST_LEAD_RE = re.compile(r"\b(?:releas(?:e|es|ed)|launch(?:es|ed)?|model\s+dates?)\b", re.I)
