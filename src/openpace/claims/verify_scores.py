"""Score claims: every source's rows for the claim's model and variant, weighed by who measured them
(docs/claims.md, "Evidence").

The rule, in order:
1. **Which rows.** The rows of the canonical models the claim covers (`domain.variants.covered`): a
   dated snapshot only its own; a stated variant (in the name, or in the claim's context: `variant`)
   its own; a name that states neither its own rows and its base and instruct variants' rows.
2. **Which rows decide** (`domain.basis.authority`): rows whose source says who measured them
   (`authoritative`) weigh most; an uncited copy or a row of unknown basis (`secondary`) and a row its
   source marks low trust support a claim against a disagreeing authoritative row only when rows of
   another source agree too (never alone); without any authoritative row they decide.
3. **The verdict.** `supported` when a row that may support agrees within the tolerance (a leaderboard
   that observed the model several times agrees when one observation does: the claim names no date);
   `contradicted` only when none does. The explanation names the row the verdict rests on and then
   every row with its value, date, basis and variant.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import duckdb

from ..domain import basis as B
from ..domain.basis import evaluator_of, score_basis
from ..domain.benchmarks import points_scale
from ..domain.model_names import NO_THINKING_SETTING
from ..domain.variants import INSTRUCT, Variant, sole_version, covered, is_dated, is_version, support_only
from ..metrics import evidence
from . import tolerances as T
from .canonical import canonical, family_note, fmt, focus, named_model, other_models_note
from .extract import Claim
from .resolve import Lexicon, Mention
from .tables import _dated
from .verify import _expected_text, _notes, _rows, _tolerance_text, _when, cached, entity, ev, in_band, model_of, \
    unverifiable

# a month-day stamp right after a model's name in prose ("-1022", " 0513"), not followed by more digits
STAMP_AFTER_RE = re.compile(r"^[\s-](?P<m>0[1-9]|1[0-2])(?P<d>[0-3]\d)\b(?![.,]\d)")
SCALE_WORDS = {0.1: ", the bands of a ten-point scale", 0.01: ", the bands of a 0-1 scale (a fraction)"}
SHOWN_GROUPS = 8  # rows listed in an explanation (grouped by source, name and value); the evidence holds all


def claim_rows(con: duckdb.DuckDBPyConnection, lex: Lexicon, model: Mention, benches: list[str],
               stated: str | None) -> tuple[list, list, str | None, set[str], dict[str, str]]:
    """(rows the claim covers, every row of the names the mention spells, the canonical model named, the
    canonical models whose rows may support the claim but not contradict it, the covered models the name
    stands for without naming them: a release version -> "version", a sole dated snapshot -> "snapshot", a reasoning
    setting -> the setting)."""
    every = _rows(con, evidence.score_rows, model.names, benches)
    target = named_model(lex, model)
    if target is None or not lex.aliases:
        return focus(lex, model, every), every, target, set(), {}
    members = [Variant(*m) for m in cached(("family", target), lambda: evidence.family_members(con, [target]))]
    me = next((m for m in members if m.model_id == target), Variant(target, None, None, None))
    # the family's rows on the benchmark: a name without a version covers the one release version scored on it
    family_names = set().union(*(lex.aliases[1].get(m.model_id, set()) for m in members))
    family_rows = _rows(con, evidence.score_rows, sorted(family_names), benches)
    kin = covered(me, members, stated, measured={i for r in family_rows if (i := canonical(lex, r[0], r[1]))})
    if model.key.endswith(" " + NO_THINKING_SETTING):  # "(w/o extended thinking)": no thinking budget's run
        kin = [m for m in kin if m.setting in (None, NO_THINKING_SETTING)]
    ids = {m.model_id for m in kin}
    rows = [r for r in family_rows if canonical(lex, r[0], r[1]) in ids]
    sole = {m.model_id for m in kin if sole_version(m, members)}
    unnamed = {m.model_id: "version" if m.model_id in sole else "scored version"
               for m in kin if m.snapshot != me.snapshot and is_version(m.snapshot)}
    unnamed.update({m.model_id: "snapshot" for m in kin if me.snapshot is None and is_dated(m.snapshot)})
    unnamed.update({m.model_id: m.setting for m in kin if m.setting and m.setting != me.setting})
    return rows, every, target, {m.model_id for m in kin if support_only(me, m, stated, members)}, unnamed


def _stamped(lex: Lexicon, claim: Claim, model: Mention) -> tuple[Mention | None, str]:
    """A month-day stamp written right after the name in prose ("X 0513", "X-1022") names a dated
    snapshot: that snapshot when the sources name exactly one of the name with that month and day (as a
    table header's stamp, `tables`); otherwise the claim is about a snapshot no source names apart, and
    the undated name's rows are not used."""
    sentence = claim.sentence
    if sentence[model.start:model.end] != model.text or re.search(r"\d{4}-?\d{2}-?\d{2}", model.key):
        return model, ""
    stamp = STAMP_AFTER_RE.match(sentence[model.end:])
    if stamp is None:
        return model, ""
    written = f"{model.text}{stamp.group(0)}"
    dated = _dated(lex, model.key, stamp.group("m") + stamp.group("d"))
    if dated is None:
        return None, (f"'{written}' names a dated snapshot that no source names apart from {model.text}; "
                      f"the undated name's rows are not used")
    return Mention("model", model.start, model.end + stamp.end(), written, dated, lex.group(dated),
                   note=f"'{written}': the dated snapshot '{dated}'", spelled=set(lex.models[dated])), ""


def _authority(r: tuple) -> str:
    return B.authority(r[0], r[2], r[5], r[9], r[8])


def _order(r: tuple) -> tuple[int, int]:
    """Source priority first, then the latest observation first."""
    return T.rank(T.SCORE_PRIORITY, r[0]), -_when(r).toordinal()


def verify_score(con: duckdb.DuckDBPyConnection, lex: Lexicon, claim: Claim) -> None:
    model, why = model_of(claim)
    bench = entity(claim, "benchmark")
    if model is None or bench is None:
        return unverifiable(claim, why or "no benchmark named")
    dated, why = _stamped(lex, claim, model)
    if dated is None:
        return unverifiable(claim, why)
    if dated is not model:  # the claim is about the snapshot: its entity says so
        claim.entities = [dated if e is model else e for e in claim.entities]
        model = dated
    p = claim.params
    benches = sorted(lex.benchmarks.get(bench.key, ()))
    stated = p.get("variant")
    rows, every, target, lenient, unnamed = claim_rows(con, lex, model, benches, stated) if benches else \
        ([], [], None, set(), {})
    if not rows:
        return unverifiable(claim, f"no source has a {bench.text} score for {model.text}"
                            + (f" ({stated} model)" if stated else "") + family_note(con, lex, model, bench)
                            + _other_variants(lex, every, target) + (f" ({note})" if (note := lex.variant_note(bench.text)) else ""))
    unit = rows[0][4]
    if unit == "percent" and not p.get("percent") and 0 < p["value"] < 1 and (p.get("high") or 0) <= 1:
        # a bare number below 1 on a percent benchmark is a fraction ("0.NNN" = NN.N%)
        p["value"] *= 100
        if p.get("high") is not None:
            p["high"] *= 100
    if unit == "percent" and max(p["value"], p.get("high") or 0) > 100:
        return unverifiable(claim, f"{fmt(p['value'])} cannot be a {bench.text} percentage")
    elo = unit == "elo"
    # the percent bands are shares of a 100-point scale: on a ten-point scale (MT-bench) a tenth of them
    share = 1.0 if elo else points_scale(unit, evidence.score_top(con, benches, unit)) / 100.0
    if share == 0.01 and (p.get("percent") or p["value"] > 1) and max(p["value"], p.get("high") or 0) <= 100:
        # a fraction scale (0.NNN) and a percentage written for it ("95.6%"): the claim as the fraction
        p["value"] /= 100
        if p.get("high") is not None:
            p["high"] /= 100
    tol = (T.ELO_EXACT_POINTS, T.ELO_ABOUT_POINTS, T.ELO_ABOUT_POINTS) if elo else \
        (T.SCORE_EXACT_POINTS * share, T.SCORE_ABOUT_POINTS * share, T.SCORE_NEARLY_POINTS * share)
    agrees = lambda r: in_band(r[3], claim, *tol)  # noqa: E731
    # a row of a setting the text did not name ("<Bench>" written, "<Bench> (unguided)" scored) may support the
    # claim, never contradict it: the text may mean another setting (domain.benchmarks.setting_bases)
    if bench.key in lex.setting_keys and not any(agrees(r) for r in rows):
        settings = sorted({r[2] for r in rows})
        unverifiable(claim, f"the sources score {bench.text} only as {', '.join(settings)}, and the text names no "
                            f"setting: a row of that setting may support the claim but not contradict it. Every row: "
                            f"{_shown(lex, rows, agrees, target)}.")
        claim.expected, claim.evidence = _expected_text(p), _evidence(lex, rows, agrees, target)
        return None
    other = "only the name without a variant has one (by convention the pre-trained model), and the text states " \
        "the instruct model" if stated == INSTRUCT else ""
    chosen, why = decide(rows, agrees, lambda r: canonical(lex, r[0], r[1]) not in lenient
                         and bench.key not in lex.setting_keys, other)
    claim.expected = _expected_text(p)
    claim.evidence = _evidence(lex, rows, agrees, target)
    if chosen is None:
        claim.verdict = "unverifiable"
        claim.explanation = (f"no source has a {bench.text} score for {model.text} itself; {why} Every row: "
                             f"{_shown(lex, rows, agrees, target)}." + _notes(model))
        return
    claim.found = chosen[3]
    claim.verdict = "supported" if agrees(chosen) else "contradicted"
    if model.how == "series" and claim.verdict == "contradicted":
        # a series names several models: one member's row may support the claim, never contradict it (the text
        # may mean another member, one no source scores)
        claim.verdict = "unverifiable"
        claim.explanation = (f"'{model.text}' names a series, and a member's row may support a claim about it but "
                             f"not contradict it: {chosen[0]} gives {chosen[1]} {fmt(chosen[3])} on {chosen[2]}; the "
                             f"claim says {claim.expected}. Every row: {_shown(lex, rows, agrees, target)}."
                             + _notes(model))
        return
    split = any(agrees(r) for r in rows) and not all(agrees(r) for r in rows)
    claim.explanation = (f"{chosen[0]} gives {chosen[1]} {fmt(chosen[3])} on {chosen[2]} ({_basis_words(chosen)}); "
                         f"the claim says {claim.expected} ({_tolerance_text(p, tol, elo)}"
                         f"{SCALE_WORDS.get(share, '')})." + why
                         + _variant_note(lex, model, chosen, target, unnamed)
                         + (" Sources disagree." if split else "")
                         + f" Every row: {_shown(lex, rows, agrees, target)}."
                         + other_models_note(lex, [r for r in every if r not in rows], chosen, agrees)
                         + _notes(model))


def decide(rows: list, agrees: Any, may_contradict: Any, other: str = "") -> tuple[tuple | None, str]:
    """The row the verdict rests on (it agrees: supported; it does not: contradicted; None: unverifiable),
    and why, when the weight or the variant of the rows mattered (docs/claims.md, "Evidence"); `other`: which
    other variant's rows these are, when none may contradict."""
    ordered = sorted(rows, key=_order)
    strong = [r for r in ordered if _authority(r) == B.AUTHORITATIVE]
    strong_ok = [r for r in strong if agrees(r)]
    if strong_ok:
        return strong_ok[0], ""
    weak_ok = [r for r in ordered if _authority(r) != B.AUTHORITATIVE and agrees(r)]
    own = [r for r in ordered if may_contradict(r)]
    strong_own = [r for r in strong if may_contradict(r)]
    sources = len({r[0] for r in weak_ok})
    if weak_ok and not strong_own:
        return weak_ok[0], (" No row of this model that says who measured it disagrees, so an uncited copy or a "
                            "row marked low trust decides.")
    if sources >= B.CORROBORATING_SOURCES:
        return weak_ok[0], (f" No row that says who measured it agrees, but rows of {sources} sources do (an "
                            "uncited copy or a row marked low trust, each corroborated by another).")
    if not own:
        return None, (other or "only its instruct model has one, and the text names no variant") + \
            ": another variant's figure may support the claim, never contradict it."
    if weak_ok:
        return strong_own[0], (" Only an uncited copy or a row marked low trust agrees, and such a row never "
                               "supports a claim alone against a row that says who measured it.")
    if not strong_own:
        return own[0], " No row of this model says who measured the score: the other rows decide."
    return strong_own[0], ""


def _variant_note(lex: Lexicon, model: Mention, chosen: tuple, target: str | None, unnamed: dict[str, str]) -> str:
    """When the verdict rests on another canonical model than the one named: a variant the text did not
    name (base or instruct), the name's one release version (or the one scored on the benchmark), or a
    reasoning setting the text did not name."""
    mid = canonical(lex, chosen[0], chosen[1])
    if not target or not mid or mid == target:
        return ""
    if unnamed.get(mid) == "version":
        return f" '{model.text}' has one release version in the sources; this row is {mid}'s."
    if unnamed.get(mid) == "scored version":
        return (f" '{model.text}' names no release version, and {mid} is the only one of its variant with a score on "
                f"this benchmark in the sources; this row is {mid}'s.")
    if unnamed.get(mid) == "snapshot":
        return (f" '{model.text}' names no date, every row of it on this benchmark is its family's one dated snapshot's, "
                f"and the name stands for that snapshot; this row is {mid}'s.")
    if mid in unnamed:
        return (f" '{model.text}' names no reasoning setting, so the rows of each setting count (runs of the same "
                f"model); this row is {mid}'s (setting {unnamed[mid]}).")
    return (f" '{model.text}' names no variant, so its base and instruct models' rows count; this row is "
            f"{mid}'s.")


def _basis_words(r: tuple) -> str:
    """"independent: Stanford HELM", "self-reported", "self-reported, uncited copy", "low trust"."""
    basis = score_basis(r[0], r[2], r[5], r[9]).replace("_", "-")
    who = evaluator_of(r[0], r[2], r[5], r[9])
    words = f"{basis}: {who}" if who else basis
    weight = _authority(r)
    if weight == B.SECONDARY:
        words += ", an uncited copy" if basis != B.UNKNOWN else ""
    elif weight == B.LOW_TRUST:
        words += ", marked low trust by its source"
    return words


def _variant_words(lex: Lexicon, r: tuple, target: str | None) -> str:
    mid = canonical(lex, r[0], r[1])
    return f"; as {mid}" if mid and target and mid != target else ""


def _shown(lex: Lexicon, rows: list, agrees: Any, target: str | None) -> str:
    """Every row, grouped by source, name and value: value, dates, basis, variant, whether it agrees."""
    groups: dict[tuple, list] = {}
    for r in sorted(rows, key=_order):
        groups.setdefault((r[0], r[1], r[3]), []).append(r)
    parts = []
    for (src, name, value), rs in list(groups.items())[:SHOWN_GROUPS]:
        dates = sorted(_when(r) for r in rs if _when(r) != date.min)
        when = ("undated" if not dates else dates[0].isoformat() if dates[0] == dates[-1]
                else f"{len(rs)} observations {dates[0].isoformat()} to {dates[-1].isoformat()}")
        parts.append(f"{src} {name} {fmt(value)} ({when}; {_basis_words(rs[0])}{_variant_words(lex, rs[0], target)}) "
                     f"{'agrees' if agrees(rs[0]) else 'disagrees'}")
    more = len(groups) - SHOWN_GROUPS
    return "; ".join(parts) + (f"; and {more} more in the evidence" if more > 0 else "")


def _evidence(lex: Lexicon, rows: list, agrees: Any, target: str | None) -> list[dict]:
    """Every row the claim covers: authoritative ones first, agreeing ones first, then by source priority."""
    order = sorted(rows, key=lambda r: (_authority(r) != B.AUTHORITATIVE, not agrees(r), _order(r)))
    return [ev(r[3], r[0], r[5], r[7] or r[6], model=r[1], benchmark=r[2], unit=r[4],
               basis=score_basis(r[0], r[2], r[5], r[9]), authority=_authority(r), agrees=agrees(r),
               **({"model_id": mid} if (mid := canonical(lex, r[0], r[1])) and mid != target else {}),
               **({"low_trust": True} if r[8] == -1 else {})) for r in order]


def _other_variants(lex: Lexicon, every: list, target: str | None) -> str:
    """Rows of the name's other canonical models (another variant or snapshot), named and not used."""
    others = sorted({(mid, r[0], r[1], r[3]) for r in every if (mid := canonical(lex, r[0], r[1])) not in (None, target)})
    if not others or target is None:
        return ""
    shown = ", ".join(f"{mid}: {fmt(v)} ({src} {name})" for mid, src, name, v in others[:3])
    return f"; the name's other models have scores, not used (another variant or snapshot): {shown}"
