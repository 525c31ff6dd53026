"""Showing checked claims: a terminal table (colour per verdict) and a self-contained HTML fragment
(the article with each claim highlighted, its verdict and evidence below). Every string from the
article or a source is escaped: it is data, never markup."""

from __future__ import annotations

import json
from html import escape
from typing import Any

from rich.table import Table
from rich.text import Text

COLOURS = {"supported": "green", "contradicted": "red", "unverifiable": "yellow", "unreadable": "magenta"}
CSS = """
.op-claims{font:15px/1.55 system-ui,sans-serif;max-width:52em}
.op-claims .op-claim-article{border-left:3px solid #ddd;padding-left:1em}
.op-claims mark.op-claim{padding:0 .15em;border-radius:3px;cursor:help}
.op-claims .op-claim-supported{background:#d9f2dd}
.op-claims .op-claim-contradicted{background:#f8d4d4}
.op-claims .op-claim-unverifiable{background:#fbefc5}
.op-claims .op-claim-unreadable{background:#ead7f5}
.op-claims .op-claim-n{font-size:.7em;margin-left:.1em;color:#555}
.op-claims .op-claim-n a{color:inherit;text-decoration:none}
.op-claims .op-claim-badge{display:inline-block;min-width:7.5em;font-weight:600;font-size:.85em}
.op-claims .op-claim-list li{margin:.4em 0}
.op-claims .op-claim-evidence{border-collapse:collapse;font-size:.85em;margin:.3em 0}
.op-claims .op-claim-evidence td,.op-claims .op-claim-evidence th{border:1px solid #ddd;padding:.15em .4em;
text-align:left}
.op-claims .op-claim-summary span{margin-right:1em}
"""


def _value(value: Any) -> str:
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False, default=str)
    return "" if value is None else str(value)


def render_table(result: dict) -> Table:
    """A rich table, one row per claim; the text is never read as markup."""
    table = Table("#", "verdict", "claim", "why", show_lines=True, expand=True)
    table.columns[2].ratio, table.columns[3].ratio = 2, 3
    for n, c in enumerate(result["claims"], 1):
        colour = COLOURS.get(c["verdict"], "white")
        claim = Text(c["span"])
        claim.append(f"\n{c['kind']}", style="dim")
        why = Text()
        if c["expected"] is not None or c["found"] is not None:
            why.append(f"claimed {_value(c['expected'])}" + (f", found {_value(c['found'])}" if c["found"] is not None
                                                               else "") + "\n", style="bold")
        why.append(c["explanation"])
        table.add_row(str(n), Text(c["verdict"], style=f"bold {colour}"), claim, why)
    return table


def _mark_sentence(sentence: str, claims: list[tuple[int, dict]]) -> str:
    """The sentence with each claim's span wrapped in a <mark>; nested spans stay listed below only."""
    out, pos = [], 0
    for n, c in sorted(claims, key=lambda nc: (nc[1]["position"]["start"], -nc[1]["position"]["end"])):
        start, end = c["position"]["start"], c["position"]["end"]
        if start < pos:
            continue
        verdict = c["verdict"] if c["verdict"] in COLOURS else "unverifiable"
        title = f"{c['verdict']}: {c['explanation']}"
        out.append(escape(sentence[pos:start]))
        # the footnote marker goes after the highlighted span, bracketed and raised, so it never reads
        # as part of the quoted text (`alert(1)` must not become `alert(11)`)
        out.append(f'<mark class="op-claim op-claim-{verdict}" title="{escape(title)}">{escape(sentence[start:end])}'
                   f'</mark><sup class="op-claim-n"><a href="#op-claim-{n}">[{n}]</a></sup>')
        pos = end
    out.append(escape(sentence[pos:]))
    return "".join(out)


def _evidence(rows: list[dict]) -> str:
    if not rows:
        return ""
    keys = ["value", "source", "date", "origin"] + sorted({k for r in rows for k in r} - {"value", "source", "date",
                                                                                           "origin"})
    head = "".join(f"<th>{escape(k)}</th>" for k in keys)
    body = "".join("<tr>" + "".join(f"<td>{escape(_value(r.get(k)))}</td>" for k in keys) + "</tr>" for r in rows)
    return (f'<details><summary>evidence ({len(rows)})</summary><table class="op-claim-evidence"><tr>{head}</tr>'
            f"{body}</table></details>")


def render_html_fragment(result: dict) -> str:
    """The article with its claims highlighted, and the list of claims with verdict and evidence.

    Self-contained: one <div class="op-claims"> with its own <style>; class names prefixed `op-claim`.
    """
    numbered = list(enumerate(result["claims"], 1))
    by_sentence: dict[tuple[int, int], list[tuple[int, dict]]] = {}
    for n, c in numbered:
        by_sentence.setdefault((c["position"]["block"], c["position"]["sentence"]), []).append((n, c))
    parts = [f'<div class="op-claims"><style>{CSS}</style>']
    summary = result.get("summary") or {}
    parts.append('<p class="op-claim-summary">' + "".join(
        f'<span class="op-claim-{escape(v)}">{escape(v)}: {int(k)}</span>' for v, k in summary.items()) + "</p>")
    parts.append('<div class="op-claim-article">')
    for b, block in enumerate(result.get("blocks", [])):
        if block["kind"] == "code":
            parts.append(f"<pre>{escape(block['text'] or '')}</pre>")
            continue
        body = " ".join(_mark_sentence(s, by_sentence.get((b, i), [])) for i, s in enumerate(block["sentences"]))
        tag = {"heading": "h3", "item": "li"}.get(block["kind"], "p")
        parts.append(f"<ul><li>{body}</li></ul>" if tag == "li" else f"<{tag}>{body}</{tag}>")
    parts.append('</div><ol class="op-claim-list">')
    for n, c in numbered:
        verdict = c["verdict"] if c["verdict"] in COLOURS else "unverifiable"
        expected = "" if c["expected"] is None else f" expected {escape(_value(c['expected']))}"
        found = "" if c["found"] is None else f"; found {escape(_value(c['found']))}"
        parts.append(
            f'<li id="op-claim-{n}"><span class="op-claim-badge op-claim-{verdict}">{escape(c["verdict"])}</span> '
            f'<q>{escape(c["span"])}</q> <small>({escape(c["kind"])}{expected}{found})</small><br>'
            f'{escape(c["explanation"])}{_evidence(c["evidence"])}</li>')
    parts.append("</ol></div>")
    return "\n".join(parts)
