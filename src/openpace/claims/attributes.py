"""Claim kinds about a model's attributes: parameters (total, active), training tokens, context
window, output limit, GPU-hours, GPU count and the hardware a size was trained on.

Each kind is a unit: a precedence (the order figures are offered to the kinds; one figure, one
claim), the patterns that type a figure (`patterns.py`, kept as data), how its model is bound, and
its verifier. Binding is by grammar, not by distance:

1. a size right after the figure ("2.1M for 11B", "11 trillion tokens for the 40B version");
2. the figure is itself a size ("11B, 40B and 300B parameters") of the series the sentence names;
3. the nearest model or series named before the figure in its own clause (the clause's subject,
   or the head of an appositive: "Kestrel, from Acme, models of 11 to 47B parameters"), else
   the one named right after it ("the 9 and 40B models of the Kestrel series");
4. with none in the sentence, the previous sentence's subject, and only through an explicit
   reference ("it", "its", "they", "the model", "all the variants").

The verifier gathers every source's value (`metrics.facts.attribute_evidence`) for every canonical
model the claim covers and applies one rule (docs/claims.md, "Evidence"): supported when some
source agrees at the precision written, contradicted when sources have values and none agrees,
unverifiable without values.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .carry import PRICE_HEADER_RE, cell_spans, list_kind
from .clauses import Clauses, clause_boundaries
from .numbers import Quantity
from .binding import Binder, Group, covering
from .patterns import ACTIVE_SLASH, AFTER, BEFORE, CAPACITY_UP_TO, CUTOFF_AFTER, CUTOFF_BEFORE, LISTED_END, LISTED_GAP, PER_UNIT_BEFORE, GENERIC_SIZE_BEFORE, LABEL_AFTER, \
    QUALIFIER_SIZE, REFERENCE, SIZE_BINDER, SIZE_LIST_CELL, SIZE_QUALIFIER, TOTAL_AFTER
from .patterns import ATTRIBUTE_COPULA, DATE_LABELS, LABEL_KINDS, SECTION_LINE, SECTION_VALUE_END, LICENCE_LABEL, MONEY, column_kind, price_unit_count, SCHEDULE_TOKENS_BEFORE, WORKLOAD_TOKENS_BEFORE
from .resolve import Mention, mention_ids, norm_name
from .series import Series, SeriesMention

if TYPE_CHECKING:
    from .extract import Claim, _Extractor

# kind -> (claim kind in the output, facts attribute, unit shown)
KINDS: dict[str, tuple[str, str, str]] = {
    "gpu_hours": ("training_hardware", "gpu_hours", "GPU-hours"),
    "chips": ("training_hardware", "hardware_quantity", "chips"),
    "active": ("parameters", "parameters_active", "parameters"),
    "params": ("parameters", "parameters_total", "parameters"),
    "non_embedding": ("parameters", "parameters_non_embedding", "parameters"),
    "tokens": ("training_tokens", "training_tokens", "tokens"),
    "context": ("context_window", "context_window", "tokens"),
    "output": ("output_limit", "output_limit", "tokens"),
}
# the scale after a bare figure: a word, a letter right after it ("11B"), or a capital B/T after one space ("12.5 B")
SCALE_AFTER_RE = re.compile(r"^(?:\s*(?P<w>thousand|million|billion|trillion)\b|(?P<l>[kKMBT]| [BT])\b)")
SCALE = {"thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "billion": 1e9, "b": 1e9, "trillion": 1e12, "t": 1e12}
# what joins the figures of a list sharing a unit: "N and M", "N, M", "N, and M" (a serial comma), "N & M"
SHARED_SCALE_RE = re.compile(r"^\s*(?:,\s*(?:and|or|&)?|and|or|&)\s*$")
MIN_PARAMS = 1e7  # a parameter count is written with its scale: "11B", "350M", "40 billion"
MIN_TRAINING_TOKENS = 1e10  # a training set; a context window is far below it
MIN_CONTEXT = 1000  # a token count below it (a short prompt, a generation length) is no context window
MAX_CONTEXT = 1e8
RATE_AFTER_RE = re.compile(r"^\s*(?:tokens?|tok)?\s*(?:/\s*s(?:ec)?\b|per\s+(?:second|minute|sec)\b)", re.I)
# a size label names the series' model of that size at the precision of the ids' own size labels
LABEL_SIZE_RELATIVE = 0.02
LABEL_SIZE_ABSOLUTE = 0.05e9
VARIANT_SUFFIX_RE = re.compile(r"-(?:instruct|base|chat|it)$")


def nominal_qualifier(qualifier: str) -> str:
    """A size label ("the 7B model", a "7B Params" header) is a nominal size: read as "about N" (±10%), since
    developers round a model's count to its label (a "7B" model may count 7.6B); a bound word keeps its bound."""
    return "about" if qualifier == "exact" else qualifier


@dataclass
class Target:
    """The canonical models a claim is about, and how they were named."""

    label: str
    ids: list[str]
    how: str  # model | series | series+size
    note: str = ""
    series: str | None = None
    # a series' sized model named with a name that is itself a model ("| <model> | 14B |"): that model's ids,
    # read when the sized model has no value of its own (the size then only describes the model named)
    fallback: list[str] = field(default_factory=list)


@dataclass
class Figure:
    """A figure with its scale shared or inherited ("4 and 11B": 4e9; "11 to 47B": 9e9..4e10)."""

    q: Quantity
    value: float
    high: float | None
    end: int
    text: str

    @property
    def precision(self) -> float:
        """Half a unit of the last significant digit written ("2.2T": 0.05T; "40B": 5B; "301B": 0.5B)."""
        return written_precision(self.text, self.value)


def written_precision(text: str, value: float) -> float:
    """Half a unit of the last significant digit of a figure written `text` worth `value` (a figure written in words,
    "a million", "half a million", as its value's first digit: "1M", "500K")."""
    if not re.search(r"\d", text) and value > 0:
        return 0.5 * 10 ** math.floor(math.log10(value))
    digits = re.sub(r"[^\d.]", "", text.split("to")[0].split("-")[0].split("–")[0]) or "0"
    scale = value / float(digits) if float(digits) else 1.0
    if "." in digits:
        unit = 10 ** -len(digits.split(".")[1])
    else:
        stripped = digits.rstrip("0") or "0"
        unit = 10 ** (len(digits) - len(stripped))
    return 0.5 * unit * scale


