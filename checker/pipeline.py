"""The stages for one story, in order: read (text, extract) → align → judge.

Every stage is a function of the previous stage's models and touches no file
(docs/architecture.md says which modules do). `check` runs the whole chain on
articles already loaded; checker/corpus.py runs it story by story on every core.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from checker.align import align
from checker.align.names import NameMatcher
from checker.extract.article import (
    claims_of,
    find_known_names,
    read_article,
    story_names,
)
from checker.extract.context import ArticleReading
from checker.failures import each_guarded
from checker.judge import judge
from checker.judge.baseline import apply_baseline
from checker.judge.draft import draft_standing
from checker.judge.naming import name_findings, word_stems
from checker.judge.rank import rank_findings
from checker.knowledge import Knowledge
from checker.knowledge.words import ReportWords, report_words
from checker.limits import MAX_CLAIMS
from checker.models import (
    AlignedWith,
    Article,
    ArticleProblem,
    Claim,
    ClaimGroup,
    Finding,
    Report,
)
from checker.text.normalize import fold


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
        if finding.pairs is not None:
            pairs = [p for p in finding.pairs if in_draft.intersection(p)]
            if not pairs:
                continue
            finding = finding.model_copy(update={"pairs": pairs})
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
    articles, claims, read_problems = read_claims(articles, knowledge, max_claims)
    return judge_story(articles, claims, knowledge, [*problems, *read_problems], draft, reviewed)


def read_claims(articles: list[Article], knowledge: Knowledge,
                max_claims: int = MAX_CLAIMS) -> tuple[list[Article], list[Claim], list[ArticleProblem]]:
    """The articles (with what reading learned: a language, a dateline's date), the claims
    of each, and the problems: an article whose reading failed (it costs itself alone),
    one cut at `max_claims`."""
    failed: list[ArticleProblem] = []
    readings = with_story_names(read_each(with_languages(articles, knowledge, failed), knowledge, failed), failed)
    claims, capped, readings = capped_claims(readings, max_claims, failed)
    return [reading.article for reading in readings], claims, [*failed, *capped]


def judge_story(articles: list[Article], claims: list[Claim], knowledge: Knowledge,
                problems: list[ArticleProblem] = (), draft: str | None = None,
                reviewed: dict[str, str] | None = None) -> Report:
    """The report on one story whose articles (languages known) are read: align, judge.

    checker/corpus.py reads articles on every core and comes in here, story by story.
    """
    lang = report_language(articles)
    groups, aliases = align_claims(claims, knowledge, lang)
    claims = with_alignment_evidence(claims, groups)
    judgement = judge(groups, knowledge.rules, knowledge.ontology, lang, thresholds=knowledge.alignment.thresholds,
                      always_paired=frozenset({draft}) if draft else frozenset())
    findings = judgement.findings
    standing = []
    if draft is not None:
        standing = draft_standing(findings, claims, articles, draft, knowledge.rules, knowledge.ontology)
        findings = draft_findings(findings, claims, draft)
    findings = apply_baseline(findings, reviewed or {})
    words = report_words(knowledge.language(lang))
    findings = name_findings(findings, claims, articles, lang, ReportWords(words), judgement.kinds,
                             claim_stems(knowledge, articles))
    sources = len({a.id for a in articles if a.id != draft})
    findings = rank_findings(findings, claims, judgement.kinds, sources)
    return Report(articles=articles, claims=claims, findings=findings, aliases=aliases,
                  unmatched_rules=own_rules(judgement.unmatched_rules, knowledge), problems=list(problems),
                  rule_changes=knowledge.rules.changes, draft=draft, kinds=judgement.kinds, lang=lang, words=words,
                  standing=standing)


def claim_stems(knowledge: Knowledge, articles: list[Article]):
    """A claim's quoted words with their stems, in its article's language (for headings)."""
    langs = {a.id: a.lang for a in articles}

    def stems(claim: Claim) -> list[tuple[str, str]]:
        language = knowledge.language(langs.get(claim.article), claim.quote)
        return word_stems(language.stem, fold)(claim.quote)

    return stems


# The stages of `check`, one function each (benchmarks/bench.py times them apart).

def with_languages(articles: list[Article], knowledge: Knowledge,
                   failed: list[ArticleProblem] | None = None) -> list[Article]:
    """Each article with its language: as its metadata says, else as its text shows.
    With `failed`, an article that cannot be read is listed there and left out (failures.py)."""
    return each_guarded(articles, lambda a: a if a.lang else a.model_copy(
        update={"lang": knowledge.detect_language(a.text)}), lambda a: a.path, failed)


def read_each(articles: list[Article], knowledge: Knowledge,
              failed: list[ArticleProblem] | None = None) -> list[ArticleReading]:
    """Every article read on its own: sentences, tokens, lexicon matches, names."""
    return each_guarded(articles, lambda a: read_article(a, knowledge.language(a.lang, a.text)),
                        lambda a: a.path, failed)


def with_story_names(contexts: list[ArticleReading],
                     failed: list[ArticleProblem] | None = None) -> list[ArticleReading]:
    """Each article read again for names that other articles introduced, where it uses them."""
    known = story_names(contexts)
    return each_guarded(contexts, lambda reading: find_known_names(reading, known),
                        lambda reading: reading.article.path, failed)


def story_claims(contexts: list[ArticleReading]) -> list[Claim]:
    return [claim for reading in contexts for claim in claims_of(reading)]


def align_claims(claims: list[Claim], knowledge: Knowledge, lang: str = "en") -> tuple[list[ClaimGroup], list[dict]]:
    """Groups of claims about one thing; `lang` is the report's, for the words it shows."""
    story_label = knowledge.language(lang).labels.get("story", "")
    return align(claims, name_matcher(knowledge), knowledge.ontology, knowledge.alignment, story_label)


def capped_claims(readings: list[ArticleReading], max_claims: int, failed: list[ArticleProblem] | None = None
                  ) -> tuple[list[Claim], list[ArticleProblem], list[ArticleReading]]:
    """Every article's claims, the first `max_claims` of each; a problem for each article cut
    or with a figure left out (reading_problems), and the readings whose claims were read
    (with `failed`, one whose claims cannot be read is listed there and left out)."""
    claims: list[Claim] = []
    problems: list[ArticleProblem] = []
    read = each_guarded(readings, lambda reading: (reading, claims_of(reading)),
                        lambda reading: reading.article.path, failed)
    for reading, own in read:
        problems.extend(reading_problems(reading))
        if len(own) > max_claims:
            problems.append(claims_cut(reading.article, len(own), max_claims, own[max_claims].span[0]))
            own = own[:max_claims]
        claims.extend(own)
    return claims, problems, [reading for reading, _ in read]


def reading_problems(reading: ArticleReading) -> list[ArticleProblem]:
    """What reading an article left out and said so (a figure too large to compare)."""
    return [ArticleProblem(path=reading.article.path, message=message) for message in reading.problems]


def claims_cut(article: Article, count: int, max_claims: int, first_left_out: int) -> ArticleProblem:
    """The problem that says an article's claims past `max_claims` are not checked;
    `first_left_out` is where the first of them is written."""
    line = article.text.count("\n", 0, first_left_out) + 1
    return ArticleProblem(path=article.path, message=(
        f"{article.path}: {count:,} claims, more than the limit of {max_claims:,} for one "
        f"article; those from line {line} on are not checked (raise it with --max-claims)"))


# The claims a claim's `aligned_by` names at most: its first links, enough to say why it
# was aligned; a figure a thousand outlets give is not listed a thousand times.
MAX_ALIGNED_BY = 5


def with_alignment_evidence(claims: list[Claim], groups: list[ClaimGroup]) -> list[Claim]:
    """Each claim with the claims it was paired with and the evidence for each pair."""
    paired: dict[str, list[AlignedWith]] = defaultdict(list)
    for group in groups:
        probabilities = group.probabilities or [None] * len(group.links)
        for (i, j), evidence, probability in zip(group.links, group.evidence, probabilities):
            a, b = group.claims[i].id, group.claims[j].id
            for one, other in ((a, b), (b, a)):
                if len(paired[one]) < MAX_ALIGNED_BY:
                    paired[one].append(AlignedWith.model_construct(claim=other, evidence=evidence,
                                                                   probability=probability))
    return [c.model_copy(update={"aligned_by": paired[c.id]}) if c.id in paired else c for c in claims]


def judge_groups(groups: list[ClaimGroup], knowledge: Knowledge, lang: str = "en") -> tuple[list[Finding], list[str]]:
    """Findings (their messages in the report's language `lang`), and the ids of the
    judging rules from rule files (not the built-in ones) that applied to no group."""
    judgement = judge(groups, knowledge.rules, knowledge.ontology, lang, thresholds=knowledge.alignment.thresholds)
    return judgement.findings, own_rules(judgement.unmatched_rules, knowledge)


def own_rules(rule_ids: list[str], knowledge: Knowledge) -> list[str]:
    """The rules of rule files among these, not the built-in ones: a built-in rule that
    matched nothing is no news (time-of-day, in most stories); a newsroom's own is (a
    selector that names nothing there may be a typo)."""
    return [rule for rule in rule_ids if not knowledge.rules.rules[rule].shipped]


def report_language(articles: list[Article]) -> str:
    """The language most of the articles are in (the first in name order on a tie)."""
    counts = Counter(a.lang for a in articles if a.lang)
    return min(counts, key=lambda lang: (-counts[lang], lang)) if counts else "en"
