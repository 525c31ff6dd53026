"""How many canonical models have each claim fact (any source), and how long one
`attribute_evidence` call takes.

    python benchmarks/facts_coverage.py [WAREHOUSE]    # default: the bundled snapshot, in a temp file
    python benchmarks/facts_coverage.py --mirror       # refresh the whole mirror into a temp file
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from openpace.metrics.facts import attribute_coverage, attribute_evidence, attributes
from openpace.bundle import open_warehouse
from openpace.warehouse import connect

MIRROR = Path(__file__).resolve().parent.parent.parent / "shared" / "data"


def main() -> None:
    scratch = Path(tempfile.mkdtemp()) / "facts.duckdb"
    if len(sys.argv) > 1 and sys.argv[1] == "--mirror":
        from openpace.refresh import refresh

        con = connect(scratch)
        refresh(con, None, MIRROR)
    elif len(sys.argv) > 1:
        con = connect(Path(sys.argv[1]))
    else:
        con = open_warehouse(scratch)
    total = con.execute("SELECT count(*) FROM models").fetchone()[0]
    print(f"canonical models: {total:,}")
    for attribute, n in attribute_coverage(con).items():
        print(f"{attribute:18} {n:6,}  ({100 * n / total:.1f} %)")
    model = con.execute("SELECT model_id FROM model_aliases WHERE alias = 'Llama 3.1-405B' LIMIT 1").fetchone()
    if model:
        start = time.perf_counter()
        for attribute in attributes():
            attribute_evidence(con, model[0], attribute)
        took = (time.perf_counter() - start) / len(attributes())
        print(f"attribute_evidence: {1000 * took:.1f} ms per call (mean over every attribute, {model[0]})")


if __name__ == "__main__":
    main()
