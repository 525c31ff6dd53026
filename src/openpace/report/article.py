"""The checked article: every claim highlighted in its sentence, its verdict as an icon and a word
(never colour alone), the claim list with each sentence and its claim marked, evidence as a small
table with links to the sources.

Reads the claims checker's JSON shape (`claims.check_text`): per claim `sentence, span, position
{block, sentence, start, end}, kind, verdict, entities, evidence, explanation`; extra fields are
ignored. With `blocks` (the article's paragraphs and their sentences) the article is drawn from
them; without, each claim's sentence is found in the article's paragraphs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..sources import SOURCES
from .view import Csv, make_csv, source_title

VERDICTS = {  # verdict -> (icon, word): the shape of the icon differs, not only its colour
    "supported": ("✓", "supported"),
    "contradicted": ("✗", "contradicted"),
    "unverifiable": ("?", "unverifiable"),
    "unreadable": ("!", "unreadable"),
}
# when claims overlap, the highlight shows the most serious verdict among them
SEVERITY = ["contradicted", "unreadable", "unverifiable", "supported"]


def verdict_of(claim: dict) -> str:
    v = str(claim.get("verdict") or "")
    return v if v in VERDICTS else "unverifiable"


@dataclass
class Segment:
    """A run of text covered by the same claims; `ends` the claims whose span ends right after it."""

    text: str
    claims: list[int] = field(default_factory=list)
    verdict: str | None = None
    ends: list[tuple[int, str]] = field(default_factory=list)


@dataclass
class Paragraph:
    tag: str  # p, h3, li, pre
    segments: list[Segment]


@dataclass
class EvidenceRow:
    source: str
    url: str | None
    value: str
    date: str
    basis: str
    detail: str


@dataclass
class ClaimView:
    n: int
    verdict: str
    icon: str
    kind: str
    sentence: list[Segment]
    span: str
    explanation: str
    evidence: list[EvidenceRow]
    located: bool
    csv: Csv | None = None  # the evidence table as a download (None without evidence)


@dataclass
class ArticleView:
    paragraphs: list[Paragraph]
    claims: list[ClaimView]
    counts: list[tuple[str, str, int]]  # (icon, verdict, count)


def mark(text: str, spans: list[tuple[int, int, int, str]]) -> list[Segment]:
    """`text` cut at every span boundary; each piece lists the claims covering it (overlapping and
    nested spans both stay visible), with a marker after the piece where a claim's span ends."""
    cuts = sorted({0, len(text)} | {max(0, min(len(text), x)) for s, e, _, _ in spans for x in (s, e)})
    out = []
    for a, b in zip(cuts, cuts[1:]):
        covering = [(n, v) for s, e, n, v in spans if s <= a and b <= e and s < e]
        verdict = min((v for _, v in covering), key=SEVERITY.index) if covering else None
        ends = [(n, VERDICTS[v][0]) for s, e, n, v in sorted(spans, key=lambda x: x[2]) if e == b and s < e]
        out.append(Segment(text[a:b], [n for n, _ in covering], verdict, ends))
    return out


def _value(value: Any) -> str:
    if isinstance(value, dict):
        return ", ".join(f"{k} {_value(v)}" for k, v in value.items())
    if isinstance(value, list):
        return ", ".join(_value(v) for v in value)
    return "–" if value is None else str(value)


# Claim kinds as a reader says them (the checker's `kind` is an identifier)
KIND_WORDS = {"release_date": "release date", "hub_count": "Hub model count", "score": "benchmark score",
              "price": "price", "contributors": "contributor count", "open_weights": "open weights",
              "other": "other figure"}
BASIS_WORDS = {"independent": "independent (evaluator)", "self_reported": "self-reported (developer)",
               "unknown": "unknown"}
_SOURCE_ID = re.compile(r"\b(" + "|".join(re.escape(n) for n in sorted(SOURCES, key=len, reverse=True)
                                           if n != "git") + r")\b")  # "git history" is already words


def kind_text(kind: Any) -> str:
    """`release_date` -> "release date": a claim kind in words."""
    text = str(kind or "")
    return KIND_WORDS.get(text) or (text.replace("_", " ") if text else "–")


def basis_text(basis: Any) -> str:
    """Who measured a score: "independent (evaluator)", "self-reported (developer)"; "–" when the
    evidence is not a score (a date, a price, a count has no basis)."""
    return BASIS_WORDS.get(str(basis), str(basis).replace("_", "-")) if basis else "–"


def source_words(text: str) -> str:
    """The checker's explanation with source ids (`epoch_trends`) written as the sources' names."""
    return _SOURCE_ID.sub(lambda m: source_title(m.group(1)), text)


