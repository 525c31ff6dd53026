"""Table columns real comparison tables use: a knowledge cut-off column (dates), "Context window
(tokens)" and "Max output tokens" (limits, not training tokens), prices "(m/tok)". The tables are
written for this test; expected verdicts rest on the bundled snapshot's models.dev and LiteLLM rows
(mirror: models.dev/ and litellm/model_prices_*.json: gpt-3.5-turbo knowledge 2021-09,
context 16,385, max output 4,096)."""

from __future__ import annotations

from pathlib import Path

import pytest

from openpace.claims import check_text
from openpace.warehouse import connect


@pytest.fixture(scope="module")
def con(full_mirror_db_file: Path):
    c = connect(full_mirror_db_file, read_only=True)
    yield c
    c.close()


def by_span(con, text: str) -> dict[str, dict]:
    return {c["span"]: c for c in check_text(con, text)["claims"]}


def test_limit_and_cutoff_columns(con):
    text = ("| Model | Knowledge cut-off | Context window (tokens) | Max output tokens |\n|---|---|---|---|\n"
            "| GPT-3.5 Turbo | Sep 2021 | 16,385 | 4,096 |\n"
            "| GPT-3.5 Turbo | Mar 2023 | 16,385 | 4,096 |\n")
    claims = check_text(con, text)["claims"]
    kinds = [(c["span"], c["kind"], c["verdict"]) for c in claims]
    assert ("Sep 2021", "knowledge_cutoff", "supported") in kinds, kinds
    assert ("Mar 2023", "knowledge_cutoff", "contradicted") in kinds, kinds
    assert kinds.count(("16,385", "context_window", "supported")) == 2, kinds
    assert kinds.count(("4,096", "output_limit", "supported")) == 2, kinds


def test_a_cutoff_cell_does_not_date_the_rows_price(con):
    text = ("| Model | Knowledge cut-off | Input price (m/tok) |\n|---|---|---|\n"
            "| GPT-3.5 Turbo | Sep 2021 | $0.50 |\n")
    price = by_span(con, text)["$0.50"]
    assert price["kind"] == "price"
    assert "2021" not in price["explanation"], price["explanation"]  # read at the latest prices, not at the cut-off


def test_a_release_date_does_not_date_a_price_in_the_same_sentence(con):
    [price] = [c for c in check_text(con, "GPT-3.5 Turbo, released in March 2023, costs $0.50 per million "
                                          "input tokens.")["claims"] if c["kind"] == "price"]
    assert "March 2023" not in price["explanation"] and "2023-03" not in price["explanation"], price["explanation"]


def test_a_worked_sum_makes_no_claims_of_its_operands(con):
    text = ("Summarising one report with GPT-3.5 Turbo:\n\n- Input: 8,000 tokens × $0.50/M = $0.004\n"
            "- Total for the month: 500 × 200 = 100K tokens\n\nGPT-3.5 Turbo costs +20% more on one host.")
    spans = [c["span"] for c in check_text(con, text)["claims"]]
    assert not [s for s in spans if s.startswith(("8,000", "$0.004", "500", "200", "100K"))], spans
    assert any(s.startswith("$0.50") for s in spans), spans  # the price in the sum is still a claim
    assert any("20%" in s for s in spans), spans  # a sign is no operator


def test_the_same_columns_as_rows_of_a_table_whose_columns_are_models(con):
    # the table above turned on its side: each row's label types its cells, each column's header names their model
    text = ("| | GPT-3.5 Turbo |\n|---|---|\n| Knowledge cut-off | Sep 2021 |\n| Context window (tokens) | 16,385 |\n"
            "| Max output tokens | 4,096 |\n| Training data cut-off | Mar 2023 |\n")
    kinds = [(c["span"], c["kind"], c["verdict"]) for c in check_text(con, text)["claims"]]
    assert ("Sep 2021", "knowledge_cutoff", "supported") in kinds, kinds
    assert ("Mar 2023", "knowledge_cutoff", "contradicted") in kinds, kinds
    assert ("16,385", "context_window", "supported") in kinds, kinds
    assert ("4,096", "output_limit", "supported") in kinds, kinds
