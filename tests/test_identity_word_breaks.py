"""One model's name with its words broken in other places (docs/identity.md, rules `word-split` and `vendor-word`;
docs/claims.md, "Names whose words break elsewhere"): a snake-case id "<open>_<model>_7b" and the written
"<Open><Model> 7B" are one name once each run of letter-only words is written as one; sizes and versions never join.
A vendor's API id "<word>-<model>" is <model> when a source's own record files it so. Invented names throughout (no
source holds a 'Wren', 'Quillo' or 'Brisk' model), so each expectation follows from the names given here."""

from __future__ import annotations

import pytest

from claims_helpers import walk
from identity_helpers import PROV, load
from openpace.claims import check_text
from openpace.claims.resolve import Lexicon, norm_name
from openpace.domain.model_names import joined_words
from openpace.identity.build import resolve_aliases
from openpace.sources.base import ModelFact, raw_json


def ids(names: list[tuple[str, str]], filed: list[tuple[str, str, str]] | None = None) -> dict[str, str]:
    return {a.alias: a.model_id for a in resolve_aliases([(s, n, None) for s, n in names], filed=filed)}


@pytest.mark.parametrize("a, b", [
    ("open wren 7b", "openwren 7b"), ("quillo code 13b instruct", "quillocode 13b instruct"),
    ("brisk lm 2 1.6b", "brisklm 2 1.6b"),
])
def test_names_broken_elsewhere_join_their_words(a, b):
    assert joined_words(a.split()) == joined_words(b.split())


@pytest.mark.parametrize("a, b", [
    ("wren 2 7b", "wren 27b"),  # a version and a size are not one size
    ("openwren 7b", "openwren 13b"),  # another size
    ("openwren 1.5 7b", "open wren 1 7b"),  # another version
])
def test_digits_never_join(a, b):
    assert joined_words(a.split()) != joined_words(b.split())


def test_a_snake_case_id_and_a_display_name_are_one_model():
    found = ids([("src_a", "open_wren_7b"), ("src_b", "OpenWren-7B"), ("src_b", "OpenWren-7B-Instruct")])
    assert found["open_wren_7b"] == found["OpenWren-7B"] == "openwren-7b"
    assert found["OpenWren-7B-Instruct"] == "openwren-7b-instruct"  # the variant stays its own


def test_other_sizes_stay_apart():
    found = ids([("src_a", "open_wren_7b"), ("src_b", "OpenWren-13B")])
    assert found["open_wren_7b"] == "openwren-7b"  # one spelling of the words for the family
    assert found["OpenWren-13B"] == "openwren-13b"


def test_the_spelling_most_names_use_wins():
    found = ids([("src_a", "Quillo Code 13B"), ("src_b", "quillo-code-34b"), ("src_c", "QuilloCode-13b-hf")])
    assert set(found.values()) == {"quillo-code-13b", "quillo-code-34b"}


def test_a_vendor_id_filed_under_its_model_joins_it():
    names = [("src_v", "open-brisk-8x7b"), ("src_c", "open-brisk-8x7b"), ("src_t", "Brisk 8x7B"),
             ("src_c", "open-brisk-8x22b-2404"), ("src_c", "open-brisk-nano")]
    found = ids(names, filed=[("src_v", "open-brisk-8x7b", "Brisk 8x7B")])
    assert found["open-brisk-8x7b"] == found["Brisk 8x7B"] == "brisk-8x7b"
    # the same words in another size or snapshot: the vendor's word is no part of the name there either
    assert found["open-brisk-8x22b-2404"] == "brisk-8x22b-2404"
    assert found["open-brisk-nano"] == "open-brisk-nano"  # other words: no record files them