def evidence_rows(evidence: list[dict]) -> list[EvidenceRow]:
    rows = []
    for e in evidence or []:
        name = str(e.get("source") or "")
        spec = SOURCES.get(name)
        url = e.get("url") or (spec.live_url if spec else None)
        detail = "; ".join(f"{k}: {_value(e[k])}" for k in ("model", "benchmark", "provider", "statement", "unit")
                           if e.get(k) is not None)
        if e.get("low_trust"):
            detail += "; the source marks this row as low trust"
        rows.append(EvidenceRow(source_title(name) if name else "–",
                                url if isinstance(url, str) and url.startswith("https://") else None,
                                _value(e.get("value")), str(e.get("date") or "undated"),
                                basis_text(e.get("basis")), detail))
    return rows


EVIDENCE_HEAD = ["source", "url", "value", "date", "basis", "detail"]


def evidence_csv(n: int, evidence: list[EvidenceRow]) -> Csv:
    """Claim n's evidence table as CSV: the columns shown, plus each source's URL."""
    return make_csv(f"claim {n} evidence", EVIDENCE_HEAD,
                    [[e.source, e.url, e.value, e.date, e.basis, e.detail] for e in evidence])


def _paragraphs_from_blocks(result: dict, by_sentence: dict[tuple[Any, Any], list]) -> list[Paragraph]:
    out = []
    for b, block in enumerate(result.get("blocks") or []):
        if block.get("kind") == "code":
            out.append(Paragraph("pre", [Segment(block.get("text") or "")]))
            continue
        segments: list[Segment] = []
        for i, sentence in enumerate(block.get("sentences") or []):
            if segments:
                segments.append(Segment(" "))
            segments += mark(sentence, by_sentence.get((b, i), []))
        out.append(Paragraph({"heading": "h3", "item": "li"}.get(block.get("kind"), "p"), segments))
    return out


def _paragraphs_from_text(article: str, claims: list[dict]) -> tuple[list[Paragraph], set[int]]:
    """Without blocks: the article's paragraphs, each claim found by its sentence's text."""
    paragraphs = [p.strip() for p in article.replace("\r\n", "\n").split("\n\n") if p.strip()]
    spans: dict[int, list] = {}
    located: set[int] = set()
    for n, c in enumerate(claims, 1):
        pos, sentence = c.get("position") or {}, str(c.get("sentence") or "")
        for i, text in enumerate(paragraphs):
            at = text.find(sentence) if sentence else -1
            if at >= 0:
                spans.setdefault(i, []).append((at + int(pos.get("start", 0)), at + int(pos.get("end", 0)), n,
                                                verdict_of(c)))
                located.add(n)
                break
    return [Paragraph("p", mark(t, spans.get(i, []))) for i, t in enumerate(paragraphs)], located


def article_view(result: dict, article: str) -> ArticleView:
    """The article with its claims marked and the claim list, from the checker's result."""
    claims = list(result.get("claims") or [])
    by_sentence: dict[tuple[Any, Any], list] = {}
    for n, c in enumerate(claims, 1):
        pos = c.get("position") or {}
        by_sentence.setdefault((pos.get("block"), pos.get("sentence")), []).append(
            (int(pos.get("start", 0)), int(pos.get("end", 0)), n, verdict_of(c)))
    if result.get("blocks"):
        paragraphs = _paragraphs_from_blocks(result, by_sentence)
        located = set(range(1, len(claims) + 1))
    else:
        paragraphs, located = _paragraphs_from_text(article, claims)
    views = []
    for n, c in enumerate(claims, 1):
        pos, v = c.get("position") or {}, verdict_of(c)
        sentence = mark(str(c.get("sentence") or ""), [(int(pos.get("start", 0)), int(pos.get("end", 0)), n, v)])
        evidence = evidence_rows(c.get("evidence") or [])
        views.append(ClaimView(n, v, VERDICTS[v][0], kind_text(c.get("kind")), sentence, str(c.get("span") or ""),
                               source_words(str(c.get("explanation") or "")), evidence, n in located,
                               evidence_csv(n, evidence) if evidence else None))
    counts = [(icon, word, sum(x.verdict == v for x in views)) for v, (icon, word) in VERDICTS.items()]
    return ArticleView(paragraphs, views, counts)


def claims_summary(result: dict) -> dict:
    """The terminal's and `--json`'s account of a checked article: total and count per verdict."""
    claims = result.get("claims") or []
    return {"total": len(claims), "summary": {v: sum(verdict_of(c) == v for c in claims) for v in VERDICTS}}
