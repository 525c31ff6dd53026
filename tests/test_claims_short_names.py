"""Names written in another order or cut short (docs/claims.md, "Names in another order or cut short"):
`Lexicon.by_words` and the text-local aliases of `carry.short_names`. The vocabulary is invented for the
tests (`Lexicon.from_names`: no source holds these names), so nothing here is a fact; the tests only
check which model each figure is bound to."""

from __future__ import annotations

import pytest

from openpace.claims.resolve import Lexicon

from claims_helpers import walk

# an invented family with two generations and three tiers, and an invented model with a lower-case tier
LEX = Lexicon.from_names(
    models=[("src_a", "Corvo 3 Rook", None), ("src_a", "Corvo 3 Crow", None), ("src_a", "Corvo 3 Raven", None),
            ("src_a", "Corvo 3.2 Raven", None), ("src_b", "corvo-raven-3.2", None), ("src_a", "Corvo 3.2 Rook", None),
            ("src_a", "Pica-4q", None), ("src_a", "Pica-4q lite", None), ("src_a", "Pica-5", None),
            ("src_a", "Pica-5 lite", None), ("src_a", "Pica-4q echo preview", None),
            ("src_a", "Pica-4q voice preview", None), ("src_a", "Wren 2 Pro", None), ("src_a", "Wren 1 Pro", None)],
    benchmarks=["BenchQA"],
)


def models_of(text: str) -> list[tuple[str, str | None]]:
    """(figure as written, the model key it is bound to) of every claim with a figure, in order."""
    out = []
    for c in walk(text, LEX):
        if not c.figures:
            continue
        model = next((e.key for e in c.entities if e.type == "model"), None)
        out.append((c.sentence[c.figures[0][0]:c.figures[0][1]], model))
    return out


def test_a_name_in_another_order_is_the_model_with_those_words():
    [m] = LEX.find_models("Wren Pro 2 has a context window of 64K tokens.", [])
    assert (m.key, m.how) == ("wren 2 pro", "loose")
    # the same words in another order: the spelling most sources use
    [m] = LEX.find_models("Corvo Raven 3.2 is out.", [])
    assert m.key in ("corvo 3.2 raven", "corvo raven 3.2") and m.how in ("exact", "loose")


def test_words_of_two_models_resolve_to_neither():
    # "Wren Pro" fits "Wren 2 Pro" and "Wren 1 Pro" alike: no reordered name, and no guess
    assert LEX.by_words(["wren", "pro"]) is None
    assert LEX.by_words(["pro"], [("wren", "2"), ("wren", "1")]) is None
    assert LEX.by_words(["pro"], [("wren", "2")]) == "wren 2 pro"


def test_a_tier_alone_names_the_member_of_the_generation_a_heading_named():
    text = "# The Corvo 3 family\n\n- Rook: $0.50 per million input tokens\n- Crow: $2 per million input tokens\n"
    assert models_of(text) == [("$0.50", "corvo 3 rook"), ("$2", "corvo 3 crow")]


def test_a_tier_alone_names_the_member_of_the_generation_a_full_mention_named():
    text = "Corvo 3 Rook is the small one. Crow costs $2 per million input tokens."
    assert models_of(text) == [("$2", "corvo 3 crow")]


def test_a_tier_two_generations_carry_is_no_model():
    # "Corvo 3 Crow" and "Corvo 3.2 Raven" establish two generations, and "Rook" is in both: never a guess
    text = "Corvo 3 Crow and Corvo 3.2 Raven are out. Rook costs $0.50 per million input tokens."
    assert models_of(text) == [("$0.50", None)]


def test_a_tier_with_no_family_named_is_no_model():
    assert models_of("Rook costs $0.50 per million input tokens.") == [("$0.50", None)]


@pytest.mark.parametrize("written", ["Raven 3.2", "3.2 Raven"])
def test_a_tier_and_version_name_the_member_of_the_family_named(written: str):
    text = f"Corvo 3 Rook is cheap. {written} costs $3 per million input tokens."
    [(figure, model)] = models_of(text)
    assert figure == "$3" and model in ("corvo 3.2 raven", "corvo raven 3.2")


def test_a_tier_and_version_need_the_family_named():
    assert models_of("Raven 3.2 costs $3 per million input tokens.")[-1] == ("$3", None)


def test_the_family_word_and_a_tier_name_the_member_of_the_generation_named():
    text = "# Corvo 3 models\n\nCorvo Crow costs $2 per million input tokens."
    assert models_of(text) == [("$2", "corvo 3 crow")]


