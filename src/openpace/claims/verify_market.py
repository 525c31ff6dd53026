"""Verdicts for market and ecosystem claims: prices, Hub model counts, contributor counts and
catalogue sizes compared."""

from __future__ import annotations

import math
from functools import partial
import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from typing import Any

import duckdb

from ..domain.model_names import COLON_TIER, MOVING_WORDS, own_date
from ..domain.prices import CACHE_TIERS, TIER_LABELS, blend_price, tier_price
from ..domain.providers import provider_key, same_provider
from ..domain.qualifiers import EDGE, price_slack
from ..domain.variants import Variant, snapshots_by
from ..metrics import evidence
from ..metrics.contributors import rows_from_table
from ..metrics.price_observations import context_tier_prices

from . import tolerances as T
from .extract import Claim
from .resolve import CATALOGUES, Lexicon, Mention, norm_name
from .canonical import canonical, kin_ids, named_model
from .numbers import find_dates
from .patterns import OTHER_EVENT_DATE, context_threshold
from .verify import _rows, cached, entity, ev, fmt, model_of, unverifiable

# "gpt-4o:extended", "x:free": other offerings, priced apart (identity's list of colon tiers, so a
# cloud revision suffix such as "-v1:0" is not mistaken for one)
TIER_RE = COLON_TIER


def provider_words(text: str) -> set[str]:
    return {w for w in re.split(r"[^a-z0-9]+", text.lower()) if w}


def named_provider(row_provider: str, mention: Mention) -> bool:
    """A row's provider is the one the text names: the same id, or one's words within the other's
    (a host named with or without its company: one word set within the other; `open` never matches `openai`)."""
    if same_provider(row_provider, mention.key):
        return True
    row_words, text_words = provider_words(row_provider), provider_words(mention.text)
    return bool(row_words and text_words) and (row_words <= text_words or text_words <= row_words)


def _price_of(row: Sequence[Any], part: str) -> float | None:
    """A row's price on one side (index 3 input, 4 output, as metrics.evidence.PriceRow), or blended."""
    i, o = row[3], row[4]
    if part == "input":
        return i
    if part == "output":
        return o
    if i is None or o is None:
        return None
    return blend_price(i, o)


def _price_ok(row: Sequence[Any], claim: Claim) -> bool:
    value, part, q = claim.params["value"], claim.params["part"], claim.params.get("qualifier", "exact")

    def close(found: float | None) -> bool:
        if found is None:
            return False
        if q == "lower":
            return found >= value
        if q == "upper":
            return found <= value
        return abs(found - value) <= price_slack(value, q)

    if part == "both":  # "at $X per million tokens": a flat price, or the blended one
        return (close(row[3]) and close(row[4])) or close(_price_of(row, "blended"))
    return close(_price_of(row, part))


# "<model> (Audio)": the price of one modality of a multimodal product; the catalogues' per-token
# prices are the text prices (LiteLLM's input_cost_per_token beside input_cost_per_audio_token)
MODALITY_RE = re.compile(r"^\s*\((?P<m>text|audio|voice|speech|image|images|vision|video)(?:\s+(?:tokens?|input|output))?\)",
                         re.I)


def modality(claim: Claim, model: Mention) -> str | None:
    """The modality written in parentheses right after the model's name, lower case, or None."""
    m = MODALITY_RE.match(claim.sentence[model.end:])
    return m.group("m").lower() if m else None


# "X (x-YYYY-MM-DD)", "X Turbo (x-turbo-MMDD)": an API id in parentheses right
# after the name, with a digit in it, names the exact model a pricing table prices
API_ID_RE = re.compile(r"\s*\(\s*(?P<id>[A-Za-z][\w.:/-]*\d[\w.:/-]*)\s*\)")


def api_id_model(lex: Lexicon, claim: Claim, model: Mention) -> Mention:
    """The model an API id in parentheses after the name names, when it is a name the sources use that
    extends the written one with words of its own (a dated snapshot such as "x-MMDD" or "x-YYYY-MM-DD");
    else the written model."""
    m = API_ID_RE.match(claim.sentence[model.end:])
    if m is None:
        return model
    n = norm_name(m.group("id"))
    if n == model.key or n not in lex.models or not _extends(n.split(), model.key.split()):
        return model
    return Mention("model", model.start, model.end + m.end(), claim.sentence[model.start:model.end + m.end()], n,
                   lex.group(n), how=model.how, spelled=set(lex.models[n]),
                   note=f"'{m.group('id')}' in parentheses names the exact model priced")


def tier_unreadable(claim: Claim) -> str | None:
    """Why a price claim's tier (`patterns.PRICE_TIERS`) cannot be checked at all, else None: prompt
    caching named without read or write, a cache write kept for hours (the catalogues give the default
    lifetime's), an output price of the cache (cache prices are input prices)."""
    tier = claim.params.get("tier")
    if tier == "cache":
        return ("a prompt-caching price that does not say cache read or cache write; it is not compared "
                "with the ordinary price")
    if tier == "cache_write_long":
        return ("a cache write kept for longer than an hour; the sources give the default (minutes) and the "
                "one-hour cache-write prices only, and the ordinary price is not compared")
    if tier in CACHE_TIERS and claim.params.get("part") == "output":
        return "a cache price on the output side; prompt caching prices input tokens"
    if tier == "long_context" and threshold_of(claim) is None:
        return "a long-prompt price whose context-length threshold is not written; the ordinary price is not compared"
    if tier is not None and tier not in TIER_LABELS:
        return f"a {tier.replace('+', ' ').replace('_', ' ')} price, which no source gives apart; the ordinary price is not compared"
    return None


def threshold_of(claim: Claim) -> int | None:
    """A long-prompt price's context-length threshold in tokens: as extracted, else from its column header."""
    return claim.params.get("threshold") or context_threshold(claim.params.get("header") or "")


def tier_label(claim: Claim) -> str:
    """How an explanation names a price claim's tier ("batch", "long-prompt (above N tokens)")."""
    tier = claim.params["tier"]
    if tier == "long_context":
        return f"{TIER_LABELS[tier]} (above {threshold_of(claim):,} tokens)"
    return TIER_LABELS[tier]


def verify_price(con: duckdb.DuckDBPyConnection, lex: Lexicon, claim: Claim) -> None:
    model, why = model_of(claim)
    if model is None:
        return unverifiable(claim, why)
    if (cannot := tier_unreadable(claim)) is not None:
        return unverifiable(claim, cannot)
    if claim.params.get("tier") in CACHE_TIERS:
        claim.params["part"] = "input"  # a cache read or write is a price of input tokens
    exact = api_id_model(lex, claim, model)
    _verify_price_of(con, lex, claim, exact)
    if exact is model or claim.verdict != "unverifiable":
        return None
    # the API id has no price in force that day; the name as written (its undated alias) may support
    # the claim, never contradict it (the alias may have moved to a later snapshot since)
    why = claim.explanation
    probe = Claim(claim.sentence, claim.start, claim.end, claim.kind, list(claim.entities), dict(claim.params))
    _verify_price_of(con, lex, probe, model)
    if probe.verdict == "supported":
        claim.verdict, claim.expected, claim.found, claim.evidence = "supported", probe.expected, probe.found, probe.evidence
        claim.explanation = (f"{probe.explanation} The API id in parentheses has no price in force ({why}); "
                             f"the name as written is priced instead, which can support but not contradict.")
    return None


