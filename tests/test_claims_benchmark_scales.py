"""Benchmarks under every name prose gives them and on the scale the sources score them: the aliases kept as
data in `domain.benchmarks.ALIASES` ("Arena-Hard" for the sources' Arena-Hard-Auto), a benchmark no source scores
staying unverifiable, and the tolerance of a ten-point scale (MT-bench) a tenth of the percent bands. Sentences
are written for this test; verdicts rest on the fixture mirror, each naming its file and row."""

from __future__ import annotations


import pytest

from openpace.claims import check_text
from openpace.claims.resolve import Lexicon
from openpace.domain.benchmarks import ALIASES, benchmark_key, points_scale, setting_bases

from claims_helpers import walk


def scores(con, text: str) -> list[tuple[str, str, str]]:
    return [(c["span"], next(e["resolved"] for e in c["entities"] if e["type"] == "benchmark"), c["verdict"])
            for c in check_text(con, text)["claims"] if c["kind"] == "score"]


@pytest.mark.parametrize("written, key", [
    ("Arena-Hard", "arena hard auto"), ("Arena Hard v0.1", "arena hard auto"), ("Chatbot Arena Elo", "arena elo"),
    ("LMSys Elo", "arena elo"), ("HLE", "humanity s last exam"), ("BIG-Bench Hard", "bbh"),
])
def test_an_alias_keys_to_the_name_the_sources_use(written: str, key: str):
    assert benchmark_key(written) == key


def test_an_alias_is_spoken_only_when_the_warehouse_has_its_benchmark():
    with_data = Lexicon.from_names(models=[("src_a", "Wren 2", "wren-2")], benchmarks=["Arena-Hard-Auto"])
    [claim] = [c for c in walk("Wren 2 scores 45.1 on Arena-Hard.", with_data) if c.kind == "score"]
    assert [e.key for e in claim.entities if e.type == "benchmark"] == ["arena hard auto"]
    without = Lexicon.from_names(models=[("src_a", "Wren 2", "wren-2")], benchmarks=["MMLU"])
    assert not [c for c in walk("Wren 2 scores 45.1 on Arena-Hard.", without) if c.kind == "score"]


def test_every_alias_names_a_distinct_target():
    assert all(alias != target and target not in ALIASES for alias, target in ALIASES.items())


def test_arena_hard_is_the_sources_arena_hard_auto(con):
    # lmarena/arena_hard_auto_leaderboard_v0.1.csv: claude-3-5-sonnet-20240620 score 79.35 (a win rate, %)
    assert scores(con, "claude-3-5-sonnet-20240620 reaches 79.4% on Arena-Hard.") == \
        [("reaches 79.4% on Arena-Hard", "arena hard auto", "supported")]
    assert scores(con, "claude-3-5-sonnet-20240620 reaches 70.1% on Arena-Hard.")[0][2] == "contradicted"


def test_a_benchmark_no_source_scores_gets_no_verdict(con):
    out = check_text(con, "claude-3-5-sonnet-20240620 reaches 52.4% on an invented Zorblax-Eval.")["claims"]
    assert out and all(c["verdict"] == "unverifiable" for c in out)


@pytest.mark.parametrize("unit, top, scale", [
    ("other", 9.3, 10.0), ("other", 38.9, 100.0), ("other", 0.9, 1.0), ("other", 137.0, 100.0), ("percent", 9.3, 100.0),
    ("percent", 0.9, 100.0), ("other", None, 100.0),
])
def test_the_scale_a_score_is_on(unit: str, top: float | None, scale: float):
    assert points_scale(unit, top) == scale


@pytest.mark.parametrize("figure, verdict", [
    ("7.9", "supported"), ("7.94", "supported"), ("about 8.0", "supported"), ("8.2", "contradicted"), ("7.6", "contradicted"),
])
def test_mt_bench_is_a_ten_point_scale(con, figure: str, verdict: str):
    # lmarena/leaderboard_table_20230619.csv: Claude-v1 MT-bench (score) 7.90 (every table gives it 7.90)
    [(span, key, got)] = scores(con, f"Claude-v1 scored {figure} on MT-bench.")
    assert (key, got) == ("mt bench", verdict)


def test_a_benchmark_the_sources_give_only_under_a_setting():
    bases = setting_bases({"Zeta-Bench (hard)", "Kappa (16k)", "Rho", "Rho (public)", "MMLU"})
    assert bases == {"zeta bench": ("Zeta-Bench", {"Zeta-Bench (hard)"}), "kappa": ("Kappa", {"Kappa (16k)"})}


@pytest.mark.parametrize("text, verdict", [
    ("Llama-3.1-405B-Instruct solves 7.5% of Cybench.", "supported"),  # the setting's row supports
    ("Llama-3.1-405B-Instruct solves 25% of Cybench.", "unverifiable"),  # the text may mean another setting
    ("Llama-3.1-405B-Instruct solves 25% of Cybench (unguided).", "contradicted"),  # the setting named
])
def test_a_setting_the_text_does_not_name_supports_but_never_contradicts(con, text: str, verdict: str):
    # epoch/benchmark-stitching/external_benchmark_cybench.csv: Llama-3.1-405B-Instruct, Unguided % Solved 7.5%
    [claim] = [c for c in check_text(con, text)["claims"] if c["kind"] == "score"]
    assert claim["verdict"] == verdict, claim["explanation"]
    assert claim["evidence"] and all(e["benchmark"] == "Cybench (unguided)" for e in claim["evidence"])


@pytest.mark.parametrize("figure, verdict", [
    ("87.5%", "supported"), ("0.875", "supported"), ("89%", "contradicted"), ("0.89", "contradicted"),
])
def test_a_fraction_scale_reads_a_percentage_as_its_fraction(con, figure: str, verdict: str):
    # epoch/open-model-trends/benchmarks_with_model_accessibility.csv: Mistral Large, SEAL Math 0.8747 (every row of
    # SEAL Math lies in 0-1: a fraction)
    [(span, key, got)] = scores(con, f"Mistral Large scores {figure} on SEAL Math.")
    assert (key, got) == ("seal math", verdict)
