"""Self-hosting TCO: the unit cost, monthly costs, break-even, savings, the API price lookup, and
every error path (library and CLI). Expected values are worked out by hand in the comments."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date

import pytest

from openpace.errors import InputError
from openpace.metrics.tco import tco, tco_numbers

from test_prices import add_model, price

BASE = dict(gpu_hour_usd=2.0, gpus=1, tokens_per_second=1000, utilization=1.0)


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", "from openpace.cli import main; main()", "tco", *args],
                          capture_output=True, text=True, timeout=60)


def test_issue_example_unit_cost():
    # 2 USD/h x 1 GPU / (1000 tok/s x 1.0 x 3600 s) x 1e6 = 0.5555... USD per million tokens
    assert tco_numbers(**BASE).self_host_usd_per_mtok == pytest.approx(2 / 3.6)


@pytest.mark.subprocess
def test_cli_issue_example_json():
    done = run_cli("--gpu-hour-usd", "2", "--gpus", "1", "--tokens-per-second", "1000", "--utilization", "1", "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["self_host_usd_per_mtok"] == 0.5556


def test_utilization_and_gpus_scale_the_unit_cost():
    # 2 x 4 / (1000 x 0.5 x 3600) x 1e6 = 4.444... : four times the GPUs, half the utilisation
    got = tco_numbers(gpu_hour_usd=2.0, gpus=4, tokens_per_second=1000, utilization=0.5)
    assert got.self_host_usd_per_mtok == pytest.approx(8 / 1.8)


# BASE in one month: capacity 1000 tok/s x 1.0 x 3600 s x 730 h = 2.628e9 tokens; the deployment
# costs 2 USD/h x 1 GPU x 730 h = 1,460 USD whatever it serves
CAPACITY, DEPLOYMENT = 2.628e9, 1460.0


def test_monthly_costs_are_whole_deployments_and_break_even_and_savings():
    got = tco_numbers(**BASE, monthly_tokens=1e9, api_usd_per_mtok=4.375, fixed_monthly_usd=1000.0,
                      migrate_share=0.5, months=12)
    assert got.monthly_api_usd == pytest.approx(4375.0)                        # 1000 Mtok x 4.375
    assert got.deployments_needed == 1 and got.deployment_monthly_usd == pytest.approx(DEPLOYMENT)
    assert got.monthly_self_host_usd == pytest.approx(1000 + DEPLOYMENT)         # fixed + one whole deployment
    assert got.utilization_at_volume == pytest.approx(1e9 / CAPACITY)            # 38% of its throughput used
    assert got.effective_usd_per_mtok == pytest.approx(2460 / 1000)              # 2,460 USD / 1000 Mtok
    # break-even: one deployment covers (4.375 x 2628 = 11,497.5 USD of API volume > 1,460 + 1,000), so
    # (1000 + 1460) / 4.375 x 1e6 = 562.3 Mtok per month, on 1 deployment
    assert got.break_even_monthly_tokens == pytest.approx(2460 / 4.375 * 1e6)
    assert got.break_even_deployments == 1
    # 500 Mtok move to one deployment: 12 x (500 x 4.375 - (1000 + 1460)) = -3,270 USD, a loss the
    # per-token arithmetic (12 x (500 x (4.375 - 0.5556) - 1000) = +10,917) hid
    assert got.migrated_deployments == 1
    assert got.savings_usd == pytest.approx(12 * (500 * 4.375 - 2460))


def test_break_even_is_never_zero():
    # no fixed cost: still one deployment to pay for, 1460 / 4.375 x 1e6 = 333.7 Mtok per month
    got = tco_numbers(**BASE, api_usd_per_mtok=4.375)
    assert got.break_even_monthly_tokens == pytest.approx(DEPLOYMENT / 4.375 * 1e6) and got.break_even_deployments == 1
    # a fixed cost one deployment's margin cannot carry: 20,000 / (11,497.5 - 1,460) = 1.99 -> 2 deployments,
    # (20,000 + 2 x 1,460) / 4.375 x 1e6 = 5,238.9 Mtok, between one (2,628) and two (5,256) capacities
    big = tco_numbers(**BASE, api_usd_per_mtok=4.375, fixed_monthly_usd=20000.0)
    assert big.break_even_deployments == 2
    assert big.break_even_monthly_tokens == pytest.approx((20000 + 2 * DEPLOYMENT) / 4.375 * 1e6)
    assert CAPACITY < big.break_even_monthly_tokens <= 2 * CAPACITY
    free = tco_numbers(**{**BASE, "gpu_hour_usd": 0.0}, api_usd_per_mtok=4.375)
    assert free.break_even_monthly_tokens is None and "costs nothing" in free.break_even_note


@pytest.mark.subprocess
def test_cli_never_prints_break_even_zero(api_db):
    # no fixed cost: the old per-token arithmetic printed "break-even: 0 tokens/month"
    api_db.execute("CHECKPOINT")
    path = api_db.execute("SELECT path FROM duckdb_databases() WHERE database_name = current_database()").fetchone()[0]
    api_db.close()
    done = run_cli("--db", path, "--gpu-hour-usd", "2", "--gpus", "1", "--tokens-per-second", "1000",
                   "--utilization", "1", "--compare-to", "acme/api-model", "--monthly-tokens", "1e9")
    assert done.returncode == 0, done.stderr
    line = next(x for x in done.stdout.splitlines() if x.startswith("break-even:"))
    assert line.startswith("break-even: 333,714,286 tokens/month")  # 1460 / 4.375 x 1e6, one deployment
    assert "1 deployment(s)" in line


def test_api_cheaper_than_self_hosting_never_breaks_even():
    # 0.25 x 2628 Mtok = 657 USD of API volume per deployment < 1460 USD: never
    got = tco_numbers(**BASE, monthly_tokens=1e9, api_usd_per_mtok=0.25, migrate_share=1.0)
    assert got.break_even_monthly_tokens is None and "never" in got.break_even_note
    assert got.savings_usd == pytest.approx(12 * (1000 * 0.25 - DEPLOYMENT))  # a loss: negative


def test_months_default_to_twelve():
    got = tco_numbers(**BASE, monthly_tokens=1e6, api_usd_per_mtok=1.5556, migrate_share=1.0)
    assert got.inputs.months == 12
    assert got.savings_usd == pytest.approx(12 * (1.5556 - DEPLOYMENT))


@pytest.mark.parametrize(("missing", "named"), [
    ("gpu_hour_usd", "--gpu-hour-usd"), ("gpus", "--gpus"),
    ("tokens_per_second", "--tokens-per-second"), ("utilization", "--utilization"),
])
def test_each_missing_input_is_named(missing, named):
    kwargs = {k: v for k, v in BASE.items() if k != missing}
    with pytest.raises(InputError, match=f"missing input\\(s\\) {named}$"):
        tco(None, **kwargs)


def test_all_missing_inputs_named_at_once():
    with pytest.raises(InputError) as err:
        tco(None, gpus=2)
    assert str(err.value) == "tco: missing input(s) --gpu-hour-usd, --tokens-per-second, --utilization"


@pytest.mark.parametrize(("change", "fragment"), [
    ({"gpu_hour_usd": -1.0}, "--gpu-hour-usd -1 must not be negative"),
    ({"gpus": 0}, "--gpus 0 must be more than 0"),
    ({"gpus": -2}, "--gpus -2 must be more than 0"),
    ({"tokens_per_second": 0}, "--tokens-per-second 0 must be more than 0"),
    ({"tokens_per_second": -5}, "--tokens-per-second -5 must be more than 0"),
    ({"utilization": 1.2}, "--utilization 1.2 must be in (0, 1]"),
    ({"utilization": 0}, "--utilization 0 must be in (0, 1]"),
    ({"monthly_tokens": -1}, "--monthly-tokens -1 must not be negative"),
    ({"fixed_monthly_usd": -10}, "--fixed-monthly-usd -10 must not be negative"),
    ({"months": 0}, "--months 0 must be a whole number"),
    ({"gpu_hour_usd": float("nan")}, "--gpu-hour-usd nan is not a finite number"),
    ({"tokens_per_second": float("inf")}, "--tokens-per-second inf is not a finite number"),
], ids=lambda v: str(v))
def test_nonsense_inputs_are_rejected_with_the_reason(change, fragment):
    with pytest.raises(InputError) as err:
        tco(None, **{**BASE, **change})
    assert fragment in str(err.value)


def test_migrate_share_out_of_range(fresh_db):
    with pytest.raises(InputError, match="--migrate-share 1.5 must be in"):
        tco_numbers(**BASE, monthly_tokens=1e6, api_usd_per_mtok=1.0, migrate_share=1.5)


def test_migrate_share_needs_compare_to_and_volume():
    with pytest.raises(InputError, match="--migrate-share needs --compare-to"):
        tco(None, **BASE, monthly_tokens=1e6, migrate_share=0.5)
    with pytest.raises(InputError, match="--migrate-share needs --monthly-tokens"):
        tco(None, **BASE, compare_to="x", migrate_share=0.5)


@pytest.fixture
def api_db(fresh_db):
    add_model(fresh_db, "acme/api-model", open_weights=False, org="Acme", name="API Model")
    price(fresh_db, "api-model", "acme", 2.5, 10.0, model_id="acme/api-model")   # (7.5 + 10) / 4 = 4.375
    add_model(fresh_db, "acme/unpriced", open_weights=False, org="Acme", name="Unpriced")
    return fresh_db


def test_compare_to_looks_up_the_api_blended_price(api_db):
    got = tco(api_db, **BASE, compare_to="API Model", monthly_tokens=2e6)
    assert got.api_usd_per_mtok == pytest.approx(4.375)
    assert got.compare_to["model"] == "acme/api-model"
    assert got.monthly_api_usd == pytest.approx(8.75)  # 2 Mtok x 4.375


def test_compare_to_unknown_model(api_db):
    with pytest.raises(InputError, match="no canonical model matches"):
        tco(api_db, **BASE, compare_to="nothing-like-this")


def test_compare_to_model_without_price(api_db):
    with pytest.raises(InputError, match="has no price"):
        tco(api_db, **BASE, compare_to="Unpriced")


def test_compare_to_before_any_price(api_db):
    with pytest.raises(InputError, match="has no price"):
        tco(api_db, **BASE, compare_to="API Model", as_of=date(2020, 1, 1))


@pytest.mark.subprocess
def test_cli_errors_are_one_line_and_exit_1(tmp_path):
    done = run_cli("--gpu-hour-usd", "2", "--gpus", "1", "--tokens-per-second", "0", "--utilization", "1")
    assert done.returncode == 1
    assert done.stdout == "" and done.stderr.strip().count("\n") == 0
    assert "--tokens-per-second 0 must be more than 0" in done.stderr
    done = run_cli("--gpus", "1", "--json")
    assert done.returncode == 1 and "missing input(s) --gpu-hour-usd, --tokens-per-second, --utilization" in done.stderr


@pytest.mark.subprocess
def test_cli_compare_to_with_a_warehouse(api_db, tmp_path):
    api_db.execute("CHECKPOINT")
    path = api_db.execute("SELECT path FROM duckdb_databases() WHERE database_name = current_database()").fetchone()[0]
    api_db.close()
    done = run_cli("--db", path, "--gpu-hour-usd", "2", "--gpus", "1", "--tokens-per-second", "1000",
                   "--utilization", "1", "--compare-to", "acme/api-model", "--monthly-tokens", "1e9",
                   "--fixed-monthly-usd", "1000", "--migrate-share", "0.5", "--json")
    assert done.returncode == 0, done.stderr
    got = json.loads(done.stdout)
    assert got["api_usd_per_mtok"] == 4.375
    # (1000 + 1460) / 4.375 x 1e6 and 12 x (500 x 4.375 - 2460), rounded to 4 decimals in JSON
    assert got["break_even_monthly_tokens"] == pytest.approx(2460 / 4.375 * 1e6, abs=1e-3)
    assert got["savings_usd"] == pytest.approx(12 * (500 * 4.375 - 2460), abs=1e-3)
    assert got["deployments_needed"] == 1 and got["inputs"]["months"] == 12


def test_capacity_and_deployments_needed():
    # one deployment: 1000 tok/s x 0.5 x 3600 s x 730 h = 1.314e9 tokens per month
    got = tco_numbers(**{**BASE, "utilization": 0.5}, monthly_tokens=2e9)
    assert got.capacity_tokens_per_month == pytest.approx(1.314e9)
    assert got.deployments_needed == 2
    # two deployments at 1,460 USD each; 2e9 of their 2 x 2.628e9 full-time tokens used
    assert got.monthly_self_host_usd == pytest.approx(2 * DEPLOYMENT)
    assert got.utilization_at_volume == pytest.approx(2e9 / (2 * CAPACITY))


def test_compare_to_prefers_the_model_named_exactly(api_db):
    # one alias names two models; the display name settles it, and between a model and its dated
    # snapshot (same display name) the undated model is meant
    add_model(api_db, "acme/twin", open_weights=False, org="Acme", name="Twin")
    add_model(api_db, "acme/twin-2024-05", open_weights=False, org="Acme", name="Twin")
    add_model(api_db, "acme/other", open_weights=False, org="Acme", name="Other")
    for model_id, source in (("acme/twin", "litellm"), ("acme/twin-2024-05", "lmarena"), ("acme/other", "openrouter")):
        api_db.execute("INSERT INTO model_aliases (alias, normalized, model_id, source, rule) "
                       "VALUES ('twin', 'twin', ?, ?, 'test')", [model_id, source])
        price(api_db, f"p-{model_id}", "acme", 1.0, 1.0, model_id=model_id)
    assert tco(api_db, **BASE, compare_to="twin").compare_to["model"] == "acme/twin"


def test_compare_to_ambiguous_name(api_db):
    add_model(api_db, "acme/a", open_weights=False, org="Acme", name="A")
    add_model(api_db, "acme/b", open_weights=False, org="Acme", name="B")
    for model_id, source in (("acme/a", "litellm"), ("acme/b", "lmarena")):
        api_db.execute("INSERT INTO model_aliases (alias, normalized, model_id, source, rule) "
                       "VALUES ('ab', 'ab', ?, ?, 'test')", [model_id, source])
    with pytest.raises(InputError, match="ambiguous: acme/a, acme/b"):
        tco(api_db, **BASE, compare_to="ab")
