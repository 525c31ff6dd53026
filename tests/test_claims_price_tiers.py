"""Price tiers and units as real pricing pages write them: batch-API prices, prompt-caching prices (cache
read / cache write), the per-million unit in its common spellings, and a dated snapshot priced at a date
before any catalogue observed it. Tables and sentences are written for these tests; every expected verdict
names the fixture file (tests/fixtures/mirror/...) it rests on, and the loaders are fed invented entries."""

from __future__ import annotations

from datetime import date

import pytest

from openpace.claims import check_text
from openpace.claims.carry import PER_TOKENS_HEADER_RE, PRICE_HEADER_RE
from openpace.claims.patterns import PER_MTOK, price_tier
from openpace.domain.model_names import own_date
from openpace.domain.prices import tier_price
from openpace.sources import genai_prices, litellm
from openpace.sources.base import Price


# ------------------------------------------------------------------ patterns (no warehouse)
@pytest.mark.parametrize("tail", ["/MTok", " / MTok", " per MTok", "/1M tokens", " per 1M tok", " per million",
                                  " per 1 million tokens", "/M", " USD/Mtok", " per Mtoken", " a million tokens",
                                  " for every million tokens"])
def test_one_pattern_reads_every_spelling_of_per_million_tokens(tail):
    m = PER_MTOK.match(tail)
    assert m is not None and m.group("mil") and not m.group("k"), tail


@pytest.mark.parametrize("tail", ["/1K tokens", " per thousand tokens", " per 1K"])
def test_per_thousand_is_its_own_unit(tail):
    m = PER_MTOK.match(tail)
    assert m is not None and m.group("k") and not m.group("mil"), tail


@pytest.mark.parametrize("header, is_price", [
    ("Input ($/MTok)", True), ("Output (USD per 1M tokens)", True), ("Price / 1M tok", True), ("(m/tok)", True),
    ("Params (M)", False), ("Param", False), ("Model", False),
])
def test_a_price_header_names_its_unit_in_any_spelling(header, is_price):
    assert bool(PRICE_HEADER_RE.search(header) and PER_TOKENS_HEADER_RE.search(header)) is is_price


@pytest.mark.parametrize("words, tier", [
    ("Batch input", "batch"), ("via the Batch API", "batch"), ("5m Cache Writes", "cache_write"),
    ("cache creation", "cache_write"), ("1h Cache Writes", "cache_write_1h"), ("24h cache writes", "cache_write_long"), ("Cache Hits & Refreshes", "cache_read"),
    ("cached input", "cache_read"), ("Input (cache hit)", "cache_read"), ("Prompt caching", "cache"),
    ("Input (cache miss)", None), ("Base Input Tokens", None), ("Output", None),
    ("Flex input", "flex"), ("Priority", "priority"), ("Context caching storage", "cache_storage"),
    ("writing to the cache", "cache_write"), ("our priority is", None), ("a flexible plan", None),
    ("Input (>200K tokens)", "long_context"), ("prompts longer than 128k", "long_context"),
    ("Input (<= 200K tokens)", None), ("a context window of 1M tokens", None),
])
def test_price_tier_words(words, tier):
    assert price_tier(words) == tier


def test_a_tier_price_is_never_the_ordinary_price():
    # invented figures: (input, output, batch in, batch out, cache read, cache write)
    row = (4.0, 8.0, 2.0, 4.0, 0.4, 5.0)
    assert tier_price(None, *row) == (4.0, 8.0)
    assert tier_price("batch", *row) == (2.0, 4.0)
    assert tier_price("cache_read", *row) == (0.4, None)
    assert tier_price("cache_write", *row) == (5.0, None)
    assert tier_price("batch", 4.0, 8.0, None, None, None, None) == (None, None)


def test_own_date_only_for_ids_carrying_a_full_date():
    assert own_date("kestrel-9-2031-02-03") == date(2031, 2, 3)
    assert own_date("lab/kestrel-9-20310203") == date(2031, 2, 3)
    assert own_date("kestrel-9") is None  # an undated alias moves
    assert own_date("kestrel-9-0203") is None  # month-day or year-month: no full date


