"""Extraction rules for market and activity claims: prices (and their ratios), Hub counts and
growth, repository activity, relative changes, catalogue sizes. A mixin of `extract._Extractor`
(it reads the extractor's sentence, entities and figures, and adds claims through it).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from .binding import OBJECT_BEFORE
from .carry import StatedUnit, cell_spans, stated_unit
from .clauses import clause_boundaries
from .numbers import WORD_NUMBERS, DateExpr, Quantity
from .patterns import (PAIR_SECOND, SIDE_WORDS, FRACTIONS, FRONTED_AGAINST, PRICE_COMPARE_BARE, PRICE_DIGIT_FRACTION, PRICE_FRACTION, PRICE_MULTIPLE,
                       PRICE_MULTIPLES, PRICE_VERB_BEFORE, RATIO_NEXT_SIDE, RATIO_ON_SIDE, SIDE_RATIO_AFTER, SIDE_RATIO_BEFORE,
                       SIDE_RATIO_LABEL,
                       PRICE_PERCENT, PRICE_POSSESSIVE_AFTER, PRICE_SPREAD_BEFORE, PRICE_SPREAD_FIGURE, PRICE_THRESHOLD_AFTER, PRICE_TIMES_BEFORE, PRICE_THRESHOLD_BEFORE, ONE_UNIT_OF_TOKENS, PER_MTOK, PRICE_TIERS, WORKLOAD_AFTER, WORKLOAD_BEFORE, combined_tier, compose,
                       context_labels, context_threshold, label_threshold, match_end, opening_label_cut, pair_sides, price_tier)
from .ratios import _precision as written_precision, ratio_subject
from .resolve import Lexicon, Mention

if TYPE_CHECKING:
    from .binding import Binder
    from .extract import Claim, Context

# a price as the modifier of "model" ("the $A/M token model", "a $B-per-million model"): a description, no claim
# (not a predicate, "X is a $A/M token model": X's price)
PRICE_DESCRIPTOR_BEFORE = re.compile(r"(?<!\bis\s)(?<!\bwas\s)(?<!\bas\s)(?<!['’]s\s)\b(?:the|a|an|this|that|these|those)\s+$",
                                     re.I)
PRICE_DESCRIPTOR_AFTER = re.compile(r"^\s*(?:/\s*(?:1\s?)?(?:M|MTok|million)\b|[\s-]*per[\s-]+(?:million|M)\b)?[\s-]*(?:(?:input|output)[\s-]+)?(?:tokens?[\s-]+)?"
                                    r"(?:models?|LLMs?|options?|ones?)\b", re.I)
# a pronoun standing for the compared model of a price ratio ("... 4x cheaper than it / that model / the latter")
# (not "than it was / used to / did", the subject's own price at another time)
PRICE_AGAINST_PRONOUN = re.compile(r"\b(?:it|that\s+model|this\s+model|the\s+latter)\b(?![\w'’-])"
                                   r"(?!\s+(?:was|were|is|used|had|has|did|does|once|at|in|on|last|when|before|after|"
                                   r"back|originally|initially)\b)", re.I)
PRICE_WORD_RE = re.compile(r"\b(?:costs?|priced|price|charges?|serves?|quotes?|bills?)\b", re.I)
CONTRIB_RE = re.compile(r"^\s*(?P<what>(?:distinct |unique |different |individual )?(?:contributors|authors|committers|"
                        r"developers|people)|(?:new |first[- ]time )(?:contributors|authors)|commits)\b", re.I)
ORDERS_RE = re.compile(r"\b(?:(?P<k>\w+)\s+)?orders?\s+of\s+magnitude\b", re.I)
HUB_BY_RE = re.compile(r"\b(?:by|as of|before|until)\s+(?:the\s+end\s+of\s+)?$", re.I)
HUB_PASSED_RE = re.compile(r"\b(?:pass(?:ed|es)?|surpass(?:ed|es)?|cross(?:ed|es)?|topp?(?:ed|s)?|hit|reach(?:ed|es)?|"
                           r"exceed(?:ed|s)?|more than|over|at least|upwards of)\s*$", re.I)
GROWTH_RE = re.compile(r"\b(?:(?P<n>\d+(?:\.\d+)?)\s*(?:x|×|-fold|\s?times)|(?P<word>doubled|tripled|quadrupled|"
                       r"doubling|tripling|quadrupling|"
                       r"(?:two|three|four|five|six|seven|eight|nine|ten)fold))", re.I)
GROWTH_WORDS = {"doubled": 2, "tripled": 3, "quadrupled": 4, "doubling": 2, "tripling": 3, "quadrupling": 4, "twofold": 2, "threefold": 3, "fourfold": 4,
                "fivefold": 5, "sixfold": 6, "sevenfold": 7, "eightfold": 8, "ninefold": 9, "tenfold": 10}
HUB_NOUN_RE = re.compile(r"^(?:\s+[\w-]+){0,2}?\s+(?:models|repositories|repos|model repositories)\b", re.I)
NOW_RE = re.compile(r"\b(?:now|today|currently|at present|these days|as of today)\b[\w\s]*$", re.I)
NOW_AFTER_RE = re.compile(r"^(?:\s+[\w-]+){0,3}?\s+(?:now|today|currently|at present)\b", re.I)
HUB_FROM_RE = re.compile(r"\b(?:from|to|than)\s+(?:about\s+|around\s+|just\s+)?$", re.I)
PRICE_SIDE_RE = re.compile(r"\b(input|output|blended|prompt|completion)\b", re.I)
# where the words after a price stop being its own: another clause or item ("$A output; with the Batch API")
AFTER_CUT_RE = re.compile(r"[;:,]|\s[—–]\s|\s(?:and|while|but|whereas|or)\s", re.I)
# a side named right after an amount, "in"/"out" included ("$A in and $B out"; not "$A in <year>", "in <Month>")
SIDE_AFTER_RE = re.compile(r"^\s*(?:\(|for\s+)?\s*(?:(?i:(input|output|prompt|completion))\b"
                           r"(?!\s*(?:[A-Z0-9]|(?i:the|a|an|this|that|its|their)\b))"
                           r"|(?i:(in|out))(?=\s*(?:$|[,;.)/·•|]|[—–-]\s|(?i:and|or|but|with|while)\b)))")
# "$A/$B", "$A/B", "$A in / $B out": a pair of amounts, input then output unless its words or its lead name another
# order (`_pair_side`; its sides may be written after each amount; the bare second amount: `patterns.PAIR_SECOND`)
SLASH_PAIR_AFTER_RE = re.compile(r"^\s*(?:(?i:in(?:put)?)\s*)?/\s*" + PAIR_SECOND)
PAIR_PER_MTOK_RE = compose(r"^\s*(?:in(?:put)?\s*)?/\s*(?=" + PAIR_SECOND + r")[$€£]?\s?\d[\d,]*(?:\.\d+)?\s*(?:out(?:put)?\s*)?"
                           r"\(?\s*{PER}\s*{MILLION_UNIT}")
# the rest of a pair after its first amount ("/ $B", "/B"), and where a pair's own words stop (another amount, clause)
PAIR_REST_RE = re.compile(r"\s*(?:(?i:in(?:put)?)\s*)?/\s*[$€£]?\s?\d[\d,]*(?:\.\d+)?")
PAIR_WORDS_CUT = re.compile(r"[;!?]|\.(?=\s|$)|[$€£]\s?\d|\s[—–]\s")
# "input: $A, output: $B per million tokens", "in: $A / out: $B per MTok": a labelled input amount whose unit is
# written once, after the output amount that follows it (`IN_LABEL_BEFORE_RE` before it, `OUT_LABEL_BETWEEN_RE` after)
IN_LABEL_BEFORE_RE = re.compile(r"\b(?i:in(?:put)?|prompt)\s*:\s*$")
OUT_LABEL_BETWEEN_RE = re.compile(r"\s*(?:[,;/·|]|\s(?i:and)\s)\s*(?i:and\s+)?(?i:out(?:put)?|completion)\s*:\s*")
OUT_LABEL_BEFORE_RE = re.compile(r"\b(?i:(out)(?:put)?|(completion))\s*:\s*$")
# where the words after a figure in a table cell stop being its own: also a slash ("Input: $A / Cached input: $B":
# the words after the slash label the next figure)
CELL_AFTER_CUT_RE = re.compile(r"[;:,/|·•]|\s[—–]\s|\s(?:and|while|but|whereas|or)\s", re.I)
# the side word between an amount and its unit ("$B out per million tokens", "$A input / MTok")
SIDE_BEFORE_UNIT_RE = re.compile(r"^\s*(?i:(in|out)(?:put)?)\b(?=\s*\(?\s*(?:/|per\b))")
# "$A input, $B output per million tokens", "$A in / $B out (per 1M)": an amount whose side is written after it, then
# the output amount, whose unit both share (`MarketRules._labelled_pair_unit`)
IN_AFTER_PAIR_RE = re.compile(r"^\s*(?i:in(?:put)?|prompt)\b\s*(?:[,;/·|]|\s(?i:and)\s)\s*(?i:and\s+)?")
OUT_BEFORE_UNIT_RE = re.compile(r"^\s*(?i:out(?:put)?|completion)\b")
CURRENCY_BEFORE_RE = re.compile(r"\b(?:USD|US\$)\s?$")
SLASH_PAIR_BEFORE_RE = re.compile(r"[$€£]\s?\d[\d,]*(?:\.\d+)?\s*(?:(?i:in(?:put)?)\s*)?/\s*$")
PROVIDER_AFTER_RE = re.compile(r"^\s*(?:at|from|on|via|through|with)\s+$", re.I)
CENTS_RE = re.compile(r"\s*(?:US\s+)?cents?\b", re.I)
HUB_REFERENCE_RE = re.compile(r"\b(?:it|its|the docs|the site|the platform|the count|the total|that number|the catalog(?:ue)?)\b",
                              re.I)
RATIO_RE = re.compile(r"^\s*(?:times|x|×)\b", re.I)
RATIO_OTHER_RE = re.compile(r"^\s*(?:what\s+|that\s+of\s+|the\s+(?:price|rate)\s+(?:of|at)\s+)?$", re.I)
RATIO_TAIL_RE = re.compile(r"^(?:'s|’s)?\s*(?:charges?|rate|price|costs?|asks?)?", re.I)
# "X is N times / Nx cheaper | more expensive | pricier than Y", "N times the price of Y": a ratio of two
# models' prices, each looked up on its own ("lower" / "higher" only in a sentence about prices)
PRICE_COMPARE_RE = re.compile(
    r"^\s*(?:x|×|times)\s+(?:(?P<dir>cheaper|less\s+expensive|lower[- ]priced|more\s+expensive|pricier|costlier|"
    r"higher[- ]priced|(?P<plain>lower|higher)|(?P<verb>less|more))\s+(?:than|as)\s+(?:that\s+of\s+|what\s+)?"
    r"|(?P<more>as\s+expensive\s+as|the\s+(?:price|cost)\s+of|as\s+(?P<much>much)\s+as)\s+)(?:the\s+)?$", re.I)
CHANGE_RE = re.compile(r"\b(?:a|an)\s+(?P<dir>drop|fall|decline|decrease|reduction|cut|increase|rise|jump|gain|"
                       r"growth)\s+of\s+$", re.I)
CHANGE_KINDS = ("contributors", "price", "score")  # kinds whose found value is an exact figure
# "..., halving / doubling / tripling it", "..., which cut it in half": a change in words after two figures of one kind;
# the second over the first is the word's factor
CHANGE_WORD_RE = re.compile(r"\b(?:(?P<half>halv(?:ed|ing|es)|cut(?:ting|s)?\s+(?:it\s+|them\s+|(?:the\s+)?prices?\s+)?in\s+half)"
                            r"|(?P<mul>doubl|tripl|quadrupl)(?:ed|ing|es))\b", re.I)
CHANGE_WORD_FACTORS = {"doubl": 2.0, "tripl": 3.0, "quadrupl": 4.0}
UNIT_CARRY_RE = re.compile(r"^\s+(?:in|during)\s+", re.I)
HUB_ONLY_COUNT = 100_000  # models: catalogues other than the Hub list a few thousand
PUBLIC_MODELS_RE = re.compile(r"^\+?\s*public\s+models\b", re.I)  # "public": the models anyone can list


class MarketRules:
    """The market and activity extractors (see the module docstring)."""

    sentence: str
    lex: Lexicon
    ctx: Context
    models: list[Mention]
    others: list[Mention]
    dates: list[DateExpr]
    quantities: list[Quantity]
    used: set[int]
    claims: list[Claim]
    carried_hub: bool
    workload: set[int]  # ids of the amounts that total a workload (no price claim; their `other` says so)
    tier_labels: list[re.Match[str]] = []  # the sentence's context-length tier labels (set by `prices`)
    named_unit: StatedUnit | None = None  # the unit (and pair order) the sentence's lead or its section states (`prices`)

    if TYPE_CHECKING:  # provided by the extractor (declared for the type checker only)
        def of(self, type_: str) -> list[Mention]: ...  # noqa: E704
        def free(self) -> list[Quantity]: ...  # noqa: E704
        def add(self, start: int, end: int, kind: str, entities: Sequence[Mention | None],  # noqa: E704
                consumed: list[Any], **params: Any) -> Claim: ...
        def model_for(self, pos: int, end: int | None = None) -> Mention | None: ...  # noqa: E704
        binder: Binder
        def date_near(self, pos: int, window: int = 40) -> DateExpr | None: ...  # noqa: E704

    def tier_thresholds(self) -> None:
        """Context-length tier labels ("≤200K tokens:", "> 200K tokens", "for prompts over 128K",
        `patterns.CONTEXT_TIER_LABEL`) in a sentence with a currency amount: their figures are thresholds that
        say which price tier the amounts are (`_price_tier`), no claims of their own (taken before the
        attribute kinds read "up to 200K tokens" as a context window)."""
        self.tier_labels = context_labels(self.sentence)
        if self.tier_labels and any(q.currency for q in self.quantities):
            self.used.update(id(q) for q in self.quantities
                             if any(m.start() <= q.start < m.end() for m in self.tier_labels))

    def prices(self) -> None:
        previous_end, last_per, last_part = 0, None, "both"
        # the unit a lead of the sentence ("Prices per million tokens: A ($2/$8), B ...") or its section's heading
        # ("## Pricing (per 1M tokens)") names for amounts written without one; never in a table row (its headers)
        free = self.free()
        # also a lead ending in a colon before the sentence's first amount, the lines after it run into the sentence
        # ("Costs for 1M input / output tokens: A is $2/8 B is $1/4")
        first_money = next((q.start for q in free if q.currency), 0)
        colon = self.sentence.rfind(":", 0, first_money)
        named = None if self.ctx.row or not free else (
            stated_unit(self.sentence[:free[0].start]) or (stated_unit(self.sentence[:colon + 1]) if colon >= 0 else None)
            or stated_unit(self.ctx.section) or self.ctx.section_unit)
        self.named_unit = named  # its pair order too ("(output/input)": `_pair_side`)
        last_per = named_per = named.per if named is not None else None
        for q in free:
            if q.currency and PRICE_DESCRIPTOR_BEFORE.search(self.sentence[:q.start]) and \
                    (desc := PRICE_DESCRIPTOR_AFTER.match(self.sentence[q.end:])) is not None:
                # "the $A/M token model", "a $B-per-million model": a model described by its price (a reference to
                # one the text priced, or a class), no price of the sentence's subject: no claim, no `other`
                self.used.update(id(x) for x in self.quantities if q.start <= x.start < q.end + desc.end())
                continue
            cents = CENTS_RE.match(self.sentence[q.end:]) if not q.currency else None  # "N cents" = $N/100
            tail = q.end + (cents.end() if cents else 0)
            money = q.currency or cents is not None
            side_gap = SIDE_BEFORE_UNIT_RE.match(self.sentence[tail:]) if money else None
            if side_gap is not None and PER_MTOK.match(self.sentence[tail + side_gap.end():]):
                tail += side_gap.end()  # "$B out per million tokens": the side word stands before the unit
            m = PER_MTOK.match(self.sentence[tail:])
            # "N USD/MTok", "USD N per 1M tokens": a currency written as a word is money too
            money = money or bool(m and m.group("cur")) or CURRENCY_BEFORE_RE.search(self.sentence[:q.start]) is not None
            # the unit names tokens ("per MTok", "per 1M tokens") or words up to "tokens" follow it
            tokens = bool(m and (m.group("rest") or "tok" in (m.group("mil") or m.group("k") or "").lower()))
            # "$A/$B per million tokens": A is a price because the pair is
            pair = money and SLASH_PAIR_AFTER_RE.match(self.sentence[tail:]) is not None and \
                (PAIR_PER_MTOK_RE.match(self.sentence[tail:]) is not None or named_per is not None)
            # "... ($A/$B)" in a sentence or section naming the unit: the pair's output price too
            pair = pair or (money and m is None and named_per is not None and
                            SLASH_PAIR_BEFORE_RE.search(self.sentence[:q.start]) is not None)
            # "$A per MTok input and $B output", "... $C in and $D out": an amount naming only its side after
            # a price of the sentence is in that price's unit
            carried = bool(money and m is None and last_per is not None and SIDE_AFTER_RE.match(self.sentence[tail:]))
            ahead = self._labelled_pair_unit(q, tail) if money and m is None and not carried else None
            m = m or ahead  # "input: $A, output: $B per million tokens": A in B's unit (its span stays A)
            # "A costs $N per MTok, versus B at $M" / "..., compared with $M for B": an amount attached to another
            # model after a price of the sentence is that model's price, in that price's unit and on its side
            own = self.binder.attached(q.start, tail) if money and last_per is not None else None
            attached = m is None and not carried and own is not None
            carried = carried or attached
            if not (m and (money or tokens)) and not pair and not carried and not (money and PRICE_WORD_RE.search(
                    self.sentence[max(0, q.start - 30):q.start])):
                continue
            if money and not m and not pair and not carried and self._workload_total(q, tail, previous_end):
                self.workload.add(id(q))  # the cost of the text's own job, not a price per token: `other`
                continue
            end = tail + (m.end() if m and ahead is None else 0)
            cell = self._cell_of(q.start)
            part = self._price_side(q, end, previous_end, cell)
            tier, threshold = self._price_tier(q, end, previous_end, cell)
            if attached and part == "both":
                part = last_part
            per = 1000.0 if m and m.group("k") else (last_per if carried and last_per else 1.0)
            if pair and m is None and named_per is not None and not PAIR_PER_MTOK_RE.match(self.sentence[tail:]):
                per = named_per  # a pair in the unit its lead or section names
            # "... $X per million tokens for <model>": the model the price is for; else the nearest
            # one since the previous figure, else the sentence's usual binding
            paired, pair = self.binder.paired(q.start, end)  # "A and B cost $X and $Y, respectively": the i-th model
            model = pair if paired else own if isinstance(own, Mention) else next(
                (x for x in self.models if x.start >= end and re.fullmatch(
                    r"\s*(?:for|of)\s+(?:the\s+)?", self.sentence[end:x.start])), None) or \
                self.binder.apposition(q.start) or self._model_since(q.start, previous_end) or \
                self.model_for(q.start, end)
            if model is not None and model.start > q.start and \
                    re.search(r"\btimes\s+(?:what\s+)?$", self.sentence[:model.start], re.I):
                model = None  # "..., N times what Y charges": Y is the other side of a ratio, not this price's
            at = q.start + match_end(re.compile(r"[^$€£\d]*"), self.sentence[q.start:end])  # past a bound's words
            if model is None and (PRICE_THRESHOLD_BEFORE.search(self.sentence[:at])
                                  or PRICE_THRESHOLD_AFTER.match(self.sentence[end:])):
                # "under $A/M", "the under-$A/M tier", "$A per million tokens was the floor": a bound defining a set
                # of models, priced by none: no claim (nor an `other`)
                self.used.update(id(x) for x in self.quantities if q.start <= x.start < end)
                continue
            self.add(q.start, end, "price", [model, self._provider_for(q.start, end)], [q],
                     value=q.value * per / (100 if cents else 1), part=part, qualifier=q.qualifier, quantity=q,
                     **({"tier": tier} if tier else {}), **({"threshold": threshold} if threshold else {}))
            self.used.update(id(x) for x in self.quantities if q.end <= x.start < end)  # the "1M" of "per 1M"
            previous_end, last_per, last_part = end, per, part
        self._price_ratios()
        self._model_price_ratios()
        self._side_ratios()

    def _workload_total(self, q: Quantity, tail: int, previous_end: int) -> bool:
        """An amount with no per-token unit that totals a workload (`patterns.WORKLOAD_AFTER` / `WORKLOAD_BEFORE`):
        "... would cost about $A", "$A for the page", "$A a month". Not when what it is "for" is a model or a
        provider ("$A for <model>"), nor when the job is one million (thousand) tokens ("1M tokens cost $A")."""
        after = WORKLOAD_AFTER.match(self.sentence[tail:])
        if after is not None:
            at = tail + after.end() - 1
            if not any(x.start <= at < x.end for x in self.models + self.of("provider")):
                return True
        cut = [m.end() for m in re.finditer(r";|\s[—–-]\s", self.sentence[previous_end:q.start])]
        start = previous_end + (cut[-1] if cut else 0)
        before = self.sentence[start:q.start]
        return ONE_UNIT_OF_TOKENS.search(before) is None and any(
            not any(x.start <= start + w.start() < x.end for x in self.models) for w in WORKLOAD_BEFORE.finditer(before))

    def _model_price_ratios(self) -> None:
        """"X is N times cheaper than Y" / "it is Nx more expensive than Y" / "N% cheaper than Y" / "a sixth as
        expensive as Y" / "Compared to Y, X is N times more expensive": X's price over Y's, both looked up; X is the
        ratio's subject (`ratios.ratio_subject`: the binding rule's model for the figure, not a comparison's object,
        yielding to the sentence's subject outside the figure's clause; else, through "it", the previous subject).
        The side is that of a price the sentence gave X before the figure."""
        s = self.sentence
        for q in self.free():
            if q.currency:
                continue
            if q.percent:  # "N% cheaper / more expensive than Y": the ratio is 1 - N/100 or 1 + N/100
                other = next((x for x in self.models if x.start > q.end and PRICE_PERCENT.match(s[q.end:x.start])), None)
                if other is None or q.high is not None:
                    continue
                pm = PRICE_PERCENT.match(s[q.end:other.start])
                assert pm is not None
                if (pm.group("verb_cheap") or pm.group("verb_dear")) and not PRICE_VERB_BEFORE.search(s[:q.start]):
                    continue  # "N% more than Y" after no price verb compares no prices
                cheap = bool(pm.group("cheap") or pm.group("verb_cheap"))
                factor = 1 - q.value / 100 if cheap else 1 + q.value / 100
                if factor <= 0:
                    continue
                phrase = f"{q.text} {'cheaper' if cheap else 'more expensive'} than"
                # a percentage of the price: its bound words bound the saving or the premium, not the ratio
                self._model_price_ratio(q.start, q.end, other.end, other, factor, q.qualifier, True, [q], phrase,
                                        percent=q.value, cheap=cheap, precision=written_precision(q.text))
                continue
            owned = next(((x, p) for x in self.models if x.start > q.end and PRICE_TIMES_BEFORE.match(s[q.end:x.start])
                          and (p := PRICE_POSSESSIVE_AFTER.match(s[x.end:])) is not None
                          and (p.group("poss") or x.text.endswith(("'s", "’s")))), None)
            if owned is not None and (owned[1].group("price") or PRICE_VERB_BEFORE.search(s[:q.start])):
                # "X is / costs N× Y's (input) price": X's price over Y's, N
                x, p = owned
                side = p.group("side").lower() if p.group("side") else None
                self._model_price_ratio(q.start, q.end, x.end + p.end(), x, q.value, q.qualifier, True, [q], part=side)
                continue
            other = next((x for x in self.models if x.start > q.end
                          and (m := PRICE_COMPARE_RE.match(s[q.end:x.start])) is not None), None)
            end = other.end if other is not None else 0
            pronoun = PRICE_AGAINST_PRONOUN.search(s, q.end) if other is None else None
            ref = self.binder.referent
            if pronoun is not None and isinstance(ref, Mention) and ref.type == "model" and \
                    (m := PRICE_COMPARE_RE.match(s[q.end:pronoun.start()])) is not None and \
                    not any(x.key == ref.key for x in self.models) and \
                    isinstance(own := ratio_subject(self.binder, q.start, q.end), Mention) and own.key != ref.key:
                # "Y is pricier. X is 4x cheaper than it": Y through the explicit reference (the previous subject),
                # never a model merely named nearby; none when the sentence names Y itself
                other = replace(ref, start=pronoun.start(), end=pronoun.end(), text=pronoun.group(0),
                                note=f"'{pronoun.group(0)}' read as {ref.text}, the previous sentence's subject")
                end = other.end
            if other is None and self._spread_ratio(q):
                continue
            if other is None:  # "Compared to Y, X is N times more expensive": Y named before, no "than Y" after
                bare = PRICE_COMPARE_BARE.match(s[q.end:])
                other = next((x for x in self.models if x.end <= q.start and FRONTED_AGAINST.match(s[:x.start])
                              and re.match(r"\s*,", s[x.end:])), None) if bare is not None else None
                if other is None or bare is None:
                    continue
                more = re.match(r"more|pricier|costlier", bare.group("dir"), re.I) is not None
                self._model_price_ratio(q.start, q.end, q.end + bare.end(), other, q.value, q.qualifier, more, [q])
                continue
            m = PRICE_COMPARE_RE.match(s[q.end:other.start])
            assert m is not None
            if m.group("plain") and not PRICE_WORD_RE.search(s[:q.start]):
                continue  # "N times lower than Y" about something other than a price
            if (m.group("much") or m.group("verb")) and not PRICE_VERB_BEFORE.search(s[:q.start]):
                continue  # "N times as much as / more than Y" after no price verb compares no prices
            more = bool(m.group("more")) or re.match(r"more|pricier|costlier|higher", m.group("dir") or "", re.I) is not None
            self._model_price_ratio(q.start, q.end, end, other, q.value, q.qualifier, more, [q])
        for other in self.models:  # "a sixth as expensive as Y", "half the price of Y", "twice as much as Y": in words
            for words in (PRICE_FRACTION, PRICE_MULTIPLE, PRICE_DIGIT_FRACTION):
                f = words.search(s[:other.start])
                if f is None or any(c.start <= f.start() < c.end for c in self.claims) or \
                        (f.group("much") and not PRICE_VERB_BEFORE.search(s[:f.start()])):
                    continue
                factor = float(PRICE_MULTIPLES[f.group("mul").lower()]) if "mul" in f.groupdict() else \
                    1 / int(f.group("dig")) if "dig" in f.groupdict() else \
                    WORD_NUMBERS.get((f.group("num") or "").lower(), 1) / FRACTIONS[f.group("den").lower()]
                if factor <= 0 or factor > 100:
                    continue
                # "... the cost of Y on input": the side; ", 1/Nth on output" after it: the same two models' other side
                on = RATIO_ON_SIDE.match(s[other.end:])
                end = other.end + (on.end() if on else 0)
                digits = [x for x in self.free() if f.start() <= x.start < f.end()]  # the "1" of "1/16th"
                # a fraction or multiple in words is a round figure: read as "about" (the ratio tolerance doubled)
                subject = self._model_price_ratio(f.start(), f.end(), end, other, factor, "about", True, digits,
                                                  s[f.start():f.end()].strip(), part=on.group("side").lower() if on else None)
                nxt = RATIO_NEXT_SIDE.match(s[end:]) if on is not None else None
                if on is not None and nxt is not None and nxt.group("side").lower() != on.group("side").lower():
                    a, b = end + nxt.start("frac"), end + nxt.end()
                    factor2 = 1 / int(nxt.group("dig")) if nxt.group("dig") else \
                        WORD_NUMBERS.get((nxt.group("num") or "").lower(), 1) / FRACTIONS[nxt.group("den").lower()]
                    if 0 < factor2 <= 100:
                        again = [x for x in self.free() if a <= x.start < b]
                        self._model_price_ratio(a, b, b, other, factor2, "about", True, again, s[a:b].strip(),
                                                part=nxt.group("side").lower(), subject=subject)

    def _spread_ratio(self, q: Quantity) -> bool:
        """"The spread between the cheapest (X at $A input) and the priciest (Y at $B input) is N×": a ratio of the two
        prices the sentence gave the two models named after "between" (`patterns.PRICE_SPREAD_BEFORE`), on their side,
        the dearer one's over the cheaper one's; False (no claim) unless exactly two such prices of two models on one
        side stand between "between" and the figure, and the figure is a bare multiple ("is N×", "N-fold")."""
        s = self.sentence
        spread = PRICE_SPREAD_BEFORE.search(s[:q.start])
        if spread is None or not PRICE_SPREAD_FIGURE.match(s[q.end:]) or \
                not re.search(r"\b(?:is|was|of|stands\s+at|comes\s+to|reaches|reached)\s+(?:about\s+|roughly\s+|nearly\s+|~)?$",
                              s[:q.start]):
            return False
        priced = [c for c in self.claims if c.kind == "price" and spread.end() <= c.start and c.end <= q.start]
        models = [m for c in priced if (m := next((e for e in c.entities if e.type == "model"), None)) is not None]
        if len(priced) != 2 or len(models) != 2 or models[0].key == models[1].key or \
                priced[0].params["part"] != priced[1].params["part"] or \
                priced[0].params.get("tier") != priced[1].params.get("tier"):
            return False
        (low, low_model), (high, high_model) = sorted(zip(priced, models), key=lambda cm: cm[0].params["value"])
        if high.params["value"] == low.params["value"]:
            return False
        tail = PRICE_SPREAD_FIGURE.match(s[q.end:])
        assert tail is not None
        self._model_price_ratio(q.start, q.end, q.end + tail.end(), low_model, q.value, q.qualifier, True, [q],
                                part=high.params["part"], subject=high_model)
        return True

    def _model_price_ratio(self, start: int, fig_end: int, end: int, other: Mention, factor: float, qualifier: str,
                           more: bool, consumed: list[Any], phrase: str | None = None, part: str | None = None,
                           subject: Mention | None = None, **percent: Any) -> Mention | None:
        """One ratio of two models' prices: the subject's (`ratios.ratio_subject`, or the one given) over `other`'s
        is `factor` (`more`), or `other`'s over the subject's (a "cheaper" multiple); on the side given, else that of
        a price the sentence gave the subject before. Returns the subject."""
        if subject is None:
            bound = ratio_subject(self.binder, start, fig_end)
            subject = bound if isinstance(bound, Mention) and bound.key != other.key else None
        base = next((c for c in reversed(self.claims) if c.kind == "price" and c.end <= start
                     and subject is not None and any(e.key == subject.key for e in c.entities if e.type == "model")),
                    None)
        part = part or (base.params.get("part", "both") if base is not None else "both")
        self.add(start, end, "price_ratio", [subject, other], consumed, factor=factor, qualifier=qualifier,
                 base=None, subject=subject, against=other, more=more, part=part,
                 **({"phrase": phrase} if phrase else {}), **percent)
        return subject

    def _side_ratios(self) -> None:
        """A ratio of one model's two price sides: "Input/output ratio: 4:1" (`patterns.SIDE_RATIO_LABEL`; the larger
        figure is the output side: writers put it first or last under either label order), "output is ~4x input",
        "output is 4x more expensive", "input is 4 times cheaper than output" (`SIDE_RATIO_BEFORE` / `_AFTER`). A
        restatement in parentheses right after an "N:M" ("4:1 (output is 4x more expensive)") is the same claim.
        The model: the binding rule's for the figure (a heading's, a section's)."""
        s = self.sentence
        for q in self.free():
            if q.currency or q.percent or any(c.start <= q.start < c.end for c in self.claims):
                continue
            colon = re.match(r"\s?:\s?", s[q.end:])
            q2 = next((x for x in self.free() if colon and x.start == q.end + colon.end()), None)
            if SIDE_RATIO_LABEL.search(s[:q.start]) and q2 is not None and not q2.currency and min(q.value, q2.value) > 0:
                factor, num, den, end = max(q.value, q2.value) / min(q.value, q2.value), "output", "input", q2.end
                consumed = [q, q2]
                paren = re.match(r"\s*\([^()]{0,80}\)", s[end:])
                if paren is not None:  # "(output is 4x more expensive)": the same claim restated, no figure of its own
                    consumed += [x for x in self.free() if end < x.start < end + paren.end()]
                    end += paren.end()
                qualifier = q.qualifier
            else:
                before, after = SIDE_RATIO_BEFORE.search(s[:q.start]), SIDE_RATIO_AFTER.match(s[q.end:])
                if before is None or after is None or not (after.group("dir") or after.group("other")):
                    continue
                side = {"prompt": "input", "completion": "output"}.get(before.group("side").lower(), before.group("side").lower())
                opposite = "input" if side == "output" else "output"
                written = after.group("other")
                if written and {"prompt": "input", "completion": "output"}.get(written.lower(), written.lower()) != opposite:
                    continue
                num, den = (opposite, side) if after.group("cheap") else (side, opposite)
                factor, end, consumed, qualifier = q.value, q.end + after.end(), [q], q.qualifier
                if factor <= 0:
                    continue
            model = self.model_for(q.start, end)
            model = model if isinstance(model, Mention) else None
            self.add(q.start, end, "price_ratio", [model], consumed, factor=factor, qualifier=qualifier, base=None,
                     subject=model, against=model, more=True, part=num, sides=(num, den), phrase=f"{num} over {den}")

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
            end = other.end + match_end(RATIO_TAIL_RE, self.sentence[other.end:])
            base_model = next((e for e in base.entities if e.type == "model"), None)
            if base_model is None or (other.type == "model" and other.key == base_model.key):
                continue
            model = other if other.type == "model" else base_model
            provider = other if other.type == "provider" else None
            self.add(q.start, end, "price_ratio", [model, provider], [q], factor=q.value, qualifier=q.qualifier,
                     base=base)

    def _model_since(self, pos: int, previous_end: int) -> Mention | None:
        """The model of the previous price in this sentence when no model is named since it, or only
        objects of a comparison ("$A in and $B out, a fourfold increase over X, then cut to $C"): the
        same model (a price named "for <model>" right after it is read before this)."""
        since = [m for m in self.models if previous_end <= m.start and m.end <= pos]
        if self._cell_of(pos) is not None:
            return None  # a table cell is bound by its own row and column (binding rule 1), never by the cell before
        if not previous_end or not all(OBJECT_BEFORE.search(self.sentence[:m.start]) for m in since):
            return None
        last = next((c for c in reversed(self.claims) if c.kind == "price" and c.end <= pos), None)
        return next((e for e in last.entities if e.type == "model"), None) if last is not None else None

    def _labelled_pair_unit(self, q: Quantity, tail: int) -> re.Match[str] | None:
        """The per-token unit written after the output amount that follows a labelled input amount
        ("input: $A, output: $B per MTok") or an amount with its input side after it ("$A input, $B output per
        MTok", "$A input / $B output (per 1M)"), else None."""
        nxt = next((x for x in self.quantities if x.start >= tail), None)
        if nxt is None or not nxt.currency:
            return None
        if IN_LABEL_BEFORE_RE.search(self.sentence[:q.start]) is None:
            # "$A input, $B output per million tokens": the sides written after each amount
            between = IN_AFTER_PAIR_RE.match(self.sentence[tail:])
            side = OUT_BEFORE_UNIT_RE.match(self.sentence[nxt.end:])
            if between is None or side is None or tail + between.end() != nxt.start:
                return None
            return PER_MTOK.match(self.sentence[nxt.end + side.end():])
        between = OUT_LABEL_BETWEEN_RE.match(self.sentence[tail:])
        if between is None or tail + between.end() != nxt.start:
            return None
        return PER_MTOK.match(self.sentence[nxt.end:])

    def _cell_of(self, pos: int) -> tuple[str, str, list[str]] | None:
        """In a table row, the figure's (column header, cell text, the row's cells that hold no figure:
        its labels); None in prose."""
        spans = cell_spans(self.sentence, self.ctx.cells or [])
        own = next(((h, a, b) for h, a, b in spans if a <= pos < b), None)
        if own is None:
            return None
        figures = [q.start for q in self.quantities]
        labels = [self.sentence[a:b] for h, a, b in spans if (a, b) != own[1:] and not any(a <= f < b for f in figures)]
        return own[0], self.sentence[own[1]:own[2]], labels

    def _cell_bounds(self, pos: int) -> tuple[int, int]:
        """Where the table cell holding `pos` starts and ends in the sentence (the whole sentence in prose)."""
        spans = cell_spans(self.sentence, self.ctx.cells or [])
        return next(((a, b) for _, a, b in spans if a <= pos < b), (0, len(self.sentence)))

    def _unlabelled(self, a: int, b: int) -> str:
        """The sentence from a to b with its context-length tier labels blanked ("≤200K input tokens" names no side)."""
        text = list(self.sentence[a:b])
        for m in self.tier_labels:
            for i in range(max(a, m.start()), min(b, m.end())):
                text[i - a] = " "
        return "".join(text)

    def _figure_starts(self) -> list[int]:
        """Where the sentence's figures start, context-length thresholds left out (they are labels)."""
        labels = self.tier_labels
        return [x.start for x in self.quantities if not any(m.start() <= x.start < m.end() for m in labels)]

    def _context_tier(self, words: str) -> tuple[bool, str | None, int | None]:
        """What some words say of a price's tier: (said, tier, threshold). The last context-length label in them
        decides (a long-prompt one the `long_context` tier and its threshold; an at-most one the ordinary price);
        else any other tier word (`patterns.price_tier`)."""
        labels = context_labels(words)
        if labels:
            last = labels[-1]
            return (True, "long_context", label_threshold(last)) if last.group("above") else (True, None, None)
        tier = price_tier(words)
        return tier is not None, tier, None

    def _price_tier(self, q: Quantity, end: int, previous_end: int,
                    cell: tuple[str, str, list[str]] | None) -> tuple[str | None, int | None]:
        """Which price the figure is (`patterns.PRICE_TIERS`): None for the ordinary price; with the threshold of a
        long-prompt tier (`patterns.context_threshold`). A context-length label ("≤200K tokens:", ">200K tokens:",
        "prompts up to 200K", "for prompts over 128K") holds for the figures after it up to the next label, so one
        cell or sentence can give both tiers; an at-most label is the ordinary price. In a table row: the words
        right after the figure in its cell (up to a slash, a comma or the next figure: "$A (batch)"), else the
        nearest label before it in its cell ("Batch: $A / $B"), else a tier word anywhere in the cell, else its
        column header ("Batch input", "5m Cache Writes", "Input (>200K tokens)"), else a label cell of the row.
        In prose: words right after the figure up to the next figure ("$C per MTok for cache reads"); else a
        tier word since the previous figure ("cached input $A"); else the last context-length label before it;
        else a batch word anywhere before it in its clause, or as a label before a colon ("With the Batch API,
        $A in and $B out")."""
        following = [x for x in self._figure_starts() if x >= end]
        if cell is not None:
            header, text, labels = cell
            a, b = self._cell_bounds(q.start)
            window = self.sentence[end:min([b, *following])]
            said, tier, threshold = self._context_tier(CELL_AFTER_CUT_RE.split(opening_label_cut(window), maxsplit=1)[0])
            if not said:
                cuts = [a, *[x for x in self._figure_starts() if a <= x < q.start], q.start]
                for lo, hi in reversed(list(zip(cuts, cuts[1:]))):  # the nearest label before the figure
                    said, tier, threshold = self._context_tier(self.sentence[lo:hi])
                    if said:
                        break
            if not said:
                tier = price_tier(self._unlabelled(a, b))
            if not said and tier is None:
                tier = price_tier(header) or next((t for t in map(price_tier, labels) if t), None)
                threshold = context_threshold(header) if tier == "long_context" else None
            return combined_tier(tier, price_tier(self.ctx.table_section)), threshold
        window = self.sentence[q.end:min([end + 40, *following])]
        said, tier, threshold = self._context_tier(AFTER_CUT_RE.split(opening_label_cut(window), maxsplit=1)[0])
        if said:
            return tier, threshold
        said, tier, threshold = self._context_tier(self.sentence[max(previous_end, q.start - 40):q.start])
        if said:
            return tier, threshold
        before = [m for m in self.tier_labels if m.end() <= q.start]
        if before:
            return ("long_context", label_threshold(before[-1])) if before[-1].group("above") else (None, None)
        clauses = clause_boundaries(self.sentence)
        for m in PRICE_TIERS["batch"].finditer(self.sentence[:q.start]):
            label = re.match(r"[\w\s-]{0,24}:\s", self.sentence[m.end():q.start])
            if clauses.same(m.start(), q.start) or (label and clauses.same(m.end() + label.end(), q.start)):
                return "batch", None
        return None, None

    def _price_side(self, q: Quantity, end: int, previous_end: int,
                    cell: tuple[str, str, list[str]] | None = None) -> str:
        """input | output | blended | both. The side named right after the figure ("$B per million
        output tokens", "$B/M output") wins; a side word before it ("an input price of $A") counts
        only when it comes after the previous figure, whose side it would otherwise be. In a table row
        the cell's own words, else its column header ("Output Tokens"), name the side."""
        if cell is not None:
            # a side word right after the figure in its cell ("$A input / $B output"), else the nearest side
            # label before it in its cell ("Input: $A / Output: $B"), else the column header's
            a, b = self._cell_bounds(q.start)
            following = [x for x in self._figure_starts() if x >= end]
            own = self._unlabelled(q.end, end) + \
                CELL_AFTER_CUT_RE.split(self._unlabelled(end, max(end, min([b, *following]))), maxsplit=1)[0]
            before = list(PRICE_SIDE_RE.finditer(self._unlabelled(a, q.start)))
            side = PRICE_SIDE_RE.search(own) or (before[-1] if before else None) or PRICE_SIDE_RE.search(cell[0])
            if side is not None:
                word = side.group(1).lower()
                return {"prompt": "input", "completion": "output"}.get(word, word)
        # "$A / $B per million tokens", "$A/$B", "$A/B": the pair is input / output, or in the order named
        if q.currency and SLASH_PAIR_AFTER_RE.match(self.sentence[q.end:]):
            return self._pair_side(q, True)
        if q.currency and (before_pair := SLASH_PAIR_BEFORE_RE.search(self.sentence[:q.start])) is not None:
            return self._pair_side(q, False, before_pair.start())
        after = PRICE_SIDE_RE.search(self.sentence[q.end:end + 1]) or SIDE_BEFORE_UNIT_RE.match(self.sentence[q.end:]) or \
            re.match(r"\s*(?:\(|for\s+|of\s+)?\s*(input|output|blended|prompt|completion)\b", self.sentence[end:], re.I) \
            or SIDE_AFTER_RE.match(self.sentence[end:])
        before = list(PRICE_SIDE_RE.finditer(self.sentence[max(previous_end, q.start - 25):q.start]))
        if not before and IN_LABEL_BEFORE_RE.search(self.sentence[:q.start]) is not None:
            return "input"  # "in: $A"
        if not before and OUT_LABEL_BEFORE_RE.search(self.sentence[:q.start]) is not None:
            return "output"  # "out: $B"
        side = after or (before[-1] if before else None)
        if side is None:
            return "both"
        word = next(g for g in side.groups() if g).lower()
        return {"prompt": "input", "completion": "output", "in": "input", "out": "output"}.get(word, word)

    def _pair_side(self, q: Quantity, first: bool, first_start: int = 0) -> str:
        """The side of one amount of a slash pair: the order the pair's own words name after it ("$A/$B per million
        output/input tokens"), else a side written at the amount itself ("$A in / $B out"), else the order named before
        the pair in its clause ("Output/input: $B/$A"), else the order its lead or section names with the unit
        (`carry.stated_unit`: "Price per million tokens (output/input):"), else input then output."""
        rest = PAIR_REST_RE.match(self.sentence, q.end) if first else None
        start, end = (q.start, rest.end() if rest else q.end) if first else (first_start, q.end)
        own = SIDE_AFTER_RE.match(self.sentence[q.end:])
        order = pair_sides(PAIR_WORDS_CUT.split(self.sentence[end:], maxsplit=1)[0])
        if order is None and own is not None:
            return SIDE_WORDS[next(g for g in own.groups() if g).lower()]
        order = order or pair_sides(PAIR_WORDS_CUT.split(self.sentence[:start])[-1]) or \
            (self.named_unit.sides if self.named_unit is not None else ("input", "output"))
        return order[0] if first else order[1]

    def _provider_for(self, start: int, end: int) -> Mention | None:
        """The provider named right after a price ("$A ... at <Provider>"), else the one named last
        before it anywhere in the sentence ("<Provider> prices X at $A ... and $B ..." carries to both)."""
        providers = self.of("provider")
        # one named right after the figure ("$A per million tokens at <Provider>") is this price's
        # own, even when another provider was named earlier (for an earlier price)
        after = next((p for p in providers if p.start >= end and PROVIDER_AFTER_RE.match(self.sentence[end:p.start])),
                     None)
        before = [p for p in providers if p.end <= start]
        return after or (before[-1] if before else None)

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
        if not hub:
            # "over N public models" with N in the hundreds of thousands: only the Hub counts models so
            # (every other catalogue in the sources lists a few thousand), so the count is the Hub's
            big = next((q for q in self.free() if q.value >= HUB_ONLY_COUNT and not q.currency and not q.percent
                        and PUBLIC_MODELS_RE.match(self.sentence[q.end:])), None)
            if big is not None:
                hub = [Mention("hub", big.start, big.start, "the Hub", "hub",
                               note="a count of models this large can only be the Hugging Face Hub's")]
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
            start, consumed, own_form = min(growth.start(), first.start), [grown, first, last], False
            if last is not None and last.end <= growth.start() and \
                    sum(1 for q in self.free() if HUB_NOUN_RE.match(self.sentence[q.end:])) >= 2:
                # "from N models in A to M models in B, roughly tripling (in ten months)": the growth
                # between the sentence's own two counts; their dates stay with the counts
                own = re.search(r"(?:roughly|about|around|nearly|almost|more than|over)\s+$", self.sentence[:growth.start()])
                start, consumed, own_form = own.start() if own else growth.start(), [grown], True
                period = re.match(r"\s+(?:in|over|within)\s+(?:about\s+)?\S+\s+(?:months?|years?|weeks?)\b",
                                  self.sentence[growth.end():])
                end = growth.end() + (period.end() if period else 0)
                consumed += [q for q in self.free() if growth.end() <= q.start < end]
            grew = self.add(start, max(end, growth.end()), "hub_growth", [hub[0]],
                            consumed, factor=factor, first=first, last=last,
                            qualifier="lower" if re.search(r"(?:more than|over|at least)\s*$",
                                                           self.sentence[:growth.start()]) else "exact")
            if own_form:
                grew.params["counts"] = []  # filled with the sentence's count claims below
        counted = False
        growth_claim = next((c for c in self.claims if c.kind == "hub_growth" and "counts" in c.params), None)
        counts: list[Quantity] = []
        for q in self.free():
            if q.percent or q.currency or q.value < 1000:
                continue
            # the count of models itself: "3 million models", or "up from 40,000" after one
            if HUB_NOUN_RE.match(self.sentence[q.end:]) or (counted and HUB_FROM_RE.search(self.sentence[:q.start])):
                counted = True
                counts.append(q)
        for q in counts:
            date = self._count_date(q, counts)
            mode = "by" if date and HUB_BY_RE.search(self.sentence[q.end:date.start]) else "at"
            if date is None or HUB_PASSED_RE.search(self.sentence[max(0, q.start - 40):q.start]) or \
                    HUB_BY_RE.search(self.sentence[max(0, q.start - 40):q.start]):
                mode = "by"  # "passed 1 million", "over 2 million", "now hosts 2 million": a lower bound
            count = self.add(min(q.start, date.start) if date else q.start, max(q.end, date.end) if date else q.end, "hub_count", [hub[0]], [q, date], count=q.value,
                             qualifier=q.qualifier, date=date, mode=mode)
            if growth_claim is not None:
                growth_claim.params["counts"].append(count)

    def _count_date(self, q: Quantity, counts: list[Quantity]) -> DateExpr | None:
        """The date a count is bound to: none when it is said to hold now ("now hosts N", "N today");
        else the date right after it, or the nearest before it in its clause, when no other count
        stands between them ("N now, up from M in <year>": the year is M's, not N's)."""
        s = self.sentence
        if NOW_RE.search(s[max(0, q.start - 25):q.start]) or NOW_AFTER_RE.match(s[q.end:]):
            return None
        free = [d for d in self.dates if id(d) not in self.used]
        between = lambda a, b: any(a <= o.start < b for o in counts if o is not q)  # noqa: E731
        after = next((d for d in free if 0 <= d.start - q.end <= 40 and not between(q.end, d.start)), None)
        if after is not None:
            return after
        before = [d for d in free if d.end <= q.start and not between(d.end, q.start)
                  and not re.search(r"[;:]|,\s+(?:but|while|whereas)\b", s[d.end:q.start])]
        return before[-1] if before else None

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
                tail = 0
                field_ = previous.params["field"]
            else:
                tail = m.end()
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
            if carried and previous is not None:
                date = previous.params["date"]
            elif date is None:
                date = next((d for d in reversed(self.dates) if id(d) not in self.used and d.end <= q.start), None)
            own = date is not None and not carried and not any(
                q.end < x.start < date.start for x in self.quantities)  # the date ends this span, not a later one's
            end = max(q.end + tail, date.end if own and date is not None else 0)
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
        for w in CHANGE_WORD_RE.finditer(self.sentence):
            before = [c for c in self.claims if c.end <= w.start() and c.kind in CHANGE_KINDS]
            if len(before) < 2 or before[-1].kind != before[-2].kind or \
                    any(c.start <= w.start() < c.end for c in self.claims):
                continue
            factor = 0.5 if w.group("half") else CHANGE_WORD_FACTORS[w.group("mul").lower()]
            self.add(w.start(), w.end(), "change", [], [], first=before[-2], second=before[-1],
                     value=abs(factor - 1) * 100, qualifier="about", up=factor > 1, factor=factor)

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
