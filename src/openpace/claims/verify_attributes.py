"""Verify attribute claims (parameters, training tokens, context window, output limit, GPU-hours,
GPU count, training hardware) against every source's value (`metrics.facts.attribute_evidence`).

The rule (docs/claims.md, "Evidence"): every source's rows for every canonical model the claim
covers are gathered and shown; the claim is supported when some value agrees at the precision
written (or within the bound its qualifier sets), contradicted when values exist and none agrees,
unverifiable when no source has a value. A series named without a size ("Kestrel 3 saw more than
9 trillion tokens in pre-training") is supported when one of its models agrees, and the
explanation names the models that do not; a "total" over a series needs every size's value. A family name that
is no series and has no value of its own is decided by the one model it heads that has a value (`_as_family_head`).
"""

from __future__ import annotations

import calendar
import re
from collections import defaultdict
from datetime import date
from typing import TYPE_CHECKING, Any

import duckdb

from ..domain.providers import HOST_CORROBORATION, provider_key, serving_role
from ..domain.variants import NETWORK_FACTS
from ..metrics.evidence import family_members
from ..metrics.facts import FactEvidence, attribute_evidence
from ..metrics.prices import model_lab_keys
from . import tolerances as T
from .attributes import Target
from .canonical import NETWORK_NOTE, fmt, kin_ids, network_ids
from .resolve import norm_name
from .verify import verify_training

if TYPE_CHECKING:
    from .extract import Claim
    from .resolve import Lexicon

WHAT = {"parameters_total": "parameter count", "parameters_active": "active parameter count",
        "training_tokens": "training tokens", "context_window": "context window", "output_limit": "output limit",
        "gpu_hours": "GPU-hours", "knowledge_cutoff": "knowledge cut-off", "hardware_quantity": "training chip count", "training_hardware": "training hardware"}
# attributes a text states that no source records (`attributes.KINDS`): unverifiable, never checked against another
# attribute's rows (a non-embedding count is below the total by the embedding matrices)
UNRECORDED = {"parameters_non_embedding": "no source records a non-embedding parameter count (only total and active "
                                          "parameters); the total's rows are not its rows"}
# written "<N>K" / "<N>M" context windows are often binary (N x 1,024; N x 1,048,576)
BINARY = {"context_window": (1.0, 1.024, 1.048576), "output_limit": (1.0, 1.024, 1.048576)}
# attributes a host serves rather than the model has: a third-party host's value is its serving cap
# (`domain.providers.serving_role`), decided by the model's own and first-party rows (`_served`)
SERVED = ("context_window",)


SHOWN_ROWS = 6  # source values listed in an explanation; the evidence holds all
NOTE_CHARS = 60  # a source's note on how it states a value, cut in the explanation (whole in the evidence)


def _shown(e: FactEvidence) -> str:
    """One source's value with its date and basis: "<source> <name>: <value> (<date>; <how stated>)"."""
    value = e.value if isinstance(e.value, str) else fmt(e.value)
    how = "stated by the source" if e.note is None else (
        e.note if len(e.note) <= NOTE_CHARS else e.note[:NOTE_CHARS].rstrip() + "…")
    return f"{e.source} {e.source_name}: {value} ({e.observed.isoformat() if e.observed else 'undated'}; {how})"


def _unverifiable(claim: Claim, why: str) -> None:
    claim.verdict, claim.explanation, claim.evidence = "unverifiable", why, []


def _usable(attribute: str, e: FactEvidence) -> bool:
    if e.value is None:
        return False
    if attribute == "knowledge_cutoff":
        return isinstance(e.value, str) and bool(re.fullmatch(r"\d{4}(?:-\d{2}){0,2}", e.value))
    if (e.note or "").startswith("derived:"):
        return False  # chips x hours is an upper estimate, not a figure a source states: it decides nothing
    if attribute == "training_hardware":
        return isinstance(e.value, str)
    if attribute == "training_tokens" and e.unit not in ("tokens", "token"):
        return False  # Epoch's dataset size is sometimes words or images: only tokens count
    return isinstance(e.value, (int, float))


