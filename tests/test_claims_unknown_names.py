"""A model name no source has holds its own figures (docs/claims.md, "Names no source has"): a span shaped like
a model's name ("<Name>-N.M-mini", "<Name> N 7B", "<Name>LM-20B", "<Name>-v0.1", "<Name>N") is a mention with no
rows, bound like any model (subject, possessive, "for X", a table's header), and every claim bound to it is
unverifiable — never passed to a known model named nearby. Ordinary capitalised words with numbers ("Table 1",
"Python 3.11", a chip, a benchmark) are no such name.

Every name and figure is invented: extraction runs on an in-memory vocabulary (`Lexicon.from_names`), verdicts
on a warehouse holding only the rows written below."""

from __future__ import annotations

import re
from datetime import date

import pytest

from claims_helpers import walk
from identity_helpers import load
from openpace.claims import check_text
from openpace.claims.resolve import Lexicon
from openpace.sources.base import Score

LEX = Lexicon.from_names(
    models=[("src_a", "AcmeLM-2 7B", None), ("src_a", "Quillon 3 Pro", None), ("src_b", "Corvo Large", None)],
    benchmarks=["Zorbench", "Quizmark", "GSM8K"],
    hardware=["NVIDIA H100 80GB"],
)


def mentions(text: str) -> list[tuple[str, str, int]]:
    """(text, match, rows) of each model mention the vocabulary finds."""
    return [(m.text, m.how, len(m.names)) for m in LEX.find_models(text, [])]


def bound(text: str) -> list[tuple[str, str | None]]:
    """(figure, the key of the claim's model) of every claim, as the checker walks the text (each claim here
    holds one figure with decimals)."""
    return [(re.search(r"\d+\.\d+", c.span).group(0) if re.search(r"\d+\.\d+", c.span) else c.span,
             next((e.key for e in c.entities if e.type == "model"), None)) for c in walk(text, LEX)]


@pytest.mark.parametrize("name", ["Zorblax-3.5-mini", "Zorblax 2 7B", "ZorbLM-20B", "Zorblax-v0.1", "ZorbLM2",
                                  "Zorblax 2.5 Pro", "Zorblax-2-7B-Instruct", "ZORB-13B", "Zorb-Hermes-2",
                                  "acme/Zorblax-7B-v0.2"])
def test_a_model_shaped_name_no_source_has_is_a_mention_with_no_rows(name: str):
    [m] = LEX.find_models(f"{name} scores 71.0 on Zorbench.", [])
    assert (m.text, m.how, m.names) == (name, "unknown", [])
    assert f"no source has '{name}'" in m.note


@pytest.mark.parametrize("text", [
    "Table 1 lists 71.0 on Zorbench.", "In Week 8 we saw 71.0 on Zorbench.", "Figure 3 shows 71.0 on Zorbench.",
    "Version 2 scores 71.0 on Zorbench.", "Python 3.11 runs 71.0 jobs.", "CUDA 12 needs 71.0 GB.",
    "The H100 holds 80 GB.", "GSM8K has 8 shots.", "COVID-19 cut 71.0 jobs.", "UTF-8 text is 71.0 MB.",
    "Top-5 accuracy was 71.0 percent.", "About 7B parameters were used.", "Over 70 models were tested.",
    "ImageNet-1K has 1000 classes.", "RTX 4090 cards cost $1600.", "HTTP 1.1 is old.", "Web 2.0 sites had 71.0 visits.",
    "Our 7B model is fast.", "GitHub 2 had 71.0 stars.", "Jinja2 renders 7 pages.",
    "DuckDB 1.26 loads 71.0 rows.", "DuckDB 2.0.1 loads 71.0 rows.", "It reached Zorblax-3.5-level scores of 71.0.", "Quizmark-Gold-2 has 71.0 items.", "See https://example.org/Zorblax-7B for 7 results.",
])
def test_capitalised_words_with_numbers_are_no_model(text: str):
    assert mentions(text) == []


def test_a_known_name_is_still_itself():
    assert mentions("AcmeLM-2 7B scores 60.1 on Zorbench.") == [("AcmeLM-2 7B", "exact", 1)]
    assert mentions("Quillon 3 Pro scores 60.1 on Zorbench.") == [("Quillon 3 Pro", "exact", 1)]


def test_the_unknown_models_figure_is_its_own_not_the_known_models():
    found = bound("Zorblax-3.5-mini scores 71.0 on Zorbench, while AcmeLM-2 7B scores 60.1.")
    assert ("71.0", "zorblax 3.5 mini") in found and ("60.1", "acmelm 2 7b") in found


def test_an_unknown_model_as_the_object_of_for():
    found = bound("AcmeLM-2 7B is strong. The Zorbench score is 71.0 for Zorblax 2 7B.")
    assert ("71.0", "zorblax 2 7b") in found


def test_an_unknown_subject_is_what_it_refers_to():
    found = bound("AcmeLM-2 7B scores 60.1 on Zorbench. ZorbLM-20B is new. It scores 71.0 on Quizmark.")
    assert ("71.0", "zorblm 20b") in found


def test_an_unknown_possessor_holds_its_figure():
    found = bound("Compared with AcmeLM-2 7B, Zorblax-v0.1's Zorbench score of 71.0 is high.")
    assert ("71.0", "zorblax v0.1") in found


def test_an_unknown_table_column_holds_its_cells():
    text = "| Benchmark | AcmeLM-2 7B | Zorblax-3.5-mini |\n|---|---|---|\n| Zorbench | 60.1 | 71.0 |\n"
    found = bound(text)
    assert ("60.1", "acmelm 2 7b") in found and ("71.0", "zorblax 3.5 mini") in found


def test_an_unknown_table_row_holds_its_cells():
    text = "| Model | Zorbench |\n|---|---|\n| AcmeLM-2 7B | 60.1 |\n| Zorblax-3.5-mini | 71.0 |\n"
    found = bound(text)
    assert ("60.1", "acmelm 2 7b") in found and ("71.0", "zorblax 3.5 mini") in found


# ------------------------------------------------------------------ verdicts
@pytest.fixture
def acme_db(fresh_db):
    prov = dict(origin="test:constructed", observed=date(2026, 1, 1), license="test")
    # the known model's row equals the unknown model's figure: read against it, 71.0 would be "supported"
    load(fresh_db, [Score(source="epoch_benchmarks", model_name="AcmeLM-2 7B", benchmark="Zorbench", score=71.0,
                          unit="percent", **prov)])
    return fresh_db


def test_an_unknown_models_figure_is_unverifiable_never_the_known_models(acme_db):
    text = "Zorblax-3.5-mini scores 71.0 on Zorbench, while AcmeLM-2 7B scores 60.1."
    found = {c["span"]: c for c in check_text(acme_db, text)["claims"]}
    [unknown] = [c for span, c in found.items() if "71.0" in span]
    [known] = [c for span, c in found.items() if "60.1" in span]
    assert unknown["verdict"] == "unverifiable", unknown["explanation"]
    assert "Zorblax-3.5-mini" in unknown["explanation"] and not unknown["evidence"]
    assert known["verdict"] == "contradicted", known["explanation"]