# ------------------------------------------------------------------ loaders (invented entries)
def test_litellm_keeps_batch_and_cache_prices_per_million():
    data = {"kestrel-9": {"litellm_provider": "kestrelai", "mode": "chat", "input_cost_per_token": 4e-06,
                          "output_cost_per_token": 8e-06, "input_cost_per_token_batches": 2e-06,
                          "output_cost_per_token_batches": 4e-06, "cache_read_input_token_cost": 4e-07,
                          "cache_creation_input_token_cost": 5e-06, "cache_creation_input_token_cost_above_1hr": 8e-06},
            "kestrel-9-lite": {"litellm_provider": "kestrelai", "mode": "chat", "input_cost_per_token": 1e-06,
                               "output_cost_per_token": 2e-06, "input_cost_per_token_cache_hit": 1e-07,
                               "cache_creation_input_token_cost": 0.0}}
    prices = {p.model_name: p for p in litellm.parse_prices(data, "x.json", "x.json", date(2031, 1, 1), "MIT")
              if isinstance(p, Price)}
    full, lite = prices["kestrel-9"], prices["kestrel-9-lite"]
    assert (full.batch_input_usd_per_mtok, full.batch_output_usd_per_mtok) == (2.0, 4.0)
    assert (full.cache_read_usd_per_mtok, full.cache_write_usd_per_mtok, full.cache_write_1h_usd_per_mtok) == (0.4, 5.0, 8.0)
    # the older cache-hit field is a cache read; a 0 cache write is no price
    assert (lite.cache_read_usd_per_mtok, lite.cache_write_usd_per_mtok, lite.batch_input_usd_per_mtok) == (0.1, None, None)


def test_genai_prices_keeps_cache_prices():
    data = [{"id": "kestrelai", "models": [{"id": "kestrel-9", "prices": {
        "input_mtok": 4, "output_mtok": 8, "cache_read_mtok": 0.4, "cache_write_mtok": 5}}]}]
    [price] = [p for p in genai_prices.parse_prices(data, "d.json", "d.json", None, "MIT") if isinstance(p, Price)]
    assert (price.cache_read_usd_per_mtok, price.cache_write_usd_per_mtok, price.batch_input_usd_per_mtok) == (0.4, 5, None)


# ------------------------------------------------------------------ against the fixture warehouse
def by_span(con, text: str, as_of: date | None = None) -> dict[str, dict]:
    return {c["span"]: c for c in check_text(con, text, as_of=as_of)["claims"]}


def test_batch_columns_are_checked_against_batch_prices(con):
    # litellm/model_prices_2026-11-20_litellm-1.110.2.json gpt-4o: input 2.5e-06, output 1e-05 per token,
    # input_cost_per_token_batches 1.25e-06, output_cost_per_token_batches 5e-06
    text = ("| Model | Input ($/MTok) | Output | Batch input | Batch output |\n|---|---|---|---|---|\n"
            "| GPT-4o | $2.50 | $10 | $1.25 | $5 |\n")
    got = check_text(con, text)["claims"]
    assert [(c["span"], c["kind"], c["verdict"]) for c in got] == [
        ("$2.50", "price", "supported"), ("$10", "price", "supported"),
        ("$1.25", "price", "supported"), ("$5", "price", "supported")], got
    batch = got[2]
    assert "batch input price 1.25" in batch["explanation"] and {e["tier"] for e in batch["evidence"]} == {"batch"}


def test_a_batch_price_equal_to_the_ordinary_price_is_contradicted_not_supported(con):
    # same file: the ordinary input price (2.5) is no batch price; the batch one is 1.25
    c = by_span(con, "| Model | Batch input ($/MTok) |\n|---|---|\n| GPT-4o | $2.50 |\n")["$2.50"]
    assert c["verdict"] == "contradicted" and "batch input price 1.25" in c["explanation"], c


def test_a_batch_price_the_sources_do_not_hold_is_unverifiable(con):
    # genai-prices/data.json and models.dev/api-2026-07-02.json price claude-3-5-sonnet (input 3) with no batch
    # price, and the LiteLLM maps give it none: unverifiable, never the ordinary price
    c = by_span(con, "| Model | Batch input ($/MTok) |\n|---|---|\n| Claude 3.5 Sonnet | $3 |\n")["$3"]
    assert c["verdict"] == "unverifiable" and "no source gives a batch price" in c["explanation"], c


def test_batch_api_prices_in_prose(con):
    # litellm/model_prices_2026-11-20_litellm-1.110.2.json gpt-4o (as above)
    got = by_span(con, "GPT-4o costs $2.50 per MTok input and $10 output; with the Batch API, $1.25 in and $5 out.")
    assert [(s, c["verdict"], "batch" in c["explanation"]) for s, c in got.items()] == [
        ("$2.50 per MTok", "supported", False), ("$10", "supported", False),
        ("$1.25", "supported", True), ("$5", "supported", True)], got


