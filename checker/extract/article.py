"""Read one article: sentences, tokens, names, then claims.

Two passes: the first finds every sentence's names (so the article's main
organisation is known before any claim needs it for "الشركة" or a sentence
without a subject); the second extracts claims sentence by sentence.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from itertools import count

from checker.extract.context import ArticleReading, SentenceContext
from checker.extract.dates import date_claims, full_date
from checker.extract.entities import EntityFinder, Gazetteer, add_name
from checker.extract.frames import with_frames
from checker.extract.furniture import dateline, is_furniture
from checker.extract.matches import match_claims
from checker.extract.ordinals import rank_claims
from checker.extract.outcomes import outcome_claims
from checker.extract.quantities import quantity_claims
from checker.extract.roles import RoleReader
from checker.extract.times import time_claims
from checker.knowledge.language import Language
from checker.models import Article, Claim
from checker.text.segment import split_sentences
from checker.text.tokens import tokenize_range


def read_article(article: Article, lex: Language, known: Gazetteer | None = None) -> ArticleReading:
    """Segment, tokenize and annotate an article, and find the names in it.

    `known` holds names other articles of the story introduced: an outlet
    may name "ليلى حداد" with no title that would mark it as a name.
    """
    reading = ArticleReading(article, lex)
    finder = EntityFinder(lex, article.text, known)
    text = article.text
    for sentence in split_sentences(text):
        tokens = tokenize_range(text, sentence.start, sentence.end)
        phrases = lex.index.annotate(tokens)
        cues = finder.cues(tokens, phrases)
        mentions = finder.find(tokens, phrases, cues)
        reading.sentences.append(SentenceContext(sentence, tokens, phrases, mentions, lex, cues))
    reading.finish()
    reading.gazetteer = finder.gazetteer
    reading.furniture = {ctx.sentence.index for ctx in reading.sentences if is_furniture(ctx)}
    if article.published is None:
        published = dateline(reading.sentences, lambda ctx: full_date(reading, ctx))
        if published is not None:
            reading.article = dated_by_dateline(article, published)
    return reading


def dated_by_dateline(article: Article, published: date) -> Article:
    """The article with the date its dateline gives, where its metadata gave none.

    A copy made with `model_copy`, which does not validate: `published` must be a date here
    (a string would break every later comparison with another date)."""
    extra = {**article.extra, "published_from": "the page's dateline"}
    return article.model_copy(update={"published": published, "extra": extra})


def story_names(contexts: list[ArticleReading]) -> Gazetteer:
    """Names of two words or more that any article of the story introduced, with
    their short forms: "Marlow" finds "Marlow Insurance" in an outlet that only
    ever writes the short name."""
    shared = Gazetteer()
    for reading in contexts:
        gazetteer = reading.gazetteer
        for entries in gazetteer.by_first.values():
            for norms, key, type_ in entries:
                if len(norms) >= 2 and key not in reading.lex.entities:
                    add_name(shared, reading.lex, norms, key, type_, gazetteer.display.get(key, key))
    return shared


def find_known_names(reading: ArticleReading, known: Gazetteer) -> ArticleReading:
    """Look again for names other articles introduced, if this one uses them.

    Tokens, lexicon matches and name cues are kept; only the gazetteer is read
    again, and only in articles where a known name's first word occurs at all.
    """
    words = {t.norm for ctx in reading.sentences for t in ctx.tokens}
    own = reading.gazetteer.by_first if reading.gazetteer else {}
    # By the article's words, not the story's names: the cost stays with the article.
    if not any(word in known.by_first and word not in own for word in words):
        return reading
    fresh = ArticleReading(reading.article, reading.lex)
    fresh.furniture = reading.furniture
    finder = EntityFinder(reading.lex, reading.article.text, known.only(usable_forms(reading.lex, words)))
    for ctx in reading.sentences:
        mentions = finder.find(ctx.tokens, ctx.phrases, ctx.cues)
        fresh.sentences.append(SentenceContext(ctx.sentence, ctx.tokens, ctx.phrases, mentions, ctx.lex, ctx.cues))
    fresh.finish()
    fresh.gazetteer = finder.gazetteer
    return fresh


def usable_forms(lex: Language, words: Iterable[str]) -> set[str]:
    """Every form a known name's first word can take to match one of these words."""
    return {form for word in words for form in lex.variants(word)}


def claims_of(reading: ArticleReading) -> list[Claim]:
    """Every checkable claim in an article already read, in reading order."""
    article = reading.article
    numbers = count(1)

    def next_id() -> str:
        return f"{article.id}#{next(numbers)}"

    claims: list[Claim] = []
    roles = RoleReader(reading)
    for ctx in reading.sentences:
        if ctx.sentence.index in reading.furniture:
            continue  # a dateline, a "published" stamp, share counts: no claim
        claims.extend(with_frames(reading, ctx, quantity_claims(reading, ctx, next_id)))
        claims.extend(date_claims(reading, ctx, next_id))
        claims.extend(roles.claims(ctx, next_id))
        claims.extend(time_claims(reading, ctx, next_id))
        claims.extend(rank_claims(reading, ctx, next_id))
        claims.extend(outcome_claims(reading, ctx, next_id))
        claims.extend(match_claims(reading, ctx, next_id))
    return claims


def extract_claims(article: Article, lex: Language, known: Gazetteer | None = None) -> list[Claim]:
    """Every checkable claim in an article, in reading order."""
    return claims_of(read_article(article, lex, known))
