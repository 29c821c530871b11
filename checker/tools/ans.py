"""The ANS benchmark: real Arabic headline pairs (paraphrase or contradiction).

Each number-bearing pair becomes two one-sentence articles. We count how many
numeric contradictions (label `disagree`, a number changed) the checker reports
as conflicts, and how many paraphrases (label `agree`) it wrongly flags.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from checker.errors import InputError
from checker.knowledge import Knowledge
from checker.models import Article
from checker.pipeline import check


@dataclass
class AnsResult:
    contradictions: int = 0
    caught: int = 0
    paraphrases: int = 0
    false_alarms: int = 0


def read_pairs(path: Path) -> list[dict]:
    pairs = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read benchmark file: {exc}", path) from None
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            pairs.append(json.loads(line))
        except json.JSONDecodeError as exc:
            raise InputError(f"invalid JSON line: {exc.msg}", path, number) from None
    return pairs


def has_conflict(s1: str, s2: str, knowledge: Knowledge) -> bool:
    articles = [Article(id="s1", path="s1", text=s1, lang="ar"), Article(id="s2", path="s2", text=s2, lang="ar")]
    return any(f.kind == "conflict" for f in check(articles, knowledge).findings)


def run_ans(path: Path, knowledge: Knowledge) -> AnsResult:
    result = AnsResult()
    for pair in read_pairs(path):
        label = pair.get("label")
        numeric = pair.get("numeric", pair.get("number_category") == "number_changed")
        if label == "disagree" and numeric:
            result.contradictions += 1
            result.caught += has_conflict(pair["s1"], pair["s2"], knowledge)
        elif label == "agree":
            result.paraphrases += 1
            result.false_alarms += has_conflict(pair["s1"], pair["s2"], knowledge)
    return result
