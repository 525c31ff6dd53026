"""Verdicts for model claims (scores, comparisons, release dates, open weights, training facts),
each from warehouse rows with provenance, with the tolerances of `tolerances.py`.

The rule every verifier keeps: no rows, no verdict other than `unverifiable`.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta
from typing import Any

import duckdb

from . import tolerances as T
from .extract import Claim
from .resolve import Lexicon, Mention


def ev(value: Any, source: str, origin: str, when: date | None, **extra: Any) -> dict:
    """One evidence row: the value compared, and where it comes from."""
    return {"value": value, "source": source, "origin": origin, "date": when.isoformat() if when else None, **extra}


def unverifiable(claim: Claim, why: str) -> None:
    claim.verdict, claim.explanation, claim.evidence = "unverifiable", why, []


def fmt(value: float | None) -> str:
    if value is None:
        return "?"
    return f"{value:,.0f}" if abs(value) >= 1000 else f"{value:g}"


def entity(claim: Claim, type_: str) -> Mention | None:
    return next((e for e in claim.entities if e.type == type_), None)


def model_of(claim: Claim) -> tuple[Mention | None, str | None]:
    """The claim's model, or why it cannot be checked."""
    model = entity(claim, "model")
    if model is None:
        return None, "no model is named for this figure"
    if model.how == "ambiguous":
        return None, f"the model is ambiguous ({model.note}); not guessing"
    return model, None


def _rows(con: duckdb.DuckDBPyConnection, sql: str, names: list[tuple[str, str]], extra: list | None = None) -> list:
    """Rows of a query whose `{names}` placeholder selects (source, model name) pairs."""
    if not names:
        return []
    wanted = set(names)
    plain = sorted({n for _, n in names})
    rows = con.execute(sql.format(names=",".join("?" * len(plain))), plain + (extra or [])).fetchall()
    return [r for r in rows if (r[0], r[1]) in wanted]


def in_band(found: float, claim: Claim, exact: float, about: float, nearly: float) -> bool:
    """Does `found` satisfy the claimed figure with its qualifier ("over", "about", a range ...)?"""
    p = claim.params
    value, high, qualifier = p["value"], p.get("high"), p.get("qualifier", "exact")
    if qualifier == "lower":
        return found >= value
    if qualifier == "upper":
        return found <= value
    if qualifier == "about":
        return abs(found - value) <= about
    if qualifier == "nearly":
        return value - nearly <= found <= value + exact
    if qualifier == "range" and high is not None:
        return value - exact <= found <= high + exact
    return abs(found - value) <= exact


def by_priority(rows: list, priority: tuple[str, ...], source_at: int = 0) -> dict[str, list]:
    grouped: dict[str, list] = defaultdict(list)
    for row in rows:
        grouped[row[source_at]].append(row)
    return dict(sorted(grouped.items(), key=lambda kv: T.rank(priority, kv[0])))


def disagreement(groups: dict[str, list], top: str, agrees, show) -> str:
    """' Sources disagree: X says a, Y says b.' when lower-priority sources reach another verdict."""
    top_ok = any(agrees(r) for r in groups[top])
    others = [f"{src} says {show(rs[0])}" for src, rs in groups.items()
              if src != top and any(agrees(r) for r in rs) != top_ok]
    if not others:
        return ""
    return f" Sources disagree: {top} says {show(groups[top][0])}, {'; '.join(others)}; the verdict follows {top} " \
           f"(source priority)."


# ---------------------------------------------------------------------------- scores
SCORE_SQL = """SELECT source, model_name, benchmark, score, unit, origin, observed, evaluated_date, trust
               FROM scores WHERE model_name IN ({names}) AND benchmark IN ({benches})"""


def _scores(con, lex: Lexicon, model: Mention, bench: Mention) -> list:
    benches = sorted(lex.benchmarks.get(bench.key, ()))
    if not benches:
        return []
    sql = SCORE_SQL.replace("{benches}", ",".join("?" * len(benches)))
    return _rows(con, sql, model.names, benches)


