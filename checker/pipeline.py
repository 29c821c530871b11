"""The stages, in order: ingest → extract → align → evaluate → report.

Every stage is a function of the previous stage's models; only cli.py reads
or writes files. `check` runs the whole chain on articles already read.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from checker.align import align
from checker.extract.article import claims_of, find_known_names, read_article, story_names
from checker.lexicons import Lexicon, build_lexicons, read_lexicon_sources
from checker.baseline import apply_baseline
from checker.gcpause import cycle_collector_paused
from checker.models import Article, ArticleProblem, Claim, Finding, Report
from checker.names import NameMatcher
from checker.rules.evaluate import Judge, apply_overrides
from checker.rules.load import RuleSet, load_rules


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
    contexts = [read_article(article, lexicon_for(setup, article.lang)) for article in articles]
    known = story_names(contexts)
    claims = []
    for actx in contexts:
        claims.extend(claims_of(find_known_names(actx, known)))
    matcher = name_matcher(setup)
    subject_only = frozenset(p for p, d in setup.lexicons["en"].predicates.items() if d.align_on == "subject")
    groups, aliases = align(claims, matcher, subject_only)
    judge = Judge(setup.rules, setup.lexicons["en"])
    findings = judge.judge(groups)
    judging = {r.id for r in setup.rules.of_kind("numeric", "categorical", "agreement", "corroboration")
               if r.spec.get("enabled", True)}
    unmatched = sorted(judging - judge.matched)
    if draft is not None:
        findings = draft_findings(findings, claims, draft)
    apply_baseline(findings, reviewed or {})
    return Report(articles=articles, claims=claims, findings=findings, aliases=aliases,
                  unmatched_rules=unmatched, problems=list(problems), draft=draft)
