"""Model names written in lower case, as Hub ids are ("<name>-13b", "<name>-2-70b-chat", "<org>/<name>-7b-instruct"):
a name a source has resolves as its capitalised form does; a name no source has is a model mention with no rows
(`resolve.Lexicon._unseen_name`, `UNSEEN_LOWER_RE`), so its figures are its own and unverifiable — never an untyped
figure and never passed to a known model named nearby. Every name and figure is invented for the tests (no source
holds them), so nothing here is a fact."""

from __future__ import annotations

import pytest

from openpace.claims.resolve import Lexicon, norm_name

from claims_helpers import walk

LEX = Lexicon.from_names(models=[("src_a", "Wrenna-13B", None), ("src_a", "Kestrel-4-7B-Instruct", None)],
                         benchmarks=["Zorbench"])


def mentions(sentence: str) -> list[tuple[str, str]]:
    return [(m.text, m.how) for m in LEX.find_models(sentence, [])]


def scores(text: str) -> list[tuple[str, str | None]]:
    """(figure, model key normalised or None) of every claim."""
    out = []
    for c in walk(text, LEX):
        model = next((norm_name(e.key) for e in c.entities if e.type == "model"), None)
        out.append((c.kind, model))
    return out


@pytest.mark.parametrize("written, key", [
    ("wrenna-13b", "wrenna 13b"), ("kestrel-4-7b-instruct", "kestrel 4 7b instruct"),
])
def test_a_known_name_in_lower_case_resolves(written, key):
    [m] = LEX.find_models(f"We tried {written} today.", [])
    assert (m.how, norm_name(m.key)) == ("exact", key)


@pytest.mark.parametrize("written", [
    "tovel-13b", "tovel-2-70b-chat", "acme/tovel-7b-instruct", "tovel1.5-7b-chat", "tovel-8x7b-instruct-v0.1",
    "wrenna-33b",  # a known family, a size no source has
])
def test_an_unknown_lower_case_name_is_a_name_no_source_has(written):
    assert mentions(f"We tried {written} today.") == [(written, "unknown")]


@pytest.mark.parametrize("sentence", [
    "Models in the sub-7b range.", "A state-of-the-art covid-19 classifier.", "Its top-5 accuracy.",
    "A tovel-7b-parameter model.", "The 7b-instruct variant.", "An over-70b class.",
])
def test_prose_with_a_size_is_no_name(sentence):
    assert mentions(sentence) == []


def test_an_unknown_lower_case_name_keeps_its_own_figures():
    got = scores("Wrenna-13B scores 61.5 on Zorbench while tovel-13b scores 55.0.")
    assert got == [("score", "wrenna 13b"), ("score", "tovel 13b")]
    got = scores("Wrenna-13B beats tovel-13b, which reached 55.0% on Zorbench.")
    assert ("score", "tovel 13b") in got and ("score", "wrenna 13b") not in got


def test_a_table_row_of_an_unknown_lower_case_name_is_its_own():
    text = "| Model | Zorbench |\n|---|---|\n| tovel-13b | 55.0 |\n| Wrenna-13B | 61.5 |\n"
    assert scores(text) == [("score", "tovel 13b"), ("score", "wrenna 13b")]
