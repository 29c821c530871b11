"""Every goal of issue 13 beside its figure, in one table (a benchmark, not a test).

Each figure is measured `--runs` times; the table gives the best run (the
least time, or the highest rate: what the machine can do) and the median
(what a user sees on a busy machine), so the gap between them is the
machine's noise. Whole-process figures run
`python -m checker` as a user would; growth cases time the stages in this
process. Corpora and the generated store are kept in benchmarks/out/ (not in
git) and reused by later runs.

    python benchmarks/scale.py                    # about ten minutes on two cores
    python benchmarks/scale.py --big              # adds 10,000 seed copies
    python benchmarks/scale.py --only startup archive
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpora import ROOT, generated_store, listed_folder, named_stories, seed_copies  # noqa: E402

OUT = ROOT / "benchmarks" / "out"
CHECKER = [sys.executable, "-m", "checker"]
ROWS: list[tuple[str, str, str, str, str]] = []


def row(figure: str, goal: str, values: list[float], fmt: str = "{:.3f}", note: str = "",
        higher: bool = False) -> None:
    """A figure's best run (the least time, the highest rate) and its median."""
    best = max(values) if higher else min(values)
    ROWS.append((figure, goal, fmt.format(best), fmt.format(statistics.median(values)), note))
    print(f"  {figure}: best {fmt.format(best)}, median {fmt.format(statistics.median(values))} {note}",
          flush=True)


def process(command: list[str], runs: int) -> tuple[list[float], list[int]]:
    """Seconds and peak resident KiB of each run of a whole process (the main process's peak)."""
    seconds, peaks = [], []
    for _ in range(runs):
        start = time.perf_counter()
        child = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        _, status, usage = os.wait4(child.pid, 0)
        seconds.append(time.perf_counter() - start)
        if os.waitstatus_to_exitcode(status) not in (0, 1):
            raise SystemExit(f"{' '.join(command)} failed: {child.stderr.read().decode()[-2000:]}")
        peaks.append(usage.ru_maxrss)
    return seconds, peaks


