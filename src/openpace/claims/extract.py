"""From a sentence to claims: one per checkable statement, each with its own span and kind.

Extractors look for patterns around entity mentions (models, benchmarks, GPU types, providers,
repositories, the Hub) found by `resolve.Lexicon`. A figure no extractor claims becomes an
`other` claim, which no source covers. Damaged figures become `unreadable` claims first, so
they are never read as numbers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from .carry import COMPUTE_RE, _qualifier_of, cell_spans, dated_snapshots, header_kind, short_names
from .clauses import Clauses, clause_boundaries
from .numbers import DateExpr, Quantity, find_damage, find_dates, find_quantities
from .resolve import Lexicon, Mention

RELEASE_RE = re.compile(r"\b(?:released|launched|arrived|debuted|came out|shipped|introduced|unveiled|announced|"
                        r"(?:its |the )?(?:release|launch|debut)(?=\s+(?:in|on|during)\b)|"
                        r"went live|became available|dropped|was out|were out|appeared)\b", re.I)
DATE_LEAD_RE = re.compile(r"^[\s,]*(?:in|on|during|by|around|as of|back in)?\s*(?:early|late)?\s*$", re.I)
OPEN_RE = re.compile(r"\b(?:weights\s+(?:were|was|are|is|went|became)\s+(?:made\s+)?"
                     r"(?:openly\s+|freely\s+|publicly\s+)?"
                     r"(?:public|open|released|available|downloadable|published|free)|(?:openly|publicly)\s+released|"
                     r"released\s+(?:openly|publicly|with open weights)|"
                     r"(?:an?|as|the)\s+open[- ](?:weights?|source)\s+model)"
                     r"(?:\s+(?:on day one|from day one|at (?:release|launch)|on release))?", re.I)
CLOSED_RE = re.compile(r"\b(?:weights\s+(?:were|was|are|is|have)\s+(?:never|not)\s+(?:been\s+)?(?:released|public|"
                       r"published|shared)|(?:an?\s+)?(?:closed[- ]weights?|API[- ]only|proprietary)\s+model|"
                       r"(?:remains?|remained|stays?|stayed)\s+(?:closed|proprietary|API[- ]only)\b)", re.I)
PER_MTOK_RE = re.compile(r"^\s*(?:USD|US\$|dollars?)?\s*(?:/|per|a|for\s+(?:every|each))\s*"
                         r"(?:(?P<mil>1\s?M|M|million|mtok|1 million|one million)|"
                         r"(?P<k>1\s?K|K|thousand|1[,\s]?000))\b(?P<rest>[\w\s-]{0,30}?tokens?\b)?", re.I)
PRICE_WORD_RE = re.compile(r"\b(?:costs?|priced|price|charges?|serves?|quotes?|bills?)\b", re.I)
GPU_GAP_RE = re.compile(r"^\s*(?:x|×|\*)?\s*(?:nvidia|google|amd|intel|huawei)?\s*(?:tpus?)?\s*$", re.I)
ACCEL_RE = re.compile(r"^\s*(?:GPUs|TPUs|chips|accelerators)\b", re.I)
TRAIN_TIME_RE = re.compile(r"^\s*(?P<unit>hours?|days?|weeks?|months?)\b", re.I)
SCORE_BEFORE_RE = re.compile(r"^\s*(?:points?\s+|percent\s+)?(?:(?:on|in|at|for)\s+(?:the\s+)?)?$", re.I)
SCORE_AFTER_RE = re.compile(r"^\s*(?:(?:score|result|accuracy)s?,?)?\s*(?:of|at|:|=|\(|is|was|reached|hit|score of|"
                            r"scores? of|accuracy of|of about|of around)?\s*$", re.I)
COMPARE_RE = re.compile(r"\b(?:within\s+(?P<within>\S+(?:\s\S+)?)\s+points?\s+of|(?P<ahead>ahead of|beats?|beat|"
                        r"outperform(?:s|ed)?|outscor(?:es|ed)|tops|topped|above|higher than|better than)|"
                        r"(?P<behind>behind|trails?|trailed|trailing|below|lower than|worse than)|"
                        r"(?P<tie>matches|matched|ties|tied with|on par with|level with))", re.I)
CONTRIB_RE = re.compile(r"^\s*(?P<what>(?:distinct |unique |different |individual )?(?:contributors|authors|committers|"
                        r"developers|people)|(?:new |first[- ]time )(?:contributors|authors)|commits)\b", re.I)
ORDERS_RE = re.compile(r"\b(?:(?P<k>\w+)\s+)?orders?\s+of\s+magnitude\b", re.I)
HUB_BY_RE = re.compile(r"\b(?:by|as of|before|until)\s+(?:the\s+end\s+of\s+)?$", re.I)
HUB_PASSED_RE = re.compile(r"\b(?:pass(?:ed|es)?|surpass(?:ed|es)?|cross(?:ed|es)?|topp?(?:ed|s)?|hit|reach(?:ed|es)?|"
                           r"exceed(?:ed|s)?|more than|over|at least|upwards of)\s*$", re.I)
GROWTH_RE = re.compile(r"\b(?:(?P<n>\d+(?:\.\d+)?)\s*(?:x|×|-fold|\s?times)|(?P<word>doubled|tripled|quadrupled|"
                       r"(?:two|three|four|five|six|seven|eight|nine|ten)fold))", re.I)
GROWTH_WORDS = {"doubled": 2, "tripled": 3, "quadrupled": 4, "twofold": 2, "threefold": 3, "fourfold": 4,
                "fivefold": 5, "sixfold": 6, "sevenfold": 7, "eightfold": 8, "ninefold": 9, "tenfold": 10}
HUB_NOUN_RE = re.compile(r"^(?:\s+[\w-]+){0,2}?\s+(?:models|repositories|repos|model repositories)\b", re.I)
HUB_FROM_RE = re.compile(r"\b(?:from|to|than)\s+(?:about\s+|around\s+|just\s+)?$", re.I)
CONDITIONAL_RE = re.compile(r"\b(?:when|if|unless|whether|once)\s+(?:its|the|their|a|an)?\s*(?:\w+\s+)?$", re.I)
OPEN_WINDOW = 60  # characters between a model's name and "weights were released" that still bind them
HOURS_PER = {"hour": 1, "day": 24, "week": 168, "month": 730.5}
BENCH_WINDOW = 60  # characters between a leftover percentage and the benchmark it belongs to
# "N% of the <group>": a share of a group, not a benchmark score
SHARE_RE = re.compile(r"^\s*of\s+[A-Za-z]", re.I)
PRICE_SIDE_RE = re.compile(r"\b(input|output|blended|prompt|completion)\b", re.I)
PROVIDER_AFTER_RE = re.compile(r"^\s*(?:at|from|on|via|through|with)\s+$", re.I)
CENTS_RE = re.compile(r"\s*(?:US\s+)?cents?\b", re.I)
# a score verb right before a figure ("X reached N", "X hit N", "X sat at an Elo of N")
SCORE_VERB_RE = re.compile(r"\b(?:scor(?:ed|es|ing)|reach(?:ed|es)?|hit|hits|gets?|got|post(?:ed|s)|achiev(?:ed|es)|"
                           r"managed|manages|record(?:ed|s)|(?:sat|sits|stood|stands) at)\s+$", re.I)
# what may follow a score figure: its percent sign, the end of a clause, or a preposition/conjunction
SCORE_END_RE = re.compile(r"^\s*(?:%|percent\b|per\s?cent\b)?(?:\s*(?:$|[,.;:)])|\s+(?:on|in|at|while|and|but|whereas|"
                          r"with|for|versus|vs\.?|against|than)\b)", re.I)
HUB_REFERENCE_RE = re.compile(r"\b(?:it|its|the docs|the site|the platform|the count|the total|that number|the catalog(?:ue)?)\b",
                              re.I)
SUBJECT_GAP_RE = re.compile(r"^(?:\s*|,[^,;:]{0,60},\s*)$")  # "X reached", "X, <aside>, managed"
SAME_BENCH_RE = re.compile(r"\b(?:the\s+)?same\s+(?:test|benchmark|exam|evaluation|leaderboard|suite)\b", re.I)
GAP_RE = re.compile(r"\b(?:a|the)\s+(?:gap|difference|margin|lead|spread)\s+of\s+$", re.I)
POINTS_RE = re.compile(r"^\s*(?:Elo\s+)?points?\b", re.I)
RATIO_RE = re.compile(r"^\s*(?:times|x|×)\b", re.I)
RATIO_OTHER_RE = re.compile(r"^\s*(?:what\s+|that\s+of\s+|the\s+(?:price|rate)\s+(?:of|at)\s+)?$", re.I)
RATIO_TAIL_RE = re.compile(r"^(?:'s|’s)?\s*(?:charges?|rate|price|costs?|asks?)?", re.I)
CHANGE_RE = re.compile(r"\b(?:a|an)\s+(?P<dir>drop|fall|decline|decrease|reduction|cut|increase|rise|jump|gain|"
                       r"growth)\s+of\s+$", re.I)
CHANGE_KINDS = ("contributors", "price", "score")  # kinds whose found value is an exact figure
UNIT_CARRY_RE = re.compile(r"^\s+(?:in|during)\s+", re.I)


@dataclass
class Claim:
    """One checkable statement, its verdict and evidence."""

    sentence: str
    start: int
    end: int
    kind: str
    entities: list[Mention] = field(default_factory=list)
    params: dict[str, Any] = field(default_factory=dict)
    verdict: str = "unverifiable"
    expected: Any = None
    found: Any = None
    evidence: list[dict] = field(default_factory=list)
    explanation: str = ""
    block: int = 0
    index: int = 0  # sentence number within the block

    @property
    def span(self) -> str:
        return self.sentence[self.start:self.end]

    def to_dict(self) -> dict:
        return {
            "sentence": self.sentence, "span": self.span, "kind": self.kind,
            "entities": [m.to_dict() for m in self.entities], "verdict": self.verdict,
            "expected": self.expected, "found": self.found, "evidence": self.evidence,
            "explanation": self.explanation,
            "position": {"block": self.block, "sentence": self.index, "start": self.start, "end": self.end},
        }


@dataclass
class Context:
    """What carries from one sentence to the next: the last model named ("the same model")."""

    last_model: Mention | None = None
    con: Any = None  # the warehouse, for the identity resolver
    row: bool = False  # the sentence is a table row: its cells, joined with "; ", are one record
    cells: list[tuple[str, str]] | None = None  # a table row's (column header, cell text) pairs
    last_bench: Mention | None = None  # the only benchmark the previous sentence named
    last_hub: Mention | None = None  # the Hub, when the previous sentence named it
    seen: list[Mention] = field(default_factory=list)  # models named earlier in the text (short names)


OBJECT_RE = re.compile(r"\b(?:unlike|than|versus|vs\.?|compared (?:with|to)|against|behind|ahead of|over|beat|beats|"
                       r"outscored|outperformed|outperforms|trails|trailed|overtook|like)\s+(?:the\s+)?$", re.I)


def _nearest_model(models: list[Mention], pos: int, lo: int = 0, hi: int | None = None,
                   sentence: str | None = None) -> Mention | None:
    """The model named closest before `pos` (from `lo`), else the first after it (up to `hi`).

    A model that is the object of a comparison ("unlike X", "beat X") is not the one a figure
    after it belongs to; the sentence's subject is.
    """
    before = [m for m in models if lo <= m.start and m.end <= pos]
    if sentence is not None:
        before = [m for m in before if not OBJECT_RE.search(sentence[:m.start])] or before[:1]
    if before:
        return before[-1]
    after = [m for m in models if m.start >= pos and (hi is None or m.start < hi)]
    return after[0] if after else None


def _precision(mantissa: str) -> float:
    """Half a unit of a figure's last digit, relative to it ("M.D": 0.05 / M.D)."""
    decimals = len(mantissa.split(".")[1]) if "." in mantissa else 0
    return 0.5 * 10 ** -decimals / max(float(mantissa), 1e-9)


