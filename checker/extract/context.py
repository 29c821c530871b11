"""What the extractors share about one sentence and its article.

A SentenceContext answers the questions every extractor asks of a sentence:
which lexicon phrases start or end at a token, which name covers it, whether a
clause ends between two tokens. An ArticleReading holds the sentences of one
article and what they say together: who it is mostly about, the type of a name.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from checker.extract.entities import Gazetteer, Mention, NameCues
from checker.knowledge.categories import Category
from checker.knowledge.language import Language
from checker.knowledge.ontology import ORG, PERSON
from checker.models import LABEL_MARK, Article, EntityRef, Sentence
from checker.text.lines import line_column, line_starts
from checker.text.phrases import Match
from checker.text.tokens import Token, TokenKind, breaks_clause, is_comma


def _by_position(found: list[Match], field_index: int) -> dict[int, list[Match]]:
    """Matches keyed by their start (1) or end (2) token, in annotation order."""
    index: dict[int, list[Match]] = {}
    for match in found:
        index.setdefault(match[field_index], []).append(match)
    return index


@dataclass
class SentenceContext:
    """One sentence: its tokens, its lexicon matches and the names in it."""

    sentence: Sentence
    tokens: list[Token]
    phrases: dict[str, list[Match]]  # category -> the lexicon phrases found, in order
    mentions: list[Mention]
    lex: Language
    cues: NameCues | None = None  # kept so that names can be found again cheaply
    # category → token position → matches starting / ending there, built per
    # category on first use: most categories are never asked by position.
    _starts: dict[str, dict[int, list[Match]]] = field(default_factory=dict, init=False, repr=False)
    _ends: dict[str, dict[int, list[Match]]] = field(default_factory=dict, init=False, repr=False)

    def matches(self, category: str) -> list[Match]:
        return self.phrases.get(category, [])

    def ending_at(self, category: str, end: int) -> list[Match]:
        by_end = self._ends.get(category)
        if by_end is None:
            by_end = self._ends[category] = _by_position(self.phrases.get(category, ()), 2)
        return by_end.get(end, [])

    def starting_at(self, category: str, start: int) -> list[Match]:
        by_start = self._starts.get(category)
        if by_start is None:
            by_start = self._starts[category] = _by_position(self.phrases.get(category, ()), 1)
        return by_start.get(start, [])

    def mention_covering(self, index: int) -> Mention | None:
        return next((m for m in self.mentions if m.start <= index < m.end), None)

    def mention_at(self, start: int) -> Mention | None:
        return next((m for m in self.mentions if m.start == start), None)

    def mention_ending(self, end: int) -> Mention | None:
        return next((m for m in self.mentions if m.end == end), None)

    def is_comma(self, index: int) -> bool:
        return 0 <= index < len(self.tokens) and is_comma(self.tokens[index])

    def breaks_between(self, start: int, end: int) -> bool:
        """A comma or another clause break among tokens[start:end]."""
        return any(breaks_clause(token) for token in self.tokens[max(0, start):end])

    def clause_context(self, start: int, end: int, skip: tuple[int, int] | None = None) -> tuple[list[str], list[str]]:
        """What stands around tokens[start:end] in its clause, within the `context` window:
        the stems of its content words (no function words, nothing in `skip`), the numbers
        that label a thing rather than count it ("بنزين 92", "runway 23"), and the keys of
        the names in it."""
        window = self.lex.windows.context
        words: list[str] = []
        names: list[str] = []
        for step, first in ((-1, start - 1), (1, end)):
            k = first
            while 0 <= k < len(self.tokens) and abs(k - (start if step < 0 else end - 1)) <= window:
                token = self.tokens[k]
                if breaks_clause(token):
                    break
                mention = self.mention_covering(k)
                if skip is not None and skip[0] <= k < skip[1]:
                    pass  # the unit's own words: every figure of that unit has them
                elif mention is not None:
                    if mention.key not in names:
                        names.append(mention.key)
                elif token.kind == TokenKind.WORD and not self.lex.says_nothing(token.norm):
                    words.extend(sorted(self.lex.word_stems(token.norm)))  # a set: in a fixed order
                elif self.is_label(k):
                    words.append(LABEL_MARK + token.norm)
                k += step
        return words, names

    def is_label(self, k: int) -> bool:
        """A number that names a thing rather than counts it: right after a content word
        that is no trigger, with no unit after it ("بنزين 92", "Flight 171", "seat 11";
        not "killed 16", "claimed 241 of the 242")."""
        tokens = self.tokens
        return (tokens[k].kind == TokenKind.NUM and k > 0 and tokens[k - 1].kind == TokenKind.WORD
                and not self.lex.says_nothing(tokens[k - 1].norm) and not self.ending_at(Category.TRIGGER, k)
                and not self.starting_at(Category.UNIT, k + 1) and not self.starting_at(Category.OUT_OF, k + 1))

    def new_clause_between(self, start: int, end: int) -> bool:
        """A clause break or a word opening another clause ("after", "بعدما") among tokens[start:end]."""
        return any(breaks_clause(self.tokens[k]) or self.starting_at(Category.CLAUSE_OPENERS, k)
                   for k in range(max(0, start), end))

    def text_of(self, article_text: str, start: int, end: int) -> str:
        if start >= end:
            return ""
        return article_text[self.tokens[start].start:self.tokens[end - 1].end]


@dataclass
class ArticleReading:
    """An article read once: its sentences, and who it is mostly about."""

    article: Article
    lex: Language
    sentences: list[SentenceContext] = field(default_factory=list)
    display: dict[str, str] = field(default_factory=dict)
    types: dict[str, str | None] = field(default_factory=dict)
    topic_org: EntityRef | None = None
    topic: EntityRef | None = None
    gazetteer: Gazetteer | None = None
    furniture: set[int] = field(default_factory=set)  # indexes of the page-furniture lines
    lines: list[int] = field(default_factory=list)  # where each line of the text starts, once a claim asks
    # What reading left out and must say ("file:line:col: a figure too large to compare"), once each.
    problems: list[str] = field(default_factory=list)

    def position(self, offset: int) -> tuple[int, int]:
        """The 1-based line and column of a place in the article's text."""
        if not self.lines:
            self.lines = line_starts(self.article.text)
        return line_column(self.lines, offset)

    def left_out(self, offset: int, why: str) -> None:
        """Say that what is written at `offset` is not checked, and why (once)."""
        line, column = self.position(offset)
        message = f"{self.article.path}:{line + self.article.text_line}:{column}: {why}"
        if message not in self.problems:
            self.problems.append(message)

    def finish(self) -> None:
        """Count mentions to find the organisation the article is about."""
        counts: Counter[str] = Counter()
        org_counts: Counter[str] = Counter()
        for ctx in self.sentences:
            for mention in ctx.mentions:
                counts[mention.key] += 1
                self.display.setdefault(mention.key, mention.text)
                if mention.type:
                    self.types[mention.key] = mention.type
                if mention.type == ORG:
                    org_counts[mention.key] += 1
        if org_counts:
            key = org_counts.most_common(1)[0][0]
            self.topic_org = self.ref(key)
        if counts:
            self.topic = self.ref(counts.most_common(1)[0][0])

    def ref(self, key: str, text: str | None = None) -> EntityRef:
        return EntityRef(id=key, text=text or self.display.get(key, key), type=self.types.get(key),
                         lexicon=key in self.lex.entities)

    def type_of(self, mention: Mention) -> str | None:
        """A name's type where this mention of it, or another in the article, gives one."""
        return mention.type or self.types.get(mention.key)

    def mention_ref(self, mention: Mention) -> EntityRef:
        return EntityRef(id=mention.key, text=mention.text, type=self.type_of(mention),
                         lexicon=mention.lexicon_id is not None)

    def last_person_before(self, sentence_index: int, token_index: int) -> Mention | None:
        """The person named last before a point: what "عمره" (his age) refers to."""
        for ctx in reversed(self.sentences[:sentence_index + 1]):
            for mention in reversed(ctx.mentions):
                if ctx.sentence.index == sentence_index and mention.start >= token_index:
                    continue
                if self.type_of(mention) == PERSON:
                    return mention
        return None
