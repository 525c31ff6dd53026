"""A name no source uses without a date, whose sources name only dated snapshots of it ("<Family> N Ultra" written,
"<Family> N Ultra 1112" in a catalogue): with one such snapshot the name stands for it, and every kind of claim is
read against it (`resolve.Lexicon._dated_only`, the rule of a sole dated snapshot); with several the text may mean
any of them, and nothing is decided; a preview id ("<family>-exp-MM-DD") is another name. End to end on a warehouse
of invented models, sources and figures (no source holds these names; each sentence is written for the test)."""

from __future__ import annotations

from datetime import date

import pytest

from identity_helpers import PROV, load
from openpace.claims import check_text
from openpace.sources.base import ModelFact, Score

P = {k: v for k, v in PROV.items()}


def score(name: str, value: float) -> Score:
    return Score(source="epoch_benchmarks", model_name=name, benchmark="Zorbench Hard", score=value, **P)


ROWS = [
    # one dated snapshot, named by two sources, and no undated name anywhere
    ModelFact(name="Vireo 4 Ultra 1112", source="epoch_trends", organization="Vireoco", release_date=date(2030, 11, 12),
              parameters=310e9, **P),
    score("vireo-4-ultra-1112", 71.5),
    # two dated snapshots of another name, each with a score
    score("Zeta 3 Pro 0205", 64.0), score("Zeta 3 Pro 1206", 60.0),
    # a preview of a third name, its only member
    score("kestrel-2-pro-exp-02-05", 55.0),
    score("Tessel 11", 10.0), score("Tessel 12", 11.0),  # (filler: this module's warehouse differs in size from others)
]


@pytest.fixture
def con(fresh_db):
    load(fresh_db, ROWS)
    return fresh_db


def claims(con, text: str) -> list[tuple[str, str, str]]:
    return [(c["kind"], c["verdict"], c["explanation"]) for c in check_text(con, text)["claims"]]


@pytest.mark.parametrize("text, kind, verdict", [
    ("Vireo 4 Ultra scores 71.5% on Zorbench Hard.", "score", "supported"),
    ("Vireo 4 Ultra scores 52.0% on Zorbench Hard.", "score", "contradicted"),
    ("Vireo 4 Ultra has 310 billion parameters.", "parameters", "supported"),
    ("Vireo 4 Ultra has 150 billion parameters.", "parameters", "contradicted"),
])
def test_the_one_dated_snapshot_stands_for_the_name(con, text: str, kind: str, verdict: str):
    [(k, v, why)] = [c for c in claims(con, text) if c[0] == kind]
    assert v == verdict, why


def test_several_dated_snapshots_decide_nothing(con):
    for text in ("Zeta 3 Pro scores 64.0% on Zorbench Hard.", "Zeta 3 Pro scores 50.0% on Zorbench Hard."):
        [(_, verdict, why)] = [c for c in claims(con, text) if c[0] == "score"]
        assert verdict == "unverifiable" and "zeta-3-pro-0205" in why and "zeta-3-pro-1206" in why, why


def test_a_preview_id_is_not_the_name(con):
    [(_, verdict, why)] = [c for c in claims(con, "Kestrel 2 Pro scores 55.0% on Zorbench Hard.") if c[0] == "score"]
    assert verdict == "unverifiable", why


FAMILY = [
    ModelFact(name="Zeta 3 Flash", source="epoch_trends", organization="Zetaco", context_window=1000000, **P),
    ModelFact(name="Zeta 3 Pro 0205", source="epoch_trends", organization="Zetaco", context_window=2000000, **P),
    ModelFact(name="Zeta 3 Pro 1206", source="epoch_trends", organization="Zetaco", context_window=2000000, **P),
]
FAMILY_TEXT = ("Zetaco announced Zeta 3 Flash and Pro today.\n\n| Model | Context window |\n|---|---|\n"
               "| Zeta 3 Flash | 1M tokens |\n| Zeta 3 Pro | 2M tokens |\n\n"
               "Zeta's 2 million token context window is the largest of its kind.\n")


def test_a_family_word_alone_is_not_the_one_member_when_another_name_stands_for_no_one_model(fresh_db):
    load(fresh_db, FAMILY)
    found = [(c["span"], c["verdict"], [e["resolved"] for e in c["entities"]])
             for c in check_text(fresh_db, FAMILY_TEXT)["claims"] if c["kind"] == "context_window"]
    assert ("1M", "supported", ["zeta-3-flash"]) in found
    # "Zeta's" may mean the Pro (several dated snapshots): never read as the Flash, the one resolved member
    assert not any(v != "unverifiable" or "zeta-3-flash" in e for span, v, e in found if span != "1M"), found
