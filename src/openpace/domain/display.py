"""How a model's name reads on the page: an API id (`gpt-5-2025-08-07`, `Llama-2-70b-hf`,
`o3-mini-2025-01-31`) written as a name (`GPT 5 (2025-08-07)`, `Llama 2 70B`, `o3 mini (2025-01-31)`).

Presentation only: the identity keeps every spelling and picks the display name among them
(`identity.build`); where all it has is an id, the page writes that id's parts as words with the
naming rules of `model_names.parse_name` (family words, sizes, variant, snapshot, setting). A name
that already reads as one (it has a space, or no rule recognises an id in it) is left as it is.
"""

from __future__ import annotations

import re

from .model_names import parse_name

# How the developers spell their own family words (lower-case ids lose it); anything else is capitalised
FAMILY_WORDS = {"gpt": "GPT", "glm": "GLM", "deepseek": "DeepSeek", "qwq": "QwQ", "minimax": "MiniMax",
                "oss": "OSS", "opt": "OPT", "bloom": "BLOOM", "t5": "T5", "hf": "HF"}
O_SERIES = re.compile(r"^o\d+$")  # OpenAI's o1, o3, o4: lower case by their makers
LETTER_VERSION = re.compile(r"^[a-z]\d+(?:\.\d+)?$")  # k2, r1, v3: a letter and a version, upper case
ID_SIGNS = (
    re.compile(r"_"),  # `gpt-5.1_high`, `release_date`
    re.compile(r"(?:^|[-_])(?:19|20)\d\d-?\d\d-?\d\d(?:$|[-_])"),  # a date stamp
    re.compile(r"-hf$", re.IGNORECASE),  # a Hub conversion suffix
    re.compile(r"^[A-Z][a-z]+-\d"),  # a hyphen between a capitalised name and its version (`Claude-2.0`)
)
# Families whose lower-case hyphenated ids (`kimi-k2-thinking`, `deepseek-v3`) are ids, not names
# (`text-davinci-003` is how OpenAI names that model, so a lower-case id alone is not enough)
ID_FAMILIES = re.compile(r"^(?:[a-z-]+/)?(?:gpt|claude|llama|gemini|gemma|kimi|qwen|qwq|deepseek|mistral|mixtral|"
                         r"grok|phi|glm|minimax|command|o\d)(?:[-_.\d]|$)")


def looks_like_id(name: str) -> bool:
    """A name written as an API or repository id, not as words: no space, and an id's marks."""
    text = name.strip()
    return " " not in text and (ID_FAMILIES.match(text) is not None or any(sign.search(text) for sign in ID_SIGNS))


def _word(token: str, first: bool, o_series: bool) -> str:
    if token in FAMILY_WORDS:
        return FAMILY_WORDS[token]
    if O_SERIES.match(token) or o_series:  # `o3-mini` as OpenAI writes it: o3 mini
        return token
    if LETTER_VERSION.match(token):
        return token.upper()
    if token[:1].isalpha():
        return token[:1].upper() + token[1:] if first or len(token) > 3 or token.isalpha() else token
    return token


def readable_model_name(name: str) -> str:
    """`gpt-5-2025-08-07` -> `GPT 5 (2025-08-07)`; `o3-mini-2025-01-31_medium` -> `o3 mini (2025-01-31,
    medium)`; `Llama-2-70b-hf` -> `Llama 2 70B`; a name that reads as words is returned unchanged."""
    text = name.strip()
    if not looks_like_id(text):
        return name
    parsed = parse_name(text)
    if not parsed.tokens:
        return name
    o_series = O_SERIES.match(parsed.tokens[0]) is not None
    words = [_word(t, i == 0, o_series) for i, t in enumerate(parsed.tokens)]
    words += [s[:-1] + s[-1:].upper() for s in parsed.sizes]  # 70b -> 70B, 8x22b -> 8x22B
    if parsed.variant:
        words.append(parsed.variant.capitalize())
    extra = [p for p in (parsed.snapshot, parsed.setting) if p]
    return " ".join(words) + (f" ({', '.join(extra)})" if extra else "")


# A snapshot date written without separators inside a name's brackets: `Claude 3.5 Sonnet (20241022)`
COMPACT_DATE = re.compile(r"\(((?:19|20)\d\d)(0[1-9]|1[0-2])([0-3]\d)\)")


def readable_with_setting(name: str) -> str:
    """A display name that may end in a setting the identity appended (`gpt-5-2025-08-07 (high)`): the
    id before it made readable, the setting kept (`GPT 5 (2025-08-07, high)`); a bracketed compact
    snapshot date written as a date (`Claude 3.5 Sonnet (20241022)` -> `Claude 3.5 Sonnet (2024-10-22)`)."""
    match = re.fullmatch(r"(\S+) \(([^()]+)\)", name.strip())
    if match and looks_like_id(match.group(1)):
        base = readable_model_name(match.group(1))
        if base.endswith(")"):
            return f"{base[:-1]}, {match.group(2)})"
        return f"{base} ({match.group(2)})"
    return COMPACT_DATE.sub(r"(\1-\2-\3)", readable_model_name(name))
