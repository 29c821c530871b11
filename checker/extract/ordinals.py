"""Ranks: "the 16th outbreak", "the fourth fine", "in the 73rd minute", "ثاني عملية تسريح".

A rank is a value of its own kind (dimension `rank`), named by what it ranks:
the first content word after it ("outbreak", "minute"), or, in a language that
puts the ordinal after its noun ("الغرامة الرابعة"), the word before it. Two
ranks compare only when they rank the same thing. The ordinal words and the
suffixes written onto digits ("16th") come from the lexicon (numbers.yaml).
"""

from __future__ import annotations

from checker.extract.claims import new_claim
from checker.extract.context import ArticleReading, SentenceContext
from checker.extract.dates import day_ordinal_tokens
from checker.extract.matches import minute_claim
from checker.knowledge.categories import Category
from checker.knowledge.ontology import RANK
from checker.models import Claim, Value
from checker.text.tokens import TokenKind

RANK_UNIT = "rank"
TENS = frozenset(float(t) for t in range(20, 100, 10))


def _rank_at(ctx: SentenceContext, i: int) -> tuple[int, int] | None:
    """(rank, end token) of an ordinal at token i: "16th" or "fourth"."""
    lex = ctx.lex
    tokens = ctx.tokens
    token = tokens[i]
    if token.kind == TokenKind.NUM and token.norm.isdigit() and i + 1 < len(tokens) \
            and tokens[i + 1].norm in lex.ordinal_suffixes and token.end == tokens[i + 1].start:
        return int(token.norm), i + 2
    if token.kind == TokenKind.WORD and token.norm in lex.ordinals:
        rank, end = lex.ordinals[token.norm], i + 1
        # "التاسع عشر" (19th), "الرابع والخمسين" (54th): an ordinal, then ten or the tens
        nxt = lex.number_word(tokens[end].norm) if end < len(tokens) and tokens[end].kind == TokenKind.WORD else None
        if nxt is not None and rank < 10 and (nxt == 10 or nxt in TENS):
            return rank + int(nxt), end + 1
        return rank, end
    return None


def _ranked(ctx: SentenceContext, start: int, end: int) -> int | None:
    """The token of what an ordinal ranks: where adjectives lead their noun, the last
    word of the words after it ("the fourth major EU penalty": penalty); where they
    follow it, the word before the ordinal ("الغرامة الرابعة") or the first after it
    ("ثاني عملية تسريح")."""
    lex = ctx.lex
    # An ordinal with the article follows its noun ("الغرامة الرابعة"); one without leads
    # it ("ثاني عملية تسريح").
    if lex.noun_modifiers == "after" and lex.has_article(ctx.tokens[start].text) and start > 0 \
            and ctx.tokens[start - 1].kind == TokenKind.WORD and not lex.says_nothing(ctx.tokens[start - 1].norm):
        return start - 1
    if lex.noun_modifiers == "after":  # the noun right after it: its first content word
        return next((k for k in range(end, min(end + 3, len(ctx.tokens)))
                     if ctx.tokens[k].kind == TokenKind.WORD and not lex.says_nothing(ctx.tokens[k].norm)
                     and ctx.mention_covering(k) is None), None)
    if end + 1 < len(ctx.tokens) and ctx.tokens[end].norm in lex.range_joins:
        second = _rank_at(ctx, end + 1)
        if second is not None:
            return _ranked(ctx, end + 1, second[1])  # "the 20th and 63rd minutes": one noun for both
    last = None
    k = end
    while k < len(ctx.tokens) and k - end < 4 and ctx.tokens[k].kind == TokenKind.WORD \
            and not lex.says_nothing(ctx.tokens[k].norm) and lex.number_word(ctx.tokens[k].norm) is None:
        if ctx.starting_at(Category.UNIT, k):
            return k  # "the 73rd minute following ...": a unit word is what is ranked
        if ctx.mention_covering(k) is None:
            last = k
        k += 1
    return last


def rank_claims(reading: ArticleReading, ctx: SentenceContext, next_id) -> list[Claim]:
    lex = reading.lex
    # "الساعة الثانية", "حتى الثانية من صباح السبت": an hour, not a rank; "كانون الثاني": a month.
    clock = {k for m in ctx.matches(Category.CLOCK_HOUR)
             if ctx.ending_at(Category.CLOCK_BEFORE, m.start) or ctx.starting_at(Category.DAY_HALF, m.end)
             for k in range(m.start, m.end)}
    clock |= {k for m in ctx.matches(Category.MONTH) for k in range(m.start, m.end)}
    clock |= day_ordinal_tokens(ctx)  # "جلسة الثامن من أفريل": a day of the month, no rank
    claims: list[Claim] = []
    for i in range(len(ctx.tokens)):
        if i in clock:
            continue  # "الساعة الثانية": an hour, not a rank
        found = _rank_at(ctx, i)
        if found is not None and ctx.ending_at(Category.MONTH, i):
            continue  # "July 4th": a day of a month
        cue = ctx.ending_at(Category.RANK_WORD, i)
        if found is None and cue and ctx.tokens[i].kind == TokenKind.NUM and ctx.tokens[i].norm.isdigit():
            found = int(ctx.tokens[i].norm), i + 1  # "في المركز 87"
        if found is None:
            continue
        rank, end = found
        noun = _ranked(ctx, i, end)
        if noun is None and cue:
            noun = cue[0].start  # "Ranked 87th in FIFA's world rankings": the place itself is what is said
        if noun is None:
            continue
        text = reading.article.text
        if any(form in lex.unranked for form in lex.variants(ctx.tokens[noun].norm)):
            continue  # "the second half", "الشوط الثاني": a part's name, not a place in an order
        if any(form in lex.minute_words for form in lex.variants(ctx.tokens[noun].norm)):
            claims.append(minute_claim(reading, ctx, next_id(), min(i, noun), max(end, noun + 1), rank))
            continue  # "the 73rd minute": a minute of play
        units = ctx.starting_at(Category.UNIT, noun)
        ranked = units[0].payload.id if units else lex.stem(ctx.tokens[noun].norm)  # "minute", "minutes": one
        claims.append(new_claim(
            reading, ctx, next_id(), at=(i, end), subject=reading.topic_org or reading.topic,
            participants=[reading.mention_ref(m) for m in ctx.mentions],
            predicate=f"{RANK}:{ranked}", predicate_text=ctx.tokens[noun].text,
            fallback=True, unit_words=(min(noun, i), max(noun + 1, end)),
            value=Value(kind="quantity", text=ctx.text_of(text, min(i, noun), max(end, noun + 1)),
                        low=float(rank), high=float(rank), unit=RANK_UNIT, dimension=RANK, precision=1.0),
        ))
    return claims
