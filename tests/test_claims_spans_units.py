"""Spans, unit words and noise forms (docs/claims.md, "Unit words" and "Figures that are no claims"): a word between
a figure and its unit noun ("NB dense parameters"), an appositive restatement ("N billion (NB) parameter"), an
input window, a claim span ending at its own unit (a second figure with its own unit is a figure of its own),
sizes that describe other models, and training-recipe figures.

Every name and figure here is invented: extraction runs on an in-memory vocabulary (`Lexicon.from_names`)."""

from __future__ import annotations

import pytest

from openpace.claims.numbers import find_quantities
from openpace.claims.resolve import Lexicon

from claims_helpers import walk

LEX = Lexicon.from_names(
    models=[("src_a", "Quillon-7", None), ("src_a", "Varnix-2", None)],
    benchmarks=["Zorbench"],
    hardware=["Z900"],
)


def claims(text: str) -> list[tuple[str, str, dict]]:
    """(kind, span, params) of every claim in the text, as the checker walks it."""
    return [(c.kind, c.sentence[c.start:c.end], c.params) for c in walk(text, LEX)]


def holding(text: str, figure: str) -> list[tuple[str, str, dict]]:
    return [c for c in claims(text) if figure in c[1]]


# ------------------------------------------------------------------ a word between the figure and its unit
@pytest.mark.parametrize("text, figure, attribute, value", [
    ("Quillon-7 has 70B dense parameters.", "70B", "parameters_total", 70e9),
    ("Quillon-7 has 70B total parameters.", "70B", "parameters_total", 70e9),
    ("Quillon-7 has 70B trainable parameters.", "70B", "parameters_total", 70e9),
    ("Quillon-7 has 9B active parameters.", "9B", "parameters_active", 9e9),
    ("Quillon-7 is a 12 billion (12B) parameter language model.", "12 billion", "parameters_total", 12e9),
    ("Quillon-7 is a 12 billion-parameter large language model (LLM) with a 32K context window.", "12 billion",
     "parameters_total", 12e9),
    ("Quillon-7 is a 12B dense model, trained on 3T tokens.", "12B", "parameters_total", 12e9),
])
def test_a_named_modifier_between_figure_and_unit_keeps_the_unit(text: str, figure: str, attribute: str, value: float):
    held = holding(text, figure)
    assert [(k, p["attribute"], p["value"]) for k, _, p in held] == [("parameters", attribute, value)]


def test_a_non_embedding_count_is_a_parameter_claim_no_source_records():
    held = holding("Quillon-7 has 11.5B non-embedding parameters.", "11.5B")
    assert [(k, span, p["attribute"]) for k, span, p in held] == \
        [("parameters", "11.5B non-embedding parameters", "parameters_non_embedding")]


def test_an_appositive_restatement_is_one_figure():
    sentence = "Quillon-7 saw 2 trillion (2T) tokens in pre-training."
    quantities = find_quantities(sentence, [])
    assert [(q.text, q.value) for q in quantities] == [("2 trillion", 2e12)]
    assert sentence[quantities[0].start:quantities[0].end] == "2 trillion (2T)"
    held = holding(sentence, "2T")
    assert [(k, p["value"]) for k, _, p in held] == [("training_tokens", 2e12)]


@pytest.mark.parametrize("sentence", [
    "Quillon-7 scored 12 (out of 40) on Zorbench.",  # another value in parentheses: two figures
    "Quillon-7 has 12B (9B active) parameters.",
])
def test_a_parenthesis_holding_another_value_is_no_restatement(sentence: str):
    assert len(find_quantities(sentence, [])) == 2


# ------------------------------------------------------------------ an input window is a context window
@pytest.mark.parametrize("text, value", [
    ("Quillon-7 has a 32K token input window.", 32e3),
    ("Quillon-7 has a 32K-token input window.", 32e3),
    ("Quillon-7 has an input window of 32,000 tokens.", 32e3),
])
def test_an_input_window_is_a_context_window(text: str, value: float):
    held = [(k, p["value"]) for k, _, p in claims(text)]
    assert held == [("context_window", value)]


@pytest.mark.parametrize("text", [
    "Quillon-7 alternates full attention with a sliding 128-token window.",
    "Quillon-7 uses a 4K sliding window.",
    "Quillon-7 uses a sliding window of 4,096 tokens.",
    "Quillon-7 has a 4K local attention window.",
])
def test_a_sliding_attention_window_is_no_context_window(text: str):
    # how far attention looks back inside the context: not the context window a source records
    assert not [k for k, _, _ in claims(text) if k == "context_window"], claims(text)