def verify_score(con, lex: Lexicon, claim: Claim) -> None:
    model, why = model_of(claim)
    bench = entity(claim, "benchmark")
    if model is None or bench is None:
        return unverifiable(claim, why or "no benchmark named")
    p = claim.params
    rows = _scores(con, lex, model, bench)
    if not rows:
        return unverifiable(claim, f"no source has a {bench.text} score for {model.text}")
    if rows[0][4] == "percent" and not p.get("percent") and p["value"] <= 1 and p.get("decimals", 0) >= 2:
        p["value"] *= 100  # "0.778" written as a fraction
    if rows[0][4] == "percent" and max(p["value"], p.get("high") or 0) > 100:
        return unverifiable(claim, f"{fmt(p['value'])} cannot be a {bench.text} percentage")
    elo = rows[0][4] == "elo"
    tol = (T.ELO_EXACT_POINTS, T.ELO_ABOUT_POINTS, T.ELO_ABOUT_POINTS) if elo else \
        (T.SCORE_EXACT_POINTS, T.SCORE_ABOUT_POINTS, T.SCORE_NEARLY_POINTS)
    groups = by_priority(rows, T.SCORE_PRIORITY)
    top = next(iter(groups))
    agrees = lambda r: in_band(r[3], claim, *tol)  # noqa: E731
    chosen = next((r for r in groups[top] if agrees(r)), groups[top][0])
    claim.expected = _expected_text(p)
    claim.found = chosen[3]
    claim.evidence = [ev(r[3], r[0], r[5], r[7] or r[6], model=r[1], benchmark=r[2], unit=r[4],
                         **({"low_trust": True} if r[8] == -1 else {})) for rs in groups.values() for r in rs]
    claim.verdict = "supported" if agrees(chosen) else "contradicted"
    unit = "" if elo else " points"
    claim.explanation = (f"{chosen[0]} gives {chosen[1]} {fmt(chosen[3])} on {chosen[2]}; the claim says "
                         f"{claim.expected} (tolerance {tol[0]:g}{unit} for an exact figure)."
                         + disagreement(groups, top, agrees, lambda r: fmt(r[3])) + _notes(model))
    if chosen[8] == -1:
        claim.explanation += " Epoch marks this row as low trust."


def _expected_text(p: dict) -> str:
    value, q = fmt(p["value"]), p.get("qualifier", "exact")
    if q == "range":
        return f"{value}-{fmt(p.get('high'))}"
    return {"lower": f">= {value}", "upper": f"<= {value}", "about": f"about {value}",
            "nearly": f"nearly {value}"}.get(q, value)


def _notes(model: Mention) -> str:
    return f" {model.note}." if model.note else ""


