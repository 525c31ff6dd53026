"""The claims HTML fragment: a footnote marker never reads as part of the highlighted text."""

from __future__ import annotations

import re
from html import unescape

from openpace.claims.render import render_html_fragment

SENTENCE = "<script>alert(1)</script> GPT-4o scored 87.2% on MMLU."


def _claim(start: int, end: int) -> dict:
    return {"span": SENTENCE[start:end], "kind": "score", "verdict": "unverifiable", "explanation": "why",
            "expected": None, "found": None, "evidence": [],
            "position": {"block": 0, "sentence": 0, "start": start, "end": end}}


def test_footnote_marker_sits_outside_the_span_and_is_bracketed() -> None:
    one = SENTENCE.index("1")  # the checker read the "1" of alert(1) as a figure
    score = SENTENCE.index("87.2%")
    result = {"claims": [_claim(one, one + 1), _claim(score, score + 5)], "summary": {"unverifiable": 2},
              "blocks": [{"kind": "paragraph", "sentences": [SENTENCE]}]}
    html = render_html_fragment(result)
    article = html.split('<div class="op-claim-article">', 1)[1].split("</div>", 1)[0]
    assert '<mark class="op-claim op-claim-unverifiable" title="unverifiable: why">1</mark>' \
           '<sup class="op-claim-n"><a href="#op-claim-1">[1]</a></sup>' in article
    assert '<sup class="op-claim-n"><a href="#op-claim-2">[2]</a></sup>' in article
    # without the markers, the article text is the sentence as written (never "alert(11)")
    text = unescape(re.sub(r"<[^>]+>", "", re.sub(r'<sup class="op-claim-n">.*?</sup>', "", article)))
    assert text.strip() == SENTENCE
    assert "alert(1[1])" in unescape(re.sub(r"<[^>]+>", "", article))
