"""The checked article's view: overlapping claims stay visible, verdicts are words and icons, each
claim is shown in its sentence, evidence is a table; an empty article says so. No browser, no
warehouse: the checker's JSON shape is written out here (the fields docs/claims.md documents)."""

from __future__ import annotations

import csv
import html as html_lib
import io
import re
from urllib.parse import unquote

from openpace.report.article import Segment, article_view, mark
from openpace.report.templating import render
from openpace.report.view import Section

HOSTILE = "<img src=x onerror=alert(1)>"


def claim(sentence: str, span: str, verdict: str, block: int = 0, index: int = 0, **extra) -> dict:
    start = sentence.index(span)
    return {"sentence": sentence, "span": span, "kind": "score", "verdict": verdict, "entities": [],
            "evidence": [], "explanation": f"{verdict} because", "position": {"block": block, "sentence": index,
                                                                               "start": start,
                                                                               "end": start + len(span)}, **extra}


def test_overlapping_spans_keep_both_claims():
    segments = mark("abcdef", [(0, 4, 1, "supported"), (2, 6, 2, "contradicted")])
    assert segments == [Segment("ab", [1], "supported", []),
                        Segment("cd", [1, 2], "contradicted", [(1, "✓")]),  # the more serious verdict shows
                        Segment("ef", [2], "contradicted", [(2, "✗")])]


def test_nested_span_ends_inside_its_outer_claim():
    segments = mark("one two three", [(0, 13, 1, "supported"), (4, 7, 2, "unverifiable")])
    assert [s.text for s in segments] == ["one ", "two", " three"]
    assert segments[1].claims == [1, 2] and segments[1].ends == [(2, "?")] and segments[2].ends == [(1, "✓")]


def page(result: dict, article: str) -> str:
    section = Section("claims", "The checked article", template="article.html.j2",
                      context={"view": article_view(result, article)})
    return render("article.html.j2", section=section)


def test_claims_without_blocks_are_found_in_the_text_and_listed_with_their_sentence():
    first = f"{HOSTILE} scored 87.3% on MMLU and 90% on GSM8K."
    second = "It costs $2.50 per million tokens."
    article = f"# Title\n\n{first}\n\n{second}\n"
    evidence = [{"value": {"input": 2.5, "output": 10}, "source": "litellm", "date": "2026-11-20", "basis": "first-party",
                 "origin": "mirror:litellm/x.json"}]
    result = {"claims": [claim(first, "scored 87.3% on MMLU", "supported", confidence=0.9),  # extra field: ignored
                         claim(first, "87.3% on MMLU and 90%", "contradicted"),
                         claim(second, "$2.50 per million tokens", "unverifiable", block=1, evidence=evidence)],
              "summary": {}}
    html = page(result, article)
    assert HOSTILE not in html and "&lt;img src=x onerror=alert(1)&gt;" in html
    assert 'class="op-v op-v-contradicted op-overlap"' in html  # the overlap is marked, not dropped
    for n, icon in ((1, "✓"), (2, "✗"), (3, "?")):
        assert f'<a href="#claim-{n}">[{n} {icon}]</a>' in html
    # verdicts in words beside the icons, and the summary counts
    assert "✓ supported" in html and "✗ contradicted" in html and "? unverifiable" in html
    assert "3 claims:" in html
    # the claim list quotes the whole sentence with the claim marked
    item = html.split('id="claim-3"')[1]
    assert "<blockquote>It costs <mark" in item and "per million tokens</mark>" in item
    # evidence: source by name, linked to its live URL, value without JSON, date, basis
    assert ">LiteLLM price map</a>" in item and 'href="https://raw.githubusercontent.com/BerriAI/litellm' in item
    assert "<td>input 2.5, output 10</td><td>2026-11-20</td><td>first-party</td>" in item
    # the evidence table downloads as CSV: the shown columns plus the source's URL
    link = re.search(r'download="(openpace-claim-3-evidence\.csv)" href="data:text/csv;charset=utf-8,([^"]+)"', item)
    assert link is not None
    rows = list(csv.reader(io.StringIO(unquote(html_lib.unescape(link.group(2))))))
    assert rows[0] == ["source", "url", "value", "date", "basis", "detail"]
    assert rows[1][0] == "LiteLLM price map" and rows[1][2:5] == ["input 2.5, output 10", "2026-11-20", "first-party"]
    assert 'id="claim-1"' in html and "claim-1-evidence" not in html  # no evidence, no download


def test_claims_with_blocks_use_the_checkers_paragraphs():
    s0, s1 = "A scored 10% on X.", "B scored 20% on Y."
    result = {"claims": [claim(s1, "20% on Y", "supported", index=1)],
              "blocks": [{"kind": "paragraph", "text": None, "sentences": [s0, s1]}]}
    html = page(result, "ignored when blocks are given")
    assert "<p>A scored 10% on X. B scored <mark" in html


def test_an_empty_article_says_no_claims_found():
    html = page({"claims": [], "summary": {}}, "Nothing to check here.")
    assert "No claims found in this article" in html and "<ol" not in html
    assert "Nothing to check here." in html
