"""A sentence whose subject is one of the model's attributes and that names no model ("Context window is N tokens,
with an M-token output limit") is about the model discussed: the section's model, else the previous subject
(`binding.ATTRIBUTE_OPENING`, rule 9); "an M-token output limit", "M token output cap" is an output limit
(`patterns.AFTER["output"]`). Invented names and figures (`Lexicon.from_names`), no warehouse."""

from __future__ import annotations

import pytest

from claims_helpers import walk
from openpace.claims.binding import Binder
from openpace.claims.resolve import Lexicon

LEX = Lexicon.from_names(models=[("src_a", "Tern 4", "tern-4"), ("src_a", "Skua 2 Pro", "skua-2-pro"),
                                 ("src_a", "Gull 7", "gull-7")])


def bound(text: str) -> list[tuple[str, str, str | None]]:
    """(kind, span, model text) of every attribute claim of the text."""
    return [(c.kind, c.span, c.entities[0].text if c.entities and c.entities[0].type == "model" else None)
            for c in walk(text, LEX) if c.kind in ("context_window", "output_limit", "parameters", "training_tokens")]


@pytest.mark.parametrize("text, expected", [
    # a heading names each section's model; the sentences under it name none
    ("# Three hosted models\n\n## Tern 4\n\nContext window is 96,000 tokens, with a 12,000 token output limit.\n\n"
     "## Skua 2 Pro\n\nThe context window is 300K tokens with an 9,000-token output limit.\n",
     [("context_window", "96,000", "Tern 4"), ("output_limit", "12,000 token output limit", "Tern 4"),
      ("context_window", "300K", "Skua 2 Pro"), ("output_limit", "9,000-token output limit", "Skua 2 Pro")]),
    # the previous sentence's subject, in running prose
    ("Gull 7 is a compact model for on-device use. Its maker keeps it small. The context length is 48K tokens.",
     [("context_window", "48K", "Gull 7")]),
    ("Skua 2 Pro arrived last spring.\n\nThe maximum output length is 20,000 tokens.\n",
     [("output_limit", "20,000", "Skua 2 Pro")]),
])
def test_a_subjectless_attribute_sentence_is_the_discussed_models(text: str, expected: list):
    assert bound(text) == expected


@pytest.mark.parametrize("text, span", [
    ("Tern 4 has a 12,000 token output limit.", "12,000 token output limit"),
    ("Tern 4 comes with an 12,000-token output cap.", "12,000-token output cap"),
    ("Tern 4 has a 12K max output length.", "12K max output length"),
])
def test_a_token_count_before_output_limit_is_an_output_limit(text: str, span: str):
    assert bound(text) == [("output_limit", span, "Tern 4")]


@pytest.mark.parametrize("text", [
    # an attribute opening a sentence that names the model before the figure: that model (the usual rule)
    "The context window of Gull 7 is 48K tokens.",
    "Tern 4 is older. The context window is 48K tokens for Gull 7.",
])
def test_a_model_named_before_the_figure_still_decides(text: str):
    assert bound(text) == [("context_window", "48K", "Gull 7")]


@pytest.mark.parametrize("sentence, referent, expected", [
    ("Context window is 96,000 tokens.", "Tern 4", "Tern 4"),
    ("The output limit is 12,000 tokens.", "Tern 4", "Tern 4"),
    ("Its context length was 48K tokens.", "Tern 4", "Tern 4"),
    # no attribute as the subject: no reference, nothing bound
    ("Pricing is fair and the context window is 96,000 tokens.", "Tern 4", None),
    ("A context window of 96,000 tokens is plenty.", "Tern 4", None),
    # nothing discussed before: nothing bound
    ("Context window is 96,000 tokens.", None, None),
])
def test_the_rule_alone(sentence: str, referent: str | None, expected: str | None):
    class Ref:
        text, start, end = referent, -1, -1

    at = sentence.index("9" if "9" in sentence else "1" if "12" in sentence else "4")
    got = Binder(sentence, [], referent=Ref() if referent else None).bind(at, at + 2)
    assert (got.text if got is not None else None) == expected
