"""Short labels (docs/claims.md, "Short labels"): a table column or row headed by a size ("9B", "9B-it",
"7B Params") or a family's tier word ("Haiku") names the model of the family its table's context names
(first column, lead sentence and paragraph, section headings, the text's topic); a size label in prose
("the 9B instruct model", "our 2B base version") and a "7B Params" header state the model's parameter
count, once per model and size. Never a guess: no family, several families or no model of that size leave
the label unresolved.

Every name and figure is invented (no source holds them): extraction runs on an in-memory vocabulary
(`Lexicon.from_names`), verdicts on a warehouse holding only the rows written below."""

from __future__ import annotations

from datetime import date

import pytest

from claims_helpers import walk
from identity_helpers import load
from openpace.claims import check_text
from openpace.claims.labels import is_short_label, states_size
from openpace.claims.resolve import Lexicon
from openpace.sources.base import ModelFact, Score

ALIASES = {
    "vessel-2-2b": [("src_a", "Vessel 2 2B")], "vessel-2-2b-instruct": [("src_a", "Vessel-2-2B-it")],
    "vessel-2-9b": [("src_a", "Vessel 2 9B")], "vessel-2-9b-base": [("src_b", "vessel-2-9b")],
    "vessel-2-9b-instruct": [("src_a", "Vessel-2-9B-it")],
    "pallas-9b": [("src_a", "Pallas 9B")],
    "lyra-3-haiku": [("src_a", "Lyra 3 Haiku")], "lyra-3-opus": [("src_a", "Lyra 3 Opus")],
}
LEX = Lexicon.from_names(
    models=[(s, n, None) for rows in ALIASES.values() for s, n in rows],
    benchmarks=["Zorbench", "Quizmark"],
    sized=[("vessel-2-2b", "2b", None), ("vessel-2-2b-instruct", "2b", "instruct"), ("vessel-2-9b", "9b", None),
           ("vessel-2-9b-base", "9b", "base"), ("vessel-2-9b-instruct", "9b", "instruct"), ("pallas-9b", "9b", None)],
    aliases=ALIASES)


def claims(text: str) -> list[tuple[str, str, str | None]]:
    """(kind, span, the model's key) of every claim, as the checker walks the text."""
    return [(c.kind, c.span, c.entities[0].key if c.entities and c.entities[0].type == "model" else None)
            for c in walk(text, LEX)]


def scores(text: str) -> list[tuple[str, str | None]]:
    """The table cells' claims (every cell here is a figure with decimals) and their models."""
    return [(span, model) for kind, span, model in claims(text) if kind in ("score", "other") and "." in span]


@pytest.mark.parametrize("label, short", [
    ("7B", True), ("7B Params", True), ("9B-it", True), ("2.5B", True), ("8x7B", True), ("Haiku", True),
    ("mini", True), ("Vessel 2 9B", False), ("MMLU (5-shot)", False), ("", False),
])
def test_what_a_short_label_is(label: str, short: bool):
    assert is_short_label(label) is short


def test_only_a_params_word_states_a_size():
    assert states_size("7B Params") and states_size("7B parameters")
    assert not states_size("7B") and not states_size("Haiku")


# ------------------------------------------------------------------ columns and rows headed by a label
def test_size_columns_take_the_family_of_their_section():
    text = ("# Vessel 2 results\n\nScores below.\n\n| Benchmark | 2B | 9B | 9B-it |\n|---|---|---|---|\n"
            "| Zorbench | 41.5 | 62.5 | 63.5 |\n")
    assert scores(text) == [("41.5", "vessel 2 2b"), ("62.5", "vessel 2 9b"), ("63.5", "vessel-2-9b-instruct")]


def test_tier_columns_take_the_family_of_the_sentence_before_the_table():
    # "Lyra 3" is no model or series of the sources: a run of name words opening with a known name's first word
    text = ("The tiers of Lyra 3, compared:\n\n| Model | Haiku | Opus |\n|---|---|---|\n"
            "| Quizmark | 41.5 | 62.5 |\n")
    assert scores(text) == [("41.5", "lyra 3 haiku"), ("62.5", "lyra 3 opus")]