def stated_before(known: list[tuple[set[str], float]], ids: list[str], value: float) -> bool:
    """Is (one of these models, this parameter count) among the (ids, count) the text has stated? A base and an
    instruct model of one size are one size (`x-7b`, `x-7b-base`, `x-7b-instruct`)."""
    mine = {VARIANT_SUFFIX_RE.sub("", i) for i in ids}
    return any(mine & {VARIANT_SUFFIX_RE.sub("", i) for i in k} and abs(v - value) <= value * LABEL_SIZE_RELATIVE
               for k, v in known)


def figures(sentence: str, quantities: list[Quantity]) -> list[Figure]:
    """The figures with their scales; a bare figure takes the scale of the list it opens, back from its
    last member ("4 and 11B": 4e9; "4, 11 and 300B": 4e9 and 1.1e10)."""
    out: list[Figure] = []
    factors: dict[int, float] = {}  # index -> the scale a bare figure shares with the next one
    for i in range(len(quantities) - 2, -1, -1):
        q, nxt = quantities[i], quantities[i + 1]
        if q.scaled or q.percent or q.currency or SCALE_AFTER_RE.match(sentence[q.end:]) or \
                not SHARED_SCALE_RE.match(sentence[q.end:nxt.start]) or q.value >= nxt.value * factors.get(i + 1, 1):
            continue
        if nxt.scaled:
            factors[i] = nxt.value / float(re.sub(r"[^\d.]", "", nxt.text.split()[0]) or 1)
        elif i + 1 in factors:
            factors[i] = factors[i + 1]
    for i, q in enumerate(quantities):
        value, high, end = q.value, q.high, q.end
        if (m := SCALE_AFTER_RE.match(sentence[q.end:])) and q.scaled:
            end = q.end + m.end()  # "7B to 33B": the range's second scale letter is part of it
        elif not q.scaled and m:
            factor = SCALE[(m.group("w") or m.group("l")).strip().lower()]
            value, high, end = value * factor, (high * factor if high else None), q.end + m.end()
        elif i in factors:
            value = q.value * factors[i]
        # the figure's own words (a restatement in parentheses, "N trillion (NT)", is in its span, not its text)
        out.append(Figure(q, value, high, end, q.text + sentence[q.end:end]))
    return out


def partners(sentence: str, figs: list[Figure]) -> dict[int, int]:
    """Index of the figure whose scale (and kind) a bare figure shares: "4 and 11B parameters"."""
    out = {}
    for i, f in enumerate(figs[:-1]):
        nxt = figs[i + 1]
        if not SHARED_SCALE_RE.match(sentence[f.end:nxt.q.start]) and \
                not SHARED_SCALE_RE.match(sentence[f.q.end:nxt.q.start]):
            continue
        shared = not f.q.scaled and f.value != f.q.value  # "4 and 11B"
        same_unit = f.q.scaled and nxt.q.scaled and f.text.split()[-1:] == nxt.text.split()[-1:] and \
            re.sub(r"[\d.,\s]", "", f.text) == re.sub(r"[\d.,\s]", "", nxt.text)  # "11 billion and 47 billion"
        if shared or same_unit:
            out[i] = i + 1
    return out


UNIT_SKIP_RE = re.compile(r"^\s*(?:[A-Za-z-]+\s+){0,4}?(?:tokens?|param(?:eter)?s?|(?:GPU|TPU|chip)[- ]hours?|hours?)\b",
                          re.I)


def _binder(sentence: str, f: Figure) -> tuple[int, float] | None:
    """The size named right after a figure, or after its unit ("... for 11B", "N tokens for the 40B
    version"): where that phrase ends, and the size."""
    at = f.end
    m = SIZE_BINDER.match(sentence[at:])
    if m is None and (unit := UNIT_SKIP_RE.match(sentence[at:])):
        at += unit.end()
        m = SIZE_BINDER.match(sentence[at:])
    if m is None:
        return None
    return at + m.end(), float(re.sub(r"[^\d.]", "", m.group("size"))) * 1e9


# a size inside a model's name ("<Family>-7B", "<family>-2-9b", "<Family> 350M")
NAMED_SIZE_RE = re.compile(r"(?<![\d.x])(?P<n>\d+(?:\.\d+)?)\s?(?P<u>[BMT])\b", re.I)
# a header's multiplier for its cells: "(M)", "[B]", "(in millions)", "(thousands)"
COLUMN_SCALE_RE = re.compile(r"[(\[]\s*(?:in\s+)?(k|m|b|t|thousands?|millions?|billions?|trillions?)\s*[)\]]", re.I)
# a column of knowledge cut-off dates ("Knowledge Cut Off", "Training data cutoff")
CUTOFF_COLUMN_RE = re.compile(r"\bcut[\s-]?off\b", re.I)