def startup(runs: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        process([*CHECKER, "check", "seeds", "-o", f"{tmp}/s.md"], 1)  # the knowledge cache, warm
        help_s, _ = process([*CHECKER, "--help"], runs)
        seeds_s, _ = process([*CHECKER, "check", "seeds", "-o", f"{tmp}/s.md", "--json", f"{tmp}/s.json",
                              "--fail-on", "never"], runs)
    row("factcheck --help, s", "(0.4 before)", help_s)
    row("five seeds, both reports, s", "<= 0.3", seeds_s)


def seed_corpora(runs: int, sizes: list[int]) -> None:
    per_article = {}
    for size in sizes:
        folder = seed_copies(OUT / f"seeds_{size}", size)
        with tempfile.TemporaryDirectory() as tmp:
            command = [*CHECKER, "check", str(folder), "-o", f"{tmp}/r.md", "--json", f"{tmp}/r.json",
                       "--fail-on", "never"]
            seconds, peaks = process([*command, "--jobs", "2"], runs)
            rate = [size / s for s in seconds]
            row(f"{size:,} seed copies, 2 jobs, articles/s", ">= 500", rate, "{:.0f}", higher=True)
            row(f"{size:,} seed copies, peak KB/article", "<= 50 (at 10,000)", [p / size for p in peaks], "{:.0f}",
                "main process")
            per_article[size] = min(seconds) / size
            if size == sizes[len(sizes) // 2] or size == sizes[0]:
                one, _ = process([*command, "--jobs", "1"], runs)
                row(f"{size:,} seed copies, speed-up of 2 jobs over 1", "~2 (2 cores)",
                    [a / b for a, b in zip(sorted(one), sorted(seconds))], "{:.2f}x", higher=True)
    small, large = min(sizes), max(sizes)
    row(f"seed copies, s/article at {large:,} / at {small:,}", "1.0 (flat)",
        [per_article[large] / per_article[small]], "{:.2f}")


def timed(function, runs: int) -> list[float]:
    out = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        out.append(time.perf_counter() - start)
    return out


def growth(runs: int, big: bool) -> None:
    from checker.corpus import check_corpus
    from checker.ingest import load_articles
    from checker.knowledge import load_knowledge

    knowledge = load_knowledge()
    ms = {}
    for size in (100, 200, 400):
        folder = listed_folder(OUT / f"listed_{size}", size)
        ms[size] = [1000 * t / size for t in timed(lambda: load_articles([folder]), runs)]
    row("sources.yaml listing all: ms/article at 100/200/400", "flat (105/204/526 before)",
        [ms[100][0]], "{:.2f}",
        f"/ {min(ms[200]):.2f} / {min(ms[400]):.2f} (min); medians {statistics.median(ms[100]):.2f} / "
        f"{statistics.median(ms[200]):.2f} / {statistics.median(ms[400]):.2f}")

    sizes = (500, 2000, 8000) if big else (500, 2000)
    per = {}
    for size in sizes:
        folders = named_stories(OUT / "named", size // 10)
        articles, _ = load_articles(folders)
        per[size] = [1000 * t / size for t in
                     timed(lambda: check_corpus(articles, knowledge, jobs=1, stories="folder"), runs)]
    detail = " / ".join(f"{min(per[s]):.2f}" for s in sizes)
    row(f"names of their own per story: ms/article at {' / '.join(f'{s:,}' for s in sizes)} (1 job)",
        "flat (0.25 -> 6.8 before)", [min(per[sizes[-1]]) / min(per[sizes[0]])], "{:.2f}x", f"({detail} ms)")

    folders = named_stories(OUT / "named", 120)
    articles, _ = load_articles(folders)
    for mode in ("one", "folder"):
        stories = check_corpus(articles, knowledge, jobs=2, stories=mode)
        largest = max((len(f.claims) for s in stories for f in s.report.findings if f.kind == "conflict"),
                      default=0)
        row(f"120 stories, --stories {mode}: largest conflict, claims", "a story's own (466 before)",
            [largest], "{:.0f}", f"{len(stories)} stories")


def archive(runs: int, claims_wanted: int) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    folder = seed_copies(OUT / "seeds_2000", 2000)
    for jobs in ("1", "2"):
        seconds = []
        for _ in range(runs):
            store = OUT / "index-bench.db"
            for extra in ("", "-wal", "-shm", ".lock"):
                Path(f"{store}{extra}").unlink(missing_ok=True)
            seconds += process([*CHECKER, "index", str(folder), "--store", str(store), "--jobs", jobs], 1)[0]
        row(f"index 2,000 seed copies, {jobs} job(s), articles/s", "-", [2000 / s for s in seconds], "{:.0f}",
            higher=True)

    # The draft: an article of a real story, dated; its other articles archived with the rest.
    story = ROOT / "benchmarks" / "realnews" / "la-wildfires-2025-en"
    drafts = OUT / "draft"
    drafts.mkdir(exist_ok=True)
    draft = drafts / "draft.md"
    body = (story / "thejagotimes.txt").read_text(encoding="utf-8").split("---", 2)[-1]
    draft.write_text("---\nsource: Our desk\npublished: 2025-01-14\nlang: en\n---\n" + body, encoding="utf-8")
    template = OUT / "template.db"
    store = OUT / f"generated-{claims_wanted}.db"
    if not store.exists():
        for extra in ("", "-wal", "-shm", ".lock"):
            Path(f"{template}{extra}").unlink(missing_ok=True)
        sources = [p for p in sorted((ROOT / "benchmarks" / "realnews").iterdir()) if p.is_dir()]
        tests = [p for p in sorted((ROOT / "tests" / "articles").iterdir()) if p.is_dir() and p.name != "bad"]
        subprocess.run([*CHECKER, "index", *map(str, sources), *map(str, tests), "seeds", "--store",
                        str(template)], cwd=ROOT, check=False, capture_output=True)
        start = time.perf_counter()
        articles, claims = generated_store(store, template, claims_wanted)
        print(f"  generated {store.name}: {articles:,} articles, {claims:,} claims in "
              f"{time.perf_counter() - start:.0f} s, {store.stat().st_size / 2**20:.0f} MiB", flush=True)
    import sqlite3
    with sqlite3.connect(store) as connection:
        total = sum(len(__import__("json").loads(__import__("zlib").decompress(d))["claims"])
                    for (d,) in connection.execute("SELECT digest FROM articles"))
    with tempfile.TemporaryDirectory() as tmp:
        command = [*CHECKER, "check", "--draft", str(draft), "--against", str(store), "-o", f"{tmp}/d.md",
                   "--json", f"{tmp}/d.json", "--fail-on", "never"]
        process(command, 1)  # the page cache, warm
        seconds, _ = process(command, runs)
        found = sum(1 for line in open(f"{tmp}/d.json", encoding="utf-8") if '"path":' in line) - 1
    row(f"draft against a store of {total:,} claims, s", "<= 1", seconds, "{:.3f}",
        f"{found} archived articles found")


def dask(runs: int) -> None:
    try:
        import dask.distributed  # noqa: F401
    except ImportError:
        ROWS.append(("Dask: 1 vs 2 local workers", "speed-up", "-", "-", "no [dask] extra installed"))
        return
    folder = seed_copies(OUT / "seeds_1000", 1000)
    times = {}
    for workers in ("1", "2"):
        times[workers] = []
        for _ in range(runs):
            store = OUT / "dask-bench.db"
            for extra in ("", "-wal", "-shm", ".lock"):
                Path(f"{store}{extra}").unlink(missing_ok=True)
            shutil.rmtree(f"{store}.parts", ignore_errors=True)
            times[workers] += process([*CHECKER, "index", str(folder), "--store", str(store),
                                       "--local-cluster", workers], 1)[0]
        row(f"Dask index of 1,000 seed copies, {workers} local worker(s), s", "-", times[workers])
    row("Dask: speed-up of 2 local workers over 1", "~2 (2 cores)",
        [a / b for a, b in zip(sorted(times["1"]), sorted(times["2"]))], "{:.2f}x", higher=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--big", action="store_true", help="also 10,000 seed copies and 8,000 named articles")
    parser.add_argument("--claims", type=int, default=1_000_000, help="claims in the generated store")
    parser.add_argument("--only", nargs="*", choices=["startup", "seeds", "growth", "archive", "dask"])
    args = parser.parse_args()
    parts = args.only or ["startup", "seeds", "growth", "archive", "dask"]
    print(f"{os.cpu_count()} cores; {args.runs} runs of each figure", flush=True)
    if "startup" in parts:
        startup(max(args.runs, 7))
    if "seeds" in parts:
        seed_corpora(args.runs, [500, 2000, 10000] if args.big else [500, 2000])
    if "growth" in parts:
        growth(args.runs, args.big)
    if "archive" in parts:
        archive(args.runs, args.claims)
    if "dask" in parts:
        dask(args.runs)
    widths = [max(len(r[i]) for r in ROWS + [("figure", "goal", "min", "median", "")]) for i in range(5)]
    print()
    print(" | ".join(h.ljust(w) for h, w in zip(("figure", "goal", "best", "median", "note"), widths)))
    print("-|-".join("-" * w for w in widths))
    for r in ROWS:
        print(" | ".join(c.ljust(w) for c, w in zip(r, widths)))


if __name__ == "__main__":
    main()
