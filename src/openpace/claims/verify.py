"""Verdicts for model claims (scores, comparisons, release dates, open weights, training facts),
each from warehouse rows with provenance, with the tolerances of `tolerances.py`.

The rule every verifier keeps: no rows, no verdict other than `unverifiable`.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import duckdb

from ..domain.qualifiers import within

from . import tolerances as T
from ..identity.sources import WEAK_CLOSED
from ..metrics import evidence
from ..metrics.facts import attribute_evidence
from .attributes import Target, mention_ids
from .canonical import NETWORK_NOTE, canonical, fmt, focus, named_model, network_ids, same_model
from .extract import Claim
from .resolve import Lexicon, Mention
from .series import SeriesMention, series_mention


def ev(value: Any, source: str, origin: str, when: date | None, **extra: Any) -> dict:
    """One evidence row: the value compared, and where it comes from."""
    return {"value": value, "source": source, "origin": origin, "date": when.isoformat() if when else None, **extra}


def unverifiable(claim: Claim, why: str) -> None:
    claim.verdict, claim.explanation, claim.evidence = "unverifiable", why, []


def entity(claim: Claim, type_: str) -> Mention | None:
    return next((e for e in claim.entities if e.type == type_), None)


def model_of(claim: Claim) -> tuple[Mention | None, str]:
    """The claim's model, or why it cannot be checked ("" with a model)."""
    model = entity(claim, "model")
    if model is None:
        return None, "no model is named for this figure"
    if model.how == "ambiguous":
        return None, f"the model is ambiguous ({model.note}); not guessing"
    return model, ""


# query results per warehouse state: `claims.lexicon()` sets the state's key and clears this when the
# warehouse changes, so a warm check asks DuckDB nothing it has asked before
ROWS_CACHE: dict[tuple, list] = {}
STATE: list = [None]
ROWS_CACHE_MAX = 20_000


def cached(key: tuple, compute: Callable[[], Any]) -> Any:
    """A metric call's result for this warehouse state (`prices_at`, `parity_for`, ...): computed once
    while the state holds, like the query rows below."""
    full = (STATE[0], "call") + key
    if full not in ROWS_CACHE or STATE[0] is None:
        if len(ROWS_CACHE) > ROWS_CACHE_MAX:
            ROWS_CACHE.clear()
        ROWS_CACHE[full] = compute()
    return ROWS_CACHE[full]


def _rows(con: duckdb.DuckDBPyConnection, query: Callable[..., list[Any]], names: list[tuple[str, str]],
          *args: list[str]) -> list:
    """Rows of a `metrics.evidence` query over the (source, model name) pairs `names`: the query
    selects by name, each source keeps its own rows; cached per warehouse state."""
    if not names:
        return []
    wanted = set(names)
    plain = sorted({n for _, n in names})
    key = (STATE[0], query.__name__, tuple(plain), tuple(tuple(a) for a in args))
    if key not in ROWS_CACHE or STATE[0] is None:
        if len(ROWS_CACHE) > ROWS_CACHE_MAX:
            ROWS_CACHE.clear()
        ROWS_CACHE[key] = query(con, plain, *args)
    return [r for r in ROWS_CACHE[key] if (r[0], r[1]) in wanted]


def in_band(found: float, claim: Claim, exact: float, about: float, nearly: float) -> bool:
    """Does `found` satisfy the claimed figure with its qualifier ("over", "about", a range ...)?"""
    p = claim.params
    return within(found, p["value"], p.get("qualifier", "exact"), exact, about, nearly, p.get("high"))


def by_priority(rows: list, priority: tuple[str, ...], source_at: int = 0) -> dict[str, list]:
    grouped: dict[str, list] = defaultdict(list)
    for row in rows:
        grouped[row[source_at]].append(row)
    return dict(sorted(grouped.items(), key=lambda kv: T.rank(priority, kv[0])))


def disagreement(groups: dict[str, list], top: str, agrees: Callable[[Any], bool], show: Callable[[Any], str]) -> str:
    """' Sources disagree: X says a, Y says b.' when lower-priority sources reach another verdict."""
    top_ok = any(agrees(r) for r in groups[top])
    others = [f"{src} says {show(rs[0])}" for src, rs in groups.items()
              if src != top and any(agrees(r) for r in rs) != top_ok]
    if not others:
        return ""
    return f" Sources disagree: {top} says {show(groups[top][0])}, {'; '.join(others)}; the verdict follows {top} " \
           f"(source priority)."


