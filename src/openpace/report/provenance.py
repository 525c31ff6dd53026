"""The page's sources: the date each source's data ends ("data as of"), then origins, licences and
the attributions the licences ask for; and the checked article's section."""

from __future__ import annotations

from .article import article_view
from .build import Gathered, Missing
from .sections import num
from .view import Notice, Section, Table, source_title


def data_as_of_section(g: Gathered) -> Section:
    """Per source and kind of fact: its newest dated observation and what that date is."""
    s = Section("data-as-of", "Data as of: where each source's data ends")
    if not g.coverage:
        s.has_data = False
        return s.add("notice", Notice("No source has data in the warehouse.",
                                      "Run `openpace refresh` (or `openpace refresh --offline DIR` with a mirror)"))
    s.add("prose", "Each figure on this page is only as recent as its source: the newest dated observation of each "
                   "source, and what that date is. Undated rows are counted but have no date.")
    rows = [[source_title(c.source), c.last.isoformat() if c.last else "undated", c.covers,
             c.first.isoformat() if c.first else "–", num(c.rows), num(c.dated_rows), c.source] for c in g.coverage]
    cut = f" Cut at {g.as_of.isoformat()}: later observations are left out." if g.as_of else ""
    s.add("table", Table("data as of, per source", ["source", "newest observation", "what the date is",
                                                    "oldest observation", "rows", "dated rows", "source id"], rows,
                         caption=f"From the warehouse (`openpace status` lists the same sources).{cut}"))
    return s


def sources_section(g: Gathered) -> Section:
    """Per source: origin (the upstream files a snapshot was built from), licence, rows, when it was
    loaded; then the attributions the licences ask for."""
    s = Section("sources", "Sources and licences")
    shipped = {x["name"]: x for x in (g.provenance or {}).get("sources") or []}
    from_snapshot = any(str(x.get("origin") or "").startswith("bundled snapshot") for x in g.sources)
    rows = []
    for x in g.sources:
        upstream = shipped.get(x["name"]) if from_snapshot else None
        origin = str(x.get("origin") or "–")
        if upstream and upstream.get("live_url"):
            origin += f"; live: {upstream['live_url']}"
        rows.append([source_title(x["name"]), origin, x.get("license") or "–", num(x.get("rows") or 0),
                     x.get("last_refresh") or "never"])
    s.add("table", Table("sources", ["source", "origin", "licence", "rows", "loaded into this warehouse"], rows))
    if from_snapshot:
        attributions = (g.provenance or {}).get("attribution") or []
    else:  # refreshed here: attribute each CC-BY source as of its own refresh
        attributions = [f"Epoch AI, {x['name']} ({x.get('origin')}), accessed {str(x.get('last_refresh'))[:10]}"
                        for x in g.sources if "CC-BY" in (x.get("license") or "") and x.get("rows")]
    for a in attributions:
        s.add("note", f"Attribution (CC-BY 4.0): {a}")
    if from_snapshot and g.provenance:
        # `built_from` is prose that carries its own `code` span: wrapping it in another one breaks both
        s.add("note", f"Bundled snapshot built {g.provenance.get('built')} from {g.provenance.get('built_from')}.")
    return s


def claims_section(g: Gathered) -> Section | None:
    """The checked article (with --check): each claim marked in the text, then listed with its
    sentence, verdict and evidence (`article.article_view`, drawn by `article.html.j2`)."""
    if g.article is None:
        return None
    s = Section("claims", "The checked article")
    if isinstance(g.claims, dict):
        s.template = "article.html.j2"
        s.context = {"view": article_view(g.claims, g.article)}
        return s
    m = g.claims if isinstance(g.claims, Missing) else Missing("No claims.", "Run `openpace check FILE`")
    s.has_data = False
    s.add("notice", Notice(m.what, m.how))
    s.add("prose", "The article as given:")
    return s.add("pre", g.article)
