"""A second model's figure that borrows the measure its sentence already named (docs/claims.md, "A second
model's figure by its possessive"): "A scores N on B, while C's is M", "A has an NK window against C's
MK". The figure right after "<model>'s" (and at most a verb: "is", "sits at", "comes in at") names no
measure of its own; it is the same measure as the last claim before that model in the sentence, of
another model, when it is written in the same form (a price with a currency sign, a score without one,
a size with the same scale letter, a date for a date). A later item of a list attached to its model ("A at N Elo, B
at M, and C at K": docs/claims.md, "A list's later items") borrows the same way."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .attributes import figures
from .binding import RESPECTIVELY, Group, respective_figure, respective_item
from .patterns import LISTED_END, LISTED_GAP

if TYPE_CHECKING:
    from .extract import Claim, _Extractor
    from .numbers import DateExpr, Quantity
    from .resolve import Mention

# "<model>'s" then nothing but a verb before the figure: the measure is left out ("C's is M", "against C's M")
ELLIPTICAL = re.compile(r"^(?:'s|’s)\s+(?:(?:score|result|figure|number|one|own)\s+)?"
                        r"(?:(?:is|was|stands\s+at|stood\s+at|sits\s+at|sat\s+at|comes\s+in\s+at|came\s+in\s+at|"
                        r"reaches|reached|hits|hit|at|of)\s+)?(?:only\s+|just\s+|about\s+|roughly\s+|around\s+|"
                        r"nearly\s+|almost\s+|~)?$", re.I)
# the kinds a figure may borrow, and the attribute kinds among them (their model is a `Target`)
BORROWED = ("score", "price", "context_window", "output_limit", "parameters", "training_tokens", "knowledge_cutoff")
ATTRIBUTES = ("context_window", "output_limit", "parameters", "training_tokens", "knowledge_cutoff")


def elliptical_claims(x: _Extractor) -> None:
    """Each figure no kind took that stands right after "<model>'s" with no measure of its own: a claim of
    the measure of the sentence's last claim before that model, about that model."""
    models = [m for m in x.models if m.how != "ambiguous"]
    free: list[Any] = list(x.free()) + [d for d in x.dates if id(d) not in x.used]
    for item in sorted(free, key=lambda f: f.start):
        owner = next((m for m in reversed(models) if m.end <= item.start), None)
        if owner is None:
            continue
        # the mention may hold its possessive ("C's") or stop before it
        gap = x.sentence[owner.end:item.start] if not owner.text.endswith(("'s", "’s")) else \
            "'s" + x.sentence[owner.end:item.start]
        if not ELLIPTICAL.match(gap):
            continue
        claim = next((c for c in reversed(x.claims) if c.kind in BORROWED and c.end <= owner.start
                      and _model_key(c) not in (None, owner.key, owner.text)), None)
        if claim is None or not _same_form(x, claim, item):
            continue
        _borrow(x, claim, owner, item)


def listed_claims(x: _Extractor) -> None:
    """Each figure no kind took that continues a list after a claim of the sentence, attached to another model
    (`Binder.attached`: "B at M" right after B, "M for B"), with only separators, a coordinator and that model
    between the claim and it (`patterns.LISTED_GAP`) and no unit of its own after it (`LISTED_END`): "<A> at N Elo,
    <B> at M, and <C> at K", "<A> scores N on <bench>, against M for <B>" — a claim of that claim's measure (its
    benchmark, side, unit) about that model, when the figure is written in the same form. Never in a table row."""
    if x.ctx.row:
        return
    for item in sorted(x.free(), key=lambda q: q.start):
        owner = x.binder.attached(item.start, item.end)
        if owner is None or getattr(owner, "type", None) != "model" or owner.how == "ambiguous" or \
                not LISTED_END.match(x.sentence[item.end:]):
            continue
        before = min(owner.start, item.start)
        claim = max((c for c in x.claims if c.kind in BORROWED and c.end <= before
                     and _model_key(c) not in (None, owner.key, owner.text)), key=lambda c: c.end, default=None)
        if claim is None:
            continue
        gap = x.sentence[claim.end:item.start]
        for m in sorted(x.models, key=lambda m: -m.start):  # each model between them written X
            if claim.end <= m.start and m.end <= item.start:
                gap = gap[:m.start - claim.end] + " X " + gap[m.end - claim.end:]
        if not LISTED_GAP.match(gap) or not _same_form(x, claim, item):
            continue
        _borrow(x, claim, owner, item)


# the sides a price list may pair with ("per million input and output tokens, respectively")
SIDE_WORD = re.compile(r"\b(?:input|output|prompt|completion)\b", re.I)
SIDES = {"input": "input", "prompt": "input", "output": "output", "completion": "output"}


@dataclass
class _Side:
    """A side word of a price list, as a list item (`binding.respective_item`)."""

    start: int
    end: int
    key: str  # the side it names: input or output