def _verify_price_of(con: duckdb.DuckDBPyConnection, lex: Lexicon, claim: Claim, model: Mention) -> None:
    mode = modality(claim, model)
    if mode not in (None, "text"):
        return unverifiable(claim, f"'{mode}' names the {mode} price of {model.text}; the sources' per-token "
                                   "prices are its text prices")
    provider = entity(claim, "provider")
    if provider is None and _first_party_price(con, lex, claim, model, mode):
        return None
    if _price_at(con, lex, claim, model, provider, mode):
        return None
    rows = [r for r in _rows(con, evidence.price_rows, model.names) if r[3] is not None or r[4] is not None]
    if not rows:
        return unverifiable(claim, f"no source prices {model.text}")
    rows = [r for r in rows if not TIER_RE.search(r[1])]
    tier = claim.params.get("tier")
    if tier is not None:
        # the batch or cache price of each row in place of its ordinary price; rows without one drop out
        tiered = [(r, tier_price(tier, r.input_usd_per_mtok, r.output_usd_per_mtok, r.batch_input, r.batch_output,
                                 r.cache_read, r.cache_write, r.cache_write_1h)) for r in rows]
        rows = [r._replace(input_usd_per_mtok=i, output_usd_per_mtok=o) for r, (i, o) in tiered
                if i is not None or o is not None]
        if not rows:
            return unverifiable(claim, f"no source gives a {tier_label(claim)} price for {model.text}; "
                                       "the ordinary price is not compared")
    basis, lone_host = "", False
    # the provider first (the named one, else the first party), then the spelling: identity folds
    # tiers ("-Turbo") into one model but a host prices them apart, so among the provider's rows
    # those spelled as claimed are preferred; a provider spells its own rows its own way
    if provider is not None:
        rows = [r for r in rows if named_provider(r[2], provider)]
        basis = f"provider {provider.text}"
        if not rows:
            return unverifiable(claim, f"no source prices {model.text} at {provider.text}"
                                + _offerings_note(con, model, provider))
    else:
        orgs = {provider_key(o) for _, _, o in _rows(con, evidence.org_rows, model.names)}
        first_party = [r for r in rows if any(same_provider(r[2], o) for o in orgs)]
        if first_party:
            rows, basis = first_party, f"first-party provider {first_party[0][2]}"
        else:
            basis = "any provider (none named, no first-party price)"
            lone_host = _closed(con, lex, model)
    rows = [r for r in rows if (r[0], r[1]) in model.spelled] or rows
    day, when_read = price_day(claim)
    hint = False
    if day is not None:
        # at a day (the text's, or one it names) what was seen by then decides, as `_price_at` reads it; when
        # a source saw the model only later than `PRICE_NEAREST_DAYS` after the day, its first later observation
        # is a hint that may support the claim but never contradict it (`metrics.prices._nearest`)
        by_then = [r for r in rows if r[6] is None or (r[6] - day).days <= T.PRICE_NEAREST_DAYS]
        hint = not by_then
        if hint:
            first = {src: min(r[6] for r in rows if r[0] == src) for src in {r[0] for r in rows}}
            by_then = [r for r in rows if r[6] == first[r[0]]]
        rows = by_then
    rows = fixed_first(model, rows)
    # as `openpace prices` chooses (openpace.domain.priority, PRICE): the highest-priority catalogue,
    # then its most recent observation
    rows.sort(key=lambda r: (-T.rank(T.PRICE_PRIORITY, r[0]), r[6] or date.min), reverse=True)
    part = claim.params["part"]
    # the deciding observation: the most recent one of the top-priority source; when that source
    # prices several offerings of the model that day (one host's regions, several resellers), the
    # claim holds if one of them matches -- that is a range of prices, not a disagreement
    top_source, latest = rows[0][0], rows[0][6]
    current = [r for r in rows if r[0] == top_source and r[6] == latest]
    chosen = next((r for r in current if _price_ok(r, claim)), rows[0])
    claim.expected = f"{fmt(claim.params['value'])} USD/Mtok {part if part != 'both' else ''}".strip()
    claim.found = _price_of(chosen, part if part != "both" else "blended") if part != "both" else \
        {"input": chosen[3], "output": chosen[4]}
    seen, claim.evidence = set(), []
    for r in rows:
        key = (r[0], r[2], r[3], r[4])
        if key not in seen and len(claim.evidence) < 8:
            seen.add(key)
            claim.evidence.append(ev({"input": r[3], "output": r[4]}, r[0], r[5], r[6],
                                     model=r[1], provider=r[2],
                                     **({"modality": "text tokens"} if mode else {})))
    claim.verdict = "supported" if _price_ok(chosen, claim) else "contradicted"
    when = chosen[6].isoformat() if chosen[6] else "undated"
    if part == "both" and claim.verdict == "contradicted":
        one = [side for side, v in (("input", chosen[3]), ("output", chosen[4]))
               if v is not None and abs(v - claim.params["value"]) <= max(T.PRICE_ABSOLUTE,
                                                                         T.PRICE_RELATIVE * claim.params["value"])]
        if one:  # "$10 per million tokens" that is only the output price: the claim does not say which
            return unverifiable(claim, f"the claim does not say input or output; it equals the {one[0]} price "
                                       f"({chosen[0]}, {chosen[1]}, {when}) but not the blended one")
    claim.explanation = (f"{basis}: {chosen[0]} observed {chosen[1]} at {fmt(chosen[3])} in / {fmt(chosen[4])} out "
                         f"USD per million tokens ({when}); " + (
                             "the highest-priority catalogue's latest observation decides." if day is None else
                             f"read {when_read}: the highest-priority catalogue's first observation after it." if hint
                             else f"read {when_read}: the highest-priority catalogue's latest observation up to "
                                  f"{T.PRICE_NEAREST_DAYS} days after it decides."))
    differing = {(r[0], r[3], r[4], r[6]) for r in rows[1:] if _price_ok(r, claim) != _price_ok(chosen, claim)}
    if differing:
        src, i, o, d = sorted(differing, key=lambda x: x[3] or date.min)[-1]
        claim.explanation += (f" Sources disagree: {src} says {fmt(i)} in / {fmt(o)} out"
                              f" ({d.isoformat() if d else 'undated'}).")
    if model.note:
        claim.explanation += f" {model.note}."
    if floating(model, chosen[1]) and claim.verdict == "contradicted":
        unverifiable(claim, f"{claim.explanation} {chosen[1]} is a floating alias its maker re-points at later "
                            f"releases; its price may support {model.text}, never contradict it")
    elif hint and claim.verdict == "contradicted":
        unverifiable(claim, f"{claim.explanation} No source saw this price by {when_read.removeprefix('as of ')}: "
                            "a later observation may support the claim but never contradict it (the price may "
                            "have changed in between)")
    elif day is not None and chosen[6] is None and claim.verdict == "contradicted":
        unverifiable(claim, f"{claim.explanation} The row is undated: read {when_read}, it may support the claim "
                            "but not contradict it (the price may have changed since)")
    elif lone_host and claim.verdict == "contradicted":
        unverifiable(claim, f"no first-party price was found for {model.text}, a closed model: {claim.explanation} "
                            "A host's or reseller's price may support the maker's list price but does not "
                            "contradict it (hosts resell at their own prices)")


def _closed(con: duckdb.DuckDBPyConnection, lex: Lexicon, model: Mention) -> bool:
    """Is the model named a closed model (a canonical model of its rows says so, none says open)?"""
    from ..metrics.prices import load_models

    models = cached(("load_models",), lambda: load_models(con))
    known = [info for s, n in model.names if (mid := canonical(lex, s, n)) and (info := models.get(mid))]
    return any(i.open_weights is False for i in known) and not any(i.open_weights for i in known)