def verify_comparison(con, lex: Lexicon, claim: Claim) -> None:
    models = [e for e in claim.entities if e.type == "model"]
    bench = entity(claim, "benchmark")
    if len(models) < 2 or bench is None or any(m.how == "ambiguous" for m in models):
        return unverifiable(claim, "a comparison needs two resolved models and a benchmark")
    a_rows, b_rows = (by_priority(_scores(con, lex, m, bench), T.SCORE_PRIORITY) for m in models[:2])
    if not a_rows or not b_rows:
        missing = models[0] if not a_rows else models[1]
        return unverifiable(claim, f"no source has a {bench.text} score for {missing.text}")
    common = [s for s in a_rows if s in b_rows]
    src_a = common[0] if common else next(iter(a_rows))
    src_b = common[0] if common else next(iter(b_rows))
    a, b = a_rows[src_a][0], b_rows[src_b][0]
    diff = a[3] - b[3]
    p = claim.params
    relation = p["relation"]
    if relation == "within":
        limit = p.get("points")
        ok = limit is not None and abs(diff) <= limit + T.COMPARE_SLACK_POINTS
        claim.expected = f"|difference| <= {fmt(limit)}"
    elif relation == "tie":
        ok, claim.expected = abs(diff) <= T.SCORE_EXACT_POINTS, "equal"
    else:
        ok = diff > 0 if relation == "ahead" else diff < 0
        claim.expected = f"{models[0].text} {'above' if relation == 'ahead' else 'below'} {models[1].text}"
        if p.get("by") is not None:
            ok = ok and abs(abs(diff) - p["by"]) <= T.SCORE_EXACT_POINTS
            claim.expected += f" by {fmt(p['by'])}"
    claim.found = round(diff, 3)
    claim.evidence = [ev(r[3], r[0], r[5], r[7] or r[6], model=r[1], benchmark=r[2]) for r in (a, b)]
    claim.verdict = "supported" if ok else "contradicted"
    same = "" if common else " (no source scores both; each model's own priority source is used)"
    claim.explanation = (f"{a[1]} {fmt(a[3])} ({a[0]}) vs {b[1]} {fmt(b[3])} ({b[0]}) on {a[2]}: difference "
                         f"{diff:+.2f}{same}." + _notes(models[0]) + _notes(models[1]))


# ---------------------------------------------------------------------------- model facts
FACT_SQL = """SELECT source, name, release_date, open_weights, accessibility, hardware, hardware_quantity,
                     training_time_hours, origin, observed, organization
              FROM model_facts WHERE name IN ({names})"""


def facts(con, model: Mention) -> list:
    return _rows(con, FACT_SQL, model.names)


def verify_release(con, lex: Lexicon, claim: Claim) -> None:
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
    groups = by_priority(rows, T.RELEASE_PRIORITY)
    top = next(iter(groups))
    first = min(groups[top], key=lambda r: r[2])  # the earliest date a source gives is the release
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


def verify_open(con, lex: Lexicon, claim: Claim) -> None:
    model, why = model_of(claim)
    if model is None:
        return unverifiable(claim, why)
    rows = [r for r in facts(con, model) if r[3] is not None]
    if not rows:
        return unverifiable(claim, f"no source says whether {model.text}'s weights are open")
    groups = by_priority(rows, T.OPENNESS_PRIORITY)
    top = next(iter(groups))
    chosen = groups[top][0]
    claimed = claim.params["open"]
    agrees = lambda r: bool(r[3]) == claimed  # noqa: E731
    claim.expected = "open weights" if claimed else "closed weights"
    claim.found = "open weights" if chosen[3] else "closed weights"
    claim.verdict = "supported" if agrees(chosen) else "contradicted"
    claim.evidence = [ev(r[4] or ("open" if r[3] else "closed"), r[0], r[8], r[9], model=r[1], open_weights=r[3])
                      for rs in groups.values() for r in rs[:2]]
    timing = (" The sources record access as of their own date, not the release day; Epoch's accessibility is its "
              "classification at release." if claim.params.get("at_release") else "")
    claim.explanation = (f"{top} classifies {chosen[1]} as '{chosen[4] or claim.found}'." + timing
                         + disagreement(groups, top, agrees, lambda r: r[4] or str(r[3])) + _notes(model))


def verify_training(con, lex: Lexicon, claim: Claim) -> None:
    model, why = model_of(claim)
    if model is None:
        return unverifiable(claim, why)
    hours = claim.kind == "training_time"
    rows = [r for r in facts(con, model) if r[0] in T.TRAINING_PRIORITY
            and (r[7] if hours else (r[5] or r[6])) is not None]
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
    claim.explanation += _notes(model)


def _close(found: float, value: float, relative: float, qualifier: str) -> bool:
    if qualifier == "lower":
        return found >= value
    if qualifier == "upper":
        return found <= value
    slack = relative * (2 if qualifier == "about" else 1)
    return abs(found - value) <= slack * max(abs(value), 1e-9)
