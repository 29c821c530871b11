"""A figure's frame, read from its sentence's structure: whose, what, which, from where, when.

Two figures are one quantity only if what they are figures *of* agrees. The
shapes read here are general ones of news sentences, each cued by words of
the language's frames.yaml:

- owner: the name a figure belongs to: the subject of the words that lead to
  it ("the Greens secured 9.4%", "حصل تبون على 84%"), a list or table row
  ("Liberal Party: 168 seats"), a name after it ("169 seats for the
  Liberals"), names and figures in order with "respectively" ("على التوالي"),
  or the construct state after a measure noun ("عدد ركاب العبارة"); for a
  figure set beside its person (an age), the person the extractor found;
- property: what it measures, where a measure noun or "of" says it ("نسبة
  المشاركة", "43.7% of the vote");
- qualifiers: values of the closed axes of common/frames.yaml near the figure
  ("suspected", "per win", "first instance", "preliminary", "needed");
- reference: the point a distance is measured from ("14 miles west of X");
- time: a year the figure's clause gives it ("in the 2021 election"), or a
  mark of another time than now ("last year", "السابقة").

A slot the sentence does not fill stays None: an unknown slot neither rules
a pair out nor counts for it.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass

from checker.extract.context import ArticleReading, SentenceContext
from checker.extract.entities import Mention
from checker.knowledge.categories import Category
from checker.knowledge.ontology import ORG, PERSON
from checker.models import PHRASE, Claim, Frame
from checker.text.phrases import Match
from checker.text.tokens import Token, TokenKind, breaks_clause

LENGTH = "length"  # the dimension of distances
# A year a clause may date a figure by (a four-digit number in this span).
YEARS = range(1900, 2101)
# The most tokens between two figures of one list ("22 and 7", "12.1%, 7.9% and 3%").
JOIN_GAP = 2


@dataclass(frozen=True)
class Figure:
    """Where a claim's value is written: tokens[start:end], its number at tokens[number]."""

    claim: Claim
    start: int
    end: int
    number: int


def figures_of(ctx: SentenceContext, claims: Iterable[Claim]) -> list[Figure]:
    """The token span of each claim's value in the sentence."""
    starts = [t.start for t in ctx.tokens]
    ends = [t.end for t in ctx.tokens]
    out = []
    for claim in claims:
        if claim.value_span is None:
            continue
        first = bisect_left(starts, claim.value_span[0])
        last = max(first + 1, bisect_right(ends, claim.value_span[1]))
        number = next((k for k in range(first, last) if ctx.tokens[k].kind == TokenKind.NUM), first)
        out.append(Figure(claim, first, min(last, len(ctx.tokens)), number))
    return out


def _year(token: Token) -> int | None:
    if token.kind == TokenKind.NUM and len(token.norm) == 4 and token.norm.isdigit() and int(token.norm) in YEARS:
        return int(token.norm)
    return None


