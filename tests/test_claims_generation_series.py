"""A generation named without its tier ("<Family> V<N>", docs/claims.md, "A tier without a version"): when no source uses
the name and the sources name that version only with a tier after it ("<Family> V<N> Flash", "<Family> V<N> Pro"), the
name is the generation across its tiers (`Lexicon.generation_members`, `carry.generation_series`), not the family word
alone, and a claim about it holds only where every member agrees (`verify.verify_members`). A name a source uses, a
version with one tier only, and a variant word ("Base") are no generation. The family, its tiers, prices and dates are
invented (no source holds these names), so each verdict follows from the rows loaded here."""

from __future__ import annotations

from datetime import date

import pytest

import claims_helpers
from claims_helpers import price_claim
from identity_helpers import load
from openpace.claims.resolve import Lexicon
from openpace.sources.base import ModelFact, Price

# an invented family: version 4 only with a tier ("Flash", "Pro", a dated "Pro" snapshot, a "Base" variant); version 3
# named alone; version 5 with one tier; "Lumo" also a sized series of its own
LEX = Lexicon.from_names(models=[
    ("src_a", "Lumo V4 Flash", None), ("src_b", "lumo-v4-pro", None), ("src_b", "lumo-v4-pro-20250101", None),
    ("src_a", "Lumo V4 Base", None), ("src_a", "Lumo V3", None), ("src_a", "Lumo V5 Flash", None),
    ("src_a", "Wren 2", "wren-2"),
], sized=[("lumo-7b", "7B", None), ("lumo-67b", "67B", None)])


def test_the_members_of_a_generation_are_its_tiers_each_once():
    assert LEX.generation_members("lumo v4") == [("flash", "lumo v4 flash"), ("pro", "lumo v4 pro")]
    assert LEX.tier_members("lumo v4") == LEX.generation_members("lumo v4")  # what the verdict reads
    assert LEX.generation_members("lumo v3") == []  # a name a source uses
    assert LEX.generation_members("lumo v5") == []  # one tier: no generation to read across


def bound(text: str) -> list[tuple[str, str | None, str | None]]:
    return claims_helpers.bound(text, LEX)


@pytest.mark.parametrize("text", [
    "Lumo V4 costs $7 per million input tokens.",
    "For long documents, Lumo-V4 charges $7 per million input tokens.",
    "| Model | Input ($/M) |\n|---|---|\n| Lumo V4 | $7 |\n",
    "| Metric | Lumo V4 | Wren 2 |\n|---|---|---|\n| Input price ($/M) | $7 | $1 |\n",
])
def test_a_family_and_version_without_a_tier_is_the_generation(text: str):
    assert bound(text)[0] == ("$7", "lumo v4", "tier")


@pytest.mark.parametrize("text", [
    "Lumo V3 costs $7 per million input tokens.",  # a name a source uses
    "Lumo V4 Flash costs $7 per million input tokens.",  # a tier written
    "Lumo V5 costs $7 per million input tokens.",  # one tier only
    "Acme V4 costs $7 per million input tokens.",  # no family of the vocabulary
])
def test_no_generation_where_a_name_or_tier_decides(text: str):
    assert all(how != "tier" for _, _, how in bound(text))


V4 = date(2025, 1, 1)


def _model(name: str) -> ModelFact:
    return ModelFact(name=name, key=name.lower().replace(" ", "-"), source="epoch_trends", organization="Lumo",
                     open_weights=False, release_date=V4, origin="test:constructed", observed=None, license="test")


def _price(name: str, inp: float) -> Price:
    return Price(model_name=name, provider="lumo", input_usd_per_mtok=inp, output_usd_per_mtok=inp * 3, source="litellm",
                 origin="test:constructed", observed=date(2025, 6, 20), license="test")


@pytest.fixture
def con(fresh_db):
    load(fresh_db, [_model("Lumo V4 Flash"), _model("Lumo V4 Pro"), _price("lumo-v4-flash", 1.0),
                    _price("lumo-v4-pro", 4.0)])
    return fresh_db


def test_a_generation_holds_only_where_every_tier_agrees(con):
    c = price_claim(con, "Lumo V4 costs $1 per million input tokens.", date(2025, 6, 30))
    assert c["verdict"] == "unverifiable"
    assert "names no tier" in c["explanation"] and "contradicted: lumo v4 pro" in c["explanation"]
    c = price_claim(con, "Lumo V4 costs $9 per million input tokens.", date(2025, 6, 30))
    assert c["verdict"] == "contradicted"
