"""A name's version is kept (docs/claims.md, "A name's version is kept"): loose, reordered and short-name
matching, series and the text's topic never drop, add or change a version number. The names are invented
(`Lexicon.from_names`); no figure here is a fact."""

from __future__ import annotations

import pytest

from openpace.claims.resolve import Lexicon, keeps_versions, name_versions

from claims_helpers import walk

LEX = Lexicon.from_names(
    models=[("src_a", "Pica-3-mini", None), ("src_a", "Pica-3-mini-128k-instruct", None),
            ("src_b", "Corvo2", None), ("src_b", "Corvo2-7B", None), ("src_b", "Corvo 3 Flash", None),
            ("src_b", "Corvo 3 Pro", None), ("src_c", "Wren 3.1 405B", None)],
    benchmarks=["BenchQA"],
    sized=[("corvo-7b", "7b", None), ("corvo-2-7b", "7b", None)],
)


def entities(text: str) -> list[list[tuple[str, str, int]]]:
    """(resolved key, match, rows) of each claim's models."""
    return [[(e.key, e.how, len(e.names)) for e in c.entities if e.type == "model"] for c in walk(text, LEX)]


@pytest.mark.parametrize("written, resolved, kept", [
    ("pica 3.5 mini instruct", "pica 3 mini", False),   # a point release dropped
    ("corvo 2.5", "corvo 2", False),
    ("corvo 4.5 flash", "corvo 3 flash", False),        # changed
    ("pica mini", "pica 3 mini", False),                # added
    ("wren 3 405b", "wren 3.1 405b", True),             # a bare version stands for its point release
    ("pica 3 mini", "pica 3 mini 2031-02-03", True),    # a dated snapshot of the same version
    ("corvo v2", "corvo 2", True),
])
def test_a_loose_name_keeps_its_version(written: str, resolved: str, kept: bool):
    assert keeps_versions(written, resolved) is kept


def test_sizes_dates_and_stamps_are_no_versions():
    assert name_versions("pica 3 mini 128k instruct 2031-02-03") == ["3"]
    assert name_versions("corvo 7b 0613") == []


@pytest.mark.parametrize("text", ["Pica-3.5-mini-instruct has a 128K context window.",
                                  "Corvo2.5 has a 128K context window.",
                                  "Corvo 4.5 Flash has a 128K context window."])
def test_a_version_no_model_has_is_no_model_of_another_version(text: str):
    [[(key, _, rows)]] = entities(text)  # the claim is about the name written, with no rows
    assert rows == 0 and key not in LEX.models
    [m] = LEX.find_models(text, [])
    assert m.how == "unknown" and m.names == []


def test_the_unknown_name_says_no_source_has_it():
    [m] = LEX.find_models("Corvo 4.5 Flash has a 128K context window.", [])
    assert m.text == "Corvo 4.5 Flash" and "no source has 'Corvo 4.5 Flash'" in m.note


def test_a_label_line_under_an_unknown_version_is_not_about_another_version():
    text = "# Pica-3.5-mini-instruct\n\nTraining time: 12 days.\n\nContext length: 64K tokens."
    for models in entities(text):
        assert all(key != "pica 3 mini" and rows == 0 for key, _, rows in models)


def test_a_series_followed_by_a_version_is_not_that_series():
    assert LEX.series.find("Corvo 4.5 7B has 7B parameters.") == []
    assert [s.key for s in LEX.series.find("Corvo 7B has 7B parameters.")] == ["corvo"]


def test_reordered_and_tier_names_keep_their_version():
    assert LEX.by_words(["flash", "4.5"], [("corvo",)]) is None
    assert LEX.by_words(["flash", "3"], [("corvo",)]) == "corvo 3 flash"


def test_known_names_still_resolve():
    assert [m.key for m in LEX.find_models("Pica-3-mini and Corvo2-7B and Wren 3 405B.", [])] == \
        ["pica 3 mini", "corvo 2 7b", "wren 3.1 405b"]