def _first_party_price(con: duckdb.DuckDBPyConnection, lex: Lexicon, claim: Claim, model: Mention,
                       mode: str | None) -> bool:
    """A closed model's list price from its maker (docs/claims.md, "One model, several names"): the first-party
    price of the model named; else of the other names of one identity (`canonical.kin_ids`: the same words in
    another order, the dated id a catalogue's display name carries), the claim holding when one of them matches;
    else of a floating alias ("<family>-latest"), which may support the claim but never contradict it (the alias
    may point at a later release now). A floating alias the name resolves to counts as one. False when no
    first-party price is found (the hosts' prices are read next, `_price_at`)."""
    named = named_model(lex, model)
    fixed, moving = kin_ids(lex, model.key, [named] if named else [])
    if named is not None and floating(model, named):
        fixed, moving = [m for m in fixed if not floating(model, m)], [named, *moving]
    elif named is not None:
        fixed = [named, *fixed]
    from ..metrics.prices import load_models

    models = cached(("load_models",), lambda: load_models(con))
    known = [info for m in [*fixed, *moving] if (info := models.get(m)) is not None]
    if not any(i.open_weights is False for i in known) or any(i.open_weights for i in known):
        return False  # an open model is priced by its hosts (`_price_at`); an unknown one decides nothing here
    labs = frozenset(k for i in known for k in i.lab_keys)  # one identity: one maker
    decided: list[tuple[str, Claim]] = []
    for mid in fixed:
        probe = Claim(claim.sentence, claim.start, claim.end, claim.kind, list(claim.entities), dict(claim.params))
        if _price_at(con, lex, probe, model, None, mode, mid=mid, first_party_only=True, closed=True,
                     labs=labs):
            decided.append((mid, probe))
            if mid == named or probe.verdict == "supported":
                break
    pick = next((d for d in decided if d[1].verdict == "supported"), None) or next(
        (d for d in decided if d[1].verdict == "contradicted"), None) or next(iter(decided), None)
    if pick is None:
        for mid in moving:
            probe = Claim(claim.sentence, claim.start, claim.end, claim.kind, list(claim.entities), dict(claim.params))
            if _price_at(con, lex, probe, model, None, mode, mid=mid, first_party_only=True, closed=True,
                         labs=labs) and probe.verdict == "supported":
                pick = (mid, probe)
                probe.explanation += (f" {mid} is a floating alias its maker re-points at later releases; its price "
                                      "may support the name written, never contradict it.")
                break
    if pick is None:
        return False
    mid, probe = pick
    claim.verdict, claim.expected, claim.found, claim.evidence, claim.explanation = (
        probe.verdict, probe.expected, probe.found, probe.evidence, probe.explanation)
    for k in ("inferred",):
        if k in probe.params:
            claim.params[k] = probe.params[k]
    if mid != named:
        claim.explanation += (f" '{model.text}' is read as {mid}, one model with it: the same words in another order "
                              "or the id a catalogue's entry of that name carries.")
    return True


def floating(model: Mention, mid: str) -> bool:
    """Is `mid` a floating alias ("<family>-latest": `domain.model_names.MOVING_WORDS`) of a name written without
    one? Its price is whatever release it points at now: it may support the name written, never contradict it."""
    return bool(set(norm_name(mid).split()) & MOVING_WORDS) and not set(model.key.split()) & MOVING_WORDS


def fixed_first(model: Mention, rows: list) -> list:
    """A model's price rows without those of a floating alias (`floating`: whatever release it points at now),
    unless only such rows are left (then they may support the name written, never contradict it)."""
    return [r for r in rows if not floating(model, r[1])] or rows


def price_day(claim: Claim) -> tuple[date | None, str]:
    """The day a price claim is read at: a date the sentence names (the last day of a month or year
    written), else the text's date (`check --as-of`), else None (each catalogue's latest)."""
    names = [(e.start, e.end) for e in claim.entities]
    # a date inside a name ("x-<YYYY-MM-DD>", a dated snapshot) dates the model, not the price
    # a table cell's price is read at the text's date: a date in another cell (a cut-off column) is not its
    # date; nor is a date the sentence gives a release or a cut-off (patterns.OTHER_EVENT_DATE)
    dates = [] if claim.params.get("header") else [
        d for d in find_dates(claim.sentence) if (not d.point or d.precision == "day")
        and not any(a < d.end and d.start < b for a, b in names)
        and not re.search(r"[\w-]$", claim.sentence[:d.start])
        and not OTHER_EVENT_DATE.search(claim.sentence[:d.start])]
    if dates:
        d = dates[-1]
        return d.high, f"as of {d.text} (its last day, {d.high.isoformat()})"
    as_of = claim.params.get("as_of")
    if as_of is not None:
        return as_of, f"as of the text's date {as_of.isoformat()}"
    return None, "each catalogue's latest observation"