# ---------------------------------------------------------------------------- scores
def tier_of(claim: Claim) -> tuple[str, str] | None:
    """(the name as written, its tier key) when the claim's model is a tier named without a version
    (`carry.tier_series`, `how` "tier"), else None."""
    target = claim.params.get("target")
    if isinstance(target, Target) and target.how == "tier" and target.series:
        return target.label, target.series
    m = next((e for e in claim.entities if e.type == "model" and e.how == "tier"), None)
    return (m.text, m.key) if m is not None else None


def verify_members(con: duckdb.DuckDBPyConnection, lex: Lexicon, claim: Claim,
                   verify: Callable[[duckdb.DuckDBPyConnection, Lexicon, Claim], None], day: date | None) -> bool:
    """A claim about a tier named without a version ("<Family> <Tier>": docs/claims.md, "A tier without a
    version"): the claim checked for each member of the tier's series (`Lexicon.tier_members`) out by `day` (the
    text's date, a price's day; None: every member; `_out_since`) —, and decided only
    where they all agree: supported when every member supports it, contradicted when every member contradicts it,
    else unverifiable, naming what each member gives. False when the claim names no such tier (checked as it is)."""
    tier = tier_of(claim)
    if tier is None:
        return False
    written, key = tier
    # "<Family> V<N>" (`Lexicon.generation_members`) names no tier; "<Family> <Tier>" names no version
    missing, members = ("tier", "generation") if re.search(r"\d", key) else ("version", "tier")
    decided: list[tuple[str, Claim]] = []
    for version, name in lex.tier_members(key):
        member = Mention("model", 0, 0, written, name, lex.group(name), how="loose", spelled=set(lex.models[name]),
                         note=f"'{written}' read as its member {name}")
        since = _out_since(con, member)
        if day is not None and since is not None and since > day:
            continue  # not out yet at the text's date
        probe = Claim(claim.sentence, claim.start, claim.end, claim.kind, [
            Mention(e.type, e.start, e.end, e.text, name, member.names, how="loose", spelled=member.spelled,
                    note=member.note) if e.type == "model" and e.how == "tier" else e
            for e in claim.entities], dict(claim.params))
        target = claim.params.get("target")
        if isinstance(target, Target) and target.how == "tier":
            probe.params["target"] = Target(name, mention_ids(lex, member), "model", note=member.note)
        verify(con, lex, probe)
        decided.append((name, probe))
    when = f"out by {day.isoformat()}" if day is not None else "the sources name (the text gives no date)"
    if not decided:
        unverifiable(claim, f"'{written}' names no {missing}, and no member of its {members} was out by "
                            f"{day.isoformat() if day else 'now'}")
        return True
    verdicts = {probe.verdict for _, probe in decided}
    by_verdict: dict[str, list[str]] = defaultdict(list)
    for name, probe in decided:
        by_verdict[probe.verdict].append(name + (f" {fmt(probe.found)}" if isinstance(probe.found, (int, float))
                                                 else ""))
    shown = "; ".join(f"{verdict}: {', '.join(names[:5])}{' ...' if len(names) > 5 else ''}"
                      for verdict, names in by_verdict.items())
    if len(verdicts) == 1 and verdicts <= {"supported", "contradicted"}:
        first = decided[0][1]
        claim.verdict, claim.expected = first.verdict, first.expected
        claim.found = {name: probe.found for name, probe in decided}
        claim.evidence = [row for _, probe in decided for row in probe.evidence[:4]]
        claim.explanation = (f"'{written}' names no {missing}: every member of its {members} {when} gives "
                             f"{first.verdict} ({shown}). {decided[0][0]}: {first.explanation}")
        return True
    unverifiable(claim, f"'{written}' names no {missing}, and the members of its {members} {when} do not agree ({shown}); "
                        "the claim holds for some versions only, or the data does not decide it for each")
    return True


def _out_since(con: duckdb.DuckDBPyConnection, model: Mention) -> date | None:
    """The day a model was out: its earliest release date that a second row confirms (within a month: a
    catalogue's one stray date is no release), else its earliest; else the first day a source lists it (a price's
    observation or start of validity, a fact row's observation); None when no row has a date."""
    rows = facts(con, model)
    released = sorted(r.release_date for r in rows if r.release_date is not None)
    if released:
        return next((d for d, e in zip(released, released[1:]) if e - d <= timedelta(31)), released[0])
    listed = [r.observed for r in rows if r.observed is not None] + \
        [r.seen for r in _rows(con, evidence.price_rows, model.names) if r.seen is not None]
    return min(listed, default=None)


