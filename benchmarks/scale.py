"""Every row of issue 20's table beside its goal (a benchmark, not a test).

Whole-process figures: each command is started as a user would start it
(`python -m checker ...`), `--runs` times (at least 3); a row gives the figure
from the least time of those runs and from the median time (a rate row: the
articles over that time), so the gap between them is the machine's noise. The
load average is printed before and after: a figure taken at load 3 on two
cores is not one taken at load 0. Peak memory is the child's own
`ru_maxrss` (resource usage of the waited-for process: the largest of it and
the pool workers it waited for), divided by the articles of the run.

    python benchmarks/scale.py                       # issue 20's rows, a few minutes on two cores
    python benchmarks/scale.py --copies 2000 --runs 5  # the table's own size
    python benchmarks/scale.py --only startup regex
    python benchmarks/scale.py --only growth archive dask   # issue 13's figures (about ten minutes)

Corpora are kept in benchmarks/out/ (not in git) and reused by later runs.
Python's bytecode cache matters to start-up: with PYTHONDONTWRITEBYTECODE set,
every run compiles the checker's sources again (the script says so).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpora import (ROOT, generated_store, listed_folder, named_stories, seed_copies,  # noqa: E402
                     story_copies)

OUT = ROOT / "benchmarks" / "out"
REALNEWS = ROOT / "benchmarks" / "realnews"
CHECKER = [sys.executable, "-m", "checker"]
ARTICLE_SUFFIXES = (".txt", ".md", ".json", ".html", ".htm")
ROWS: list[tuple[str, str, str, str, str]] = []
# One plain `re` pass: every word and every other non-space character, with its span.
TOKEN_RE = re.compile(r"\w+|[^\w\s]")


def row(figure: str, goal: str, values: list[float], fmt: str = "{:.3f}", note: str = "",
        higher: bool = False) -> None:
    """A figure's best run (the least time, the highest rate) and its median."""
    best = max(values) if higher else min(values)
    ROWS.append((figure, goal, fmt.format(best), fmt.format(statistics.median(values)), note))
    print(f"  {figure}: best {fmt.format(best)}, median {fmt.format(statistics.median(values))} {note}",
          flush=True)


def process(command: list[str], runs: int, allowed: tuple[int, ...] = (0, 1)) -> tuple[list[float], list[int]]:
    """Seconds and peak resident KiB of each run of a whole process (the largest of the
    process and the children it waited for)."""
    seconds, peaks = [], []
    for _ in range(runs):
        start = time.perf_counter()
        child = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        _, status, usage = os.wait4(child.pid, 0)
        seconds.append(time.perf_counter() - start)
        if os.waitstatus_to_exitcode(status) not in allowed:
            raise SystemExit(f"{' '.join(command)} failed: {child.stderr.read().decode()[-2000:]}")
        child.stderr.close()
        peaks.append(usage.ru_maxrss)
    return seconds, peaks


def articles_in(folders: list[Path]) -> int:
    return sum(1 for folder in folders for p in folder.iterdir() if p.suffix in ARTICLE_SUFFIXES)


def regex_pass(paths: list[str]) -> None:
    """The yardstick, run as its own process: read every article file of the folders and
    take every token's span with one `re` pass."""
    spans = 0
    for folder in map(Path, paths):
        for path in sorted(folder.iterdir()):
            if path.suffix in ARTICLE_SUFFIXES:
                text = path.read_text(encoding="utf-8")
                spans += len([m.span() for m in TOKEN_RE.finditer(text)])
    print(spans)


def load() -> str:
    one, five, _ = os.getloadavg()
    return f"{one:.2f} (1 min), {five:.2f} (5 min)"


