"""The stages, in order: ingest → extract → align → evaluate → report.

Every stage is a function of the previous stage's models; only cli.py reads
or writes files. `check` runs the whole chain on articles already read.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from checker.align import align
from checker.extract.article import claims_of, find_known_names, read_article, story_names
from checker.extract.context import ArticleContext
from checker.lexicons import Lexicon, build_lexicons, read_lexicon_sources
from checker.judge.baseline import apply_baseline
from checker.gcpause import cycle_collector_paused
from checker.models import Article, ArticleProblem, Claim, ClaimGroup, Finding, Report
from checker.align.names import NameMatcher
from checker.judge.judge import Judge, apply_overrides
from checker.judge.rules import RuleSet, load_rules


@dataclass
class Setup:
    """Lexicons and rules, loaded and validated once per run."""

    lexicons: dict[str, Lexicon]
    rules: RuleSet


def rule_extensions(rules: RuleSet) -> list[tuple[str, dict]]:
    """Lexicon additions that rule files carry (kinds `lexicon` and `alias`)."""
    extensions: list[tuple[str, dict]] = []
    for rule in rules.of_kind("lexicon"):
        extensions.append((rule.spec.get("lang", "common"), rule.spec["add"]))
    for rule in rules.of_kind("alias"):
        entity = {"names": rule.spec["names"]}
        for key in ("type", "acts_for"):
            if key in rule.spec:
                entity[key] = rule.spec[key]
        extensions.append(("common", {"entities": {rule.spec["entity"]: entity}}))
    return extensions


def load_setup(rule_paths: list[Path] = (), project_root: Path | None = None) -> Setup:
    rules = apply_overrides(load_rules(list(rule_paths), project_root))
    lexicons = build_lexicons(read_lexicon_sources(), rule_extensions(rules))
    return Setup(lexicons, rules)


def lexicon_for(setup: Setup, lang: str) -> Lexicon:
    return setup.lexicons.get(lang) or setup.lexicons["en"]


def name_matcher(setup: Setup) -> NameMatcher:
    """Names are compared across languages: every language's clitics count."""
    clitics = {prefix for lex in setup.lexicons.values() for prefix in lex.prefixes}
    return NameMatcher(setup.lexicons["en"], clitics)


def draft_findings(findings: list[Finding], claims: list[Claim], draft_id: str) -> list[Finding]:
    """Only what concerns the draft: its conflicts, its support, its unsupported claims."""
    in_draft = {c.id for c in claims if c.article == draft_id}
    kept: list[Finding] = []
    for finding in findings:
        if not in_draft.intersection(finding.claims):
            continue
        pairs = finding.details.get("pairs")
        if pairs is not None:
            pairs = [p for p in pairs if in_draft.intersection(p)]
            if not pairs:
                continue
            finding.details["pairs"] = pairs
        kept.append(finding)
    return kept


def check(articles: list[Article], setup: Setup, problems: list[ArticleProblem] = (),
          draft: str | None = None, reviewed: dict[str, str] | None = None) -> Report:
    """Claims, groups and findings for a set of articles on one story.

    With `draft` (an article id), only findings about the draft's claims are kept.
    `reviewed` maps finding fingerprints to the reason an editor accepted them.
    """
    with cycle_collector_paused():
        return _check(articles, setup, problems, draft, reviewed)


def _check(articles: list[Article], setup: Setup, problems: list[ArticleProblem],
           draft: str | None, reviewed: dict[str, str] | None) -> Report:
    claims = story_claims(with_story_names(read_each(articles, setup)))
    groups, aliases = align_claims(claims, setup)
    findings, unmatched = judge_groups(groups, setup)
    if draft is not None:
        findings = draft_findings(findings, claims, draft)
    apply_baseline(findings, reviewed or {})
    return Report(articles=articles, claims=claims, findings=findings, aliases=aliases,
                  unmatched_rules=unmatched, problems=list(problems), draft=draft)


# The stages of `check`, one function each (benchmarks/bench.py times them apart).

def read_each(articles: list[Article], setup: Setup) -> list[ArticleContext]:
    """Every article read on its own: sentences, tokens, lexicon matches, names."""
    return [read_article(article, lexicon_for(setup, article.lang)) for article in articles]


def with_story_names(contexts: list[ArticleContext]) -> list[ArticleContext]:
    """Each article read again for names that other articles introduced, where it uses them."""
    known = story_names(contexts)
    return [find_known_names(actx, known) for actx in contexts]


def story_claims(contexts: list[ArticleContext]) -> list[Claim]:
    return [claim for actx in contexts for claim in claims_of(actx)]


def align_claims(claims: list[Claim], setup: Setup) -> tuple[list[ClaimGroup], list[dict]]:
    align_on = {p: d.align_on for p, d in setup.lexicons["en"].predicates.items()}
    return align(claims, name_matcher(setup), align_on)


def judge_groups(groups: list[ClaimGroup], setup: Setup) -> tuple[list[Finding], list[str]]:
    """Findings, and the ids of judging rules that applied to no group."""
    judge = Judge(setup.rules, setup.lexicons["en"])
    findings = judge.judge(groups)
    judging = {r.id for r in setup.rules.of_kind("numeric", "categorical", "agreement", "corroboration")
               if r.spec.get("enabled", True)}
    return findings, sorted(judging - judge.matched)