def _scores(con: duckdb.DuckDBPyConnection, lex: Lexicon, model: Mention, bench: Mention) -> list:
    benches = sorted(lex.benchmarks.get(bench.key, ()))
    if not benches:
        return []
    return _rows(con, evidence.score_rows, model.names, benches)


def verify_change(con: duckdb.DuckDBPyConnection, lex: Lexicon, claim: Claim) -> None:
    """"a drop of (more than) N percent": (second - first) / first of the two figures before it, as the
    sources give them (both must be checked); the direction must hold, the size as for percent scores."""
    p = claim.params
    a, b = p["first"], p["second"]
    if any(c.verdict not in ("supported", "contradicted") or not isinstance(c.found, (int, float)) for c in (a, b)) \
            or not a.found:
        return unverifiable(claim, "the two figures it compares are not both checked")
    change = (b.found - a.found) / a.found * 100
    if p.get("factor") is not None:  # "halving", "doubling": the second over the first is the word's factor
        ratio, factor = b.found / a.found, p["factor"]
        rel = 2 * T.PRICE_RATIO_RELATIVE  # a word is a round figure: the ratio tolerance for "about"
        claim.expected, claim.found = f"x{fmt(factor)}", round(ratio, 3)
        claim.evidence = a.evidence[:1] + b.evidence[:1]
        claim.verdict = "supported" if abs(ratio - factor) <= rel * factor else "contradicted"
        claim.explanation = (f"from {fmt(a.found)} to {fmt(b.found)} (as the sources give them) is x{ratio:.2f}; "
                             f"the claim's word says x{fmt(factor)} (tolerance {rel:.0%}).")
        return None
    ok = (change > 0) == p["up"] and in_band(abs(change), claim, T.SCORE_EXACT_POINTS, T.SCORE_ABOUT_POINTS,
                                             T.SCORE_NEARLY_POINTS)
    claim.expected = f"{'a rise' if p['up'] else 'a drop'} of {_expected_text(p)}%"
    claim.found = round(change, 2)
    claim.evidence = a.evidence[:1] + b.evidence[:1]
    claim.verdict = "supported" if ok else "contradicted"
    rule = _tolerance_text(p, (T.SCORE_EXACT_POINTS, T.SCORE_ABOUT_POINTS, T.SCORE_NEARLY_POINTS), False)
    claim.explanation = (f"from {fmt(a.found)} to {fmt(b.found)} (as the sources give them) is {change:+.1f}%; "
                         f"the claim says {claim.expected} ({rule.replace('the score', 'the change')}).")


def _gap_holds(gap: float, by: float, qualifier: str) -> bool:
    """A claimed difference of `by` points with its bound word, as for scores ("more than 12": >= 12;
    "almost 5": from 2 up to 5.5; "about 3": +/-1.5; exact: +/-0.5)."""
    return in_band(gap, Claim("", 0, 0, "comparison", params={"value": by, "qualifier": qualifier or "exact"}),
                   T.SCORE_EXACT_POINTS, T.SCORE_ABOUT_POINTS, T.SCORE_NEARLY_POINTS)


def _when(row: tuple) -> date:
    return row[7] or row[6] or date.min


def _tolerance_text(p: dict, tol: tuple[float, float, float], elo: bool) -> str:
    """How the claimed figure was compared, in the claim's own terms (a bound is not a tolerance)."""
    unit = "" if elo else " points"
    q, value = p.get("qualifier", "exact"), fmt(p["value"])
    if q == "lower":
        return f"a lower bound: holds when the score is at least {value}"
    if q == "upper":
        return f"an upper bound: holds when the score is at most {value}"
    if q == "about":
        return f"'about': tolerance {tol[1]:g}{unit}"
    if q == "nearly":
        return f"'nearly': from {fmt(p['value'] - tol[2])} up to {fmt(p['value'] + tol[0])}"
    if q == "range" and p.get("high") is not None:
        return f"a range: {tol[0]:g}{unit} of slack at each end"
    return f"tolerance {tol[0]:g}{unit} for an exact figure"


def _expected_text(p: dict) -> str:
    value, q = fmt(p["value"]), p.get("qualifier", "exact")
    if q == "range":
        return f"{value}-{fmt(p.get('high'))}"
    return {"lower": f">= {value}", "upper": f"<= {value}", "about": f"about {value}",
            "nearly": f"nearly {value}"}.get(q, value)


