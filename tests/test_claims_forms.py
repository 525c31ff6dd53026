"""Forms real articles use for attribute and price claims in running text: knowledge cut-offs written in
prose, price multiples and fractions, token counts listed for several models, and figures that are no claim
(a training-data mix table, shot counts, a per-unit denominator, a page count). Extraction runs on invented
names (`Lexicon.from_names`); no figure here is a fact about any real model."""

from __future__ import annotations

from datetime import date

import pytest

from openpace.claims.resolve import Lexicon

from claims_helpers import walk

LEX = Lexicon.from_names(models=[("src_a", "Wren 2", "wren-2"), ("src_a", "Owlet-7B", "owlet-7b"),
                                 ("src_a", "Heron-3", "heron-3"), ("src_a", "Kite-70B", "kite-70b")])


def of_kind(text: str, kind: str) -> list:
    return [c for c in walk(text, LEX) if c.kind == kind]


@pytest.mark.parametrize("text, span, key, first", [
    ("Wren 2 has a March 2031 cut-off date.", "March 2031 cut-off date", "Wren 2", date(2031, 3, 1)),
    ("Wren 2, with its Jan 2031 knowledge cutoff, is small.", "Jan 2031 knowledge cutoff", "Wren 2", date(2031, 1, 1)),
    ("Kite-70B has a cutoff of April 2031.", "cutoff of April 2031", "Kite-70B", date(2031, 4, 1)),
    ("Owlet-7B has knowledge up to June 2031.", "knowledge up to June 2031", "Owlet-7B", date(2031, 6, 1)),
    ("Heron-3 was trained on data up to May 2031.", "trained on data up to May 2031", "Heron-3", date(2031, 5, 1)),
    ("Heron-3 was trained on public web data through 2030.", "trained on public web data through 2030", "Heron-3",
     date(2030, 1, 1)),
])
def test_a_knowledge_cutoff_in_running_text(text: str, span: str, key: str, first: date):
    [claim] = of_kind(text, "knowledge_cutoff")
    assert (claim.span, claim.entities[0].text, claim.params["date"].low) == (span, key, first)


@pytest.mark.parametrize("text", [
    "The cut-off for entries was May 2031, and Wren 2 made it.",  # a deadline of something else
    "Wren 2 was released in March 2031.",
    "Wren 2 was trained on 2T tokens in May 2031.",
])
def test_a_date_that_is_no_cutoff(text: str):
    assert of_kind(text, "knowledge_cutoff") == []


@pytest.mark.parametrize("text, span, subject, against, factor, more", [
    ("Wren 2 is 40% cheaper than Heron-3.", "40% cheaper than Heron-3", "wren 2", "heron 3", 0.6, True),
    ("Wren 2 is 25% more expensive than Heron-3.", "25% more expensive than Heron-3", "wren 2", "heron 3", 1.25, True),
    ("Heron-3 is a sixth as expensive as Wren 2.", "a sixth as expensive as Wren 2", "heron 3", "wren 2", 1 / 6, True),
    ("Kite-70B costs half the price of Wren 2.", "half the price of Wren 2", "kite 70b", "wren 2", 0.5, True),
    ("Wren 2 costs two-thirds of what Heron-3 charges.", "two-thirds of what Heron-3", "wren 2", "heron 3", 2 / 3, True),
    ("Owlet-7B costs 60x the price of Heron-3.", "60x the price of Heron-3", "owlet 7b", "heron 3", 60, True),
    # the compared model before the comparison
    ("Compared with Owlet-7B, Wren 2 is 30 times more expensive.", "30 times more expensive", "wren 2", "owlet 7b",
     30, True),
    # the subject, not the model named just before the figure in another predicate
    ("Wren 2 launched after Owlet-7B, and is 5 times cheaper than Heron-3.", "5 times cheaper than Heron-3", "wren 2",
     "heron 3", 5, False),
])
def test_a_price_ratio_in_running_text(text: str, span: str, subject: str, against: str, factor: float, more: bool):
    [claim] = of_kind(text, "price_ratio")
    p = claim.params
    assert (claim.span, p["subject"].key, p["against"].key, p["more"]) == (span, subject, against, more)
    assert abs(p["factor"] - factor) < 1e-9


@pytest.mark.parametrize("text", [
    "Wren 2 scored 40% higher than Heron-3 on the tests.",  # no price
    "Half the team moved from Wren 2 to Heron-3.",
])
def test_no_price_ratio(text: str):
    assert of_kind(text, "price_ratio") == []