def _kind_of(sentence: str, f: Figure, gpus: list[Mention], name_ends: frozenset[int] | set[int] = frozenset()) -> str | None:
    """Which attribute a figure states, from the words around it (`name_ends`: where the sentence's model
    and series names end)."""
    after, before = sentence[f.end:], sentence[:f.q.start]
    if f.q.currency or f.q.percent or (PER_UNIT_BEFORE.search(before) and not
                                       (ACTIVE_SLASH.search(before) and AFTER["total_after"].match(after))):
        return None  # "per 1000 input tokens": a per-unit denominator, never a capacity ("N active / M total" is none)
    if AFTER["gpu_hours"].match(after):
        return "gpu_hours"
    if AFTER["active"].match(after) and f.value >= MIN_PARAMS and not BEFORE["part_of"].search(before):
        return "active"
    if f.value >= MIN_PARAMS and ((BEFORE["active_verb"].search(before) and (AFTER["params"].match(after) or
                                   AFTER["active_of"].match(after))) or
                                  (BEFORE["use_verb"].search(before) and AFTER["active_of"].match(after))):
        return "active"  # "activates N parameters", "activates / uses N of its M parameters"
    if AFTER["non_embedding"].match(after) and f.value >= MIN_PARAMS:
        return "non_embedding"
    if AFTER["params"].match(after) and f.value >= MIN_PARAMS:
        return "params"
    if AFTER["total_after"].match(after) and f.value >= MIN_PARAMS and re.search(r"\d\s?B$|billion$", f.text):
        return "params"
    if BEFORE["total_before"].search(before) and re.search(r"\bactiv", before, re.I) and f.value >= MIN_PARAMS and \
            re.search(r"\d\s?B$|billion$", f.text) and re.match(r"\s*(?:total\b|[,;.)]|$)", after):
        return "params"  # "N active parameters out of M": the total the active part is drawn from
    if price_unit_count(sentence, f.q.start):
        return None  # "1M output tokens | $A": the unit the price is per
    if f.value < MIN_TRAINING_TOKENS and (AFTER["tokens"].match(after) or AFTER["output"].match(after)) and \
            WORKLOAD_TOKENS_BEFORE.search(before) and MONEY.search(sentence):
        return None  # the size of a priced job ("$A for 40K output tokens"), no capacity of the model
    verb = BEFORE["output_verb"].search(before)
    if verb is not None and (not (verb.group("bound") or f.q.qualifier == "upper") or f.value < MIN_CONTEXT
                             or RATE_AFTER_RE.match(after)):
        verb = None  # "generates N tokens per second", "writes up to N tokens/s": a rate or a reply's length
    if AFTER["output"].match(after) or BEFORE["output_before"].search(before) or verb is not None:
        return "output" if f.value < MAX_CONTEXT else None
    if BEFORE["attention_window"].search(before) or AFTER["attention_window"].match(after):
        return None  # a sliding (local) attention window: how far attention looks back, no context window
    if (BEFORE["context_before"].search(before) or AFTER["context_after"].match(after)) and f.value < MAX_CONTEXT:
        return "context"
    if (labelled := label_kind(sentence, f)) is not None:
        return labelled  # "Max output | N tokens": the label says what the count is
    if (subject := copula_kind(before, f)) is not None:
        return subject  # "Total parameters are N billion": the attribute is the subject the figure completes
    if AFTER["tokens"].match(after):
        if f.value >= MIN_TRAINING_TOKENS:
            # "an intermediate checkpoint at N tokens", "warm-up over N tokens": a point of the schedule
            return None if SCHEDULE_TOKENS_BEFORE.search(before) else "tokens"
        if f.value < MIN_CONTEXT:
            return None
        # a context window: the sentence says "context"; a capacity verb ("supports up to N tokens"); a count in
        # parentheses right after a model's name ("<model> (4K tokens)")
        paren = BEFORE["paren_open"].search(before)
        if re.search(r"\bcontext\b", sentence, re.I) or BEFORE["capacity_verb"].search(before) or \
                (paren is not None and paren.start() in name_ends):
            return "context"
        return None
    # a chip count ("2,048 <chip> GPUs") is left to the training-hardware rule, which also checks the chip type
    if re.match(r"\s?B\b", f.text[-2:]) or re.search(r"\d\s?B$", f.text) or re.search(r"billion$", f.text):
        if AFTER["size_noun"].match(after) and f.value >= MIN_PARAMS:
            return "params"
    return None


def label_at(sentence: str, start: int) -> str | None:
    """The kind of the key-value line's label (`patterns.LABEL_KINDS`: "Parameters: ", "| Knowledge cutoff | ")
    whose value starts at `start` (an "~" between them allowed), or None."""
    for kind, pattern in LABEL_KINDS:
        m = pattern.match(sentence)
        if m is not None:
            return kind if m.end() == start or sentence[m.end():start].strip() in ("~", "≈") else None
    return None


def at_scale(kind: str | None, value: float, floor: float = 0.0) -> bool:
    """Whether a figure has the scale its kind needs: a parameter count from `MIN_PARAMS`, a training set from
    `MIN_TRAINING_TOKENS`, a context window or an output limit under `MAX_CONTEXT` (and at least `floor`)."""
    low = {"params": MIN_PARAMS, "active": MIN_PARAMS, "tokens": MIN_TRAINING_TOKENS}.get(kind or "", floor)
    return max(low, floor) <= value < (MAX_CONTEXT if kind in ("context", "output") else float("inf"))


def label_kind(sentence: str, f: Figure) -> str | None:
    """The kind a key-value line's label gives the figure right after it (`label_at`: "Parameters: 1.1B",
    "| Training tokens | 3T |", "GPUs: 16"), at the scale the kind needs; None for any other figure."""
    kind = label_at(sentence, f.q.start)
    if kind is None or kind in DATE_LABELS:
        return None
    return kind if at_scale(kind, f.value, floor=1) else None


def copula_kind(before: str, f: Figure) -> str | None:
    """The kind of a figure completing an attribute noun and a copula (`patterns.ATTRIBUTE_COPULA`: "Total parameters
    are N billion", "the number of parameters activated per token is ~N billion"), at the kind's scale and, for a
    parameter count, with its scale written; None for any other figure."""
    for kind, pattern in ATTRIBUTE_COPULA:
        if pattern.search(before):
            return kind if at_scale(kind, f.value) and (kind == "tokens" or f.q.scaled) else None
    return None


def _qualifier(kind: str, f: Figure, sentence: str) -> str:
    """The figure's bound word, except that "up to" before a context window or an output limit states the
    limit itself ("supports up to 128K tokens": the window is 128K), not a bound on it."""
    # the figure's span starts at its bound word ("up to 128K") or right after it
    if kind in ("context_window", "output_limit") and f.q.qualifier == "upper" and \
            (CAPACITY_UP_TO.search(sentence[:f.q.start]) or CAPACITY_UP_TO.match(sentence[f.q.start:f.end])):
        return "exact"
    return f.q.qualifier


