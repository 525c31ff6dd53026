"""Figures that are no claim of the text, or no claim at all (docs/claims.md, "Figures the text does not
assert" and "Figures that are no claims"): negated and hypothetical figures, an evaluation's settings, a
generic explainer of a capacity, power and emissions columns, a size list about no model, a size that
describes a class of models; and loose parameter counts ("about NB") next to a model.

Every name and figure here is invented (no source holds them): extraction runs on an in-memory
vocabulary (`Lexicon.from_names`), verdicts on a warehouse holding only the rows written below."""

from __future__ import annotations

from datetime import date

import pytest

from openpace.claims import check_text
from openpace.claims.patterns import unasserted
from openpace.claims.resolve import Lexicon
from openpace.sources.base import ModelFact

from claims_helpers import walk
from identity_helpers import load

LEX = Lexicon.from_names(
    models=[("src_a", "Quillon-7", None), ("src_a", "Quillon-7-Chat", None)],
    benchmarks=["Zorbench"],
    sized=[("zeph-4b", "4b", None), ("zeph-7b", "7b", None), ("zeph-30b", "30b", None)],
)


def claims(text: str) -> list[tuple[str, str, dict]]:
    """(kind, span, params) of every claim in the text, as the checker walks it."""
    return [(c.kind, c.sentence[c.start:c.end], c.params) for c in walk(text, LEX)]


# ------------------------------------------------------------------ negated and hypothetical figures
@pytest.mark.parametrize("text, figure, why", [
    ("Quillon-7 doesn't have 90B parameters.", "90B", "negated"),
    ("Quillon-7 does not have 90B parameters.", "90B", "negated"),
    ("Quillon-7 isn't 90B parameters.", "90B", "negated"),
    ("Quillon-7 is not a 90B model.", "90B", "negated"),
    ("Quillon-7 has 7B parameters, not 90B.", "90B", "negated"),
    ("Quillon-7 never scored 91% on Zorbench.", "91%", "negated"),
    ("Quillon-7 does not have a context window of 64K tokens.", "64K", "negated"),
    ("If Quillon-7 were 90B parameters, it would be slower.", "90B", "hypothetical"),
    ("One might think Quillon-7 scores 91% on Zorbench.", "91%", "hypothetical"),
    ("A common misconception is that Quillon-7, released last year, has 90B parameters.", "90B", "hypothetical"),
    ("It is often assumed that Quillon-7 has 90B parameters.", "90B", "hypothetical"),
])
def test_a_negated_or_hypothetical_figure_is_not_asserted(text: str, figure: str, why: str):
    assert unasserted(text, text.index(figure)) == why
    held = [p for _, span, p in claims(text) if figure in span]
    assert held and all(p.get("unasserted") == why for p in held)


@pytest.mark.parametrize("text, figure", [
    ("Quillon-7 combines 8 experts with 7B parameters each.", "7B"),
    ("Quillon-7 combines 8 experts, each with 7B parameters.", "7B"),
    ("Quillon-7 routes between 8 experts of 7B apiece.", "7B"),
    ("Quillon-7 has 7B parameters per expert.", "7B"),
])
def test_a_size_per_part_is_not_the_model_s(text: str, figure: str):
    start = text.index(figure)
    assert unasserted(text, start, start + len(figure)) == "per part"


@pytest.mark.parametrize("text, figure", [
    ("Quillon-7 has 7B active parameters per token.", "7B"),  # the model's own active count
    ("Each of Quillon-7's sizes has 7B parameters or more.", "7B"),
])
def test_a_model_s_own_size_is_no_part(text: str, figure: str):
    start = text.index(figure)
    assert unasserted(text, start, start + len(figure)) is None


def test_a_size_per_part_gets_no_verdict_from_the_data(quillon_db):
    # would be supported if read as the model's count (the row below holds 7B)
    [claim] = [c for c in check_text(quillon_db, "Quillon-7 combines 8 experts with 7B parameters each.")["claims"]
               if c["kind"] == "parameters"]
    assert claim["verdict"] == "unverifiable" and "each part" in claim["explanation"], claim


@pytest.mark.parametrize("text, figure", [
    ("Quillon-7 has 7B parameters, not 90B.", "7B"),  # the asserted half of a correction
    ("Quillon-7 scored not only 91% on Zorbench but more.", "91%"),  # "not only" asserts
    ("Quillon-7 has no more than 90B parameters.", "90B"),  # a bound, asserted
    ("A common misconception is that it has 90B; in fact Quillon-7 has 7B parameters.", "7B"),  # after the turn
    ("If budgets allow, Quillon-7 has 7B parameters to spare.", "7B"),  # a condition, not contrary to fact
    ("Quillon-7 does not fall behind despite having 7B parameters.", "7B"),  # the negation ends at "despite"
    ("Not surprisingly, Quillon-7 scored 91% on Zorbench.", "91%"),  # across a comma
])
def test_an_asserted_figure_is_read(text: str, figure: str):
    assert unasserted(text, text.index(figure)) is None