def _band(p: dict[str, Any]) -> tuple[float, float]:
    """The interval of values the claim allows."""
    value, high, prec, q = p["value"], p.get("high"), p["precision"], p.get("qualifier", "exact")
    about = max(prec, value * T.ATTRIBUTE_ABOUT_RELATIVE)
    if p.get("attribute") == "hardware_quantity":
        prec = max(prec, value * T.GPU_COUNT_RELATIVE)
    if high is not None:
        return value - prec, high + prec
    return {"lower": (value, float("inf")), "upper": (0.0, value + prec), "about": (value - about, value + about),
            "nearly": (value - about, value + prec)}.get(q, (value - prec, value + prec))


def _agrees(attribute: str, p: dict[str, Any], found: float) -> bool:
    lo, hi = _band(p)
    return any(lo * f <= found <= hi * f for f in BINARY.get(attribute, (1.0,)))


def _row(mid: str, e: FactEvidence) -> dict[str, Any]:
    return {"value": e.value, "unit": e.unit, "source": e.source, "origin": e.origin,
            "date": e.observed.isoformat() if e.observed else None, "model": e.source_name, "model_id": mid,
            "field": e.field, "basis": "stated by the source" if e.note is None else e.note, "hosts": list(e.hosts)}


def usable_evidence(con: duckdb.DuckDBPyConnection, lex: Lexicon, mid: str, attribute: str) -> list[FactEvidence]:
    """Every source's usable value of a model's attribute (also read by ratio claims, `ratios.py`)."""
    key = (mid, attribute)
    if key not in lex.facts:  # the lexicon lives as long as the warehouse state: its facts too
        lex.facts[key] = attribute_evidence(con, mid, attribute)
    return [e for e in lex.facts[key] if _usable(attribute, e)]


def _gather(con: duckdb.DuckDBPyConnection, lex: Lexicon, ids: list[str], attribute: str) -> dict[str, list[FactEvidence]]:
    """Every source's usable values of the attribute, per canonical model."""
    by_model: dict[str, list[FactEvidence]] = defaultdict(list)
    for mid in ids:
        by_model[mid] += usable_evidence(con, lex, mid, attribute)
    return by_model


def _as_series(lex: Lexicon, target: Target) -> Target | None:
    """A model named without a size that is also a series' name, as that series (every sized model)."""
    if target.how != "model":
        return None
    keys = lex.series.keys(norm_name(target.label))
    ids = sorted({i for k in keys for members in lex.series.sizes(k).values() for i in members} - set(target.ids))
    if not ids:
        return None
    return Target(target.label, ids, "series", series=keys[0],
                        note=f"'{target.label}' has no value of its own; as a series: every model of it ({len(ids)})")


def _as_kin(lex: Lexicon, target: Target) -> Target | None:
    """A model with no value of its own, as the other names of one identity with it (`canonical.kin_ids`: the same
    words in another order, the dated id a catalogue's entry of that display name carries; never a floating
    alias), its own ids kept."""
    fixed, _moving = kin_ids(lex, norm_name(target.label), target.ids)
    if not fixed:
        return None
    return Target(target.label, sorted({*target.ids, *fixed}), "model",
                  note=(f"{target.note}; " if target.note else "") + f"'{target.label}' is read with "
                  f"{', '.join(fixed[:3])}: one model (the same words in another order, or the id a catalogue's "
                  "entry of that name carries)")


def _one_network(con: duckdb.DuckDBPyConnection, lex: Lexicon, target: Target, attribute: str) -> Target | None:
    """A fact of the trained network (`domain.variants.NETWORK_FACTS`): the target's ids with the other variant of
    each one's network ("<X> Instruct" reads <X>'s parameter count, "<X>" its instruct model's), when those
    hold a value; None otherwise."""
    if attribute not in NETWORK_FACTS or target.how != "model" or not target.ids:
        return None
    with_value = [mid for mid, es in _gather(con, lex, network_ids(con, target.ids), attribute).items() if es]
    if not with_value:
        return None
    return Target(target.label, sorted({*target.ids, *with_value}), "model", series=target.series,
                  fallback=target.fallback,
                  note=(f"{target.note}; " if target.note else "") + f"read with {', '.join(with_value[:3])}: {NETWORK_NOTE}")