def test_sizes_a_family_ranges_over_stay_one_range():
    # "in scale from N to M" names the family's sizes, no change from an earlier state (no verb of change)
    held = claims("Quillon-7 ranges in scale from 7B to 70B parameters.")
    assert [(k, s) for k, s, _ in held if any(ch.isdigit() for ch in s) and s != "7"] == [
        ("parameters", "7B to 70B parameters")], held


# ------------------------------------------------------------------ a claim span ends at its own unit
@pytest.mark.parametrize("text, spans", [
    # a second figure with its own unit is a figure of its own
    ("Quillon-7 kept 40 petabytes across 90,000 repositories.", ["40 petabytes", "90,000 repositories"]),
    ("Quillon-7 ran 2 trillion (2T) tokens for 4 epochs.", ["2 trillion (2T) tokens"]),
    # however far apart two figures are, no span runs from one to the other
    ("Quillon-7 was served on up to 16 boards in a rack that the operators kept running without a pause for "
     "the whole of the long evaluation campaign that preceded the public launch by 30 meetings.",
     ["up to 16 boards", "30 meetings"]),
])
def test_a_span_ends_at_its_figures_unit(text: str, spans: list[str]):
    got = [span for _, span, _ in claims(text)]
    for span in spans:
        assert span in got
    assert all(len(span) < 40 for span in got)


def test_a_breakdown_in_parentheses_stays_with_its_figure():
    got = [(k, span) for k, span, _ in claims("Quillon-7 ships as 4 checkpoints (2 base checkpoints & 2 tuned).")]
    assert got == [("other", "4 checkpoints (2 base checkpoints & 2 tuned")]


@pytest.mark.parametrize("text", [
    "Quillon-7 was trained on 16 Z900 GPUs with a 700 W TDP each.",
    "Quillon-7 was trained on 16 Z900 GPUs rated at 700 watts.",
])
def test_a_chips_power_rating_is_no_claim(text: str):
    assert not [span for _, span, _ in claims(text) if "700" in span]


# ------------------------------------------------------------------ sizes of the models compared with
@pytest.mark.parametrize("text, figure", [
    ("Quillon-7 matches models up to 34B parameters on Zorbench.", "34B"),
    ("Quillon-7 outperforms models with 13B parameters.", "13B"),
    ("Quillon-7 is competitive with contemporary 70B models.", "70B"),
    ("Quillon-7 beats larger models trained on 9T tokens.", "9T"),
    ("Quillon-7 performs on par with other 30B models.", "30B"),
    ("Quillon-7 leads at its scale compared to 13B and 34B models.", "34B"),
    ("Quillon-7 is better than many 25x larger 70B models.", "70B"),
    ("Quillon-7 was tested against 3 times bigger 90B models.", "90B"),
    ("Quillon-7 outperforms 7B, 13B or 34B models on Zorbench.", "34B"),
])
def test_a_size_of_the_models_compared_with_is_not_the_subjects(text: str, figure: str):
    held = holding(text, figure)
    assert held and all(p.get("unasserted") == "other models" for _, _, p in held)


@pytest.mark.parametrize("text, figure", [
    ("Quillon-7 leads at its scale compared to 13B and 34B models.", "13B"),
    ("Quillon-7 outperforms 7B, 13B or 34B models on Zorbench.", "7B"),
    ("Quillon-7 outperforms 7B, 13B or 34B models on Zorbench.", "13B"),
    ("Quillon-7 beats models with 13B or 34B parameters.", "13B"),
])
def test_each_size_of_a_compared_class_is_no_subjects_figure(text: str, figure: str):
    # a list's earlier sizes: not the subject's figure, and no untyped `other` either
    held = holding(text, figure)
    assert all(k != "other" and p.get("unasserted") == "other models" for k, _, p in held), held


def test_a_size_list_without_a_comparison_stays_the_subjects():
    held = holding("Quillon-7 and Varnix-2 are 13B and 34B models.", "34B")
    assert held and all(p.get("unasserted") is None for _, _, p in held)


@pytest.mark.parametrize("text, figure", [
    ("Quillon-7 has 13B parameters and beats Varnix-2.", "13B"),
    ("Quillon-7 and Varnix-2 are 13B models.", "13B"),
    ("Quillon-7 outperforms Varnix-2 with 13B parameters.", "13B"),  # the subject's own figure, read as usual
])
def test_a_size_of_the_subject_stays_its_claim(text: str, figure: str):
    held = holding(text, figure)
    assert held and all(p.get("unasserted") is None for _, _, p in held)