@dataclass
class AttributeRules:
    """The attribute kinds, run by the sentence extractor before the older kinds (precedence 10)."""

    x: _Extractor
    series: Series
    mentions: list[SeriesMention]
    made: list[Claim] = field(default_factory=list)

    def run(self) -> None:
        x = self.x
        free = x.free()
        figs = figures(x.sentence, free)
        clauses = clause_boundaries(x.sentence, x.ctx.row)
        sizes = [f for f in figs if re.search(r"\d\s?B$", f.text) and f.value >= MIN_PARAMS]
        name_ends = {m.end for m in list(x.models) + list(self.mentions)}
        kinds = [_kind_of(x.sentence, f, x.of("gpu"), name_ends) for f in figs]
        shared = partners(x.sentence, figs)
        for i in sorted(shared, reverse=True):
            kinds[i] = kinds[i] or kinds[shared[i]]
            if figs[shared[i]] in sizes and figs[i] not in sizes:
                sizes.append(figs[i])
        # a size list sharing its unit ("the 4 and 11B sizes", "4, 11 and 300B"): each member a parameter
        # count of its own size model, or, with no model to bind, no claim; never a bare figure left over
        size_list = {j for i in shared for j in (i, shared[i]) if figs[shared[i]] in sizes}
        # a size right after "for" names whose figure it is ("2.1M for 11B"): a binder, not a claim
        bound = {id(g) for f in figs if (b := _binder(x.sentence, f)) is not None
                 for g in figs if f.end < g.q.start < b[0]}
        # the members a figure is about, in parentheses after it ("NK (NB/MB)", "NK (others)"): no figures of their own
        qualified = {i: q for i, f in enumerate(figs) if (q := SIZE_QUALIFIER.match(x.sentence[f.end:]))}
        inside = {id(g) for i, q in qualified.items() for g in figs
                  if figs[i].end < g.q.start < figs[i].end + q.end()}
        for i, f in enumerate(figs):
            if id(f) in bound or id(f) in inside:
                x.used.add(id(f.q))
                continue
            kind = kinds[i]
            after = x.sentence[f.end:]
            binder = _binder(x.sentence, f)
            if kind is None and (kind := self._column_kind(f)) is not None and not f.q.scaled:
                scale = self._column_scale(f)  # "GPU hours (M)": the header's multiplier for a bare cell
                f.value, f.high = f.value * scale, (f.high * scale if f.high is not None else None)
            if kind == "params" and f.q.scaled and self._named_size(f):
                x.used.add(id(f.q))  # "| <Family>-7B | 7B |": the size column repeats the row's name, a label
                continue
            cue = next((k for k in reversed(kinds[:i]) if k), None)
            if kind is None and binder and cue in ("gpu_hours", "tokens"):
                kind = cue  # "(2.1M for 11B, 6.0M for 40B)" after a figure of GPU-hours
            if kind is None and (kind := self._section_kind(f)) is not None:
                kinds[i] = kind  # "## Context windows" over "- <model>: NK tokens": the section's attribute
                x.used.update(id(q) for q in free if f.end < q.start and q is not f.q)  # "(~N words)": an aside
            if kind is None and (kind := self._listed_kind(i, figs, kinds)) is not None:
                kinds[i] = kind  # "N tokens like X vs. M for Y, K for Z": the list's measure, passed on down the list
            if kind is None and f in sizes and self._bare_size(f):
                kind = "params"
            if kind is None and f in sizes and AFTER["on_hardware"].match(after):
                self._hardware(f)
                continue
            ahead = self._name_after(f) if f in sizes and f.q.qualifier == "about" else None
            if kind is None and f in sizes and f.q.qualifier == "about" and \
                    (ahead is not None or self.bind(f.q.start, None, clauses, f.end) is not None):
                kind = "params"  # "X, about 47B, ...", "roughly 47B X": a loose parameter count
            if kind is None and f in sizes and self._names_follow(f):
                x.used.add(id(f.q))  # "the 11B Kestrel model": a size inside a name, no claim
                continue
            if kind is None and i in size_list:
                if self.bind(f.q.start, f.value, clauses, f.end) is None:
                    x.used.add(id(f.q))  # "we evaluate the 4 and 11B sizes": a size list about no model
                    continue
                kind = "params"
            if f in sizes and i not in size_list and kind in (None, "params") and f.high is None and \
                    (label := LABEL_AFTER.match(after)) and not BEFORE["indefinite"].search(x.sentence[:f.q.start]):
                labelled = self._label_target(f, label.group("variant"), clauses)
                if labelled is not None:  # "the 7B instruct model": a size label of one model (docs: Short labels)
                    if self.stated(labelled.ids, f.value):
                        x.used.add(id(f.q))  # the text gave this model this size before: a reference now
                        continue
                    end = f.end + label.end()
                    claim = x.add(f.q.start, end, "parameters", [self._entity(labelled, f.q.start, end)], [f.q],
                                  attribute="parameters_total", value=f.value, high=None,
                                  qualifier=nominal_qualifier(f.q.qualifier), precision=f.precision, target=labelled,
                                  total=False, sizes=[])
                    self.made.append(claim)
                    continue
            if kind == "params" and GENERIC_SIZE_BEFORE.search(x.sentence[:f.q.start]):
                x.used.add(id(f.q))  # "the speed of a 12B model": a class of model compared with, no claim
                continue
            if kind is None:
                continue
            if kind == "params" and (BEFORE["definite"].search(x.sentence[:f.q.start]) or (
                    BEFORE["possessive"].search(x.sentence[:f.q.start]) and LABEL_AFTER.match(x.sentence[f.end:]))) and \
                    not re.search(r"\b(?:and|to|or)\b", x.sentence[f.q.start:f.end]) and i not in size_list:
                x.used.add(id(f.q))
                continue  # "the 40B model" refers to a model, it states nothing
            total = bool(BEFORE["total"].search(x.sentence[:f.q.start]) or TOTAL_AFTER.match(x.sentence[f.end:]))
            size_fig = None
            if binder:
                size_fig = binder[1]
            elif kind == "params":
                size_fig = f.value if f.high is None else None
            elif kind in ("tokens", "gpu_hours", "chips", "context") and not total:  # a total is over the sizes
                # (a qualifier's size is none; under model columns, only a size of the figure's own cell)
                near = [s for s in sizes if s.end <= f.q.start and clauses.same(s.q.start, f.q.start)
                        and s is not f and id(s) not in inside
                        and (not x.binder.columns or self._cell(s.q.start) == self._cell(f.q.start))]
                size_fig = near[-1].value if near else self._row_size()
            if i in qualified and kind != "params":
                target = self._qualified(self.bind(f.q.start, None, clauses, f.end), f, qualified[i], figs, qualified)
                if target is None:
                    x.used.add(id(f.q))  # "MK (others)" under one model's column: another model's figure, no claim
                    continue
            elif (described := self._name_after_unit(f) if kind == "params" and ahead is None and not binder
                  else None) is not None:
                target = self._target(described, f.value)  # "the NB-parameter <Name>": the size describes the name
            else:
                target = self.bind(f.q.start, size_fig, clauses, f.end) if ahead is None else self._target(ahead, None)
            if kind == "params" and self._licence_cell(f):
                x.used.add(id(f.q))  # "| Licence | <licence> (with restrictions for NB) |": a member named, no claim
                continue
            if kind == "params" and target is not None and target.how == "model" and self._size_list_cell(f):
                x.used.add(id(f.q))  # "| Sizes | NB, MxNB, KB |" under one model's column: its family's line-up
                continue
            end = binder[0] if binder else f.end
            unit = AFTER.get(kind) and AFTER[kind].match(after)
            if kind == "params" and unit is None:
                unit = AFTER["size_noun"].match(after)
            if unit and not binder:
                end = f.end + unit.end()
            out_kind, attribute, _ = KINDS[kind]
            # a total's own sizes, when the sentence names them ("the 11B, 40B and 300B models used a total of N")
            summed = sorted({s.value for s in sizes if s is not f and clauses.same(s.q.start, f.q.start)}) \
                if total else []
            start = f.q.start
            claim = x.add(start, end, out_kind, [self._entity(target, start, end)] if target else [], [f.q],
                          attribute=attribute, value=f.value, high=f.high, qualifier=_qualifier(out_kind, f, x.sentence),
                          precision=f.precision, target=target, total=total, sizes=summed)
            self.made.append(claim)

    def _qualified(self, target: Target | None, f: Figure, qualifier: re.Match[str], figs: list[Figure],
                   qualified: dict[int, re.Match[str]]) -> Target | None:
        """The models a figure qualified by members in parentheses is about (docs/claims.md, "Series columns"):
        - "NK (NB/MB)" of a series (a column headed by one, a series named in prose): the series' models of those
          sizes, together (the claim holds when one of them has the value); a size the series lacks: no model;
        - "NK (others)" of a series: its models but those of the sizes the other qualifiers of the same cell name
          ("NK (NB), MK (others)"); none named: no claim;
        - of one model: "NK (<its own size>)" is the model's; another size or "(others)" is about other models (of
          its maker, of its family) and is no claim of this model (None: the figure is left out).
        A figure bound to no model stays unbound."""
        if target is None:
            return None
        if qualifier.group("variant"):
            return self._variant_target(target, qualifier.group("variant"))
        sizes = [self._size_value(m) for m in QUALIFIER_SIZE.finditer(qualifier.group("sizes") or "")]
        key = target.series if target.how == "series" else None
        if key is None:
            if not sizes:
                return None
            family = self._series_of(target.label)
            if family is None or not any(set(ids) & set(target.ids) for ids in self.series.sizes(family[1]).values()):
                return target  # a model of no series it is a sized member of: the size describes the model named
            hits = [self.series.at(family[1], v, max(v * LABEL_SIZE_RELATIVE, LABEL_SIZE_ABSOLUTE)) for v in sizes]
            own = [h for h in hits if h is not None and set(h[1]) & set(target.ids)]
            return target if len(own) == len(sizes) else None
        members = self.series.sizes(key)
        tol = [max(v * LABEL_SIZE_RELATIVE, LABEL_SIZE_ABSOLUTE) for v in sizes]
        if qualifier.group("others") is not None:
            cell = self._cell(f.q.start)
            named = [self._size_value(m) for j, q in qualified.items() if q is not qualifier
                     and cell[0] <= figs[j].q.start < cell[1] for m in QUALIFIER_SIZE.finditer(q.group("sizes") or "")]
            picked = {v: ids for v, ids in members.items()
                      if not any(abs(v - n) <= max(n * LABEL_SIZE_RELATIVE, LABEL_SIZE_ABSOLUTE) for n in named)}
            if not named or not picked or len(picked) == len(members):
                return None
            label = f"{target.label} (other than {', '.join(f'{n / 1e9:g}B' for n in named)})"
        else:
            hits = [self.series.at(key, v, t) for v, t in zip(sizes, tol)]
            if any(h is None for h in hits):
                absent = [f"{v / 1e9:g}B" for v, h in zip(sizes, hits) if h is None]
                return Target(f"{target.label} {qualifier.group('sizes')}", [], "series+size", series=key,
                              note=f"no model of the series '{target.label}' has {', '.join(absent)} parameters in "
                                   "the sources")
            picked = {h[0]: h[1] for h in hits if h is not None}
            label = f"{target.label} {qualifier.group('sizes')}"
        ids = sorted({i for v in picked.values() for i in v})
        how = "series+size" if len(picked) == 1 else "series"
        return Target(label, ids, how, series=key,
                      note=f"'{label}': the series' models of "
                           f"{', '.join(f'{v / 1e9:g}B' for v in sorted(picked))}: {', '.join(ids[:6])}")

    def _variant_target(self, target: Target, variant: str) -> Target:
        """"NK (<Variant> variant)" under a model or series: the one model "<name> <Variant>" names, else a model no
        source names (no ids: unverifiable, never the name's own rows)."""
        base = target.label.split(" (")[0]
        label = f"{base} {variant}"
        found = [m for m in self.x.lex.find_models(label, [], self.x.ctx.con)
                 if m.start == 0 and m.end == len(label) and m.how != "ambiguous"]
        if len(found) == 1 and (ids := mention_ids(self.x.lex, found[0])):
            return Target(found[0].text, ids, "model", note=f"'({variant} variant)': the model '{label}'")
        return Target(label, [], "model", note=f"'({variant} variant)' names '{label}', which no source names; "
                                              f"the rows of '{base}' are not its rows")

    def _licence_cell(self, f: Figure) -> bool:
        """Is the figure in a table cell a licence header or the row's licence label types ("| Licence | <licence>
        (restrictions for NB) |")? A size there names the member the licence note is about, never its size."""
        spans = cell_spans(self.x.sentence, self.x.ctx.cells or [])
        if not spans:
            return False
        label = self.x.sentence[spans[0][1]:spans[0][2]]
        return any(a <= f.q.start < b and (bool(LICENCE_LABEL.match(header)) or (i > 0 and bool(LICENCE_LABEL.match(label))))
                   for i, (header, a, b) in enumerate(spans))

    def _size_list_cell(self, f: Figure) -> bool:
        """Is the figure in a table cell under a model column that holds only a list of sizes ("NB, MxNB, KB")?"""
        if not self.x.binder.columns or not self.x.ctx.cells:
            return False
        a, b = self._cell(f.q.start)
        return bool(SIZE_LIST_CELL.match(self.x.sentence[a:b]))

    @staticmethod
    def _size_value(m: re.Match[str]) -> float:
        return float(m.group("n")) * (1e9 if m.group("u").upper() == "B" else 1e6)

    def _cell(self, pos: int) -> tuple[int, int]:
        """The span of the table cell holding a position (the whole sentence outside a table)."""
        if not self.x.ctx.cells:
            return 0, len(self.x.sentence)
        for _, a, b in cell_spans(self.x.sentence, self.x.ctx.cells):
            if a <= pos < b:
                return a, b
        return 0, len(self.x.sentence)

    def cutoffs(self) -> None:
        """"a knowledge cut-off of <date>", "a cutoff of <date>", "knowledge up to <date>", "trained on data up to
        <date>", "a <date> cut-off (date)" (`patterns.CUTOFF_BEFORE`, `CUTOFF_AFTER`), a key-value line or two-cell
        row under a cut-off label (`label_at`), a cell under a cut-off column: the model's knowledge cut-off, at the
        precision written."""
        x = self.x
        clauses = clause_boundaries(x.sentence, x.ctx.row)
        for d in x.dates:
            # a cell under a cut-off column (or, in a table whose columns are models, a cut-off row's label) is read
            # first: its span is its own cell's date, never the row's label before it
            column = self._cutoff_cell(d.start, d.end)
            lead = CUTOFF_BEFORE.search(x.sentence[:d.start]) if column is None else None
            labelled = column is None and lead is None and (label_at(x.sentence, d.start) == "cutoff" or  # "| Knowledge cutoff | <date> |"
                                                            (list_kind(x.ctx) == "cutoff" and self._section_line(d.start)
                                                             and not x.sentence[d.end:].strip(" .;")))  # "## Knowledge cut-off" over "- X: <date>"
            tail = CUTOFF_AFTER.match(x.sentence[d.end:]) if column is None and lead is None and not labelled else None
            if id(d) in x.used or (lead is None and not labelled and tail is None and column is None):
                continue
            target = self.bind(d.start, None, clauses, d.end)
            start = lead.start() if lead is not None else 0 if labelled else d.start
            end = d.end + (tail.end() if tail is not None else 0)
            claim = x.add(start, end, "knowledge_cutoff", [self._entity(target, start, end)] if target else [],
                          [d], attribute="knowledge_cutoff", date=d, target=target)
            self.made.append(claim)

    # ------------------------------------------------------------------ size labels
    def _label_target(self, f: Figure, variant: str, clauses: Clauses) -> Target | None:
        """The one model a size label names ("the 7B instruct model"): the series' model of exactly that size,
        the family being the one the binding rule gives the figure, else the previous subject or the text's
        topic (a label is itself a reference to the family discussed); None when none or no such size."""
        x = self.x
        chosen = self.bind(f.q.start, None, clauses, f.end)
        if chosen is not None:
            family = (chosen.label, chosen.series) if chosen.series else self._series_of(chosen.label)
        else:
            referent = x.ctx.referent
            family = (referent.text, referent.key) if isinstance(referent, SeriesMention) else \
                self._series_of(referent.text) if isinstance(referent, Mention) else None
        if family is None:
            return None
        hit = self.series.at(family[1], f.value, max(f.value * LABEL_SIZE_RELATIVE, LABEL_SIZE_ABSOLUTE))
        if hit is None:
            return None
        ids = sorted(hit[1])  # a variant word ("instruct", "base") changes no parameter count: every variant's rows
        label = f"{family[0]} {f.text}"
        return Target(label, ids, "series+size", series=family[1],
                      note=f"'{f.text}{variant}' is a size label of {family[0]}: {', '.join(ids)}; a size label is a "
                           f"nominal size, read as 'about {f.text}'")

    def _series_of(self, text: str) -> tuple[str, str] | None:
        """The series a model's name belongs to ("Kestrel 2" of "Kestrel 2 40B"), as (text, key)."""
        found = self.series.find(text)
        return (found[0].text, found[0].key) if found else None

    def stated(self, ids: list[str], value: float) -> bool:
        """Has the text already given one of these models this parameter count (a claim of an earlier sentence
        or of this one)? Then a size label of it is a reference, not a new statement."""
        made = [(set(c.params["target"].ids), c.params["value"]) for c in self.made
                if c.kind == "parameters" and c.params.get("target") is not None and c.params.get("value") is not None
                and c.params.get("high") is None and "ratio_to" not in c.params]
        return stated_before([*self.x.ctx.sizes, *made], ids, value)

    # ------------------------------------------------------------------ binding
    def _bare_size(self, f: Figure) -> bool:
        """A size written alone ("11B, 40B and 300B", "40B for chat") in a sentence that names
        a series: a parameters claim. Not when followed by a noun of its own ("11B tokens") or a comparison
        word before ("larger than 50B")."""
        x = self.x
        referred = isinstance(x.ctx.subject, SeriesMention) and bool(REFERENCE.search(x.sentence))
        if not (self.mentions or referred or (x.ctx.row and self._row_series())):
            return False
        after = x.sentence[f.end:]
        if re.match(r"\s*(?:[A-Za-z]+)", after) and not re.match(r"\s*(?:for|and|or|&|with|in|each|models?|versions?|"
                                                                 r"variants?|sizes?|parameters?)\b", after, re.I):
            return False
        if re.search(r"\b(?:than|over|under|above|below)\s+$", x.sentence[:f.q.start], re.I):
            return False
        return True

    def _section_line(self, start: int) -> bool:
        """Is the text before `start` a list line's label naming a model ("- <model>: ", "- <model> — about ")
        (`patterns.SECTION_LINE`)?"""
        line = SECTION_LINE.match(self.x.sentence[:start])
        return line is not None and any(m.end <= line.end("label") for m in list(self.x.models) + list(self.mentions))

    def _section_kind(self, f: Figure) -> str | None:
        """A list line "<model>: N (tokens)" under a heading or a lead that names one attribute ("## Context windows",
        "Parameter counts:": `carry.list_kind`): the section's attribute types the line's bare figure, when the line
        names no other (only the kind's unit and an aside in parentheses after it: `patterns.SECTION_VALUE_END`), at
        the kind's scale (a parameter count with its scale written)."""
        kind = list_kind(self.x.ctx)
        if kind is None or kind == "cutoff" or f.q.currency or f.q.percent or not self._section_line(f.q.start) or \
                not SECTION_VALUE_END.match(self.x.sentence[f.end:]):
            return None
        if kind in ("params", "active"):
            return kind if f.q.scaled and at_scale(kind, f.value) else None
        return kind if at_scale(kind, f.value, floor=MIN_CONTEXT) else None

    def _listed_kind(self, i: int, figs: list[Figure], kinds: list[str | None]) -> str | None:
        """A bare figure in a coordinated list of quantities takes the measure of the figure before it: "trained
        on N tokens like X vs. M for Y, K for Z" (each later count a token count, its model by the binding rule:
        "for Y"). The figure has no unit of its own, and between the two stand only the first one's unit words, a
        model and its preposition, separators and a coordinator (`patterns.LISTED_GAP`, `LISTED_END`)."""
        if i == 0 or kinds[i - 1] is None or kinds[i - 1] == "params":
            return None
        f, prev = figs[i], figs[i - 1]
        x = self.x
        if f.q.currency or f.q.percent or not LISTED_END.match(x.sentence[f.end:]):
            return None
        gap = x.sentence[prev.end:f.q.start]
        for m in sorted(x.models, key=lambda m: -m.start):
            if prev.end <= m.start and m.end <= f.q.start:
                gap = gap[:m.start - prev.end] + " X " + gap[m.end - prev.end:]
        if not LISTED_GAP.match(gap):
            return None
        kind = kinds[i - 1]
        low = {"tokens": MIN_TRAINING_TOKENS, "context": MIN_CONTEXT, "output": MIN_CONTEXT}.get(kind or "", 0)
        return kind if f.value >= low else None

    def _column_kind(self, f: Figure) -> str | None:
        """In a table row, the kind its column's header gives a figure cell (`patterns.column_kind`), else the kind
        the row's label gives it: a first cell naming no model ("| Max tokens | 8K | 32K |" under columns of
        models, "| Max tokens | 32K |" under "Metric | Value"). A cell outside its kind's scale is none of it (a
        training set below `MIN_TRAINING_TOKENS`, a size below `MIN_PARAMS`, a window from `MAX_CONTEXT` up)."""
        if not self.x.ctx.cells or f.q.currency or f.q.percent:
            return None
        spans = cell_spans(self.x.sentence, self.x.ctx.cells)
        for i, (header, a, b) in enumerate(spans):
            if PRICE_HEADER_RE.search(header):
                continue  # "$/1M tokens": a price column, not a token count
            if a <= f.q.start and f.end <= b:
                kind = column_kind(header)
                if kind is None and i > 0 and (label := self._row_label(spans)) is not None:
                    kind = column_kind(label)
                value = f.value * (1.0 if f.q.scaled else self._column_scale(f))
                return kind if kind != "architecture" and at_scale(kind, value) else None
        return None

    def _named_size(self, f: Figure) -> bool:
        """In a table row, does the row's model name hold the size a "Size"/"Params" cell gives ("| <Family>-7B | 7B |")?
        Then the cell is a nominal label repeating the name, no claim of its own; a name without a size, or with
        another figure ("<Family>-7B | 6.7B"), keeps the cell's claim."""
        spans = cell_spans(self.x.sentence, self.x.ctx.cells or [])
        if not spans or spans[0][1] != 0 or spans[0][1] <= f.q.start < spans[0][2]:
            return False
        a, b = spans[0][1], spans[0][2]
        names = [m for m in list(self.x.models) + list(self.mentions) if a <= m.start < b]
        return any(math.isclose(float(n.group("n")) * SCALE[n.group("u").lower()], f.value, rel_tol=1e-6)
                   for m in names for n in NAMED_SIZE_RE.finditer(self.x.sentence[m.start:m.end]))

    def _row_label(self, spans: list[tuple[str, int, int]]) -> str | None:
        """A table row's label: its first cell, when it names no model or series (a row of a table whose columns
        are models, or of a "Metric | Value" table)."""
        _, a, b = spans[0]
        if a != 0 or any(a <= m.start < b for m in list(self.x.models) + list(self.mentions)):
            return None
        return self.x.sentence[a:b]

    def _column_scale(self, f: Figure) -> float:
        """The multiplier a column header states for its bare cells ("GPU hours (M)", "Params [billions]")."""
        for header, a, b in cell_spans(self.x.sentence, self.x.ctx.cells or []):
            if a <= f.q.start and f.end <= b and (m := COLUMN_SCALE_RE.search(header)):
                return SCALE[m.group(1).lower()[0] if len(m.group(1)) > 1 else m.group(1).lower()]
        return 1.0

    def _cutoff_cell(self, start: int, end: int) -> str | None:
        """In a table row, the header of a knowledge cut-off column whose cell is this date."""
        for header, a, b in cell_spans(self.x.sentence, self.x.ctx.cells or []):
            if a <= start and end <= b and CUTOFF_COLUMN_RE.search(header):
                return header
        return None

    def _names_follow(self, f: Figure) -> bool:
        return self._name_after(f) is not None

    def _name_after(self, f: Figure) -> Any:
        """The model or series named right after a size ("the 11B Kestrel model"), if any."""
        nxt = [m for m in list(self.mentions) + list(self.x.models) if m.start >= f.end]
        return next((m for m in nxt if re.fullmatch(r"[\s-]?", self.x.sentence[f.end:m.start])), None)

    def _name_after_unit(self, f: Figure) -> Any:
        """The model or series named right after a size and its parameter word ("the NB-parameter <Name>", "a NB
        parameter <Name> model"): what the size describes, whatever the sentence's subject."""
        unit = AFTER["params"].match(self.x.sentence[f.end:])
        if unit is None:
            return None
        at = f.end + unit.end()
        nxt = [m for m in list(self.mentions) + list(self.x.models)
               if m.start >= at and getattr(m, "how", None) != "ambiguous"]
        return next((m for m in nxt if re.fullmatch(r"[\s-]?", self.x.sentence[at:m.start])), None)

    def _row_series(self) -> bool:
        return bool(self.mentions) or bool(self.x.models)

    def _row_size(self) -> float | None:
        """In a table row, the size cell under a "Size"/"Params" column (none in a table whose columns are models:
        each cell's size is its own column model's)."""
        if not self.x.ctx.cells or self.x.binder.columns:
            return None
        for header, text in self.x.ctx.cells:
            if column_kind(header) == "params" and re.fullmatch(r"\d+(?:\.\d+)?\s?B", text):
                return float(text.rstrip("B ").strip()) * 1e9
        return None

    def bind(self, pos: int, size: float | None, clauses: Clauses, end: int | None = None) -> Target | None:
        """The model the figure at [pos, end) is about: the binding rule of `binding.py` over the
        sentence's models and series (a table row: its first cell; "the 9 and 40B models of the
        Kestrel series": the noun phrase's own complement; else by grammar before it or through an
        explicit reference)."""
        x = self.x
        named: list[Any] = [m for m in x.models if m.how != "ambiguous"] + list(self.mentions)
        chosen = Binder(x.sentence, named, referent=x.ctx.referent, row=x.ctx.row, in_list=x.ctx.in_list,
                        list_subject=x.ctx.intro_subject, item=x.ctx.item, topic=x.ctx.topic,
                        group=x.ctx.group, parent=x.ctx.parent, section_model=x.ctx.section_model,
                        columns=x.binder.columns, table_model=x.ctx.row_model,
                        standfirst=x.binder.standfirst).bind(pos, end)
        if isinstance(chosen, Group):
            # a plural reference ("all three models"): one target per model, one claim each (extract._each_of_group)
            targets = covering([t for m in chosen.members if (t := self._target(m, size)) is not None])
            if len(targets) < 2:
                return targets[0] if targets else None
            x.grouped[id(targets[0])] = (chosen, targets)
            return targets[0]
        listed = end is not None and _in_size_list(x.sentence, pos, end)
        if isinstance(chosen, SeriesMention):
            # the same words as both a series and a model ("<Family> 4" is a canonical model and the series
            # of its sized models): with no size, the name covers the model and every model of the series
            twin = next((m for m in x.models if (m.start, m.end) == (chosen.start, chosen.end)
                         and m.how != "ambiguous"), None)
            if twin is not None:
                return self._target(chosen, size, also=twin, listed=listed)
        return self._target(chosen, size, listed=listed) if chosen is not None else None

    def _target(self, chosen: Any, size: float | None, also: Mention | None = None,
                listed: bool = False) -> Target | None:
        named = chosen if isinstance(chosen, Mention) else also
        if isinstance(chosen, Mention) and chosen.how == "series":
            # a series as a mention (a table column headed by a series, `tables.series_header`): the series
            chosen, named = SeriesMention(chosen.start, chosen.end, chosen.text, chosen.key), None
        if isinstance(chosen, Mention) and size is not None and self.series.keys(norm_name(chosen.text)):
            # a model name that is also a series' name ("KESTREL") with a size: the series' model of that size
            chosen = SeriesMention(chosen.start, chosen.end, chosen.text, norm_name(chosen.text))
        if isinstance(chosen, SeriesMention):
            if size is None:
                ids = sorted({i for members in self.series.sizes(chosen.key).values() for i in members})
                own = self._ids(also) if also is not None else []
                return Target(chosen.text, sorted(set(ids) | set(own)), "series", series=chosen.key,
                              note=f"'{chosen.text}' names a series: every model of it ({len(ids)})"
                                   + (f" and the model {', '.join(own)}" if set(own) - set(ids) else ""))
            tol = max(size * 0.2, 0.5e9)
            hit = self.series.at(chosen.key, size, tol)
            label = f"{chosen.text} {size / 1e9:g}B"
            if hit is None and named is not None and self._ids(named) and not listed:
                # the name alone is a model the sources know: the size only describes it ("| <model> | 400B |",
                # a total size where the series' ids carry the active one), as for a table header's "(40B)"
                return Target(named.text, self._ids(named), "model", note=named.note)
            if hit is None:
                return Target(label, [], "series+size", series=chosen.key,
                              note=f"no model of the series '{chosen.text}' has {size / 1e9:g}B parameters in the sources")
            value, members = hit
            note = f"'{label}' is the series' {value / 1e9:g}B model: {', '.join(sorted(members))}"
            fallback = [i for i in self._ids(named) if i not in members] if named is not None else []
            return Target(label, sorted(members), "series+size", note=note, series=chosen.key, fallback=fallback)
        if isinstance(chosen, Mention) and chosen.how == "tier":
            # a tier named without a version: its members, each checked apart (`verify.verify_members`)
            return Target(chosen.text, self._ids(chosen), "tier", note=chosen.note, series=chosen.key)
        return Target(chosen.text, self._ids(chosen), "model", note=chosen.note)

    def _ids(self, m: Mention) -> list[str]:
        """The canonical models a model mention's names belong to."""
        return mention_ids(self.x.lex, m)

    def target(self, chosen: Any, size: float | None) -> Target | None:
        """The canonical models a named model or series stands for (also used by `ratios.py`)."""
        return self._target(chosen, size)

    def entity(self, target: Target, start: int, end: int) -> Mention:
        return self._entity(target, start, end)

    def _entity(self, target: Target, start: int, end: int) -> Mention:
        return Mention("model", start, end, target.label, ", ".join(target.ids[:6]) or target.label,
                       how=target.how, note=target.note)

    def _hardware(self, f: Figure) -> None:
        """"40B on <chip>": the size's training hardware type."""
        x = self.x
        gpu = next((g for g in x.of("gpu") if g.start >= f.end and g.start - f.end <= 30), None)
        if gpu is None:
            return
        clauses = clause_boundaries(x.sentence, x.ctx.row)
        target = self.bind(f.q.start, f.value, clauses, f.end)
        claim = x.add(f.q.start, gpu.end, "training_hardware", ([self._entity(target, f.q.start, gpu.end)]
                                                                 if target else []) + [gpu], [f.q],
                      attribute="training_hardware", hardware=gpu.key, target=target)
        self.made.append(claim)


# a size beside another in a coordinated list ("NB and MB", "NB, MB or KB", "NB/MB")
SIZE_FIGURE = r"\d+(?:\.\d+)?\s?(?:B|billion)\b"
SIZE_LIST_AFTER = re.compile(r"^(?:\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+|&\s*|/\s*))" + SIZE_FIGURE)
SIZE_LIST_BEFORE = re.compile(SIZE_FIGURE + r"(?:\s*(?:,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+|\s*&\s*|\s*/\s*))$")


def _in_size_list(sentence: str, start: int, end: int) -> bool:
    """Is the figure at [start, end) one size of a coordinated list ("<series> with NB and MB parameters")? Each size
    of such a list is a member's: one no member has is not the name's own model described by it (`_target`)."""
    return bool(SIZE_LIST_AFTER.match(sentence[end:]) or SIZE_LIST_BEFORE.search(sentence[:start]))