def _price_at(con: duckdb.DuckDBPyConnection, lex: Lexicon, claim: Claim, model: Mention, provider: Mention | None,
              mode: str | None, mid: str | None = None, first_party_only: bool = False,
              closed: bool = False, labs: frozenset[str] = frozenset()) -> bool:
    """The claim against `metrics.prices.prices_at` (the prices in force at the claim's day, one per host
    and catalogue, the host's preferred catalogue first): at the named host; else a closed model's first
    party; else every host, the claim holding when one host's price matches (a range of prices, not a
    disagreement) -- for a closed model with no first-party price, hosts' prices may support the list price
    but never contradict it (a reseller's discount is no list price). False (decide nothing) when the model
    has no canonical id or no price in force. `mid`: the canonical model to read (default: the one named);
    `first_party_only`: decide only from a closed model's first-party price, else decide nothing; `closed`: the
    model is known closed (one identity with a closed model), whatever `mid`'s own rows say; `labs`: that model's
    lab keys, by which its maker is known (`metrics.prices.prices_at`)."""
    from ..metrics.prices import NEAREST_DECIDES, load_models, prices_at

    mid = mid or named_model(lex, model)
    if mid is None:
        return False
    if first_party_only:
        info = cached(("load_models",), lambda: load_models(con)).get(mid)
        if info is None or (info.open_weights is not False and not closed):
            return False
    day, when = price_day(claim)
    own = first_party_only  # the maker's own hosts only, before anything is chosen (`prices_at`)
    offers = [o for o in cached(("prices_at", mid, day, own, labs),
                                lambda: prices_at(con, mid, on=day, first_party=own, labs=labs))
              if not TIER_RE.search(o.model_name)]
    inferred = False
    # a moving alias no catalogue lists on the day: the dated snapshots of its family released by then (`_pointed`)
    pointed, sole = _pointed(con, mid, day) if not offers and day is not None else ([], False)
    if pointed:
        offers = [o for snap in pointed for o in cached(("prices_at", snap, day, own, labs),
                                                         partial(prices_at, con, snap, on=day, first_party=own,
                                                                 labs=labs))
                  if not TIER_RE.search(o.model_name)]
        pointed = pointed if offers else []
    if not offers:
        # no catalogue lists the model on the day: each catalogue's observation nearest to it
        # (metrics.prices._nearest: the last one of a model gone from every latest snapshot, or the first one after
        # a launch day, decide; any other is a hint that may support but never contradict)
        near = [o for o in cached(("prices_near", mid, day, own, labs),
                                  lambda: prices_at(con, mid, on=day, nearest=True, first_party=own, labs=labs))
                if not TIER_RE.search(o.model_name)]
        deciding = [o for o in near if o.date_basis in NEAREST_DECIDES]
        if deciding:
            offers = deciding
        elif day is None or not (near or cached(("prices_at", mid, None, own, labs),
                                                lambda: prices_at(con, mid, first_party=own, labs=labs))):
            return False
        else:
            # an undated genai-prices row read as holding since the model's release (genai-prices adds a
            # dated constraint when a price changes): an inference, so it may support a claim but never
            # contradict one (its entry can stand for a moving alias whose price fell since)
            offers = near + [o for o in cached(("prices_at_release", mid, day, own, labs),
                                               lambda: prices_at(con, mid, on=day, release_dating=True,
                                                                 first_party=own, labs=labs))
                             if not TIER_RE.search(o.model_name)]
            inferred = bool(offers)
            if not offers:
                if first_party_only:
                    return False
                unverifiable(claim, f"no catalogue has a price for {model.text} in force {when}; "
                                    "later prices are not read back")
                return True
    tier = claim.params.get("tier")
    if tier == "long_context":
        offers = _long_prompt_offers(con, offers, threshold_of(claim) or 0)
    elif tier is not None:
        offers = _tier_offers(offers, tier)
    if tier is not None:
        if not offers and day is not None and not inferred and tier != "long_context":
            # a dated snapshot's tier price, first listed after the day (metrics.prices._current)
            offers = _tier_offers([o for o in cached(("prices_at", mid, day, tier, own, labs),
                                                     lambda: prices_at(con, mid, on=day, tier=tier, first_party=own,
                                                                       labs=labs))
                                   if not TIER_RE.search(o.model_name)], tier)
        if not offers:
            if first_party_only:
                return False
            unverifiable(claim, f"no source gives a {tier_label(claim)} price for {model.text} in force {when}; "
                                "the ordinary price is not compared")
            return True
    info = cached(("load_models",), lambda: load_models(con)).get(mid)
    if first_party_only and not any(o.first_party for o in offers):
        return False
    lone_host = False
    if provider is not None:
        offers = [o for o in offers if named_provider(o.provider, provider)]
        basis = f"provider {provider.text}"
        if not offers:
            return False
    elif info is not None and info.open_weights is False and any(o.first_party for o in offers):
        offers, basis = [o for o in offers if o.first_party], f"first-party provider {next(o.provider for o in offers if o.first_party)}"
    else:
        lone_host = info is not None and info.open_weights is False
        basis = f"{len({provider_key(o.provider) for o in offers})} hosts" + \
            (" (closed model, no first-party price)" if lone_host else "")
    # identity folds dated snapshots into one model while a host prices them apart: the rows spelled as
    # the text names the model come first
    offers = [o for o in offers if (o.source, o.model_name) in model.spelled] or offers
    preferred = [o for o in offers if o.preferred] or offers
    rows = [(o.source, o.model_name, o.provider, o.input_usd_per_mtok, o.output_usd_per_mtok, o.origin,
             o.since or o.observed, o.valid_to) for o in preferred]
    if any(o.date_basis in NEAREST_DECIDES for o in preferred):
        when = _nearest_note(model, day, when, preferred, own)
    part = claim.params["part"]
    label = f"{tier_label(claim)} " if tier else ""
    matching = [r for r in rows if _price_ok(r, claim)]
    chosen = matching[0] if matching else rows[0]
    claim.expected = f"{fmt(claim.params['value'])} USD/Mtok {label}{part if part != 'both' else ''}".strip()
    claim.found = _price_of(chosen, part) if part != "both" else {"input": chosen[3], "output": chosen[4]}
    claim.evidence = [ev({"input": o.input_usd_per_mtok, "output": o.output_usd_per_mtok}, o.source, o.origin,
                         o.since or o.observed, model=o.model_name, provider=o.provider,
                         **({"modality": "text tokens"} if mode else {}), **({"tier": tier} if tier else {}))
                      for o in offers[:8]]
    claim.verdict = "supported" if matching else "contradicted"
    side = part if part in ("input", "output") else "blended"
    values = [v for r in rows if (v := _price_of(r, side)) is not None]
    spread = f"{fmt(min(values))} to {fmt(max(values))}" if values and min(values) != max(values) else \
        (fmt(values[0]) if values else "?")
    claim.explanation = (f"{basis}, {when}: {label}{side} price {spread} USD per million tokens over "
                         f"{len(rows)} host price{'s' if len(rows) != 1 else ''} "
                         f"(from {', '.join(dict.fromkeys(r[0] for r in rows))}); "
                         + (f"{chosen[0]} at {chosen[2]} ({chosen[1]}) matches." if matching else
                            f"none matches the claim's {claim.expected}."))
    # another catalogue's price at the same host (not the host's preferred one) that would decide otherwise
    differing = [o for o in offers if not o.preferred and
                 _price_ok((o.source, o.model_name, o.provider, o.input_usd_per_mtok, o.output_usd_per_mtok), claim)
                 != bool(matching)]
    if differing:
        o = differing[0]
        seen_on = o.since or o.observed
        claim.explanation += (f" Sources disagree: {o.source} says {fmt(o.input_usd_per_mtok)} in / "
                              f"{fmt(o.output_usd_per_mtok)} out at {o.provider} "
                              f"({seen_on.isoformat() if seen_on else 'undated'}); "
                              "the host's preferred catalogue decides (catalogue priority).")
    if part == "both" and not matching:
        one = [sd for sd, v in (("input", chosen[3]), ("output", chosen[4]))
               if v is not None and abs(v - claim.params["value"]) <= max(T.PRICE_ABSOLUTE,
                                                                          T.PRICE_RELATIVE * claim.params["value"])]
        if one:
            unverifiable(claim, f"the claim does not say input or output; it equals the {one[0]} price "
                                f"({chosen[0]}, {chosen[1]}) but not the blended one")
    if pointed:
        claim.explanation += (f" No catalogue lists {mid} {when}; " + (
            f"the one dated snapshot of it released by then is {pointed[0]}, which the name stood for: its price is "
            "read." if sole else
            f"the dated snapshots of it released by then are {', '.join(pointed)}, and the name may have stood for "
            "any of them: their prices may support the claim, never contradict it."))
    if floating(model, mid) and claim.verdict == "contradicted":
        unverifiable(claim, f"{claim.explanation} {mid} is a floating alias its maker re-points at later releases; "
                            f"its price may support {model.text}, never contradict it")
    elif pointed and not sole and claim.verdict == "contradicted":
        unverifiable(claim, claim.explanation)
    elif lone_host and claim.verdict == "contradicted":
        unverifiable(claim, f"no first-party price was found for {model.text}, a closed model: {claim.explanation} "
                            "A host's or reseller's price may support the maker's list price but does not "
                            "contradict it (hosts resell at their own prices)")
    later = [o for o in preferred if o.date_basis == "dated_id"]
    if later and day is not None:
        o = later[0]
        claim.explanation += (f" {o.model_name} carries its own date, which fixes its price: no catalogue observed it "
                              f"by {day.isoformat()}, so {o.source}'s first later observation "
                              f"({o.observed.isoformat() if o.observed else 'undated'}) is read.")
    if inferred:
        claim.params["inferred"] = True
        hints = [o for o in offers if o.date_basis == "nearest"]
        shown = ", ".join(dict.fromkeys(f"{o.source} {o.observed.isoformat()}" for o in hints if o.observed))
        how = (f"no catalogue lists it on the day; the nearest observation ({shown}) and undated genai-prices rows "
               "read as holding since the model's release" if hints and len(hints) < len(offers) else
               f"no catalogue lists it on the day; the nearest observation ({shown}) is read" if hints else
               "no dated price in force; undated genai-prices rows read as holding since the model's release")
        claim.explanation = claim.explanation.replace(f"{basis}, {when}:", f"{basis}, {when} ({how}):", 1)
        if claim.verdict == "contradicted":
            unverifiable(claim, claim.explanation + (
                f" An observation more than {T.PRICE_NEAREST_DAYS} days from the day, or of a model no longer listed "
                "on it, does not contradict a claim: the price may have changed in between" if hints else
                " A price inferred from the release date does not contradict a claim: the entry may stand for a "
                "later, changed price"))
    if model.note:
        claim.explanation += f" {model.note}."
    return True