def respective_claims(x: _Extractor) -> None:
    """A figure of a list that "respectively" pairs with a list of models (binding rule 1a) and that no kind took
    borrows the measure of a figure of the same list that one did ("A, B and C score N1, N2 and N3 on B,
    respectively": N1 and N2 are scores on B too; "context windows of NK and MK respectively"), about the model rule
    1a pairs it with; with a list of benchmarks or of sides too ("N1 and N2 on B and C, respectively", "$A and $B per
    million input and output tokens, respectively") each score is on the i-th benchmark, each price on the i-th side;
    lists of different lengths bind nothing."""
    if not RESPECTIVELY.search(x.sentence):
        return
    names: list[Any] = [m for m in x.models] + [o for o in x.others] + list(x.series)
    benches = x.of("benchmark")
    for claim in x.claims:  # a score of such a list is on the i-th benchmark of a list "respectively" pairs it with
        if claim.kind == "score" and claim.figures:
            paired, on = respective_item(x.sentence, *claim.figures[0], names, benches)
            if paired:
                claim.entities = [e for e in claim.entities if e.type != "benchmark"] + ([on] if on else [])
    sides = [_Side(m.start(), m.end(), SIDES[m.group(0).lower()]) for m in SIDE_WORD.finditer(x.sentence)]
    for claim in x.claims:  # "$A and $B per million input and output tokens, respectively": the i-th side
        if claim.kind == "price" and claim.figures:
            paired, side = respective_item(x.sentence, *claim.figures[0], names, sides)
            if paired and side is not None:
                claim.params["part"] = side.key
    for claim in x.claims:  # "$A and $B per million input tokens, respectively": one side written for the whole list
        at = respective_figure(x.sentence, *claim.figures[0], names) if claim.kind == "price" and claim.figures else None
        if at is None or claim.params.get("part") != "both":
            continue
        parts = {c.params.get("part") for c in x.claims if c.kind == "price" and c.figures and c is not claim
                 and (a := respective_figure(x.sentence, *c.figures[0], names)) is not None and a[1:] == at[1:]}
        if len(parts - {"both"}) == 1 and parts <= {"both", "input", "output"}:
            claim.params["part"] = (parts - {"both"}).pop()
    free: list[Any] = list(x.free())
    for item in sorted(free, key=lambda f: f.start):
        at = respective_figure(x.sentence, item.start, item.end, names)
        if at is None:
            continue
        typed = next((c for c in x.claims if c.kind in BORROWED and c.figures and
                      (a := respective_figure(x.sentence, *c.figures[0], names)) is not None and a[1:] == at[1:]), None)
        if typed is None or not _same_form(x, typed, item):
            continue
        owner = x.binder.bind(item.start, item.end)
        if owner is None or isinstance(owner, Group) or getattr(owner, "type", None) != "model":
            continue  # no model paired with it (lists of different lengths): it stays untyped
        bench: Any = None
        if typed.kind == "score":
            paired, bench = respective_item(x.sentence, item.start, item.end, names, benches)
            if paired and bench is None:
                continue
        _borrow(x, typed, owner, item, bench)


def _model_key(claim: Claim) -> str | None:
    return next((e.key for e in claim.entities if e.type == "model"), None)


def _same_form(x: _Extractor, claim: Claim, item: Any) -> bool:
    """The figure is written as the claim's own was: a date for a date, a price with its currency sign, a
    score with no sign and no scale letter, a size with a scale letter as its own had one."""
    if claim.kind == "knowledge_cutoff":
        return not hasattr(item, "currency")
    if not hasattr(item, "currency") or not claim.figures:
        return False  # a date for a figure
    own = next((q for q in x.quantities if (q.start, q.end) == claim.figures[0]), None)
    if own is None:
        return False
    if claim.kind == "price":
        return bool(item.currency) and not item.percent
    if claim.kind == "score":
        return not item.currency and not item.scaled and item.percent == own.percent
    return not item.currency and not item.percent and item.scaled == own.scaled


def _borrow(x: _Extractor, claim: Claim, owner: Mention, item: Quantity | DateExpr, bench: Any = None) -> None:
    others = [e for e in claim.entities if e.type != "model" and (bench is None or e.type != "benchmark")] + \
        ([bench] if bench is not None else [])
    if claim.kind == "score":
        q: Any = item
        x.add(q.start, q.end, "score", [owner, *others], [q], value=q.value, high=q.high, qualifier=q.qualifier,
              percent=q.percent or bool(claim.params.get("percent")), decimals=q.decimals)
    elif claim.kind == "price":
        q = item
        params = {k: v for k, v in claim.params.items() if k not in ("value", "high", "quantity", "qualifier")}
        x.add(q.start, q.end, "price", [owner, *others], [q], **params, value=q.value, qualifier=q.qualifier,
              quantity=q, **({"high": q.high} if "high" in claim.params else {}))
    else:
        rules = x.attributes
        if rules is None:
            return
        target = rules.target(owner, None)
        if target is None:
            return
        entity = rules.entity(target, item.start, item.end)
        if claim.kind == "knowledge_cutoff":
            made = x.add(item.start, item.end, claim.kind, [entity], [item], attribute=claim.params["attribute"],
                         date=item, target=target)
        else:
            quantity: Any = item
            found = figures(x.sentence, [quantity])
            if not found:
                return
            f = found[0]
            made = x.add(item.start, item.end, claim.kind, [entity], [item],
                         **{**claim.params, "value": f.value, "high": f.high, "qualifier": quantity.qualifier,
                            "precision": f.precision, "target": target, "total": False, "sizes": []})
        rules.made.append(made)