def test_the_first_column_header_names_the_family():
    text = "| Vessel 2 | 2B | 9B |\n|---|---|---|\n| Zorbench | 41.5 | 62.5 |\n"
    assert scores(text) == [("41.5", "vessel 2 2b"), ("62.5", "vessel 2 9b")]


def test_rows_headed_by_a_size_take_the_family_of_the_text():
    text = ("# Vessel 2\n\nVessel 2 is a family of open models.\n\n| Variant | Zorbench |\n|---|---|\n"
            "| 9B | 62.5 |\n| 2B-it | 41.5 |\n")
    assert scores(text) == [("62.5", "vessel 2 9b"), ("41.5", "vessel-2-2b-instruct")]


def test_one_label_means_another_model_in_another_table():
    text = ("Vessel 2 scores:\n\n| Benchmark | 9B |\n|---|---|\n| Zorbench | 41.5 |\n\n"
            "Pallas scores:\n\n| Benchmark | 9B |\n|---|---|\n| Zorbench | 62.5 |\n")
    assert scores(text) == [("41.5", "vessel 2 9b"), ("62.5", "pallas 9b")]


@pytest.mark.parametrize("text", [
    # two families of the nearest context both have a 9B model: never a guess
    "Vessel 2 and Pallas compared:\n\n| Benchmark | 9B |\n|---|---|\n| Zorbench | 41.5 |\n",
    # no family anywhere in the context
    "Results below:\n\n| Benchmark | 9B |\n|---|---|\n| Zorbench | 41.5 |\n",
    # the family has no model of that size
    "Vessel 2 results:\n\n| Benchmark | 30B |\n|---|---|\n| Zorbench | 41.5 |\n",
    # a tier word that completes no name the sources use
    "# Lyra 3\n\n| Benchmark | Sonnet |\n|---|---|\n| Quizmark | 41.5 |\n",
])
def test_a_label_no_context_resolves_to_one_model_names_none(text: str):
    assert scores(text) == [("41.5", None)]


def test_a_params_header_states_the_size_once():
    text = ("# Vessel 2\n\n| Benchmark | 2B Params | 9B Params |\n|---|---|---|\n| Zorbench | 41.5 | 62.5 |\n\n"
            "| Benchmark | 9B Params |\n|---|---|\n| Quizmark | 50.5 |\n")
    params = [(span, model) for kind, span, model in claims(text) if kind == "parameters"]
    assert params == [("2B Params", "vessel-2-2b"), ("9B Params", "vessel-2-9b, vessel-2-9b-base")]


def test_a_size_of_experts_states_no_count():
    lex = Lexicon.from_names(models=[("src_a", "Orrin 8x7B", None)], benchmarks=["Zorbench"],
                             aliases={"orrin-8x7b": [("src_a", "Orrin 8x7B")]})
    text = "Orrin results:\n\n| Benchmark | 8x7B Params |\n|---|---|\n| Zorbench | 41.5 |\n"
    found = [(c.kind, c.span, c.entities[0].key if c.entities else None) for c in walk(text, lex)]
    assert found == [("score", "41.5", "orrin 8x7b")]


# ------------------------------------------------------------------ size labels in prose
def test_a_size_label_states_the_count_of_the_family_discussed():
    text = ("# Vessel 2\n\nVessel 2 is a family of open models. Our 9B instruct model leads. "
            "The 2B base version is small. The 9B model wins again. The 30B model is not out.")
    params = [(span, model) for kind, span, model in claims(text) if kind == "parameters"]
    # one claim per model and size (the repeat is a reference); no 30B model: no claim, no guess
    assert params == [("9B instruct model", "vessel-2-9b, vessel-2-9b-base, vessel-2-9b-instruct"),
                      ("2B base version", "vessel-2-2b, vessel-2-2b-instruct")]


def test_a_size_stated_before_makes_its_label_a_reference():
    text = "Vessel 2 has 9B parameters. The 9B model is the larger one."
    assert [span for kind, span, _ in claims(text) if kind == "parameters"] == ["9B parameters"]


def test_a_full_name_with_its_size_is_no_claim_at_each_mention():
    text = "Vessel 2 9B is out. We tried Vessel 2 9B again, and Vessel 2 9B was fast."
    assert [c for c in claims(text) if c[0] == "parameters"] == []


