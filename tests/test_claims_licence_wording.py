"""More licence and openness wording, on invented names (`Lexicon.from_names`: no source holds them, so nothing
here is a fact): a licence a model "is governed by", a custom licence "available at <url>" (the text's model), an
intended use "for commercial and research use", "open-source" as the adjective of a class the model is placed in
("among small open-source models", "the best open-source model at its size"), a negated "not (actually)
open-source" / "isn't open-weight", "open-source" as one item of a features list cell, "weights available for
download on <hub>"; and the generic class nouns and code-only phrases that claim nothing."""

from __future__ import annotations

import pytest

from openpace.claims import check_text
from openpace.claims.resolve import Lexicon

from claims_helpers import LICENCE_LEX, opens, walk

LEX = LICENCE_LEX


@pytest.mark.parametrize("text, expected", [
    # a licence the model is governed by; a custom licence offered at an address (the text's model)
    ("Wren 2 is governed by the Acme Wren Community License.", [("wren 2", True)]),
    ("Use of Owlet-7B is governed by a custom commercial license.", [("owlet 7b", True)]),
    ("Owlet-7B came out today. A custom commercial license is available at https://example.org/license.",
     [("owlet 7b", True)]),
    # an intended use for commerce and research
    ("Wren 2 is intended for commercial and research use in English.", [("wren 2", True)]),
    ("Owlet-7B is intended for research and commercial uses.", [("owlet 7b", True)]),
    # the adjective of a class the model is placed in
    ("Owlet-7B ranks first on BenchQA among small open-source models.", [("owlet 7b", True)]),
    ("Wren 2, the best open-source model at its size, tops BenchQA.", [("wren 2", True)]),
    ("Among open-source models, Owlet-7B leads BenchQA.", [("owlet 7b", True)]),
    ("Wren 2 outperforms Owlet-7B, the strongest open-weight model of its size.", [("owlet 7b", True)]),
    ("Owlet-7B is one of the strongest open-weight models released this year.", [("owlet 7b", True)]),
    # a negation said of the model
    ("Zephyrus-9 isn't open-weight.", [("zephyrus 9", False)]),
    ("Zephyrus-9 is not open-source.", [("zephyrus 9", False)]),
    ("But Wren 2 is not actually open-source.", [("wren 2", False)]),
    # weights for download on a hub
    ("Wren 2 weights are available for download on Hugging Face.", [("wren 2", True)]),
    ("Owlet-7B is available for download on the Hugging Face Hub.", [("owlet 7b", True)]),
])
def test_licence_wording(text: str, expected: list):
    assert opens(text) == expected


def test_open_source_as_an_item_of_a_features_cell():
    text = ("| Model | Strengths | BenchQA |\n|---|---|---|\n| Wren 2 | Open-source, multilingual, long context | 70.1 |\n"
            "| Zephyrus-9 | Proprietary, fast | 60.2 |\n| Owlet-7B | Multilingual, open-source tools | 50.3 |\n")
    assert opens(text) == [("wren 2", True), ("zephyrus 9", False)]


@pytest.mark.parametrize("text", [
    "Open-source models are closing the gap with Wren 2.",  # a class; the model is no member
    "Wren 2 is intended for commercial use through the API.",  # no research use, an API
    "Wren 2 ranks first among open-source tools for evaluation.",  # tools, not models
    "The Wren 2 code is available for download on GitHub.",  # code
    "Wren 2 beats the best open-source model on BenchQA.",  # a class compared with
    "Wren 2 is not open-source software.",  # software
    "The Wren 2 dataset is governed by the Acme Data License.",  # a dataset's licence
    "A custom commercial license is available at https://example.org/license.",  # no model in the text
    "The training code of Wren 2 is not open-source.",  # the code, named before the model
    "Wren 2 is the best model among open-source and closed models alike.",  # both classes: no membership
    "Our app is available for download on the App Store, powered by Wren 2.",  # an app, no hub
    "Zephyrus-9 is intended for commercial and research use via the API.",  # an API's terms
])
def test_no_claim(text: str):
    assert opens(text) == []


def test_a_negated_open_source_of_an_open_weights_model_is_not_contradicted(con):
    # tests/fixtures/mirror: Mistral Large is closed (epoch accessibility Closed): "not open-source" holds
    got = [c["verdict"] for c in check_text(con, "Mistral Large is not open-source.")["claims"]
           if c["kind"] == "open_weights"]
    assert got == ["supported"]


@pytest.mark.parametrize("name, verdict", [
    # all_ml_systems_2024-09-25.csv: Falcon-180B 'Open weights (restricted use)': restricted terms, not open source
    ("Falcon 180B", "supported"),
    # all_ml_systems_2024-09-25.csv: Mistral 7B 'Open weights (unrestricted)': open weights alone never contradict
    ("Mistral 7B", "unverifiable"),
])
def test_a_negated_open_source_of_an_open_weights_model_speaks_of_its_licence(con, name: str, verdict: str):
    got = [c["verdict"] for c in check_text(con, f"{name} is not actually open-source.")["claims"]
           if c["kind"] == "open_weights"]
    assert got == [verdict]


def test_a_negated_open_weight_is_a_closed_claim(con):
    # all_ml_systems_2024-09-25.csv: Mistral 7B 'Open weights (unrestricted)': "isn't open-weight" is contradicted
    got = [c["verdict"] for c in check_text(con, "Mistral 7B isn't open-weight.")["claims"] if c["kind"] == "open_weights"]
    assert got == ["contradicted"]


SERIES_LEX = Lexicon.from_names(
    models=[("src_a", "Wren 3 7B", "wren-3-7b"), ("src_a", "Wren 3 70B", "wren-3-70b"), ("src_a", "Wren 3", "wren-3")],
    sized=[("wren-3-7b", "7b", None), ("wren-3-70b", "70b", None)],
    aliases={"wren-3-7b": [("src_a", "Wren 3 7B")], "wren-3-70b": [("src_a", "Wren 3 70B")], "wren-3": [("src_a", "Wren 3")]},
)


@pytest.mark.parametrize("text, expected", [
    # a counted set of open-weight models made available, no model named: the release's series (every model)
    ("Wren 3 is out today. Eight open-weight models are available on the Hub.", [("wren 3", "series")]),
    ("Wren 3 is out today. You can find the 4 open-weight models (2 base and 2 tuned) on the Hub.",
     [("wren 3", "series")]),
    # no release word, a vague quantifier, no model in the text: nothing
    ("Wren 3 leads the chart. Four open-weight models made the top ten.", []),
    ("Wren 3 is out today. Many open-weight models are available on the Hub.", []),
    ("Eight open-weight models are available on the Hub.", []),
])
def test_a_counted_release_of_open_weight_models(text: str, expected: list):
    assert [(c.entities[0].key, c.entities[0].how) for c in walk(text, SERIES_LEX) if c.kind == "open_weights"] == expected
