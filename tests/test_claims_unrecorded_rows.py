"""A table row or column of a measure no source records — a serving rate ("Output tokens per second", "Throughput
(tok/s)", "Latency", "TTFT"), power, emissions — gives no claim: a rate of tokens is never a context window or an
output limit (`patterns.UNRECORDED_COLUMN`, `extract._architecture_row`). The names are invented
(`Lexicon.from_names`); no figure here is a fact."""

from __future__ import annotations

import pytest

from claims_helpers import walk
from openpace.claims.resolve import Lexicon

LEX = Lexicon.from_names(models=[("src_a", "Kestrel 3", "kestrel-3"), ("src_a", "Owl 2", "owl-2")], benchmarks=[])
HEAD = "| Metric | Kestrel 3 | Owl 2 |\n|---|---|---|\n"


@pytest.mark.parametrize("label", ["Output tokens per second", "Throughput (tok/s)", "Latency (s)",
                                   "TTFT (ms)", "Output speed"])
def test_a_rate_row_gives_no_claim(label: str):
    assert list(walk(f"{HEAD}| {label} | 28.4 | 80 |\n", LEX)) == []


def test_a_rate_column_gives_no_claim():
    text = "| Model | Output tokens per second |\n|---|---|\n| Kestrel 3 | 28.4 |\n"
    assert list(walk(text, LEX)) == []


def test_an_output_limit_row_is_still_read():
    kinds = [c.kind for c in walk(f"{HEAD}| Max output tokens | 8K | 16K |\n", LEX)]
    assert kinds == ["output_limit", "output_limit"]
