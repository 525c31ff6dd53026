"""A sentence naming a test of its own that no source has ("On <Org>'s MultiTask, X scored N%") never borrows the
previous sentence's benchmark (`extract.UNKNOWN_TEST_RE`, `bench_or_carried`); one that names none still does. The
names are invented (`Lexicon.from_names`); no figure here is a fact."""

from __future__ import annotations

import pytest

from claims_helpers import walk
from openpace.claims.resolve import Lexicon

LEX = Lexicon.from_names(models=[("src_a", "Kestrel 3", "kestrel-3")], benchmarks=["BenchQA"])
FIRST = "Kestrel 3 scores 54.6% on BenchQA."


def benches(second: str) -> list[list[str]]:
    return [[e.key for e in c.entities if e.type == "benchmark"] for c in walk(f"{FIRST}\n\n{second}\n", LEX)
            if "38.3" in c.span]


@pytest.mark.parametrize("second", ["On Acme's MultiTask, Kestrel 3 scored 38.3%.",
                                    "Kestrel 3 scored 38.3% on NEWEVAL."])
def test_a_sentence_naming_its_own_unknown_test_borrows_no_benchmark(second: str):
    assert all("benchqa" not in keys for keys in benches(second))


def test_a_sentence_naming_no_test_still_borrows_it():
    assert benches("A week later Kestrel 3 scored 38.3%.") == [["benchqa"]]
