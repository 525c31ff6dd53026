"""Licence and open-weights wording of unseen sets, on invented names (`Lexicon.from_names`: no source holds
them, so nothing here is a fact): a bare licence as a fragment after a model in a summary list, "released a
<class> model under <licence>", "we release X under <licence>", the licence-free words of an open release
("can be used without restrictions", "permits commercial use"), an open-source adjective in a predicate noun
phrase, licence cells with a check mark, a vendor's licence acronym, and "<licence-type> models (A, B, C)" (one
claim per listed model)."""

from __future__ import annotations

import pytest

from openpace.claims import check_text
from openpace.claims.tables import licence_openness

from claims_helpers import LICENCE_LEX, opens

LEX = LICENCE_LEX


@pytest.mark.parametrize("text, expected", [
    # a bare licence as a short fragment after a model in a summary list
    ("- Wren 2: 123B parameters, Apache 2.0 licence, weights on the Hub", [("wren 2", True)]),
    ("- Owlet-7B: 7B parameters, CC BY-NC 4.0, 32K context", [("owlet 7b", True)]),
    ("- Wren 2 — CC-BY-SA-4.0", [("wren 2", True)]),
    ("- Zephyrus-9: 9B parameters, proprietary, API only", [("zephyrus 9", False)]),
    # "released a <class> model under <licence>", "we release X under the <licence> <version> license"
    ("Wren 2 arrived this week. It was released as a 123B dense model under Apache 2.0.", [("wren 2", True)]),
    ("Owlet-7B is out. Acme released a 7B dense model under Apache 2.0.", []),  # no explicit reference
    ("We release Owlet-7B under the Apache 2.0 license.", [("owlet 7b", True)]),
    ("Today we are releasing Owlet-7B under the MIT license.", [("owlet 7b", True)]),
    # an open release's licence-free words
    ("Wren 2 can be used without restrictions.", [("wren 2", True)]),
    ("Owlet-7B's licence permits commercial use.", [("owlet 7b", True)]),
    ("Wren 2 is fully open to academic research.", [("wren 2", True)]),
    # an open-source adjective in a predicate noun phrase; royalty-free; open-weight(s) before a size
    ("Wren 2 is a series of open-source large language models.", [("wren 2", True)]),
    ("Owlet-7B is an open-weights 7B model.", [("owlet 7b", True)]),
    ("Owlet-7B is royalty-free.", [("owlet 7b", True)]),
    # "<licence-type> models (A, B, C)": one claim per listed model
    ("Acme ships open-weight models (Wren 2, Owlet-7B) and a hosted one.", [("wren 2", True), ("owlet 7b", True)]),
    ("Two proprietary models (Zephyrus-9 and Owlet-7B) lead BenchQA.", [("zephyrus 9", False), ("owlet 7b", False)]),
])
def test_licence_forms(text: str, expected: list):
    assert opens(text) == expected


@pytest.mark.parametrize("text", [
    "Wren 2 beats any open-source model on BenchQA.",
    "Wren 2 was welcomed by the open-source community.",
    "Wren 2 plugs into open-source tools.",
    "The API of Wren 2 can be used for free.",
    "We release the Wren 2 code under the MIT license.",
])
def test_open_source_as_no_claim_about_a_model(text: str):
    assert opens(text) == []


@pytest.mark.parametrize("header, cell, is_open", [
    ("License", "\u2714\ufe0f Apache 2.0", True),
    ("License", "\u2713 Apache 2.0", True),
    ("Open-weight", "\u2705", True),
    ("Available Open-weight", "\u274c", False),
    ("Open source", "\u274c", False),
    ("Availability", "Open weights, non-commercial licence", True),
    ("License", "MRL", True),
    ("License", "Wren Research License", True),
])
def test_licence_cells_with_symbols_and_acronyms(header: str, cell: str, is_open: bool):
    assert licence_openness(header, cell) is is_open


def test_a_check_mark_licence_cell_in_a_table():
    text = ("| Model | Open-weight | BenchQA |\n|---|---|---|\n| Wren 2 | \u2705 | 70.1 |\n"
            "| Zephyrus-9 | \u274c | 60.2 |\n")
    assert opens(text) == [("wren 2", True), ("zephyrus 9", False)]


def test_a_licence_free_phrase_needs_a_model_or_a_reference_before_it():
    # the sentence's own subject is a model no source names: the previous sentence's model is not meant
    text = "Wren 2 came first. The Kestrel models, released later, came with a license allowing commercial use."
    assert opens(text) == []
    assert opens("Wren 2 came first. Its license allows commercial use.") == [("wren 2", True)]


def test_the_new_forms_reach_the_verifier(con):
    # tests/fixtures/mirror/epoch/open-model-trends/benchmarks_with_model_accessibility.csv: Mistral Large Closed
    got = [(c["kind"], c["verdict"]) for c in check_text(con, "- Mistral Large: 123B parameters, proprietary, API only")
           ["claims"] if c["kind"] == "open_weights"]
    assert got == [("open_weights", "supported")]
    got = [(c["span"], c["verdict"]) for c in check_text(con, "We release Mistral Large under the MIT license.")["claims"]
           if c["kind"] == "open_weights"]
    assert [v for _, v in got] == ["contradicted"]
    text = "| Model | Open-weight |\n|---|---|\n| Mistral Large | \u274c |\n"
    assert [c["verdict"] for c in check_text(con, text)["claims"] if c["kind"] == "open_weights"] == ["supported"]