def test_without_a_record_a_leading_word_stays_part_of_the_name():
    # "<Open><Model>" may be another model (a reproduction): only the source's own record says the word is a vendor's
    found = ids([("src_v", "open-brisk-8x7b"), ("src_t", "Brisk 8x7B")])
    assert found["open-brisk-8x7b"] == "open-brisk-8x7b"
    found = ids([("src_v", "open-brisk-8x7b"), ("src_t", "Brisk 8x7B")],
                filed=[("src_v", "open-brisk-8x7b", "Brisk 8x22B")])  # filed under another size: no join
    assert found["open-brisk-8x7b"] == "open-brisk-8x7b"


LEX = Lexicon.from_names(models=[("src_a", "open_wren_7b", None), ("src_b", "Quillo Code 13B", None),
                                 ("src_c", "BriskLM-3B", None)],
                         benchmarks=["Zorbench"])


@pytest.mark.parametrize("written, key", [
    ("OpenWren 7B", "open wren 7b"), ("OpenWren-7B", "open wren 7b"), ("QuilloCode 13B", "quillo code 13b"),
    ("Quillocode-13B", "quillo code 13b"), ("Brisk LM 3B", "brisklm 3b"),
])
def test_a_written_name_finds_the_source_name_broken_elsewhere(written, key):
    [m] = LEX.find_models(f"We ran {written} on the suite.", [])
    assert (m.text, m.how, m.key) == (written, "loose", key)


@pytest.mark.parametrize("written", ["OpenWren 13B", "QuilloCode 34B", "OpenWren 2 7B"])
def test_another_size_or_version_is_not_found(written):
    assert all(m.how != "loose" for m in LEX.find_models(f"We ran {written} on the suite.", []))


def test_prose_words_never_join_into_a_one_word_name():
    lex = Lexicon.from_names(models=[("src_a", "customodel", None), ("src_a", "TernScout", None)])
    for sentence in ("We trained a custo model for it.", "Tern Scout found it.", "The tern scout found it."):
        assert lex.find_models(sentence, []) == [], sentence
    [m] = lex.find_models("We ran Tern-Scout on it.", [])  # one run of letters with two capitals: a name
    assert (m.how, m.key) == ("loose", "ternscout")


def test_two_models_of_the_same_letters_are_no_guess():
    lex = Lexicon.from_names(models=[("src_a", "Tern Ai 5B", None), ("src_b", "TernAI-5B", None)])
    assert all(m.how != "loose" for m in lex.find_models("We ran Ter NAI 5B on the suite.", []))


def test_a_table_column_in_the_written_form_reads_the_id_rows():
    text = "| Benchmark | OpenWren 7B |\n|---|---|\n| Zorbench | 41.0 |\n"
    [claim] = [c for c in walk(text, LEX) if c.kind == "score"]
    assert [norm_name(e.key) for e in claim.entities if e.type == "model"] == ["open wren 7b"]


def test_a_vendor_id_brings_the_makers_window_to_the_model(fresh_db):
    """End to end (docs/claims.md, "A context window is the model's"): the maker's catalogue entry is filed under its
    vendor id `open-<model>`; once the id is the model (rule `vendor-word`), the maker's own window decides, where
    before only one third-party host's cap was left (unverifiable)."""
    load(fresh_db, [
        ModelFact(name="Brisk 8x7B", key="Brisk 8x7B", source="epoch_trends", organization="Brisk Lab",
                  parameters=4.6e10, **PROV),
        ModelFact(name="open-brisk-8x7b", key="open-brisk-8x7b", source="epoch_benchmarks",
                  raw=raw_json({"id": "open-brisk-8x7b", "Model": "Brisk 8x7B"}), **PROV),
        ModelFact(name="open-brisk-8x7b", key="brisk/open-brisk-8x7b", source="models_dev", context_window=24000,
                  **PROV),
        ModelFact(name="hosta/brisk-8x7b", key="hosta/brisk-8x7b", source="litellm", context_window=8192,
                  raw=raw_json({"litellm_provider": "hosta"}), **PROV),
    ])
    [claim] = [c for c in check_text(fresh_db, "Brisk 8x7B has a context window of 24,000 tokens.")["claims"]
               if c["kind"] == "context_window"]
    assert claim["verdict"] == "supported", claim["explanation"]
