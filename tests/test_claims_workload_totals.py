"""A workload's total is no price (docs/claims.md, `other`; `patterns.WORKLOAD_AFTER` / `WORKLOAD_BEFORE`): an
amount with no per-token unit that the text works out for its own job ("would cost about $A", "$A for the page",
"$A a month") is an `other`, never read as a price per million tokens; an amount with a per-token unit stays a price.

Extraction on invented names (`Lexicon.from_names`); verdicts on the fixture mirror:
litellm/model_prices_2026-11-20_litellm-1.110.2.json gpt-4o: input 2.5e-06, output 1e-05 per token."""

from __future__ import annotations


import pytest

from claims_helpers import walk
from openpace.claims import check_text
from openpace.claims.patterns import WORKLOAD_WHY
from openpace.claims.resolve import Lexicon

LEX = Lexicon.from_names(models=[("catalogue", "Quillon-9", None), ("catalogue", "Quillon 3 Verse", None)],
                         providers=["quillcorp"])


def _kinds(text: str) -> list[tuple[str, str]]:
    return [(c.kind, c.sentence[c.start:c.end]) for c in walk(text, LEX)]


@pytest.mark.parametrize("text, figure", [
    ("Processing the whole novel with Quillon-9 would cost about $3.10.", "$3.10"),
    ("Summarising one report with Quillon-9 costs about 7 cents.", "7 cents"),
    ("Quillon-9 costs about 7 cents for the page.", "7 cents"),
    ("Quillon-9 costs $6 for 300 pages.", "$6"),
    ("Running Quillon-9 for a week cost us $410.", "$410"),
    ("Quillon-9 costs $41 a month.", "$41"),
    ("Quillon-9 costs $0.013 per request.", "$0.013"),
    ("With Quillon-9, 3,000 requests cost $7.", "$7"),
    ("Quillon-9 costs $3.10 in total.", "$3.10"),
    ("Quillon-9 costs $3.10 to translate the manual.", "$3.10"),
    ("Quillon-9 costs $3.10 for 40,000 tokens.", "$3.10"),
    ("The monthly bill for Quillon-9 came to $97.", "$97"),
])
def test_a_workload_total_is_no_price(text: str, figure: str):
    claims = list(walk(text, LEX))
    assert not [c for c in claims if c.kind == "price"], [(c.kind, c.sentence[c.start:c.end]) for c in claims]
    [other] = [c for c in claims if c.kind == "other" and figure in c.sentence[c.start:c.end]]
    assert other.params.get("why") == WORKLOAD_WHY


@pytest.mark.parametrize("text, figure", [
    ("Quillon-9 costs $3.10 per million input tokens.", "$3.10 per million input tokens"),
    ("Quillon-9 costs $3.10/M.", "$3.10/M"),
    ("Quillon-9 costs $3.10.", "$3.10"),  # a bare price after a price word: per million, as before
    ("Quillon-9 costs $3.10 for input and $9 for output.", "$3.10"),  # a side, not a workload
    ("Quillon-9 costs $1.55 for batch input.", "$1.55"),  # a tier
    ("It costs $3.10 for Quillon-9.", "$3.10"),  # the model the price is for
    ("Generating 1M output tokens with Quillon-9 would cost $9.", "$9"),  # one unit of tokens: a unit price
    ("Quillon 3 Verse costs $3.10.", "$3.10"),  # the digits of a model's name are no count of things
])
def test_a_price_stays_a_price(text: str, figure: str):
    assert ("price", figure) in _kinds(text), _kinds(text)


@pytest.mark.parametrize("text", [
    "Quillon-9 costs $6 for 40K output tokens.",
    "Generating 500K output tokens with Quillon-9 costs $6.",
    "With Quillon-9, processing 90K tokens costs about 20 cents.",
])
def test_the_size_of_a_priced_job_is_no_capacity_of_the_model(text: str):
    kinds = _kinds(text)
    assert not [k for k, _ in kinds if k in ("output_limit", "context_window", "price")], kinds


def test_an_amount_for_one_million_tokens_is_a_price_with_its_side():
    [claim] = [c for c in walk("Quillon-9 costs $9 for 1M output tokens.", LEX) if c.kind == "price"]
    assert claim.params["part"] == "output" and claim.sentence[claim.start:claim.end] == "$9 for 1M output tokens"


# ------------------------------------------------------------------ verdicts on the fixture mirror
def test_a_workload_total_is_never_contradicted_as_a_price(con):
    text = ("GPT-4o charges $2.50 per million input tokens. Running GPT-4o over our archive for a month cost us $300. "
            "Processing one page with GPT-4o would cost about 8 cents.")
    got = [(c["kind"], c["span"], c["verdict"]) for c in check_text(con, text)["claims"]]
    assert got == [("price", "$2.50 per million input tokens", "supported"), ("other", "$300", "unverifiable"),
                   ("other", "about 8 cents", "unverifiable")], got
    claims = check_text(con, text)["claims"]
    assert all(c["explanation"] == WORKLOAD_WHY for c in claims[1:]), claims


def test_a_price_for_one_million_tokens_is_checked_on_its_side(con):
    [claim] = check_text(con, "GPT-4o costs $10 for 1M output tokens.")["claims"]
    assert (claim["kind"], claim["verdict"]) == ("price", "supported"), claim


@pytest.mark.parametrize("text", [
    "| Model | Quillon-9 | Quillon 3 Verse |\n|---|---|---|\n| 1M OUTPUT TOKENS | $9.00 | $4.00 |\n",
    "| Model | Quillon-9 | Quillon 3 Verse |\n|---|---|---|\n| 1M input tokens (cache hit) | $0.20 | $0.10 |\n",
])
def test_a_price_written_per_a_count_of_tokens_makes_no_claim_of_the_count(text: str):
    # "1M output tokens" names the unit of the price beside it (`patterns.PRICE_UNIT_COUNT`): no output limit, no other
    kinds = _kinds(text)
    assert [k for k, _ in kinds] == ["price", "price"], kinds


def test_a_count_of_tokens_before_a_context_word_stays_a_context_window():
    kinds = _kinds("Quillon-9 has a 1M tokens context window and costs $3.10 per million input tokens.")
    assert ("context_window", "1M tokens context window") in kinds or \
        any(k == "context_window" and f.startswith("1M") for k, f in kinds), kinds


@pytest.mark.parametrize("text, figure", [
    ("The Quillon-9 plan costs $20/month.", "$20"),
    ("Quillon-9 costs $20 / mo for one seat.", "$20"),
    ("Quillon-9 costs $7/1000 words.", "$7"),
    ("Quillon-9 is priced at $7 per 1,000 words.", "$7"),
    ("Quillon-9 costs $0.04/image.", "$0.04"),
    ("Quillon-9 costs $0.50 per million characters.", "$0.50"),  # a price word, then a count of another unit
    ("Quillon-9 costs $0.50 per 1M characters.", "$0.50"),
    ("Quillon-9 costs $2 for every thousand words.", "$2"),
])
def test_an_amount_per_month_or_per_words_is_no_token_price(text: str, figure: str):
    assert not [f for k, f in _kinds(text) if k == "price"], _kinds(text)


@pytest.mark.parametrize("text", ["Quillon-9 costs $7/1000 tokens.", "Quillon-9 costs $7 per million tokens.",
                                  "Quillon-9 costs $7/1K tokens.", "Quillon-9 costs $7 per 1M output tokens."])
def test_an_amount_per_tokens_stays_a_price(text: str):
    assert [k for k, _ in _kinds(text)] == ["price"], _kinds(text)
