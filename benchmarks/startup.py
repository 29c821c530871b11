"""Whole-process timings: `factcheck --help`, and the seeds checked with both reports written.

Each command runs as its own process, several times; the minimum is what the
machine can do, the median what a user sees on a busy machine.

    python benchmarks/startup.py --runs 9
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def timed(command: list[str], runs: int) -> tuple[float, float]:
    seconds = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, cwd=ROOT, check=True, capture_output=True)
        seconds.append(time.perf_counter() - start)
    return min(seconds), statistics.median(seconds)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    checker = [sys.executable, "-m", "checker"]
    with tempfile.TemporaryDirectory() as tmp:
        rows = [
            ("factcheck --help", timed([*checker, "--help"], args.runs)),
            ("seeds, both reports", timed([*checker, "check", "seeds", "-o", f"{tmp}/seeds.md",
                                           "--json", f"{tmp}/seeds.json", "--fail-on", "never"], args.runs)),
        ]
    print(f"{'command':24} {'min s':>7} {'median s':>9}   ({args.runs} runs each)")
    for name, (low, middle) in rows:
        print(f"{name:24} {low:7.3f} {middle:9.3f}")


if __name__ == "__main__":
    main()