@pytest.fixture
def quillon_db(fresh_db):
    prov = dict(origin="test:constructed", observed=date(2026, 1, 1), license="test")
    load(fresh_db, [ModelFact(source="epoch_trends", name="Quillon-7", parameters=7e9, **prov)])
    return fresh_db


@pytest.mark.parametrize("text", [
    "Quillon-7 does not have 90B parameters.",  # would be contradicted if read as an assertion
    "Quillon-7 does not have 7B parameters.",  # would be supported if read as an assertion
    "If Quillon-7 were 7B parameters, it would be slower.",
])
def test_an_unasserted_figure_gets_no_verdict_from_the_data(quillon_db, text: str):
    [claim] = [c for c in check_text(quillon_db, text)["claims"] if c["kind"] == "parameters"]
    assert claim["verdict"] == "unverifiable"
    assert "the text does not assert this figure" in claim["explanation"]
    assert not claim["evidence"]


def test_the_asserted_figure_of_a_correction_is_checked(quillon_db):
    [claim] = [c for c in check_text(quillon_db, "Quillon-7 has 7B parameters, not 90B.")["claims"]
               if c["kind"] == "parameters"]
    assert claim["verdict"] == "supported", claim["explanation"]


# ------------------------------------------------------------------ figures that are no claims
@pytest.mark.parametrize("text", [
    "We ran Quillon-7 with a maximum generation length of 9,000 tokens.",
    "We ran Quillon-7 at temperature 0.7 and top-p 0.9.",
    "We ran Quillon-7 with a top-p of 0.9 and a sampling temperature of 0.7.",
    "For Quillon-7 the max generation length is set to 9,000 tokens and the top-p value to 0.9.",
    "We drew 16 samples per query from Quillon-7.",
    "Quillon-7 is scored by pass@1 over 5 runs.",
    "Quillon-7 results are averaged across 3 seeds.",
])
def test_evaluation_settings_are_no_claims(text: str):
    assert claims(text) == []


def test_a_generic_explainer_of_a_capacity_is_no_claim():
    assert claims("A 4K context window holds about 9 pages of text.") == []
    assert claims("A context window of 4K tokens holds about 3,000 words.") == []
    # a model named, or referred to, keeps the claim
    assert [k for k, _, _ in claims("Quillon-7 has a 4K context window, about 9 pages of text.")][0] == "context_window"


def test_power_and_emissions_columns_are_no_claims():
    text = ("| Model | Training time (GPU hours) | Power consumption (W) | Emissions (tCO2eq) |\n"
            "|---|---|---|---|\n| Quillon-7 | 1.3M | 350 | 210 |\n")
    spans = [span for _, span, _ in claims(text)]
    assert "350" not in spans and "210" not in spans
    assert any("1.3M" in s for s in spans)  # the GPU-hours cell is still read


@pytest.mark.parametrize("text", [
    "We evaluate the 7 and 30B sizes.",  # no model: no claim, and no bare figure left over
    "We evaluate the 4, 7 and 30B sizes.",
])
def test_a_size_list_about_no_model_is_no_claim(text: str):
    assert claims(text) == []


def test_a_size_list_of_a_series_is_one_parameter_claim_per_size():
    got = [(k, span) for k, span, _ in claims("Zeph comes in the 7 and 30B sizes.")]
    assert [k for k, _ in got] == ["parameters", "parameters"]
    got = [(k, span) for k, span, _ in claims("Zeph comes in the 4, 7 and 30B sizes.")]
    assert [k for k, _ in got] == ["parameters"] * 3


def test_a_size_describing_a_class_of_models_is_no_claim():
    assert claims("Quillon-7 runs at the speed of a 12B model.") == []
    assert claims("Quillon-7 costs as much as a 12B model.") == []


# ------------------------------------------------------------------ loose parameter counts
@pytest.mark.parametrize("text", [
    "Quillon-7, about 7B, runs on a laptop.",
    "Quillon-7 (roughly 7B) runs on a laptop.",
    "Roughly 7B Quillon-7 runs on a laptop.",
])
def test_about_n_b_next_to_a_model_is_a_loose_parameter_count(text: str):
    [(kind, span, params)] = claims(text)
    assert kind == "parameters" and params["qualifier"] == "about" and params["value"] == 7e9
