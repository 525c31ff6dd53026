"""Figures whose model is implied (docs/claims.md, "Which model a figure belongs to"): a fronted phrase before
"<maker> claims <model> ...", a figure before a comparison verb whose subject the sentence leaves out, a sentence
about the model's training data, and a plural reference that must not reach back into an earlier section.
The vocabulary is invented (`Lexicon.from_names`: no source holds these names), so nothing here is a fact; the
tests only check which model each figure is bound to."""

from __future__ import annotations

import pytest

from openpace.claims.resolve import Lexicon, norm_name

from claims_helpers import walk

LEX = Lexicon.from_names(models=[("src_a", "Pica-4q", None), ("src_a", "Heron 5", None), ("src_a", "Wren 2", None)],
                         benchmarks=["BenchQA"])


def bound(text: str) -> list[tuple[str, list[str]]]:
    """(figure as written, the model keys it is bound to) of every claim with a figure, in order."""
    out = []
    for c in walk(text, LEX):
        if c.figures:
            models = [norm_name(e.key) for e in c.entities if e.type == "model"]
            out.append((c.sentence[c.figures[0][0]:c.figures[0][1]], models))
    return out


def figure(text: str, written: str) -> list[list[str]]:
    """The models of every claim whose figure holds `written`."""
    return [m for f, m in bound(text) if written in f]


# --- a fronted phrase: the subject after "<maker> claims" -------------------------------------------------------
@pytest.mark.parametrize("sentence", [
    "Even with a mere 7 billion parameters, Acme claims Pica-4q beats larger rivals.",
    "With only 7 billion parameters, Acme says that Pica-4q holds its own.",
    "With 7 billion parameters, we believe Pica-4q is the best small model.",
])
def test_a_fronted_figure_belongs_to_the_subject_after_a_makers_claim(sentence):
    assert figure("# Notes\n\n" + sentence, "7") == [["pica 4q"]]


def test_a_fronted_figure_before_a_claim_about_no_model_binds_nothing():
    assert figure("# Notes\n\nWith 7 billion parameters, Acme claims the field is moving fast.", "7") == [[]]


# --- a figure before a comparison verb whose subject is left out: the model the text is about ----------------
@pytest.mark.parametrize("sentence", [
    "BenchQA at 71% trails Heron 5 (75%) and Wren 2 (78%).",
    "On BenchQA at 71% it trails Heron 5 (75%) and Wren 2 (78%).",
])
def test_a_figure_whose_subject_is_implied_is_the_topics_and_the_objects_keep_theirs(sentence):
    text = "# Pica-4q notes\n\nPica-4q is out.\n\n" + sentence
    assert [x for x in bound(text) if x[0].endswith("%")] == [("71%", ["pica 4q"]), ("75%", ["heron 5"]),
                                                              ("78%", ["wren 2"])]


def test_an_implied_subject_under_a_heading_is_the_sections_model():
    text = "# Notes\n\n## Wren 2\n\nBenchQA at 71% trails Heron 5 (75%).\n"
    assert [x for x in bound(text) if x[0].endswith("%")] == [("71%", ["wren 2"]), ("75%", ["heron 5"])]


def test_an_implied_subject_with_no_topic_binds_nothing():
    text = "# Notes\n\nBenchQA at 71% trails Heron 5 (75%).\n"
    assert figure(text, "71%") == [[]]


def test_a_figure_with_a_noun_of_its_own_before_the_comparison_is_no_implied_subject():
    # "A 71% score ... is above X": the score of some model, the sentence does not say whose
    text = "# Pica-4q notes\n\nPica-4q is out.\n\nA 71% score on BenchQA is above Heron 5.\n"
    assert figure(text, "71%") == [[]]


# --- a sentence about the training data: the model discussed ---------------------------------------------------
def test_a_sentence_about_the_training_data_is_about_the_model_discussed():
    text = ("# Notes\n\nThe corpus for Pica-4q is mostly web text. "
            "This pretraining dataset is so large that even 2 trillion tokens cover less than one pass.\n")
    assert figure(text, "2 trillion") == [["pica 4q"]]


def test_a_dataset_sentence_after_no_model_binds_nothing():
    text = "# Notes\n\nThe pretraining dataset is so large that even 2 trillion tokens cover less than one pass.\n"
    assert figure(text, "2 trillion") == [[]]


