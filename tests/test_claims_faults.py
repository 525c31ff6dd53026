"""The claim checker has no silent fallbacks: a warehouse fault (a table the migrations create is
gone) is raised, never read as "no data"; the one named condition it handles is a warehouse with
nothing loaded (identity holds no alias), where claims stay without a verdict."""

from __future__ import annotations

import duckdb
import pytest

from openpace.claims import check_text
from openpace.claims.resolve import Lexicon

# tests/data/claims_cases.json, case 'open-weight-model' (epoch/open-model-trends/all_ml_systems_2024-09-25.csv:
# Mixtral 8x22B, "Open weights (unrestricted)"): supported on the intact fixture warehouse
OPEN_SENTENCE = "Mixtral 8x22B is an open-weight model."


def test_open_weights_claim_is_checked_on_the_intact_warehouse(mirror_db):
    claim = next(c for c in check_text(mirror_db, OPEN_SENTENCE)["claims"] if c["kind"] == "open_weights")
    assert claim["verdict"] == "supported", claim["explanation"]


def test_a_missing_openness_flags_table_is_raised_not_counted_another_way(mirror_db):
    """Before, `model_open_flags` was read under `except duckdb.Error`: without it the verdict quietly
    came from the fact rows counted another way."""
    mirror_db.execute("DROP TABLE model_open_flags")
    with pytest.raises(duckdb.CatalogException, match="model_open_flags"):
        check_text(mirror_db, OPEN_SENTENCE)


@pytest.mark.parametrize("table", ["model_aliases", "models"])
def test_a_missing_identity_table_is_raised_when_the_vocabulary_is_built(mirror_db, table):
    """Before, a missing `model_aliases` read as "identity not built" and a missing `models` as "no
    series": the checker went on with a weaker vocabulary."""
    mirror_db.execute(f"DROP TABLE {table}")
    with pytest.raises(duckdb.CatalogException, match=table):
        Lexicon(mirror_db)


def test_a_warehouse_with_nothing_loaded_gives_no_verdict(fresh_db):
    """The named condition: no facts, so identity holds no alias; every claim found stays without a
    supported/contradicted verdict, and nothing is raised."""
    result = check_text(fresh_db, OPEN_SENTENCE + " GPT-4o scored 88.7% on MMLU.")
    assert all(c["verdict"] in ("unverifiable", "unreadable") for c in result["claims"])
    assert result["summary"]["supported"] == result["summary"]["contradicted"] == 0
