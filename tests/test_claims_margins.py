"""A percentage that is a margin over another model ("an improvement of N% over <X> and M% over <Y>") is no score of
the subject (`patterns.margin_spans`); the subject's own score in the same sentence is still read. The names are
invented (`Lexicon.from_names`); no figure here is a fact."""

from __future__ import annotations

import pytest

from claims_helpers import walk
from openpace.claims.resolve import Lexicon

LEX = Lexicon.from_names(models=[("src_a", "Kestrel 3", "kestrel-3"), ("src_a", "Owl 2", "owl-2"),
                                 ("src_a", "Heron 5", "heron-5")], benchmarks=["BenchQA"])


@pytest.mark.parametrize("text", [
    "Kestrel 3 scores 54.6% on BenchQA, an improvement of 21.4% over Owl 2 and 26.6% over Heron 5.",
    "Kestrel 3 scores 54.6% on BenchQA, a gain of 21.4% over Owl 2.",
])
def test_a_margin_over_another_model_is_no_score(text: str):
    scores = [c.span for c in walk(text, LEX) if c.kind == "score"]
    assert len(scores) == 1 and "54.6" in scores[0]
    assert not any("21.4" in c.span or "26.6" in c.span for c in walk(text, LEX))
