"""More of a name after it (docs/claims.md, "Sizes and generations after a name"): bare sizes coordinated after a name
ending in a size ("<Family> N 70B and 405B"), a series and a size right after it ("<Family> 1 34B"), and a generation
digit after a known name ("<Family> Large 1") are names — the family's model, known or no source's —, never figures.

Every name and figure here is invented: extraction runs on an in-memory vocabulary (`Lexicon.from_names`)."""

from __future__ import annotations

import pytest

from openpace.claims.resolve import Lexicon

from claims_helpers import walk

ROWS = {"zeph-3-8b": "Zeph 3 8B", "zeph-3-70b": "Zeph 3 70B", "zeph-3-405b": "Zeph 3 405B", "korra-34b": "Korra 34B",
        "korra-2-34b": "Korra 2 34B", "mixo-8x7b": "Mixo 8x7B", "mixo-8x22b": "Mixo 8x22B", "vela-7b": "Vela 7B",
        "vela-13b": "Vela 13B"}
LEX = Lexicon.from_names(
    models=[("src_a", name, None) for name in ROWS.values()]
    + [("src_a", n, None) for n in ("Quillon-7", "Brisk Large", "Brisk Large 2", "Tarn Pro")],
    benchmarks=["Zorbench"],
    sized=[(i, i.split("-")[-1], None) for i in ROWS],
    aliases={i: [("src_a", name)] for i, name in ROWS.items()},
)


def mentions(text: str) -> dict[str, tuple[str, str]]:
    """Each model mention's text -> (key, how)."""
    return {m.text: (m.key, m.how) for m in LEX.find_models(text, [])}


def figures(text: str) -> list[tuple[str, str]]:
    """(kind, span) of every claim holding a figure."""
    return [(c.kind, c.sentence[c.start:c.end]) for c in walk(text, LEX)]


# ------------------------------------------------------------------ sizes coordinated after a name ending in a size
@pytest.mark.parametrize("text, size, key", [
    ("Acme released Zeph 3 70B and 405B on 12 May 2031.", "405B", "zeph 3 405b"),
    ("Zeph 3 8B, 70B and 405B outperform Quillon-7.", "70B", "zeph 3 70b"),
    ("Zeph 3 8B, 70B and 405B outperform Quillon-7.", "405B", "zeph 3 405b"),
    ("Zeph 3 8B, 70B, and 405B were released.", "405B", "zeph 3 405b"),
    ("Mixo 8x7B and 8x22B trail Quillon-7 on Zorbench.", "8x22B", "mixo 8x22b"),
])
def test_a_size_coordinated_after_a_sized_name_is_that_familys_model(text: str, size: str, key: str):
    assert mentions(text)[size][0] == key
    assert not [span for kind, span in figures(text) if kind == "other" and size in span]


@pytest.mark.parametrize("text, size", [
    ("Acme released Zeph 3 70B and 13B in May 2031.", "13B"),
    ("Zeph 3 8B and 30B outperform Quillon-7.", "30B"),
])
def test_a_coordinated_size_no_source_has_is_an_unseen_name(text: str, size: str):
    assert mentions(text)[size][1] == "unknown"
    assert not [span for kind, span in figures(text) if size in span and kind == "other"]


@pytest.mark.parametrize("text, size", [
    ("Zeph 3 8B, and 70B parameters in all, were released.", "70B"),  # a size with its own unit: a figure
    ("Zeph 3 8B and 70B tokens of data.", "70B"),
    ("Quillon-7 and 70B models were compared.", "70B"),  # a name with no size before it
])
def test_a_size_with_its_own_unit_or_after_an_unsized_name_is_no_name(text: str, size: str):
    assert size not in mentions(text)


# ------------------------------------------------------------------ a series and a size right after it
@pytest.mark.parametrize("text", ["Quillon-7 beats Vela 1 13B on all benchmarks.", "Vela 1 13B trails Quillon-7."])
def test_a_series_first_generation_and_a_size_is_the_series_model(text: str):
    # "Vela 1" is the series "Vela" (a first version published without a number), whose 13B model is vela-13b
    assert mentions(text)["Vela 1 13B"] == ("vela-13b", "loose")
    assert not [span for _, span in figures(text) if span.startswith("13B")]


def test_a_family_version_no_source_has_stays_an_unseen_name():
    # "Korra 2 34B" exists, "Korra 1 34B" does not: the version is kept (docs: "A name's version is kept")
    assert mentions("Quillon-7 beats Korra 1 34B on all benchmarks.")["Korra 1 34B"][1] == "unknown"


def test_a_series_size_no_source_has_is_an_unseen_name():
    assert mentions("Quillon-7 beats Zeph 3 13B on Zorbench.")["Zeph 3 13B"][1] == "unknown"
    assert not [span for _, span in figures("Quillon-7 beats Zeph 3 13B on Zorbench.") if span.startswith("13B")]


# ------------------------------------------------------------------ a generation digit after a known name
@pytest.mark.parametrize("text, name", [
    ("Quillon-7 beats Brisk Large 1 on Zorbench.", "Brisk Large 1"),  # the family names generation 2 only
    ("Quillon-7 beats Tarn Pro 1 on all benchmarks.", "Tarn Pro 1"),  # no source numbers the family
    ("Brisk Large 3 scored 71 on Zorbench.", "Brisk Large 3"),
])
def test_a_generation_digit_after_a_name_is_part_of_an_unseen_name(text: str, name: str):
    assert mentions(text)[name][1] == "unknown"
    assert not [span for _, span in figures(text) if span.startswith(name[-1])]


@pytest.mark.parametrize("text, figure", [
    ("Brisk Large scored 1 on Zorbench.", "1"),  # not right after the name
    ("Tarn Pro 3 points ahead of Quillon-7 on Zorbench.", "3"),  # a unit after the digit
    ("Tarn Pro 7.5 on Zorbench.", "7.5"),  # a decimal is a score, no generation
])
def test_a_figure_after_a_name_stays_a_figure(text: str, figure: str):
    assert [span for _, span in figures(text) if figure in span]


def test_a_generation_a_source_names_is_its_name():
    assert mentions("Brisk Large 2 scored 71 on Zorbench.")["Brisk Large 2"][1] == "exact"