def _widen(sentence: str, start: int, end: int, before: int = 1, after: int = 3) -> tuple[int, int]:
    """A damaged figure's span with a few words of context, so a reader can find it."""
    head = sentence[:start].rstrip()
    for _ in range(before):
        cut = head.rfind(" ")
        head = head[:cut] if cut >= 0 else ""
    a = len(head) + (1 if head else 0)
    rest = sentence[end:]
    words = re.match(r"(?:\s*[^\s,;.]+){0,%d}" % after, rest)
    return a, end + (words.end() if words else 0)


def extract(sentence: str, lex: Lexicon, ctx: Context) -> list[Claim]:
    """Every claim in one sentence (whitespace-collapsed), in order of appearance."""
    claims: list[Claim] = []
    damage = find_damage(sentence)
    taken = [(d.start, d.end) for d in damage]
    for d in damage:
        a, b = _widen(sentence, d.start, d.end)
        kind = "price" if re.search(r"per\s+(?:million|1M|M)|tokens|[$€£]", sentence[d.start:b + 20]) else "figure"
        claims.append(Claim(sentence, a, b, kind, verdict="unreadable", expected=d.text,
                            explanation=f"damaged figure '{d.text}': {d.reason}; not read as a number"))
    compute = list(COMPUTE_RE.finditer(sentence))
    taken += [(m.start(), m.end()) for m in compute]
    models = lex.find_models(sentence, taken, ctx.con)
    models = short_names(sentence, lex, ctx, models, taken)
    others = lex.find_others(sentence, taken + [(m.start, m.end) for m in models])
    names = taken + [(m.start, m.end) for m in models + others if m.type != "hub"]
    dates = [d for d in find_dates(sentence) if not any(a < d.end and d.start < b for a, b in names)]
    models, snapshot_dates = dated_snapshots(sentence, lex, models, dates)
    quantities = find_quantities(sentence, names + [(d.start, d.end) for d in dates])
    used: set[int] = {id(d) for d in snapshot_dates}  # ids of quantities and dates consumed by a claim
    x = _Extractor(sentence, lex, ctx, models, others, dates, quantities, used, claims)
    for m in compute:
        x.add(m.start(), m.end(), "training_compute", [x.model_for(m.start())], [],
              flop=float(m.group("m")) * 10 ** int(m.group("e") or m.group("e2")),
              qualifier=_qualifier_of(sentence, m.start()), precision=_precision(m.group("m")))
    if ctx.cells:
        x.table_row()
    x.prices()
    x.training()
    x.comparisons()
    x.scores()
    x.releases()
    x.openness()
    x.hub_counts()
    x.contributors()
    x.changes()
    x.catalogues()
    x.leftovers()
    if models:
        ctx.last_model = models[-1]
    ctx.seen.extend(m for m in models if m.how != "ambiguous")
    benches = {b.key: b for b in x.of("benchmark")}
    ctx.last_bench = next(iter(benches.values())) if len(benches) == 1 else (
        ctx.last_bench if not benches and x.carried_bench is not None else None)
    ctx.last_hub = (x.of("hub") or [None])[0] or (ctx.last_hub if x.carried_hub else None)
    return sorted(claims, key=lambda c: (c.start, c.end))


