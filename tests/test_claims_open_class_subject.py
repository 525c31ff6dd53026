"""An openness class a sentence places its subject in ("It was ranked first among open-source models") is the
subject's, reached through the explicit reference, never a model named after a comparison word ("..., beating Y":
Y is the one beaten) (`extract.openness`, `binding.OBJECT_BEFORE`). The names are invented (`Lexicon.from_names`)."""

from __future__ import annotations

import pytest

from claims_helpers import walk
from openpace.claims.resolve import Lexicon

LEX = Lexicon.from_names(models=[("src_a", "Kestrel 3", "kestrel-3"), ("src_a", "Owl 2", "owl-2"),
                                 ("src_a", "Heron 5", "heron-5")], benchmarks=[])


def owners(text: str) -> list[str]:
    return [e.text for c in walk(text, LEX) if c.kind == "open_weights" for e in c.entities if e.type == "model"]


@pytest.mark.parametrize("second", [
    "It was ranked first among open-source models, even beating Owl 2 and Heron 5.",
    "It ranks first among open-weight models, surpassing Owl 2.",
])
def test_the_class_is_the_subjects_not_the_beaten_models(second: str):
    got = owners(f"Kestrel 3 came out last year. {second}")
    assert "Owl 2" not in got and "Heron 5" not in got
    assert got == ["Kestrel 3"]


def test_a_model_right_after_the_words_is_still_read():
    assert owners("Among the open-weight models, Owl 2 leads.") == ["Owl 2"]


def test_a_class_whose_members_are_named_is_theirs():
    assert owners("Kestrel 3 came out last year. It rivals proprietary models like Owl 2.") == ["Owl 2"]
