"""Price-performance: blended prices per canonical model, cheapest open vs closed at a score.

Definitions (docs/prices.md has the long form):

- **Blended price** = (w_in x input + w_out x output) / (w_in + w_out) USD per million tokens,
  default weights 3:1.
- **Current price as of D**: per catalogue, model and provider, the latest observation in force on
  D (`metrics.price_observations`: from its start, until genai-prices' `valid_to` or the
  catalogue's next snapshot). Without D: each catalogue's latest snapshot, open-ended rows only.
- **Catalogue priority** when several catalogues price the same model at the same provider:
  `CATALOGUE_PRIORITY`, first wins; the others are kept and a disagreement of more than
  `DISAGREEMENT` (10%) on the blended price is flagged.
- **Closed models** are priced at their first-party provider: the provider whose id equals the
  model's organisation (or a word of it) or the `lab/` prefix of the model's `lab/model` keys in
  models.dev or OpenRouter. **Open models**: the median over hosts, with the cheapest host beside it.
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

import duckdb

from ..domain.prices import DEFAULT_BLEND, blend_price, parse_blend, tier_price
from ..domain.priority import FactKind, order
from ..domain.priority import rank as source_rank
from ..domain.model_names import own_date
from ..domain.providers import first_party_match, lab_keys, provider_key
from ..domain.tolerances import PRICE_NEAREST_DAYS
from ..errors import InputError, UsageError
from ..identity import resolve_name
from .price_curve import PriceCurve, price_curve
from .price_observations import SINCE_RELEASE_SOURCES, Observation, TierPrices, load_observations  # noqa: F401 (re-exported)

__all__ = ["DEFAULT_BLEND", "blend_price", "parse_blend", "first_party_match", "lab_keys", "provider_key"]

# Which catalogue wins for one (model, provider): openpace.domain.priority (PRICE) gives the order and why.
CATALOGUE_PRIORITY: tuple[str, ...] = order(FactKind.PRICE)
DISAGREEMENT = 0.10
# Sources whose model keys are `lab/model`, so the prefix names the lab (first-party detection).
LAB_KEYED_SOURCES: tuple[str, ...] = ("models_dev", "openrouter")


# --------------------------------------------------------------------------- models
@dataclass
class ModelInfo:
    model_id: str
    display_name: str
    open_weights: bool | None
    release_date: date | None
    lab_keys: set[str] = field(default_factory=set)


def model_lab_keys(con: duckdb.DuckDBPyConnection, model_id: str) -> set[str]:
    """The lab keys of one canonical model, exactly as `load_models` gathers them (its organisation, and the
    `lab/` prefix of its names in the lab-keyed sources): what a first-party provider is recognised by."""
    keys: set[str] = set()
    for (org,) in con.execute("SELECT organization FROM models WHERE model_id = ?", [model_id]).fetchall():
        keys |= lab_keys(org)
    for (alias,) in con.execute(
            "SELECT DISTINCT alias FROM model_aliases WHERE model_id = ? AND source IN (SELECT unnest(?)) "
            "AND length(alias) - length(replace(alias, '/', '')) = 1", [model_id, list(LAB_KEYED_SOURCES)]).fetchall():
        keys |= {provider_key(alias.split("/")[0])} - {""}
    return keys


def load_models(con: duckdb.DuckDBPyConnection) -> dict[str, ModelInfo]:
    """Canonical models with the lab keys used to recognise a first-party provider."""
    models = {
        mid: ModelInfo(mid, name, ow, rd, lab_keys(org))
        for mid, name, ow, rd, org in con.execute(
            "SELECT model_id, display_name, open_weights, release_date, organization FROM models").fetchall()
    }
    for mid, alias in con.execute(
            "SELECT DISTINCT model_id, alias FROM model_aliases WHERE source IN (SELECT unnest(?)) "
            "AND length(alias) - length(replace(alias, '/', '')) = 1", [list(LAB_KEYED_SOURCES)]).fetchall():
        if mid in models:
            models[mid].lab_keys |= {provider_key(alias.split("/")[0])} - {""}
    return models


# --------------------------------------------------------------------------- pricing one model
def _current(observations: list[Observation], as_of: date | None,
             tier: str | None = None) -> dict[tuple[str, str], Observation]:
    """Per (provider key, catalogue): the latest observation in force on `as_of`.

    A dated snapshot (a model whose id carries a full date, `x-2024-05-13`: `domain.model_names.own_date`)
    is priced once, at its release: when a catalogue has no observation of it in force on `as_of` (its
    first snapshot came later), that catalogue's first later observation of a name carrying the same date
    holds (`fixed_by_id`), provided the date is on or before `as_of`. Never for an undated alias, whose
    target (and price) moves. With a `tier` (batch, cache read or write) the same holds for that tier's
    price: when the observation in force has none, the first later one of the same dated name that has
    it (a catalogue that began listing batch prices after the date still gives the snapshot's own)."""
    best: dict[tuple[str, str], Observation] = {}
    for obs in observations:
        if not obs.in_force(as_of):
            continue
        key = (provider_key(obs.provider), obs.source)
        rank = (obs.start or date.min, obs.observed or date.min, -obs.input, -obs.output)
        held = best.get(key)
        if held is None or rank > (held.start or date.min, held.observed or date.min, -held.input, -held.output):
            best[key] = obs
    if as_of is None:
        return best
    later: dict[tuple[str, str], Observation] = {}
    for obs in observations:
        stamp = own_date(obs.model_id)
        if stamp is None or stamp > as_of or obs.start_basis != "observed" or obs.start is None or obs.start <= as_of \
                or own_date(obs.model_name) != stamp or not _has_tier(obs, tier):
            continue
        key = (provider_key(obs.provider), obs.source)
        held = later.get(key)
        missing = key not in best or not _has_tier(best[key], tier)
        if missing and (held is None or (obs.start, -obs.input, -obs.output) < (held.start or date.max, -held.input, -held.output)):
            later[key] = obs
    best.update({key: replace(obs, fixed_by_id=True) for key, obs in later.items()})
    return best


# how an observation read by `_nearest` holds: `last_seen` and `first_after` decide a claim, `nearest` only supports
NEAREST_DECIDES = frozenset({"last_seen", "first_after"})


def _nearest(observations: list[Observation], as_of: date | None, tier: str | None = None,
             released: date | None = None) -> dict[tuple[str, str], Observation]:
    """Per (provider key, catalogue): the observation nearest to `as_of`, for a model no catalogue prices in force
    on it (`_current` found nothing). With no day, the catalogue's last observation of the model (`last_seen`: the
    model is gone from every latest snapshot; its last listed price is its price). With a day, the first
    observation after it when it comes within `PRICE_NEAREST_DAYS` (`first_after`: a launch before the next
    snapshot; it decides); else the nearer of the last observation before the day (a model delisted by then) and the
    first one after it (`nearest`: it may support a claim, never contradict one). Nothing after the day is read for
    a model `released` after it, or whose id carries a later date: it had no price yet. Rows with no date of their
    own (undated genai-prices entries) are left to release dating."""
    best: dict[tuple[str, str], tuple[tuple, Observation]] = {}
    for obs in observations:
        start = obs.start
        if start is None or not _has_tier(obs, tier):
            continue
        key = (provider_key(obs.provider), obs.source)
        stamp = own_date(obs.model_name) or own_date(obs.model_id)
        if as_of is not None and start > as_of and any(d is not None and d > as_of for d in (released, stamp)):
            continue
        if as_of is None:
            rank: tuple = (0, -start.toordinal(), obs.input, obs.output)
            how = "last_seen"
        else:
            gap = (start - as_of).days
            how = "first_after" if 0 < gap <= PRICE_NEAREST_DAYS else "nearest"
            rank = (how != "first_after", abs(gap), gap < 0, obs.input, obs.output)
        held = best.get(key)
        if held is None or rank < held[0]:
            best[key] = (rank, replace(obs, read_as=how))
    return {key: obs for key, (_, obs) in best.items()}


def _has_tier(obs: Observation, tier: str | None) -> bool:
    """Does the observation give a price in `tier` (always, for the ordinary price)?"""
    if tier is None:
        return True
    t = obs.tiers
    return tier_price(tier, obs.input, obs.output, t.batch_input, t.batch_output, t.cache_read, t.cache_write,
                      t.cache_write_1h) != (None, None)


def _priority(source: str) -> tuple[int, str]:
    return source_rank(FactKind.PRICE, source)


def provider_prices(observations: list[Observation], as_of: date | None,
                    blend: tuple[float, float], lab: set[str]) -> list[dict[str, Any]]:
    """One entry per provider: the winning catalogue's current price, and any catalogue disagreeing by >10%."""
    by_provider: dict[str, list[Observation]] = defaultdict(list)
    for (pkey, _), obs in _current(observations, as_of).items():
        by_provider[pkey].append(obs)
    result = []
    for pkey, found in sorted(by_provider.items()):
        # a price recorded on a date beats one inferred from a release date, then catalogue priority
        found.sort(key=lambda o: (o.start_basis == "release_date", _priority(o.source), o.source))
        win = found[0]
        blended = blend_price(win.input, win.output, blend)
        others: list[dict[str, Any]] = [{"source": o.source, "provider": o.provider,
                   "blended_usd_per_mtok": blend_price(o.input, o.output, blend),
                   "since": o.start, "date_basis": o.start_basis} for o in found[1:]]
        disagree = [o for o in others
                    if blended > 0 and abs(o["blended_usd_per_mtok"] - blended) / blended > DISAGREEMENT]
        result.append({
            "provider": win.provider, "first_party": first_party_match(pkey, lab),
            "input_usd_per_mtok": win.input, "output_usd_per_mtok": win.output, "blended_usd_per_mtok": blended,
            "source": win.source, "model_name": win.model_name, "observed": win.observed, "since": win.start,
            "date_basis": win.start_basis, "origin": win.origin,
            "license": win.license, "other_catalogues": others, "disagreement": bool(disagree),
        })
    return result


def price_model(info: ModelInfo, observations: list[Observation], as_of: date | None = None,
                blend: tuple[float, float] = DEFAULT_BLEND) -> dict[str, Any] | None:
    """A model's blended price by the spec's rule, or None when nothing is in force on `as_of`."""
    providers = provider_prices(observations, as_of, blend, info.lab_keys)
    if not providers:
        return None
    # an exact lab match (openai) before a lab-owned platform (amazon-bedrock, google-vertex)
    first_party = ([p for p in providers if p["first_party"] == "exact"]
                   or [p for p in providers if p["first_party"] == "platform"])
    cheapest = min(providers, key=lambda p: (p["blended_usd_per_mtok"], p["provider"]))
    if info.open_weights is False and first_party:
        chosen = min(first_party, key=lambda p: (_priority(p["source"]), p["provider"]))
        basis = "first-party"
        blended, inp, out, provider = (chosen["blended_usd_per_mtok"], chosen["input_usd_per_mtok"],
                                       chosen["output_usd_per_mtok"], chosen["provider"])
        used = [chosen]
    else:
        # Open models (and closed ones with no first-party price found): median over hosts.
        basis = "median of hosts" if info.open_weights is not False else "median of hosts (no first-party price)"
        blended = statistics.median(p["blended_usd_per_mtok"] for p in providers)
        inp = statistics.median(p["input_usd_per_mtok"] for p in providers)
        out = statistics.median(p["output_usd_per_mtok"] for p in providers)
        provider = providers[0]["provider"] if len(providers) == 1 else f"median of {len(providers)} hosts"
        used = providers
    return {
        "model": info.model_id, "display_name": info.display_name, "open_weights": info.open_weights,
        "release_date": info.release_date, "blended_usd_per_mtok": blended, "input_usd_per_mtok": inp,
        "output_usd_per_mtok": out, "provider": provider, "price_basis": basis,
        "cheapest_host": {k: cheapest[k] for k in ("provider", "blended_usd_per_mtok", "source", "since")},
        # the catalogues the figure was taken from, and every catalogue that prices the model at all
        "price_sources": sorted({p["source"] for p in used}),
        "catalogues": sorted({p["source"] for p in providers}
                             | {o["source"] for p in providers for o in p["other_catalogues"]}),
        "since": max((p["since"] for p in used if p["since"]), default=None),
        "disagreement": any(p["disagreement"] for p in used), "providers": providers,
    }


def blended_price(con: duckdb.DuckDBPyConnection, model_id: str, as_of: date | None = None,
                  blend: tuple[float, float] = DEFAULT_BLEND, release_dating: bool = False) -> dict[str, Any] | None:
    """The blended price of one canonical model (dict as in `price_model`), or None if unpriced."""
    info = load_models(con).get(model_id)
    if info is None:
        return None
    return price_model(info, load_observations(con, [model_id], release_dating), as_of, blend)


@dataclass(frozen=True)
class PriceObservation:
    """One catalogue's price for one model at one host, in force on the day asked about.

    `first_party`: the host is the model's lab (`openai` for GPT-4o), or the lab's own platform
    (`google-vertex`) when no host is the lab itself; a closed model's price is its first-party one.
    `preferred`: this catalogue wins for this host by `CATALOGUE_PRIORITY` (the others are kept so
    a reader can see the spread). `since`: the day from which it is known to hold, `date_basis`
    says how (`observed`, `valid_from`, `release_date`); `observed` is the snapshot's date.
    """

    model_id: str
    model_name: str
    provider: str
    first_party: bool
    input_usd_per_mtok: float
    output_usd_per_mtok: float
    blended_usd_per_mtok: float
    source: str
    preferred: bool
    observed: date | None
    since: date | None
    date_basis: str
    valid_to: date | None
    origin: str
    license: str
    tiers: TierPrices = TierPrices()  # the same offering's batch and prompt-caching prices

    def to_json(self) -> dict[str, Any]:
        return {k: (v.isoformat() if isinstance(v, date) else dict(v.__dict__) if isinstance(v, TierPrices) else v)
                for k, v in self.__dict__.items()}


def prices_at(con: duckdb.DuckDBPyConnection, model_id: str, *, on: date | None = None,
              provider: str | None = None, blend: tuple[float, float] = DEFAULT_BLEND,
              release_dating: bool = False, tier: str | None = None, nearest: bool = False,
              first_party: bool = False, labs: frozenset[str] = frozenset()) -> list[PriceObservation]:
    """Every host's price for `model_id` in force on `on` (default: each catalogue's latest), one
    entry per host and catalogue, the preferred catalogue of each host first; `provider` keeps one
    host (compared by `provider_key`). Cheapest preferred host first; [] when nothing is in force.
    `tier`: a dated snapshot's later observations are read for that tier's price (`_current`).
    `nearest`: when nothing is in force, each host's and catalogue's observation nearest to `on` (`_nearest`;
    its `date_basis` says how it holds: `NEAREST_DECIDES`, or `nearest`, a hint that never contradicts).
    `first_party`: only the maker's own hosts (`first_party_match`), before anything is chosen: a maker's price
    it no longer lists is read as `nearest` reads a model gone from every snapshot, though hosts still list it.
    `labs`: more lab keys of the model, which the caller knows from another name of one identity with it."""
    info = load_models(con).get(model_id)
    if info is None:
        return []
    lab = info.lab_keys | labs
    observations = load_observations(con, [model_id], release_dating)
    if first_party:
        observations = [o for o in observations if first_party_match(provider_key(o.provider), lab)]
    held = _current(observations, on, tier)
    if nearest and not held:
        held = _nearest(observations, on, tier, info.release_date)
    current = list(held.values())
    if provider is not None:
        current = [o for o in current if provider_key(o.provider) == provider_key(provider)]
    matches = {provider_key(o.provider): first_party_match(provider_key(o.provider), lab) for o in current}
    has_exact = "exact" in matches.values()
    by_host: dict[str, list[Observation]] = defaultdict(list)
    for obs in current:
        by_host[provider_key(obs.provider)].append(obs)
    out: list[PriceObservation] = []
    for pkey, found in by_host.items():
        found.sort(key=lambda o: (o.start_basis == "release_date", _priority(o.source), o.source))
        match = matches[pkey]
        first_party = match == "exact" or (match == "platform" and not has_exact)
        for rank, o in enumerate(found):
            out.append(PriceObservation(
                model_id=model_id, model_name=o.model_name, provider=o.provider, first_party=first_party,
                input_usd_per_mtok=o.input, output_usd_per_mtok=o.output,
                blended_usd_per_mtok=blend_price(o.input, o.output, blend), source=o.source, preferred=rank == 0,
                observed=o.observed, since=o.start, date_basis=o.start_basis, valid_to=o.valid_to,
                origin=o.origin, license=o.license, tiers=o.tiers))
    best = {pkey: min(p.blended_usd_per_mtok for p in out if provider_key(p.provider) == pkey and p.preferred)
            for pkey in by_host}
    out.sort(key=lambda p: (best[provider_key(p.provider)], provider_key(p.provider), not p.preferred,
                            _priority(p.source)))
    return out


# --------------------------------------------------------------------------- scores and lookup
CAPABILITY = "capability"  # the "benchmark" name of i11's capability index (`openpace parity --benchmark capability`)

def model_scores(con: duckdb.DuckDBPyConnection, benchmark: str, source: str | None = None,
                 as_of: date | None = None, basis: str | None = None) -> dict[str, dict[str, Any]]:
    """One score per canonical model on `benchmark`, by the parity score choice
    (`metrics.parity_data.select_points`: one score basis — by default independent when each side
    has >= 3 models, else self-reported; `basis="any"` mixes them — then source priority and the best
    score; low-trust rows and rows without release date or open/closed status left out; released on
    or before `as_of`). Each entry carries the selection's `basis` and `basis_status`. Models the
    alias table does not know cannot join a price and are dropped."""
    from .parity_data import select_points

    known = {r[0] for r in con.execute("SELECT model_id FROM models").fetchall()}
    if benchmark.strip().lower() == CAPABILITY:
        from .capability import capability_index

        return {mid: s for mid, s in index_scores(capability_index(con, as_of=as_of)).items() if mid in known}
    selection = select_points(con, benchmark, source, as_of, basis=basis)
    return {p.key: {"score": p.score, "source": p.source, "model_name": p.model, "released": p.date,
                    "open_weights": p.is_open, "benchmark": selection.benchmark, "unit": selection.unit,
                    "basis": selection.basis, "basis_status": selection.status}
            for p in selection.points if p.key in known}


def index_scores(index: Any) -> dict[str, dict[str, Any]]:
    """The capability index (`metrics.capability.capability_index`) as scores: each indexed model with
    a canonical id, a release date and a known openness scores its capability. The index stitches
    every basis of Epoch's benchmark rows together, so its basis is `mixed`."""
    return {m.model_id: {"score": m.capability, "source": "capability index", "model_name": m.model,
                         "released": m.release_date, "open_weights": m.open, "benchmark": CAPABILITY,
                         "unit": CAPABILITY, "basis": "mixed", "basis_status": "ok"}
            for m in index.models if m.model_id and m.release_date and m.open is not None}


def scores_basis(scores: dict[str, dict[str, Any]]) -> tuple[str | None, str | None]:
    """The (basis, status) the scores were selected on (one selection: one basis)."""
    first = next(iter(scores.values()), None)
    return (first["basis"], first["basis_status"]) if first else (None, None)


def find_model(con: duckdb.DuckDBPyConnection, text: str) -> str:
    """The one canonical model_id a user's name refers to; InputError when none or several match."""
    candidates = list(dict.fromkeys(resolve_name(con, text)))
    if not candidates:
        candidates = [r[0] for r in con.execute("""
            SELECT DISTINCT model_id FROM models WHERE lower(model_id) = lower(?) OR lower(display_name) = lower(?)
            UNION SELECT DISTINCT model_id FROM model_aliases WHERE lower(alias) = lower(?)
            ORDER BY 1""", [text, text, text]).fetchall()]
    if not candidates:
        raise InputError(f"model {text!r}: no canonical model matches (see `openpace models`)")
    if len(candidates) > 1:
        names = dict(con.execute("SELECT model_id, display_name FROM models").fetchall())
        exact = [c for c in candidates if text.lower() in (c.lower(), (names.get(c) or "").lower())]
        if len(exact) > 1:  # "Claude 3.5 Sonnet" names the model and its dated snapshot: take the model
            exact = [c for c in exact if c.lower() == text.lower()] or [
                c for c in exact if not any(c != o and c.startswith(o) for o in exact)]
        if len(exact) == 1:
            return exact[0]
        raise InputError(f"model {text!r} is ambiguous: {', '.join(candidates[:8])}")
    return candidates[0]


# --------------------------------------------------------------------------- price-performance
def blend_label(blend: tuple[float, float]) -> str:
    return f"{blend[0]:g}:{blend[1]:g}"


def with_score_facts(models: dict[str, ModelInfo], scores: dict[str, dict[str, Any]]) -> dict[str, ModelInfo]:
    """Scored models take the release date and open/closed status their score row was selected with,
    so a price table and the parity metric never call one model open and closed at once."""
    out = dict(models)
    for mid, s in scores.items():
        if mid in out:
            info = out[mid]
            out[mid] = ModelInfo(mid, info.display_name, s["open_weights"], s["released"], info.lab_keys)
    return out


def priced_models(con: duckdb.DuckDBPyConnection, model_ids: list[str] | None, as_of: date | None,
                  blend: tuple[float, float] = DEFAULT_BLEND, scores: dict[str, dict[str, Any]] | None = None,
                  release_dating: bool = False) -> dict[str, dict[str, Any]]:
    """`price_model` for each model (all models with a price when `model_ids` is None) released by
    `as_of` (when its release date is known)."""
    models = with_score_facts(load_models(con), scores or {})
    grouped: dict[str, list[Observation]] = defaultdict(list)
    for obs in load_observations(con, model_ids, release_dating):
        grouped[obs.model_id].append(obs)
    result = {}
    for mid, observations in grouped.items():
        info = models.get(mid)
        if info is None or (as_of and info.release_date and info.release_date > as_of):
            continue
        priced = price_model(info, observations, as_of, blend)
        if priced:
            result[mid] = priced
    return result


def pareto(models: list[dict[str, Any]]) -> list[str]:
    """Models no other model beats on both price (lower) and score (higher), cheapest first."""
    frontier, best = [], float("-inf")
    for m in sorted(models, key=lambda m: (m["blended_usd_per_mtok"], -m["score"], m["model"])):
        if m["score"] > best:
            frontier.append(m["model"])
            best = m["score"]
    return frontier


@dataclass(frozen=True)
class PricePerformance:
    """`price_performance`'s result: the priced models at the threshold (each a dict of its price by
    `price_model`, with its score), the cheapest open and closed ones, their ratio, the Pareto fronts
    and, on a benchmark, the curve over every score level."""

    benchmark: str | None
    min_score: float | None
    as_of: date | None
    blend: str
    release_dating: bool
    scored_models: int
    models: tuple[dict[str, Any], ...]
    cheapest_open: dict[str, Any] | None
    cheapest_closed: dict[str, Any] | None
    ratio: float | None  # cheapest closed / cheapest open at the threshold (above 1: open is cheaper)
    pareto_open: tuple[str, ...]
    pareto_closed: tuple[str, ...]
    unknown_openness: tuple[str, ...]
    score_basis: str | None
    score_basis_status: str | None
    curve: PriceCurve | None

    def to_json(self) -> dict[str, Any]:
        return {
            "benchmark": self.benchmark, "min_score": self.min_score, "as_of": self.as_of, "blend": self.blend,
            "release_dating": self.release_dating,
            "score_rule": "parity score choice: one score per model by source priority, then the best score",
            "catalogue_priority": list(CATALOGUE_PRIORITY), "scored_models": self.scored_models,
            "models": list(self.models), "cheapest_open": self.cheapest_open, "cheapest_closed": self.cheapest_closed,
            "ratio": self.ratio, "pareto": {"open": list(self.pareto_open), "closed": list(self.pareto_closed)},
            "unknown_openness": list(self.unknown_openness), "score_basis": self.score_basis,
            "score_basis_status": self.score_basis_status, "curve": self.curve.to_json() if self.curve else None,
        }


def price_performance(con: duckdb.DuckDBPyConnection, benchmark: str | None = None, min_score: float | None = None,
                      as_of: date | None = None, blend: tuple[float, float] = DEFAULT_BLEND,
                      source: str | None = None, release_dating: bool = False,
                      basis: str | None = None) -> PricePerformance:
    """Blended prices of the models scoring at least `min_score` on `benchmark` (all priced models
    without a benchmark), the cheapest open and closed ones, their ratio and the Pareto fronts; with a
    benchmark also `curve`: the closed/open ratio at every score level (`metrics.price_curve`)."""
    if min_score is not None and not benchmark:
        raise UsageError("--min-score needs --benchmark")
    scores = model_scores(con, benchmark, source, as_of, basis) if benchmark else {}
    if benchmark and not scores:
        raise InputError(f"benchmark {benchmark!r}: no score joins a canonical model "
                         "(see `openpace prices --coverage`)")
    # every scored model is priced once: the threshold table keeps those at min_score or above, the
    # curve (cheapest open vs closed at every level) uses them all
    priced = priced_models(con, sorted(scores) if benchmark else None, as_of, blend, scores, release_dating)
    every: list[dict[str, Any]] = []
    for mid, p in priced.items():
        s = scores.get(mid)
        every.append({"model": mid, "display_name": p["display_name"], "open_weights": p["open_weights"],
                      "score": s["score"] if s else None, "score_source": s["source"] if s else None,
                      **{k: v for k, v in p.items() if k not in ("model", "display_name", "open_weights")}})
    every.sort(key=lambda m: (m["blended_usd_per_mtok"], m["model"]))
    models = [m for m in every if min_score is None or m["score"] >= min_score]
    score_basis, basis_status = scores_basis(scores)
    curve = None
    if benchmark:
        unit = next(iter(scores.values()))["unit"]
        curve = price_curve(benchmark, unit, every, score_basis)

    def cheapest(flag: bool) -> dict[str, Any] | None:
        group = [m for m in models if m["open_weights"] is flag]
        if not group:
            return None
        m = group[0]
        return {k: m[k] for k in ("model", "display_name", "score", "blended_usd_per_mtok", "input_usd_per_mtok",
                                  "output_usd_per_mtok", "provider", "price_basis", "price_sources", "catalogues")}

    c_open, c_closed = cheapest(True), cheapest(False)
    # on a benchmark without a threshold the cheapest models sit at different scores: no ratio (the curve compares)
    comparable = benchmark is None or min_score is not None
    ratio = (c_closed["blended_usd_per_mtok"] / c_open["blended_usd_per_mtok"]
             if comparable and c_open and c_closed and c_open["blended_usd_per_mtok"] > 0 else None)
    scored = [m for m in models if m["score"] is not None]
    return PricePerformance(
        benchmark=benchmark, min_score=min_score, as_of=as_of, blend=blend_label(blend), release_dating=release_dating,
        scored_models=len([mid for mid, s in scores.items() if min_score is None or s["score"] >= min_score]),
        models=tuple(models), cheapest_open=c_open, cheapest_closed=c_closed, ratio=ratio,
        pareto_open=tuple(pareto([m for m in scored if m["open_weights"] is True])),
        pareto_closed=tuple(pareto([m for m in scored if m["open_weights"] is False])),
        unknown_openness=tuple(sorted(m["model"] for m in models if m["open_weights"] is None)),
        score_basis=score_basis, score_basis_status=basis_status, curve=curve)


def price_coverage(con: duckdb.DuckDBPyConnection, top: int = 10) -> dict[str, Any]:
    """Per benchmark: scored canonical models, how many have a price, and the most frequent misses;
    plus the price names (by number of rows) that join no canonical model."""
    priced = {r[0] for r in con.execute("""
        SELECT DISTINCT a.model_id FROM prices p
        JOIN model_aliases a ON a.source = p.source AND a.alias = p.model_name
        WHERE p.input_usd_per_mtok IS NOT NULL AND p.output_usd_per_mtok IS NOT NULL""").fetchall()}
    # how often a model is scored anywhere: the "frequent" in frequent misses
    freq = dict(con.execute("""
        SELECT a.model_id, count(*) FROM scores s
        JOIN model_aliases a ON a.source = s.source AND a.alias = s.model_name GROUP BY 1""").fetchall())
    names = dict(con.execute("SELECT model_id, display_name FROM models").fetchall())
    benchmarks = []
    for (bench,) in con.execute("SELECT DISTINCT benchmark FROM scores ORDER BY 1").fetchall():
        scored = {r[0] for r in con.execute("""
            SELECT DISTINCT a.model_id FROM scores s
            JOIN model_aliases a ON a.source = s.source AND a.alias = s.model_name WHERE s.benchmark = ?""",
            [bench]).fetchall()}
        unjoined = con.execute("""
            SELECT s.model_name, count(*) n FROM scores s
            LEFT JOIN model_aliases a ON a.source = s.source AND a.alias = s.model_name
            WHERE s.benchmark = ? AND a.model_id IS NULL GROUP BY 1 ORDER BY n DESC, 1 LIMIT ?""",
            [bench, top]).fetchall()
        missing = sorted(scored - priced, key=lambda m: (-freq.get(m, 0), m))[:top]
        benchmarks.append({
            "benchmark": bench, "scored_models": len(scored), "priced": len(scored & priced),
            "share": len(scored & priced) / len(scored) if scored else None,
            "frequent_unpriced": [{"model": m, "display_name": names.get(m), "score_rows": freq.get(m, 0)}
                                  for m in missing],
            "unjoined_score_names": [{"name": n, "rows": c} for n, c in unjoined],
        })
    unjoined_prices = con.execute("""
        SELECT p.model_name, count(DISTINCT p.provider) providers, count(*) n FROM prices p
        LEFT JOIN model_aliases a ON a.source = p.source AND a.alias = p.model_name
        WHERE a.model_id IS NULL GROUP BY 1 ORDER BY providers DESC, n DESC, 1 LIMIT ?""", [top]).fetchall()
    return {"benchmarks": benchmarks,
            "unjoined_price_names": [{"name": n, "providers": pr, "rows": c} for n, pr, c in unjoined_prices]}
