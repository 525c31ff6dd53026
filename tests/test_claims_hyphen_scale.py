"""A scale word joined to its figure by a hyphen ("a N-billion parameter model", "an N-billion-parameter model") is
the figure's scale, as "N billion" is (`numbers._SCALE`), and a parameter word joined by a hyphen after a figure
("N billion-parameter", "NB-parameter") names a parameter count (`patterns.AFTER['params']`). Model names and
figures are invented."""

from __future__ import annotations

import pytest

from openpace.claims.numbers import find_quantities
from openpace.claims.resolve import Lexicon

from claims_helpers import walk

LEX = Lexicon.from_names(models=[("src_a", "Wren 2 70B", "wren-2-70b"), ("src_a", "Heron 3", "heron-3")])


def params(text: str) -> list[tuple[str | None, float]]:
    return [(c.entities[0].text if c.entities else None, c.params["value"])
            for c in walk(text, LEX) if c.kind == "parameters"]


@pytest.mark.parametrize("text, value", [
    ("a 12-billion budget", 12e9),
    ("a 3-trillion-token corpus", 3e12),
    ("the 40-million mark", 40e6),
    ("a 12 billion budget", 12e9),  # as before
])
def test_a_hyphenated_scale_is_the_figures_scale(text: str, value: float):
    [q] = [q for q in find_quantities(text, []) if q.value >= 1e6]
    assert q.value == pytest.approx(value)


@pytest.mark.parametrize("text", [
    "Heron 3 is a 64-billion parameter model.",
    "Heron 3 is a 64-billion-parameter model.",
    "Heron 3, a 64 billion-parameter model, is fast.",
    "Heron 3 is a 64B-parameter model.",
    "Heron 3 has 64 billion parameters.",
])
def test_a_hyphenated_parameter_count_is_a_parameter_claim(text: str):
    assert params(text) == [("Heron 3", pytest.approx(64e9))]


@pytest.mark.parametrize("text", [
    "Heron 3 was trained on a 9-trillion-token corpus.",  # tokens, not parameters
    "Heron 3 costs 2-3 dollars a day.",  # a range, no scale
])
def test_other_hyphenated_figures_are_no_parameter_claims(text: str):
    assert params(text) == []
