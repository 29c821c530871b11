"""A random sample of the claims the checker reads on the real-news corpus, to judge by reading.

Issue 17 asks what share of the claims are real figures of their story (not page
furniture, a code, part of a name, a number misread). No gold answers that: a
person reads each sampled claim's value in its sentence and says. This script
draws the sample reproducibly and prints one block per claim: its story, article,
predicate, value as written and read, and the sentence, the value marked «so».

    python benchmarks/claim_sample.py                       # 200 claims, seed 17
    python benchmarks/claim_sample.py --size 200 --seed 17 --corpus benchmarks/realnews

Claims are read story by story, as `factcheck eval --realnews` reads them.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

from checker.knowledge import load_knowledge
from checker.pipeline import check
from checker.tools.realnews.stories import find_stories, load_story_articles, read_story


def all_claims(corpus: Path) -> list[tuple[str, object, str]]:
    """(story, claim, article text) for every claim of every story, in story and claim order."""
    knowledge = load_knowledge()
    out = []
    for folder in find_stories([corpus]):
        story = read_story(folder)
        articles = load_story_articles(story)
        texts = {a.id: a.text for a in articles}
        for claim in check(articles, knowledge).claims:
            out.append((story.name, claim, texts[claim.article]))
    return out


def marked(claim, text: str) -> str:
    """The claim's sentence with its value set off by «»."""
    start, end = claim.span
    vs, ve = claim.value_span or (start, start)
    return " ".join((text[start:vs] + "«" + text[vs:ve] + "»" + text[ve:end]).split())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=Path(__file__).parent / "realnews")
    parser.add_argument("--size", type=int, default=200)
    parser.add_argument("--seed", type=int, default=17)
    args = parser.parse_args(argv)
    claims = all_claims(args.corpus)
    sample = random.Random(args.seed).sample(range(len(claims)), min(args.size, len(claims)))
    print(f"{len(claims)} claims; {len(sample)} drawn with seed {args.seed}\n")
    for number, index in enumerate(sorted(sample), 1):
        story, claim, text = claims[index]
        value = claim.value
        read = value.low if value.low == value.high else f"{value.low}..{value.high}"
        print(f"{number:3}. {story} / {claim.article} / {claim.predicate} / {value.text!r} = {read} {value.unit or ''}")
        print(f"     {marked(claim, text)}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
