"""How long `rebuild_identity` takes on a warehouse refreshed from the whole mirror, and how many
score and price rows join a canonical model known to more than their own source.

    python benchmarks/identity_rebuild.py [WAREHOUSE]    # default: refresh the mirror into a temp file

The mirror is OPENPACE_MIRROR, else ../shared/data, else the fixture mirror tests/fixtures/mirror.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from mirror_path import mirror_path

from openpace.identity import rebuild_identity
from openpace.identity.report import join_rates
from openpace.warehouse import connect



def main() -> None:
    if len(sys.argv) > 1:
        con = connect(Path(sys.argv[1]))
    else:
        from openpace.refresh import refresh

        con = connect(Path(tempfile.mkdtemp()) / "bench.duckdb")
        print(f"mirror: {mirror_path()}")
        refresh(con, None, mirror_path())
    from openpace.domain.model_names import parse_name

    timings = []
    for _ in range(5):
        parse_name.cache_clear()  # every run cold, as after a fresh `openpace refresh --source X`
        start = time.perf_counter()
        con.execute("BEGIN TRANSACTION")
        rebuild_identity(con)
        con.execute("COMMIT")
        timings.append(time.perf_counter() - start)
    names = sum(con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("model_aliases",))
    print(f"rebuild_identity: best {min(timings):.3f} s, median {sorted(timings)[2]:.3f} s over 5 runs; "
          f"{names:,} aliases, {con.execute('SELECT count(*) FROM models').fetchone()[0]:,} models")
    for row in join_rates(con):
        print(f"{row['table']:7} {row['source']:17} rows {row['rows']:>7,}  joined {row['joined']:>7,} "
              f"({row['joined_pct']:5.1f}%)  cross-source {row['cross_source']:>7,} ({row['cross_source_pct']:5.1f}%)  "
              f"{'with a score' if row['table'] == 'prices' else 'with a price'} {row['counterpart']:>7,} "
              f"({row['counterpart_pct']:5.1f}%)")


if __name__ == "__main__":
    main()
