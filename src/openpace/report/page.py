"""Assemble the report page: one self-contained HTML file, no JavaScript, no external resource.

Charts are inline SVG, the style sheet is inline, fonts are the reader's own; the machine-readable
headline numbers ride along in a `<script type="application/json">` data block (never executed).
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

from .build import Gathered, Missing, metric
from .escape import script_json
from .escape import text as h
from .sections import Fragment, code_spans, missing_html

CSS = """
:root{color-scheme:light}
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0 auto;max-width:980px;padding:1.5rem;color:#222}
h1{font-size:1.6rem;margin:.2rem 0}h2{font-size:1.25rem;border-bottom:2px solid #eee;padding-bottom:.2rem;margin-top:2.2rem}
.op-asof{color:#555;margin:0 0 1rem}
table{border-collapse:collapse;width:100%;margin:.6rem 0;font-size:.9rem}
th,td{border-bottom:1px solid #e4e4e4;padding:.25rem .4rem;text-align:left;vertical-align:top;overflow-wrap:break-word}
td.op-wrap{overflow-wrap:anywhere;min-width:12rem}
th{background:#f6f6f6}
.op-cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(210px,1fr));gap:.6rem}
.op-card{border:1px solid #ddd;border-radius:6px;padding:.5rem .7rem;background:#fbfbfb}
.op-card .v{font-size:1.3rem;font-weight:600}.op-card .l{font-size:.8rem;color:#555}.op-card .d{font-size:.78rem;color:#666}
.op-card code{font-size:.7rem;word-break:break-all}
.op-figure{margin:1rem 0;overflow-x:auto}.op-figure svg{max-width:100%;height:auto}
.op-missing{border-left:4px solid #e6a700;background:#fff8e1;padding:.3rem .8rem;margin:.6rem 0}
.op-note{color:#555;font-size:.85rem}
.op-article{white-space:pre-wrap;background:#f7f7f7;padding:.6rem;border-radius:4px;font-size:.85rem}
code{background:#f1f1f1;padding:0 .2rem;border-radius:3px}
nav a{margin-right:.8rem}
@media print{body{max-width:none;padding:0}h2{break-after:avoid}.op-figure,.op-card,table{break-inside:avoid}nav{display:none}}
"""


def headline_cards(headlines: list[dict[str, Any]]) -> Fragment:
    """The headline numbers as cards; each names the metric it came from."""
    if not headlines:
        return Fragment("headline", "Headline numbers", missing_html(Missing(
            "No headline numbers: the warehouse has none of the data they need.",
            "Run `openpace refresh` (or `openpace refresh --offline DIR` with a mirror)")), has_data=False)
    cards = "".join(
        f'<div class="op-card"><div class="l">{h(x["label"])}</div><div class="v">{h(x["value"])}</div>'
        f'<div class="d">{h(x.get("detail") or "")}</div><div class="d">from <code>{h(x["metric"])}</code></div></div>'
        for x in headlines)
    return Fragment("headline", "Headline numbers", f'<div class="op-cards">{cards}</div>')


def claims_fragment(g: Gathered) -> Fragment | None:
    """The checked article (with --check): the claims checker's own escaped fragment."""
    if g.article is None:
        return None
    title = "The checked article"
    render = metric("claims", "render_html_fragment")
    if isinstance(g.claims, dict) and render is not None:
        return Fragment("claims", title, render(g.claims))  # the checker's own fragment, escaped by it
    missing = g.claims if isinstance(g.claims, Missing) else Missing(
        "The claims checker's rendering is not in this build.", "Run `openpace check FILE`")
    body = missing_html(missing) + f'<p>The article as given:</p><pre class="op-article">{h(g.article)}</pre>'
    return Fragment("claims", title, body, has_data=False)


def sources_fragment(g: Gathered) -> Fragment:
    """Per source: origin (with the upstream files a snapshot was built from), licence, rows, last
    refresh; then the attributions the licences ask for."""
    shipped = {s["name"]: s for s in (g.provenance or {}).get("sources") or []}
    from_snapshot = any(str(s.get("origin") or "").startswith("bundled snapshot") for s in g.sources)
    rows = []
    for s in g.sources:
        origin = h(s.get("origin") or "–")
        upstream = shipped.get(s["name"]) if from_snapshot else None
        if upstream and upstream.get("origins"):
            items = "".join(f"<li>{h(o)}</li>" for o in upstream["origins"])
            origin += (f'<details><summary>{len(upstream["origins"])} upstream file(s); live: '
                       f'{h(upstream.get("live_url") or "–")}</summary><ul>{items}</ul></details>')
        count = f"{s.get('rows') or 0:,}"
        rows.append(f"<tr><td>{h(s['name'])}</td><td class=\"op-wrap\">{origin}</td><td>{h(s.get('license') or '–')}</td>"
                    f"<td>{h(count)}</td><td>{h(s.get('last_refresh') or 'never')}</td></tr>")
    parts = ["<table><thead><tr><th>source</th><th>origin</th><th>licence</th><th>rows</th><th>last refresh</th>"
             f"</tr></thead><tbody>{''.join(rows)}</tbody></table>"]
    if from_snapshot:
        attributions = (g.provenance or {}).get("attribution") or []
    else:  # refreshed here: attribute each CC-BY source as of its own refresh
        attributions = [f"Epoch AI, {s['name']} ({s.get('origin')}), accessed {str(s.get('last_refresh'))[:10]}"
                        for s in g.sources if "CC-BY" in (s.get("license") or "") and s.get("rows")]
    if attributions:
        parts.append("<p>Attribution (CC-BY 4.0):</p><ul>" + "".join(f"<li>{h(a)}</li>" for a in attributions) + "</ul>")
    if from_snapshot and g.provenance:
        parts.append(f'<p class="op-note">Bundled snapshot built {h(g.provenance.get("built"))} from '
                     f'{code_spans(h(g.provenance.get("built_from")))}.</p>')
    return Fragment("sources", "Sources", "".join(parts))


def as_of_line(g: Gathered, generated: datetime) -> str:
    refreshed = max((s["last_refresh"] for s in g.sources if s.get("last_refresh")), default=None)
    scope = f"models released on or before {g.as_of.isoformat()}" if g.as_of else "all data in the warehouse"
    return (f"As of {h(g.as_of.isoformat() if g.as_of else generated.date().isoformat())}: {h(scope)}; "
            f"warehouse last refreshed {h(refreshed or 'never')}; generated {h(generated.isoformat(timespec='seconds'))}.")


def render_page(g: Gathered, fragments: list[Fragment], summary: dict[str, Any],
                generated: datetime | None = None) -> str:
    """The whole page as one HTML string."""
    generated = generated or datetime.now(timezone.utc).replace(microsecond=0)
    nav = "".join(f'<a href="#{h(f.key)}">{h(f.title.split(":")[0])}</a>' for f in fragments)
    body = "".join(f'<section id="{h(f.key)}"><h2>{h(f.title)}</h2>{f.html}</section>' for f in fragments)
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        # A strict policy: the page may load nothing and run nothing, whatever a string smuggles in.
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
        "img-src data:\">"
        "<title>openpace report: is open-weight AI outpacing closed AI?</title>"
        f"<style>{CSS}</style></head><body>"
        "<h1>Is open-weight AI outpacing closed AI?</h1>"
        f'<p class="op-asof" id="as-of">{as_of_line(g, generated)}</p>'
        f"<nav>{nav}</nav>{body}"
        f'<script type="application/json" id="openpace-summary">{script_json(summary, default=str)}</script>'
        "</body></html>\n")
