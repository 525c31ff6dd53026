"""Ratios between two models' facts: "X is N times larger than Y", "N x the parameters of Y", "(X has N billion
parameters,) K times fewer than Y" (Y's over X's; K in digits or words), "N times fewer tokens than Y",
"N times more (training) compute than Y", "trained on N times more tokens than Y".

The claim keeps the kind of the attribute it compares (parameters, training_compute, training_tokens)
with `ratio_to` set; its verifier looks up both models' values through the attribute evidence the
single-model claims use (`metrics.facts.attribute_evidence`), and the ratio holds when some pair of
values (one per side, any source) gives N within the tolerance `domain.tolerances` sets
(docs/claims.md, "Ratios between models"). Either side without a value: unverifiable, naming it.

Binding is by grammar: the compared model follows "than" / "of" / "as" right after the comparison;
the subject is the model named before the figure in its clause (else the sentence), or, through an
explicit reference ("it", "the model"), the previous sentence's subject.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from . import tolerances as T
from .canonical import fmt
from .binding import Binder
from .patterns import compose

if TYPE_CHECKING:
    import duckdb

    from .attributes import AttributeRules, Target
    from .extract import Claim
    from .resolve import Lexicon

# right after the figure: "x / × / times / -fold" and what is compared
RATIO_AFTER = compose(
    r"^\s*(?:x|×|times|[- ]?fold)\s+(?:"
    r"(?P<size>larger|bigger)|(?P<small>smaller)"
    r"|fewer\s+(?P<fewer_params>param(?:eter)?s)|fewer\s+(?P<fewer_tokens>(?:training\s+)?tokens)|(?P<fewer>fewer)(?=\s+than\b)"
    r"|(?:the|as\s+many)\s+(?P<params_of>param(?:eter)?s|parameter\s+count)"
    r"|(?:the|as\s+much)\s+(?P<compute_of>(?:training\s+)?(?:compute|FLOPs?))"
    r"|(?:the|as\s+many)\s+(?P<tokens_of>(?:training\s+)?tokens)"
    r"|more\s+(?:(?P<params>param(?:eter)?s)|(?P<compute>(?:training\s+)?(?:compute|FLOPs?))"
    r"|(?P<tokens>(?:training\s+)?(?:tokens|data)))"
    r")\b")
# between the comparison and the compared model: "than", "of", "as", "that of", "the size of"
AGAINST = compose(r"^[\w\s,-]{0,25}?\b(?:than|of|as)\s+(?:that\s+of\s+|the\s+(?:size\s+of\s+)?)?(?:the\s+)?$")
# what may stand between a ratio and the next one that shares its models: "and" plus a verb phrase
# ("and was trained with", "and used"), no model and no clause break
SHARED_OBJECT = compose(r"\s*,?\s+and\s+(?:[a-z]+\s+){0,4}")
ATTRIBUTE = {"size": "parameters_total", "small": "parameters_total", "fewer_params": "parameters_total",
             "fewer": "parameters_total", "fewer_tokens": "training_tokens", "params_of": "parameters_total", "params": "parameters_total",
             "compute_of": "training_compute", "compute": "training_compute",
             "tokens_of": "training_tokens", "tokens": "training_tokens"}
KIND = {"parameters_total": "parameters", "training_compute": "training_compute",
        "training_tokens": "training_tokens"}
WHAT = {"parameters_total": "parameter count", "training_compute": "training compute",
        "training_tokens": "training tokens"}


def ratio_claims(rules: AttributeRules) -> None:
    """Each figure followed by a ratio phrase and a compared model: one claim (before the attribute kinds)."""
    x = rules.x
    s = x.sentence
    named: list[Any] = sorted([m for m in x.models if m.how != "ambiguous"] + list(rules.mentions),
                              key=lambda m: m.start)
    previous: tuple[int, Any, Any] | None = None  # (end, subject, compared) of the sentence's last ratio
    for q in x.free():
        m = RATIO_AFTER.match(s[q.end:])
        if m is None or q.currency or q.percent:
            continue
        after = q.end + m.end()
        other = next((n for n in named if n.start >= after and AGAINST.match(s[after:n.start])), None)
        if other is None and previous is not None and SHARED_OBJECT.fullmatch(s[previous[0]:q.start]) and \
                not any(previous[0] <= n.start < q.start for n in named):
            # "X is N times larger than Y and was trained with M x more compute": the second ratio,
            # joined by "and" with no object of its own, compares the same two models
            _, subject, other = previous
        elif other is None:
            continue
        else:
            # the subject by the binding rule (binding.py), but never the compared model after "of"
            subject = ratio_subject(Binder(s, named, referent=x.ctx.referent, row=x.ctx.row), q.start, q.end)
        end = max(after, other.end) if other.start >= after else after
        previous = (end, subject, other)
        group = next(k for k, v in m.groupdict().items() if v)
        if group == "fewer" and not re.search(r"\bparam(?:eter)?s?\b", s[:q.start], re.I):
            continue  # "N times fewer than Y" compares parameters only after a parameter count of the sentence
        attribute = ATTRIBUTE[group]
        target = rules.target(subject, None) if subject is not None else None
        against = rules.target(other, None)
        entities = [rules.entity(t, q.start, other.end) for t in (target, against) if t is not None]
        x.add(q.start, end, KIND[attribute], entities, [q], attribute=attribute, ratio=q.value,
              ratio_high=q.high, qualifier=q.qualifier, precision=_precision(q.text), target=target,
              ratio_to=against, inverse=group == "small" or group.startswith("fewer"))


# "..., and is / but costs ...": a predicate with no subject of its own, sharing the sentence's subject
COORDINATED_PREDICATE = compose(r"\b(?:and|but|yet)\s+(?:(?:also|still|now|yet)\s+)?(?:is|are|was|were|costs?|charges?|"
                                r"comes?\s+in|runs?|sits?|remains?|stays?|ends?\s+up)\b")


def ratio_subject(binder: Binder, start: int, end: int) -> Any:
    """The larger side of a ratio ("X is N times ..."): the binding rule's model for the figure (never the compared
    model after "of"), except that a model outside the figure's own clause yields to the sentence's subject ("X
    launched after Y; it is N times ...", and a predicate coordinated with the subject's, "X launched after Y, and
    is N times cheaper than Z": X, not Y)."""
    bound = binder.bind(start, end, owners=False)
    if bound is not None and (not binder.clauses.same(bound.start, start)
                              or COORDINATED_PREDICATE.search(binder.sentence[bound.end:start])):
        subject = binder.subject()
        if subject is not None and subject.end <= start and id(subject) not in binder.objects:
            return subject
    return bound


def _precision(text: str) -> float:
    """Half a unit of the ratio's last digit written (one decimal written: 0.05; a whole number: 0.5)."""
    digits = re.sub(r"[^\d.]", "", text) or "0"
    return 0.5 * (10 ** -len(digits.split(".")[1]) if "." in digits else 1.0)


def band(p: dict[str, Any]) -> tuple[float, float]:
    """The ratios the claim allows, by its qualifier (domain tolerances)."""
    n, high, q = p["ratio"], p.get("ratio_high"), p.get("qualifier", "exact")
    exact = max(p["precision"], n * T.FACT_RATIO_RELATIVE)
    about = max(exact, n * T.FACT_RATIO_ABOUT_RELATIVE)
    if high is not None:
        return n - exact, high + exact
    return {"lower": (n, float("inf")), "upper": (0.0, n + exact), "about": (n - about, n + about),
            "nearly": (n - about, n + exact)}.get(q, (n - exact, n + exact))


def _values(con: duckdb.DuckDBPyConnection, lex: Lexicon, target: Target, attribute: str) -> list[tuple[str, Any]]:
    # imported here: verify_attributes -> verify -> extract -> this module (extraction runs ratio_claims)
    from .verify_attributes import usable_evidence  # the single-model claims' evidence and its filter

    return [(mid, e) for mid in target.ids for e in usable_evidence(con, lex, mid, attribute)
            if float(e.value) > 0]


def verify_fact_ratio(con: duckdb.DuckDBPyConnection, lex: Lexicon, claim: Claim) -> None:
    p = claim.params
    attribute, what = p["attribute"], WHAT[p["attribute"]]
    target, against = p.get("target"), p["ratio_to"]
    claim.evidence = []
    if target is None:
        claim.verdict, claim.explanation = "unverifiable", "no model is named as the larger side of this ratio"
        return
    sides = [(t, _values(con, lex, t, attribute)) for t in (target, against)]
    missing = [t.label for t, rows in sides if not rows]
    if missing:
        claim.verdict = "unverifiable"
        claim.explanation = (f"no source gives the {what} of {' or '.join(missing)}, so the ratio "
                             f"{target.label} / {against.label} cannot be computed")
        return
    (_, top), (_, bottom) = sides
    lo, hi = band(p)
    # "N times smaller than Y": Y's value over the subject's is N
    pairs = [((float(b.value) / float(a.value)) if p.get("inverse") else (float(a.value) / float(b.value)), a, b)
             for _, a in top for _, b in bottom]
    agreeing = [t for t in pairs if lo <= t[0] <= hi]
    best = agreeing[0] if agreeing else min(pairs, key=lambda t: abs(t[0] - p["ratio"]))
    claim.verdict = "supported" if agreeing else "contradicted"
    claim.expected, claim.found = fmt(p["ratio"]), f"{best[0]:.3g}"
    claim.evidence = [{"value": e.value, "unit": e.unit, "source": e.source, "model": e.source_name, "model_id": mid,
                       "date": e.observed.isoformat() if e.observed else None, "side": side, "field": e.field}
                      for side, rows in (("subject", top), ("compared", bottom)) for mid, e in rows]
    rule = f"holds from {lo:.3g} to {hi:.3g}" if hi != float("inf") else f"holds from {lo:.3g} up"
    num, den = (against, target) if p.get("inverse") else (target, against)
    vals = (best[2], best[1]) if p.get("inverse") else (best[1], best[2])
    claim.explanation = (f"{what} of {num.label} / {den.label} = {fmt(float(vals[0].value))} / "
                         f"{fmt(float(vals[1].value))} = {best[0]:.3g} ({best[1].source} / {best[2].source}; "
                         f"the ratio {rule}; {len(pairs)} pair(s) of source values).")
