"""A multiplier that compares nothing is no claim (docs/claims.md, "Figures that are no claims"): a headline's or a
rhetorical ratio — "The 40x price spread", "a 5x cost gap", "paying 12x more for <model> ... is it 12x better?", "a 3x
jump", "at 1/50th the cost", "roughly 4x the size of <dataset>" — with no model before it in its clause and no compared
side after it. A multiple a model owns ("<model> is 3x faster") or that names its compared side ("3x faster than
<model>", "5 times the throughput of <model>") stays a figure.

Every name and figure is invented: extraction runs on an in-memory vocabulary (`Lexicon.from_names`)."""

from __future__ import annotations

import pytest

from claims_helpers import walk
from openpace.claims.patterns import ownerless_multiplier
from openpace.claims.resolve import Lexicon

LEX = Lexicon.from_names(models=[("src_a", "Quillon-7", None), ("src_a", "Varnix-2", None)])


def claims(text: str) -> list[tuple[str, str]]:
    return [(c.kind, c.sentence[c.start:c.end]) for c in walk(text, LEX)]


@pytest.mark.parametrize("text", [
    "The 40x price spread between the cheapest and the dearest model is the story of the year.",
    "A 5x cost gap separates the two tiers.",
    "You are paying 12x more for Quillon-7, but is it 12x better?",
    "That makes a 3-fold jump.",
    "Budget models now run at 1/50th the cost.",
    "We train on far more text, roughly 4x the size of the public web corpus.",
])
def test_a_multiplier_comparing_nothing_is_no_claim(text: str):
    assert not claims(text), claims(text)


@pytest.mark.parametrize("text, figure", [
    ("Quillon-7 is 3x faster.", "3x"),  # its subject owns it
    ("Quillon-7 is 3x faster than Varnix-2.", "3x"),
    ("The new release is 3x faster than last year's.", "3x"),  # a compared side, though no model
    ("Quillon-7 offers 5 times the throughput of Varnix-2.", "5 times"),
    ("Switching pays: Varnix-2 is 2x as fast as Quillon-7.", "2x"),
    # the compared sides named before it in its clause
    ("Output tokens carry a premium compared to input tokens, often by a factor of 3x to 5x.", "3x"),
])
def test_a_multiplier_with_an_owner_or_a_compared_side_stays_a_figure(text: str, figure: str):
    assert [s for k, s in claims(text) if figure in s], claims(text)


def test_the_rule_alone_reads_the_clause_of_the_figure():
    s = "Quillon-7 costs more, but is it 12x better?"
    at = s.index("12")
    assert ownerless_multiplier(s, at, at + 2, [(0, 9)])  # the model is in the other clause
    s = "Quillon-7 is 12x better."
    assert not ownerless_multiplier(s, s.index("12"), s.index("12") + 2, [(0, 9)])
