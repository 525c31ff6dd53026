"""Claims about what openpace itself computes, checked by calling the metric the report shows:

- `lag`: "open models trail closed ones by about N months (on <benchmark>)" -> `parity_data.parity_for`
  (the capability index when no benchmark is named: the report's headline lag), supported when the
  claimed months meet the estimate's confidence interval (`ci90`);
- `market_price_ratio`: "open models are N times cheaper than closed ones" -> `prices.price_performance`'s
  price curve (cheapest closed / cheapest open at every score level), supported when N lies within the
  curve's quartiles;
- `cheapest_at_score`: "the cheapest open model above S on <benchmark> costs $P" ->
  `prices.price_performance(con, benchmark, min_score=S)`'s cheapest model of that side.

Each is found by the words of the sentence (patterns below, kept as data) and takes its figure before the
other kinds do. All three read the warehouse as of the text's date (`check --as-of`), else the latest data.
"""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING, Any

from ..domain.qualifiers import price_slack
from .canonical import fmt
from .clauses import clause_boundaries
from .patterns import compose
from .resolve import Mention

if TYPE_CHECKING:
    import duckdb

    from .extract import Claim, _Extractor
    from .resolve import Lexicon

OPEN_SIDE = compose(r"\bopen(?:[- ](?:weights?|source))?[- ](?:models?|LLMs?|AI|systems?|ones?|weights?\s+models?)\b"
                    r"|\bopen[- ](?:weights?|source)\b")
CLOSED_SIDE = compose(r"\b(?:closed|proprietary|frontier\s+closed)(?:[- ](?:weights?|source))?"
                      r"(?:[- ](?:models?|LLMs?|AI|systems?|ones?|labs?))?\b")
# "... trail / lag (behind) ... by N months", "N months behind", "closed models lead by N months"
LAG_WORDS = compose(r"\b(?:trail(?:s|ed|ing)?|lag(?:s|ged|ging)?|behind|lead(?:s|ing)?|led|gap|catch(?:es)?\s+up)\b")
MONTHS_AFTER = compose(r"^[- ]?months?\b")
CAPABILITY_WORDS = compose(r"\bcapability\s+index\b|\boverall\s+capabilit(?:y|ies)\b")
# "N times / Nx cheaper | less expensive | more expensive | pricier"
TIMES_AFTER = compose(r"^\s*(?:x|×|times)\s+(?P<dir>cheaper|less\s+expensive|lower[- ]priced|more\s+expensive|pricier|"
                      r"costlier|higher[- ]priced)\b")
# "the cheapest open model above|scoring over|with at least S (%) on <benchmark>"
CHEAPEST = compose(r"\bcheapest\s+(?P<side>open(?:[- ](?:weights?|source))?|closed|proprietary)?\s*"
                   r"(?:models?|LLMs?|options?|systems?)\b")
SCORE_LEAD = compose(r"(?:above|over|at\s+least|scoring\s+(?:above|over|at\s+least)?|with\s+(?:at\s+least|over)?|"
                     r"that\s+scores?\s+(?:above|over|at\s+least)?|reaching)\s*$")


# a lag of an earlier, undated time ("the N-month lag that once separated them", "used to trail by N months")
PAST_LAG = compose(r"\b(?:once|used\s+to|formerly|previously|originally|at\s+one\s+point|in\s+the\s+past)\b")


def _benchmark(x: _Extractor, lo: int = 0) -> Mention | None:
    return next((b for b in x.of("benchmark") if b.start >= lo), None) or next(iter(x.of("benchmark")), None)


def _past_lags(x: _Extractor, lags: list[Any]) -> set[int]:
    """The lag figures a word of an earlier time belongs to: each such word marks the nearest lag figure of its
    clause ("the N-month lag that once separated them has shrunk to M months": N is the past one, M today's)."""
    clauses = clause_boundaries(x.sentence, x.ctx.row)
    out: set[int] = set()
    for p in PAST_LAG.finditer(x.sentence):
        near = [q for q in lags if clauses.same(p.start(), q.start)]
        if near:
            out.add(id(min(near, key=lambda q: min(abs(q.start - p.end()), abs(p.start() - q.end)))))
    return out


def _lag_benchmark(x: _Extractor, at: int) -> Mention | None:
    """The benchmark a lag is measured on: one named in the lag figure's own clause ("trail by N months on B"),
    never one of another clause ("leads on B (N% vs M%), but the lag is K months")."""
    clauses = clause_boundaries(x.sentence, x.ctx.row)
    return next((b for b in x.of("benchmark") if clauses.same(b.start, at)), None)


