"""Group articles into stories before alignment: claims align only within one.

Three ways, chosen by `--stories`:

- `one`: every article is one story (how a folder of coverage is checked);
- `folder`: one story per folder the articles were read from;
- `shared`: a flat corpus grouped by what articles share: names of two words
  or more, dated events, figures with their unit, and rare words. Two
  articles join when the weight of what they share (rarer keys weigh more)
  reaches a threshold; stories are the connected groups. Keys held by more
  than a few dozen articles are too common to tell stories apart and are not
  used, so the cost grows with the number of articles, not its square.

`auto` (the default) is `folder` when the articles come from several folders,
else `one`: a folder of one story's coverage is never split by a guess. The
article read from standard input (`<stdin>`) is in no folder for `auto`: piped
beside one folder's files, it is of their story.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Sequence

if TYPE_CHECKING:
    from checker.models import Report

MODES = ("auto", "one", "folder", "shared")
STDIN_PATH = "<stdin>"  # checker.ingest.stdin.STDIN_PATH
# A key shared by more articles than this says little about which story they are.
MAX_SHARED_BY = 40
# Rare words count only when this few articles use them.
MAX_WORD_SHARED_BY = 4
# Shared weight (a sum of log-rarities) from which two articles are one story.
JOIN_WEIGHT = 6.0
# ... and from which share of what each could share with any article at all.
JOIN_SHARE = 0.15


class Story:
    """Articles (by position in the run) that are checked together."""

    def __init__(self, label: str, members: list[int]) -> None:
        self.label = label
        self.members = members

    def __repr__(self) -> str:
        return f"Story({self.label!r}, {self.members})"


@dataclass
class StoryReport:
    """One story's report: what the corpus run gives and the report writers join."""

    story: Story
    report: Report


def _find(parent: list[int], x: int) -> int:
    while parent[x] != x:
        parent[x] = parent[parent[x]]
        x = parent[x]
    return x


def _components(n: int, pairs: list[tuple[int, int]]) -> list[list[int]]:
    parent = list(range(n))
    for a, b in pairs:
        ra, rb = _find(parent, a), _find(parent, b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(n):
        groups[_find(parent, i)].append(i)
    return sorted(groups.values(), key=lambda g: g[0])


def by_folder(paths: Sequence[str]) -> list[Story]:
    folders: dict[str, list[int]] = {}
    for i, path in enumerate(paths):
        folders.setdefault(str(Path(path).parent), []).append(i)
    return [Story(Path(folder).name or folder, members) for folder, members in folders.items()]


def by_shared_keys(keys: Sequence[Sequence[str]], words: Sequence[Sequence[str]]) -> list[Story]:
    """Connected groups of articles whose shared keys and rare words weigh enough."""
    n = len(keys)
    postings: dict[str, list[int]] = defaultdict(list)
    for i, (own_keys, own_words) in enumerate(zip(keys, words)):
        for key in set(own_keys):
            if not key.startswith("entity:"):  # a world body, a tech giant: in too many stories
                postings[key].append(i)
        for word in set(own_words):
            if len(word) >= 4 and not word.isdigit():
                postings["word:" + word].append(i)
    shared: dict[tuple[int, int], float] = defaultdict(float)
    mass = [0.0] * n
    for key, members in postings.items():
        limit = MAX_WORD_SHARED_BY if key.startswith("word:") else MAX_SHARED_BY
        if not 2 <= len(members) <= limit:
            continue
        weight = math.log(1 + n / len(members))
        for k, a in enumerate(members):
            mass[a] += weight
            for b in members[k + 1:]:
                shared[a, b] += weight
    # What two articles share, against what each could share with any other:
    # a long article shares a few rare words with many unrelated ones.
    pairs = [(a, b) for (a, b), weight in shared.items()
             if weight >= JOIN_WEIGHT and weight >= JOIN_SHARE * math.sqrt(mass[a] * mass[b])]
    stories = []
    for members in _components(n, pairs):
        names = defaultdict(int)
        for i in members:
            for key in keys[i]:
                if key.startswith("sound:"):
                    names[key[6:]] += 1
        label = max(sorted(names), key=lambda k: names[k]) if names else f"story {len(stories) + 1}"
        stories.append(Story(label, members))
    return stories


def group_stories(mode: str, paths: Sequence[str], keys: Sequence[Sequence[str]],
                  words: Sequence[Sequence[str]], has_draft: bool = False) -> list[Story]:
    """The stories of a run, each a list of article positions in input order.

    A draft is checked against every source given, so a run with one is one story.
    """
    if mode not in MODES:
        raise ValueError(f"unknown story grouping {mode!r}")
    n = len(paths)
    if n == 0:
        return []
    if mode == "one" or has_draft:
        return [Story("", list(range(n)))]
    if mode == "shared":
        return by_shared_keys(keys, words)
    if mode == "auto" and len({str(Path(p).parent) for p in paths if p != STDIN_PATH}) <= 1:
        return [Story("", list(range(n)))]
    return by_folder(paths)