class FrameReader:
    """Reads the frames of one sentence's figures."""

    def __init__(self, reading: ArticleReading, ctx: SentenceContext, figures: list[Figure]) -> None:
        self.reading = reading
        self.ctx = ctx
        self.tokens = ctx.tokens
        self.windows = ctx.lex.windows
        self.figures = figures
        self.spans = [(f.start, f.end) for f in figures]

    # What lies between two places of the sentence.

    def _clear(self, start: int, end: int, figure: Figure | None = None) -> bool:
        """No clause break and no other figure among tokens[start:end]."""
        if self.ctx.breaks_between(start, end):
            return False
        return not any(s < end and start < e and (figure is None or (s, e) != (figure.start, figure.end))
                       for s, e in self.spans)

    def _near(self, match: Match, figure: Figure, window: int) -> bool:
        if match.end <= figure.start:
            return figure.start - match.end <= window and self._clear(match.end, figure.start)
        if match.start >= figure.end:
            return match.start - figure.end <= window and self._clear(figure.end, match.start)
        return False

    def _content_word(self, position: int) -> tuple[int, str] | None:
        """The noun at or after `position` (function words skipped), with its stem: where a
        language puts adjectives first, the last of the words that follow ("the popular vote")."""
        lex = self.ctx.lex
        found = None
        for k in range(position, min(position + 4, len(self.tokens))):
            token = self.tokens[k]
            if breaks_clause(token) or token.kind != TokenKind.WORD or lex.says_nothing(token.norm):
                if found is not None or breaks_clause(token) or token.kind == TokenKind.NUM:
                    break
                continue
            found = (k, lex.stem(token.norm))
            if lex.noun_modifiers != "before":
                break
        return found

    # The slots.

    def _distance(self, match: Match, figure: Figure) -> int:
        if match.end <= figure.start:
            return figure.start - match.end
        if match.start >= figure.end:
            return match.start - figure.end
        return 0  # inside the figure's words: "68 suspected cases"

    def qualifiers(self, figure: Figure) -> list[str]:
        """The qualifiers near the figure and nearer it than any other figure: in "20 حالة مؤكدة
        و68 حالة مشتبه بها" the first word is the 20's; a unit's own words ("per cent") are none."""
        window = self.windows.frame_qualifier
        # A unit that opens with a qualifier's word is no qualifier: "per cent".
        unit_starts = {m.start for m in self.ctx.matches(Category.UNIT)}
        found = set()
        for match in self.ctx.matches(Category.FRAME_QUALIFIER):
            if match.start in unit_starts:
                continue
            if match.payload.split(":")[0] in self.ctx.lex.sentence_axes:
                found.add(match.payload)  # "a poll showed X won 89%": every figure of the sentence
                continue
            distance = self._distance(match, figure)
            inside = distance == 0 and figure.start <= match.start and match.end <= figure.end
            if not inside and not self._near(match, figure, window):
                continue
            if all(distance <= self._distance(match, other) for other in self.figures if other is not figure):
                found.add(match.payload)
        return sorted(found)

    def _owner_mention(self, mention: Mention) -> bool:
        """A name a figure can belong to: a person, an organisation, or a name of no known type."""
        return self.reading.type_of(mention) in (None, PERSON, ORG)

    def owner_before(self, figure: Figure) -> Mention | None:
        """"The Greens secured 9.4%", "Tebboune won a second term with 84.3%", "Liberal Party: 168 seats"."""
        window = self.windows.frame_owner
        links = [m for m in self.ctx.ending_at(Category.FRAME_OWNER_BEFORE, figure.start)]
        for mention in reversed(self.ctx.mentions):
            if mention.end > figure.start or not self._owner_mention(mention):
                continue
            gap = figure.start - mention.end
            if gap > window or not self._clear(mention.end, figure.start):
                return None
            if gap == 0 or any(link.start >= mention.end for link in links):
                others = [m for m in self.ctx.mentions if mention.end <= m.start < figure.start]
                return None if others else mention
            return None
        return None

    def word_before_link(self, figure: Figure) -> tuple[str, str] | None:
        """A name the lexicon and the cues did not find, as its word: "حصل تبون على 84%". Only in a
        script without capitals: where names are capitalised, one that was not found is no name."""
        if self.ctx.lex.has_case:
            return None
        for link in self.ctx.ending_at(Category.FRAME_OWNER_BEFORE, figure.start):
            if len(self.ctx.text_of(self.reading.article.text, link.start, link.end)) < 2:
                continue  # "بـ38": a preposition written onto the figure leads from any verb
            k = link.start - 1
            if k < 0 or self.ctx.mention_covering(k) is not None:
                continue
            token = self.tokens[k]
            if token.kind != TokenKind.WORD or self.ctx.lex.says_nothing(token.norm) or self.ctx.ending_at(Category.TRIGGER, k + 1) \
                    or self.ctx.ending_at(Category.UNIT, k + 1) or self.ctx.ending_at(Category.FRAME_QUALIFIER, k + 1):
                continue
            return f"{PHRASE}:{self.ctx.lex.stem(token.norm)}", token.text
        return None

    def owner_after(self, figure: Figure) -> Mention | None:
        """"169 seats for the Liberals", "40 مقعدا لحزب ..."."""
        for link in self.ctx.starting_at(Category.FRAME_OWNER_AFTER, figure.end):
            for mention in self.ctx.mentions:
                if link.end <= mention.start <= link.end + 1 and self._owner_mention(mention):
                    return mention
        mention = self.ctx.mention_at(figure.end)
        if mention is not None and self._owner_mention(mention):
            first = self.tokens[mention.start].norm
            lex = self.ctx.lex
            if any(first.startswith(p) and first[len(p):] and p in lex.attached_prepositions
                   for p in lex.prefixes):
                return mention  # the preposition is written onto the name: "لحزب"
        return None

    def respectively(self) -> dict[int, Mention]:
        """"X and Y won 12.1% and 7.9%, respectively": figure index -> its name, in order. The
        figures are the run joined by "and" or commas right before the mark; the names, as many,
        the last ones before the run."""
        marks = self.ctx.matches(Category.FRAME_RESPECTIVELY)
        if not marks:
            return {}
        before = [n for n, f in enumerate(self.figures) if f.end <= marks[0].start]
        if not before:
            return {}
        listed = [before[-1]]
        for n in reversed(before[:-1]):
            gap = self.tokens[self.figures[n].end:self.figures[listed[0]].start]
            if len(gap) > JOIN_GAP or any(t.kind == TokenKind.NUM for t in gap):
                break
            listed.insert(0, n)
        if len(listed) < 2:
            return {}
        first = self.figures[listed[0]].start
        names = [m for m in self.ctx.mentions if m.end <= first and self._owner_mention(m)]
        if len(names) < len(listed):
            return {}
        return dict(zip(listed, names[-len(listed):]))

    def measured(self, figure: Figure) -> tuple[tuple[int, str] | None, tuple[str, str] | None]:
        """What a measure noun before the figure says it measures ("عدد ركاب العبارة": ركاب), and the
        name in construct after it (العبارة), if any."""
        window = self.windows.frame_measure
        for match in reversed(self.ctx.matches(Category.FRAME_MEASURES)):
            if match.end > figure.start or figure.start - match.end > window \
                    or not self._clear(match.end, figure.start):
                continue
            word = self._content_word(match.end)
            if word is None:
                return None, None
            mention = self.ctx.mention_covering(word[0])
            if mention is not None:
                return None, (mention.key, mention.text) if self._owner_mention(mention) else None
            return word, self._construct_owner(word[0] + 1)
        return None, None

    def _construct_owner(self, k: int) -> tuple[str, str] | None:
        """The noun a measured noun is annexed to, right after it: "ركاب العبارة" (the ferry's
        passengers), a name or a word; a preposition there ("في", "of") ends the construct."""
        if k >= len(self.tokens) or self.tokens[k].kind != TokenKind.WORD:
            return None
        mention = self.ctx.mention_at(k)
        if mention is not None:
            return (mention.key, mention.text) if self._owner_mention(mention) else None
        token = self.tokens[k]
        if self.ctx.lex.says_nothing(token.norm) or self.ctx.starting_at(Category.FRAME_OF, k) \
                or self.ctx.starting_at(Category.TRIGGER, k):
            return None
        return f"{PHRASE}:{self.ctx.lex.stem(token.norm)}", token.text

    def of_what(self, figure: Figure) -> tuple[int, str] | None:
        """"43.7% of the vote", "46% من الأصوات": what the figure is a share or an amount of."""
        for link in self.ctx.starting_at(Category.FRAME_OF, figure.end):
            if any(t.kind == TokenKind.NUM for t in self.tokens[link.end:link.end + 2]):
                return None  # "241 of the 242": a part of a whole figure
            word = self._content_word(link.end)
            if word is not None and self.ctx.mention_covering(word[0]) is None:
                return word
        return None

    def reference(self, figure: Figure) -> tuple[str, str] | None:
        """"14 miles west of the capital": the point a distance is measured from (key, words)."""
        if figure.claim.value.dimension != LENGTH:
            return None
        window = self.windows.frame_reference
        for match in self.ctx.matches(Category.FRAME_REFERENCES):
            if not (figure.end <= match.start <= figure.end + window) or not self._clear(figure.end, match.start):
                continue
            mention = next((m for m in self.ctx.mentions if match.end <= m.start <= match.end + 1), None)
            if mention is not None:
                return mention.key, mention.text
            word = self._content_word(match.end)
            if word is not None:
                return f"{PHRASE}:{word[1]}", self.tokens[word[0]].text
        return None

    def time(self, figure: Figure) -> tuple[str, str] | None:
        """The year its clause dates the figure by (the nearest a time cue or a month names), or a
        mark of another time than now ("past")."""
        start, end = self._clause(figure)
        cues = self.windows.frame_time
        cue_ends = {m.end for category in (Category.FRAME_TIME_CUES, Category.MONTH) for m in self.ctx.matches(category)}
        years = []
        for k in range(start, end):
            year = _year(self.tokens[k])
            if year is None or figure.start <= k < figure.end:
                continue
            distance = min(abs(k - figure.start), abs(k - figure.end))
            # A year a cue names ("in 2021", "عام 2019"), or one right by the figure ("the 1958 record of 79.4%").
            if any(k - cues <= e <= k for e in cue_ends) or distance <= self.windows.frame_qualifier:
                years.append((distance, k, year))
        if years:
            _, k, year = min(years)
            return str(year), self.tokens[k].text
        for match in self.ctx.matches(Category.FRAME_PAST):
            if start <= match.start and match.end <= end:
                return "past", self.ctx.text_of(self.reading.article.text, match.start, match.end)
        return None

    def _clause(self, figure: Figure) -> tuple[int, int]:
        """The tokens of the figure's clause: from the last clause break before it to the next after it."""
        start = figure.start
        while start > 0 and not breaks_clause(self.tokens[start - 1]):
            start -= 1
        end = figure.end
        while end < len(self.tokens) and not breaks_clause(self.tokens[end]):
            end += 1
        return start, end

    def frame(self, n: int, by_order: dict[int, Mention]) -> Frame:
        figure = self.figures[n]
        claim = figure.claim
        text = self.reading.article.text
        measured, construct = self.measured(figure)
        of = self.of_what(figure) if measured is None else None
        prop = measured or of
        mention = by_order.get(n) or self.owner_before(figure) or self.owner_after(figure)
        owner = (mention.key, mention.text) if mention is not None else \
            construct or self.word_before_link(figure) or self._described_owner(claim)
        owner_key, owner_text = owner
        reference = self.reference(figure)
        time = self.time(figure)
        return Frame(
            owner=owner_key, owner_text=owner_text,
            property=prop[1] if prop else None,
            property_text=self.tokens[prop[0]].text if prop else None,
            qualifiers=self.qualifiers(figure),
            reference=reference[0] if reference else None, reference_text=reference[1] if reference else None,
            time=time[0] if time else None, time_text=time[1] if time else None,
        ) if text else Frame()

    def _described_owner(self, claim: Claim) -> tuple[str | None, str | None]:
        """A figure set beside its person (an age): the person the extractor found for it."""
        definition = self.ctx.lex.predicates.get(claim.predicate)
        if definition is not None and definition.appositive and claim.subject.id:
            return claim.subject.id, claim.subject.text
        return None, None


def with_frames(reading: ArticleReading, ctx: SentenceContext, claims: list[Claim]) -> list[Claim]:
    """The sentence's quantity claims, each with its frame."""
    figures = figures_of(ctx, claims)
    if not figures:
        return claims
    reader = FrameReader(reading, ctx, figures)
    by_order = reader.respectively()
    framed = {f.claim.id: reader.frame(n, by_order) for n, f in enumerate(figures)}
    return [c.model_copy(update={"frame": framed[c.id]}) if c.id in framed else c for c in claims]