# the words a headed id adds that make it another version: a bare version number ("N", "N.M"), not a size ("NNb") nor
# a date stamp ("MMYY", "YYYY-MM-DD")
NEXT_VERSION_RE = re.compile(r"v?\d{1,2}(?:\.\d+)?(?:-|$)")
HEADED_MAX = 40  # models a family name may head before the rule gives up (a name heading more is a whole line-up)


def _as_family_head(con: duckdb.DuckDBPyConnection, lex: Lexicon, target: Target,
                    attribute: str) -> tuple[Target | None, str]:
    """A model named without a size or tier that has no value of its own and whose id heads other canonical models'
    ids ("<family>-2" before "<family>-2-large", "<family>-2-mini"): the one model among them (its variants and
    snapshots together: one identity family) that has a value stands for it; when several have one, none does (the
    name may mean any of them). Returns the target, or None and why not."""
    if target.how != "model" or not lex.aliases or not target.ids:
        return None, ""
    heads = tuple(f"{i}-" for i in target.ids)
    # a later version of the name ("<family>-large-2" after "<family>-large") is another model, never a member
    headed = sorted(i for i in lex.aliases[1] if i.startswith(heads) and i not in target.ids
                    and not any(i.startswith(h) and NEXT_VERSION_RE.match(i[len(h):]) for h in heads))
    if not headed or len(headed) > HEADED_MAX:
        return None, ""
    with_value = [mid for mid, es in _gather(con, lex, headed, attribute).items() if es]
    if not with_value:
        return None, ""
    family = {m.model_id: m.family or m.model_id for m in family_members(con, with_value)}
    families = sorted({family.get(mid, mid) for mid in with_value})
    if len(families) > 1:
        return None, (f"'{target.label}' has no value of its own, and several models it names the family of have one: "
                      f"{', '.join(families[:4])}")
    ids = sorted(mid for mid in with_value)
    return Target(target.label, ids, "model", note=f"'{target.label}' has no value of its own; of the models it "
                  f"names the family of, only {families[0]} has one"), ""


