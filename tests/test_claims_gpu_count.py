"""A chip count without the word "train", bound to its model by grammar, checked against the hardware
quantity; a sentence about running or serving a model makes no training claim. End to end on the whole
mirror's warehouse; the sentences are written for this test. Expected verdicts rest on
epoch/open-model-trends/all_ml_systems_2024-09-25.csv (Hardware quantity: Falcon-180B 4096,
Falcon-40B 384, both NVIDIA A100)."""

from __future__ import annotations

from pathlib import Path

import pytest

from openpace.claims import check_text
from openpace.warehouse import connect


@pytest.fixture(scope="module")
def con(full_mirror_db_file: Path):
    c = connect(full_mirror_db_file, read_only=True)
    yield c
    c.close()


def hardware(con, text: str) -> list[dict]:
    return [c for c in check_text(con, text)["claims"] if c["kind"] == "training_hardware"]


@pytest.mark.parametrize("text, model, verdict", [
    ("Falcon 180B used 4,096 A100 GPUs.", "Falcon 180B", "supported"),
    ("Falcon 180B used 2,048 A100 GPUs.", "Falcon 180B", "contradicted"),
    ("The lab put Falcon 180B on a cluster of 4,096 A100 GPUs.", "Falcon 180B", "supported"),
    # the clause's subject, not the nearest name
    ("Falcon 40B, unlike Falcon 180B, used 384 A100 GPUs.", "Falcon 40B", "supported"),
    # an explicit reference carries the previous sentence's model
    ("Falcon 180B came out in the autumn. It used 4,096 A100 GPUs.", "Falcon 180B", "supported"),
])
def test_chip_count_without_train(con, text: str, model: str, verdict: str):
    [claim] = hardware(con, text)
    assert claim["verdict"] == verdict, claim["explanation"]
    assert claim["entities"][0]["text"] == model


@pytest.mark.parametrize("text", [
    "Falcon 180B runs on 8 A100 GPUs for inference.",
    "Falcon 180B can be served on 8 A100s.",
    "Quantized to 4 bits, Falcon 180B fits on 2 A100 GPUs.",
])
def test_serving_hardware_is_not_a_training_claim(con, text: str):
    # the table's 4,096 would contradict any of these counts: no claim may be checked against it
    assert hardware(con, text) == []
    assert all(c["verdict"] != "contradicted" for c in check_text(con, text)["claims"])


def test_trained_still_wins_over_serving_words(con):
    # "trained" makes it a training claim even with a serving word in the sentence
    [claim] = hardware(con, "Falcon 180B, now served by many hosts, was trained on 4,096 A100 GPUs.")
    assert claim["verdict"] == "supported"