def test_a_lower_case_tier_after_its_generation_in_the_same_sentence():
    text = "Pica-4q costs $1 per million input tokens, while lite costs $0.20 per million input tokens."
    assert models_of(text) == [("$1", "pica 4q"), ("$0.20", "pica 4q lite")]


@pytest.mark.parametrize("text", [
    # two generations carry the tier
    "Pica-4q and Pica-5 are out. Then lite costs $0.20 per million input tokens.",
    # a lower-case word with a noun of its own, or after an article, is an ordinary word
    "Pica-4q is out. A lite version costs $0.20 per million input tokens.",
])
def test_a_lower_case_tier_that_is_no_name(text: str):
    assert models_of(text)[-1] == ("$0.20", None)


def test_a_sentence_opening_word_with_a_noun_of_its_own_is_no_tier():
    # "Rook" would fit the generation, but "Rook players ..." reads the word as an ordinary noun
    text = "# The Corvo 3 family\n\nRook players pay $5 per million input tokens."
    assert models_of(text) == [("$5", None)]


def test_a_name_of_more_words_than_a_generation_and_a_tier_establishes_none():
    # "Pica-4q echo preview" is no "<generation> <tier>": "Voice" after it is no "Pica-4q voice preview"
    text = "Pica-4q echo preview is out. Voice costs $4 per million input tokens."
    assert models_of(text) == [("$4", None)]


# a version written with a tier ("2.5 Max") that names no member of a family the text established: another family's
# member with that tier ("Tern 4 Max") is never meant, whether the tier alone fits one generation or one model named
TIERED = Lexicon.from_names(
    models=[("src_a", "Tern 4", None), ("src_a", "Tern 4 Max", None), ("src_a", "Heron 1.5 Max", None),
            ("src_a", "Heron 2.5 Max", None), ("src_a", "Heron 2.5 Lite", None)],
    benchmarks=["BenchQA"],
)


def tiered_models(text: str) -> list[tuple[str, str | None]]:
    out = []
    for c in walk(text, TIERED):
        if c.figures:
            model = next((e.key for e in c.entities if e.type == "model"), None)
            out.append((c.sentence[c.figures[0][0]:c.figures[0][1]], model))
    return out


ROWS = "| Model | Best For | Input price ($/1M tokens) |\n|---|---|---|\n"


@pytest.mark.parametrize("before", [
    f"Tern (Acme)\n\n{ROWS}| Tern 4 | reasoning | $2.00 |\n\n",  # the tier alone fits the one generation named
    "Tern 4 Max is the large one.\n\n",  # the tier is the last word of the one model named
])
def test_a_tier_written_with_a_version_never_falls_back_to_another_family(before: str):
    got = tiered_models(before + f"Some other vendor:\n\n{ROWS}| 2.5 Max | documents | $1.25 |\n| Max 2.5 | documents | $3.50 |\n")
    assert [(f, m) for f, m in got if f in ("$1.25", "$3.50")] == [("$1.25", None), ("$3.50", None)], got


def test_a_tier_alone_still_names_the_member_of_the_generation_named():
    got = tiered_models(f"{ROWS}| Tern 4 | reasoning | $2.00 |\n| Max | reasoning | $9.00 |\n")
    assert got[-1] == ("$9.00", "tern 4 max"), got


@pytest.mark.parametrize("lead", ["Heron (Acme)\n\n", "## Heron\n\n", "## Heron models\n\nOur picks:\n\n",
                                  "### Heron (Acme):\n\n"])
def test_a_line_naming_a_family_alone_establishes_it_for_the_labels_under_it(lead: str):
    got = tiered_models(f"{ROWS}| Tern 4 | reasoning | $2.00 |\n\n{lead}{ROWS}| 2.5 Max | documents | $1.25 |\n"
                        "| Lite 2.5 | speed | $0.10 |\n")
    assert got == [("$2.00", "tern 4"), ("$1.25", "heron 2.5 max"), ("$0.10", "heron 2.5 lite")], got


def test_a_family_heading_completes_a_tier_and_version_in_prose_not_a_tier_alone():
    assert tiered_models("## Heron\n\n2.5 Max costs $1.25 per million input tokens.\n") == \
        [("$1.25", "heron 2.5 max")]
    # a family heading names no generation: "Max" fits "Heron 1.5 Max" and "Heron 2.5 Max" alike
    assert tiered_models("## Heron\n\nMax costs $3 per million input tokens.\n") == [("$3", None)]