# ------------------------------------------------------------------ training-recipe figures are no claims
@pytest.mark.parametrize("text, figure", [
    ("Quillon-7 was trained for 3 epochs.", "3"),
    ("Quillon-7 saw the data mix over 2.5 epochs.", "2.5"),
    ("Quillon-7 used a peak learning rate of 0.0003.", "0.0003"),
    ("Quillon-7 used a global batch size of 4M tokens.", "4M"),
    ("Quillon-7 used a batch size of 1,024 sequences.", "1,024"),
    ("Quillon-7 warmed up over 2,000 steps.", "2,000"),
    ("Quillon-7 used 2,000 warm-up steps.", "2,000"),
    ("Quillon-7 used 40B warm-up tokens.", "40B"),
    ("Quillon-7 spent 40B tokens of warm-up.", "40B"),
    ("Quillon-7 used a 2,000-step warm-up.", "2,000"),
    ("During the first ~20 billion tokens Quillon-7 linearly warms up its learning rate.", "20 billion"),
    ("Quillon-7 warms up the learning rate over the first 3B tokens.", "3B"),
    ("Quillon-7 was trained for 500K steps.", "500K"),
    ("Quillon-7 used a sequence length of 4,096 tokens in the first stage.", "4,096"),
    ("Quillon-7 was pre-trained with a 4K sequence length during the first phase.", "4K"),
])
def test_a_training_recipe_figure_is_no_claim(text: str, figure: str):
    assert not holding(text, figure)


@pytest.mark.parametrize("text, figure", [
    # a share of the data mixture
    ("Quillon-7 moved the share of code in its mix from 20% -> 35% during annealing.", "20%"),
    ("Quillon-7 moved the share of code in its mix from 20% -> 35% during annealing.", "35%"),
    ("In the last stage the math share kept rising to 30%.", "30%"),
    ("The data mix of Quillon-7 had code 20%, math 10% and web 70%.", "10%"),
    ("Quillon-7 upsampled code to 20% of the mixture.", "20%"),
    ("Web text makes up 60% of the data for Quillon-7.", "60%"),
    ("Code is 12% of the pre-training corpus of Quillon-7.", "12%"),
    ("For Quillon-7 we down sample web data to 30%.", "30%"),
    ("For Quillon-7 we down-sample web data to 30% and raise code from 10% -> 25%.", "25%"),
    # a training stage's tokens and sequence lengths
    ("Quillon-7 was trained at 4K length, followed by ~200 billion tokens at length 32K.", "4K"),
    ("Quillon-7 was trained at 4K length, followed by ~200 billion tokens at length 32K.", "200 billion"),
    ("Quillon-7 was trained at 4K length, followed by ~200 billion tokens at length 32K.", "32K"),
    ("Quillon-7 then saw 50B tokens at a 64K sequence length.", "64K"),
    ("Quillon-7 uses a multi-stage approach to context length: 4K then 32K.", "4K"),
    ("Quillon-7 uses a multi-stage approach to context length: 4K then 32K.", "32K"),
    ("Quillon-7 extends its context in two stages of sequence length, 8K and 64K.", "64K"),
    # an architecture's fraction
    ("Quillon-7 applies rotary embeddings to 50% of head embedding dimensions.", "50%"),
    ("Quillon-7 uses global attention in 25% of the layers.", "25%"),
])
def test_a_data_mix_stage_or_architecture_figure_is_no_claim(text: str, figure: str):
    assert not holding(text, figure)


@pytest.mark.parametrize("text, figure, kind", [
    ("Quillon-7 scores 71% on Zorbench and its data mix is public.", "71%", "score"),
    ("Quillon-7 upsampled code to 20% of the mixture, and scored 71% on Zorbench.", "71%", "score"),
    ("Quillon-7 was trained with a 32K context length.", "32K", "context_window"),
    ("Quillon-7 was trained on 9T tokens; the share of code went from 20% -> 35%.", "9T", "training_tokens"),
])
def test_a_claim_beside_a_data_mix_is_still_read(text: str, figure: str, kind: str):
    assert [k for k, _, _ in holding(text, figure)] == [kind]


def test_a_sequence_length_with_no_stage_is_still_read():
    assert [k for k, _, _ in holding("Quillon-7 has a context length of 4,096 tokens.", "4,096")] == ["context_window"]