def _notes(model: Mention) -> str:
    return f" {model.note}." if model.note else ""


def verify_comparison(con: duckdb.DuckDBPyConnection, lex: Lexicon, claim: Claim) -> None:
    models = [e for e in claim.entities if e.type == "model"]
    bench = entity(claim, "benchmark")
    if len(models) < 2 or bench is None or any(m.how == "ambiguous" for m in models):
        return unverifiable(claim, "a comparison needs two resolved models and a benchmark")
    a_rows, b_rows = (by_priority(focus(lex, m, _scores(con, lex, m, bench)), T.SCORE_PRIORITY) for m in models[:2])
    if not a_rows or not b_rows:
        missing = models[0] if not a_rows else models[1]
        return unverifiable(claim, f"no source has a {bench.text} score for {missing.text}"
                            + (f" ({note})" if (note := lex.variant_note(bench.text)) else ""))
    common = [s for s in a_rows if s in b_rows]
    if not common:
        # two sources measure differently (shots, prompts, harness): a gap across them is no gap
        a0, b0 = (next(iter(g.values()))[0] for g in (a_rows, b_rows))
        return unverifiable(claim, f"no source scores both on {bench.text}: {a0[1]} {fmt(a0[3])} ({a0[0]}), "
                                   f"{b0[1]} {fmt(b0[3])} ({b0[0]}); a difference across sources is not compared"
                                   + _notes(models[0]) + _notes(models[1]))
    src = common[0]
    # a source that observed both over time (leaderboard tables): the latest date observing both, else
    # each model's latest observation
    dated_a = {_when(r): r for r in sorted(a_rows[src], key=_when)}
    dated_b = {_when(r): r for r in sorted(b_rows[src], key=_when)}
    shared = sorted(set(dated_a) & set(dated_b))
    a, b = (dated_a[shared[-1]], dated_b[shared[-1]]) if shared else (dated_a[max(dated_a)], dated_b[max(dated_b)])
    diff = a[3] - b[3]
    p = claim.params
    relation = p["relation"]
    if relation == "within":
        limit = p.get("points")
        ok = limit is not None and abs(diff) <= limit + T.COMPARE_SLACK_POINTS
        claim.expected = f"|difference| <= {fmt(limit)}"
    elif relation == "tie":
        ok, claim.expected = abs(diff) <= T.SCORE_EXACT_POINTS, "equal"
    elif relation == "gap":  # "a gap of (more than) N points": the size only, no direction
        ok = _gap_holds(abs(diff), p["by"], p.get("by_qualifier", "exact"))
        claim.expected = f"|difference| {_expected_text({'value': p['by'], 'qualifier': p.get('by_qualifier')})}"
    else:
        ok = diff > 0 if relation == "ahead" else diff < 0
        claim.expected = f"{models[0].text} {'above' if relation == 'ahead' else 'below'} {models[1].text}"
        if p.get("by") is not None:
            ok = ok and _gap_holds(abs(diff), p["by"], p.get("by_qualifier", "exact"))
            claim.expected += f" by {_expected_text({'value': p['by'], 'qualifier': p.get('by_qualifier')})}"
    claim.found = round(diff, 3)
    claim.evidence = [ev(r[3], r[0], r[5], r[7] or r[6], model=r[1], benchmark=r[2]) for r in (a, b)]
    claim.verdict = "supported" if ok else "contradicted"
    same = "" if common else " (no source scores both; each model's own priority source is used)"
    claim.explanation = (f"{a[1]} {fmt(a[3])} ({a[0]}) vs {b[1]} {fmt(b[3])} ({b[0]}) on {a[2]}: difference "
                         f"{diff:+.2f}{same}." + _notes(models[0]) + _notes(models[1]))


# ---------------------------------------------------------------------------- model facts
def facts(con: duckdb.DuckDBPyConnection, model: Mention) -> list:
    return _rows(con, evidence.fact_rows, model.names)


def network_rows(con: duckdb.DuckDBPyConnection, lex: Lexicon, model: Mention, query: Callable[..., list[Any]],
                 keep: Callable[[Any], bool]) -> tuple[list, str]:
    """Rows of a fact of the trained network (training compute, hardware) a model's name has none of: those of the
    other variant of its network (`canonical.network_ids`: an instruct model's base model), with a note saying so."""
    target = named_model(lex, model)
    if target is None or not lex.aliases:
        return [], ""
    for mid in network_ids(con, [target]):
        rows = [r for r in _rows(con, query, sorted(lex.aliases[1].get(mid, ()))) if keep(r)]
        if rows:
            return rows, f" Read with {mid}: {NETWORK_NOTE}."
    return [], ""


