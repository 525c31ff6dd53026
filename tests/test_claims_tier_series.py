"""A tier named without a version (docs/claims.md, "A tier without a version"): "<Family> <Tier>" that no source uses
as a name and no generation the text established completes is the tier across its versions (`Lexicon.tier_members`,
`carry.tier_series`), and a claim about it holds only where every member out by the text's date agrees
(`verify.verify_members`). The family, its tiers, prices and dates are invented (no source holds these names), so
each verdict follows from the rows loaded here."""

from __future__ import annotations

from datetime import date

import pytest

import claims_helpers
from claims_helpers import price_claim
from identity_helpers import load
from openpace.claims.resolve import Lexicon
from openpace.sources.base import ModelFact, Price

# an invented family: the tier "Vast" in three versions (spelled several ways), "Brisk" in one, and names that are
# no member (a preview of more words, a size)
LEX = Lexicon.from_names(models=[
    ("src_a", "Lumo 3 Vast", None), ("src_b", "lumo-vast-4", None), ("src_b", "lumo-vast-4-20250101", None),
    ("src_a", "Lumo Vast 4.0", None), ("src_a", "Lumo 4.5 Vast", None), ("src_b", "lumo-vast-45", None),
    ("src_a", "Lumo 3 Vast Preview", None), ("src_a", "Lumo 3 Brisk", None), ("src_a", "Lumo 4 Brisk", None),
    ("src_a", "Lumo Vast 70B", None), ("src_a", "Wren 2 Pro", None),
])


def test_the_members_of_a_tier_are_its_versions_each_once():
    members = LEX.tier_members("lumo vast")
    assert [v for v, _ in members] == ["3", "4", "4.5"]  # "4.0" is "4", "45" is "4.5"; no preview, no size
    assert dict(members)["3"] == "lumo 3 vast"
    assert LEX.tier_members("lumo chat") == [] and LEX.tier_members("lumo 3 vast") == []


def bound(text: str) -> list[tuple[str, str | None, str | None]]:
    return claims_helpers.bound(text, LEX)


@pytest.mark.parametrize("text", [
    "Lumo Vast costs $7 per million input tokens.",
    "For long documents, Lumo Vast charges $7 per million input tokens.",
    "| Model | Input ($/M) |\n|---|---|\n| Lumo Vast | $7 |\n",
])
def test_a_family_and_tier_without_a_version_is_the_tier(text: str):
    assert bound(text) == [("$7", "lumo vast", "tier")]


def test_a_column_headed_by_a_tier_is_the_tier():
    text = "| Metric | Lumo Vast | Lumo Brisk |\n|---|---|---|\n| Input price ($/M) | $7 | $1 |\n"
    assert bound(text) == [("$7", "lumo vast", "tier"), ("$1", "lumo brisk", "tier")]


def test_the_generation_the_text_established_still_names_the_member():
    # one generation named: "Lumo Vast" is its member, as before (`carry._member`)
    assert bound("Lumo 3 Brisk is fast. Lumo Vast costs $7 per million input tokens.")[-1] == \
        ("$7", "lumo 3 vast", "loose")
    # two generations named, both with a "Vast": no one member, so the tier
    assert bound("Lumo 3 Brisk and Lumo 4 Brisk are fast. Lumo Vast costs $7 per million input tokens.")[-1] == \
        ("$7", "lumo vast", "tier")


@pytest.mark.parametrize("text", [
    "Lumo Chat costs $7 per million input tokens.",  # a variant's word, no tier
    "Acme Vast costs $7 per million input tokens.",  # no family of the vocabulary
    "Lumo Vast 9 costs $7 per million input tokens.",  # a version after it: another rule's name
])
def test_no_tier_without_a_family_and_a_tier_word(text: str):
    assert all(how != "tier" for _, _, how in bound(text))


# the same family in a warehouse: "Vast" 3 and 4 priced alike, 4.5 cheaper and later
V3, V4, V45 = date(2024, 3, 1), date(2025, 2, 1), date(2025, 10, 1)


def _model(name: str, released: date) -> ModelFact:
    return ModelFact(name=name, key=name.lower().replace(" ", "-"), source="epoch_trends", organization="Lumo",
                     open_weights=False, release_date=released, origin="test:constructed", observed=None,
                     license="test")


def _price(name: str, inp: float, out: float, observed: date) -> Price:
    return Price(model_name=name, provider="lumo", input_usd_per_mtok=inp, output_usd_per_mtok=out, source="litellm",
                 origin="test:constructed", observed=observed, license="test")


# each member listed at its maker on the days the tests read (a catalogue's snapshots), from its release on
SEEN = (date(2025, 6, 20), date(2026, 1, 20))
ROWS = [_model("Lumo 3 Vast", V3), _model("Lumo Vast 4", V4), _model("Lumo Vast 4.5", V45),
        *[_price("lumo-3-vast", 10.0, 30.0, d) for d in (V3, *SEEN)],
        *[_price("lumo-vast-4", 10.0, 30.0, d) for d in (V4, *SEEN)],
        *[_price("lumo-vast-4.5", 4.0, 12.0, d) for d in (V45, SEEN[1])]]


@pytest.fixture
def con(fresh_db):
    load(fresh_db, ROWS)
    return fresh_db



def test_a_tier_holds_where_every_member_out_by_the_text_date_agrees(con):
    c = price_claim(con, "Lumo Vast costs $10 per million input tokens.", date(2025, 6, 30))
    assert c["verdict"] == "supported"
    assert "lumo 3 vast" in c["explanation"] and "lumo vast 4.5" not in c["explanation"]  # 4.5 was not out yet
    c = price_claim(con, "Lumo Vast costs $4 per million input tokens.", date(2025, 6, 30))
    assert c["verdict"] == "contradicted"


def test_members_that_differ_leave_the_tier_unverifiable_and_are_named(con):
    for day in (date(2026, 1, 31), None):  # 4.5 out (or no date: every member)
        c = price_claim(con, "Lumo Vast costs $10 per million input tokens.", day)
        assert c["verdict"] == "unverifiable"
        assert "supported: lumo 3 vast" in c["explanation"] and "contradicted: lumo vast 4.5" in c["explanation"]


def test_a_tier_before_any_member_was_out_is_unverifiable(con):
    c = price_claim(con, "Lumo Vast costs $10 per million input tokens.", date(2023, 6, 30))
    assert c["verdict"] == "unverifiable" and "no member" in c["explanation"]
