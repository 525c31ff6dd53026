"""Helpers shared by the price-catalogue sources: models_dev, openrouter, genai_prices, litellm.

Dates in mirror file names, live-URL overrides, JSON loading with the file named on error,
strict number checks, and the per-token -> per-million-tokens conversion.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

from ..errors import SourceError
from ..http import fetch as http_fetch
from .base import Record, mirror_files, mirror_origin, parse_json, read_text

_DATE_IN_NAME = re.compile(r"(\d{4}-\d{2}-\d{2})")


def date_in_name(name: str) -> date | None:
    """The first `YYYY-MM-DD` in a file name (`api-2026-07-01.json` -> 2026-07-01), else None."""
    match = _DATE_IN_NAME.search(name)
    if not match:
        return None
    try:
        return date.fromisoformat(match.group(1))
    except ValueError:
        return None


def dated_file(path: Path, source: str) -> date:
    """The observation date a mirror file's name carries; a name without one is a clear error."""
    observed = date_in_name(path.name)
    if observed is None:
        raise SourceError(source, str(path), "no YYYY-MM-DD date in the file name; cannot date the snapshot")
    return observed


def live_url(source: str, default: str) -> str:
    """The live URL for a source: `$OPENPACE_<SOURCE>_URL` when set (tests, proxies), else the default."""
    return os.environ.get(f"OPENPACE_{source.upper()}_URL") or default


def load_json(path: Path, source: str) -> Any:
    """Read and parse one mirror JSON file; malformed or truncated JSON names the file and line."""
    return parse_json(read_text(path, source), str(path), source)


def fetch_json(url: str, source: str) -> Any:
    """Fetch and parse one live JSON document through openpace.http (retries, timeouts)."""
    return fetch_document(url, source)[0]


def fetch_document(url: str, source: str) -> tuple[Any, str]:
    """`(parsed JSON, final URL)`: after a redirect, the final URL is the origin to store."""
    fetched = http_fetch(url, source=source)
    body = fetched.content
    try:
        text = body.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise SourceError(source, url, f"not UTF-8 at byte {exc.start}") from None
    return parse_json(text, url, source), fetched.url


# parse(document, where, origin, observed, licence) -> records: one parser for both paths
JsonParser = Callable[[Any, str, str, "date | None", str], Iterable[Record]]


def read_mirror_json(root: Path, glob: str, source: str, parse: JsonParser, license: str,
                     dated: bool = True) -> Iterator[Record]:
    """Each mirror file through `parse`, observed on the date in its name (`dated=False`: undated)."""
    for path in mirror_files(root, glob, source):
        origin, file_license = mirror_origin(root, path)
        observed = dated_file(path, source) if dated else None
        yield from parse(load_json(path, source), str(path), origin, observed, file_license or license)


def read_live_json(source: str, default_url: str, parse: JsonParser, license: str) -> Iterator[Record]:
    """Today's document from the live URL (overridable, see `live_url`) through the same `parse`."""
    url = live_url(source, default_url)
    document, origin = fetch_document(url, source)
    yield from parse(document, url, origin, date.today(), license)


def number(value: Any, where: str, source: str) -> float | None:
    """A JSON number as float; None stays None; a string, bool or object is a wrong shape."""
    if value is None:
        return None
    # bool is an int in Python, but `true` is never a price
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise SourceError(source, where, f"not a number: {value!r}")
    return float(value)


def non_negative(value: float | None) -> float | None:
    """Negative prices are sentinels (OpenRouter's -1 = variable pricing), never a real price."""
    return None if value is None or value < 0 else value


def is_generation_price(input_usd: float | None, output_usd: float | None) -> bool:
    """Whether an (input, output) pair is a per-token price for generating text.

    No price at all is not. Neither is an output price of exactly 0: across these catalogues that
    marks free tiers (`:free`), subscription/coding plans, self-hosted runners (lmstudio) and
    models that generate nothing (embeddings, rerankers, routers). Keeping them would make a $0
    host the "cheapest" for many open models. Input 0 with a paid output is kept (Perplexity's
    old online models were billed on output only).
    """
    if input_usd is None and output_usd is None:
        return False
    return output_usd != 0


def is_text_generation(inputs: Any, outputs: Any) -> bool:
    """Whether a model's declared modalities make it a text generator: text among its inputs and
    among its outputs. Speech-to-text (Whisper, `*-transcribe`: input audio only), image, video and
    speech generators are priced per second, image or character, so their per-token numbers are not
    comparable with an LLM's. A source that declares nothing (None, an empty list) is not excluded."""
    for declared in (inputs, outputs):
        if isinstance(declared, list) and declared and "text" not in declared:
            return False
    return True


def per_token_to_mtok(value: float | None) -> float | None:
    """USD per token -> USD per million tokens, rounded to 6 decimals to drop float noise."""
    return None if value is None else round(value * 1_000_000, 6)


def expect_dict(value: Any, where: str, source: str) -> dict[str, Any]:
    """`value` when it is a JSON object; otherwise a SourceError naming the key path."""
    if not isinstance(value, dict):
        raise SourceError(source, where, f"expected an object, got {type(value).__name__}")
    return value


def expect_list(value: Any, where: str, source: str) -> list[Any]:
    """`value` when it is a JSON array; otherwise a SourceError naming the key path."""
    if not isinstance(value, list):
        raise SourceError(source, where, f"expected an array, got {type(value).__name__}")
    return value


def optional_bool(value: Any, where: str, source: str) -> bool | None:
    """A JSON boolean, or None when absent; anything else is a wrong shape."""
    if value is None or isinstance(value, bool):
        return value
    raise SourceError(source, where, f"expected true/false, got {value!r}")
