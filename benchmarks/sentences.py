"""Cost of one long article: N one-line sentences with a number each (a benchmark, not a test).

A story's cost must grow linearly with the size of an article: 4,000 such
sentences should cost about 40 times what 100 do, not 1,600 times (which is
what comparing every figure with every other gave). Each size is written to a
file and timed from reading it to both reports, in one process, with the
lexicons and rules loaded once beforehand.

    python benchmarks/sentences.py                   # 100 and 4000 sentences, English
    python benchmarks/sentences.py --sizes 100 1000 4000 --lang ar --repeat 3
"""

from __future__ import annotations

import argparse
import tempfile
import time
import tracemalloc
from pathlib import Path

from checker.ingest import load_articles
from checker.knowledge import Knowledge, load_knowledge
from checker.pipeline import check
from checker.report.json_report import render_json
from checker.report.markdown import render_markdown

# One figure a line, each a different value of the same quantity, in the same
# story: the case that made alignment and judging quadratic.
LINES = {
    "en": "The company said {n} workers were hired",
    "ar": "قالت الشركة إنها عينت {n} موظفا",
}


def write_article(folder: Path, size: int, lang: str) -> Path:
    path = folder / f"lines_{lang}_{size}.txt"
    path.write_text("\n".join(LINES[lang].format(n=n + 3) for n in range(size)) + "\n", encoding="utf-8")
    return path


def run_once(path: Path, knowledge: Knowledge) -> tuple[int, int]:
    """Claims and JSON characters for one article, read from disk to both reports."""
    articles, problems = load_articles([path])
    assert not problems, problems
    report = check(articles, knowledge)
    render_markdown(report)
    return len(report.claims), len(render_json(report))


def measure(path: Path, knowledge: Knowledge, repeat: int) -> tuple[float, int, int]:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        claims, json_chars = run_once(path, knowledge)
        best = min(best, time.perf_counter() - start)
    return best, claims, json_chars


def heap_peak(path: Path, knowledge: Knowledge) -> float:
    tracemalloc.start()
    try:
        run_once(path, knowledge)
        return tracemalloc.get_traced_memory()[1] / 2**20
    finally:
        tracemalloc.stop()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 4000], metavar="N",
                        help="sentences per article (default: 100 4000)")
    parser.add_argument("--lang", choices=sorted(LINES), default="en")
    parser.add_argument("--repeat", type=int, default=3, metavar="K", help="keep the best of K runs (default: 3)")
    parser.add_argument("--memory", action="store_true", help="also measure the peak Python heap (slower)")
    args = parser.parse_args(argv)
    if args.repeat < 1 or any(n < 1 for n in args.sizes):
        parser.error("--sizes and --repeat must be positive")
    knowledge = load_knowledge()
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        for size in sorted(args.sizes):
            path = write_article(Path(folder), size, args.lang)
            seconds, claims, json_chars = measure(path, knowledge, args.repeat)
            peak = heap_peak(path, knowledge) if args.memory else None
            rows.append((size, claims, seconds, json_chars, peak))
    print(f"{'sentences':>9}  {'claims':>7}  {'seconds':>8}  {'ms/sentence':>11}  {'JSON KB':>8}"
          + ("  heap MiB" if args.memory else ""))
    for size, claims, seconds, json_chars, peak in rows:
        print(f"{size:>9}  {claims:>7}  {seconds:>8.3f}  {1000 * seconds / size:>11.3f}  {json_chars / 1000:>8.0f}"
              + (f"  {peak:>8.1f}" if peak is not None else ""))
    if len(rows) > 1:
        (small, _, t_small, *_), (large, _, t_large, *_) = rows[0], rows[-1]
        print(f"{large} sentences cost x{t_large / t_small:.1f} what {small} do "
              f"(x{large / small:.0f} would be linear, x{(large / small) ** 2:.0f} quadratic)")


if __name__ == "__main__":
    main()