def _pointed(con: duckdb.DuckDBPyConnection, mid: str, day: date) -> tuple[list[str], bool]:
    """The dated snapshots an undated model (a moving alias) can have pointed to on `day`
    (`domain.variants.snapshots_by`), and whether it is exactly one (it decides; several only support)."""
    from ..metrics.prices import load_models

    members = [Variant(*m) for m in cached(("family", mid), lambda: evidence.family_members(con, [mid]))]
    me = next((m for m in members if m.model_id == mid), None)
    if me is None:
        return [], False
    models = cached(("load_models",), lambda: load_models(con))
    released = {m.model_id: own_date(m.model_id) or (info.release_date if (info := models.get(m.model_id)) else None)
                for m in members}
    snaps = snapshots_by(me, members, released, day)
    return snaps, len(snaps) == 1


def _nearest_note(model: Mention, day: date | None, when: str, offers: list[Any], own: bool = False) -> str:
    """How a price claim's day reads observations `metrics.prices._nearest` chose (in place of `price_day`'s words);
    `own`: only the maker's own prices were read."""
    seen = ", ".join(dict.fromkeys(f"{o.source} {o.observed.isoformat()}" for o in offers if o.observed))
    if day is None:
        return (f"{model.text} is no longer listed{' by its maker' if own else ''} in any catalogue's latest snapshot, "
                f"so each catalogue's last observation of it is read ({seen})")
    return (f"{when}; no catalogue lists {model.text} on that day, so each catalogue's first observation after it, "
            f"within {T.PRICE_NEAREST_DAYS} days, is read as its price then ({seen})")


def _tier_offers(offers: list[Any], tier: str) -> list[Any]:
    """The offers with a price in `tier` (batch, cache read, cache write), that price in place of their
    ordinary one; each host's first such offer (its catalogues come in priority order) is preferred."""
    out, hosts = [], set()
    for o in offers:
        i, o_ = tier_price(tier, o.input_usd_per_mtok, o.output_usd_per_mtok, o.tiers.batch_input,
                           o.tiers.batch_output, o.tiers.cache_read, o.tiers.cache_write, o.tiers.cache_write_1h)
        if i is None and o_ is None:
            continue
        host = provider_key(o.provider)
        out.append(replace(o, input_usd_per_mtok=i, output_usd_per_mtok=o_, preferred=host not in hosts))
        hosts.add(host)
    return out


def _long_prompt_offers(con: duckdb.DuckDBPyConnection, offers: list[Any], threshold: int) -> list[Any]:
    """The offers whose catalogue row gives a price for prompts above `threshold` tokens (the written "NK" and a
    catalogue's N thousand or the power of two near it alike: within `T.CONTEXT_TIER_SLACK`), that price in place
    of the ordinary one; each host's first such offer is preferred (as `_tier_offers`)."""
    out, hosts = [], set()
    for o in offers:
        key = (o.source, o.model_name, o.provider, o.input_usd_per_mtok, o.output_usd_per_mtok, o.observed, o.valid_to)
        tiers: list[tuple[int, float | None, float | None]] = cached(
            ("context_tiers", *key), partial(context_tier_prices, con, *key))
        found = next(((i, o_) for start, i, o_ in tiers if abs(start - threshold) <= T.CONTEXT_TIER_SLACK * threshold), None)
        if found is None:
            continue
        host = provider_key(o.provider)
        out.append(replace(o, input_usd_per_mtok=found[0], output_usd_per_mtok=found[1], preferred=host not in hosts))
        hosts.add(host)
    return out


def verify_price_ratio(con: duckdb.DuckDBPyConnection, lex: Lexicon, claim: Claim) -> None:
    """"N times what Y charges": the ratio of the sentence's price before it, as the sources give it
    (the base claim's chosen row), to the other model's (or provider's) price on the same side."""
    if claim.params.get("base") is None:
        return _verify_models_price_ratio(con, lex, claim)
    base: Claim = claim.params["base"]
    part = base.params.get("part")
    if base.verdict not in ("supported", "contradicted") or not isinstance(base.found, (int, float)):
        return unverifiable(claim, "the price it is a multiple of could not be checked on one side (input, "
                                   "output or blended)" if base.verdict in ("supported", "contradicted")
                            else f"the price it is a multiple of is unverifiable ({base.explanation})")
    other = Claim(claim.sentence, claim.start, claim.end, "price", list(claim.entities),
                  params={"value": 0.0, "part": part, "qualifier": "exact",
                          **({"tier": base.params["tier"]} if base.params.get("tier") else {})})
    verify_price(con, lex, other)
    if other.verdict not in ("supported", "contradicted") or not other.found:
        return unverifiable(claim, f"the other price is unverifiable ({other.explanation})")
    ratio = base.found / other.found
    factor, q = claim.params["factor"], claim.params.get("qualifier", "exact")
    rel = T.PRICE_RATIO_RELATIVE * (2 if q == "about" else 1)
    ok = {"lower": ratio >= factor, "upper": ratio <= factor,
          "nearly": factor * (1 - 2 * rel) <= ratio <= factor * (1 + rel)}.get(q, abs(ratio - factor) <= rel * factor)
    claim.expected = f"x{fmt(factor)}" if q == "exact" else f"x{fmt(factor)} ({q})"
    claim.found = round(ratio, 3)
    claim.evidence = base.evidence[:1] + other.evidence[:1]
    claim.verdict = "supported" if ok else "contradicted"
    claim.explanation = (f"{fmt(base.found)} / {fmt(other.found)} USD per million {part} tokens = x{ratio:.2f}; "
                         f"the claim says x{fmt(factor)} ({'a lower bound' if q == 'lower' else 'an upper bound' if q == 'upper' else f'tolerance {rel:.0%}'}). "
                         f"First price: {base.explanation} Other price: {other.explanation}")


def _side_prices(con: duckdb.DuckDBPyConnection, lex: Lexicon, claim: Claim, model: Mention) -> Claim:
    """One model's price as a price claim of the same sentence would find it (its day, host rule)."""
    probe = Claim(claim.sentence, claim.start, claim.end, "price", [model],
                  params={"value": 0.0, "part": "both", "qualifier": "exact", "as_of": claim.params.get("as_of")})
    verify_price(con, lex, probe)
    return probe