def test_cache_columns_are_checked_against_cache_prices(con):
    # genai-prices/data.json anthropic claude-3-5-sonnet: input 3, cache_write 3.75, cache_read 0.3, output 15;
    # models.dev/api-2026-07-02.json anthropic claude-3-5-sonnet-20241022: the same
    text = ("| Model | Base Input Tokens | 5m Cache Writes | 1h Cache Writes | Cache Hits & Refreshes | Output Tokens |\n"
            "|---|---|---|---|---|---|\n"
            "| Claude 3.5 Sonnet | $3 / MTok | $3.75 / MTok | $6 / MTok | $0.30 / MTok | $15 / MTok |\n")
    got = [(c["span"], c["verdict"]) for c in check_text(con, text)["claims"]]
    assert got == [("$3 / MTok", "supported"), ("$3.75 / MTok", "supported"), ("$6 / MTok", "unverifiable"),
                   ("$0.30 / MTok", "supported"), ("$15 / MTok", "supported")], got


def test_a_cache_price_is_never_compared_with_the_ordinary_price(con):
    # same files: 3 is Claude 3.5 Sonnet's ordinary input price, not its cache read (0.3)
    c = by_span(con, "| Model | Cache reads ($/MTok) |\n|---|---|\n| Claude 3.5 Sonnet | $3 |\n")["$3"]
    assert c["verdict"] == "contradicted" and "cache-read input price 0.3" in c["explanation"], c
    # litellm/model_prices_2026-11-20_litellm-1.110.2.json, models.dev/api-2026-07-02.json, genai-prices/data.json:
    # gpt-4o has a cache read (1.25) and no cache write anywhere: its cache write is unverifiable
    c = by_span(con, "| Model | Cache write ($/MTok) |\n|---|---|\n| GPT-4o | $2.50 |\n")["$2.50"]
    assert c["verdict"] == "unverifiable" and "no source gives a cache-write price" in c["explanation"], c
    c = by_span(con, "GPT-4o charges $1.25 per million cached input tokens.")["$1.25 per million cached input tokens"]
    assert c["verdict"] == "supported" and "cache-read" in c["explanation"], c
    # a service tier or storage the catalogues do not give apart
    c = by_span(con, "| Model | Flex input ($/MTok) |\n|---|---|\n| GPT-4o | $2.50 |\n")["$2.50"]
    assert c["verdict"] == "unverifiable" and "flex" in c["explanation"], c
    # caching named with neither read nor write
    [c] = [c for c in check_text(con, "Prompt caching on GPT-4o costs $2.50 per MTok.")["claims"] if c["kind"] == "price"]
    assert c["verdict"] == "unverifiable" and "cache read or cache write" in c["explanation"], c


def test_a_dated_snapshot_is_priced_by_a_later_observation_of_its_own_id(con):
    # litellm/model_prices_2024-11-28_litellm-1.53.1.json is the first map with gpt-4o-2024-05-13 (input 5e-06,
    # output 1.5e-05 per token; models.dev/api-2026-07-02.json: 5 / 15); the map before it is 2023-12-14
    day = date(2024, 7, 1)
    c = by_span(con, "gpt-4o-2024-05-13 costs $5 per million input tokens.", day)["$5 per million input tokens"]
    assert c["verdict"] == "supported" and "carries its own date" in c["explanation"], c
    c = by_span(con, "gpt-4o-2024-05-13 costs $2.50 per million input tokens.", day)["$2.50 per million input tokens"]
    assert c["verdict"] == "contradicted" and "carries its own date" in c["explanation"], c
    # an id dated after the day asked is not read back; an undated alias is read as the one dated snapshot of it
    # released by then (gpt-4o-2024-05-13: gpt-4o-2024-08-06 came later), never by its own later rows
    c = by_span(con, "gpt-4o-2024-08-06 costs $2.50 per million input tokens.", day)["$2.50 per million input tokens"]
    assert c["verdict"] == "unverifiable", c
    c = by_span(con, "GPT-4o costs $5 per million input tokens.", day)["$5 per million input tokens"]
    assert c["verdict"] == "supported" and "the one dated snapshot of it released by then is gpt-4o-2024-05-13" \
        in c["explanation"], c
    c = by_span(con, "GPT-4o costs $2.50 per million input tokens.", day)["$2.50 per million input tokens"]
    assert c["verdict"] == "contradicted", c


