"""The stages, in order: ingest → extract → align → evaluate → report.

Every stage is a function of the previous stage's models; only cli.py reads
or writes files. `check` runs the whole chain on articles already read.
"""

from __future__ import annotations

from checker.align import align
from checker.extract.article import claims_of, find_known_names, read_article, story_names
from checker.extract.context import ArticleContext
from checker.knowledge import Knowledge
from checker.limits import MAX_CLAIMS
from checker.judge.baseline import apply_baseline
from checker.gcpause import cycle_collector_paused
from checker.models import Article, ArticleProblem, Claim, ClaimGroup, Finding, Report
from checker.align.names import NameMatcher
from checker.judge.judge import Judge


def name_matcher(knowledge: Knowledge) -> NameMatcher:
    """Names are compared across languages: every language's clitics count."""
    clitics = {prefix for language in knowledge.languages.values() for prefix in language.prefixes}
    return NameMatcher(knowledge.shared_words.get("transliteration", {}), clitics)


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


def check(articles: list[Article], knowledge: Knowledge, problems: list[ArticleProblem] = (),
          draft: str | None = None, reviewed: dict[str, str] | None = None,
          max_claims: int = MAX_CLAIMS) -> Report:
    """Claims, groups and findings for a set of articles on one story.

    With `draft` (an article id), only findings about the draft's claims are kept.
    `reviewed` maps finding fingerprints to the reason an editor accepted them.
    An article's claims past `max_claims` are left out, and said to be in the problems.
    """
    with cycle_collector_paused():
        return _check(articles, knowledge, problems, draft, reviewed, max_claims)


def _check(articles: list[Article], knowledge: Knowledge, problems: list[ArticleProblem],
           draft: str | None, reviewed: dict[str, str] | None, max_claims: int) -> Report:
    articles = with_languages(articles, knowledge)
    claims, capped = capped_claims(with_story_names(read_each(articles, knowledge)), max_claims)
    problems = [*problems, *capped]
    groups, aliases = align_claims(claims, knowledge)
    findings, unmatched = judge_groups(groups, knowledge)
    if draft is not None:
        findings = draft_findings(findings, claims, draft)
    apply_baseline(findings, reviewed or {})
    return Report(articles=articles, claims=claims, findings=findings, aliases=aliases,
                  unmatched_rules=unmatched, problems=list(problems), draft=draft)


# The stages of `check`, one function each (benchmarks/bench.py times them apart).

def with_languages(articles: list[Article], knowledge: Knowledge) -> list[Article]:
    """Each article with its language: as its metadata says, else as its text shows."""
    return [a if a.lang else a.model_copy(update={"lang": knowledge.detect_language(a.text)}) for a in articles]


def read_each(articles: list[Article], knowledge: Knowledge) -> list[ArticleContext]:
    """Every article read on its own: sentences, tokens, lexicon matches, names."""
    return [read_article(article, knowledge.language(article.lang, article.text)) for article in articles]


def with_story_names(contexts: list[ArticleContext]) -> list[ArticleContext]:
    """Each article read again for names that other articles introduced, where it uses them."""
    known = story_names(contexts)
    return [find_known_names(actx, known) for actx in contexts]


def story_claims(contexts: list[ArticleContext]) -> list[Claim]:
    return [claim for actx in contexts for claim in claims_of(actx)]


def capped_claims(contexts: list[ArticleContext], max_claims: int) -> tuple[list[Claim], list[ArticleProblem]]:
    """Every article's claims, the first `max_claims` of each; a problem for each article cut."""
    claims: list[Claim] = []
    problems: list[ArticleProblem] = []
    for actx in contexts:
        own = claims_of(actx)
        if len(own) > max_claims:
            article = actx.article
            line = article.text.count("\n", 0, own[max_claims].span[0]) + 1
            problems.append(ArticleProblem(path=article.path, message=(
                f"{article.path}: {len(own):,} claims, more than the limit of {max_claims:,} for one "
                f"article; those from line {line} on are not checked (raise it with --max-claims)")))
            own = own[:max_claims]
        claims.extend(own)
    return claims, problems


def align_claims(claims: list[Claim], knowledge: Knowledge) -> tuple[list[ClaimGroup], list[dict]]:
    align_on = {p: d.align_on for p, d in knowledge.ontology.predicates.items()}
    return align(claims, name_matcher(knowledge), align_on)


def judge_groups(groups: list[ClaimGroup], knowledge: Knowledge) -> tuple[list[Finding], list[str]]:
    """Findings, and the ids of judging rules that applied to no group."""
    judge = Judge(knowledge.rules, knowledge.ontology)
    findings = judge.judge(groups)
    judging = {r.id for r in knowledge.rules.of_kind("numeric", "categorical", "agreement", "corroboration")
               if r.spec.get("enabled", True)}
    return findings, sorted(judging - judge.matched)