def _verify_models_price_ratio(con: duckdb.DuckDBPyConnection, lex: Lexicon, claim: Claim) -> None:
    """"X is N times cheaper / more expensive than Y": each model's price at the claim's day (the price
    rule: first party for a closed model, else every host); the ratio holds when it is N within the
    ratio tolerance on the side the sentence priced (else on input or on output)."""
    p = claim.params
    subject, against = p.get("subject"), p["against"]
    if subject is None:
        return unverifiable(claim, "no model is named for this ratio of input and output prices" if p.get("sides")
                            else f"no model is named as the side of this ratio to {against.text}")
    sides = [(m, _side_prices(con, lex, claim, m)) for m in (subject, against)]
    missing = [f"{m.text} ({c.explanation})" for m, c in sides if not isinstance(c.found, dict)]
    if missing:
        return unverifiable(claim, "no price to compare for " + "; ".join(missing))
    (_, top), (_, bottom) = sides
    parts = [p["part"]] if p.get("part") in ("input", "output") else ["input", "output"]
    factor, q = p["factor"], p.get("qualifier", "exact")
    lo, hi, bound = price_ratio_band(p)
    ratios = {}
    if p.get("sides"):  # one model's two sides ("output is 4x input"): its price on one over its price on the other
        num, den = p["sides"]
        a, b = top.found.get(num), top.found.get(den)
        if a and b:
            ratios[f"{num} / {den}"] = a / b
        parts = [num, den]
    for side in [] if p.get("sides") else parts:
        a, b = top.found.get(side), bottom.found.get(side)
        if a and b:
            ratios[side] = a / b if p["more"] else b / a
    if not ratios:
        return unverifiable(claim, f"no {' or '.join(parts)} price for both {subject.text} and {against.text}")

    def ok(r: float) -> bool:
        return lo - EDGE <= r <= hi + EDGE

    side, ratio = next(((sd, r) for sd, r in ratios.items() if ok(r)), next(iter(ratios.items())))
    claim.verdict = "supported" if ok(ratio) else "contradicted"
    claim.expected = f"x{fmt(factor)}" if q == "exact" else f"x{fmt(factor)} ({q})"
    if p.get("percent") is not None:  # "more than N% cheaper": the claim's own words, not the ratio's bound
        claim.expected = (f"{ {'lower': 'more than ', 'upper': 'under ', 'about': 'about ', 'nearly': 'nearly '}.get(q, '')}"
                          f"{fmt(p['percent'])}% {'cheaper' if p.get('cheap') else 'more expensive'}")
    claim.found = round(ratio, 3)
    claim.evidence = [ev(c.found, c.evidence[0]["source"] if c.evidence else "genai_prices",
                         c.evidence[0]["origin"] if c.evidence else "", None, model=m.text, side=role)
                      for (m, c), role in zip(sides, ("subject", "compared"))]
    word = p.get("phrase") or ("more expensive than" if p["more"] else "cheaper than")
    shown = "; ".join(f"{sd} {fmt(top.found[sd])} vs {fmt(bottom.found[sd])} = x{r:.2f}" for sd, r in ratios.items()) \
        if not p.get("sides") else "; ".join(f"{subject.text} {sd} = {' / '.join(fmt(top.found[x]) for x in p['sides'])} = "
                                             f"x{r:.2f}" for sd, r in ratios.items())
    claim.explanation = (f"{subject.text} {word} {against.text}, USD per million tokens: {shown}; the claim says "
                         if not p.get("sides") else f"{subject.text}, {word}, USD per million tokens: {shown}; the claim says "
                         f"x{fmt(factor)} ({bound}); each price by the price rule ({_price_basis(top)}; "
                         f"{_price_basis(bottom)}).")
    if claim.verdict == "contradicted" and (top.params.get("inferred") or bottom.params.get("inferred")):
        unverifiable(claim, claim.explanation + " A price inferred from the release date does not contradict a claim.")


def price_ratio_band(p: dict[str, Any]) -> tuple[float, float, str]:
    """The ratios (the subject's price over the compared model's) a two-model price ratio allows, and the rule in
    words. A multiple or fraction: within `PRICE_RATIO_RELATIVE` of N (doubled for "about"; "more than" / "under" a
    bound on the ratio; "nearly" from 2 x the tolerance below N to the tolerance above). A percentage ("N% cheaper /
    more expensive than Y", `percent`): the ratio 1 -/+ N/100 within the same tolerance or the precision written (half
    a unit of N's last digit), whichever is wider; its bound words bound the saving or the premium, so "more than N%
    cheaper" holds for a ratio at most 1 - N/100 and "more than N% more expensive" for one at least 1 + N/100."""
    factor, q = p["factor"], p.get("qualifier", "exact")
    rel = T.PRICE_RATIO_RELATIVE * (2 if q == "about" else 1)
    if p.get("percent") is None:
        if q == "lower":
            return factor, math.inf, "a lower bound"
        if q == "upper":
            return 0.0, factor, "an upper bound"
        if q == "nearly":
            return factor * (1 - 2 * rel), factor * (1 + rel), f"'nearly': from x{fmt(factor * (1 - 2 * rel))}"
        return factor * (1 - rel), factor * (1 + rel), f"tolerance {rel:.0%}"
    slack = max(rel * factor, p.get("precision", 0.5) / 100)
    cheap, n = p.get("cheap", False), fmt(p["percent"])
    saving = "saving" if cheap else "premium"
    if q in ("lower", "upper"):
        at_most = (q == "lower") == cheap  # "more than N% cheaper" / "under N% more expensive": at most the factor
        words = f"a {'lower' if q == 'lower' else 'upper'} bound on the {saving} of {n}%: a ratio at " \
                f"{'most' if at_most else 'least'} x{fmt(factor)}"
        return (0.0, factor, words) if at_most else (factor, math.inf, words)
    if q == "nearly":  # a saving (premium) a little under N%
        return ((factor, factor + 2 * slack, f"'nearly' {n}%: from x{fmt(factor)} to x{fmt(factor + 2 * slack)}")
                if cheap else (factor - 2 * slack, factor, f"'nearly' {n}%: from x{fmt(factor - 2 * slack)} to x{fmt(factor)}"))
    return factor - slack, factor + slack, (f"x{fmt(factor - slack)} to x{fmt(factor + slack)}: {rel:.0%} of the ratio or "
                                            f"{n}% at the precision written, whichever is wider")


def _price_basis(probe: Claim) -> str:
    """The first words of a price probe's explanation: which host(s) and day its price is from."""
    return probe.explanation.split(":")[0]


def _offerings_note(con: duckdb.DuckDBPyConnection, model: Mention, provider: Mention) -> str:
    """The provider's own offerings whose names extend the claimed one ("x-<size>-<tag>" for "x <size>"):
    named so a reader sees why, never used (model identity decides whether they are the same model)."""
    words = model.key.split()
    if not words or model.how == "identity":
        return ""
    rows = evidence.hosted_names(con, words[0])
    names = sorted({n for p, n in rows if same_provider(p, provider.key)
                    and _extends(norm_name(n).split(), words)})
    if not names:
        return ""
    shown = ", ".join(names[:3]) + (" ..." if len(names) > 3 else "")
    return f"; {provider.text} prices {shown}, which model identity keeps apart from {model.text}"


def _extends(name: list[str], words: list[str]) -> bool:
    """Does a name contain every word of the claimed name, in order, with words of its own added?"""
    it = iter(name)
    return len(name) > len(words) and all(w in it for w in words)


# ---------------------------------------------------------------------------- Hub counts
def next_round(count: float) -> float:
    """The next round figure above a docs statement's count at the statement's own precision
    (N k -> N+10 k for a two-digit N k, "N.D M" -> "N.D+1 M", "N M" -> "N+1 M"): the docs state a rounded floor, so on the day a
    figure is first stated the Hub has not yet reached the next one."""
    n = int(round(count))
    step = 1
    while n and n % (step * 10) == 0:
        step *= 10
    return float(n + step)


def hub_bounds(stmts: list, day: date) -> tuple[tuple | None, tuple | None]:
    """(floor statement, ceiling statement) for the Hub's model count on `day`: the largest count
    stated on or before it (the Hub only grows), and the statement on or after it whose next round
    figure is smallest (a count first stated on day d was below its next round figure on d, so on
    every day before d too)."""
    floor = max((s for s in stmts if s[0] <= day), key=lambda s: s[2], default=None)
    ceiling = min((s for s in stmts if s[0] >= day), key=lambda s: next_round(s[2]), default=None)
    return floor, ceiling


