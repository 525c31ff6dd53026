"""Which model a figure belongs to: the binding rule (`claims/binding.py`, docs/claims.md "Which model a
figure belongs to"), by grammar and never by distance.

The first part reads the rule alone, on sentences written for the test and mentions placed by hand
(no warehouse, no facts: only which named model, if any, a figure is bound to). The second part checks
the same sentences end to end on the committed fixture mirror; each expected verdict names the file
and row it rests on."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from openpace.claims import check_text
from openpace.claims.binding import Binder


@dataclass
class Named:
    """A stand-in for a model mention: the binder only reads where a name is."""

    text: str
    start: int
    end: int


def named(sentence: str, *names: str) -> list[Named]:
    """Each name's first occurrence at or after the previous one's end (names in order of appearance)."""
    out, pos = [], 0
    for name in names:
        at = sentence.index(name, pos)
        out.append(Named(name, at, at + len(name)))
        pos = at + len(name)
    return out


def bound(sentence: str, names: tuple[str, ...], figure: str, referent: str | None = None) -> str | None:
    """The name the figure (its last occurrence: a size may also be part of a name) is bound to, or None."""
    ref = Named(referent, -1, -1) if referent else None
    at = sentence.rindex(figure)
    got = Binder(sentence, named(sentence, *names), referent=ref).bind(at, at + len(figure))
    return got.text if got is not None else None


# --- the rule alone ------------------------------------------------------------------------
@pytest.mark.parametrize("sentence, names, figure, referent, expected", [
    # an explicit reference opens the sentence: the figures are the previous subject's, not the
    # first model named after them
    ("The new, 180B-parameter model rivals GPT-4o and Claude 3.5 Sonnet with its 200K context window.",
     ("GPT-4o", "Claude 3.5 Sonnet"), "180B", "Falcon 180B", "Falcon 180B"),
    ("The new, 180B-parameter model rivals GPT-4o and Claude 3.5 Sonnet with its 200K context window.",
     ("GPT-4o", "Claude 3.5 Sonnet"), "200K", "Falcon 180B", "Falcon 180B"),
    # "its" after a subject and two objects: the subject's
    ("Claude 3.5 Sonnet rivals GPT-4o and Llama 3.1 405B with its 200K context window.",
     ("Claude 3.5 Sonnet", "GPT-4o", "Llama 3.1 405B"), "200K", None, "Claude 3.5 Sonnet"),
    # a model named only after the figure, as another verb's object, is never its model
    ("A context window of 200K tokens puts it ahead of models like GPT-4o.", ("GPT-4o",), "200K", None, None),
    ("With 405B parameters, the release competes with rivals such as GPT-4o.", ("GPT-4o",), "405B", None, None),
    ("A 70% score on MMLU is better than GPT-3.5 and close to GPT-4.", ("GPT-3.5", "GPT-4"), "70%", None, None),
    # ... unless grammar binds it: "N for / of X", "N GPUs to train X", a fronted phrase before the subject
    ("Falcon 180B scored 70% on MMLU, against 86% for GPT-4.", ("Falcon 180B", "GPT-4"), "86%", None, "GPT-4"),
    ("Falcon 180B scored 70% on MMLU, against 86% for GPT-4.", ("Falcon 180B", "GPT-4"), "70%", None, "Falcon 180B"),
    ("Meta used 16,000 H100 GPUs to train Llama 3.1 405B.", ("Llama 3.1 405B",), "16,000 H100 GPUs", None,
     "Llama 3.1 405B"),
    ("At $2.50 per million input tokens, GPT-4o undercuts most rivals.", ("GPT-4o",), "$2.50", None, "GPT-4o"),
    ("Priced at $3 per million input tokens, it undercuts rivals such as GPT-4o.", ("GPT-4o",), "$3",
     "Claude 3.5 Sonnet", "Claude 3.5 Sonnet"),
    # possessives and labels
    ("Claude 3.5 Sonnet beat GPT-4o's 128K window with 200K.", ("Claude 3.5 Sonnet", "GPT-4o"), "128K", None, "GPT-4o"),
    ("Claude 3.5 Sonnet beat GPT-4o's 128K window with 200K.", ("Claude 3.5 Sonnet", "GPT-4o"), "200K", None,
     "Claude 3.5 Sonnet"),
    ("It beats models such as Mixtral 8x7B (60%) and GPT-3.5 (55%).", ("Mixtral 8x7B", "GPT-3.5"), "60%",
     "Phi-3 Mini", "Mixtral 8x7B"),
    ("It beats models such as Mixtral 8x7B (60%) and GPT-3.5 (55%).", ("Mixtral 8x7B", "GPT-3.5"), "55%",
     "Phi-3 Mini", "GPT-3.5"),
    # appositives and relative clauses: their head, even as another verb's object
    ("GPT-4o beats Llama 3.1 405B, which has 405B parameters.", ("GPT-4o", "Llama 3.1 405B"), "405B", None,
     "Llama 3.1 405B"),
    ("Claude 3 Haiku, the smallest model, costs $0.25 per million input tokens.", ("Claude 3 Haiku",), "$0.25",
     None, "Claude 3 Haiku"),
    ("Unlike Falcon 180B, Llama 3.1 405B has 405B parameters.", ("Falcon 180B", "Llama 3.1 405B"), "405B", None,
     "Llama 3.1 405B"),
    # a relative clause ends at its comma: a later figure is not its head's
    ("It replaced the original Claude 3 Haiku that drew criticism, then cut the price to $0.80.",
     ("Claude 3 Haiku",), "$0.80", "Claude 3.5 Haiku", "Claude 3.5 Haiku"),
    # a reference carries the previous subject, which is no guess: without one, no model
    ("The model knows nothing beyond its cut-off of April 2024.", (), "April 2024", "Llama 3", "Llama 3"),
    ("The model knows nothing beyond its cut-off of April 2024.", (), "April 2024", None, None),
    ("Adoption reached 45% of the enterprises surveyed.", (), "45%", "Llama 3", None),
])
def test_a_figure_is_bound_by_grammar(sentence, names, figure, referent, expected):
    assert bound(sentence, names, figure, referent) == expected


@pytest.mark.parametrize("sentence, names, figure, expected", [
    # a parenthetical right after the subject, closed before the figure: the models inside it are not the figure's
    ("Kestrel Pro, a cheaper version of Wren 2, costs $2 per million input tokens.", ("Kestrel Pro", "Wren 2"), "$2",
     "Kestrel Pro"),
    ("Kestrel Pro, built on Wren 2, has a 64K context window.", ("Kestrel Pro", "Wren 2"), "64K", "Kestrel Pro"),
    ("Kestrel Pro (an upgrade on Wren 2 and Heron 5) costs $2 per million input tokens.",
     ("Kestrel Pro", "Wren 2", "Heron 5"), "$2", "Kestrel Pro"),
    ("Kestrel Pro — built on Wren 2 — costs $2.", ("Kestrel Pro", "Wren 2"), "$2", "Kestrel Pro"),
    # ... but a figure inside the parenthetical is its own model's, and an open one runs to the figure
    ("Kestrel Pro, a cheaper version of Wren 2 at 64K tokens, is out.", ("Kestrel Pro", "Wren 2"), "64K", "Wren 2"),
    ("Kestrel Pro was followed by the Wren 2 family, a range of models trained on 2T tokens.",
     ("Kestrel Pro", "Wren 2"), "2T", "Wren 2"),
    # the other side of a price comparison: "below", "undercuts"
    ("Kestrel Pro is priced below Wren 2 and Heron 5 at $2 per million input tokens.",
     ("Kestrel Pro", "Wren 2", "Heron 5"), "$2", "Kestrel Pro"),
    ("Kestrel Pro undercuts Wren 2 and Heron 5 with a price of $2 per million input tokens.",
     ("Kestrel Pro", "Wren 2", "Heron 5"), "$2", "Kestrel Pro"),
    # "B at $M" after a figure of the sentence: B's own, though the object of "versus"
    ("Kestrel Pro costs $2 per million input tokens, versus Wren 2 at $3.", ("Kestrel Pro", "Wren 2"), "$3", "Wren 2"),
    ("Kestrel Pro costs $2 per million input tokens, versus Wren 2 at $3.", ("Kestrel Pro", "Wren 2"), "$2",
     "Kestrel Pro"),
    # two clauses, two subjects: each figure its own clause's model
    ("Kestrel Pro costs $2 per million input tokens and Wren 2 costs $3.", ("Kestrel Pro", "Wren 2"), "$3", "Wren 2"),
])
def test_the_subject_keeps_a_figure_from_the_models_of_an_attached_phrase(sentence, names, figure, expected):
    assert bound(sentence, names, figure) == expected


@pytest.mark.parametrize("sentence, names, figure, expected", [
    # the figure right after "C's" is C's, even when the mention holds its possessive and C is the object of a
    # comparison word ("versus", "against", "compared with"): never the sentence's subject
    ("Kestrel Pro's 71% versus Wren 2's 68% on BenchQA.", ("Kestrel Pro's", "Wren 2's"), "68%", "Wren 2's"),
    ("Kestrel Pro's 71% versus Wren 2's 68% on BenchQA.", ("Kestrel Pro's", "Wren 2's"), "71%", "Kestrel Pro's"),
    ("Kestrel Pro offers a 128K window against Wren 2's 200K.", ("Kestrel Pro", "Wren 2's"), "200K", "Wren 2's"),
    ("Kestrel Pro costs $3, compared with Wren 2's $15.", ("Kestrel Pro", "Wren 2's"), "$15", "Wren 2's"),
    ("Kestrel Pro offers a 128K window against Wren 2's 200K.", ("Kestrel Pro", "Wren 2's"), "128K", "Kestrel Pro"),
])
def test_a_figure_after_a_possessive_in_a_comparison_is_the_possessors(sentence, names, figure, expected):
    assert bound(sentence, names, figure) == expected


@pytest.mark.parametrize("sentence, names, figure, expected", [
    # a parenthesis opened right after the compared model holds that model's figures (an apposition), every one of
    # them, even after the subject's own figure and a comparison word
    ("Kestrel Pro costs $2 per million input tokens, far cheaper than Wren 2 ($9 / $27 per million tokens).",
     ("Kestrel Pro", "Wren 2"), "$9", "Wren 2"),
    ("Kestrel Pro costs $2 per million input tokens, far cheaper than Wren 2 ($9 / $27 per million tokens).",
     ("Kestrel Pro", "Wren 2"), "$27", "Wren 2"),
    ("Kestrel Pro costs $2 per million input tokens, far cheaper than Wren 2 ($9 / $27 per million tokens).",
     ("Kestrel Pro", "Wren 2"), "$2 per", "Kestrel Pro"),
    ("Kestrel Pro is smaller than Wren 2 (64K context window, 90B parameters).", ("Kestrel Pro", "Wren 2"), "90B",
     "Wren 2"),
    ("Unlike Wren 2 (trained on 3T tokens), Kestrel Pro saw 9T tokens.", ("Wren 2", "Kestrel Pro"), "3T", "Wren 2"),
    ("Unlike Wren 2 (trained on 3T tokens), Kestrel Pro saw 9T tokens.", ("Wren 2", "Kestrel Pro"), "9T", "Kestrel Pro"),
    # ... but a parenthesis comparing two figures is no apposition: its first figure stays the subject's
    ("Kestrel Pro beats Wren 2 on BenchQA by a wide margin (71% vs 64%).", ("Kestrel Pro", "Wren 2"), "71%",
     "Kestrel Pro"),
    ("Kestrel Pro beats Wren 2 (on BenchQA, 71% versus 64%).", ("Kestrel Pro", "Wren 2"), "71%", "Kestrel Pro"),
])
def test_a_figure_in_a_parenthesis_right_after_a_model_is_that_models(sentence, names, figure, expected):
    assert bound(sentence, names, figure) == expected


def test_a_ratio_never_takes_the_compared_model_as_its_subject():
    s = "It has 2.25 times the parameters of Falcon 180B."
    binder = Binder(s, named(s, "Falcon 180B"), referent=Named("Llama 3.1 405B", -1, -1))
    at = s.index("2.25")
    assert binder.bind(at, at + 4).text == "Falcon 180B"  # "N ... of X": the owner rule alone
    assert binder.bind(at, at + 4, owners=False).text == "Llama 3.1 405B"  # a ratio's subject: the reference


def test_a_list_item_takes_the_subject_of_the_sentence_it_completes_and_no_older_one():
    item = "Price: $0.25 per million input tokens."
    at = item.index("$0.25")
    older = Named("Claude 3 Opus", -1, -1)
    assert Binder(item, [], referent=older, in_list=True, list_subject=None).bind(at) is None
    intro = Named("Claude 3 Haiku", -1, -1)
    assert Binder(item, [], referent=older, in_list=True, list_subject=intro).bind(at) is intro


def test_a_list_item_naming_no_model_is_about_the_model_discussed():
    item = "32k context window"
    older, topic = Named("Kestrel 9", -1, -1), Named("Wren 5", -1, -1)
    # a plain list item (no ":" sentence before it): the subject of the previous sentences, else the topic
    assert Binder(item, [], referent=older, item=True, topic=topic).bind(0) is older
    # an item completing a ":" sentence that named no model: the text's topic, never an older subject
    assert Binder(item, [], referent=older, item=True, in_list=True, topic=topic).bind(0) is topic
    # an item naming its own model keeps it; prose naming none is not bound without a reference
    owl = "Owl 2: 32k context window"
    assert Binder(owl, named(owl, "Owl 2"), referent=older, item=True).bind(owl.index("32k")).text == "Owl 2"
    assert Binder(item, [], referent=older).bind(0) is None


@pytest.mark.parametrize("line, figure, bound_to_referent", [
    ("Hardware type: Z900", "Z900", True),  # a model card's label line (rule 0)
    ("Context length: 32k", "32k", True),
    ("In our tests we used 32k prompts", "32k", False),  # prose, no label
])
def test_an_attribute_label_line_is_about_the_model_discussed(line: str, figure: str, bound_to_referent: bool):
    older = Named("Kestrel 9", -1, -1)
    assert (Binder(line, [], referent=older).bind(line.index(figure)) is older) is bound_to_referent


@pytest.mark.parametrize("sentence, names, subject", [
    ("Claude 3.5 Sonnet scores in line with GPT-4o and Llama 3.1 405B.",
     ("Claude 3.5 Sonnet", "GPT-4o", "Llama 3.1 405B"), "Claude 3.5 Sonnet"),
    # objects only, or a model after a verb: no subject (the previous one carries on)
    ("Reviewers compared GPT-4o and Llama 3.1 405B.", ("GPT-4o", "Llama 3.1 405B"), None),
    ("Its scores are in line with GPT-4o and Llama 3.1 405B.", ("GPT-4o", "Llama 3.1 405B"), "<referent>"),
    # a maker and its verb: the model it ships (the maker's name is also some source's model name)
    ("In addition to Mixtral 8x7B, Mistral is launching Mixtral 8x7B Instruct.",
     ("Mixtral 8x7B", "Mistral", "Mixtral 8x7B Instruct"), "Mixtral 8x7B Instruct"),
    ("Today, we are excited to release our new family of Llama 3 models.", ("Llama 3",), "Llama 3"),
    # a noun phrase with its own complement is no reference
    ("The biggest model in the Llama 1 family has 65B parameters.", ("Llama 1",), "Llama 1"),
    ("The new, 180B-parameter model rivals GPT-4o.", ("GPT-4o",), "<referent>"),
    # a class of models is no reference
    ("The best open model scores 80% on MMLU.", (), None),
    # "the same <thing> as X": X is what the subject is compared with, never the subject (here the subject is a
    # name no source has, so no model carries on)
    ("Wren 9 uses the same tokenizer as Kestrel Pro.", ("Kestrel Pro",), None),
    ("Wren 9 costs the same as Kestrel Pro and Wren 2.", ("Kestrel Pro", "Wren 2"), None),
])
def test_the_subject_a_next_sentence_refers_to(sentence, names, subject):
    ref = Named("<referent>", -1, -1)
    got = Binder(sentence, named(sentence, *names), referent=ref).subject()
    assert (got.text if got is not None else None) == subject


# --- end to end on the fixture mirror ----------------------------------------------------------
def claims_of(con, text: str, kind: str) -> list[dict]:
    return [c for c in check_text(con, text)["claims"] if c["kind"] == kind]


def model_of(claim: dict) -> str | None:
    return next((e["text"] for e in claim["entities"] if e["type"] == "model"), None)


@pytest.mark.parametrize("text, kind", [
    # its window after an opening reference is the previous subject's. genai-prices/data.json: anthropic
    # claude-3-5-sonnet context_window 200000 (GPT-4o: 128000 there, and Llama 3.1 405B has no 200K window
    # in any fixture source: either would not support it)
    ("Claude 3.5 Sonnet is out. The new model rivals GPT-4o and Llama 3.1 405B with its 200K context window.",
     "context_window"),
    # "the model" is the previous subject, not the last name. genai-prices/data.json: anthropic
    # claude-3-5-sonnet input_mtok 3 (Llama 3.1 405B is not Anthropic's and would not be priced at 3 by its
    # first party)
    ("Claude 3.5 Sonnet scores in line with GPT-4o and Llama 3.1 405B. "
     "The model costs $3 per million input tokens.", "price"),
    # a new section brings back the text's topic. Same row (GPT-4o's first-party input price is 2.50: bound
    # to the object of "compared", the claim would be contradicted)
    ("# Claude 3.5 Sonnet\n\nAnthropic's new model is out.\n\n## Pricing\n\n"
     "Reviewers compared GPT-4o and Llama 3.1 405B. The model costs $3 per million input tokens.\n", "price"),
], ids=["its-after-reference", "the-model-previous-subject", "section-brings-back-topic"])
def test_a_reference_binds_the_subject_it_stands_for(con, text: str, kind: str):
    [claim] = claims_of(con, text, kind)
    assert model_of(claim) == "Claude 3.5 Sonnet"
    assert claim["verdict"] == "supported"


def test_a_figure_no_rule_binds_has_no_model(con):
    # GPT-4o is named only after the figure, as the object of "like": the figure is nobody's
    text = "A context window of 200K tokens puts the release ahead of models like GPT-4o."
    [claim] = claims_of(con, text, "context_window")
    assert model_of(claim) is None
    assert claim["verdict"] == "unverifiable"
    assert "no model is named" in claim["explanation"]


def test_a_price_followed_by_a_rival_is_not_the_rivals(con):
    # models.dev / genai-prices: GPT-4o's first-party input price is 2.50 per million tokens, so reading
    # this figure as GPT-4o's (the first model after it) would "support" a claim the text never makes
    text = "At launch, an input price of $2.50 per million tokens put the release ahead of rivals like GPT-4o."
    [claim] = claims_of(con, text, "price")
    assert model_of(claim) is None
    assert claim["verdict"] == "unverifiable"


def test_a_table_row_is_a_label_line_only_with_two_cells():
    older = Named("Kestrel 9", -1, -1)
    two = "Context length; 32K"
    assert Binder(two, [], referent=older, row=True).bind(two.index("32K")) is older
    # a transposed table's row: each value column is another model's, never the one discussed
    many = "Context length; 32K; 128K"
    assert Binder(many, [], referent=older, row=True).bind(many.index("128K")) is None


# --- extraction on invented names (no warehouse) -------------------------------------------------
def _lex():
    from openpace.claims.resolve import Lexicon
    return Lexicon.from_names(models=[("src_a", "Kestrel Pro", "kestrel-pro"), ("src_a", "Wren 2", "wren-2"),
                                      ("src_b", "Heron 5", "heron-5")])


@pytest.mark.parametrize("text", [
    "Kestrel Pro costs $2 per million input tokens, versus Wren 2 at $3 and Heron 5 at $4.",
    "Kestrel Pro costs $2 per million input tokens, compared with $3 for Wren 2 and $4 for Heron 5.",
])
def test_an_amount_attached_to_another_model_is_its_price_in_the_same_unit(text: str):
    from claims_helpers import walk
    got = [(c.sentence[c.start:c.end].split()[0], c.params.get("part"), [e.key for e in c.entities if e.type == "model"])
           for c in walk(text, _lex()) if c.kind == "price"]
    assert got == [("$2", "input", ["kestrel pro"]), ("$3", "input", ["wren 2"]), ("$4", "input", ["heron 5"])]


@pytest.mark.parametrize("text, expected", [
    ("Kestrel Pro costs $2 per million input tokens, roughly 4x cheaper than Wren 2 ($9 / $27 per million tokens).",
     [("$2", "kestrel pro"), ("$9", "wren 2"), ("$27", "wren 2")]),
    ("Kestrel Pro costs $2 per million input tokens, below Heron 5 ($5 per million input tokens).",
     [("$2", "kestrel pro"), ("$5", "heron 5")]),
    # the same amounts with no parenthesis after the compared model: the subject's, as the price carries
    ("Kestrel Pro costs $2 per million input tokens and $6 per million output tokens, roughly 4x cheaper than Wren 2.",
     [("$2", "kestrel pro"), ("$6", "kestrel pro")]),
])
def test_a_price_in_parentheses_after_the_compared_model_is_that_models(text: str, expected: list):
    from claims_helpers import walk
    got = [(c.sentence[c.start:c.end].split()[0], [e.key for e in c.entities if e.type == "model"][0])
           for c in walk(text, _lex()) if c.kind == "price"]
    assert got == expected


# --- plural references: one claim per model of the group (rule 6a) ---------------------------------
def _group_lex():
    from openpace.claims.resolve import Lexicon
    return Lexicon.from_names(models=[("src_a", "Kestrel Pro", "kestrel-pro"), ("src_a", "Kestrel Mini", "kestrel-mini"),
                                      ("src_a", "Kestrel Nano", "kestrel-nano"), ("src_b", "Wren 2", "wren-2")],
                              benchmarks=["BenchQA"])


def _models_per_claim(text: str, kind: str) -> list[list[str]]:
    from claims_helpers import walk
    return [[e.text for e in c.entities if e.type == "model"] for c in walk(text, _group_lex()) if c.kind == kind]


TRIO = "We release Kestrel Pro, Kestrel Mini and Kestrel Nano today. "


@pytest.mark.parametrize("text, kind, expected", [
    (TRIO + "All three models have a context window of 64K tokens.", "context_window",
     [["Kestrel Pro"], ["Kestrel Mini"], ["Kestrel Nano"]]),
    (TRIO + "Each of them costs $2 per million input tokens.", "price",
     [["Kestrel Pro"], ["Kestrel Mini"], ["Kestrel Nano"]]),
    (TRIO + "These models score 71.5% on BenchQA.", "score", [["Kestrel Pro"], ["Kestrel Mini"], ["Kestrel Nano"]]),
    # the sentence's own list with a floating quantifier, or "both" before it
    ("Kestrel Pro and Wren 2 both have a context window of 64K tokens.", "context_window",
     [["Kestrel Pro"], ["Wren 2"]]),
    ("Both Kestrel Pro and Wren 2 cost $2 per million input tokens.", "price", [["Kestrel Pro"], ["Wren 2"]]),
    # a plural copula after the sentence's list: each model's, unless the clause pairs several figures with it
    ("Kestrel Pro and Wren 2 are priced at $2 per million input tokens.", "price", [["Kestrel Pro"], ["Wren 2"]]),
    # no group: "respectively" pairs each figure with its own model (rule 1a)
    ("Kestrel Pro and Wren 2 are 4B and 40B models, respectively.", "parameters", [["Kestrel Pro"], ["Wren 2"]]),
    # a number that is not the group's size names another group: the old reading (the previous subject)
    (TRIO + "Both models have a context window of 64K tokens.", "context_window", [["Kestrel Pro"]]),
    # a model named after the reference, nearer the figure, is the figure's
    (TRIO + "Of all three models, Wren 2 has a context window of 64K tokens.", "context_window", [["Wren 2"]]),
    # "all the variants" without a number: a family's sizes, not the models named before
    (TRIO + "All the variants have a context window of 64K tokens.", "context_window", [["Kestrel Pro"]]),
    # a range over a group is its spread, no model's own figure
    (TRIO + "These models range between 2B and 20B parameters.", "parameters", [[]]),
])
def test_a_plural_reference_makes_one_claim_per_model(text: str, kind: str, expected: list[list[str]]):
    assert _models_per_claim(text, kind) == expected


def test_each_claim_of_a_group_names_the_reference_and_its_model():
    from claims_helpers import walk
    claims = [c for c in walk(TRIO + "All three models have a context window of 64K tokens.", _group_lex())
              if c.kind == "context_window"]
    notes = [next(e.note for e in c.entities if e.type == "model") for c in claims]
    assert all("'All three models' stands for each of Kestrel Pro, Kestrel Mini, Kestrel Nano" in n for n in notes)
    assert [n.rsplit("about ", 1)[1] for n in notes] == ["Kestrel Pro", "Kestrel Mini", "Kestrel Nano"]


def test_each_model_of_a_group_is_verified_on_its_own(con):
    # genai-prices/data.json (fixture): anthropic claude-3-5-sonnet context_window 200000, openai gpt-4o 128000:
    # one claim holds, the other does not
    text = "We compared Claude 3.5 Sonnet and GPT-4o. Both models have a context window of 200K tokens."
    got = {model_of(c): c["verdict"] for c in claims_of(con, text, "context_window")}
    assert got == {"Claude 3.5 Sonnet": "supported", "GPT-4o": "contradicted"}


@pytest.mark.parametrize("text, expected", [
    # a parenthesised pair after each model, the unit named once by the sentence's lead
    ("Prices per million tokens: Kestrel Pro ($2/$8) and Wren 2 ($0.40/$1.60).",
     [("$2", "input", "kestrel pro", 1.0), ("$8", "output", "kestrel pro", 1.0),
      ("$0.40", "input", "wren 2", 1.0), ("$1.60", "output", "wren 2", 1.0)]),
    # ... or by the section's heading; sides named after a dash
    ("## Price per 1K tokens\n\nHeron 5 — $0.10 input, $0.40 output.\n",
     [("$0.10", "input", "heron 5", 1000.0), ("$0.40", "output", "heron 5", 1000.0)]),
    ("## Pricing (per 1M tokens)\n\nKestrel Pro ($2/$8) is the flagship.\n",
     [("$2", "input", "kestrel pro", 1.0), ("$8", "output", "kestrel pro", 1.0)]),
    # no per-token unit named: a pair of amounts is no token price
    ("## Plans\n\nKestrel Pro ($20/$200) is a plan.\n", []),
])
def test_an_amount_after_a_model_takes_the_unit_its_lead_or_section_names(text: str, expected: list):
    from claims_helpers import walk
    got = [(c.sentence[c.start:c.end].split()[0], c.params.get("part"),
            next(e.key for e in c.entities if e.type == "model"), c.params["value"] / c.params["quantity"].value)
           for c in walk(text, _lex()) if c.kind == "price"]
    assert got == expected


# --- what a model copies or starts from is no subject ("a reproduction of Y", "an alternative to Y") ------------
@pytest.mark.parametrize("sentence, names", [
    ("We present an open reproduction of Acme's Wren 2.", ("Wren 2",)),
    ("This repository holds a permissively licensed replica of Wren 2.", ("Wren 2",)),
    ("Our work is a faithful clone of Heron 5 trained from scratch.", ("Heron 5",)),
    ("We built an open alternative to Kestrel Pro.", ("Kestrel Pro",)),
    ("The weights are a drop-in replacement for Kestrel Pro.", ("Kestrel Pro",)),
])
def test_the_model_a_work_reproduces_is_no_subject(sentence, names):
    assert Binder(sentence, named(sentence, *names)).subject() is None


def _copy_lex():
    from openpace.claims.resolve import Lexicon
    return Lexicon.from_names(models=[("src_a", "Wren 13B", "wren-13b"), ("src_a", "Kestrel 7B", "kestrel-7b")])


@pytest.mark.parametrize("text, owner", [
    # the text's own model (the title's topic) owns the figures after "a reproduction of Y", never Y
    ("# Kestrel 7B\n\nWe present a reproduction of Wren 13B. Our model has 7B parameters.", "kestrel 7b"),
    ("# Kestrel 7B\n\nWe built an open-source alternative to Wren 13B. It has 7B parameters.", "kestrel 7b"),
    ("# Kestrel 7B\n\nThis is a replica of Wren 13B, trained from scratch. It has 7B parameters.", "kestrel 7b"),
    # no topic: no model, never the copied one
    ("# Notes\n\nWe present a reproduction of Wren 13B. Our model has 7B parameters.", None),
    # a sentence about the copied model itself keeps it
    ("# Kestrel 7B\n\nWren 13B has 13B parameters.", "wren 13b"),
])
def test_figures_after_a_reproduction_of_another_model_are_the_texts_own(text: str, owner: str | None):
    from claims_helpers import walk
    [claim] = [c for c in walk(text, _copy_lex()) if c.kind == "parameters"]
    assert ([e.key.lower() for e in claim.entities if e is not None and e.type == "model"] or [None])[0] == owner


@pytest.mark.parametrize("text", [
    "# Kestrel 7B\n\nWe present a permissively licensed clone of Wren 13B.",
    "# Kestrel 7B\n\nThis is an open-source reproduction of Wren 13B.",
])
def test_an_openness_word_before_a_reproduction_of_y_is_not_ys(text: str):
    from claims_helpers import walk
    assert not [c for c in walk(text, _copy_lex()) if c.kind == "open_weights"
                and any(e is not None and e.key == "wren 13b" for e in c.entities)]