@dataclass
class _Extractor:
    sentence: str
    lex: Lexicon
    ctx: Context
    models: list[Mention]
    others: list[Mention]
    dates: list[DateExpr]
    quantities: list[Quantity]
    used: set[int]
    claims: list[Claim]
    carried_bench: Mention | None = None  # the previous sentence's benchmark, when this one borrowed it
    carried_hub: bool = False

    def of(self, type_: str) -> list[Mention]:
        return [m for m in self.others if m.type == type_]

    def free(self) -> list[Quantity]:
        return [q for q in self.quantities if id(q) not in self.used]

    def add(self, start: int, end: int, kind: str, entities: list[Mention | None], consumed: list[Any],
            **params: Any) -> Claim:
        for item in consumed:
            if item is not None:
                self.used.add(id(item))
        claim = Claim(self.sentence, start, end, kind, [e for e in entities if e is not None], params)
        self.claims.append(claim)
        return claim

    def model_for(self, pos: int) -> Mention | None:
        model = _nearest_model(self.models, pos, sentence=self.sentence)
        if model is None and re.search(r"\b(?:same|this|that) model\b|\bit\b|\bits\b", self.sentence, re.I):
            model = self.ctx.last_model
        return model

    def date_near(self, pos: int, window: int = 40) -> DateExpr | None:
        after = [d for d in self.dates if id(d) not in self.used and 0 <= d.start - pos <= window]
        return after[0] if after else None

    # ------------------------------------------------------------------ kinds
    def prices(self) -> None:
        previous_end = 0
        for q in self.free():
            cents = CENTS_RE.match(self.sentence[q.end:]) if not q.currency else None  # "N cents" = $N/100
            tail = q.end + (cents.end() if cents else 0)
            money = q.currency or cents is not None
            m = PER_MTOK_RE.match(self.sentence[tail:])
            if not (m and (money or m.group("rest"))) and not (money and PRICE_WORD_RE.search(
                    self.sentence[max(0, q.start - 30):q.start])):
                continue
            end = tail + (m.end() if m else 0)
            part = self._price_side(q, end, previous_end)
            per = 1000.0 if m and m.group("k") else 1.0
            # "... $X per million tokens for <model>": the model the price is for; else the nearest
            # one since the previous figure, else the sentence's usual binding
            model = next((x for x in self.models if x.start >= end and re.fullmatch(
                r"\s*(?:for|of)\s+(?:the\s+)?", self.sentence[end:x.start])), None) or \
                _nearest_model(self.models, q.start, lo=previous_end, sentence=self.sentence) or \
                self.model_for(q.start)
            if model is not None and model.start > q.start and \
                    re.search(r"\btimes\s+(?:what\s+)?$", self.sentence[:model.start], re.I):
                model = None  # "..., N times what Y charges": Y is the other side of a ratio, not this price's
            self.add(q.start, end, "price", [model, self._provider_for(q.start, end)], [q],
                     value=q.value * per / (100 if cents else 1), part=part, qualifier=q.qualifier, quantity=q)
            self.used.update(id(x) for x in self.quantities if q.end <= x.start < end)  # the "1M" of "per 1M"
            previous_end = end
        self._price_ratios()

    def _price_ratios(self) -> None:
        """"$A per million ..., (more than) N times what Y charges / Z's rate": the ratio of the price
        before it (as the sources give it) to Y's price (first party) or the same model's at Z."""
        for q in self.free():
            r = RATIO_RE.match(self.sentence[q.end:])
            base = next((c for c in reversed(self.claims) if c.kind == "price" and c.verdict != "unreadable"
                         and c.end <= q.start), None)
            if r is None or base is None:
                continue
            at = q.end + r.end()
            other = next((x for x in sorted(self.models + self.of("provider"), key=lambda x: x.start)
                          if x.start >= at and RATIO_OTHER_RE.match(self.sentence[at:x.start])), None)
            if other is None:
                continue
            end = other.end + RATIO_TAIL_RE.match(self.sentence[other.end:]).end()
            base_model = next((e for e in base.entities if e.type == "model"), None)
            if base_model is None or (other.type == "model" and other.key == base_model.key):
                continue
            model = other if other.type == "model" else base_model
            provider = other if other.type == "provider" else None
            self.add(q.start, end, "price_ratio", [model, provider], [q], factor=q.value, qualifier=q.qualifier,
                     base=base)

    def _price_side(self, q: Quantity, end: int, previous_end: int) -> str:
        """input | output | blended | both. The side named right after the figure ("$B per million
        output tokens", "$B/M output") wins; a side word before it ("an input price of $A") counts
        only when it comes after the previous figure, whose side it would otherwise be."""
        after = PRICE_SIDE_RE.search(self.sentence[q.end:end + 1]) or \
            re.match(r"\s*(?:\(|for\s+|of\s+)?\s*(input|output|blended|prompt|completion)\b", self.sentence[end:], re.I)
        before = list(PRICE_SIDE_RE.finditer(self.sentence[max(previous_end, q.start - 25):q.start]))
        side = after or (before[-1] if before else None)
        if side is None:
            return "both"
        word = side.group(1).lower()
        return {"prompt": "input", "completion": "output"}.get(word, word)

    def _provider_for(self, start: int, end: int) -> Mention | None:
        """The provider named last before a price anywhere in the sentence ("<Provider> prices X at $A
        ... and $B ..." carries to both figures), else one right after it ("$A ... at <Provider>")."""
        providers = self.of("provider")
        before = [p for p in providers if p.end <= start]
        if before:
            return before[-1]
        return next((p for p in providers if p.start >= end
                     and PROVIDER_AFTER_RE.match(self.sentence[end:p.start])), None)

    def training(self) -> None:
        # "trained ..." anywhere; else a count of a known chip type about a named model ("X needed
        # N <chip>s", "X ran on N <chip>s"): the chip name itself marks the figure as hardware
        trained = re.search(r"\btrain", self.sentence, re.I)
        if not trained and not (self.of("gpu") and self.models):
            return
        for gpu in self.of("gpu"):
            count = next((q for q in self.free() if q.end <= gpu.start and GPU_GAP_RE.match(
                self.sentence[q.end:gpu.start])), None)
            if count is None and not trained:
                continue
            end = gpu.end + (1 if self.sentence[gpu.end:gpu.end + 2] in ("s", "s ", "s.", "s,") else 0)
            end += (ACCEL_RE.match(self.sentence[end:]) or re.match("", "")).end()
            start = count.start if count else gpu.start
            self.add(start, end, "training_hardware", [self.model_for(start), gpu], [count],
                     count=count.value if count else None, qualifier=count.qualifier if count else "exact")
        if not trained:
            return
        for q in self.free():
            if ACCEL_RE.match(self.sentence[q.end:]) and not self.of("gpu"):
                end = q.end + ACCEL_RE.match(self.sentence[q.end:]).end()
                self.add(q.start, end, "training_hardware", [self.model_for(q.start)], [q], count=q.value,
                         qualifier=q.qualifier)
            elif t := TRAIN_TIME_RE.match(self.sentence[q.end:]):
                hours = q.value * HOURS_PER[t.group("unit").lower().rstrip("s")]
                self.add(q.start, q.end + t.end(), "training_time", [self.model_for(q.start)], [q], hours=hours,
                         qualifier=q.qualifier)

    def bench_or_carried(self, figure: int | None = None) -> list[Mention]:
        """The sentence's benchmarks; with none, the previous sentence's only benchmark when this one
        says "the same test/benchmark", or when `figure` (a score-shaped figure) is given."""
        benches = self.of("benchmark")
        if benches or self.ctx.last_bench is None:
            return benches
        same = SAME_BENCH_RE.search(self.sentence)
        if same is None and figure is None:
            return []
        b = self.ctx.last_bench
        at = same.start() if same else figure
        self.carried_bench = b
        return [Mention("benchmark", at, at, b.text, b.key, note="the benchmark of the previous sentence")]

    def comparisons(self) -> None:
        for a, b in zip(self.models, self.models[1:]):
            between = self.sentence[a.end:b.start]
            m = COMPARE_RE.search(between)
            # the comparison word sits between them, and right before the second model when the first
            # one is far ("X, <aside>, managed N, trailing Y by ...")
            if not m or (len(between) > 60 and len(between) - m.end() > 12):
                continue
            # "by N points" after the second model, or "N points behind" before the keyword
            by = next((q for q in self.free() if b.end <= q.start <= b.end + 30
                       and re.match(r"^\s*by\s*$", self.sentence[b.end:q.start])), None) or \
                next((q for q in self.free() if a.end <= q.start and q.end <= a.end + m.start()
                      and POINTS_RE.match(self.sentence[q.end:a.end + m.start()])), None)
            benches = self.bench_or_carried(by.start if by is not None else None)
            if not benches:
                continue
            bench = next((x for x in benches if x.start >= b.end), benches[-1])
            relation = "within" if m.group("within") else next(k for k in ("ahead", "behind", "tie") if m.group(k))
            points = None
            if relation == "within":
                q = next((q for q in self.free() if a.end + m.start() <= q.start < a.end + m.end()), None)
                points = q.value if q else 1.0 if m.group("within").lower() in ("a", "an", "one") else None
                if q is not None:
                    self.used.add(id(q))
            end = max(b.end, bench.end if bench.start > b.end else b.end, by.end if by is not None else 0)
            # the span starts at the first model unless a figure of its own (a score) sits between them
            own = any(a.end <= x.start < b.start for x in self.quantities if x is not by)
            start = a.start if len(between) <= 60 and not own else \
                min(a.end + m.start(), by.start if by is not None and by.start < b.start else len(self.sentence))
            self.add(start, end, "comparison", [a, b, bench], [by], relation=relation, points=points,
                     by=by.value if by else None, by_qualifier=by.qualifier if by else "exact")
        # "X reached A while Y got B, a gap of (more than) N points": the gap between the last two models
        for q in self.free():
            if not GAP_RE.search(self.sentence[:q.start]) or not POINTS_RE.match(self.sentence[q.end:]):
                continue
            named = [x for x in self.models if x.end <= q.start]
            benches = self.bench_or_carried(q.start)
            if len(named) < 2 or not benches or named[-1].key == named[-2].key:
                continue
            gap = GAP_RE.search(self.sentence[:q.start])
            end = q.end + POINTS_RE.match(self.sentence[q.end:]).end()
            self.add(gap.start(), end, "comparison", [named[-2], named[-1], benches[-1]], [q], relation="gap",
                     points=None, by=q.value, by_qualifier=q.qualifier)

    def scores(self) -> None:
        for bench in self.of("benchmark"):
            best: tuple[int, Quantity, int, int] | None = None
            for q in self.free():
                if q.currency or (q.value >= 1000 and "elo" not in bench.key) or q.scaled or \
                        (q.percent and SHARE_RE.match(self.sentence[q.end:])):
                    continue
                if q.end <= bench.start and SCORE_BEFORE_RE.match(self.sentence[q.end:bench.start]):
                    lead = re.search(r"\b(?:scor(?:ed|es|ing)|reach(?:ed|es)|hit|gets?|got|post(?:ed|s)|achiev(?:ed|es)"
                                     r"|managed|record(?:ed|s))\s*$", self.sentence[:q.start])
                    dist, start = bench.start - q.end, lead.start() if lead else q.start
                    end = bench.end
                elif q.start >= bench.end and SCORE_AFTER_RE.match(self.sentence[bench.end:q.start]):
                    dist, start, end = q.start - bench.end, bench.start, q.end
                    lead = re.search(r"\b(?:an?|the)\s+$", self.sentence[:bench.start])
                    start = lead.start() if lead else start
                else:
                    continue
                if best is None or dist < best[0]:
                    best = (dist, q, start, end)
            if best is None:
                continue
            _, q, start, end = best
            self.add(start, end, "score", [self.model_for(start), bench], [q], value=q.value, high=q.high,
                     qualifier=q.qualifier, percent=q.percent, decimals=q.decimals)
        self._verb_scores()
        # a percentage left over in a sentence naming a benchmark ("On B, X now scores 61%"), in the
        # same clause, and not a share of a group ("N% of the <group>")
        clauses = clause_boundaries(self.sentence, self.ctx.row)
        for q in self.free():
            if not q.percent or q.currency or SHARE_RE.match(self.sentence[q.end:]) or \
                    re.search(r"\bby\s+$", self.sentence[:q.start]):
                continue  # "N% of the <group>" is a share, "cut/rose by N%" a change: neither is a score
            near = [b for b in self.of("benchmark")
                    if min(abs(b.start - q.end), abs(q.start - b.end)) <= BENCH_WINDOW
                    and self._bench_clause(clauses, b, q)]
            if not near:
                continue
            bench = min(near, key=lambda b: min(abs(b.start - q.end), abs(q.start - b.end)))
            start, end = min(q.start, bench.start), max(q.end, bench.end)
            self.add(start, end, "score", [self.model_for(q.start), bench], [q], value=q.value, high=q.high,
                     qualifier=q.qualifier, percent=True, decimals=q.decimals)

    def _verb_scores(self) -> None:
        """"X reached 0.NNN", "X hit NNNN", "X, <aside>, managed roughly NN percent": a model, a score
        verb and a figure, when the sentence names one benchmark (in any clause: "On B, X reached A
        while Y got B" states both on B) or, naming none, borrows the previous sentence's only one."""
        keys = {b.key for b in self.of("benchmark")}
        if len(keys) > 1:
            return
        for q in self.free():
            verb = SCORE_VERB_RE.search(self.sentence[:q.start])
            after = self.sentence[q.end:]
            if verb is None or q.currency or q.scaled or SHARE_RE.match(after) or POINTS_RE.match(after) or \
                    re.match(r"\s*(?:times|x|×|fold)\b", after, re.I) or (q.value >= 100 and q.percent):
                continue
            subject = next((x for x in reversed(self.models) if x.end <= verb.start()), None)
            if subject is None or not SUBJECT_GAP_RE.match(self.sentence[subject.end:verb.start()]):
                continue
            if not SCORE_END_RE.match(after):
                continue  # "X reached N countries": a count of something else, not a score
            if not keys and not (q.percent or 0 < q.value < 1 or (self.ctx.last_bench is not None
                                                                  and "elo" in self.ctx.last_bench.key)):
                continue  # a borrowed benchmark takes only a figure in its own form (a percentage, a fraction, an Elo)
            benches = self.bench_or_carried(q.start)
            if not benches:
                continue
            tail = re.match(r"\s+(?:on|in)\s+(?:the\s+)?same\s+\w+", after) or re.match(r"\s*(?:%|percent\b)?", after)
            self.add(verb.start(), q.end + tail.end(), "score", [subject, benches[0]], [q], value=q.value,
                     high=q.high, qualifier=q.qualifier, percent=q.percent, decimals=q.decimals)

    def table_row(self) -> None:
        """A table row under a header row: each figure cell is read under its column's header ("Input
        USD/M": an input price per million tokens; a benchmark's name: a score on it), about the row's model and
        provider. A cell holding anything but one figure is left to the other rules."""
        model = self.models[0] if self.models else None
        provider = (self.of("provider") or [None])[0]
        for header, a, b in cell_spans(self.sentence, self.ctx.cells or []):
            kind = header_kind(self.lex, header)
            qs = [q for q in self.free() if a <= q.start and q.end <= b]
            if kind is None or len(qs) != 1:
                continue
            q = qs[0]
            if kind[0] == "price":
                self.add(q.start, q.end, "price", [model, provider], [q], value=q.value * kind[1]["per"],
                         part=kind[1]["part"], qualifier=q.qualifier, quantity=q, header=header)
            else:
                bench = kind[1]["bench"]
                column = Mention("benchmark", q.start, q.end, bench.text, bench.key,
                                 note=f"the column header '{header}'")
                self.add(q.start, q.end, "score", [model, column], [q], value=q.value, high=q.high,
                         qualifier=q.qualifier, percent=q.percent, decimals=q.decimals)

    def _bench_clause(self, clauses: Clauses, bench: Mention, q: Quantity) -> bool:
        """A benchmark and a figure are in one clause; a label "B:" introduces the figures after it."""
        if clauses.same(bench.start, q.start):
            return True
        label = re.match(r"^\s*:", self.sentence[bench.end:])
        if not label or q.start < bench.end:
            return False
        after = bench.end + label.end()
        return clauses.same(after, q.start) and not re.search(r"[;:]", self.sentence[after:q.start])

    def releases(self) -> None:
        for m in RELEASE_RE.finditer(self.sentence):
            date = next((d for d in self.dates if id(d) not in self.used and d.start >= m.end()
                         and DATE_LEAD_RE.match(self._without_models(m.end(), d.start))), None)
            if date is None:
                continue
            inside = [x for x in self.models if m.end() <= x.start < date.start]
            model = inside[0] if inside else self.model_for(m.start())
            start = min(model.start, m.start()) if model and model.end <= m.start() and \
                m.start() - model.end <= 40 else m.start()
            self.add(start, date.end, "release_date", [model], [date], date=date)

    def _without_models(self, a: int, b: int) -> str:
        """The text between a and b with model names cut out ("released X in DATE" -> "released in DATE")."""
        out, pos = [], a
        for x in self.models:
            if a <= x.start and x.end <= b:
                out.append(self.sentence[pos:x.start])
                pos = x.end
        return "".join(out) + self.sentence[pos:b]

    def openness(self) -> None:
        for pattern, is_open in ((OPEN_RE, True), (CLOSED_RE, False)):
            for m in pattern.finditer(self.sentence):
                before = self.sentence[:m.start()]
                if CONDITIONAL_RE.search(before):
                    continue  # "counts as open when its weights are public" states a rule, not a fact
                if re.search(r"\b(?:its|their)\s+$", before):  # "its weights": the sentence's subject
                    model = next((x for x in self.models if x.end <= m.start()), None) or self.ctx.last_model
                else:
                    model = next((x for x in reversed(self.models) if x.end <= m.start()
                                  and m.start() - x.end <= OPEN_WINDOW), None)
                    model = model or next((x for x in self.models if x.start >= m.end()
                                           and x.start - m.end() <= OPEN_WINDOW), None)
                self.add(m.start(), m.end(), "open_weights", [model], [], open=is_open,
                         at_release=bool(re.search(r"day one|release|launch", m.group(0), re.I)))

    def hub_counts(self) -> None:
        hub = self.of("hub")
        if not hub and self.ctx.last_hub is not None and not self.models and not self.others and \
                HUB_REFERENCE_RE.search(self.sentence) and \
                any(HUB_NOUN_RE.match(self.sentence[q.end:]) for q in self.free()):
            # the previous sentence named the Hub, this one counts models and names nothing else
            # ("The docs passed N models in <date>")
            h = self.ctx.last_hub
            hub = [Mention("hub", 0, 0, h.text, "hub", note="the Hub, named in the previous sentence")]
            self.carried_hub = True
        if not hub or not re.search(r"\bmodels?\b|\brepositories\b|\brepos\b", self.sentence, re.I):
            return
        growth = GROWTH_RE.search(self.sentence)
        free_dates = [d for d in self.dates if id(d) not in self.used]
        if growth and free_dates:
            factor = float(growth.group("n")) if growth.group("n") else GROWTH_WORDS[growth.group("word").lower()]
            grown = next((q for q in self.free() if q.start <= growth.start() < q.end + 1), None)
            since = re.search(r"\bsince\s+(?:the\s+\w+\s+of\s+)?$", self.sentence[:free_dates[0].start], re.I)
            first, last = (free_dates[0], free_dates[1] if len(free_dates) > 1 and not since else None)
            end = (last or first).end
            self.add(min(growth.start(), first.start), max(end, growth.end()), "hub_growth", [hub[0]],
                     [grown, first, last], factor=factor, first=first, last=last,
                     qualifier="lower" if re.search(r"(?:more than|over|at least)\s*$",
                                                    self.sentence[:growth.start()]) else "exact")
        counted = False
        for q in self.free():
            if q.percent or q.currency or q.value < 1000:
                continue
            # the count of models itself: "3 million models", or "up from 40,000" after one
            if not (HUB_NOUN_RE.match(self.sentence[q.end:]) or (counted and HUB_FROM_RE.search(
                    self.sentence[:q.start]))):
                continue
            counted = True
            date = self.date_near(q.end)
            mode = "by" if date and HUB_BY_RE.search(self.sentence[q.end:date.start]) else "at"
            if date is None or HUB_PASSED_RE.search(self.sentence[max(0, q.start - 40):q.start]) or \
                    HUB_BY_RE.search(self.sentence[max(0, q.start - 40):q.start]):
                mode = "by"  # "passed 1 million", "over 2 million", "now hosts 2 million": a lower bound
            self.add(q.start, date.end if date else q.end, "hub_count", [hub[0]], [q, date], count=q.value,
                     qualifier=q.qualifier, date=date, mode=mode)

    def contributors(self) -> None:
        repos = self.of("repo")
        if not repos:
            return
        previous: Claim | None = None
        clauses = clause_boundaries(self.sentence, self.ctx.row)
        for q in self.free():
            m = CONTRIB_RE.match(self.sentence[q.end:])
            if q.percent or q.currency:
                continue
            if m is None:
                # a later bare figure with its own period keeps the unit of the sentence's previous count
                # ("R had N commits in Y1, and that fell to M in Y2": M commits)
                if previous is None or not UNIT_CARRY_RE.match(self.sentence[q.end:]) or \
                        self.date_near(q.end, 12) is None:
                    continue
                m = re.match("", "")
                field_ = previous.params["field"]
            else:
                what = m.group("what").lower()
                field_ = "commits" if what == "commits" else \
                    "first_time_authors" if re.match(r"new|first", what) else "distinct_authors"
            # the repository named last before the figure, else the first after it; a later figure of
            # the sentence keeps the repository and month of the one before ("N contributors in
            # <month>, including M first-time contributors")
            repo = next((r for r in reversed(repos) if r.end <= q.start), None) or repos[0]
            # its month: a date after it in its clause with no other repository between ("..., while
            # other/repo had 44 commits in <month>" is the other repository's), else the month of the
            # sentence's previous figure, else the nearest date before it
            date = next((d for d in self.dates if id(d) not in self.used and 0 <= d.start - q.end <= 60
                         and clauses.same(q.start, d.start)
                         and not any(q.end <= r.start < d.start for r in repos)), None)
            carried = date is None and previous is not None and previous.params.get("date") is not None
            if carried:
                date = previous.params["date"]
            elif date is None:
                date = next((d for d in reversed(self.dates) if id(d) not in self.used and d.end <= q.start), None)
            own = date is not None and not carried and not any(
                q.end < x.start < date.start for x in self.quantities)  # the date ends this span, not a later one's
            end = max(q.end + m.end(), date.end if own else 0)
            start = min(q.start, date.start) if date and not carried and date.start < q.start else q.start
            previous = self.add(start, end, "contributors", [repo], [q] + ([] if carried else [date]), count=q.value,
                                field=field_, qualifier=q.qualifier, date=date, carried=carried)

    def changes(self) -> None:
        """"R had A commits in Y1, and that fell to B in Y2, a drop of (more than) N percent": the
        relative change between the sentence's two previous figures of one kind, as the sources give them."""
        for q in self.free():
            m = CHANGE_RE.search(self.sentence[:q.start])
            if m is None or not q.percent:
                continue
            before = [c for c in self.claims if c.end <= q.start and c.kind in CHANGE_KINDS]
            if len(before) < 2 or before[-1].kind != before[-2].kind:
                continue
            up = m.group("dir").lower() in ("increase", "rise", "jump", "gain", "growth")
            self.add(m.start(), q.end, "change", [], [q], first=before[-2], second=before[-1], value=q.value,
                     qualifier=q.qualifier, up=up)

    def catalogues(self) -> None:
        m = ORDERS_RE.search(self.sentence)
        named = sorted(self.of("hub") + self.of("catalogue"), key=lambda n: n.start)
        if not m or len(named) < 2:
            return
        k = None
        if m.group("k"):
            k = next((q for q in self.quantities if q.start <= m.start("k") < q.end), None)
        more = re.search(r"\b(?:more|larger|bigger|greater)\b", self.sentence[m.start():], re.I)
        fewer = re.search(r"\b(?:fewer|smaller|less)\b", self.sentence[m.start():], re.I)
        self.add(min(named[0].start, m.start()), max(named[1].end, m.end()), "catalogue_size", named[:2], [k],
                 orders=k.value if k else None, direction="more" if more else "fewer" if fewer else None)

    def leftovers(self) -> None:
        """Figures no extractor took: one `other` claim per run of figures in one clause."""
        run: list[Quantity] = []
        for q in self.free():
            if run and re.search(r"[;,:]\s|\band\b|\bbut\b|\bwhile\b", self.sentence[run[-1].end:q.start]):
                self._other(run)
                run = []
            run.append(q)
        if run:
            self._other(run)

    def _other(self, run: list[Quantity]) -> None:
        end = run[-1].end
        unit = re.match(r"\s+of\s+[A-Za-z]+(?:\s+[A-Za-z]+)?|\s*[A-Za-z]+", self.sentence[end:])
        end += unit.end() if unit else 0
        self.add(run[0].start, end, "other", [self.model_for(run[0].start)] if self.models else [], run)
