"""Self-hosting total cost of ownership against a closed API: unit cost, monthly cost, break-even.

A deployment (`gpus` GPUs at `gpu_hour_usd` each) costs the same every hour whether busy or idle,
and serves `tokens_per_second` while busy, busy a share `utilization` of the time. So:

- capacity of one deployment = tokens_per_second x utilization x 3600 x 730 hours per month
- deployment cost per month = gpu_hour_usd x gpus x 730
- self-hosting USD per million tokens at capacity = deployment cost / capacity x 1e6
  (= gpu_hour_usd x gpus / (tokens_per_second x utilization x 3600) x 1e6)
- for a monthly volume V: deployments needed = ceil(V / capacity); monthly self-hosting cost =
  fixed_monthly_usd + deployments x deployment cost (whole deployments: an idle GPU is paid for);
  utilisation at V = V / (deployments x tokens_per_second x 3600 x 730); the effective unit cost =
  monthly cost / V
- monthly API cost = api_usd_per_mtok x V / 1e6 (the API model's blended price)
- break-even: the smallest monthly volume at which the self-hosting cost (fixed + whole deployments)
  is no more than the API's (`break_even`); none when the API charges no more for one deployment's
  full capacity than the deployment costs. It is never 0: even without fixed costs, one deployment
  has to be paid for.
- savings over K months when a share P of V moves = K x (API cost of P x V - self-hosting cost of
  P x V on the deployments it needs)

Every input comes from the user; nothing about hardware is assumed.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, replace
from datetime import date
from typing import Any

import duckdb

from ..errors import InputError
from .prices import DEFAULT_BLEND, blend_label, blended_price, find_model

SECONDS_PER_HOUR = 3600
HOURS_PER_MONTH = 24 * 365 / 12  # 730: the deployment's capacity per average month
DEFAULT_MONTHS = 12
FLAGS = {
    "gpu_hour_usd": "--gpu-hour-usd", "gpus": "--gpus", "tokens_per_second": "--tokens-per-second",
    "utilization": "--utilization", "monthly_tokens": "--monthly-tokens", "compare_to": "--compare-to",
    "fixed_monthly_usd": "--fixed-monthly-usd", "migrate_share": "--migrate-share", "months": "--months",
    "api_usd_per_mtok": "api_usd_per_mtok",
}


def _name(key: str) -> str:
    return FLAGS.get(key, key)


def validate(values: dict[str, Any]) -> None:
    """Raise InputError naming every missing self-hosting input, or the first value that makes no sense."""
    missing = [k for k in ("gpu_hour_usd", "gpus", "tokens_per_second", "utilization") if values.get(k) is None]
    if missing:
        raise InputError(f"tco: missing input(s) {', '.join(_name(k) for k in missing)}")
    for key, value in values.items():
        if value is None or key in ("compare_to", "model"):
            continue
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
            raise InputError(f"tco: {_name(key)} {value!r} is not a finite number")
    rules = [
        ("gpu_hour_usd", lambda v: v >= 0, "must not be negative"),
        ("gpus", lambda v: v > 0, "must be more than 0"),
        ("tokens_per_second", lambda v: v > 0, "must be more than 0 (zero throughput serves nothing)"),
        ("utilization", lambda v: 0 < v <= 1, "must be in (0, 1]: a share of the time the GPUs are busy"),
        ("monthly_tokens", lambda v: v >= 0, "must not be negative"),
        ("fixed_monthly_usd", lambda v: v >= 0, "must not be negative"),
        ("migrate_share", lambda v: 0 <= v <= 1, "must be in [0, 1]: the share of the volume that moves"),
        ("months", lambda v: v > 0 and float(v).is_integer(), "must be a whole number of months, at least 1"),
        ("api_usd_per_mtok", lambda v: v >= 0, "must not be negative"),
    ]
    for key, ok, reason in rules:
        value = values.get(key)
        if value is not None and not ok(value):
            raise InputError(f"tco: {_name(key)} {value:g} {reason}")


def self_host_usd_per_mtok(gpu_hour_usd: float, gpus: float, tokens_per_second: float, utilization: float) -> float:
    """USD per million tokens of a deployment serving its capacity: hourly cost over tokens served per hour."""
    return gpu_hour_usd * gpus / (tokens_per_second * utilization * SECONDS_PER_HOUR) * 1e6


def deployments_for(tokens: float, capacity: float) -> int:
    """Whole deployments needed for a monthly volume (none for no volume)."""
    return max(1, math.ceil(tokens / capacity)) if tokens > 0 else 0


def break_even(fixed: float, deployment_usd: float, capacity: float,
               api_usd_per_mtok: float) -> tuple[float | None, int | None, str]:
    """(volume, deployments, note): the smallest monthly volume at which self-hosting (fixed cost +
    whole deployments) costs no more than the API, and the deployments it takes; None when never.

    With k deployments self-hosting costs fixed + k x deployment_usd for any volume up to k x capacity
    and the API charges api x V / 1e6, so k deployments break even from V = (fixed + k x
    deployment_usd) / api x 1e6, which must be within k x capacity: the least such k is
    ceil(fixed / (api x capacity / 1e6 - deployment_usd)), at least 1.
    """
    full = api_usd_per_mtok * capacity / 1e6  # the API's charge for one deployment's full volume
    if deployment_usd == 0 and fixed == 0:
        return None, None, "self-hosting costs nothing with these inputs (0 USD per GPU-hour, no fixed cost)"
    if full <= deployment_usd:
        return None, None, ("the API charges no more for a deployment's full capacity than the deployment costs: "
                            "self-hosting never breaks even")
    k = max(1, math.ceil(fixed / (full - deployment_usd)))
    return ((fixed + k * deployment_usd) / api_usd_per_mtok * 1e6, k,
            f"self-hosting is cheaper from this monthly volume on ({k} deployment(s))")


@dataclass(frozen=True)
class TcoInputs:
    gpu_hour_usd: float
    gpus: float
    tokens_per_second: float
    utilization: float
    monthly_tokens: float | None
    fixed_monthly_usd: float
    migrate_share: float | None
    months: int


@dataclass(frozen=True)
class TcoResult:
    """Every derived figure of `tco`, with the inputs it came from and the models priced."""

    inputs: TcoInputs
    self_host_usd_per_mtok: float  # at capacity
    capacity_tokens_per_month: float  # one deployment at the given utilisation
    deployment_monthly_usd: float
    api_usd_per_mtok: float | None
    deployments_needed: int | None
    utilization_at_volume: float | None  # the fleet's full-time throughput actually used at monthly_tokens
    effective_usd_per_mtok: float | None  # monthly self-hosting cost / monthly_tokens
    monthly_self_host_usd: float | None
    monthly_api_usd: float | None
    break_even_monthly_tokens: float | None
    break_even_deployments: int | None
    break_even_note: str | None
    migrated_monthly_tokens: float | None
    migrated_deployments: int | None
    savings_usd: float | None
    blend: str | None = None
    as_of: date | None = None
    model: dict[str, Any] | None = None  # the self-hosted model's hosted price (the "rent it" reference)
    compare_to: dict[str, Any] | None = None  # the API model and its price

    def to_json(self) -> dict[str, Any]:
        out = asdict(self)
        out["as_of"] = self.as_of.isoformat() if self.as_of else None
        return out


def tco_numbers(*, gpu_hour_usd: float | None, gpus: float | None, tokens_per_second: float | None,
                utilization: float | None, monthly_tokens: float | None = None, api_usd_per_mtok: float | None = None,
                fixed_monthly_usd: float | None = None, migrate_share: float | None = None,
                months: int = DEFAULT_MONTHS) -> TcoResult:
    """The pure arithmetic of `tco` (no warehouse): validated inputs in, every derived figure out."""
    validate({"gpu_hour_usd": gpu_hour_usd, "gpus": gpus, "tokens_per_second": tokens_per_second,
              "utilization": utilization, "monthly_tokens": monthly_tokens, "api_usd_per_mtok": api_usd_per_mtok,
              "fixed_monthly_usd": fixed_monthly_usd, "migrate_share": migrate_share, "months": months})
    assert gpu_hour_usd is not None and gpus is not None and tokens_per_second is not None and utilization is not None
    fixed = fixed_monthly_usd or 0.0
    capacity = tokens_per_second * utilization * SECONDS_PER_HOUR * HOURS_PER_MONTH
    full_time = tokens_per_second * SECONDS_PER_HOUR * HOURS_PER_MONTH  # one deployment busy all month
    deployment = gpu_hour_usd * gpus * HOURS_PER_MONTH

    def self_host_cost(tokens: float) -> float:
        return fixed + deployments_for(tokens, capacity) * deployment if tokens > 0 else 0.0

    deployments = utilization_at = effective = monthly_self = monthly_api = None
    if monthly_tokens is not None:
        deployments = deployments_for(monthly_tokens, capacity)
        monthly_self = fixed + deployments * deployment
        if deployments:
            utilization_at = monthly_tokens / (deployments * full_time)
            effective = monthly_self / monthly_tokens * 1e6
        if api_usd_per_mtok is not None:
            monthly_api = api_usd_per_mtok * monthly_tokens / 1e6
    be_tokens = be_deployments = be_note = moved = moved_deployments = savings = None
    if api_usd_per_mtok is not None:
        be_tokens, be_deployments, be_note = break_even(fixed, deployment, capacity, api_usd_per_mtok)
        if migrate_share is not None and monthly_tokens is not None:
            moved = migrate_share * monthly_tokens
            moved_deployments = deployments_for(moved, capacity)
            savings = months * (api_usd_per_mtok * moved / 1e6 - self_host_cost(moved))
    return TcoResult(
        inputs=TcoInputs(gpu_hour_usd, gpus, tokens_per_second, utilization, monthly_tokens, fixed, migrate_share,
                         months),
        self_host_usd_per_mtok=self_host_usd_per_mtok(gpu_hour_usd, gpus, tokens_per_second, utilization),
        capacity_tokens_per_month=capacity, deployment_monthly_usd=deployment, api_usd_per_mtok=api_usd_per_mtok,
        deployments_needed=deployments, utilization_at_volume=utilization_at, effective_usd_per_mtok=effective,
        monthly_self_host_usd=monthly_self, monthly_api_usd=monthly_api, break_even_monthly_tokens=be_tokens,
        break_even_deployments=be_deployments, break_even_note=be_note, migrated_monthly_tokens=moved,
        migrated_deployments=moved_deployments, savings_usd=savings)


def tco(con: duckdb.DuckDBPyConnection | None = None, *, model: str | None = None, compare_to: str | None = None,
        gpu_hour_usd: float | None = None, gpus: float | None = None, tokens_per_second: float | None = None,
        utilization: float | None = None, monthly_tokens: float | None = None, fixed_monthly_usd: float | None = None,
        migrate_share: float | None = None, months: int = DEFAULT_MONTHS, as_of: date | None = None,
        blend: tuple[float, float] = DEFAULT_BLEND) -> TcoResult:
    """Self-hosting cost vs an API model's blended price from the warehouse (`compare_to`), with the
    hosted price of the self-hosted `model` beside it when given. Bad or missing inputs raise InputError."""
    if migrate_share is not None and compare_to is None:
        raise InputError("tco: --migrate-share needs --compare-to (the API the volume moves from)")
    if migrate_share is not None and monthly_tokens is None:
        raise InputError("tco: --migrate-share needs --monthly-tokens (the volume a share of which moves)")
    # validate the user's numbers before touching the warehouse, so the error names them first
    validate({"gpu_hour_usd": gpu_hour_usd, "gpus": gpus, "tokens_per_second": tokens_per_second,
              "utilization": utilization, "monthly_tokens": monthly_tokens, "fixed_monthly_usd": fixed_monthly_usd,
              "migrate_share": migrate_share, "months": months})
    api = None
    if compare_to is not None:
        if con is None:
            raise InputError("tco: --compare-to needs a warehouse to look the API price up in")
        api_id = find_model(con, compare_to)
        api = blended_price(con, api_id, as_of, blend)
        if api is None:
            raise InputError(f"tco: --compare-to {compare_to!r} ({api_id}) has no price in the warehouse")
    hosted = None
    if model is not None and con is not None:
        hosted = blended_price(con, find_model(con, model), as_of, blend)
    result = tco_numbers(gpu_hour_usd=gpu_hour_usd, gpus=gpus, tokens_per_second=tokens_per_second,
                         utilization=utilization, monthly_tokens=monthly_tokens,
                         api_usd_per_mtok=api["blended_usd_per_mtok"] if api else None,
                         fixed_monthly_usd=fixed_monthly_usd, migrate_share=migrate_share, months=months)
    return replace(result, blend=blend_label(blend), as_of=as_of, model=_summary(hosted, model),
                   compare_to=_summary(api, compare_to))


def _summary(priced: dict[str, Any] | None, asked: str | None) -> dict[str, Any] | None:
    if asked is None:
        return None
    if priced is None:
        return {"asked": asked, "model": None, "blended_usd_per_mtok": None}
    keys = ("model", "display_name", "open_weights", "blended_usd_per_mtok", "input_usd_per_mtok",
            "output_usd_per_mtok", "provider", "price_basis", "price_sources", "catalogues", "disagreement",
            "cheapest_host")
    return {"asked": asked, **{k: priced[k] for k in keys}}