def verify_release(con: duckdb.DuckDBPyConnection, lex: Lexicon, claim: Claim) -> None:
    if claim.params.get("date") is None:  # "released yesterday" in a text that gives no date of its own
        return unverifiable(claim, f"'{claim.params.get('relative', 'today')}' counts from the text's own date, which "
                                   "neither `check --as-of` nor a dateline at the text's top gives")
    model, why = model_of(claim)
    if model is None:
        return unverifiable(claim, why)
    rows = [r for r in facts(con, model) if r[2] is not None]
    if not rows:
        return unverifiable(claim, f"no source gives a release date for {model.text}")
    d = claim.params["date"]
    low, high = d.low, d.high
    if d.precision == "day":
        low, high = low - timedelta(T.DATE_DAY_TOLERANCE), high + timedelta(T.DATE_DAY_TOLERANCE)
    elif d.point:
        low, high = low - timedelta(31), high + timedelta(31)
    rows = focus(lex, model, rows)
    # the release is the earliest date any source gives (a paper, a weights upload and a catalogue
    # listing date the same model differently: the first of them is when it came out)
    first = min(rows, key=lambda r: r[2])
    top = first[0]
    if model.how == "series" and not low <= first[2] <= high and low > first[2] and (
            low > _members_latest(lex, rows) or _a_later_member(lex, rows, low, high)):
        return _series_after_members(lex, claim, model, rows)
    # disagreements and evidence: dates of the same canonical model only, not of a later snapshot
    groups = by_priority(same_model(lex, rows, first), T.RELEASE_PRIORITY)
    agrees = lambda r: low <= r[2] <= high  # noqa: E731
    claim.expected, claim.found = d.text, first[2].isoformat()
    claim.verdict = "supported" if agrees(first) else "contradicted"
    seen = set()
    claim.evidence = []
    for rs in groups.values():
        for r in rs:
            if (r[0], r[1], r[2]) not in seen:
                seen.add((r[0], r[1], r[2]))
                claim.evidence.append(ev(r[2].isoformat(), r[0], r[8], r[9], model=r[1]))
    claim.explanation = (f"{top} dates {first[1]} {first[2].isoformat()}; the claim says {d.text} "
                         f"(tolerance: the {d.precision if d.precision != 'part' else 'named part of the year'})."
                         + disagreement(groups, top, agrees, lambda r: r[2].isoformat()) + _notes(model))


def _first_dates(lex: Lexicon, rows: list) -> dict[str, tuple]:
    """Each canonical member's earliest dated row (rows of a series mention)."""
    first: dict[str, tuple] = {}
    for r in sorted(rows, key=lambda r: r[2]):
        first.setdefault(canonical(lex, r[0], r[1]) or r[1], r)
    return first


def _members_latest(lex: Lexicon, rows: list) -> date:
    return max(r[2] for r in _first_dates(lex, rows).values())


def _a_later_member(lex: Lexicon, rows: list, low: date, high: date) -> bool:
    """A member of the series other than its first came out within the claimed date (each member's first date)."""
    return any(low <= r[2] <= high for r in _first_dates(lex, rows).values())


def _series_after_members(lex: Lexicon, claim: Claim, model: Mention, rows: list) -> None:
    """A series named without a size (a family, a generation) dated not as its first member but as a later one,
    or after every member the sources know: the text may date that later member (or one the data lacks), so the
    data neither confirms nor refutes the family's date. A date before the series' first member, or between its
    members' releases matching none, is contradicted."""
    members = sorted(_first_dates(lex, rows).items(), key=lambda kv: kv[1][2])
    shown = ", ".join(f"{r[1]} {r[2].isoformat()} ({r[0]})" for _, r in members[:6])
    when = claim.params["date"]
    if when.low > members[-1][1][2]:
        why = f"all before {when.text}: a later member the data lacks may be meant"
    else:
        why = f"on different days, the first before {when.text}: the date is a later member's"
    unverifiable(claim, f"'{model.text}' names a series; the sources date its members {shown}, {why}, so the "
                        "family's date is not settled")
    claim.expected = claim.params["date"].text
    claim.evidence = [ev(r[2].isoformat(), r[0], r[8], r[9], model=r[1]) for _, r in members]