def verify_attribute(con: duckdb.DuckDBPyConnection, lex: Lexicon, claim: Claim) -> None:
    p = claim.params
    target = p.get("target")
    attribute = p["attribute"]
    what = WHAT.get(attribute, attribute)
    if attribute in UNRECORDED:
        return _unverifiable(claim, UNRECORDED[attribute])
    if target is None:
        return _unverifiable(claim, "no model is named for this figure")
    if not target.ids:
        return _unverifiable(claim, target.note or f"'{target.label}' is not a model any source names")
    if (network := _one_network(con, lex, target, attribute)) is not None:
        # an instruct model's parameter count is its base model's, and back (docs/claims.md, "One trained network")
        target = network
        p["target"] = target
    by_model = _gather(con, lex, target.ids, attribute)
    rows = [(mid, e) for mid, es in by_model.items() for e in es]
    if not rows and target.fallback:
        # the series' sized model has no value; the name written is itself a model the size describes
        named = Target(target.label, target.fallback, "model",
                       note=f"the series' sized model has no value; '{target.label}' as the model "
                            f"{', '.join(target.fallback[:4])}")
        target, by_model = named, _gather(con, lex, named.ids, attribute)
        p["target"] = target
        rows = [(mid, e) for mid, es in by_model.items() for e in es]
    if not rows and target.how == "model" and (same := _as_kin(lex, target)) is not None:
        # the name's other spellings of one identity ("<family> <tier> N" = "<family> N <tier>", the dated id a
        # catalogue's entry of that display name carries): docs/claims.md, "One model, several names"
        target, by_model = same, _gather(con, lex, same.ids, attribute)
        rows = [(mid, e) for mid, es in by_model.items() for e in es]
        if rows:
            p["target"] = target
    if not rows and (wider := _as_series(lex, target)) is not None:
        # a family name with no value of its own ("<Family> 2" as one canonical model): its sized models',
        # as for a series named without a size (supported when one agrees, the others named)
        target, by_model = wider, _gather(con, lex, wider.ids, attribute)
        p["target"] = target
        rows = [(mid, e) for mid, es in by_model.items() for e in es]
    why_not = ""
    if not rows:
        # a family named without a size or tier: the one model it heads that has a value (docs: "Bare family names")
        headed, why_not = _as_family_head(con, lex, target, attribute)
        if headed is not None:
            target, by_model = headed, _gather(con, lex, headed.ids, attribute)
            p["target"] = target
            rows = [(mid, e) for mid, es in by_model.items() for e in es]
    if not rows:
        return _unverifiable(claim, f"no source gives the {what} of {target.label}"
                             + (f" ({target.note})" if target.note else "") + (f"; {why_not}" if why_not else ""))
    claim.evidence = [_row(mid, e) for mid, e in rows]
    shown = "; ".join(_shown(e) for _, e in rows[:SHOWN_ROWS]) + (
        f"; and {len(rows) - SHOWN_ROWS} more in the evidence" if len(rows) > SHOWN_ROWS else "")
    if attribute == "training_hardware":
        # the chip written is a whole run of tokens of the source's hardware ("<chip>1" is not "<chip>10")
        chip = re.compile(rf"(?<![\w-]){re.escape(p['hardware'])}(?![\w])")
        agreeing = [(mid, e) for mid, e in rows if chip.search(str(e.value).lower())]
        claim.expected, claim.found = p["hardware"], (agreeing or rows)[0][1].value
        claim.verdict = "supported" if agreeing else "contradicted"
        others = sorted({mid for mid, _ in rows} - {mid for mid, _ in agreeing})
        tail = (f" Not every model of the series agrees: {', '.join(others[:4])}." if agreeing and others
                and target.how == "series" else "")
        claim.explanation = f"{what} of {target.label}: {shown}.{tail}"
        return None
    if attribute == "knowledge_cutoff":
        return _cutoff(claim, target, rows, what, shown)
    if p.get("total") and target.how == "series":
        return _total(con, lex, claim, target, attribute, what, shown)
    lo, hi = _band(p)
    host_note = ""
    if attribute in SERVED:
        rows, host_note = _served(con, claim, rows, attribute, what)
        if not rows:  # unverifiable: what the name was read as still belongs to the explanation
            claim.explanation += f" {target.note}." if target.note else ""
            return None
    agreeing = [(mid, e) for mid, e in rows if _agrees(attribute, p, float(e.value))]
    claim.expected = fmt(p["value"]) + (f"–{fmt(p['high'])}" if p.get("high") is not None else "")
    claim.found = fmt(float((agreeing or rows)[0][1].value))
    rule = (f"holds from {fmt(lo)} to {fmt(hi)}" if hi != float("inf") else f"holds from {fmt(lo)} up")
    if p.get("high") is not None and target.how == "series":
        return _range(claim, target, rows, attribute, what, shown, rule)
    claim.verdict = "supported" if agreeing else "contradicted"
    others = sorted({mid for mid, _ in rows} - {mid for mid, _ in agreeing})
    tail = (f" Not every model of the series agrees: {', '.join(others[:4])}." if agreeing and others
            and target.how == "series" else "")
    claim.explanation = f"{what} of {target.label} ({rule}, at the precision written): {shown}.{tail}" + \
        (f" {target.note}." if target.note else "") + host_note