@pytest.mark.parametrize("fragment", ["Trained on 2T tokens of code and text.", "Pre-trained with 2T tokens."])
def test_a_training_fragment_under_a_models_heading_is_that_models(fragment):
    assert figure(f"# Notes\n\n## Pica-4q\n\n{fragment}\n", "2T") == [["pica 4q"]]
    assert figure(f"# Notes\n\n## Setup\n\n{fragment}\n", "2T") == [[]]


# --- a plural reference does not reach back into an earlier section ---------------------------------------------
def test_these_models_in_a_new_section_are_not_the_models_of_an_earlier_one():
    text = ("# Notes\n\n## Rivals\n\nHeron 5 and Wren 2 are strong.\n\n## Pica-4q\n\n"
            "The context length for these models is 32K tokens.\n")
    # the reference stands for the section's own model, as "the model" would, never the two named above
    assert figure(text, "32K") == [["pica 4q"]]
    # a section whose heading names no model: the text's topic (its title's model), again not the two above
    titled = text.replace("# Notes", "# Pica-4q review").replace("## Pica-4q", "## Context")
    assert figure(titled, "32K") == [["pica 4q"]]


def test_these_models_in_the_same_section_are_its_models():
    text = ("# Notes\n\n## Rivals\n\nHeron 5 and Wren 2 are strong.\n\n"
            "The context length for these models is 32K tokens.\n")
    assert figure(text, "32K") == [["heron 5"], ["wren 2"]]


def test_a_heading_naming_several_models_is_the_group_of_its_section():
    text = "# Notes\n\n## Heron 5 and Wren 2\n\nBoth models have a 32K context window.\n"
    assert figure(text, "32K") == [["heron 5"], ["wren 2"]]


# --- "the NB model" after a series: the series' model of that size ---------------------------------------------
SIZED = {"vessel-2-2b": [("src_a", "Vessel 2 2B")], "vessel-2-9b": [("src_a", "Vessel 2 9B")],
         "pallas-9b": [("src_a", "Pallas 9B")]}
SIZED_LEX = Lexicon.from_names(models=[(s, n, None) for rows in SIZED.values() for s, n in rows],
                               benchmarks=["Zorbench"], aliases=SIZED,
                               sized=[("vessel-2-2b", "2b", None), ("vessel-2-9b", "9b", None),
                                      ("pallas-9b", "9b", None)])


def scored(text: str) -> list[str | None]:
    """The model key of every score claim."""
    return [c.entities[0].key if c.entities and c.entities[0].type == "model" else None
            for c in walk(text, SIZED_LEX) if c.kind == "score"]


@pytest.mark.parametrize("opening", ["The 9B model", "The 9B version", "The 9B variant"])
def test_a_size_label_after_a_series_names_the_series_model_of_that_size(opening):
    text = f"# Notes\n\nThe Vessel 2 series comes in two sizes. {opening} scores 71% on Zorbench.\n"
    assert scored(text) == ["vessel-2-9b"]


def test_a_size_the_series_lacks_names_no_model():
    text = "# Notes\n\nThe Vessel 2 series comes in two sizes. The 5B model scores 71% on Zorbench.\n"
    assert scored(text) == [None]


def test_a_size_label_after_a_model_of_another_size_names_its_series_sibling():
    text = "# Notes\n\nVessel 2 9B is out. The 2B model scores 61% on Zorbench.\n"
    assert scored(text) == ["vessel-2-2b"]


def test_the_model_after_a_series_stays_the_series():
    text = "# Notes\n\nThe Vessel 2 series comes in two sizes. The model scores 71% on Zorbench.\n"
    assert scored(text) == ["vessel 2"]



# --- a section whose heading names several models is about no one of them ----------------------------------------
@pytest.mark.parametrize("heading", ["Heron 5 vs Wren 2", "Heron 5 and Wren 2"])
def test_a_bullet_under_a_heading_naming_several_models_has_no_model(heading):
    text = f"# Pica-4q review\n\nPica-4q is new.\n\n## {heading}\n\n- Context: 128K tokens\n- Trained on 2T tokens\n"
    assert [m for _, m in bound(text)] == [[], []]


def test_a_sentence_naming_a_subject_in_such_a_section_brings_one_back():
    text = "# Notes\n\nPica-4q is new.\n\n## Heron 5 vs Wren 2\n\nWren 2 is the newer one. It has a 64K window.\n"
    assert figure(text, "64K") == [["wren 2"]]


def test_a_bullet_under_a_heading_naming_one_model_is_that_models():
    text = "# Notes\n\nPica-4q is new.\n\n## Wren 2\n\n- Context: 128K tokens\n"
    assert figure(text, "128K") == [["wren 2"]]
