"""Hub at full scale: `openpace refresh --source hf_hub --offline DIR` and `openpace lineage --top 20`
on a generated listing of N models, checked against a straightforward json + pandas implementation
of the same counts.

    .venv/bin/python benchmarks/hub_scale.py --models 2000000                    # make bench
    .venv/bin/python benchmarks/hub_scale.py --models 2000000 --generator rich   # objects with the API's other fields

Two generators: `plain` (hub_listing.py: the fields openpace reads) and `rich` (hub_listing_rich.py:
the same lineage, objects carrying siblings, cardData, config, gguf, safetensors and long tag lists,
about 3.5x the bytes), since real records are larger than the ones openpace asks for.

openpace's side runs the commands as a user would (a fresh warehouse file, `--db`): the refresh's
wall seconds, CPU seconds (all its threads) and peak RSS, then `lineage --top 20 --json`'s (twice:
the first command on a warehouse without facts also loads the bundled snapshot); then,
in-process, the derivative counts of every base, the top-20 report and chain depths. The
baseline (its own child process, so its peak RSS is its own): `json.loads` per line into a
DataFrame, tags exploded and parsed with pandas, the same counts by groupby; it runs once per
(models, seed) and is kept in the cache, since both generators share the lineage. Every base's
counts, and every count of the command's top 20, must agree with it, or the run fails. Wall
seconds depend on whatever else the machine is doing (the load average is printed); CPU seconds less so.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
WINDOWS = (7, 30, 90)
RELATIONS = ("finetune", "adapter", "merge", "quantized", "unspecified")


def peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


def cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def timed(fn, *args, **kwargs):
    wall, start_cpu = time.perf_counter(), cpu()
    result = fn(*args, **kwargs)
    return result, round(time.perf_counter() - wall, 3), round(cpu() - start_cpu, 3)


# --------------------------------------------------------------------------- openpace
def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def command(args: list[str], env: dict[str, str]) -> tuple[str, float, float, float]:
    """Run `openpace ARGS` as a user would: (stdout, wall s, CPU s, peak RSS MiB of the largest child so far)."""
    exe = Path(sys.executable).parent / "openpace"
    wall, start_cpu = time.perf_counter(), children_cpu()
    done = subprocess.run([str(exe), *args], env=env, capture_output=True, text=True)
    if done.returncode:
        sys.exit(f"openpace {' '.join(args)} failed: {done.stderr.strip()}")
    rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return done.stdout, round(time.perf_counter() - wall, 3), round(children_cpu() - start_cpu, 3), rss


def run_openpace(root: Path, scratch: Path) -> dict:
    from openpace.metrics.lineage import LineageQuery, base_rows, chains, velocity
    from openpace.warehouse import connect

    db = scratch / "bench.duckdb"
    env = dict(os.environ, OPENPACE_HOME=str(scratch / "home"))
    out, ingest_s, ingest_cpu, ingest_rss = command(
        ["refresh", "--source", "hf_hub", "--offline", str(root), "--db", str(db), "--json"], env)
    [result] = json.loads(out)
    lineage = ["lineage", "--top", "20", "--json", "--db", str(db)]
    # the first command on a warehouse without facts loads the bundled snapshot into it (once, ~2 s)
    _, first_s, first_cpu, _ = command(lineage, env)
    top20, lineage_s, lineage_cpu, _ = command(lineage, env)
    con = connect(db, read_only=True)
    con.execute("SET enable_progress_bar = false")
    edges = con.execute("SELECT count(*) FROM hub_lineage").fetchone()[0]
    _, counts_s, counts_cpu = timed(base_rows, con, LineageQuery(top=20))
    _, report_s, _ = timed(velocity, con, LineageQuery(top=20))
    _, chains_s, _ = timed(chains, con)
    everything, all_s, _ = timed(base_rows, con, LineageQuery(top=10**9))
    names = dict(con.execute(
        "SELECT lower(base), min(base) FROM hub_lineage WHERE base_id IS NULL GROUP BY 1").fetchall())
    counts = {(r.k if r.listed else names[r.k]): [r.total, *(getattr(r, f"w{d}") for d in WINDOWS), r.w30x,
                                                  *(getattr(r, f"r_{x}") for x in RELATIONS)] for r in everything}
    con.close()
    return {"models": result["rows"], "edges": edges,
            "refresh_command_s": ingest_s, "refresh_command_cpu_s": ingest_cpu,
            "refresh_peak_rss_mib": round(ingest_rss),
            "lineage_top20_command_s": lineage_s, "lineage_top20_command_cpu_s": lineage_cpu,
            "lineage_top20_first_command_s": first_s, "lineage_top20_first_command_cpu_s": first_cpu,
            "counts_top20_s": counts_s, "counts_top20_cpu_s": counts_cpu, "report_top20_s": report_s,
            "chains_s": chains_s, "counts_all_bases_s": all_s, "counting_peak_rss_mib": round(peak_rss_mib()),
            "counts": counts, "lineage_top20": json.loads(top20)["bases"]}


# --------------------------------------------------------------------------- baseline
def run_baseline(root: Path) -> dict:
    import pandas as pd

    def load() -> pd.DataFrame:
        records = []
        for path in sorted(root.glob("huggingface/models-*.jsonl*")):
            opener = gzip.open if path.suffix == ".gz" else open
            with opener(path, "rt", encoding="utf-8") as fh:
                for line in fh:
                    o = json.loads(line)
                    records.append((o["id"], o.get("createdAt"), o.get("tags") or []))
        frame = pd.DataFrame(records, columns=["id", "created", "tags"])
        frame["created"] = pd.to_datetime(frame["created"], utc=True, format="ISO8601")
        return frame

    def count(models: pd.DataFrame) -> dict:
        tags = models[["id", "created", "tags"]].explode("tags").dropna(subset=["tags"])
        tags = tags[tags["tags"].str.startswith("base_model:")]
        rest = tags["tags"].str.slice(len("base_model:"))
        has_rel = rest.str.contains(":", regex=False)
        parts = rest.str.split(":", n=1, expand=True)
        tags = tags.assign(relation=parts[0].where(has_rel), base=parts[1].where(has_rel, rest))
        tags = tags[tags["base"] != ""]
        tags["key"] = tags["base"].str.lower()
        # one edge per (child, base): the alphabetically first relation, a bare tag only if nothing else
        edges = tags.sort_values("relation", na_position="last").drop_duplicates(["id", "key"])
        edges = edges.rename(columns={"created": "child_created"})
        edges["relation"] = edges["relation"].fillna("unspecified")
        # Hub ids are unique case-insensitively; keep the first spelling should two collide
        listed = (models.assign(key=models["id"].str.lower()).sort_values("id").drop_duplicates("key")
                  .set_index("key").rename(columns={"id": "listed_id", "created": "base_created"})
                  [["listed_id", "base_created"]])
        edges = edges.join(listed, on="key")
        unlisted = edges["listed_id"].isna()
        spelled = tags[tags["key"].isin(edges.loc[unlisted, "key"])].groupby("key")["base"].min()
        edges["name"] = edges["listed_id"].where(~unlisted, edges["key"].map(spelled))
        delta = edges["child_created"] - edges["base_created"]
        for d in WINDOWS:
            edges[f"w{d}"] = delta <= pd.Timedelta(days=d)
        edges["w30x"] = edges["w30"] & (edges["relation"] != "quantized")
        for rel in RELATIONS:
            edges[f"r_{rel}"] = edges["relation"] == rel
        flags = [f"w{d}" for d in WINDOWS] + ["w30x"] + [f"r_{r}" for r in RELATIONS]
        grouped = edges.groupby("name").agg(total=("id", "size"), dated=("base_created", "count"),
                                            **{f: (f, "sum") for f in flags})
        for f in [f"w{d}" for d in WINDOWS] + ["w30x"]:
            grouped[f] = grouped[f].astype("Int64").where(grouped["dated"] > 0)  # no base date, no windows
        columns = ["total", *(f"w{d}" for d in WINDOWS), "w30x", *(f"r_{r}" for r in RELATIONS)]
        values = grouped[columns].astype(object).where(grouped[columns].notna(), None).values.tolist()
        result = {name: [None if v is None else int(v) for v in row] for name, row in zip(grouped.index, values)}
        return result

    models, load_s, load_cpu = timed(load)
    counts, counts_s, counts_cpu = timed(count, models)
    return {"models": len(models), "load_s": load_s, "load_cpu_s": load_cpu, "counts_s": counts_s,
            "counts_cpu_s": counts_cpu, "peak_rss_mib": round(peak_rss_mib()), "counts": counts}


# --------------------------------------------------------------------------- the run
def duckdb_version() -> str:
    import duckdb

    return duckdb.__version__


def child(which: str, root: Path, out: Path) -> None:
    with tempfile.TemporaryDirectory(prefix="openpace-bench-") as scratch:
        result = run_openpace(root, Path(scratch)) if which == "openpace" else run_baseline(root)
    out.write_text(json.dumps(result))


def spawn(which: str, root: Path, scratch: Path) -> dict:
    out = scratch / f"{which}.json"
    subprocess.run([sys.executable, __file__, "--child", which, "--root", str(root), "--out", str(out)], check=True)
    return json.loads(out.read_text())


def top20_check(bases: list[dict], expected: dict) -> dict:
    """`openpace lineage --top 20 --json`'s counts, each checked against the baseline's."""
    mismatches = []
    for base in bases:
        d = base["derivatives"]
        got = [d["total"], *(d[f"within_{w}d"] for w in WINDOWS), d["within_30d_excl_quantized"],
               *(d["by_relation"][r] for r in RELATIONS)]
        if expected.get(base["model"]) != got:
            mismatches.append(base["model"])
    ranking = sorted(expected.items(), key=lambda kv: -kv[1][0])
    totals = [b["derivatives"]["total"] for b in bases]
    return {"bases": len(bases), "mismatches": mismatches,
            "totals_match_top20": totals == [v[0] for _, v in ranking[:20]]}


def baseline_for(models: int, seed: int, root: Path, cache: Path, scratch: Path) -> dict:
    """The baseline's result for a lineage (models, seed), run once and kept beside the listings: the
    rich generator has the plain one's lineage, so both check against the same counts."""
    kept = cache / f"baseline-{models}-{seed}.json"
    if kept.exists():
        return {**json.loads(kept.read_text()), "reused": str(kept)}
    result = spawn("baseline", root, scratch)
    kept.write_text(json.dumps(result))
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--models", type=int, default=2_000_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "openpace-bench")
    parser.add_argument("--generator", choices=("plain", "rich"), default="plain",
                        help="plain: the fields openpace reads; rich: plus siblings, cardData, gguf, safetensors...")
    parser.add_argument("--child", choices=("openpace", "baseline"))
    parser.add_argument("--root", type=Path)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.root, args.out)
        return

    from hub_listing import write_listing
    from hub_listing_rich import write_rich_listing

    write = write_listing if args.generator == "plain" else write_rich_listing
    root = args.cache / f"hub-{args.models}-{args.seed}" if args.generator == "plain" else \
        args.cache / f"hub-rich-{args.models}-{args.seed}"
    listing = root / "huggingface" / "models-2026-11-01.jsonl.gz"
    if not listing.exists():
        started = time.perf_counter()
        write(listing, args.models, seed=args.seed)
        print(f"generated {args.models:,} models in {time.perf_counter() - started:.1f} s: {listing}", file=sys.stderr)
    with tempfile.TemporaryDirectory(prefix="openpace-bench-") as scratch_dir:
        scratch = Path(scratch_dir)
        load_before = os.getloadavg()[0]
        ours = spawn("openpace", root, scratch)
        load_after = os.getloadavg()[0]
        base = baseline_for(args.models, args.seed, root, args.cache, scratch)
        agree = ours.pop("counts") == (expected := base.pop("counts"))
        top20 = top20_check(ours.pop("lineage_top20"), expected)
        report = {
            "models": args.models, "generator": args.generator, "listing_bytes": listing.stat().st_size,
            "cpus": os.cpu_count(), "load_average_before_after": [round(load_before, 2), round(load_after, 2)],
            "duckdb": duckdb_version(),
            "openpace": {**ours, "refresh_models_per_s": round(ours["models"] / ours["refresh_command_s"]),
                         "refresh_models_per_cpu_s": round(ours["models"] / ours["refresh_command_cpu_s"])},
            "baseline": {**base, "load_models_per_s": round(base["models"] / base["load_s"])},
            "counts_speedup": round(base["counts_s"] / ours["counts_top20_s"], 1),
            "counts_all_bases_speedup": round(base["counts_s"] / ours["counts_all_bases_s"], 1),
            "every_base_agrees": agree, "bases": len(expected), "lineage_top20_check": top20,
        }
    print(json.dumps(report, indent=1))
    if not agree or top20["mismatches"] or not top20["totals_match_top20"]:
        sys.exit("openpace and the baseline disagree")


if __name__ == "__main__":
    main()