def verify_hub(con: duckdb.DuckDBPyConnection, lex: Lexicon, claim: Claim) -> None:
    """A Hub model count at a date, from the docs' dated statements as floors and ceilings.

    The date is an interval ("early <year>" = January to April; "in <year>" the year; no date: the text's
    date, else the latest statement). "N at <interval>" holds when a statement inside the interval says
    about N, or when the bounds force the count to about N on some day of it; it is contradicted when
    the bounds keep the count away from N on every day of it. "By <date>", "over N", "passed N": at
    least N on the interval's last day (or on some day of it). Anything else is unverifiable, with the
    bounds the docs give over the interval."""
    stmts = evidence.hub_statement_rows(con)
    if not stmts:
        return unverifiable(claim, "no Hub model-count statements in the warehouse")
    p = claim.params
    d, n, q = p.get("date"), p["count"], p.get("qualifier", "exact")
    show = lambda s: f"'{s[1]}' ({s[0].isoformat()})"  # noqa: E731
    if d is not None:
        low, high, said = d.low, d.high, d.text
    else:
        now = p.get("as_of") or stmts[-1][0]
        low = high = now
        said = f"on {now.isoformat()}" if p.get("as_of") else "now (the latest statement)"
    claim.expected = f"{fmt(n)} models " + (f"{'by' if p['mode'] == 'by' else 'at'} {d.text}" if d else "now")
    at_least = d is None or p["mode"] == "by" or q == "lower"
    first_floor, _ = hub_bounds(stmts, low)
    last_floor, last_ceiling = hub_bounds(stmts, high)
    _, first_ceiling = hub_bounds(stmts, low)
    lo_count = first_floor[2] if first_floor else 0.0
    hi_count = next_round(last_ceiling[2]) if last_ceiling else math.inf
    span = (f"over {said} the docs bound the count between {fmt(lo_count)}"
            + (f" ({show(first_floor)})" if first_floor else "") + " and "
            + (f"below {fmt(hi_count)} (the next round figure after {show(last_ceiling)})" if last_ceiling
               else "no ceiling (no later statement)"))
    used: list = []
    if at_least:
        if last_floor and last_floor[2] >= n * (1 - T.HUB_ROUNDING):
            hit = min((s for s in stmts if s[0] <= high and s[2] >= n * (1 - T.HUB_ROUNDING)), key=lambda s: s[0])
            claim.verdict, claim.found, used = "supported", last_floor[2], [hit]
            claim.explanation = (f"the Hub docs said {show(hit)}, on or before {high.isoformat()}: at least "
                                 f"{fmt(n)} from {hit[0].isoformat()} on (their counts are rounded floors).")
            if hit[0] > low:
                claim.explanation += f" Before {hit[0].isoformat()} the docs do not show it."
        elif hi_count <= n and last_ceiling is not None:
            claim.verdict, claim.found, used = "contradicted", last_ceiling[2], [s for s in (last_floor, last_ceiling) if s]
            claim.explanation = (f"{span}: the count stayed under {fmt(n)} on every day of it.")
        else:
            return unverifiable(claim, f"{span}; {fmt(n)} is neither reached nor ruled out")
    elif q == "upper":
        first_ceiling_count = next_round(first_ceiling[2]) if first_ceiling else math.inf
        if first_ceiling_count <= n and first_ceiling is not None:
            claim.verdict, claim.found, used = "supported", first_ceiling[2], [first_ceiling]
            claim.explanation = f"{span}: under {fmt(n)} at least at its start."
        elif lo_count > n and first_floor is not None:
            claim.verdict, claim.found, used = "contradicted", lo_count, [first_floor]
            claim.explanation = f"{span}: already more than {fmt(n)} at its start."
        else:
            return unverifiable(claim, f"{span}; under {fmt(n)} is neither shown nor ruled out")
    else:
        band = (n / T.HUB_CLOSE_FACTOR, n if q == "nearly" else n * T.HUB_CLOSE_FACTOR)
        said_then = [s for s in stmts if low <= s[0] <= high and band[0] <= s[2] <= band[1]]
        forced = [s for s in stmts if low <= s[0] <= high and s[2] >= band[0]
                  and next_round(s[2]) <= band[1]]
        if said_then or forced:
            s = (said_then or forced)[0]
            claim.verdict, claim.found, used = "supported", s[2], [s]
            claim.explanation = (f"the Hub docs said {show(s)}, within {said}: within a factor "
                                 f"{T.HUB_CLOSE_FACTOR:g} of {fmt(n)}.")
        elif hi_count < band[0] or lo_count > band[1]:
            claim.verdict = "contradicted"
            claim.found = last_ceiling[2] if hi_count < band[0] and last_ceiling else lo_count
            used = [s for s in (first_floor, last_ceiling) if s]
            claim.explanation = (f"{span}: never within a factor {T.HUB_CLOSE_FACTOR:g} of {fmt(n)} on any day of it.")
        else:
            return unverifiable(claim, f"{span}; about {fmt(n)} is possible there but not shown")
    claim.evidence = [ev(s[2], s[3], s[4], s[0], statement=s[1]) for s in used]


def _count_at(stmts: list, day: date) -> tuple | None:
    """The docs' count in force on a day: the last statement on or before it."""
    before = [s for s in stmts if s[0] <= day]
    return before[-1] if before else None


def verify_hub_growth(con: duckdb.DuckDBPyConnection, lex: Lexicon, claim: Claim) -> None:
    stmts = evidence.hub_statement_rows(con)
    p = claim.params
    first, last = p["first"], p["last"]
    start_day = first.low
    end_day = last.high if last else (stmts[-1][0] if stmts else None)
    a = _count_at(stmts, start_day) if stmts else None
    b = _count_at(stmts, end_day) if stmts and end_day else None
    counts = p.get("counts")
    if counts is not None:
        # "from N models in A to M models in B, tripling": the growth between the two statements that
        # checked the sentence's own counts, not the statements in force at the periods' edges
        found = [next((e for e in c.evidence if e["value"] == c.found), None) for c in counts]
        rows = [e for e in found if e is not None]
        if len(counts) != 2 or any(c.verdict != "supported" for c in counts) or len(rows) != len(counts):
            return unverifiable(claim, "the two counts it grows between are not both supported by the Hub docs")
        a, b = ((date.fromisoformat(e["date"]), e.get("statement"), e["value"], e["source"], e["origin"])
                for e in rows)
    elif a is None or b is None or a == b:
        return unverifiable(claim, "the Hub docs have no statements at both ends of that period")
    if counts is None and ((start_day - a[0]).days > T.HUB_NEAR_DAYS or (end_day - b[0]).days > T.HUB_NEAR_DAYS):
        return unverifiable(claim, f"the Hub docs' nearest statements are more than {T.HUB_NEAR_DAYS} days "
                                   "from the period's ends")
    ratio = b[2] / a[2]
    factor = p["factor"]
    claim.expected, claim.found = f"x{fmt(factor)}", round(ratio, 2)
    claim.evidence = [ev(s[2], s[3], s[4], s[0], statement=s[1]) for s in (a, b)]
    ok = ratio >= factor / T.HUB_CLOSE_FACTOR if p.get("qualifier") == "lower" else \
        factor / T.HUB_GROWTH_FACTOR <= ratio <= factor * T.HUB_GROWTH_FACTOR
    far = ratio * T.HUB_FAR_FACTOR < factor or ratio > factor * T.HUB_FAR_FACTOR
    if not ok and not far:
        return unverifiable(claim, f"the Hub docs give x{ratio:.2f} ('{a[1]}' to '{b[1]}'), neither close to nor "
                                   f"far from x{fmt(factor)}")
    claim.verdict = "supported" if ok else "contradicted"
    claim.explanation = (f"the Hub docs went from '{a[1]}' ({a[0].isoformat()}) to '{b[1]}' ({b[0].isoformat()}): "
                         f"x{ratio:.2f}; the claim says x{fmt(factor)} (tolerance: a factor {T.HUB_GROWTH_FACTOR:g}; "
                         "the statements are rounded floors that lag).")


