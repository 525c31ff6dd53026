"""A host's version spelling (docs/identity.md, rule `point-version`): `NpM` for version N.M joins the model
another source names with that version, and only then. Invented names throughout (no source
holds a 'Vessel' or 'Quill' model), so each expectation follows from the names given here."""

from __future__ import annotations

from datetime import date

import pytest

from identity_helpers import load
from openpace.identity.build import resolve_aliases
from openpace.metrics.prices import prices_at
from openpace.sources.base import ModelFact, Price


def joined(host_names: list[str], other_names: list[str]) -> dict[str, str]:
    names = [("litellm", n, None) for n in host_names] + [("models_dev", n, None) for n in other_names]
    return {a.alias: a.model_id for a in resolve_aliases(names)}


@pytest.mark.parametrize("host_id, other, key", [
    ("hostf/models/vessel-v3p1-8b-instruct", "Vessel 3.1 8B Instruct", "vessel-3.1-8b-instruct"),
    ("hostf/models/vessel2p5-72b-instruct", "Vessel2.5 72B Instruct", "vessel-2.5-72b-instruct"),
    ("hostf/models/quill-v3p1", "Quill V3.1", "quill-v3.1"),  # the other source keeps the `v`: so does the join
])
def test_a_host_version_joins_the_model_another_source_names(host_id: str, other: str, key: str):
    found = joined([host_id], [other])
    assert found[host_id] == found[other] == key


def test_with_no_other_name_the_host_id_keeps_its_own_key():
    # no other source names Vessel 3.1 8B: nothing says which version `v3p1` is
    found = joined(["hostf/models/vessel-v3p1-8b-instruct"], ["Vessel 3 8B Instruct"])
    assert found["hostf/models/vessel-v3p1-8b-instruct"] == "vessel-v3p1-8b-instruct"


def test_a_major_version_written_with_a_v_keeps_its_own_key():
    # `vN` alone is a name's own spelling in some families ("Quill V3"), so it is never re-read
    found = joined(["hostf/models/quill-v3"], ["Quill 3"])
    assert found["hostf/models/quill-v3"] == "quill-v3"


def test_the_alias_records_the_rule(fresh_db):
    load(fresh_db, [
        ModelFact(name="Vessel 3.1 8B Instruct", key="vessel-3.1-8b-instruct", source="epoch_trends",
                  organization="Vessel", open_weights=True, release_date=date(2024, 7, 1), origin="test:constructed",
                  observed=None, license="test"),
        Price(model_name="hostf/models/vessel-v3p1-8b-instruct", provider="hostf", input_usd_per_mtok=0.2,
              output_usd_per_mtok=0.2, source="litellm", origin="test:constructed", observed=date(2025, 1, 1),
              license="test"),
    ])
    rule = fresh_db.execute("SELECT rule FROM model_aliases WHERE alias = 'hostf/models/vessel-v3p1-8b-instruct'"
                            ).fetchone()[0]
    assert rule.endswith("point-version")
    # the host's price is now a price of the model the text names
    [offer] = prices_at(fresh_db, "vessel-3.1-8b-instruct")
    assert (offer.provider, offer.input_usd_per_mtok) == ("hostf", 0.2)