# an accessibility class that publishes the weights under terms restricting their use (Epoch: "Open weights
# (restricted use)", "Open weights (non-commercial)")
RESTRICTED_RE = re.compile(r"\brestricted\b|\bnon[- ]?commercial\b", re.I)


def verify_open(con: duckdb.DuckDBPyConnection, lex: Lexicon, claim: Claim) -> None:
    """Open or closed weights: model identity's verdict for the canonical model the claim names
    (`models.open_weights`; each source votes by the majority of its own rows, the highest-priority
    vote wins); without it, the same vote over the fact rows. Sources voting the other way are named
    with their row counts."""
    model, why = model_of(claim)
    if model is None:
        return unverifiable(claim, why)
    if model.how == "series":
        return _verify_series_open(con, lex, claim, model)
    rows = [r for r in facts(con, model) if r[3] is not None]
    target = named_model(lex, model)
    if target is not None:
        rows = [r for r in rows if canonical(lex, r[0], r[1]) == target]
    elif lex.aliases and len({canonical(lex, r[0], r[1]) for r in rows}) > 1:
        ids = sorted({str(canonical(lex, r[0], r[1])) for r in rows})
        return unverifiable(claim, f"'{model.text}' covers several models ({', '.join(ids[:4])}); not guessing which")
    if not rows:
        return unverifiable(claim, f"no source says whether {model.text}'s weights are open")
    word = lambda o: "open" if o else "closed"  # noqa: E731
    count = lambda v: (f"{max(v)} of {sum(v)} rows {word(v[0] > v[1])}" if v[0] and v[1]  # noqa: E731
                       else f"{sum(v)} rows")
    votes = _votes(con, target, rows)
    identity = next(iter(evidence.identity_openness(con, [target])), None) if target else None
    if identity is not None:
        is_open, decided = identity.open_weights, f"model identity classifies {target} as {word(identity.open_weights)} " \
                                                  f"weights (basis: {identity.open_basis})"
        top = "model identity"
        if not is_open and claim.params["open"] and _catalogue_flags_only(identity.open_basis):
            # a catalogue's per-provider `open_weights: false` is often the field left at its default
            # (domain.priority, OPEN_WEIGHTS): it never contradicts open weights on its own; a name that also
            # names a series ("<Family> N" and its sized models) is then the series, decided when all agree
            family = _series_twin(lex, model)
            if family is not None:
                return _verify_series_open(con, lex, claim, family)
            return unverifiable(claim, f"{decided}: only catalogue per-provider flags say closed, and those are often "
                                       "left at false; no curated source classes the model")
    else:
        voting = [(src, v) for src, v in votes.items() if v[0] != v[1]]
        if not voting:
            return unverifiable(claim, f"the sources are split evenly on {model.text}'s weights")
        top, v = voting[0]
        is_open = v[0] > v[1]
        decided = f"{top} classifies {target or rows[0][1]} as {word(is_open)} weights ({count(v)})"
    claimed = claim.params["open"]
    claim.expected, claim.found = f"{word(claimed)} weights", f"{word(is_open)} weights"
    shown = sorted(rows, key=lambda r: (bool(r[3]) != is_open, T.rank(T.OPENNESS_PRIORITY, r[0])))
    picked: list = []
    for r in shown:  # at most two rows per source, the ones agreeing with the verdict first
        if sum(x[0] == r[0] for x in picked) < 2:
            picked.append(r)
    if not picked or bool(picked[0][3]) != is_open:
        return unverifiable(claim, f"{decided}, but no fact row of the model itself says so")
    if claim.params.get("not_open_source") and is_open:
        # "X is not (actually) open-source" of a model with open weights speaks of the licence: it holds when a
        # source classes the weights as restricted (restricted use, non-commercial), and is never contradicted by
        # open weights alone (an unrestricted licence is open source to some, not to others: undecided)
        restricted = [r for r in rows if r[3] and r[4] and RESTRICTED_RE.search(str(r[4]))]
        if not restricted:
            return unverifiable(claim, f"{decided}; 'not open-source' may speak of its licence's terms, and no "
                                       "source says they restrict its use")
        claim.expected, claim.found = "not open source (closed, or open weights under restrictive terms)", \
            f"open weights under restrictive terms ({restricted[0][4]})"
        claim.verdict = "supported"
        claim.evidence = [ev(r[4], r[0], r[8], r[9], model=r[1], open_weights=r[3]) for r in restricted[:2]]
        claim.explanation = (f"{decided}; {restricted[0][0]} classes them as '{restricted[0][4]}': open weights under "
                             "terms that restrict their use, which is not open source in the licence's sense.")
        claim.explanation += _notes(model)
        return None
    claim.verdict = "supported" if is_open == claimed else "contradicted"
    claim.evidence = [ev(r[4] or word(r[3]), r[0], r[8], r[9], model=r[1], open_weights=r[3]) for r in picked]
    claim.explanation = decided + "."
    others = [f"{src} says {word(v[0] > v[1])} ({count(v)})" for src, v in votes.items()
              if v[0] != v[1] and (v[0] > v[1]) != is_open]
    if others:
        claim.explanation += (f" Sources disagree: {'; '.join(others)}; the verdict follows "
                              f"{top or 'model identity'} (source priority; a catalogue's per-provider flags "
                              "are the weakest vote).")
    if claim.params.get("at_release"):
        claim.explanation += (" The sources record access as of their own date, not the release day; Epoch's "
                              "accessibility is its classification at release.")
    claim.explanation += _notes(model)


