"""Host deployments: a host's own name for an open model's weights served its way.

Hosts add a word to the name they list an open model under: the way they serve it (`TEE`, a
trusted execution environment; Ollama's `-cloud`; Poe's Cerebras `-CS`) or their own name
(`Chutes`, `databricks-`, Azure's Fireworks `FW-`). Such a listing is the same weights, so it
takes the open model's openness when its own evidence is nothing or only a catalogue flag
(identity.sources.WEAK_CLOSED: models.dev lists `GPT-OSS-120B-CS` closed), and it cannot be released
before that model's family (docs/identity.md, "Host deployments"). The words are data: a word
that also names a different model (`fast` in `grok-4-fast`, `ultra` in `gemini-ultra`) is not one.
"""

from __future__ import annotations

from ..domain.model_names import ParsedName

# Words a host puts in an open model's name for its own deployment (mirror: models.dev's nano-gpt
# `GPT-OSS 20B TEE`, poe `GPT-OSS-120B-CS`, ollama `gpt-oss:120b-cloud`; Epoch's `gpt-oss-120b (Chutes)`;
# LiteLLM's `databricks-gpt-oss-120b`, `azure_ai/FW-GPT-OSS-120B`)
HOST_WORDS = frozenset({"tee", "cs", "cloud", "chutes", "databricks", "fw"})


def deployment_base(parsed: ParsedName) -> str | None:
    """The key of the model a host deployment serves (`gpt-oss-cs-120b` -> `gpt-oss-120b`), or None
    when the name has no host word (or nothing else)."""
    kept = [t for t in parsed.tokens if t not in HOST_WORDS]
    if len(kept) == len(parsed.tokens) or not kept:
        return None
    return "-".join(p for p in ("-".join(kept + parsed.sizes), parsed.variant, parsed.snapshot) if p)
