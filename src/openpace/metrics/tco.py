"""Self-hosting total cost of ownership against a closed API: unit cost, monthly cost, break-even.

- self-hosting USD per million tokens = gpu_hour_usd x gpus / (tokens_per_second x utilization x 3600) x 1e6
- monthly self-hosting cost = fixed_monthly_usd + self_host_usd_per_mtok x monthly_tokens / 1e6
- monthly API cost = api_usd_per_mtok x monthly_tokens / 1e6 (the API model's blended price)
- capacity of one deployment = tokens_per_second x utilization x 3600 x 730 hours per month; the
  unit cost assumes deployments are added as volume grows (`deployments_needed`)
- break-even monthly volume = fixed_monthly_usd / (api - self_host) per token, when self-hosting is
  cheaper per token; none when it is not (the API stays cheaper at any volume)
- savings over K months when a share P of the volume moves = K x (P x monthly_tokens / 1e6 x
  (api - self_host) - fixed_monthly_usd)

Every input comes from the user; nothing about hardware is assumed.
"""

from __future__ import annotations

import math
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
    """USD per million tokens of a deployment: hourly cost over tokens actually served per hour."""
    return gpu_hour_usd * gpus / (tokens_per_second * utilization * SECONDS_PER_HOUR) * 1e6


def tco_numbers(*, gpu_hour_usd: float | None, gpus: float | None, tokens_per_second: float | None,
                utilization: float | None, monthly_tokens: float | None = None, api_usd_per_mtok: float | None = None,
                fixed_monthly_usd: float | None = None, migrate_share: float | None = None,
                months: int = DEFAULT_MONTHS) -> dict[str, Any]:
    """The pure arithmetic of `tco` (no warehouse): validated inputs in, every derived figure out."""
    validate({"gpu_hour_usd": gpu_hour_usd, "gpus": gpus, "tokens_per_second": tokens_per_second,
              "utilization": utilization, "monthly_tokens": monthly_tokens, "api_usd_per_mtok": api_usd_per_mtok,
              "fixed_monthly_usd": fixed_monthly_usd, "migrate_share": migrate_share, "months": months})
    fixed = fixed_monthly_usd or 0.0
    assert gpu_hour_usd is not None and gpus is not None and tokens_per_second is not None and utilization is not None
    unit = self_host_usd_per_mtok(gpu_hour_usd, gpus, tokens_per_second, utilization)
    out: dict[str, Any] = {
        "inputs": {"gpu_hour_usd": gpu_hour_usd, "gpus": gpus, "tokens_per_second": tokens_per_second,
                   "utilization": utilization, "monthly_tokens": monthly_tokens, "fixed_monthly_usd": fixed,
                   "migrate_share": migrate_share, "months": months},
        "self_host_usd_per_mtok": unit,
        "capacity_tokens_per_month": tokens_per_second * utilization * SECONDS_PER_HOUR * HOURS_PER_MONTH,
        "api_usd_per_mtok": api_usd_per_mtok,
        "monthly_self_host_usd": None, "monthly_api_usd": None, "break_even_monthly_tokens": None,
        "break_even_note": None, "savings_usd": None, "migrated_monthly_tokens": None,
    }
    out["deployments_needed"] = None
    if monthly_tokens is not None:
        out["monthly_self_host_usd"] = fixed + unit * monthly_tokens / 1e6
        # the unit cost assumes the fleet grows with volume; say how many deployments that takes
        out["deployments_needed"] = max(1, math.ceil(monthly_tokens / out["capacity_tokens_per_month"]))
        if api_usd_per_mtok is not None:
            out["monthly_api_usd"] = api_usd_per_mtok * monthly_tokens / 1e6
    if api_usd_per_mtok is not None:
        margin = api_usd_per_mtok - unit  # USD saved per million tokens moved
        if margin > 0:
            out["break_even_monthly_tokens"] = fixed / margin * 1e6
            out["break_even_note"] = "self-hosting is cheaper above this monthly volume"
        else:
            out["break_even_note"] = "the API is as cheap or cheaper per token: self-hosting never breaks even"
        if migrate_share is not None and monthly_tokens is not None:
            moved = migrate_share * monthly_tokens
            out["migrated_monthly_tokens"] = moved
            out["savings_usd"] = months * (moved / 1e6 * margin - fixed)
    return out


def tco(con: duckdb.DuckDBPyConnection | None = None, *, model: str | None = None, compare_to: str | None = None,
        gpu_hour_usd: float | None = None, gpus: float | None = None, tokens_per_second: float | None = None,
        utilization: float | None = None, monthly_tokens: float | None = None, fixed_monthly_usd: float | None = None,
        migrate_share: float | None = None, months: int = DEFAULT_MONTHS, as_of: date | None = None,
        blend: tuple[float, float] = DEFAULT_BLEND) -> dict[str, Any]:
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
    result["blend"] = blend_label(blend)
    result["as_of"] = as_of
    result["model"] = _summary(hosted, model)
    result["compare_to"] = _summary(api, compare_to)
    return result


def _summary(priced: dict[str, Any] | None, asked: str | None) -> dict[str, Any] | None:
    if asked is None:
        return None
    if priced is None:
        return {"asked": asked, "model": None, "blended_usd_per_mtok": None}
    keys = ("model", "display_name", "open_weights", "blended_usd_per_mtok", "input_usd_per_mtok",
            "output_usd_per_mtok", "provider", "price_basis", "price_sources", "catalogues", "disagreement",
            "cheapest_host")
    return {"asked": asked, **{k: priced[k] for k in keys}}
