"""A run over many articles: read on every core, grouped into stories, judged story by story.

The same stages as `pipeline.check`, arranged so that per-article work runs in
a process pool and only plain data crosses between processes:

1. every article read once in a worker: its claims, and a digest (names it
   introduced, words it uses, keys saying what it is about);
2. articles grouped into stories (checker/stories.py);
3. in each story, the articles that use the first word of a name another
   article introduced are read again with those names known;
4. each story aligned and judged on its own (`pipeline.judge_story`).

For one story this gives the report `pipeline.check` gives, byte for byte,
whatever the number of jobs (tests/test_corpus.py holds it).
"""

from __future__ import annotations

from datetime import date
from typing import Iterator, NamedTuple, Sequence

from checker.extract.article import dated_by_dateline, usable_forms
from checker.extract.entities import Gazetteer, add_name
from checker.knowledge import Knowledge
from checker.limits import MAX_CLAIMS
from checker.models import Article, ArticleProblem, Claim, Report
from checker.parallel.compact import pack, unpack
from checker.parallel.pool import MIN_ARTICLES_PER_JOB, ArticlePool
from checker.parallel.work import Digest, first_reading, second_reading
from checker.pipeline import check, claims_cut, judge_story
from checker.progress import Progress
from checker.stories import Story, StoryReport, group_stories


def _story_names(story: Story, digests: Sequence[Digest], knowledge: Knowledge) -> Gazetteer:
    """Names of two words or more any article of the story introduced (as extract.story_names)."""
    known = Gazetteer()
    for i in story.members:
        lex = knowledge.language(digests[i].lang)
        for norms, key, type_, display in digests[i].names:
            add_name(known, lex, norms, key, type_, display)
    return known


def _rereadings(story: Story, articles: Sequence[Article], digests: Sequence[Digest],
                knowledge: Knowledge) -> Iterator[tuple[int, tuple]]:
    """(position, task) for each article of the story that may use a name from another."""
    known = _story_names(story, digests, knowledge)
    if not known.by_first:
        return
    for i in story.members:
        digest = digests[i]
        words = digest.words.split("\n")
        if not any(word in known.by_first and word not in digest.own for word in words):
            continue
        names = known.only(usable_forms(knowledge.language(digest.lang), words))
        yield i, (pack(articles[i]), digest.lang, names.by_first, names.display)


def read_corpus(articles: list[Article], knowledge: Knowledge, pool: ArticlePool, stories: str = "auto",
                has_draft: bool = False, progress: Progress | None = None) -> Settled:
    """Articles with their languages, their stories, and each article's packed claims."""
    progress = progress or Progress()
    progress.stage("reading", len(articles), "articles")
    digests = pool.map(first_reading, [pack(a) for a in articles], progress.advance)
    return settle(articles, digests, knowledge, pool, stories, has_draft, progress)


def as_read(article: Article, digest: Digest) -> Article:
    """The article with what its first reading learned: its language, a dateline's date."""
    if not article.lang and digest.lang:
        article = article.model_copy(update={"lang": digest.lang})
    if article.published is None and digest.published:
        article = dated_by_dateline(article, date.fromisoformat(digest.published))
    return article


class Settled(NamedTuple):
    """A corpus read: its articles, its stories, each article's packed claims (None for an
    article whose reading failed, which is left out) and what reading had to say."""

    articles: list[Article]
    stories: list[Story]
    claims: list[list[tuple] | None]
    problems: list[ArticleProblem]


def settle(articles: list[Article], digests: list[Digest], knowledge: Knowledge, pool: ArticlePool,
           stories: str = "auto", has_draft: bool = False, progress: Progress | None = None) -> Settled:
    """From first readings to final claims: stories grouped, names from other articles
    read where they occur. `digests` is emptied: only the claims are kept."""
    articles = [as_read(a, d) for a, d in zip(articles, digests)]
    problems = [ArticleProblem(path=a.path, message=message) for a, d in zip(articles, digests)
                for message in ((d.failure,) if d.failure else d.problems)]
    words = [d.words.split("\n") for d in digests] if stories == "shared" else []
    grouped = group_stories(stories, [a.path for a in articles], [d.keys for d in digests], words, has_draft)
    positions, tasks = [], []
    for story in grouped:
        for i, task in _rereadings(story, articles, digests, knowledge):
            positions.append(i)
            tasks.append(task)
    claims: list[list[tuple] | None] = [None if d.failure else d.claims for d in digests]
    digests.clear()
    del words
    progress = progress or Progress()
    if tasks:
        progress.stage("re-reading with the story's names", len(tasks), "articles")
    for i, packed in zip(positions, pool.map(second_reading, tasks, progress.advance)):
        if isinstance(packed, str):  # the second reading failed: the article is left out
            problems.append(ArticleProblem(path=articles[i].path, message=packed))
            claims[i] = None
        else:
            claims[i] = packed
    return Settled(articles, grouped, claims, problems)