def _catalogue_flags_only(basis: str | None) -> bool:
    """Does an identity verdict rest only on catalogue flags (`identity.sources.WEAK_CLOSED`)?"""
    sources = set((basis or "").removeprefix("family:").split("+")) - {""}
    return bool(sources) and sources <= WEAK_CLOSED


def _series_twin(lex: Lexicon, model: Mention) -> Mention | None:
    """The series a model's name also names, when it has two models or more ("<Family> N": `<family>-N` and its
    sized models), as a series mention; else None."""
    if len({i for ids in lex.series.sizes(model.key).values() for i in ids}) < 2:
        return None
    return series_mention(lex, SeriesMention(model.start, model.end, model.text, model.key), model.start, model.end)


def _verify_series_open(con: duckdb.DuckDBPyConnection, lex: Lexicon, claim: Claim, model: Mention) -> None:
    """A series' openness: model identity's verdict for every model of the series; it holds when
    they all agree (a family name stands for its models when they agree), else unverifiable."""
    ids = sorted({i for s, n in model.names if (i := canonical(lex, s, n))})
    rows: list[tuple[Any, ...]] = list(evidence.identity_openness(con, ids))
    if not rows:  # identity has no verdict for them: the sources' own open-weights flags, side by side
        flags = [(mid, e) for mid in ids for e in attribute_evidence(con, mid, "open_weights") if e.value is not None]
        rows = [(mid, e.source_name, e.value, e.source) for mid, e in flags]
    if not rows:
        return unverifiable(claim, f"no source says whether the weights of {model.text} are open")
    verdicts = {bool(r[2]) for r in rows}
    word = lambda o: "open" if o else "closed"  # noqa: E731
    if len(verdicts) > 1:
        split = ", ".join(f"{r[0]} {word(r[2])}" for r in rows[:6])
        return unverifiable(claim, f"the models of {model.text} differ: {split}")
    is_open = verdicts.pop()
    claimed = claim.params["open"]
    claim.expected, claim.found = f"{word(claimed)} weights", f"{word(is_open)} weights"
    claim.verdict = "supported" if is_open == claimed else "contradicted"
    claim.evidence = [{"value": word(r[2]), "source": "model identity", "origin": r[3], "date": None,
                       "model": r[1], "model_id": r[0]} for r in rows]
    claim.explanation = (f"model identity classifies every model of {model.text} ({len(rows)}) as {word(is_open)} "
                         f"weights." + _notes(model))


def _votes(con: duckdb.DuckDBPyConnection, target: str | None, rows: list) -> dict[str, tuple[int, int]]:
    """(open rows, closed rows) per source in priority order: model identity's flags table
    (`model_open_flags`) for a canonical model, else counted from the fact rows."""
    counts: dict[str, tuple[int, int]] = {}
    if target is not None:
        counts = evidence.open_flags(con, target)
    if not counts:
        tally: dict[str, list[int]] = {}
        for r in rows:
            tally.setdefault(r[0], [0, 0])[0 if r[3] else 1] += 1
        counts = {src: (c[0], c[1]) for src, c in tally.items()}
    return dict(sorted(counts.items(), key=lambda kv: T.rank(T.OPENNESS_PRIORITY, kv[0])))


