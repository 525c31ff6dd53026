"""Run `openpace check` on the real-article evaluation corpus and print the scorer's table.

    .venv/bin/python benchmarks/claims_eval.py [--eval ../shared/eval] [--out DIR] [--published] [-v ARTICLE]

The corpus (`../shared/eval`: third-party excerpts, each annotated claim by claim from the mirror)
is never copied into the repository; this script only reads it. Each article is checked in a fresh
OPENPACE_HOME (the bundled snapshot loads on first use), exactly as a user would run
`openpace check ARTICLE.md --json`; the outputs go to --out (a temporary folder by default) and
`score.py --all` prints the per-article lines and the Markdown table. `-v NN` also prints the
claim-by-claim listing of the articles whose name starts with NN. The warm time of each check is
printed too (one warehouse, after a first check that builds the vocabulary).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
EVAL = REPO.parent / "shared" / "eval"


def published(md: Path) -> str | None:
    """The publication date the corpus records for an article (its annotation file's "published",
    YYYY-MM or YYYY-MM-DD; a month means its last day), as `check --as-of` takes it."""
    import calendar
    import json

    when = json.loads(md.with_suffix(".json").read_text()).get("published") or ""
    parts = [int(x) for x in when.split("-") if x.isdigit()]
    if len(parts) == 2:
        parts.append(calendar.monthrange(parts[0], parts[1])[1])
    return "%04d-%02d-%02d" % tuple(parts) if len(parts) == 3 else None


def _check_all(articles: list[Path], out: Path, home: Path | None = None,
               dated: bool = False) -> dict[str, float]:
    """Check every article against one warehouse (fresh unless `home` is given); return each
    article's warm seconds. `dated`: pass each article's publication date as `--as-of`."""
    from openpace.claims import check_text
    from openpace.warehouse import connect

    timings: dict[str, float] = {}
    home = home or Path(tempfile.mkdtemp(prefix="openpace-eval-"))
    env = {**os.environ, "OPENPACE_HOME": str(home)}
    exe = Path(sys.executable).with_name("openpace")
    for md in articles:
        day = published(md) if dated else None
        proc = subprocess.run([str(exe), "check", str(md), "--json"] + (["--as-of", day] if day else []), env=env,
                              capture_output=True, text=True)
        if proc.returncode != 0:
            print(f"{md.name}: check exited {proc.returncode}: {proc.stderr.strip()[:300]}",
                  file=sys.stderr)
        (out / f"{md.stem}.json").write_text(proc.stdout if proc.returncode == 0 else "{}")
    db = next(home.rglob("*.duckdb"), None)
    if db is not None:
        con = connect(db, read_only=True)
        for md in articles:
            text = md.read_text()
            check_text(con, text)
            t0 = time.perf_counter()
            check_text(con, text)
            timings[md.stem] = time.perf_counter() - t0
        con.close()
    return timings


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--eval", type=Path, default=EVAL, help="the eval folder (articles/, score.py)")
    ap.add_argument("--out", type=Path, help="keep the check outputs here")
    ap.add_argument("--home", type=Path, help="reuse this OPENPACE_HOME instead of a fresh one (faster reruns)")
    ap.add_argument("--published", action="store_true",
                    help="check each article as of its publication date (the annotation's 'published', as --as-of)")
    ap.add_argument("-v", dest="verbose", action="append", default=[],
                    help="print claim by claim for the articles starting with this prefix")
    args = ap.parse_args()
    articles = sorted((args.eval / "articles").glob("*.md"))
    if not articles:
        sys.exit(f"no articles in {args.eval / 'articles'}")
    out = args.out or Path(tempfile.mkdtemp(prefix="openpace-eval-out-"))
    out.mkdir(parents=True, exist_ok=True)
    timings = _check_all(articles, out, args.home, args.published)
    score = args.eval / "score.py"
    subprocess.run([sys.executable, str(score), "--all", str(args.eval / "articles"), str(out)],
                   check=True)
    for prefix in args.verbose:
        for md in articles:
            if md.stem.startswith(prefix):
                subprocess.run([sys.executable, str(score), str(md.with_suffix(".json")),
                                str(out / f"{md.stem}.json"), "-v"], check=True)
    words = {md.stem: len(md.read_text().split()) for md in articles}
    print("\nwarm check time per article:")
    for stem, secs in timings.items():
        print(f"  {stem:32} {words[stem]:5d} words  {secs * 1000:7.1f} ms")
    print(f"outputs: {out}")


if __name__ == "__main__":
    main()
