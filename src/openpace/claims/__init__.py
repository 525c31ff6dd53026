"""The claim checker: every quantitative claim in a text, one verdict each, with evidence.

`check_text(con, text)` is the library entry point; it returns the JSON shape of the spec
(`{"claims": [...]}`) plus the article's blocks so the HTML fragment can show the text.
"""

from __future__ import annotations

from datetime import date

import duckdb

from ..metrics.evidence import warehouse_state
from .extract import Claim, Context, extract, header_claims
from .patterns import UNASSERTED_WHY
from .render import render_html_fragment, render_table
from .releases import dateline
from .resolve import Lexicon
from .walk import sentences
from ..text import split_blocks
from . import verify
from .own_metrics import verify_cheapest, verify_lag, verify_market_price_ratio
from .ratios import verify_fact_ratio
from .verify_attributes import verify_attribute, verify_hardware
from .verify import (unverifiable, verify_change, verify_comparison, verify_compute, verify_open, verify_members,
                     verify_release, verify_training)
from .verify_scores import verify_score
from .verify_market import (price_day, verify_catalogues, verify_contributors, verify_hub, verify_hub_growth, verify_price,
                            verify_price_ratio)

__all__ = ["check_text", "check_claims", "render_html_fragment", "render_table", "VERDICTS"]

VERDICTS = ("supported", "contradicted", "unverifiable", "unreadable")
VERIFIERS = {
    "parameters": verify_attribute, "training_tokens": verify_attribute, "context_window": verify_attribute,
    "output_limit": verify_attribute, "knowledge_cutoff": verify_attribute,
    "score": verify_score, "comparison": verify_comparison, "release_date": verify_release,
    "open_weights": verify_open, "training_hardware": verify_hardware, "training_time": verify_training,
    "training_compute": verify_compute, "change": verify_change,
    "price": verify_price, "price_ratio": verify_price_ratio, "hub_count": verify_hub, "hub_growth": verify_hub_growth,
    "contributors": verify_contributors,
    "catalogue_size": verify_catalogues,
    "lag": verify_lag, "market_price_ratio": verify_market_price_ratio, "cheapest_at_score": verify_cheapest,
}
_LEXICONS: dict[tuple, Lexicon] = {}


def lexicon(con: duckdb.DuckDBPyConnection) -> Lexicon:
    """The warehouse's vocabulary, built once per warehouse state (cached for repeated checks)."""
    key = warehouse_state(con)
    if key not in _LEXICONS:
        _LEXICONS.clear()
        verify.ROWS_CACHE.clear()
        _LEXICONS[key] = Lexicon(con)
    verify.STATE[0] = key
    return _LEXICONS[key]


def check_claims(con: duckdb.DuckDBPyConnection, text: str, as_of: date | None = None) -> tuple[list, list[Claim]]:
    """Blocks of the text and every claim in it, verified; `as_of` is the text's date (None: the latest
    data), the date prices and openpace's own metrics are read at when a sentence names none."""
    lex = lexicon(con)
    blocks = split_blocks(text)
    day, dated = dateline(blocks)
    ctx = Context(con=con, as_of=as_of, dateline=day)
    claims: list[Claim] = []
    for step in sentences(blocks, ctx, skip=dated):
        if step.columns is not None:
            # a table's header row names its columns (models, benchmarks); it claims nothing but the sizes
            # its labels state ("7B Params")
            extracted = header_claims(step.sentence, step.columns, lex, ctx)
        else:
            extracted = extract(step.sentence, lex, ctx)
        for claim in extracted:
            claim.block, claim.index = step.block, step.index
            claim.params.setdefault("as_of", as_of)
            if step.section_variant and claim.kind == "score":
                claim.params.setdefault("variant", step.section_variant)
            if claim.params.get("unasserted"):
                why = claim.params["unasserted"]
                unverifiable(claim, f"the text does not assert this figure of the model ({why}: "
                                    f"{UNASSERTED_WHY.get(why, why)})")
            elif claim.verdict != "unreadable":
                verify = verify_fact_ratio if "ratio_to" in claim.params else VERIFIERS.get(claim.kind)
                if verify is None:
                    unverifiable(claim, claim.params.get("why") or "no source covers this")
                elif not verify_members(con, lex, claim, verify,
                                        price_day(claim)[0] if claim.kind == "price" else as_of):
                    verify(con, lex, claim)
            claims.append(claim)
    return blocks, claims


def check_text(con: duckdb.DuckDBPyConnection, text: str, as_of: date | None = None) -> dict:
    """Check every claim in `text` (Markdown or plain); return `{"claims": [...], "blocks": [...],
    "summary": {verdict: count}}`, the `claims` items as the spec's JSON."""
    blocks, claims = check_claims(con, text, as_of)
    summary = {v: sum(c.verdict == v for c in claims) for v in VERDICTS}
    return {
        "claims": [c.to_dict() for c in claims],
        "summary": summary,
        "blocks": [{"kind": b.kind, "text": b.text if b.kind == "code" else None, "sentences": b.sentences}
                   for b in blocks],
    }