def _served(con: duckdb.DuckDBPyConnection, claim: Claim, rows: list[tuple[str, FactEvidence]], attribute: str,
            what: str) -> tuple[list[tuple[str, FactEvidence]], str]:
    """The rows that decide a claim about a limit hosts serve (a context window): the model's own and its maker's
    (`serving_role` "model" / "first party"). A third-party host serves its own cap — often smaller than the model's
    window, sometimes stretched beyond it — so no host decides on its own and hosts never contradict: without a
    model-level or first-party row, the hosts' rows support the claim only when most hosts that give a value (and at
    least `HOST_CORROBORATION`) serve the claimed window; else the claim is unverifiable (set here; no rows are
    returned). Every row stays in the evidence with its role."""
    labs: dict[str, set[str]] = {}
    roles = []
    for mid, e in rows:
        if mid not in labs:
            labs[mid] = model_lab_keys(con, mid)
        roles.append(serving_role(e.source, e.hosts, labs[mid], (e.source_name, *e.keys)))
    for row, role in zip(claim.evidence, roles):
        row["role"] = role
    own = [r for r, role in zip(rows, roles) if role != "host"]
    hosted = [r for r, role in zip(rows, roles) if role == "host"]
    caps = sorted({float(e.value) for _, e in hosted})
    listed = ", ".join(fmt(c) for c in caps[:6])
    if own:
        note = (f" Third-party hosts' serving caps ({listed}) are shown but decide nothing: the {what} is the "
                f"model's own and its maker's." if hosted else "")
        return own, note
    every = {provider_key(h) for _, e in hosted for h in e.hosts} - {""}
    serving = {provider_key(h) for _, e in hosted if _agrees(attribute, claim.params, float(e.value))
               for h in e.hosts} - {""}
    if len(serving) >= HOST_CORROBORATION and 2 * len(serving) > len(every):
        return hosted, (f" No model-level or first-party source gives it; {len(serving)} of the {len(every)} "
                        f"third-party hosts that serve the model serve this window ({', '.join(sorted(serving)[:4])}), "
                        "and no host decides on its own.")
    evidence = claim.evidence
    _unverifiable(claim, f"only third-party hosts give the {what} of this model ({listed}): a host serves its own "
                         f"cap, often smaller than the model's window, so no host decides on its own and none "
                         f"contradicts; {len(serving)} of the {len(every)} hosts serve the claimed window (support "
                         f"needs most of them, at least {HOST_CORROBORATION}).")
    claim.evidence = evidence
    return [], ""


def _range(claim: Claim, target: Target, rows: list[tuple[str, FactEvidence]], attribute: str, what: str, shown: str,
           rule: str) -> None:
    """"sizes from 11 to 47B parameters": a series' smallest and largest values are the range's ends."""
    p = claim.params
    low = dict(p, high=None)
    high = dict(p, value=p["high"], high=None, precision=p["precision"] * p["high"] / max(p["value"], 1))
    has_low = any(_agrees(attribute, low, float(e.value)) for _, e in rows)
    has_high = any(_agrees(attribute, high, float(e.value)) for _, e in rows)
    claim.verdict = "supported" if has_low and has_high else "unverifiable"
    claim.explanation = (f"{what} of the models of {target.label}: {shown}; a model at each end of the range "
                         f"{'is' if has_low and has_high else 'is not'} in the sources.")
    if claim.verdict == "unverifiable":
        claim.evidence = claim.evidence


