"""Read one article: sentences, tokens, names, then claims.

Two passes: the first finds every sentence's names (so the article's main
organisation is known before any claim needs it for "الشركة" or a sentence
without a subject); the second extracts claims sentence by sentence.
"""

from __future__ import annotations

from itertools import count

from checker.extract.context import ArticleContext, SentenceContext
from checker.extract.dates import date_claims
from checker.extract.entities import EntityFinder, Gazetteer, add_name
from checker.extract.quantities import quantity_claims
from checker.extract.roles import RoleReader
from checker.knowledge.language import Language
from checker.models import Article, Claim
from checker.text.segment import split_sentences
from checker.text.tokens import tokenize_range


def read_article(article: Article, lex: Language, known: Gazetteer | None = None) -> ArticleContext:
    """Segment, tokenize and annotate an article, and find the names in it.

    `known` holds names other articles of the story introduced: an outlet
    may name "ليلى حداد" with no title that would mark it as a name.
    """
    actx = ArticleContext(article, lex)
    finder = EntityFinder(lex, article.text, known)
    text = article.text
    for sentence in split_sentences(text):
        tokens = tokenize_range(text, sentence.start, sentence.end)
        ann = lex.index.annotate(tokens)
        cues = finder.cues(tokens, ann)
        actx.sentences.append(SentenceContext(sentence, tokens, ann, finder.find(tokens, ann, cues), cues))
    actx.finish()
    actx.gazetteer = finder.gazetteer
    return actx


def story_names(contexts: list[ArticleContext]) -> Gazetteer:
    """Names of two words or more that any article of the story introduced, with
    their short forms: "Marlow" finds "Marlow Insurance" in an outlet that only
    ever writes the short name."""
    shared = Gazetteer()
    for actx in contexts:
        gazetteer = actx.gazetteer
        for entries in gazetteer.by_first.values():
            for norms, key, type_ in entries:
                if len(norms) >= 2 and key.startswith("~"):
                    add_name(shared, actx.lex, norms, key, type_, gazetteer.display.get(key, key))
    return shared


def find_known_names(actx: ArticleContext, known: Gazetteer) -> ArticleContext:
    """Look again for names other articles introduced, if this one uses them.

    Tokens, lexicon matches and name cues are kept; only the gazetteer is read
    again, and only in articles where a known name's first word occurs at all.
    """
    words = {t.norm for ctx in actx.sentences for t in ctx.tokens}
    own = actx.gazetteer.by_first if actx.gazetteer else {}
    if not any(first in words and first not in own for first in known.by_first):
        return actx
    fresh = ArticleContext(actx.article, actx.lex)
    finder = EntityFinder(actx.lex, actx.article.text, known)
    for ctx in actx.sentences:
        mentions = finder.find(ctx.tokens, ctx.ann, ctx.cues)
        fresh.sentences.append(SentenceContext(ctx.sentence, ctx.tokens, ctx.ann, mentions, ctx.cues))
    fresh.finish()
    fresh.gazetteer = finder.gazetteer
    return fresh


def claims_of(actx: ArticleContext) -> list[Claim]:
    """Every checkable claim in an article already read, in reading order."""
    article = actx.article
    numbers = count(1)

    def next_id() -> str:
        return f"{article.id}#{next(numbers)}"

    claims: list[Claim] = []
    roles = RoleReader(actx)
    for ctx in actx.sentences:
        claims.extend(quantity_claims(actx, ctx, next_id))
        claims.extend(date_claims(actx, ctx, next_id))
        claims.extend(roles.claims(ctx, next_id))
    return claims


def extract_claims(article: Article, lex: Language, known: Gazetteer | None = None) -> list[Claim]:
    """Every checkable claim in an article, in reading order."""
    return claims_of(read_article(article, lex, known))
