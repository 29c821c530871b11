"""The shapes that were once quadratic, each at a size and at ten times it (issue 18, part 3).

Every figure is a whole `python -m checker` process, run `--runs` times; the
table gives the least and the median seconds at each size and the growth of
ten times the input (the goal: at most fifteen times the time). Inputs are
written by benchmarks/corpora.py into benchmarks/out/shapes/ (not in git) and
reused by later runs.

- one long paragraph: short sentences on one line, with "Dr." and "No. 5"
  (the abbreviation check once rescanned the paragraph at every full stop);
- one story of many short articles, each giving a toll and a pledge (judging
  once compared every pair of claims);
- a lexicon rule adding many triggers that share their first word (compiling
  it once sorted the shared bucket at every addition), with the knowledge
  cache off so that every run compiles.

    python benchmarks/shapes.py                 # about five minutes on two cores
    python benchmarks/shapes.py --only triggers --runs 5
    python benchmarks/shapes.py --stages        # reading, alignment, judging apart
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpora import ROOT, long_paragraph, many_triggers, tiny_articles  # noqa: E402

OUT = ROOT / "benchmarks" / "out" / "shapes"
CHECKER = [sys.executable, "-m", "checker"]
GROWTH_GOAL = 15.0


def seconds(command: list[str], runs: int, env: dict[str, str] | None = None) -> list[float]:
    out = []
    for _ in range(runs):
        start = time.perf_counter()
        done = subprocess.run(command, cwd=ROOT, capture_output=True, env={**os.environ, **(env or {})})
        out.append(time.perf_counter() - start)
        if done.returncode not in (0, 1):
            raise SystemExit(f"{' '.join(command)} failed: {done.stderr.decode()[-2000:]}")
    return out


def shape_commands(shape: str, size: int, tmp: str) -> tuple[list[str], dict[str, str] | None]:
    report = ["-o", f"{tmp}/r.md", "--json", f"{tmp}/r.json", "--fail-on", "never"]
    if shape == "paragraph":
        return [*CHECKER, "check", str(long_paragraph(OUT / f"paragraph_{size}.md", size)), *report], None
    if shape == "articles":
        return [*CHECKER, "check", str(tiny_articles(OUT / f"articles_{size}", size)), "--jobs", "2", *report], None
    article = OUT / "one" / "a.md"
    article.parent.mkdir(parents=True, exist_ok=True)
    article.write_text("---\nlang: en\n---\nCrews evacuated 300 people on Monday, officials said.\n", encoding="utf-8")
    rules = many_triggers(OUT / f"triggers_{size}.yaml", size)
    return [*CHECKER, "check", str(article), "--rules", str(rules), *report], {"FACTCHECK_CACHE": "off"}


SHAPES = {
    "paragraph": ("one paragraph of N sentences", (5_000, 50_000)),
    "articles": ("one story of N short articles, 2 jobs", (500, 5_000)),
    "triggers": ("a lexicon rule of N triggers sharing a first word", (5_000, 50_000)),
}


def stages(runs: int) -> None:
    """The stages of one process for the paragraph and articles shapes at N and 10 N (least
    of `runs`): where the time goes, and how each stage grows."""
    from checker.ingest import load_articles
    from checker.knowledge import load_knowledge
    from checker.pipeline import align_claims, capped_claims, judge_groups, read_each, with_languages, \
        with_story_names

    knowledge = load_knowledge()
    for shape in ("paragraph", "articles"):
        label, sizes = SHAPES[shape]
        seen: dict[int, dict[str, float]] = {}
        for size in sizes:
            path = long_paragraph(OUT / f"paragraph_{size}.md", size) if shape == "paragraph" \
                else tiny_articles(OUT / f"articles_{size}", size)
            articles, _ = load_articles([path])
            best: dict[str, float] = {}
            for _ in range(runs):
                times = {}
                start = time.perf_counter()
                readings = with_story_names(read_each(with_languages(articles, knowledge), knowledge))
                claims, _, _ = capped_claims(readings, 10_000)
                times["read"] = time.perf_counter() - start
                start = time.perf_counter()
                groups, _ = align_claims(claims, knowledge)
                times["align"] = time.perf_counter() - start
                start = time.perf_counter()
                judge_groups(groups, knowledge)
                times["judge"] = time.perf_counter() - start
                best = {k: min(v, best.get(k, v)) for k, v in times.items()}
            seen[size] = best
            print(f"  {label}, N = {size:,}: " + ", ".join(f"{k} {v:.2f} s" for k, v in best.items())
                  + f" ({len(claims):,} claims)", flush=True)
        small, large = sizes
        print("    growth at 10 N: " + ", ".join(f"{k} {seen[large][k] / seen[small][k]:.1f}x" for k in seen[small]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--only", nargs="*", choices=list(SHAPES))
    parser.add_argument("--stages", action="store_true", help="time the stages in this process instead")
    args = parser.parse_args()
    print(f"{os.cpu_count()} cores, load {os.getloadavg()[0]:.2f}; {args.runs} runs of each figure", flush=True)
    if args.stages:
        stages(args.runs)
        return
    rows = []
    for shape in args.only or list(SHAPES):
        label, sizes = SHAPES[shape]
        timed = {}
        with tempfile.TemporaryDirectory() as tmp:
            for size in sizes:
                command, env = shape_commands(shape, size, tmp)
                seconds(command, 1, env)  # inputs written, page cache warm
                timed[size] = seconds(command, args.runs, env)
                print(f"  {label}, N = {size:,}: min {min(timed[size]):.2f} s, median "
                      f"{statistics.median(timed[size]):.2f} s", flush=True)
        small, large = sizes
        growth = min(timed[large]) / min(timed[small])
        growth_median = statistics.median(timed[large]) / statistics.median(timed[small])
        rows.append((label, f"{small:,} / {large:,}",
                     f"{min(timed[small]):.2f} / {statistics.median(timed[small]):.2f}",
                     f"{min(timed[large]):.2f} / {statistics.median(timed[large]):.2f}",
                     f"{growth:.1f}x / {growth_median:.1f}x",
                     "yes" if max(growth, growth_median) <= GROWTH_GOAL else "NO"))
    header = ("shape", "N", "s at N (min / median)", "s at 10 N (min / median)", "growth (min / median)",
              f"<= {GROWTH_GOAL:g}x")
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    print()
    print("| " + " | ".join(h.ljust(w) for h, w in zip(header, widths)) + " |")
    print("|-" + "-|-".join("-" * w for w in widths) + "-|")
    for r in rows:
        print("| " + " | ".join(c.ljust(w) for c, w in zip(r, widths)) + " |")


if __name__ == "__main__":
    main()