def capped(articles: list[Article], claims: list[list[tuple] | None], max_claims: int) -> list[ArticleProblem]:
    """Each article's packed claims cut to the first `max_claims` (as pipeline.capped_claims)."""
    problems: list[ArticleProblem] = []
    for i, own in enumerate(claims):
        if own is not None and len(own) > max_claims:
            problems.append(claims_cut(articles[i], len(own), max_claims, unpack(Claim, own[max_claims]).span[0]))
            claims[i] = own[:max_claims]
    return problems


def judge_stories(articles: list[Article], grouped: list[Story], claims: list[list[tuple] | None],
                  knowledge: Knowledge, problems: Sequence[ArticleProblem] = (), draft: str | None = None,
                  reviewed: dict[str, str] | None = None, progress: Progress | None = None) -> list[StoryReport]:
    """One report per story; input problems go with the first. An article whose reading
    failed (claims None) is in none."""
    out: list[StoryReport] = []
    progress = progress or Progress()
    progress.stage("judging", len(grouped), "stories")
    for story in grouped:
        members = [i for i in story.members if claims[i] is not None]
        story_claims = [unpack(Claim, c) for i in members for c in claims[i]]
        for i in members:
            claims[i] = []  # held once, as models now
        report = judge_story([articles[i] for i in members], story_claims, knowledge,
                             list(problems) if not out else [], draft, reviewed)
        out.append(StoryReport(story, report))
        progress.advance()
    return without_empty_stories(out)


def without_empty_stories(stories: list[StoryReport]) -> list[StoryReport]:
    """The stories left with an article once those whose every article failed are gone;
    their problems go with the first story kept (one report at least, which says so)."""
    kept = [s for s in stories if s.report.articles]
    if len(kept) == len(stories):
        return stories
    if not kept:
        return stories[:1]
    problems = [p for s in stories for p in s.report.problems]
    first = kept[0]
    kept[0] = StoryReport(first.story, first.report.model_copy(update={"problems": problems}))
    return kept


def check_corpus(articles: list[Article], knowledge: Knowledge, problems: Sequence[ArticleProblem] = (),
                 draft: str | None = None, reviewed: dict[str, str] | None = None, jobs: int = 1,
                 stories: str = "auto", min_per_job: int = MIN_ARTICLES_PER_JOB,
                 max_claims: int = MAX_CLAIMS, progress: Progress | None = None) -> list[StoryReport]:
    """One report per story; input problems (and articles cut to `max_claims`) go with the first.
    With no article read, one empty report, which says so. `progress` hears of each article
    read and each story judged (a run too small for a pool is quick, and says nothing)."""
    if not articles:
        return [StoryReport(Story("", []), check([], knowledge, list(problems), draft, reviewed, max_claims))]
    if stories != "shared" and len(articles) < 2 * min_per_job:
        # Too few for a pool: readings are kept in memory and names from other
        # articles found in them (pipeline.check), rather than read again.
        grouped = group_stories(stories, [a.path for a in articles], [], [], draft is not None)
        return without_empty_stories([
            StoryReport(story, check([articles[i] for i in story.members], knowledge,
                                     list(problems) if n == 0 else [], draft, reviewed, max_claims))
            for n, story in enumerate(grouped)])
    with ArticlePool(knowledge, jobs, min_per_job) as pool:
        articles, grouped, claims, read_problems = read_corpus(articles, knowledge, pool, stories,
                                                               draft is not None, progress)
    problems = [*problems, *read_problems, *capped(articles, claims, max_claims)]
    return judge_stories(articles, grouped, claims, knowledge, problems, draft, reviewed, progress)
