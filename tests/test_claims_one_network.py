"""Base and instruct models are one trained network (docs/claims.md, "One trained network";
`domain.variants.one_network`): "<X> Instruct" / "<X> Chat" reads <X>'s parameter count, training tokens, GPU-hours,
training compute and hardware, and "<X>" its instruct model's — never a price, a score or a limit, and never across
families: a vision model adds parameters of its own. End to end on a warehouse of invented models (no source holds
these names or figures; each sentence is written for the test)."""

from __future__ import annotations

import pytest

from identity_helpers import PROV, load, model_of
from openpace.claims import check_text
from openpace.domain.variants import BASE, INSTRUCT, Variant, one_network
from openpace.sources.base import ModelFact, Score


def fact(source: str, name: str, **kw) -> ModelFact:
    return ModelFact(name=name, key=kw.pop("key", name), source=source, **PROV, **kw)


ROWS = [
    # the pre-trained model's training facts, as a model-level source states them
    fact("epoch_trends", "Plover-3-8B", parameters=8.2e9, training_tokens=11e12, chip_hours=1.3e6,
         training_compute_flop=4.1e23, hardware="NVIDIA Z900 SXM 80GB", hardware_quantity=2048),
    # its instruct model, known only to a catalogue (a context window, no training facts)
    fact("models_dev", "Plover-3-8B-Instruct", context_window=32768),
    # another family whose instruct model alone has a parameter count (a catalogue's)
    fact("litellm", "Grebe-2-14B", context_window=16384),
    fact("models_dev", "Grebe-2-14B-Chat", parameters=14.3e9),
    # a vision model of the first series: another network (an image encoder added), no value of its own
    fact("models_dev", "Plover-3-Vision-11B-Instruct", context_window=32768),
]
SCORES = [Score(model_name="Plover-3-8B", benchmark="BenchQA", score=61.0, source="epoch_benchmarks", **PROV)]


@pytest.fixture
def con(fresh_db):
    load(fresh_db, [*ROWS, *SCORES])
    return fresh_db


def verdict(con, text: str, kind: str) -> tuple[str, str]:
    [claim] = [c for c in check_text(con, text)["claims"] if c["kind"] == kind]
    return claim["verdict"], claim["explanation"]


def test_the_fixture_families_are_what_the_tests_assume(con):
    base, tuned = model_of(con, "epoch_trends", "Plover-3-8B"), model_of(con, "models_dev", "Plover-3-8B-Instruct")
    assert base["family"] == tuned["family"] and tuned["variant"] == INSTRUCT and base["variant"] != INSTRUCT
    vision = model_of(con, "models_dev", "Plover-3-Vision-11B-Instruct")
    assert vision["family"] != base["family"]


@pytest.mark.parametrize("text, kind, expected", [
    ("Plover 3 8B Instruct has 8.2 billion parameters.", "parameters", "supported"),
    ("Plover 3 8B Instruct has 9.5 billion parameters.", "parameters", "contradicted"),
    ("Plover 3 8B Instruct was trained on 11 trillion tokens.", "training_tokens", "supported"),
    ("Plover 3 8B Instruct was trained on 4 trillion tokens.", "training_tokens", "contradicted"),
    ("Plover 3 8B Instruct used 1.3M GPU hours.", "training_hardware", "supported"),
    ("Plover 3 8B Instruct was trained with 4.1 x 10^23 FLOP.", "training_compute", "supported"),
    ("Plover 3 8B Instruct was trained with 9 x 10^23 FLOP.", "training_compute", "contradicted"),
    ("Plover 3 8B Instruct was trained on 2,048 Z900 GPUs.", "training_hardware", "supported"),
])
def test_an_instruct_name_reads_its_base_models_training_facts(con, text: str, kind: str, expected: str):
    got, why = verdict(con, text, kind)
    assert got == expected, why
    assert "one trained network" in why


def test_a_plain_name_reads_its_instruct_models_parameter_count(con):
    assert verdict(con, "Grebe 2 14B has 14.3 billion parameters.", "parameters")[0] == "supported"
    assert verdict(con, "Grebe 2 14B has 20 billion parameters.", "parameters")[0] == "contradicted"


def test_a_model_with_its_own_value_is_read_as_before(con):
    got, why = verdict(con, "Plover 3 8B has 8.2 billion parameters.", "parameters")
    assert got == "supported" and "one trained network" not in why


@pytest.mark.parametrize("text, kind", [
    # a vision model adds parameters: the text model's count is not its count
    ("Plover 3 Vision 11B Instruct has 8.2 billion parameters.", "parameters"),
    # a benchmark score is the tuned model's own: the base model's does not decide it
    ("Plover 3 8B Instruct scores 61.0% on BenchQA.", "score"),
])
def test_no_other_fact_and_no_other_family_is_shared(con, text: str, kind: str):
    got, why = verdict(con, text, kind)
    assert got == "unverifiable", why


def test_one_network_pairs_base_and_instruct_of_one_release():
    family = [Variant("x-7b", "x-7b", None, None), Variant("x-7b-instruct", "x-7b", INSTRUCT, None),
              Variant("x-7b-v0.2", "x-7b", None, "v0.2"), Variant("x-7b-instruct-v0.2", "x-7b", INSTRUCT, "v0.2"),
              Variant("x-7b-instruct-v0.3", "x-7b", INSTRUCT, "v0.3"), Variant("x-7b-base", "x-7b", BASE, None),
              Variant("x-7b-instruct-0513", "x-7b", INSTRUCT, "0513"), Variant("y-7b", "y-7b", None, None)]
    by = {m.model_id: m for m in family}
    assert [m.model_id for m in one_network(by["x-7b-instruct"], family)] == ["x-7b", "x-7b-base"]
    assert [m.model_id for m in one_network(by["x-7b-instruct-v0.2"], family)] == ["x-7b-v0.2"]
    # a release version the base lacks: the base models without a version
    assert [m.model_id for m in one_network(by["x-7b-instruct-v0.3"], family)] == ["x-7b", "x-7b-base"]
    assert [m.model_id for m in one_network(by["x-7b"], family)] == ["x-7b-instruct"]
    # a dated snapshot may be another training run
    assert one_network(by["x-7b-instruct-0513"], family) == []


def test_a_one_model_table_of_an_instruct_model_reads_its_base_models_rows(con):
    text = ("## Plover 3 8B Instruct\n\n| Property | Value |\n|---|---|\n| Parameters | 8.2 billion |\n"
            "| Training tokens | ~11 trillion tokens |\n")
    got = [(c["kind"], c["verdict"]) for c in check_text(con, text)["claims"]
           if c["kind"] in ("parameters", "training_tokens")]
    assert got == [("parameters", "supported"), ("training_tokens", "supported")]
