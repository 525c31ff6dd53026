"""One canonical key per provider (a company that serves models), and first-party detection.

Catalogues spell one provider several ways: `fireworks-ai`, `fireworks_ai` and `fireworks`;
`together`, `together_ai` and `togetherai`; `x-ai` and `xai`. The key is derived by rule, not
from a list: lower-case letters and digits only, then a trailing company suffix `ai` dropped when at
least `MIN_NAME_LETTERS` letters remain. A shorter remainder (`x`, `fal`, `hpc`, `open`, `near`) is
too short to be a name by itself, so there the `ai` is part of the name: `openai` is never `open`.
"""

from __future__ import annotations

import re

COMPANY_SUFFIX = "ai"
MIN_NAME_LETTERS = 5
_NOT_ALNUM = re.compile(r"[^a-z0-9]")
_WORD_SPLIT = re.compile(r"[\s\-_./]+")


def provider_key(provider: str) -> str:
    """`"Together AI"`, `"together_ai"`, `"togetherai"`, `"together"` -> `"together"`."""
    key = _NOT_ALNUM.sub("", provider.lower())
    if key.endswith(COMPANY_SUFFIX) and len(key) - len(COMPANY_SUFFIX) >= MIN_NAME_LETTERS:
        return key[:-len(COMPANY_SUFFIX)]
    return key


def same_provider(a: str, b: str) -> bool:
    """Two spellings name one provider."""
    return provider_key(a) == provider_key(b)


def lab_keys(text: str | None) -> set[str]:
    """Keys a lab (organisation) name can match a provider by: the whole name and each word of 3+ letters."""
    if not text:
        return set()
    keys = {provider_key(text)}
    keys |= {provider_key(w) for w in _WORD_SPLIT.split(text) if len(provider_key(w)) >= 3}
    return keys - {""}


def first_party_match(pkey: str, lab: set[str]) -> str | None:
    """`"exact"` when the provider key is the lab (`openai`), `"platform"` when it starts with it
    (`amazonbedrock` for Amazon, `googlevertex` for Google), else None."""
    if pkey in lab:
        return "exact"
    if any(len(k) >= 3 and pkey.startswith(k) for k in lab):
        return "platform"
    return None
