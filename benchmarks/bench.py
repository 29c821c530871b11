"""Throughput benchmark for the fact-consistency pipeline (a benchmark, not a test).

Builds synthetic corpora by recombining paragraphs of the hand-written test
articles and the seed articles, then times check + render_markdown +
render_json for each corpus size in a single process.

    python benchmarks/bench.py --sizes 100 1000 --repeat 3
    python benchmarks/bench.py --tracemalloc    # also measure Python heap peak of check()
    python benchmarks/bench.py --sizes 300 --profile   # cProfile the timed runs
    python benchmarks/bench.py --sizes 1000 --stages   # time per article of each stage
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import random
import resource
import sys
import time
import tracemalloc
from dataclasses import dataclass
from pathlib import Path

from checker.ingest import load_articles
from checker.knowledge import Knowledge, load_knowledge
from checker.models import Article
from checker.pipeline import (
    align_claims,
    check,
    judge_groups,
    read_each,
    story_claims,
    with_story_names,
)
from checker.report.json_report import render_json
from checker.report.markdown import render_markdown

ROOT = Path(__file__).resolve().parent.parent
ARTICLES_DIR = ROOT / "tests" / "articles"
SEEDS_DIR = ROOT / "seeds"
MIB = 1024 * 1024


@dataclass
class Result:
    size: int
    seconds: float
    chars: int
    maxrss_mib: float
    traced_peak_mib: float | None = None

    @property
    def per_second(self) -> float:
        return self.size / self.seconds


def source_articles() -> list[Article]:
    """Every test article folder except bad/, plus the seeds."""
    folders = sorted(p for p in ARTICLES_DIR.iterdir() if p.is_dir() and p.name != "bad")
    articles, problems = load_articles([*folders, SEEDS_DIR])
    if problems:
        raise SystemExit("could not load source articles:\n" + "\n".join(p.message for p in problems))
    return articles


def paragraphs(text: str) -> list[str]:
    return [p.strip() for p in text.split("\n\n") if p.strip()]


def synthesize(sources: list[Article], size: int) -> list[Article]:
    """`size` articles, each a same-language shuffle of source paragraphs.

    The template article is drawn uniformly from the sources, so the Arabic/English
    mix follows the sources; its paragraph count sets the synthetic article's length.
    """
    rng = random.Random(size)
    pools: dict[str, list[str]] = {}
    for article in sources:
        pools.setdefault(article.lang, []).extend(paragraphs(article.text))
    corpus: list[Article] = []
    for i in range(1, size + 1):
        template = rng.choice(sources)
        count = len(paragraphs(template.text))
        text = "\n\n".join(rng.choices(pools[template.lang], k=count)) + "\n"
        article_id = f"syn_{i:05d}"
        corpus.append(template.model_copy(update={
            "id": article_id, "path": f"synthetic/{article_id}.txt", "text": text}))
    return corpus


def run_pipeline(articles: list[Article], setup: Knowledge) -> None:
    report = check(articles, setup)
    render_markdown(report)
    render_json(report)


def measure(articles: list[Article], setup: Knowledge, repeat: int) -> Result:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        run_pipeline(articles, setup)
        best = min(best, time.perf_counter() - start)
    # ru_maxrss is KiB on Linux, bytes on macOS; it is the process peak so far.
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    rss_mib = rss / MIB if sys.platform == "darwin" else rss / 1024
    return Result(len(articles), best, sum(len(a.text) for a in articles), rss_mib)


def stage_times(articles: list[Article], setup: Knowledge, repeat: int) -> dict[str, float]:
    """Best time per article (ms) of each stage of check() and of each report."""
    best: dict[str, float] = {}

    def timed(name: str, run, *args):
        start = time.perf_counter()
        out = run(*args)
        elapsed = 1000 * (time.perf_counter() - start) / len(articles)
        best[name] = min(best.get(name, elapsed), elapsed)
        return out

    for _ in range(repeat):
        contexts = timed("read articles", read_each, articles, setup)
        contexts = timed("names from other articles", with_story_names, contexts)
        claims = timed("claims", story_claims, contexts)
        groups, _ = timed("align", align_claims, claims, setup)
        timed("judge", judge_groups, groups, setup)
        report = check(articles, setup)
        timed("Markdown report", render_markdown, report)
        timed("JSON report", render_json, report)
    return best


def traced_peak(articles: list[Article], setup: Knowledge) -> float:
    """Peak Python heap (MiB) allocated during one check() call."""
    tracemalloc.start()
    try:
        check(articles, setup)
        return tracemalloc.get_traced_memory()[1] / MIB
    finally:
        tracemalloc.stop()


def print_table(results: list[Result]) -> None:
    traced = any(r.traced_peak_mib is not None for r in results)
    header = f"{'articles':>8}  {'chars':>10}  {'seconds':>9}  {'articles/s':>10}  {'ms/article':>10}  {'maxrss MiB':>10}"
    print(header + (f"  {'traced MiB':>10}" if traced else ""))
    for r in results:
        row = (f"{r.size:>8}  {r.chars:>10}  {r.seconds:>9.3f}  {r.per_second:>10.1f}  "
               f"{1000 * r.seconds / r.size:>10.2f}  {r.maxrss_mib:>10.1f}")
        if traced:
            row += f"  {r.traced_peak_mib:>10.1f}" if r.traced_peak_mib is not None else f"  {'-':>10}"
        print(row)
    if len(results) > 1:
        small, large = min(results, key=lambda r: r.size), max(results, key=lambda r: r.size)
        ratio = (large.seconds / large.size) / (small.seconds / small.size)
        print(f"time per article, {large.size} vs {small.size} articles: x{ratio:.2f} (1.0 = linear)")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000], metavar="N",
                        help="corpus sizes in articles (default: 100 1000)")
    parser.add_argument("--repeat", type=int, default=1, metavar="K",
                        help="time each size K times and keep the best (default: 1)")
    parser.add_argument("--tracemalloc", action="store_true",
                        help="after timing, rerun check() under tracemalloc to report its peak heap (slow)")
    parser.add_argument("--stages", action="store_true",
                        help="also time each stage apart, per article (best of --repeat runs)")
    parser.add_argument("--profile", action="store_true",
                        help="run the timed runs under cProfile and print the top functions (timings inflate)")
    args = parser.parse_args(argv)
    if args.repeat < 1 or any(n < 1 for n in args.sizes):
        parser.error("--sizes and --repeat must be positive")

    sources = source_articles()
    langs = {lang: sum(a.lang == lang for a in sources) for lang in sorted({a.lang for a in sources})}
    setup = load_knowledge()
    print(f"{len(sources)} source articles {langs}; repeat={args.repeat}")
    results: list[Result] = []
    profiler = cProfile.Profile() if args.profile else None
    for size in sorted(args.sizes):
        corpus = synthesize(sources, size)
        if profiler:
            profiler.enable()
        results.append(measure(corpus, setup, args.repeat))
        if profiler:
            profiler.disable()
        if args.tracemalloc:
            results[-1].traced_peak_mib = traced_peak(corpus, setup)
    print_table(results)
    if args.stages:
        for size in sorted(args.sizes):
            times = stage_times(synthesize(sources, size), setup, args.repeat)
            print(f"\nms per article at {size} articles, by stage:")
            for name, ms in times.items():
                print(f"  {name:<28} {ms:6.3f}")
            print(f"  {'sum':<28} {sum(times.values()):6.3f}")
    if profiler:
        pstats.Stats(profiler).sort_stats("tottime").print_stats(35)


if __name__ == "__main__":
    main()