def test_a_list_of_counts_inherits_the_first_ones_measure():
    text = "Wren 2 was trained on 1T tokens like Heron-3 vs. 300B for Owlet-7B, 300B for Kite-70B, and 800B for Heron-3."
    got = [(c.span, c.entities[0].text, c.params["value"]) for c in of_kind(text, "training_tokens")]
    assert got == [("1T tokens", "Wren 2", 1e12), ("300B", "Owlet-7B", 3e11), ("300B", "Kite-70B", 3e11),
                   ("800B", "Heron-3", 8e11)]
    assert of_kind(text, "parameters") == []
    got = [(c.span, c.entities[0].text) for c in of_kind("Wren 2 has a 32K token context window vs 8K for Heron-3.",
                                                         "context_window")]
    assert got == [("32K", "Wren 2"), ("8K", "Heron-3")]


@pytest.mark.parametrize("text", [
    "Wren 2 was trained on 2T tokens in 2031, and 300 people worked on it.",  # a count with its own noun
    "Wren 2 was trained on 2T tokens; Heron-3 has 40B parameters.",  # a figure with its own unit
])
def test_a_figure_with_its_own_unit_inherits_nothing(text: str):
    assert len(of_kind(text, "training_tokens")) == 1


@pytest.mark.parametrize("table", [
    # rows are data sources: per-source token counts, proportions, epochs and sizes claim nothing
    "| Dataset | Sampling prop. | Epochs | Disk size |\n|---|---|---|---|\n| WebCrawl | 67.0% | 1.10 | 3.3 TB |\n"
    "| Books | 4.5% | 2.23 | 85 GB |",
    "| Source | Tokens | Proportion |\n|---|---|---|\n| Web pages | 1.2T | 80% |\n| Code | 300B | 20% |",
    "| Subset | Tokens | Epochs |\n|---|---|---|\n| Wren 2 Code | 300B | 2 |",
])
def test_a_training_data_mix_table_claims_nothing(table: str):
    assert list(walk(f"# Wren 2\n\nWren 2 is a model.\n\n{table}\n", LEX)) == []


def test_a_table_whose_columns_are_models_is_no_data_mix_whatever_its_first_column_is_called():
    # "Datasets" heads the first column, but the other columns are models: the rows are what they are measured on
    lex = Lexicon.from_names(models=[("src_a", "Wren 2", "wren-2"), ("src_a", "Heron-3", "heron-3")],
                             benchmarks=["Suite-A"])
    text = "| Datasets | Wren 2 | Heron-3 |\n|---|---|---|\n| Suite-A | 61.5 | 58.25 |\n"
    got = [(c.kind, c.span, [e.text for e in c.entities if e.type == "model"]) for c in walk(text, lex)]
    assert got == [("score", "61.5", ["Wren 2"]), ("score", "58.25", ["Heron-3"])]


def test_a_model_table_with_an_epochs_column_keeps_its_model_figures():
    text = "| Model | Tokens | Epochs |\n|---|---|---|\n| Wren 2 | 2T | 1 |\n"
    assert [(c.span, c.entities[0].text) for c in of_kind(text, "training_tokens")] == [("2T", "Wren 2")]


def test_a_shots_column_claims_nothing():
    text = "| Model | # Shots | Notes |\n|---|---|---|\n| Wren 2 | 5 | 12 runs |\n"
    assert [c.span for c in walk(text, LEX)] == ["12 runs"]
    text = "| Benchmark | Shots | Score |\n|---|---|---|\n| Suite-A | 8 | 50.2 |\n"
    assert [c.span for c in walk(text, LEX)] == ["50.2"]


def test_a_per_unit_denominator_is_no_context_window():
    text = "Wren 2 costs $0.03 per 1000 input tokens and supports long context."
    assert [(c.kind, c.span) for c in walk(text, LEX)] == [("price", "$0.03 per 1000 input tokens")]
    # a capacity is still one
    assert [c.span for c in of_kind("Wren 2 supports a context of 8000 tokens.", "context_window")] == ["8000"]


@pytest.mark.parametrize("text", ["Wren 2 can summarize documents of 12 pages.", "The report runs to 40 slides."])
def test_a_document_size_claims_nothing(text: str):
    assert list(walk(text, LEX)) == []
