"""Attribute forms real model cards and blogs use: a "GPU hours" column whose cells carry "M"/"K", a
GPU-hours total over a family's sizes, the training hardware type ("hardware of type <chip>", "Hardware
type: <chip>-80GB"), and context windows in list items, parentheses and capacity phrases. End to end on a
warehouse of invented models (no source holds these names or figures; every sentence is written for the
test), so each expected verdict follows from the rows loaded here."""

from __future__ import annotations

import pytest

from identity_helpers import PROV, load
from openpace.claims import check_text
from openpace.sources.base import ModelFact

Z900 = "NVIDIA Z900 SXM 80GB"


def fact(source: str, name: str, **kw) -> ModelFact:
    return ModelFact(name=name, key=kw.pop("key", name), source=source, **PROV, **kw)


ROWS = [
    # a family of three sizes, each with its GPU-hours: the family's total is 38.6M
    fact("epoch_trends", "Kestrel-9-11B", parameters=11e9, chip_hours=2.1e6, hardware=Z900, hardware_quantity=1024),
    fact("epoch_trends", "Kestrel-9-40B", parameters=40e9, chip_hours=6.0e6, hardware=Z900),
    fact("epoch_trends", "Kestrel-9-300B", parameters=300e9, chip_hours=30.5e6, hardware=Z900),
    # a family whose small size has no GPU-hours: its total cannot be checked
    fact("epoch_trends", "Owl-4-7B", parameters=7e9),
    fact("epoch_trends", "Owl-4-70B", parameters=70e9, chip_hours=4.4e6, hardware="NVIDIA Q300"),
    # a family whose 7B size has two GPU-hours figures (the column and the notes): sums from 3.0M to 3.4M
    fact("epoch_trends", "Heron-2-7B", parameters=7e9, chip_hours=1.0e6, chip_hours_stated=1.4e6),
    fact("epoch_trends", "Heron-2-13B", parameters=13e9, chip_hours=2.0e6, hardware="NVIDIA Z90"),
    # a context window held only by catalogues: a canonical record (keyed under its lab, which the models.dev
    # loader makes the organisation: a first-party row) and a price map
    fact("models_dev", "Wren 5", key="wrenlab/wren-5", organization="wrenlab", context_window=32768),
    fact("litellm", "wrenhost/wren-5", context_window=32768),
]


@pytest.fixture
def con(fresh_db):
    load(fresh_db, ROWS)
    return fresh_db


def claims(con, text: str, kind: str) -> list[dict]:
    return [c for c in check_text(con, text)["claims"] if c["kind"] == kind]


def verdicts(con, text: str, kind: str) -> list[tuple[str, str]]:
    return [(c["span"], c["verdict"]) for c in claims(con, text, kind)]


# ---------------------------------------------------------------- GPU hours
def test_a_gpu_hours_column_types_its_cells_with_their_multiplier(con):
    text = ("| Model | Training time (GPU hours) | Power (W) |\n|---|---|---|\n"
            "| Kestrel-9-40B | 6.0M | 700 |\n| Kestrel-9-11B | 2,100K | 700 |\n| Kestrel-9-300B | 12M | 700 |\n")
    assert verdicts(con, text, "training_hardware") == [("6.0M", "supported"), ("2,100K", "supported"),
                                                         ("12M", "contradicted")]
    # the power column is no GPU-hours figure
    assert not [c for c in claims(con, text, "training_hardware") if c["span"] == "700"]


def test_a_header_multiplier_scales_bare_cells(con):
    text = "| Model | GPU hours (M) | Params (B) |\n|---|---|---|\n| Kestrel-9-40B | 6.0 | 40 |\n"
    assert verdicts(con, text, "training_hardware") == [("6.0", "supported")]
    assert verdicts(con, text, "parameters") == [("40", "supported")]


@pytest.mark.parametrize("sentence, verdict", [
    ("Kestrel-9 used a cumulative 38.6M GPU hours of computation.", "supported"),
    ("Kestrel-9 was trained for 38.6M GPU hours in total.", "supported"),
    ("Kestrel-9 used a total of 30.5M GPU hours.", "contradicted"),  # the largest size alone is no total
])
def test_a_family_total_is_the_sum_over_its_sizes(con, sentence: str, verdict: str):
    [claim] = claims(con, sentence, "training_hardware")
    assert claim["verdict"] == verdict, claim["explanation"]
    assert "11B" in claim["explanation"] and "300B" in claim["explanation"]


def test_a_total_over_the_sizes_named_sums_only_those(con):
    [claim] = claims(con, "The 11B and 40B models of Kestrel-9 used a total of 8.1M GPU hours.", "training_hardware")
    assert claim["verdict"] == "supported", claim["explanation"]
    assert "300B" not in claim["explanation"]


def test_a_total_with_a_size_missing_is_unverifiable_and_says_which(con):
    [claim] = claims(con, "Owl-4 used a cumulative 5.0M GPU hours.", "training_hardware")
    assert claim["verdict"] == "unverifiable"
    assert "none for 7B" in claim["explanation"], claim["explanation"]


