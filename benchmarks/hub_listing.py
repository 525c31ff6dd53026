"""A generated Hub listing in the shape of `GET /api/models?expand=...`, for benchmarks and tests.

Synthetic on purpose: there is no offline copy of the Hub, so scale and exactness are tested on a
listing whose every count is known. It aims to look like the Hub where it matters for the lineage
code: a few thousand base models with power-law popularity, chains of derivatives (a fine-tune of
a fine-tune, a quantization of a merge), all four relations (finetune, adapter, merge, quantized),
merges with several bases, the plain `base_model:<id>` tag beside `base_model:<relation>:<id>` as
the Hub writes them, and some bare `base_model:<id>` tags with no relation. With `messy=True` it
adds the awkward cases: bases that are not in the listing, derivatives created before their base,
duplicate tags, a base named in a different letter case and missing createdAt.

Nothing here is a fact about the real Hub: ids, dates and counts are random, from a fixed seed.
"""

from __future__ import annotations

import gzip
import json
import zlib
from collections.abc import Iterable, Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path

import numpy as np

PIPELINES = ("text-generation", "text-classification", "image-text-to-text", "automatic-speech-recognition",
             "text-to-image", "feature-extraction", "token-classification", "image-classification", None)
LIBRARIES = ("transformers", "peft", "gguf", "diffusers", "sentence-transformers", "mlx", "timm", None)
LICENSES = ("apache-2.0", "mit", "llama3.1", "other", "cc-by-nc-4.0", "gemma", None)
RELATIONS = ("finetune", "adapter", "merge", "quantized")
START = datetime(2022, 1, 1, tzinfo=timezone.utc)
END = datetime(2026, 10, 31, tzinfo=timezone.utc)


def iso(moment: datetime) -> str:
    """The Hub's timestamp format: `2024-05-01T12:34:56.000Z`."""
    return moment.strftime("%Y-%m-%dT%H:%M:%S.000Z")


def generate(n: int, seed: int = 7, messy: bool = False) -> Iterator[dict]:
    """Yield `n` model objects (dicts in the API's shape), bases first, then in creation order-ish."""
    rng = np.random.default_rng(seed)
    n_bases = max(20, min(5000, n // 400))
    span = (END - START).total_seconds()
    base_times = np.sort(rng.uniform(0, span * 0.95, n_bases))
    base_ids = [f"org{i % 997}/Base-{i}" for i in range(n_bases)]
    # power-law popularity: a few bases attract most derivatives
    weights = 1.0 / np.arange(1, n_bases + 1) ** 1.15
    popularity = rng.permutation(n_bases)  # popularity rank independent of creation order
    weights = weights[popularity]
    weights /= weights.sum()

    created: list[float] = []
    ids: list[str] = []
    for i in range(n_bases):
        ids.append(base_ids[i])
        created.append(float(base_times[i]))
        yield model_object(rng, base_ids[i], base_times[i], [], None, messy and i % 97 == 5)

    rest = n - n_bases
    kinds = rng.random(rest)  # < 0.4: no base; else a derivative
    chosen_bases = rng.choice(n_bases, size=rest, p=weights)
    relation_draw = rng.choice(5, size=rest, p=[0.44, 0.16, 0.06, 0.29, 0.05])  # 4 = bare tag only
    delays = rng.exponential(60 * 86400, size=rest)
    chain_draw = rng.random(rest)
    for j in range(rest):
        idx = n_bases + j
        model_id = f"user{int(rng.integers(0, max(10, n // 30)))}/m-{idx}"
        if kinds[j] < 0.4:
            when = float(rng.uniform(0, span))
            ids.append(model_id)
            created.append(when)
            yield model_object(rng, model_id, when, [], None, False)
            continue
        # parent: usually a base; sometimes an earlier derivative, which makes chains
        if chain_draw[j] < 0.25 and idx > n_bases + 10:
            parent = int(rng.integers(n_bases, idx))
        else:
            parent = int(chosen_bases[j])
        rel_i = int(relation_draw[j])
        parents = [parent]
        if rel_i == 2:  # merges name two or three parents
            extra = rng.choice(n_bases, size=int(rng.integers(1, 3)), p=weights)
            parents += [int(e) for e in extra if int(e) != parent]
        when = min(max(created[p] for p in parents) + float(delays[j]), span)
        if messy and j % 211 == 3:
            when = created[parent] - 86400 * 3  # created before its base (a re-created base repo)
        relation = None if rel_i == 4 else RELATIONS[rel_i]
        names = [ids[p] for p in parents]
        if messy and j % 389 == 7:
            names.append(f"ghost-org/Missing-{j % 13}")  # a base that is not in the listing
        if messy and j % 401 == 9:
            names[0] = names[0].lower()  # a base written in another letter case
        ids.append(model_id)
        created.append(when)
        obj = model_object(rng, model_id, when, names, relation, messy and j % 503 == 11)
        if messy and j % 307 == 5:  # two relations declared for one base
            obj["tags"].append(f"base_model:{'quantized' if relation != 'quantized' else 'adapter'}:{names[0]}")
        yield obj


def model_object(rng: np.random.Generator, model_id: str, when: float, bases: list[str], relation: str | None,
                 odd: bool) -> dict:
    """One API object: `_id`, `id`, and the expanded properties."""
    moment = START + timedelta(seconds=float(when))
    pipeline = PIPELINES[int(rng.integers(0, len(PIPELINES)))]
    library = LIBRARIES[int(rng.integers(0, len(LIBRARIES)))]
    licence = LICENSES[int(rng.integers(0, len(LICENSES)))]
    tags = [t for t in (library, pipeline) if t]
    for base in bases:
        tags.append(f"base_model:{base}")
        if relation:
            tags.append(f"base_model:{relation}:{base}")
    if licence:
        tags.append(f"license:{licence}")
    tags.append("region:us")
    if odd and bases:
        tags.append(tags[-2])  # a duplicated tag
    obj = {
        "_id": f"{zlib.crc32(model_id.encode()):024x}",
        "id": model_id,
        "author": model_id.split("/", 1)[0],
        "createdAt": iso(moment),
        "lastModified": iso(moment + timedelta(days=float(rng.exponential(20)))),
        "tags": tags,
        "downloads": int(rng.zipf(1.6)) - 1,
        "likes": int(rng.zipf(2.2)) - 1,
        "pipeline_tag": pipeline,
        "library_name": library,
    }
    if odd and not bases:
        del obj["createdAt"]  # some old repos come without a creation date
    return obj


def write_listing(path: Path, n: int, seed: int = 7, messy: bool = False) -> Path:
    """Write `n` objects as newline-delimited JSON (gzip if the name ends in .gz)."""
    return write_objects(path, generate(n, seed, messy))


def write_objects(path: Path, objects: Iterable[dict]) -> Path:
    """Write objects as newline-delimited JSON (gzip if the name ends in .gz), in batches."""
    path.parent.mkdir(parents=True, exist_ok=True)
    opener = gzip.open if path.suffix == ".gz" else open
    dumps = json.JSONEncoder(separators=(",", ":")).encode
    partial = path.with_name(path.name + ".partial")  # never leave a truncated listing under the real name
    with opener(partial, "wt", encoding="utf-8", **({"compresslevel": 1} if path.suffix == ".gz" else {})) as fh:
        batch: list[str] = []
        for obj in objects:
            batch.append(dumps(obj))
            if len(batch) >= 10000:
                fh.write("\n".join(batch) + "\n")
                batch.clear()
        if batch:
            fh.write("\n".join(batch) + "\n")
    partial.replace(path)
    return path
