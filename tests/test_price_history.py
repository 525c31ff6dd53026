"""Price history: every dated observation is kept, live refreshes append, a catalogue snapshot speaks
until the next one, and `prices_at` answers "what did each host charge on that day"."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from openpace.metrics.prices import find_model, prices_at
from openpace.metrics.trend import cost_trend
from openpace.refresh import refresh

from test_prices import add_model, price
from test_sources_catalogues import _Server

LITELLM_EARLY = "litellm/model_prices_2023-11-14_litellm-1.0.0.json"
LITELLM_LATE = "litellm/model_prices_2026-11-20_litellm-1.110.2.json"


def litellm_dates(con) -> list[date | None]:
    return [r[0] for r in con.execute(
        "SELECT DISTINCT observed FROM prices WHERE source = 'litellm' ORDER BY 1").fetchall()]


@pytest.fixture
def two_map_mirror(mirror: Path, tmp_path: Path) -> Path:
    root = tmp_path / "mirror"
    (root / "litellm").mkdir(parents=True)
    shutil.copy(mirror / "MANIFEST.json", root / "MANIFEST.json")
    shutil.copy(mirror / LITELLM_EARLY, root / LITELLM_EARLY)
    return root


def test_live_refresh_appends_and_is_idempotent_for_its_date(fresh_db, two_map_mirror: Path, mirror: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    [ok] = refresh(fresh_db, ["litellm"], two_map_mirror)
    assert ok.status == "ok"
    assert litellm_dates(fresh_db) == [date(2023, 11, 14)]
    early_rows = fresh_db.execute("SELECT count(*) FROM prices WHERE source = 'litellm'").fetchone()[0]

    server = _Server(mirror)
    try:
        monkeypatch.setenv("OPENPACE_LITELLM_URL", f"{server.url}/{LITELLM_LATE}")
        for _ in range(2):  # the second live refresh of the day replaces the first, adds nothing
            [live] = refresh(fresh_db, ["litellm"], None)
            assert live.status == "ok", live.error
            assert litellm_dates(fresh_db) == [date(2023, 11, 14), date.today()]
            today = fresh_db.execute("SELECT count(*) FROM prices WHERE source = 'litellm' AND observed = ?",
                                     [date.today()]).fetchone()[0]
            limits = fresh_db.execute("SELECT count(*) FROM model_facts WHERE source = 'litellm' AND observed = ?",
                                      [date.today()]).fetchone()[0]
            assert today + limits == live.rows  # the map's prices and its token-limit facts
    finally:
        server.close()
    # the mirror's observation is still there, unchanged
    assert fresh_db.execute("SELECT count(*) FROM prices WHERE source = 'litellm' AND observed = ?",
                            [date(2023, 11, 14)]).fetchone()[0] == early_rows
    # a mirror refresh replaces only its own dates; the live observation stays
    refresh(fresh_db, ["litellm"], two_map_mirror)
    assert litellm_dates(fresh_db) == [date(2023, 11, 14), date.today()]


@pytest.fixture
def delisted(fresh_db):
    """One catalogue, three snapshots: X listed, then not listed, then listed again at a lower price."""
    add_model(fresh_db, "acme/x", open_weights=False, org="Acme")
    add_model(fresh_db, "other/y", open_weights=True, org="Other")
    price(fresh_db, "x", "acme", 2.0, 6.0, model_id="acme/x", observed=date(2025, 1, 1))
    price(fresh_db, "x", "azure", 1.0, 1.0, model_id="acme/x", observed=date(2025, 1, 1))
    price(fresh_db, "y", "h", 1.0, 1.0, model_id="other/y", observed=date(2025, 2, 1))  # X missing on 02-01
    price(fresh_db, "x", "acme", 1.0, 3.0, model_id="acme/x", observed=date(2025, 3, 1))
    price(fresh_db, "y", "h", 1.0, 1.0, model_id="other/y", observed=date(2025, 3, 1))
    return fresh_db


def test_a_snapshot_speaks_until_the_next(delisted) -> None:
    jan = prices_at(delisted, "acme/x", on=date(2025, 1, 20))
    # (3 x 2 + 6) / 4 = 3.0 at the lab (first party), 1.0 at azure; cheapest host first
    assert [(p.provider, p.first_party, p.blended_usd_per_mtok, p.observed) for p in jan] == [
        ("azure", False, pytest.approx(1.0), date(2025, 1, 1)), ("acme", True, pytest.approx(3.0), date(2025, 1, 1))]
    assert prices_at(delisted, "acme/x", on=date(2025, 2, 10)) == []  # the February snapshot does not list X
    assert prices_at(delisted, "acme/x", on=date(2024, 12, 31)) == []  # before any observation
    # latest: the March snapshot only; azure is no longer listed
    latest = prices_at(delisted, "acme/x")
    assert [(p.provider, p.blended_usd_per_mtok, p.since) for p in latest] == [
        ("acme", pytest.approx(1.5), date(2025, 3, 1))]
    assert prices_at(delisted, "acme/x", on=date(2025, 1, 20), provider="Azure") == [jan[0]]
    assert jan[0].to_json()["observed"] == "2025-01-01"


def test_genai_prices_periods_hold_until_valid_to(fresh_db) -> None:
    add_model(fresh_db, "acme/x", open_weights=False, org="Acme")
    price(fresh_db, "x", "acme", 4.0, 4.0, source="genai_prices", observed=None, model_id="acme/x",
          valid_to=date(2025, 5, 31))
    price(fresh_db, "x", "acme", 2.0, 2.0, source="genai_prices", observed=None, model_id="acme/x",
          valid_from=date(2025, 6, 1))
    assert [p.blended_usd_per_mtok for p in prices_at(fresh_db, "acme/x", on=date(2025, 6, 1))] == [2.0]
    # the first period has no start date: it is not dated without release dating
    assert prices_at(fresh_db, "acme/x", on=date(2025, 5, 31)) == []
    [p] = prices_at(fresh_db, "acme/x")
    assert (p.blended_usd_per_mtok, p.date_basis, p.source) == (2.0, "valid_from", "genai_prices")


def test_prices_at_on_the_mirror(mirror_db) -> None:
    mini = find_model(mirror_db, "gpt-4o-mini")
    # litellm/model_prices_2024-11-28_litellm-1.53.1.json: gpt-4o-mini (openai) 1.5e-07 / 6e-07 per token
    # -> 0.15 / 0.6 per Mtok, (3 x 0.15 + 0.6) / 4 = 0.2625
    found = prices_at(mirror_db, mini, on=date(2024, 11, 30), provider="openai")
    first = [p for p in found if p.first_party and p.source == "litellm"]
    assert [(p.input_usd_per_mtok, p.output_usd_per_mtok, p.observed) for p in first] == [
        (0.15, 0.6, date(2024, 11, 28))]
    assert first[0].blended_usd_per_mtok == pytest.approx(0.2625)
    # no LiteLLM map between 2023-12-14 and 2024-11-28 in the mirror, and the 2023 maps predate the model
    assert [p for p in prices_at(mirror_db, mini, on=date(2024, 8, 1)) if p.source == "litellm"] == []
    # models.dev/api-2026-07-02.json: openai gpt-4o 2.5 / 10 -> 4.375, preferred over LiteLLM's row
    gpt4o = [p for p in prices_at(mirror_db, "gpt-4o", on=date(2026, 7, 15)) if p.provider == "openai"]
    assert gpt4o[0].preferred and gpt4o[0].source == "models_dev"
    assert gpt4o[0].blended_usd_per_mtok == pytest.approx(4.375) and gpt4o[0].first_party


@pytest.mark.parametrize("basis", [None, "any"])
def test_trend_history_reaches_back_to_2023(mirror_db, basis) -> None:
    """Issue 11's done-when on the mirror, on the default (independent) basis and on every score row:
    >= 20 observed months from 2023-11 or earlier, the open side observed from 2024-12 or earlier.
    The independent MMLU row of the June 2023 GPT-4 (epoch/benchmark-stitching/external_benchmark_mmlu.csv,
    Stanford CRFM, `GPT-4 (Jun 2023)` in model_versions.csv) joins the priced `gpt-4-0613`
    (litellm/model_prices_2023-10-20_litellm-0.11.1.json: 3e-05 / 6e-05 per token -> (3 x 30 + 60) / 4
    = 37.5 per Mtok). On every row, GPT-4o mini is the cheapest closed model at MMLU >= 80 from the first
    LiteLLM map after its launch (litellm/model_prices_2024-11-28_litellm-1.53.1.json, 0.2625)."""
    result = cost_trend(mirror_db, "MMLU", 80, **({"basis": basis} if basis else {}))
    assert result.score_basis == ("mixed" if basis == "any" else "independent")
    observed = result.observed_months()
    assert len(observed) >= 20 and observed[0] <= "2023-11"
    assert result.observed_months("open")[0] <= "2024-12"
    closed = {p.month: p for p in result.closed}
    if basis is None:
        assert (closed["2023-10"].model, closed["2023-10"].cheapest_usd_per_mtok) == ("gpt-4-0613", pytest.approx(37.5))
    else:  # GPT-4o mini's MMLU score is self-reported (epoch/open-model-trends), so only on every row
        assert closed["2024-11"].model == find_model(mirror_db, "gpt-4o-mini")
        assert closed["2024-11"].cheapest_usd_per_mtok == pytest.approx(0.2625)


def test_trend_uses_one_score_basis_and_says_which(mirror_db) -> None:
    default = cost_trend(mirror_db, "MMLU", 80)
    assert default.score_basis == "independent" and default.to_json()["score_basis"] == "independent"
    reported = cost_trend(mirror_db, "MMLU", 80, basis="self_reported")
    assert reported.score_basis == "self_reported"
    assert reported.qualifying_models != default.qualifying_models  # different rows, not a relabelling