@pytest.mark.parametrize("sentence, verdict", [
    ("Heron-2 used a total of 3.2M GPU hours.", "unverifiable"),  # 3.0M or 3.4M, by which 7B figure is summed
    ("Heron-2 used a total of about 3.2M GPU hours.", "supported"),  # every sum lies within 10%
    ("Heron-2 used a total of 5M GPU hours.", "contradicted"),  # no sum comes near
])
def test_a_total_decides_only_when_every_sum_agrees(con, sentence: str, verdict: str):
    [claim] = claims(con, sentence, "training_hardware")
    assert claim["verdict"] == verdict, claim["explanation"]
    if verdict == "unverifiable":
        assert "not well defined" in claim["explanation"]


# ---------------------------------------------------------------- hardware type
@pytest.mark.parametrize("text, verdict", [
    ("Kestrel-9-40B was trained on hardware of type Z900.", "supported"),
    ("Kestrel-9-40B ran its training on hardware of type Q300.", "contradicted"),
    ("Kestrel-9-40B uses hardware of type Z900-80GB.", "supported"),
    ("Kestrel-9-40B was trained on Z900 GPUs.", "supported"),
    ("Kestrel-9-40B is a dense model.\n\nHardware Type: Z900-80GB\n", "supported"),
    ("Kestrel-9-40B is a dense model.\n\n- Hardware type: Q300\n", "contradicted"),
    ("Kestrel-9-40B was trained on Z90 GPUs.", "contradicted"),  # a chip whose name begins another's is not it
])
def test_the_training_hardware_type(con, text: str, verdict: str):
    [claim] = claims(con, text, "training_hardware")
    assert claim["verdict"] == verdict, claim["explanation"]
    assert claim["entities"][0]["text"] == "Kestrel-9-40B"
    # the chip's memory is part of its name, never a figure
    assert not [c for c in check_text(con, text)["claims"] if c["span"].startswith("80")]


def test_a_hardware_column_types_its_chip_cells(con):
    text = ("| Model | Hardware | GPUs |\n|---|---|---|\n| Kestrel-9-40B | Z900 | n/a |\n"
            "| Owl-4-70B | Z900 | n/a |\n")
    assert verdicts(con, text, "training_hardware") == [("Z900", "supported"), ("Z900", "contradicted")]


def test_a_family_trained_on_a_chip_is_checked_against_its_sizes(con):
    [claim] = claims(con, "The Kestrel-9 models were trained on Z900 GPUs.", "training_hardware")
    assert claim["verdict"] == "supported", claim["explanation"]
    [claim] = claims(con, "The Heron-2 models were trained on Z900 GPUs.", "training_hardware")
    assert claim["verdict"] == "contradicted", claim["explanation"]  # its only stated chip is another


def test_training_as_the_subject_is_the_training_of_the_model_discussed(con):
    text = "# Kestrel-9\n\nKestrel-9 is a family of models.\n\nTraining utilized a cumulative 38.6M GPU hours " \
           "on Z900-80GB type hardware.\n"
    got = claims(con, text, "training_hardware")
    assert [(c["entities"][0]["text"], c["verdict"]) for c in got] == [("Kestrel-9", "supported")] * 2, \
        [c["explanation"] for c in got]
    # a gerund with its own object is about training in general, not this model
    assert claims(con, text + "\nTraining large models requires 1,024 Z900 GPUs.\n", "training_hardware")[2][
        "entities"][0]["type"] == "gpu"


def test_a_chip_named_for_serving_is_no_hardware_type(con):
    assert claims(con, "Kestrel-9-40B runs on hardware of type Z900 for inference.", "training_hardware") == []


# ---------------------------------------------------------------- context windows
@pytest.mark.parametrize("text", [
    "# Wren 5\n\nWren 5 is a small model.\n\n- 32k context window\n- Released as open weights\n",
    "# Wren 5\n\nWren 5 is a small model. Highlights:\n\n- 32k context window\n",
    "Wren 5 (32K tokens) is small.",
    "Wren 5 (32K context) is small.",
    "Wren 5 supports up to 32K tokens.",
    "Wren 5 has a context length of 32K.",
    "Wren 5 uses RoPE with 32K context.",
    "| Model | Size | Context |\n|---|---|---|\n| Wren 5 | 9B | 32K |\n",
])
def test_a_context_window_in_the_forms_writers_use(con, text: str):
    [claim] = claims(con, text, "context_window")
    assert claim["verdict"] == "supported", claim["explanation"]
    assert claim["entities"][0]["text"].startswith("Wren 5")
    assert {row["source"] for row in claim["evidence"]} == {"models_dev", "litellm"}


@pytest.mark.parametrize("text", [
    "Wren 5 processes 5K tokens per second.",  # a rate, not a window
    "The prompt for Wren 5 was 2,000 tokens long.",  # no capacity, no parenthesis, no "context"
])
def test_other_token_counts_are_no_context_window(con, text: str):
    assert claims(con, text, "context_window") == []


def test_a_list_item_completing_a_sentence_that_names_no_model_is_about_the_texts_model(con):
    text = "# Wren 5\n\nWren 5 is out.\n\nBefore it came Kestrel-9-40B. Key features:\n\n- 32k context window\n"
    [claim] = claims(con, text, "context_window")
    assert claim["entities"][0]["text"] == "Wren 5"  # the topic, not the model named last
