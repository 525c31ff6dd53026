"""Start-up time of `openpace --help` and `openpace --version` (the target is under 0.3 s).

    .venv/bin/python benchmarks/cli_startup.py [--runs 20]

Runs the installed `openpace` script next to this interpreter N times per command and prints the
median and best wall time with the median CPU time (user + system, from the child's rusage): on a
machine shared with other jobs the wall time waits for a core, the CPU time does not.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

SCRIPT = Path(sys.executable).parent / "openpace"


def one_run(args: list[str]) -> tuple[float, float]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run([str(SCRIPT), *args], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=20)
    args = ap.parse_args()
    print(f"{SCRIPT}; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    for command in (["--help"], ["--version"]):
        one_run(command)  # warm the file cache
        runs = [one_run(command) for _ in range(args.runs)]
        walls, cpus = [w for w, _ in runs], [c for _, c in runs]
        print(f"openpace {command[0]:10} wall median {statistics.median(walls):.3f} s, best {min(walls):.3f} s; "
              f"CPU median {statistics.median(cpus):.3f} s ({args.runs} runs)")


if __name__ == "__main__":
    main()
