"""A long fuzzing campaign over the ingest paths (the suite runs the same properties briefly).

Runs the properties of tests/fuzz_inputs.py with a large example budget and
fresh randomness: random article files (text, front matter, JSON, saved pages,
figures at the edges) beside good ones, random rule files in a check, random
rule files through `rules validate`, and stores damaged at random through
`check --against` and `index`. Prints how many examples each property ran; on a
failure, hypothesis prints the smallest input it found.

    python benchmarks/fuzz.py                  # 2,000 examples per property
    python benchmarks/fuzz.py --examples 20000 --seed 7
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from fuzz_inputs import (article_files, assert_property, assert_store_property, rule_file,  # noqa: E402
                         run_check, run_store, run_validate, shipped_lexicons_once, sources_yaml, store_edit)


def campaign(examples: int, random_seed: int | None) -> dict[str, int]:
    counts = {"articles": 0, "rules in check": 0, "rules validate": 0, "damaged stores": 0}
    options = settings(max_examples=examples, deadline=None, database=None, print_blob=True,
                       suppress_health_check=list(HealthCheck))

    def seeded(test):
        return seed(random_seed)(test) if random_seed is not None else test

    @seeded
    @options
    @given(files=st.lists(article_files, min_size=1, max_size=4), sources=sources_yaml())
    def articles(files, sources):
        counts["articles"] += 1
        assert_property(run_check(files, sources, None), rules_given=False)

    @seeded
    @options
    @given(rules=rule_file())
    def rules_in_check(rules):
        counts["rules in check"] += 1
        assert_property(run_check([], None, rules), rules_given=rules is not None)

    @seeded
    @options
    @given(rules=rule_file().filter(lambda r: r is not None))
    def rules_validate(rules):
        counts["rules validate"] += 1
        status, err = run_validate(rules)
        assert status in (0, 2) and "internal error" not in err, err

    @seeded
    @options
    @given(edits=st.lists(store_edit, min_size=1, max_size=3))
    def stores(edits):
        counts["damaged stores"] += 1
        assert_store_property(run_store(edits))

    with shipped_lexicons_once():
        for prop in (articles, rules_in_check, rules_validate, stores):
            prop()
    return counts


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=2000, metavar="N", help="examples per property")
    parser.add_argument("--seed", type=int, default=None, help="repeat a campaign (default: fresh randomness)")
    args = parser.parse_args(argv)
    start = time.perf_counter()
    counts = campaign(args.examples, args.seed)
    total = sum(counts.values())
    for name, count in counts.items():
        print(f"{name:<16} {count:>7} runs")
    print(f"{total} runs without a failure in {time.perf_counter() - start:.0f} s "
          "(a run is one example; shrinking a failure would add runs)")


if __name__ == "__main__":
    main()
