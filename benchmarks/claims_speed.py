"""Time `openpace check` on a ~1,500-word article (the sample article examples/article.md plus the
claim test set's texts, repeated), against a warehouse refreshed from the mirror (OPENPACE_MIRROR,
else ../shared/data, else the fixture mirror tests/fixtures/mirror; the first line says which).

    .venv/bin/python benchmarks/claims_speed.py [--db PATH] [--words 1500] [--write article.md]

Prints the article's size, the first check (builds the vocabulary), and the median of warm checks.
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from pathlib import Path

from mirror_path import mirror_path

from openpace.claims import check_text
from openpace.refresh import refresh
from openpace.warehouse import connect

REPO = Path(__file__).resolve().parent.parent


def article(words: int) -> str:
    parts = [(REPO / "examples" / "article.md").read_text()]
    cases = json.loads((REPO / "tests" / "data" / "claims_cases.json").read_text())["cases"]
    parts += [" ".join(c["text"] for c in cases[i:i + 4]) for i in range(0, len(cases), 4)]
    text, i = "", 0
    while len(text.split()) < words:
        text += parts[i % len(parts)] + "\n\n"
        i += 1
    return text


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", type=Path)
    ap.add_argument("--words", type=int, default=1500)
    ap.add_argument("--write", type=Path, help="also write the article here (to time the CLI on it)")
    args = ap.parse_args()
    db = args.db
    if db is None:
        db = Path(tempfile.mkdtemp()) / "bench.duckdb"
        con = connect(db)
        print(f"mirror: {mirror_path()}")
        refresh(con, None, mirror_path())
        con.close()
    con = connect(db, read_only=True)
    text = article(args.words)
    if args.write:
        args.write.write_text(text)
    t0 = time.perf_counter()
    result = check_text(con, text)
    first = time.perf_counter() - t0
    warm = []
    for _ in range(5):
        t0 = time.perf_counter()
        check_text(con, text)
        warm.append(time.perf_counter() - t0)
    print(f"article: {len(text.split())} words, {len(result['claims'])} claims {result['summary']}")
    print(f"first check (builds the vocabulary): {first:.3f} s")
    print(f"warm check, median of 5: {statistics.median(warm):.3f} s")


if __name__ == "__main__":
    main()
