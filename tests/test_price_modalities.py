"""Price catalogues keep only text generators: the modality / mode fields each source declares
decide, so a transcriber's per-second price never passes as the cheapest LLM."""

from __future__ import annotations

from datetime import date

import pytest

from openpace.sources import litellm, models_dev, openrouter
from openpace.sources.base import Price
from openpace.sources.price_common import is_text_generation

PROV = dict(origin="test:constructed", observed=date(2026, 1, 1), license="test")


@pytest.mark.parametrize(("inputs", "outputs", "expected"), [
    (["text"], ["text"], True),
    (["text", "image"], ["text"], True),
    (["audio"], ["text"], False),  # speech-to-text
    (["text"], ["audio"], False),  # speech generation
    (["text"], ["image"], False),
    (None, None, True),  # nothing declared: not excluded
    ([], [], True),
])
def test_is_text_generation(inputs, outputs, expected: bool) -> None:
    assert is_text_generation(inputs, outputs) is expected


def _models_dev_entry(modalities: dict, **extra) -> dict:
    return {"name": "x", "open_weights": True, "modalities": modalities,
            "cost": {"input": 0.00045, "output": 0.00045}, **extra}


def test_models_dev_drops_transcribers_and_embeddings() -> None:
    data = {"host": {"models": {
        "whisper": _models_dev_entry({"input": ["audio"], "output": ["text"]}, family="whisper"),
        "embedder-8b": _models_dev_entry({"input": ["text"], "output": ["text"]}, family="text-embedding"),
        "chatty-8b": _models_dev_entry({"input": ["text", "image"], "output": ["text"]}, family="chatty"),
    }}}
    prices = [r for r in models_dev.parse_api(data, "test", **PROV, facts=False) if isinstance(r, Price)]
    assert [p.model_name for p in prices] == ["chatty-8b"]


def test_litellm_drops_chat_mode_speech_generators() -> None:
    entry = {"litellm_provider": "p", "input_cost_per_token": 1e-6, "output_cost_per_token": 2e-6}
    data = {
        "tts-model": {**entry, "mode": "chat", "supported_modalities": ["text"], "supported_output_modalities": ["audio"]},
        "whisper-1": {**entry, "mode": "audio_transcription"},
        "chat-model": {**entry, "mode": "chat", "supported_modalities": ["text"], "supported_output_modalities": []},
    }
    assert [p.model_name for p in litellm.parse_prices(data, "test", **PROV)] == ["chat-model"]


def test_openrouter_drops_non_text_architectures() -> None:
    def record(model_id: str, inputs: list[str], outputs: list[str]) -> dict:
        return {"id": model_id, "created": 1_700_000_000, "pricing": {"prompt": "0.000001", "completion": "0.000002"},
                "architecture": {"input_modalities": inputs, "output_modalities": outputs}}

    data = {"data": [record("lab/painter", ["text"], ["image"]), record("lab/talker", ["text", "image"], ["text"])]}
    prices = [r for r in openrouter.parse_models(data, "test", **PROV) if isinstance(r, Price)]
    assert [p.model_name for p in prices] == ["lab/talker"]


def test_mirror_whisper_has_no_token_price(mirror_db) -> None:
    # models.dev/api-2026-07-02.json: cloudflare-workers-ai `whisper` (modalities input ["audio"],
    # output ["text"]) costs input/output 0.00045; groq `llama-3.3-70b-versatile` is a text model
    whisper = mirror_db.execute("SELECT count(*) FROM prices WHERE lower(model_name) LIKE '%whisper%'").fetchone()[0]
    assert whisper == 0
    assert mirror_db.execute("SELECT count(*) FROM prices WHERE source = 'models_dev' AND provider = 'groq' "
                             "AND model_name = 'llama-3.3-70b-versatile'").fetchone()[0] > 0
