"""A generated Hub listing whose objects carry the API's other fields, as real listings with a wide
`expand=` do: `siblings` (the repo's files), `cardData` (the model card's YAML header), `config`,
`gguf`, `safetensors`, `transformersInfo`, `spaces`, `sha`, `gated`, and long tag lists
(languages, datasets, arXiv ids, regions, endpoint flags).

The lineage is `hub_listing.generate`'s (same ids, dates and `base_model:` tags for a seed), so
every count is known and `hub_scale.py --generator rich` checks openpace against the baseline
exactly as on the plain listing; only the objects are larger (about 5x the bytes), which is what
the ingest has to read past. Nothing here is a fact about the real Hub: values are random.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import numpy as np
from hub_listing import generate, write_objects

LANGUAGES = ("en", "fr", "de", "es", "zh", "ja", "ko", "ru", "ar", "hi", "pt", "it", "nl", "pl", "tr", "vi")
DATASETS = ("HuggingFaceFW/fineweb", "allenai/c4", "wikipedia", "openai/gsm8k", "tatsu-lab/alpaca",
            "HuggingFaceH4/ultrachat_200k", "Open-Orca/OpenOrca", "mozilla-foundation/common_voice_11_0")
FILES = ("config.json", "generation_config.json", "tokenizer.json", "tokenizer_config.json",
         "special_tokens_map.json", "README.md", ".gitattributes", "model.safetensors.index.json")
DTYPES = ("BF16", "F16", "F32", "I8")
CHAT_TEMPLATE = ("{% for message in messages %}{{'<|im_start|>' + message['role'] + '\\n' + message['content']"
                 " + '<|im_end|>' + '\\n'}}{% endfor %}{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}"
                 "{% endif %}")


def enrich(obj: dict, rng: np.random.Generator) -> dict:
    """Add the fields a wide `expand=` returns; `id`, dates and tags keep their lineage meaning."""
    languages = list(rng.choice(LANGUAGES, size=int(rng.integers(1, 9)), replace=False))
    datasets = list(rng.choice(DATASETS, size=int(rng.integers(0, 4)), replace=False))
    bases = [t[len("base_model:"):] for t in obj["tags"] if t.startswith("base_model:") and t.count(":") == 1]
    shards = int(rng.integers(1, 8))
    obj["tags"] = obj["tags"] + languages + [f"dataset:{d}" for d in datasets] + \
        [f"arxiv:{int(rng.integers(1700, 2500))}.{int(rng.integers(10000, 99999))}" for _ in range(int(rng.integers(0, 4)))] + \
        ["safetensors", "text-generation-inference", "endpoints_compatible", "autotrain_compatible", "conversational",
         "model-index", "deploy:azure"][:int(rng.integers(2, 8))]
    obj["private"] = False
    obj["gated"] = bool(rng.random() < 0.05) and "auto"
    obj["disabled"] = False
    obj["sha"] = f"{int(rng.integers(0, 2**63)):016x}{int(rng.integers(0, 2**63)):016x}{int(rng.integers(0, 2**31)):08x}"
    obj["siblings"] = [{"rfilename": f} for f in FILES[:int(rng.integers(2, len(FILES) + 1))]] + \
        [{"rfilename": f"model-{i + 1:05d}-of-{shards:05d}.safetensors"} for i in range(shards)]
    obj["cardData"] = {"license": next((t[8:] for t in obj["tags"] if t.startswith("license:")), None),
                       "language": languages, "datasets": datasets, "base_model": bases or None,
                       "pipeline_tag": obj.get("pipeline_tag"), "library_name": obj.get("library_name"),
                       "tags": ["generated_from_trainer", "trl", "sft"][:int(rng.integers(0, 4))],
                       "widget": [{"text": "My name is Julien and I like to"}]}
    obj["config"] = {"architectures": ["LlamaForCausalLM"], "model_type": "llama",
                     "tokenizer_config": {"bos_token": "<s>", "eos_token": "</s>", "chat_template": CHAT_TEMPLATE}}
    obj["transformersInfo"] = {"auto_model": "AutoModelForCausalLM", "pipeline_tag": obj.get("pipeline_tag"),
                               "processor": "AutoTokenizer"}
    params = int(rng.integers(10**8, 7 * 10**10))
    obj["safetensors"] = {"parameters": {str(rng.choice(DTYPES)): params}, "total": params}
    if obj.get("library_name") == "gguf":
        obj["gguf"] = {"total": params, "architecture": "llama", "context_length": int(rng.choice([4096, 8192, 32768])),
                       "chat_template": CHAT_TEMPLATE, "bos_token": "<s>", "eos_token": "</s>"}
    obj["spaces"] = [f"user{int(rng.integers(0, 999))}/space-{i}" for i in range(int(rng.integers(0, 4)))]
    return obj


def generate_rich(n: int, seed: int = 7) -> Iterator[dict]:
    rng = np.random.default_rng(seed + 1)
    for obj in generate(n, seed):
        yield enrich(obj, rng)


def write_rich_listing(path: Path, n: int, seed: int = 7) -> Path:
    """Write `n` enriched objects as newline-delimited JSON (gzip if the name ends in .gz)."""
    return write_objects(path, generate_rich(n, seed))