def startup(runs: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        both = [*CHECKER, "check", "seeds", "-o", f"{tmp}/s.md", "--json", f"{tmp}/s.json", "--fail-on", "never"]
        process(both, 1)  # the knowledge cache, warm
        seeds_s, _ = process(both, runs)
        help_s, _ = process([*CHECKER, "--help"], runs)
        validate_s, _ = process([*CHECKER, "rules", "validate"], runs)
    row("five seeds, both reports, from process start, s", "<= 0.3", seeds_s)
    row("factcheck --help, s", "-", help_s)
    row("factcheck rules validate, s", "-", validate_s)


def stories(runs: int, copies: int, per_story: int) -> None:
    """Seed copies in story folders, one job and two, and the `re` pass over the same files
    run in turn with the two-job run (pairs: the ratio holds when the machine's speed drifts)."""
    folders = story_copies(OUT / f"stories_{copies}_{per_story}", copies, per_story)
    with tempfile.TemporaryDirectory() as tmp:
        command = [*CHECKER, "check", *map(str, folders), "-o", f"{tmp}/r.md", "--json", f"{tmp}/r.json",
                   "--fail-on", "never"]
        yardstick = [sys.executable, str(Path(__file__).resolve()), "--regex-pass", *map(str, folders)]
        one, _ = process([*command, "--jobs", "1"], runs)
        two, peaks, plain = [], [], []
        for _ in range(runs):
            seconds, peak = process([*command, "--jobs", "2"], 1)
            two += seconds
            peaks += peak
            plain += process(yardstick, 1)[0]
    where = f"{copies:,} seed copies in {len(folders):,} story folders"
    row(f"{where}, 1 job, articles/s", "-", [copies / s for s in one], "{:.0f}", higher=True)
    row(f"{where}, 2 jobs, articles/s", ">= 250", [copies / s for s in two], "{:.0f}", higher=True)
    row("  2 jobs over 1 job", "~2 (2 cores)", [a / b for a, b in zip(sorted(one), sorted(two))], "{:.2f}x",
        higher=True)
    row("  the same files, one plain `re` pass, s", "-", plain)
    row("  2 jobs against the `re` pass (paired runs)", "<= 20x", [a / b for a, b in zip(two, plain)], "{:.1f}x")
    row(f"peak memory per article, {len(folders):,} stories, KB", "<= 100", [p * 1.024 / copies for p in peaks],
        "{:.0f}", "2 jobs")


def one_story(runs: int, copies: int) -> None:
    folder = seed_copies(OUT / f"seeds_{copies}", copies)
    with tempfile.TemporaryDirectory() as tmp:
        command = [*CHECKER, "check", str(folder), "-o", f"{tmp}/r.md", "--json", f"{tmp}/r.json",
                   "--fail-on", "never", "--jobs", "2"]
        seconds, peaks = process(command, runs)
    row(f"peak memory per article, one story of {copies:,}, KB", "<= 100", [p * 1.024 / copies for p in peaks],
        "{:.0f}", f"2 jobs; {statistics.median(copies / s for s in seconds):.0f} articles/s (median)")


def realnews(runs: int) -> None:
    folders = sorted(p for p in REALNEWS.iterdir() if p.is_dir())
    count = articles_in(folders)
    with tempfile.TemporaryDirectory() as tmp:
        command = [*CHECKER, "check", *map(str, folders), "-o", f"{tmp}/r.md", "--json", f"{tmp}/r.json",
                   "--fail-on", "never", "--jobs", "2", "-q"]
        # Exit status 2: each folder's gold.yaml is listed as "not an article file".
        seconds, _ = process(command, runs, allowed=(0, 1, 2))
    row(f"real news, {count} articles in {len(folders)} story folders, 2 jobs, articles/s", ">= 250",
        [count / s for s in seconds], "{:.0f}", higher=True)


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
    if sys.argv[1:2] == ["--regex-pass"]:
        regex_pass(sys.argv[2:])
        return
    parts_20 = ["startup", "stories", "story", "realnews"]
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="runs of each figure (at least 3)")
    parser.add_argument("--copies", type=int, default=500,
                        help="seed copies in story folders, and in the one story (default 500; the table: 2,000)")
    parser.add_argument("--per-story", type=int, default=5, help="seed copies in each story folder (default 5)")
    parser.add_argument("--big", action="store_true", help="growth: also 8,000 named articles")
    parser.add_argument("--claims", type=int, default=1_000_000, help="archive: claims in the generated store")
    parser.add_argument("--only", nargs="*", choices=[*parts_20, "growth", "archive", "dask"],
                        help="these parts only (default: issue 20's: " + ", ".join(parts_20) + ")")
    args = parser.parse_args()
    runs = max(3, args.runs)
    parts = args.only or parts_20
    bytecode = " (PYTHONDONTWRITEBYTECODE is set: every run compiles the sources)" \
        if os.environ.get("PYTHONDONTWRITEBYTECODE") else ""
    print(f"{os.cpu_count()} cores; {runs} runs of each figure; load average {load()}{bytecode}", flush=True)
    if "startup" in parts:
        startup(max(runs, 7))
    if "stories" in parts:
        stories(runs, args.copies, args.per_story)
    if "story" in parts:
        one_story(runs, args.copies)
    if "realnews" in parts:
        realnews(runs)
    if "growth" in parts:
        growth(runs, args.big)
    if "archive" in parts:
        archive(runs, args.claims)
    if "dask" in parts:
        dask(runs)
    print(f"load average at the end: {load()}")
    widths = [max(len(r[i]) for r in ROWS + [("figure", "goal", "from min time", "from median time", "")])
              for i in range(5)]
    print()
    print(" | ".join(h.ljust(w) for h, w in zip(("figure", "goal", "from min time", "from median time", "note"),
                                                 widths)))
    print("-|-".join("-" * w for w in widths))
    for r in ROWS:
        print(" | ".join(c.ljust(w) for c, w in zip(r, widths)))


if __name__ == "__main__":
    main()