def verify_training(con: duckdb.DuckDBPyConnection, lex: Lexicon, claim: Claim) -> None:
    model, why = model_of(claim)
    if model is None:
        return unverifiable(claim, why)
    hours = claim.kind == "training_time"
    def wanted(r: Any) -> bool:
        return r[0] in T.TRAINING_PRIORITY and (r[7] if hours else (r[5] or r[6])) is not None
    rows, network = [r for r in facts(con, model) if wanted(r)], ""
    if not rows and not hours:
        rows, network = network_rows(con, lex, model, evidence.fact_rows, wanted)
    if not rows:
        what = "training time" if hours else "training hardware"
        return unverifiable(claim, f"no source gives the {what} of {model.text}")
    r = rows[0]
    p = claim.params
    if hours:
        ok = _close(r[7], p["hours"], T.TRAINING_TIME_RELATIVE, p.get("qualifier", "exact"))
        claim.expected, claim.found = f"{fmt(p['hours'])} hours", f"{fmt(r[7])} hours"
        claim.evidence = [ev(r[7], r[0], r[8], r[9], model=r[1], field="training_time_hours")]
        claim.explanation = (f"{r[0]} gives {r[1]} {fmt(r[7])} training hours "
                             f"(tolerance {T.TRAINING_TIME_RELATIVE:.0%}).")
    else:
        gpu = entity(claim, "gpu")
        checks, parts = [], []
        if p.get("count") is not None:
            if r[6] is None:
                return unverifiable(claim, f"{r[0]} gives no hardware quantity for {r[1]}")
            checks.append(_close(r[6], p["count"], T.GPU_COUNT_RELATIVE, p.get("qualifier", "exact")))
            parts.append(f"{fmt(r[6])} chips (tolerance {T.GPU_COUNT_RELATIVE:.0%})")
        if gpu is not None:
            if r[5] is None:
                return unverifiable(claim, f"{r[0]} gives no hardware type for {r[1]}")
            checks.append(gpu.key in r[5].lower().replace(",", " ").split() or gpu.key in r[5].lower())
            parts.append(f"hardware '{r[5]}'")
        claim.expected = " x ".join(x for x in (fmt(p.get("count")) if p.get("count") else "", gpu.text if gpu else "")
                                    if x)
        claim.found = f"{fmt(r[6])} x {r[5]}"
        claim.evidence = [ev(claim.found, r[0], r[8], r[9], model=r[1], hardware=r[5], hardware_quantity=r[6])]
        ok = all(checks)
        claim.explanation = f"{r[0]} gives {r[1]}: " + ", ".join(parts) + "."
    claim.verdict = "supported" if ok else "contradicted"
    claim.explanation += network + _notes(model)


def verify_compute(con: duckdb.DuckDBPyConnection, lex: Lexicon, claim: Claim) -> None:
    """Training compute ("M x 10^E FLOP") against Epoch's `training_compute_flop`: within
    TRAINING_COMPUTE_RELATIVE, or the claim's own precision (half its last digit's unit) if wider."""
    model, why = model_of(claim)
    if model is None:
        return unverifiable(claim, why)
    def wanted(r: Any) -> bool:
        return r[0] in T.TRAINING_PRIORITY
    rows, network = [r for r in _rows(con, evidence.compute_rows, model.names) if wanted(r)], ""
    if not rows:
        rows, network = network_rows(con, lex, model, evidence.compute_rows, wanted)
    if not rows:
        return unverifiable(claim, f"no source gives the training compute of {model.text}")
    r = rows[0]
    p = claim.params
    relative = max(T.TRAINING_COMPUTE_RELATIVE, p.get("precision", 0.0))
    ok = _close(r[2], p["flop"], relative, p.get("qualifier", "exact"))
    claim.expected, claim.found = f"{p['flop']:.3g} FLOP", f"{r[2]:.3g} FLOP"
    claim.evidence = [ev(r[2], r[0], r[3], r[4], model=r[1], field="training_compute_flop")]
    claim.verdict = "supported" if ok else "contradicted"
    claim.explanation = (f"{r[0]} gives {r[1]} {r[2]:.3g} FLOP of training compute (tolerance {relative:.0%})."
                         + network + _notes(model))


def _close(found: float, value: float, relative: float, qualifier: str) -> bool:
    if qualifier == "lower":
        return found >= value
    if qualifier == "upper":
        return found <= value
    slack = relative * (2 if qualifier == "about" else 1)
    return abs(found - value) <= slack * max(abs(value), 1e-9)