# ------------------------------------------------------------------ verdicts
@pytest.fixture
def vessel_db(fresh_db):
    prov = dict(origin="test:constructed", observed=date(2026, 1, 1), license="test")
    load(fresh_db, [
        # the 7B model counts 7.6B: its "7B" label is a nominal size
        ModelFact(source="epoch_trends", name="Vessel 2 7B", parameters=7.6e9, **prov),
        # the 2B model counts 2.7B: beyond "about 2B"
        ModelFact(source="epoch_trends", name="Vessel 2 2B", parameters=2.7e9, **prov),
        Score(source="epoch_benchmarks", model_name="Vessel 2 7B", benchmark="Zorbench", score=61.0, unit="percent",
              **prov),
    ])
    return fresh_db


def test_a_nominal_size_label_is_read_as_about(vessel_db):
    text = "# Vessel 2\n\nVessel 2 is a family of open models. Our 7B model is fast. The 2B model is small."
    found = {c["span"]: c for c in check_text(vessel_db, text)["claims"] if c["kind"] == "parameters"}
    assert found["7B model"]["verdict"] == "supported", found["7B model"]["explanation"]
    assert "nominal size" in found["7B model"]["explanation"]
    assert found["2B model"]["verdict"] == "contradicted", found["2B model"]["explanation"]


def test_a_size_column_is_checked_as_the_family_model(vessel_db):
    text = "Vessel 2 results:\n\n| Benchmark | 7B Params | 2B Params |\n|---|---|---|\n| Zorbench | 61.0 | 40.0 |\n"
    found = [(c["kind"], c["span"], c["verdict"]) for c in check_text(vessel_db, text)["claims"]]
    assert ("score", "61.0", "supported") in found, found
    assert ("parameters", "7B Params", "supported") in found, found
    assert ("parameters", "2B Params", "contradicted") in found, found


def test_a_size_row_under_a_size_column_states_the_count_once():
    text = ("# Vessel 2\n\nVessel 2 is a family of open models.\n\n| Size | Zorbench | Context |\n|---|---|---|\n"
            "| 2B | 41.5 | 8K |\n| 9B | 62.5 | 8K |\n\nThe 2B model is the small one.")
    params = [(span, model) for kind, span, model in claims(text) if kind == "parameters"]
    # in a table of the models' facts each row's label states its model's size; the later prose label repeats the
    # 2B one: a reference
    assert params == [("2B", "vessel-2-2b"), ("9B", "vessel-2-9b, vessel-2-9b-base")]
    assert scores(text) == [("41.5", "vessel 2 2b"), ("62.5", "vessel 2 9b")]


def test_a_size_row_of_a_benchmark_table_only_names_its_model():
    text = ("# Vessel 2\n\nVessel 2 is a family of open models.\n\n| Size | Zorbench |\n|---|---|\n"
            "| 2B | 41.5 |\n| 9B | 62.5 |\n\nThe 2B model is the small one.")
    params = [(span, model) for kind, span, model in claims(text) if kind == "parameters"]
    # the rows' labels identify them and state nothing: the prose label is the text's first statement of the size
    assert params == [("2B model", "vessel-2-2b, vessel-2-2b-instruct")]
    assert scores(text) == [("41.5", "vessel 2 2b"), ("62.5", "vessel 2 9b")]


@pytest.fixture
def disagreeing_db(fresh_db):
    prov = dict(origin="test:constructed", observed=date(2026, 1, 1), license="test")
    load(fresh_db, [
        # two sources count one model differently: the nominal size and an exact count beyond "about 7B"
        ModelFact(source="epoch_trends", name="Vessel 2 7B", parameters=8.6e9, **prov),
        ModelFact(source="models_dev", name="Vessel 2 7B", key="vesselco/vessel-2-7b", parameters=7e9, **prov),
    ])
    return fresh_db


def test_a_nominal_label_holds_when_one_source_agrees_and_names_the_other(disagreeing_db):
    text = "# Vessel 2\n\nVessel 2 is a family of open models. Our 7B model is fast."
    [claim] = [c for c in check_text(disagreeing_db, text)["claims"] if c["kind"] == "parameters"]
    assert claim["verdict"] == "supported", claim["explanation"]
    assert {e["value"] for e in claim["evidence"]} == {8.6e9, 7e9}  # both sources' counts shown