def test_a_dated_snapshot_s_batch_price_is_read_from_the_first_later_map_that_lists_one(con):
    # litellm/model_prices_2024-11-28_litellm-1.53.1.json has gpt-4o-2024-05-13 with no batch price;
    # litellm/model_prices_2025-01-04_litellm-1.56.10.json is the first map giving it one (input_cost_per_token_batches
    # 2.5e-06, output_cost_per_token_batches 7.5e-06)
    table = "| Model | Batch input ($/MTok) |\n|---|---|\n| {} | {} |\n"
    for day in (date(2024, 7, 1), date(2024, 12, 1)):  # before any map lists the id; a map without batch in force
        c = by_span(con, table.format("gpt-4o-2024-05-13", "$2.50"), day)["$2.50"]
        assert c["verdict"] == "supported" and "carries its own date" in c["explanation"] \
            and "2025-01-04" in c["explanation"], c
        c = by_span(con, table.format("gpt-4o-2024-05-13", "$5"), day)["$5"]
        assert c["verdict"] == "contradicted" and "batch input price 2.5" in c["explanation"], c
    # an undated alias's batch price is never read back from a later map
    c = by_span(con, table.format("GPT-4o", "$1.25"), date(2024, 7, 1))["$1.25"]
    assert c["verdict"] == "unverifiable" and "no source gives a batch price" in c["explanation"], c


def test_a_table_takes_its_unit_from_the_sentence_before_it_and_its_tier_from_its_section(con):
    # litellm/model_prices_2026-11-20_litellm-1.110.2.json gpt-4o: input 2.5e-06, output 1e-05, batches
    # 1.25e-06 / 5e-06 per token, cache_read_input_token_cost 1.25e-06 (models.dev/api-2026-07-02.json: the same)
    table = "| Model | Input | Cached input | Output |\n|---|---|---|---|\n| GPT-4o | {} | {} | {} |\n"
    text = ("## Standard\n\nPrice per 1M tokens\n\n" + table.format("$2.50", "$1.25", "$10.00")
            + "\n## Batch API\n\nPrice per 1M tokens\n\n" + table.format("$1.25", "$0.60", "$5.00"))
    got = [(c["span"], c["verdict"]) for c in check_text(con, text)["claims"]]
    # the lead sentence's "1M" is its unit, no claim; a cached input under "Batch API" is a price no source
    # gives apart (unverifiable, never the ordinary or the plain cache price)
    assert got == [("$2.50", "supported"), ("$1.25", "supported"), ("$10.00", "supported"),
                   ("$1.25", "supported"), ("$0.60", "unverifiable"), ("$5.00", "supported")], got
    # without a unit anywhere, bare amounts under "Input" stay unread
    bare = check_text(con, table.format("$2.50", "$1.25", "$10.00"))["claims"]
    assert all(c["kind"] != "price" for c in bare), bare


def test_an_amount_naming_only_its_side_takes_the_previous_price_s_unit(con):
    # litellm/model_prices_2026-11-20_litellm-1.110.2.json gpt-4o: input 2.5e-06, output 1e-05 per token
    got = by_span(con, "GPT-4o costs $2.50 per MTok input and $10 output.")
    assert got["$10"]["kind"] == "price" and got["$10"]["verdict"] == "supported", got
    # "in" before other words is no side: credits are no price
    got = by_span(con, "GPT-4o costs $2.50 per MTok, and new accounts get $5 in free credits.")
    assert all(c["kind"] != "price" for s, c in got.items() if s.startswith("$5")), got


def test_a_one_hour_cache_write_is_checked_against_the_one_hour_price(con):
    # litellm/model_prices_2026-11-20_litellm-1.110.2.json claude-sonnet-4-5: input 3e-06, cache_creation_input_token_cost
    # 3.75e-06, cache_creation_input_token_cost_above_1hr 6e-06 per token
    text = ("| Model | 5m Cache Writes | 1h Cache Writes |\n|---|---|---|\n"
            "| claude-sonnet-4-5 | $3.75 / MTok | $6 / MTok |\n"
            "| claude-sonnet-4-5 | $6 / MTok | $3.75 / MTok |\n")
    got = [(c["span"], c["verdict"]) for c in check_text(con, text)["claims"]]
    assert got == [("$3.75 / MTok", "supported"), ("$6 / MTok", "supported"),
                   ("$6 / MTok", "contradicted"), ("$3.75 / MTok", "contradicted")], got
