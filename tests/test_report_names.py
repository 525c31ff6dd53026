"""What the page writes for ids, units, claim kinds and score bases: a reader's words, never an
identifier. Pure functions; the inputs are model ids as the sources spell them (test inputs)."""

from __future__ import annotations

import pytest

from openpace.domain.display import looks_like_id, readable_model_name, readable_with_setting
from openpace.report.article import basis_text, evidence_rows, kind_text, source_words
from openpace.report.charts import unit_title
from openpace.report.sections import data_to_text, gap_text, unit_label


@pytest.mark.parametrize("name, shown", [
    ("gpt-5-2025-08-07", "GPT 5 (2025-08-07)"),
    ("gpt-5.1_high", "GPT 5.1 (high)"),
    ("o3-mini-2025-01-31_medium", "o3 mini (2025-01-31, medium)"),
    ("Llama-2-70b-hf", "Llama 2 70B"),
    ("Claude-2.0", "Claude 2.0"),
    ("claude-3-5-sonnet-20241022", "Claude 3.5 Sonnet (2024-10-22)"),
    ("Mixtral-8x22B-instruct-v0.1", "Mixtral 8x22B Instruct (v0.1)"),
    ("deepseek-v3", "DeepSeek V3"),
])
def test_an_id_is_written_as_words(name, shown):
    assert looks_like_id(name)
    assert readable_model_name(name) == shown


@pytest.mark.parametrize("name", ["GPT-4", "OPT-175B", "text-davinci-003", "DeepSeek-R1 (May 2025)", "Qwen2-72B-Instruct",
                                  "Claude 3.5 Sonnet", "<script>alert(1)</script>", "org/base"])
def test_a_name_that_reads_as_one_is_kept(name):
    assert readable_with_setting(name) == name


def test_a_setting_the_identity_appended_stays_after_the_readable_id():
    assert readable_with_setting("gpt-5-2025-08-07 (medium)") == "GPT 5 (2025-08-07, medium)"
    assert readable_with_setting("kimi-k2-thinking (turbo official)") == "Kimi K2 Thinking (turbo official)"
    assert readable_with_setting("Claude Opus 4 (thinking)") == "Claude Opus 4 (thinking)"
    assert readable_with_setting("Claude 3.5 Sonnet (20241022)") == "Claude 3.5 Sonnet (2024-10-22)"


def test_gap_units_never_say_units():
    # scores on the benchmark's own scale (unit "other"): the unit its name states, else score points
    assert unit_label("other", "METR time horizon (minutes)") == "minutes"
    assert unit_label("other", "SEAL Coding") == "score points"
    assert unit_label("percent", "MMLU") == "points" and unit_label("elo", "Arena Elo") == "Elo"
    assert gap_text({"benchmark": "SEAL Coding", "unit": "other", "gap_points": 53.0}) == \
        "closed leads by 53.0 score points"
    assert gap_text({"benchmark": "METR time horizon (minutes)", "unit": "other", "gap_points": -2.5}) == \
        "open leads by 2.5 minutes"
    assert unit_title("other", "METR time horizon (minutes)") == "score (minutes)"
    assert "units" not in unit_title("other", "SEAL Coding")


def test_claim_kinds_bases_and_sources_in_words():
    assert kind_text("release_date") == "release date" and kind_text("hub_count") == "Hub model count"
    assert kind_text("some_new_kind") == "some new kind"
    assert basis_text("self_reported") == "self-reported (developer)" and basis_text(None) == "–"
    assert source_words("epoch_trends dates Qwen2-72B 2024-06-06") == \
        "Epoch AI open-model-trends dates Qwen2-72B 2024-06-06"
    assert source_words("(git history; authors counted by e-mail)") == "(git history; authors counted by e-mail)"
    row = evidence_rows([{"value": 84.2, "source": "epoch_trends", "date": None, "model": "Qwen2-72B",
                          "benchmark": "MMLU", "basis": "self_reported", "low_trust": True}])[0]
    assert row.basis == "self-reported (developer)" and "low trust" in row.detail


def test_score_evidence_names_its_basis(mirror_db_file):
    """The checker's score evidence says who measured each score (domain.basis), so the checked
    article's evidence table has a basis. examples/article.md cites Qwen2-72B's MMLU score, a row of
    epoch/open-model-trends/benchmarks_with_model_accessibility.csv in the fixture mirror."""
    from pathlib import Path

    from openpace.claims import check_text
    from openpace.warehouse import connect

    article = (Path(__file__).resolve().parent.parent / "examples" / "article.md").read_text(encoding="utf-8")
    con = connect(mirror_db_file, read_only=True)
    try:
        result = check_text(con, article)
    finally:
        con.close()
    scores = [row for c in result["claims"] if c["kind"] == "score" for row in c["evidence"]]
    assert scores and all(row["basis"] in ("independent", "self_reported", "unknown") for row in scores)
    assert any(row["model"] == "Qwen2-72B" and row["basis"] == "self_reported" for row in scores)


def test_a_side_that_stopped_being_measured_is_marked_in_data_to():
    # metrics.staleness: the closed side's newest model more than STALE_MONTHS before the open side's
    row = {"last_date": "2025-04-03", "last_open": "2025-04-03", "last_closed": "2024-08-01", "stale_side": "closed"}
    assert data_to_text(row) == "2025-04-03 ‡ (closed side: last 2024-08-01)"
    assert data_to_text({**row, "stale_side": None}) == "2025-04-03"
    assert data_to_text({"last_date": None}) == "–"
