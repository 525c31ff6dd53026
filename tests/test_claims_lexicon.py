"""Extraction on an in-memory vocabulary (`Lexicon.from_names`): which models, benchmarks, providers
and chips a sentence names, and which claim kinds it makes. No warehouse and no verdict: the names
below are invented for the tests (no source holds them), so nothing here is a fact."""

from __future__ import annotations

import pytest

from openpace.claims.resolve import Lexicon

from claims_helpers import walk

LEX = Lexicon.from_names(
    models=[("src_a", "Kestrel-3.7-40B-Instruct", "kestrel-3.7-40b-instruct"), ("src_a", "Kestrel-3.7-40B", None),
            ("src_b", "Wren 2", "wren-2"), ("src_b", "Heron-1.5-Pro", None), ("src_b", "Heron-1.0-Pro", None)],
    benchmarks=["BenchQA", "Task-Suite"],
    providers=["wrenhost", "Cloud Nine"],
    hardware=["NVIDIA Z900 SXM"],
    repos=["someorg/somelib"],
)


def claims(text: str) -> list[tuple[str, str, list[tuple[str, str]]]]:
    """(kind, span, [(entity type, resolved key)]) of every claim in the text, sentence by sentence as
    the checker walks it (a table row with its cells)."""
    return [(c.kind, c.sentence[c.start:c.end], [(e.type, e.key) for e in c.entities]) for c in walk(text, LEX)]


def test_the_longest_name_a_source_uses_is_the_model():
    [(kind, span, entities)] = claims("Kestrel-3.7-40B-Instruct scored 71.5% on BenchQA.")
    assert kind == "score" and "71.5%" in span
    assert entities == [("model", "kestrel 3.7 40b instruct"), ("benchmark", "benchqa")]


def test_a_loose_name_resolves_only_when_one_model_fits():
    models = LEX.find_models("Kestrel 3 40B is out and Heron 1 Pro too.", [])
    assert [(m.key, m.how) for m in models] == [("kestrel 3.7 40b", "loose"), ("heron 1 pro", "ambiguous")]


def test_an_english_word_is_no_one_word_model_name():
    assert Lexicon.from_names(models=[("src_a", "Transformer", None)]).find_models("The Transformer won.", []) == []


@pytest.mark.parametrize("sentence, provider", [
    ("wrenhost charges $0.50 per million input tokens for Wren 2.", True),
    ("Wren 2 runs at wrenhost for $0.50 per million input tokens.", False),  # "at <word>": no provider in lower case
    ("Cloud Nine serves Wren 2 at $0.50 per million input tokens.", True),
])
def test_a_lower_case_provider_only_where_written_as_one(sentence: str, provider: bool):
    [price] = [c for c in claims(sentence) if c[0] == "price"]
    assert (("provider" in {t for t, _ in price[2]})) is provider


def test_chips_and_repositories_come_from_their_names():
    others = LEX.find_others("It was trained on 4,096 Z900s; somelib drew 12 contributors.", [])
    assert [(m.type, m.key) for m in others] == [("gpu", "z900"), ("repo", "somelib")]


def test_a_column_header_names_the_model_of_its_cells():
    text = "| Benchmark | Wren 2 | Kestrel-3.7-40B |\n|---|---|---|\n| BenchQA | 61.0 | 70.2 |\n"
    scores = [(span, entities) for kind, span, entities in claims(text) if kind == "score"]
    assert scores == [("61.0", [("model", "wren 2"), ("benchmark", "benchqa")]),
                      ("70.2", [("model", "kestrel 3.7 40b"), ("benchmark", "benchqa")])]


def test_a_header_stamp_names_a_release_never_the_undated_models_rows():
    from datetime import date

    from openpace.claims.tables import _stamp_near, header_model

    lex = Lexicon.from_names(models=[("src_a", "Wren-2", None), ("src_b", "Wren-2-0324", None),
                                     ("src_a", "Heron-1", None)])
    # a source lists the stamped name itself: that model, as written
    assert header_model(lex, lex.series, None, "Wren-2-0324").key == "wren 2 0324"
    # a stamp no source's name has, and no release date to tie it to the undated name: ambiguous
    heron = header_model(lex, lex.series, None, "Heron-1-0506")
    assert heron.how == "ambiguous" and heron.names == []
    # the stamp is the undated model's own release when within a week of its first release date
    assert _stamp_near(date(2031, 5, 7), 5, 6) and _stamp_near(date(2031, 12, 30), 1, 2)
    assert not _stamp_near(date(2030, 12, 26), 3, 24) and not _stamp_near(date(2031, 2, 27), 2, 30)