# ------------------------------------------------------------------ figures a cited study estimates
@pytest.mark.parametrize("text, figure", [
    ("A study estimated that Quillon-7 has 900B parameters.", "900B"),
    ("One analysis projected that Quillon-7 would need 9T tokens.", "9T"),
    ("Researchers speculated that Quillon-7 has 900B parameters.", "900B"),
])
def test_a_cited_estimate_is_not_asserted(text: str, figure: str):
    held = holding(text, figure)
    assert held and all(p.get("unasserted") == "cited estimate" for _, _, p in held)


@pytest.mark.parametrize("text, figure", [
    ("Following Hoffmann et al. (2029), a 1.3B model trained for 2 trillion tokens is compute-optimal.", "1.3B"),
    ("Following Hoffmann et al. (2029), a 1.3B model trained for 2 trillion tokens is compute-optimal.", "2 trillion"),
    ("Scaling laws (Kaplan et al., 2028) suggest a 7.25B model trained on 1 trillion tokens.", "7.25B"),
    ('The paper "Training Compute-Optimal Models" shows a 2.51B model trained for 3 trillion tokens.', "2.51B"),
    ("An 800M-parameter model trained on 90B tokens matches it (Smith and Jones, 2030).", "90B"),
    # other citation shapes, and a scaling law named in place of a paper
    ("The scaling laws of (Hoffmann et al. 2029) suggest that a compute-optimal 3B model needs 60B tokens.", "3B"),
    ("The scaling laws of (Hoffmann et al. 2029) suggest that a compute-optimal 3B model needs 60B tokens.", "60B"),
    ("As [Kaplan et al., 2028] show, a 6B model trained on 120B tokens is optimal.", "120B"),
    ("Chinchilla-optimal training puts a 7B model at 140B tokens.", "7B"),
    ("Scaling laws suggest a 9B model trained on 180B tokens.", "180B"),
])
def test_a_model_a_cited_work_describes_is_no_claim(text: str, figure: str):
    assert not holding(text, figure)


@pytest.mark.parametrize("text, figure", [
    ("Quillon-7 (Smith et al., 2031) is a 7B model trained on 2 trillion tokens.", "7B"),
    ("Quillon-7 (Smith et al., 2031) is a 7B model trained on 2 trillion tokens.", "2 trillion"),
    ("Quillon-7 (Smith et al., 2031) has 7B parameters.", "7B"),
    ("Quillon-7 is a compute-optimal 7B model.", "7B"),  # a predicate: the subject's own
    ("A 1.3B model trained for 2 trillion tokens, Quillon-7 is small.", "1.3B"),  # no cited work
    # the subject's own figure beside a cited work's model
    ("Unlike a compute-optimal 3B model (Hoffmann et al., 2029), Quillon-7 was trained on 4T tokens.", "4T"),
])
def test_a_cited_papers_own_model_is_still_its_claim(text: str, figure: str):
    held = holding(text, figure)
    assert held and all(p.get("unasserted") is None for _, _, p in held)


def test_a_cited_finding_is_still_a_claim():
    held = holding("A study found that Quillon-7 scores 71% on Zorbench.", "71%")
    assert held and all(p.get("unasserted") is None for _, _, p in held)


# ------------------------------------------------------------------ an organisation's founding date; a generic model
def test_a_founding_date_is_no_release_date():
    got = claims("Quillon-7 was released in 2027 by Zeta Labs, a lab founded in 2025.")
    assert [(k, span) for k, span, _ in got if "2025" in span] == []
    assert "2027" in " ".join(span for _, span, _ in got)


@pytest.mark.parametrize("text", [
    "Quillon-7 is better than an open-source model of its size.",
    "Quillon-7 is as fast as an open-weights model twice its size.",
    "Unlike an open-source model, Quillon-7 is fast.",
])
def test_an_open_model_named_as_a_class_is_no_licence_claim(text: str):
    assert [k for k, _, _ in claims(text) if k == "open_weights"] == []


def test_an_open_model_the_subject_is_stays_a_licence_claim():
    assert [k for k, _, _ in claims("Quillon-7 is an open-source model.")] == ["open_weights"]


@pytest.mark.parametrize("text", [
    "Quillon-7 was trained on up to 16 700W TDP Z900 GPUs.",
    "Quillon-7 was trained on 16 700 W TDP Z900 GPUs.",
])
def test_a_chip_count_before_a_power_rating_counts_the_chips(text: str):
    got = [(k, span) for k, span, _ in claims(text)]
    assert len(got) == 1 and got[0][0] == "training_hardware" and got[0][1].startswith(("up to 16", "16"))