# ---------------------------------------------------------------------------- contributors
def verify_contributors(con: duckdb.DuckDBPyConnection, lex: Lexicon, claim: Claim) -> None:
    repo = entity(claim, "repo")
    p = claim.params
    d = p.get("date")
    if repo is None:
        return unverifiable(claim, "a contributor count needs a repository")
    name = lex.repos.get(repo.key, repo.key)
    field = p["field"]
    activity = rows_from_table(con, [name])  # the contributors metric's own loader, month by month
    if d is None:
        return _contributors_ever(claim, name, field, activity)
    if d.precision not in ("month", "day"):
        # commits and first-time authors add up over months (a person is a first-time author once);
        # distinct authors do not: the same person is counted in every month they committed
        if field == "distinct_authors":
            return unverifiable(claim, "distinct-author counts are monthly and cannot be added up over a longer "
                                       "period (one person counts in every month)")
        months = (d.low.strftime("%Y-%m"), d.high.strftime("%Y-%m"))
        recorded = [r["month"] for r in activity]
        if not recorded or months[0] < min(recorded) or months[1] > max(recorded):
            span = (min(recorded), max(recorded)) if recorded else (None, None)
            return unverifiable(claim, f"the recorded activity of {name} ({span[0]} to {span[1]}) does not cover "
                                       f"all of {d.text}")
    else:
        months = (d.low.strftime("%Y-%m"),) * 2
    rows = [(r["month"], r[field], r["source"], r["origin"], r["observed"]) for r in activity
            if months[0] <= r["month"] <= months[1]]
    if not rows:
        return unverifiable(claim, f"no activity recorded for {name} in {d.text}")
    found = sum(r[1] for r in rows)
    n, q = p["count"], p.get("qualifier", "exact")
    if q == "lower":
        ok = found >= n
    elif q == "upper":
        ok = found <= n
    elif q in ("about", "nearly"):
        ok = abs(found - n) <= T.COUNT_ABOUT_RELATIVE * n
    else:
        ok = abs(found - n) <= T.COUNT_EXACT
    claim.expected, claim.found = n, found
    claim.verdict = "supported" if ok else "contradicted"
    claim.evidence = [ev(r[1], r[2], r[3], r[4], repo=name, month=r[0], field=field) for r in rows]
    what = field.replace("_", " ")
    claim.explanation = f"{name} had {fmt(found)} {what} in {months[0]}" + \
        (f" to {months[1]}" if months[1] != months[0] else "") + " (git history; authors counted by e-mail)."
    if p.get("carried"):
        claim.explanation += f" The month is the one the sentence gives its earlier figure ({d.text})."


def _count_holds(found: float, n: float, q: str) -> bool:
    if q == "lower":
        return found >= n
    if q == "upper":
        return found <= n
    if q == "nearly":
        return n * (1 - T.COUNT_ABOUT_RELATIVE) <= found <= n + T.COUNT_EXACT
    if q == "about":
        return abs(found - n) <= T.COUNT_ABOUT_RELATIVE * n
    return abs(found - n) <= T.COUNT_EXACT


def _contributors_ever(claim: Claim, name: str, field: str, activity: list) -> None:
    """A count with no period ("almost N contributors"): everyone who ever contributed, up to the text's
    date (`check --as-of`) or the last recorded month. People: the sum of first-time authors (each person
    is a first-time author in exactly one month); commits: their sum."""
    p = claim.params
    as_of = p.get("as_of")
    last = as_of.strftime("%Y-%m") if as_of else None
    rows = [r for r in activity if last is None or r["month"] <= last]
    if not rows:
        return unverifiable(claim, f"no activity recorded for {name}" + (f" up to {last}" if last else ""))
    key = "commits" if field == "commits" else "first_time_authors"
    found = sum(r[key] for r in rows)
    n, q = p["count"], p.get("qualifier", "exact")
    months = (min(r["month"] for r in rows), max(r["month"] for r in rows))
    claim.expected, claim.found = n, found
    claim.verdict = "supported" if _count_holds(found, n, q) else "contradicted"
    first = rows[0]
    claim.evidence = [ev(found, first["source"], first["origin"], first["observed"], repo=name,
                         months=f"{months[0]} to {months[1]}", field=f"sum of {key}")]
    what = "commits" if key == "commits" else "distinct contributors (the sum of first-time authors)"
    claim.explanation = (f"{name} had {fmt(found)} {what} from {months[0]} to {months[1]} (git history; authors "
                         f"counted by e-mail); no period is written, so every month "
                         f"{'up to the text' + chr(39) + 's date' if as_of else 'recorded'} counts.")


# ---------------------------------------------------------------------------- catalogue sizes
def catalogue_size(con: duckdb.DuckDBPyConnection, key: str) -> tuple[float, dict] | None:
    if key == "hub":
        s = evidence.latest_hub_statement(con)
        return (s.models_count, ev(s.models_count, s.source, s.origin, s.date, statement=s.statement)) if s else None
    table = next((t for s, t in CATALOGUES.values() if s == key), None)
    if table is None:
        return None
    snapshot = evidence.latest_snapshot_count(con, table, key)
    if snapshot is None:
        return None
    return snapshot.rows, ev(snapshot.rows, key, snapshot.origin, snapshot.observed,
                             counted=f"{table} rows in the latest snapshot")


def verify_catalogues(con: duckdb.DuckDBPyConnection, lex: Lexicon, claim: Claim) -> None:
    a, b = claim.entities[:2]
    sizes = [catalogue_size(con, x.key) for x in (a, b)]
    if not all(sizes):
        return unverifiable(claim, "no catalogue size for " + " or ".join(x.text for x, s in zip((a, b), sizes)
                                                                          if not s))
    (na, ea), (nb, eb) = [s for s in sizes if s]
    direction = claim.params.get("direction") or "more"
    ratio = na / nb if direction == "more" else nb / na
    orders = math.log10(ratio) if ratio > 0 else float("-inf")
    k = claim.params.get("orders")
    if k is None:
        ok = orders >= 1.5
        bad = orders < 1.0
        claim.expected = "orders of magnitude (log10 ratio >= 1.5)"
    else:
        ok = abs(orders - k) <= T.ORDERS_HALF_WIDTH
        bad = not ok
        claim.expected = f"{fmt(k)} orders of magnitude"
    claim.found = round(orders, 2)
    claim.evidence = [ea, eb]
    if not ok and not bad:
        return unverifiable(claim, f"the ratio is 10^{orders:.2f}: between one order and 'orders' of magnitude")
    claim.verdict = "supported" if ok else "contradicted"
    claim.explanation = (f"{a.text}: {fmt(na)}, {b.text}: {fmt(nb)}; ratio 10^{orders:.2f}. Catalogue counts are "
                         "entries in each source's latest snapshot, not the market's size.")

