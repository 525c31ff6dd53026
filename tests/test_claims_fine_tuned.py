"""A fine-tuned model is not its base model (docs/claims.md, "Model names"; `domain.variants.FINE_TUNED`):
"<X> StoryWriter", "the chat version of <X>", "<X>'s instruct model" name another model, often under another
licence; when no source names it, its claims are unverifiable, never decided from <X>'s rows.

Extraction on invented names (`Lexicon.from_names`); verdicts on the fixture mirror:
tests/fixtures/mirror/epoch/open-model-trends/benchmarks_with_model_accessibility.csv: Mistral Large Closed."""

from __future__ import annotations


import pytest

from openpace.claims import check_text
from openpace.claims.binding import OPENING_REFERENCE
from openpace.claims.resolve import Lexicon

LEX = Lexicon.from_names(models=[("catalogue", "Quillon-9", None), ("catalogue", "Quillon-9-Chat", None)])


def _models(text: str) -> list[tuple[str, str, str, int]]:
    return [(m.text, m.key, m.how, len(m.names)) for m in LEX.find_models(text, [])]


@pytest.mark.parametrize("text, written, key", [
    ("Quillon-9 StoryWriter is released under Apache 2.0.", "Quillon-9 StoryWriter", "quillon 9 storywriter"),
    ("Quillon-9-Coder is released under Apache 2.0.", "Quillon-9-Coder", "quillon 9 coder"),
    ("Quillon-9 SFT is released under Apache 2.0.", "Quillon-9 SFT", "quillon 9 sft"),
    ("The storywriter version of Quillon-9 is released under MIT.", "Quillon-9", "quillon 9 storywriter"),
    ("Quillon-9's math model is released under MIT.", "Quillon-9's", "quillon 9 math"),
])
def test_a_fine_tuned_model_no_source_names_has_no_rows(text: str, written: str, key: str):
    [(got_text, got_key, how, rows)] = _models(text)
    assert (got_text, got_key, how, rows) == (written, key, "variant", 0)


def test_a_fine_tuned_model_a_source_names_is_that_model():
    assert _models("Quillon-9 Chat is released under MIT.") == [("Quillon-9 Chat", "quillon 9 chat", "exact", 1)]
    [(text, key, how, rows)] = _models("The chat version of Quillon-9 is released under MIT.")
    assert (key, how, rows) == ("quillon 9 chat", "loose", 1)


@pytest.mark.parametrize("text", [
    "Quillon-9 Base is released under MIT.",  # the base model is the model itself
    "Quillon-9 coder jobs are open.",  # a lower-case word after the name is no name's word
    "Quillon-9, Chat and others.",  # not joined to the name
])
def test_words_that_name_no_fine_tuned_model(text: str):
    assert [(t, k) for t, k, _h, _n in _models(text)][0] == ("Quillon-9", "quillon 9")


def test_a_fine_tuned_model_is_no_reference_to_the_previous_subject():
    assert OPENING_REFERENCE.match("The model is released under MIT.")
    assert OPENING_REFERENCE.match("The 9B model is released under MIT.")
    assert not OPENING_REFERENCE.match("The StoryWriter model is released under MIT.")
    assert not OPENING_REFERENCE.match("The chat version has a 65k context window.")


# ------------------------------------------------------------------ verdicts on the fixture mirror
def test_a_fine_tuned_models_licence_is_never_settled_by_its_base(con):
    # the base's own row is right (closed); the fine-tuned model's licence is no claim about the base
    text = ("| Model | License |\n|---|---|\n| Mistral Large | API only |\n| Mistral Large StoryWriter | Apache 2.0 |\n\n"
            "The storywriter version of Mistral Large is released under the Apache 2.0 license.\n")
    got = [(c["span"], c["verdict"]) for c in check_text(con, text)["claims"] if c["kind"] == "open_weights"]
    assert got == [("API only", "supported"), ("Apache 2.0", "unverifiable"),
                   ("released under the Apache 2.0", "unverifiable")], got
    claims = [c for c in check_text(con, text)["claims"] if c["kind"] == "open_weights"]
    assert all(c["evidence"] == [] for c in claims[1:]), claims
    assert "names a fine-tuned model of 'mistral large'" in claims[1]["explanation"] + str(claims[1]["entities"])