def own_metric_claims(x: _Extractor) -> None:
    """The three kinds, before any other pass takes their figures."""
    s = x.sentence
    has_open, has_closed = OPEN_SIDE.search(s), CLOSED_SIDE.search(s)
    if has_open is None and has_closed is None and not re.search(r"\bcheapest\b", s, re.I):
        return
    lags = [q for q in x.free() if MONTHS_AFTER.match(s[q.end:])] if (has_open or has_closed) and LAG_WORDS.search(s) \
        else []
    past = _past_lags(x, lags)
    for q in x.free():
        if q in lags and (months := MONTHS_AFTER.match(s[q.end:])) is not None:
            x.add(q.start, q.end + months.end(), "lag", [_lag_benchmark(x, q.start) or _capability(x)], [q],
                  months=q.value, high=q.high, qualifier=q.qualifier, past=id(q) in past)
            continue
        t = TIMES_AFTER.match(s[q.end:])
        if t and has_open and has_closed:
            cheaper = re.match(r"cheaper|less|lower", t.group("dir"), re.I) is not None
            # the side the sentence's subject names is the one the comparison is about
            open_first = has_open.start() < has_closed.start()
            factor = q.value if cheaper == open_first else 1 / q.value
            x.add(q.start, q.end + t.end(), "market_price_ratio", [_benchmark(x)], [q], factor=factor,
                  written=q.value, qualifier=q.qualifier)
    _cheapest(x)


def _capability(x: _Extractor) -> Mention:
    m = CAPABILITY_WORDS.search(x.sentence)
    a, b = (m.start(), m.end()) if m else (0, 0)
    return Mention("benchmark", a, b, m.group(0) if m else "the capability index", "capability",
                   note="" if m else "no benchmark named: the capability index (the report's headline lag)")


def _cheapest(x: _Extractor) -> None:
    s = x.sentence
    c = CHEAPEST.search(s)
    if c is None:
        return
    bench = _benchmark(x, c.end())
    free = x.free()
    # the score threshold: "above S" read with the figure ("above" is its qualifier), or after a lead word
    score = next((q for q in free if q.start >= c.end() and not q.currency and len(s[c.end():q.start]) <= 30
                  and (q.qualifier == "lower" or SCORE_LEAD.search(s[c.end():q.start]))), None)
    price = next((q for q in free if q.currency and q.start > c.end()), None)
    if bench is None or score is None or price is None:
        return
    side = (c.group("side") or "").lower()
    is_open = True if side.startswith("open") else False if side else None
    x.add(c.start(), price.end, "cheapest_at_score", [bench], [score, price], min_score=score.value,
          percent=score.percent, price=price.value, qualifier=price.qualifier, open_side=is_open)


# ------------------------------------------------------------------------------------ verifiers
def _as_of(claim: Claim) -> date | None:
    return claim.params.get("as_of")


def _bench_name(lex: Lexicon, bench: Mention) -> str:
    names = sorted(lex.benchmarks.get(bench.key, ()))
    return names[0] if names else bench.text


def verify_lag(con: duckdb.DuckDBPyConnection, lex: Lexicon, claim: Claim) -> None:
    from ..metrics.parity_data import parity_for
    from .verify import cached, entity, unverifiable

    bench = entity(claim, "benchmark")
    name = "capability" if bench is None or bench.key == "capability" else _bench_name(lex, bench)
    if claim.params.get("past"):
        return unverifiable(claim, "a lag of an earlier time the text does not date ('once', 'used to'): openpace's "
                                   "parity is measured at a day")
    result = cached(("parity_for", name, _as_of(claim)), lambda: parity_for(con, name, as_of=_as_of(claim)).to_json())
    head = result.get("headline") or {}
    lag, ci = head.get("lag_months"), head.get("ci90")
    label = "the capability index" if name == "capability" else name
    if result.get("status") != "ok" or lag is None:
        return unverifiable(claim, f"openpace parity on {label}: {result.get('status') or 'no result'} "
                                   f"(as of {result.get('as_of')})")
    p = claim.params
    v, q = p["months"], p.get("qualifier", "exact")
    lo, hi = (ci or [lag, lag])
    # the claim's months as an interval (a whole month written is rounded to it), met by the metric's interval (ci90)
    want = {"lower": (v, float("inf")), "upper": (0.0, v), "range": (v - 0.5, (p.get("high") or v) + 0.5),
            "about": (v * 0.8 - 0.5, v * 1.2 + 0.5), "nearly": (v * 0.8 - 0.5, v + 0.5)}.get(q, (v - 0.5, v + 0.5))
    ok = want[0] <= hi and lo <= want[1]
    claim.expected = (f"{fmt(v)} to {fmt(p['high'])} months" if p.get("high") else f"{fmt(v)} months") + \
        ("" if q in ("exact", "range") else f" ({q})")
    claim.found = lag
    claim.verdict = "supported" if ok else "contradicted"
    claim.evidence = [{"value": lag, "source": "openpace parity", "origin": f"openpace parity --benchmark {name}",
                       "date": result.get("as_of"), "ci90": ci, "basis": result.get("basis"),
                       "window_months": head.get("window_months")}]
    claim.explanation = (f"openpace parity on {label} (as of {result.get('as_of')}, {result.get('basis')} scores): "
                         f"open models trail by {fmt(lag)} months, interval (ci90) {fmt(lo)} to {fmt(hi)}; the claim "
                         f"says {claim.expected}, which the interval {'meets' if ok else 'does not meet'}."
                         + (f" {bench.note}." if bench is not None and bench.note else ""))


