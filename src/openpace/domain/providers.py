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


def first_party_match(pkey: str, lab: set[str], names: tuple[str, ...] | list[str] = ()) -> str | None:
    """`"exact"` when the provider key is the lab (`openai`), `"platform"` when it starts with it
    (`amazonbedrock` for Amazon, `googlevertex` for Google), else None. `names`: the provider's own entries of
    the model; one whose model part opens with the provider's name is the maker's own API even when no source
    names the lab (`own_name_maker`)."""
    if pkey in lab or own_name_maker(pkey, names):
        return "exact"
    if any(len(k) >= 3 and pkey.startswith(k) for k in lab):
        return "platform"
    return None


_FIRST_WORD = re.compile(r"[^a-z0-9]+")


def own_name_maker(pkey: str, names: tuple[str, ...] | list[str]) -> bool:
    """Is the provider the maker its model's own name names? A catalogue entry `<maker>/<maker>-<model>`
    (LiteLLM's `<maker>/<maker>-<model>` under `litellm_provider` <maker>, genai-prices' `<maker>ai/<maker>-...`): the
    model part (after the last `/`) opens with the provider's key as a whole word, and the entry is that
    provider's (its prefix, when it has one, is the provider). A host routing to the maker's id
    (`<host>/<maker>/<model>`) or whose name merely starts like the model's (`<maker>host`) is no match."""
    if not pkey:
        return False
    for name in names:
        parts = name.lower().split("/")
        if len(parts) > 2 or (len(parts) == 2 and provider_key(parts[0]) != pkey):
            continue
        first = _FIRST_WORD.split(parts[-1].strip(), maxsplit=1)[0]
        if first and provider_key(first) == pkey:
            return True
    return False


# --- who states a model's limit: the model's own record, its maker, or a host serving it ----------------------
# Sources whose rows are about the model itself (a lab's paper, a model card), served by no one.
MODEL_LEVEL_SOURCES = ("epoch_trends", "epoch_benchmarks")
# A limit a third-party host serves (a context window) is that host's cap, often below the model's own: it decides
# a claim about the model only as the largest window served, by at least this many hosts apart, and only to support.
HOST_CORROBORATION = 2


def serving_role(source: str, hosts: tuple[str, ...] | list[str], lab: set[str],
                 names: tuple[str, ...] | list[str] = ()) -> str:
    """Who a row of a model's limit comes from: `"model"` (a model-level source), `"first party"` (the maker's own
    API or platform by `first_party_match`, and a catalogue's record of the model under its lab: models.dev's
    `lab/model`; with the row's catalogue `names`, also a host its model's own name opens with,
    `<maker>/<maker>-<model>`, when no source names the lab), else `"host"` (a third-party host's serving cap; a
    catalogue row naming no host too)."""
    if not hosts:
        return "model" if source in MODEL_LEVEL_SOURCES else "host"
    if any(first_party_match(provider_key(h), lab, names) for h in hosts):
        return "first party"
    return "host"