def _total(con: duckdb.DuckDBPyConnection, lex: Lexicon, claim: Claim, target: Target, attribute: str, what: str,
           shown: str) -> None:
    """"a total / cumulative N" over a series: the sum over its sizes — those the sentence names, else every
    size the sources give the series — only when that sum is well defined: every size has a value, and the
    claim holds (or fails) whichever of a size's values (sources, base and instruct models) is summed."""
    p = claim.params
    groups = lex.series.sizes(target.series) if target.series else {}
    named = p.get("sizes") or []
    if named:
        picked = {v: ids for v, ids in groups.items() if any(abs(v - n) <= max(n * 0.2, 0.5e9) for n in named)}
        absent = [n for n in named if not any(abs(v - n) <= max(n * 0.2, 0.5e9) for v in groups)]
        if absent:
            return _unverifiable(claim, f"a total over {target.label}: no model of it has "
                                 f"{', '.join(f'{n / 1e9:g}B' for n in absent)} parameters in the sources")
        groups = picked
    if not groups:
        return _unverifiable(claim, f"a total over {target.label} needs the {what} of each of its sizes; the sources "
                             f"name no sizes of it ({shown})")
    per_size = {v: [float(e.value) for mid in ids for e in usable_evidence(con, lex, mid, attribute)]
                for v, ids in sorted(groups.items())}
    label = {v: f"{v / 1e9:g}B" for v in per_size}
    missing = [label[v] for v, values in per_size.items() if not values]
    if missing:
        have = "; ".join(f"{label[v]}: {', '.join(sorted({fmt(x) for x in values}))}"
                         for v, values in per_size.items() if values)
        return _unverifiable(claim, f"a total over {target.label} needs the {what} of each of its sizes "
                             f"({', '.join(label.values())}); the sources give none for {', '.join(missing)}"
                             + (f" ({have})" if have else ""))
    low = sum(min(values) for values in per_size.values())
    high = sum(max(values) for values in per_size.values())
    lo, hi = _band(p)
    parts = "; ".join(f"{label[v]}: {', '.join(sorted({fmt(x) for x in values}))}" for v, values in per_size.items())
    claim.expected = fmt(p["value"])
    claim.found = fmt(low) if low == high else f"{fmt(low)}–{fmt(high)}"
    each = attribute == "training_tokens" and all(_agrees(attribute, p, x) for values in per_size.values() for x in values)
    if each:  # "the models were trained on a total of N tokens": each size's own data, not their sum
        claim.verdict, claim.found = "supported", fmt(p["value"])
        claim.explanation = f"training tokens of every size of {target.label} ({parts}): each holds the claim."
        return None
    if lo <= low and high <= hi:
        claim.verdict = "supported"
    elif high < lo or low > hi:
        claim.verdict = "contradicted"
    else:
        return _unverifiable(claim, f"the total {what} of {target.label} is not well defined: the sources' values "
                             f"per size ({parts}) sum to anything from {fmt(low)} to {fmt(high)}, which the claim's "
                             f"band ({fmt(lo)} to {fmt(hi)}) neither holds nor excludes")
    claim.explanation = (f"total {what} of {target.label} over its sizes ({parts}): {claim.found} "
                         f"(holds from {fmt(lo)} to {fmt(hi)}).")


def verify_hardware(con: duckdb.DuckDBPyConnection, lex: Lexicon, claim: Claim) -> None:
    """A training-hardware claim: an attribute claim (GPU-hours, a count, "40B on <chip>") or the older
    "trained on N <chips>" form."""
    if "attribute" in claim.params:
        return verify_attribute(con, lex, claim)
    return verify_training(con, lex, claim)


def _interval(value: str) -> tuple[date, date]:
    """'YYYY' / 'YYYY-MM' / 'YYYY-MM-DD' as the days it covers."""
    parts = [int(x) for x in value.split("-")]
    if len(parts) == 1:
        return date(parts[0], 1, 1), date(parts[0], 12, 31)
    if len(parts) == 2:
        return date(parts[0], parts[1], 1), date(parts[0], parts[1], calendar.monthrange(parts[0], parts[1])[1])
    return date(*parts), date(*parts)


def _cutoff(claim: Claim, target: Target, rows: list[tuple[str, FactEvidence]], what: str, shown: str) -> None:
    """A knowledge cut-off at the precision written: a source's date agrees when it lies in the claimed
    interval, disagrees when it lies outside; a source coarser than the claim (a year for a month)
    decides nothing."""
    d = claim.params["date"]
    agree, disagree = [], []
    for mid, e in rows:
        low, high = _interval(e.value)
        if d.low <= low and high <= d.high:
            agree.append(e)
        elif high < d.low or low > d.high:
            disagree.append(e)
    claim.expected, claim.found = d.text, (agree or disagree or [rows[0][1]])[0].value
    if agree:
        claim.verdict = "supported"
    elif disagree:
        claim.verdict = "contradicted"
    else:
        return _unverifiable(claim, f"the sources give the {what} of {target.label} less precisely than the claim: "
                             f"{shown}")
    claim.explanation = f"{what} of {target.label} (the {d.precision} written): {shown}." + \
        (f" {target.note}." if target.note else "")
