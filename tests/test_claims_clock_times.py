"""Times of day and time windows are no figures (docs/claims.md, "Figures that are no claims"): "hh:mm UTC",
"02:00–04:30 UTC", "between 9:30 and 17:00 PT", "3 pm", "UTC+8"; a ratio written with a colon ("4:1", "1:10") stays
what it was, and a claim beside a time is still read.

Every name and figure is invented: extraction runs on an in-memory vocabulary (`Lexicon.from_names`)."""

from __future__ import annotations

import pytest

from claims_helpers import walk
from openpace.claims.numbers import clock_spans, find_quantities
from openpace.claims.resolve import Lexicon

LEX = Lexicon.from_names(models=[("src_a", "Quillon-7", None)], benchmarks=["Zorbench"])


def claims(text: str) -> list[tuple[str, str]]:
    return [(c.kind, c.sentence[c.start:c.end]) for c in walk(text, LEX)]


@pytest.mark.parametrize("sentence, time", [
    ("Starting from 16:00 UTC on 3 March 2031, Quillon-7 costs less.", "16:00 UTC"),
    ("The maintenance window of Quillon-7 is 02:00–04:30 UTC every Sunday.", "02:00–04:30 UTC"),
    ("Between 9:30 and 17:00 PT the Quillon-7 API was slow.", "9:30 and 17:00 PT"),
    ("At 3:15 pm the Quillon-7 incident ended.", "3:15 pm"),
    ("Quillon-7 was down until 9:45.", "9:45"),
    ("Quillon-7 logs (UTC 06:00-08:15) show the outage.", "UTC 06:00-08:15"),
    ("Quillon-7 answers from 8 am to 6 pm.", "8 am to 6 pm"),
    ("Quillon-7 runs in a UTC+8 region.", "UTC+8"),
    ("The Quillon-7 run began at 23:59:30.", "23:59:30"),
])
def test_a_time_of_day_or_a_window_is_no_figure(sentence: str, time: str):
    assert time in [sentence[a:b] for a, b in clock_spans(sentence)]
    at = sentence.index(time)
    assert not [q for q in find_quantities(sentence, []) if at <= q.start < at + len(time)]
    assert not claims(sentence), claims(sentence)


@pytest.mark.parametrize("sentence", [
    "Quillon-7 keeps a 4:1 ratio of output to input price.",
    "Quillon-7 compresses text at a ratio of 1:10.",
])
def test_a_ratio_written_with_a_colon_is_no_time(sentence: str):
    assert not clock_spans(sentence)
    assert len(find_quantities(sentence, [])) == 2


@pytest.mark.parametrize("text, figure, kind", [
    ("Starting from 16:00 UTC, Quillon-7 has a context window of 64K tokens.", "64K", "context_window"),
    ("Between 9:30 and 17:00 PT Quillon-7 scored 71% on Zorbench.", "71%", "score"),
])
def test_a_claim_beside_a_time_is_still_read(text: str, figure: str, kind: str):
    found = claims(text)
    assert [k for k, span in found if figure in span] == [kind], found
    assert len(found) == 1, found
