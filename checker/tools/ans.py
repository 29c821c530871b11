"""The ANS benchmark: real Arabic headline pairs (paraphrase or contradiction).

Each number-bearing pair becomes two one-sentence articles. We count how many
numeric contradictions (label `disagree`, a number changed) the checker reports
as conflicts, and as possible conflicts only, and how many paraphrases (label
`agree`) it wrongly flags either way.
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
    caught: int = 0  # reported as conflicts
    possible: int = 0  # reported as possible conflicts only (alignment less sure)
    paraphrases: int = 0
    false_alarms: int = 0  # paraphrases reported as conflicts
    possible_alarms: int = 0  # ... as possible conflicts only


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


def dispute(s1: str, s2: str, knowledge: Knowledge) -> str | None:
    """"conflict", "possible" (a possible conflict only), or None: what the checker says of the pair."""
    articles = [Article(id="s1", path="s1", text=s1, lang="ar"), Article(id="s2", path="s2", text=s2, lang="ar")]
    kinds = {f.kind for f in check(articles, knowledge).findings}
    return "conflict" if "conflict" in kinds else "possible" if kinds & {"possible_conflict", "possible_update"} else None


def run_ans(path: Path, knowledge: Knowledge) -> AnsResult:
    result = AnsResult()
    for pair in read_pairs(path):
        label = pair.get("label")
        numeric = pair.get("numeric", pair.get("number_category") == "number_changed")
        if label == "disagree" and numeric:
            result.contradictions += 1
            said = dispute(pair["s1"], pair["s2"], knowledge)
            result.caught += said == "conflict"
            result.possible += said == "possible"
        elif label == "agree":
            result.paraphrases += 1
            said = dispute(pair["s1"], pair["s2"], knowledge)
            result.false_alarms += said == "conflict"
            result.possible_alarms += said == "possible"
    return result