def verify_market_price_ratio(con: duckdb.DuckDBPyConnection, lex: Lexicon, claim: Claim) -> None:
    from ..metrics.prices import CAPABILITY, price_performance
    from .verify import cached, entity, unverifiable

    bench = entity(claim, "benchmark")
    name = CAPABILITY if bench is None else _bench_name(lex, bench)
    label = "the capability index" if name == CAPABILITY else name
    curve = cached(("price_performance", name, None, _as_of(claim)),
                   lambda: price_performance(con, name, as_of=_as_of(claim))).curve
    head = curve.headline() if curve is not None else None
    if not head:
        return unverifiable(claim, f"openpace prices on {label}: no score level has both an open and a closed price")
    p = claim.params
    factor, q = p["factor"], p.get("qualifier", "exact")
    (q1, q3), median = head["quartiles"], head["median_ratio"]
    ok = {"lower": median >= factor, "upper": median <= factor}.get(q, q1 <= factor <= q3)
    claim.expected = f"closed / open = x{fmt(round(factor, 3))}"
    claim.found = median
    claim.verdict = "supported" if ok else "contradicted"
    claim.evidence = [{"value": median, "source": "openpace prices", "origin": f"openpace prices --benchmark {name}",
                       "date": None, "quartiles": [q1, q3], "levels": head["levels"], "range": head["range"]}]
    claim.explanation = (f"openpace's price curve on {label}: cheapest closed / cheapest open at each of "
                         f"{head['levels']} score levels, median x{median:.2f}, quartiles x{q1:.2f} to x{q3:.2f}; the "
                         f"claim's x{factor:.2f} is {'within' if ok else 'outside'} "
                         f"{'them' if q not in ('lower', 'upper') else 'its bound of the median'}"
                         + (" (no benchmark named: scores on the capability index)." if bench is None else "."))


def verify_cheapest(con: duckdb.DuckDBPyConnection, lex: Lexicon, claim: Claim) -> None:
    from ..errors import InputError
    from ..metrics.prices import price_performance
    from .verify import cached, entity, unverifiable

    bench = entity(claim, "benchmark")
    if bench is None:
        return unverifiable(claim, "no benchmark named for the score")
    p = claim.params
    name = _bench_name(lex, bench)
    try:
        perf = cached(("price_performance", name, p["min_score"], _as_of(claim)),
                      lambda: price_performance(con, name, min_score=p["min_score"], as_of=_as_of(claim)))
    except InputError as exc:
        return unverifiable(claim, str(exc))
    side = p.get("open_side")
    picks: list[dict[str, Any]] = [m for m in (perf.cheapest_open, perf.cheapest_closed) if m is not None] \
        if side is None else [m for m in ([perf.cheapest_open] if side else [perf.cheapest_closed]) if m is not None]
    what = {True: "open ", False: "closed ", None: ""}[side]
    if not picks:
        return unverifiable(claim, f"openpace prices: no priced {what}model scores {fmt(p['min_score'])} or more on {name}")
    best = min(picks, key=lambda m: m["blended_usd_per_mtok"])
    found = best["blended_usd_per_mtok"]
    ok = _price_holds(found, p["price"], p.get("qualifier", "exact"))
    claim.expected = f"{fmt(p['price'])} USD/Mtok"
    claim.found = found
    claim.verdict = "supported" if ok else "contradicted"
    claim.evidence = [{"value": found, "source": "openpace prices", "model": best["model"],
                       "origin": f"openpace prices --benchmark {name} --min-score {fmt(p['min_score'])}",
                       "date": None, "score": best["score"], "provider": best["provider"],
                       "price_basis": best["price_basis"]}]
    claim.explanation = (f"openpace prices on {name} at {fmt(p['min_score'])} or more: the cheapest {what}model is "
                         f"{best['display_name'] or best['model']} (score {fmt(best['score'])}) at {fmt(found)} USD per "
                         f"million tokens blended ({best['price_basis']}); the claim says {claim.expected}.")


def _price_holds(found: float, value: float, qualifier: str) -> bool:
    if qualifier == "lower":
        return found >= value
    if qualifier == "upper":
        return found <= value
    return abs(found - value) <= price_slack(value, qualifier)
