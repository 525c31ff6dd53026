"""The domain rules on their own (no warehouse): one answer per rule, with the cases that decide it."""

from __future__ import annotations

import pytest

from openpace.domain.benchmarks import benchmark_key
from openpace.domain.dates import MONTHS
from openpace.domain.model_names import model_key, name_words, normalize
from openpace.domain.priority import FactKind, order, priority_sorted, rank
from openpace.domain.providers import first_party_match, lab_keys, same_provider
from openpace.domain.qualifiers import price_slack, within


def test_one_model_key_for_identity_and_the_checker():
    assert model_key("claude-3-5-sonnet-20240620") == normalize("claude-3-5-sonnet-20240620") \
        == "claude-3.5-sonnet-2024-06-20"
    # the checker's words are the key's parts: a catalogue id and a prose spelling meet
    assert name_words("claude-3-5-sonnet-20240620") == name_words("Claude 3.5 Sonnet (2024-06-20)") \
        == "claude 3.5 sonnet 2024-06-20"
    assert name_words("GPT4o") == name_words("gpt-4o") == name_words("openai/gpt-4o") == "gpt 4o"
    assert name_words("gpt-4o") != name_words("gpt-4o-mini")


@pytest.mark.parametrize(("a", "b"), [("MMLU-Pro", "MMLU Pro"), ("LMSys Elo", "Arena Elo"), ("gpqa  diamond", "GPQA Diamond")])
def test_benchmark_spellings_share_a_key(a, b):
    assert benchmark_key(a) == benchmark_key(b)


def test_a_plus_names_another_benchmark():
    assert benchmark_key("HumanEval+") != benchmark_key("HumanEval")


def test_providers():
    assert same_provider("together_ai", "togetherai") and same_provider("x-ai", "xai")
    assert not same_provider("openai", "open")
    assert first_party_match("openai", lab_keys("OpenAI")) == "exact"
    assert first_party_match("amazonbedrock", lab_keys("Amazon")) == "platform"
    assert first_party_match("azure", lab_keys("OpenAI")) is None


def test_priority_unlisted_sources_come_last_alphabetically():
    assert order(FactKind.PRICE)[0] == "models_dev"
    assert priority_sorted(["zeta", "litellm", "alpha", "models_dev"], FactKind.PRICE) == \
        ["models_dev", "litellm", "alpha", "zeta"]
    assert rank(FactKind.SCORE, "epoch_trends") < rank(FactKind.SCORE, "lmarena")


def test_every_fact_kind_has_an_order_and_a_reason():
    from openpace.domain.priority import PRIORITY

    assert set(PRIORITY) == set(FactKind)
    assert all(p.order and len(p.reason) > 20 for p in PRIORITY.values())


@pytest.mark.parametrize(("found", "qualifier", "ok"), [
    (61.2, "exact", True), (62.0, "exact", False), (62.0, "about", True), (58.0, "nearly", True),
    (60.6, "nearly", False), (80.1, "lower", True), (79.9, "lower", False), (59.0, "upper", True),
])
def test_qualifier_bands(found, qualifier, ok):
    value = 61.0 if qualifier in ("exact", "about") else 60.0 if qualifier in ("nearly", "upper") else 80.0
    assert within(found, value, qualifier, exact=0.5, about=1.5, nearly=3.0) is ok


def test_price_slack_about_is_wider():
    assert price_slack(10.0, "about") > price_slack(10.0, "exact") > 0


def test_month_table():
    assert MONTHS["sept"] == MONTHS["september"] == MONTHS["sep"] == 9 and MONTHS["may"] == 5


def test_no_tolerance_figure_is_defined_outside_the_domain():
    """claims/tolerances.py only re-exports: every tolerance figure the checker reads is defined in
    domain/qualifiers.py or domain/tolerances.py (one definition per rule)."""
    import ast
    from pathlib import Path

    from openpace.claims import tolerances as claims_view
    from openpace.domain import qualifiers, tolerances

    source = Path(claims_view.__file__).read_text()
    numbers = [node.targets[0].id for node in ast.walk(ast.parse(source))
               if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant)
               and isinstance(node.value.value, (int, float)) and isinstance(node.targets[0], ast.Name)]
    assert numbers == []
    figures = {n for n in dir(claims_view) if n.isupper() and isinstance(getattr(claims_view, n), (int, float))}
    assert figures and all(getattr(claims_view, n) == getattr(tolerances, n, getattr(qualifiers, n, None))
                           for n in figures)


def test_a_claims_figure_is_whole_with_separators_from_a_thousand_else_exact():
    from openpace.domain.formatting import figure

    assert [figure(v) for v in (1217.0, 1_500_000, 61.35, 0.479, 999.5, None)] == \
        ["1,217", "1,500,000", "61.35", "0.479", "999.5", "?"]
