"""Find the people and organisations a sentence names.

Three sources, strongest first: the entity lexicon; names the article itself
introduced earlier (a gazetteer built as we read, so "حداد" alone finds
"ليلى حداد"); and cues for names in no lexicon: a run of Latin words, a
short name in «» or “”, a name after a title ("الرئيس التنفيذي X") or an
organisation word ("شركة X"), a name in apposition ("X، الرئيس التنفيذي"),
and a name after a verb of saying ("قال X"). Arabic has no capitals, so a
name is a run of one to three words that are not stopwords and do not start
with the definite article (later words may: "أحمد الدهل").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache

from checker.knowledge.categories import Category
from checker.knowledge.language import Language
from checker.knowledge.ontology import ORG, PERSON
from checker.text.normalize import fold
from checker.text.phrases import Match
from checker.text.script import script_data
from checker.text.tokens import Token, TokenKind, is_comma

# A mention at tokens[start:end]: (start, end, key, type, lexicon id).
NameSpan = tuple[int, int, str, "str | None", "str | None"]
# Records a proposed mention; the first to claim a token keeps it.
TakeName = Callable[[int, int, str, "str | None", "str | None"], None]
_OPEN_QUOTES = {"«": "»", "“": "”", '"': '"'}
_OPEN_QUOTE_RE = re.compile("[" + "".join(_OPEN_QUOTES) + "]")


@cache
def _latin_capital() -> re.Pattern[str]:
    """A capital of the letters a Latin token is made of (tokens.py): "É" and "Ø" as well
    as "E", so that "Émile Ørsted" is found as "Emile Orsted" is."""
    return script_data().capital("latin")


@dataclass(slots=True)
class Mention:
    """A named entity at tokens[start:end] of one sentence."""

    start: int
    end: int
    text: str
    key: str
    type: str | None = None
    lexicon_id: str | None = None


@dataclass
class Gazetteer:
    """Names one article has introduced, for finding their later mentions."""

    by_first: dict[str, list[tuple[tuple[str, ...], str, str | None]]] = field(default_factory=dict)
    display: dict[str, str] = field(default_factory=dict)

    # Every name added, to ignore repeats in constant time (the first key stays).
    _names: set[tuple[str, ...]] = field(default_factory=set, repr=False)

    def add(self, norms: tuple[str, ...], key: str, type_: str | None, text: str) -> None:
        if norms not in self._names:
            self._names.add(norms)
            entries = self.by_first.setdefault(norms[0], [])
            entries.append((norms, key, type_))
            if len(entries) > 1 and len(entries[-2][0]) < len(norms):
                entries.sort(key=lambda e: -len(e[0]))  # longest first
        self.display.setdefault(key, text)

    def only(self, firsts: Iterable[str]) -> Gazetteer:
        """The names that start with one of these words: all of a story's names that
        an article can use, found by its words rather than by going through every name."""
        by_first = {first: list(self.by_first[first]) for first in firsts if first in self.by_first}
        names = {norms for entries in by_first.values() for norms, _, _ in entries}
        keys = {key for entries in by_first.values() for _, key, _ in entries}
        return Gazetteer(by_first, {k: v for k, v in self.display.items() if k in keys}, names)

    def copy(self) -> Gazetteer:
        """An independent copy: each article adds its own names to the story's."""
        return Gazetteer({first: list(entries) for first, entries in self.by_first.items()},
                         dict(self.display), set(self._names))


@dataclass(slots=True)
class NameCues:
    """What a sentence's own words say about names, in claiming order.

    None of it depends on the article's gazetteer, so when names are found again
    with more known names (see find_known_names) only the gazetteer is read again.
    """

    lexicon: list[NameSpan]  # lexicon entities: claimed before the gazetteer
    cues: list[NameSpan]  # titles, cue words, quotes, Latin runs: claimed after it


def add_name(gazetteer: Gazetteer, lex: Language, norms: tuple[str, ...], key: str, type_: str | None,
             text: str) -> None:
    """Add a name to a gazetteer with its short form: a person's last word, and
    the first word of a Latin name that is no person's ("Harbor" for "Harbor
    Foods": outlets shorten company names that way)."""
    gazetteer.add(norms, key, type_, text)
    if len(norms) < 2:
        return
    if type_ == PERSON:
        short = norms[-1:]
    elif norms[0][:1].islower() and len(norms[0]) >= lex.windows.short_form:  # a word of a script with case (folded)
        short = norms[:1]
    else:
        return
    if len(short[0]) >= 3 and not lex.is_stopword(short[0]):
        gazetteer.add(short, key, type_, text)


def name_key(text: str) -> str:
    """The key of a name in no lexicon: its folded form."""
    return " ".join(fold(text).split())


def _outermost(matches: list[Match]) -> list[Match]:
    """Drop matches inside a longer one: "رئيس تحرير" is one title, not "رئيس" + a name.

    One sweep in order of start (longest first): a match ending inside the
    furthest-reaching span seen so far lies within it.
    """
    kept: list[Match] = []
    cover = (-1, -1)
    for match in sorted(matches, key=lambda m: (m.start, -m.end)):
        if match.end <= cover[1] and (match.start, match.end) != cover:
            continue
        if match.end > cover[1]:
            cover = (match.start, match.end)
        kept.append(match)
    return kept


class EntityFinder:
    """Finds mentions sentence by sentence, remembering the article's names."""

    def __init__(self, lex: Language, text: str, known: Gazetteer | None = None) -> None:
        self.lex = lex
        self.text = text
        self.gazetteer = known.copy() if known is not None else Gazetteer()
        self._inside_cache: dict[str, bool] = {}

    def find(self, tokens: list[Token], phrases: dict[str, list[Match]], cues: NameCues | None = None) -> list[Mention]:
        """The sentence's mentions; `cues` are this sentence's, if already read."""
        if cues is None:
            cues = self.cues(tokens, phrases)
        taken = [False] * len(tokens)
        mentions: list[Mention] = []

        def claim(start: int, end: int, key: str, type_: str | None, lexicon_id: str | None) -> None:
            if start >= end or any(taken[start:end]):
                return
            for k in range(start, end):
                taken[k] = True
            text = self.text[tokens[start].start:tokens[end - 1].end]
            bare = self._without_clitic(tokens[start])
            if bare is not None:
                # "لجوجل", "بالحكومة": the name is what follows the clitic.
                text = bare + self.text[tokens[start].end:tokens[end - 1].end]
                if lexicon_id is None and key == name_key(self.text[tokens[start].start:tokens[end - 1].end]):
                    key = name_key(text)
            mentions.append(Mention(start, end, text, key, type_, lexicon_id))

        for proposal in cues.lexicon:
            claim(*proposal)
        self._from_gazetteer(tokens, claim)
        for proposal in cues.cues:
            claim(*proposal)
        mentions.sort(key=lambda m: m.start)
        for mention in mentions:
            self._remember(tokens, mention)
        return mentions

    def cues(self, tokens: list[Token], phrases: dict[str, list[Match]]) -> NameCues:
        """Every name the lexicon and the cue rules propose, strongest first."""
        lexicon: list[NameSpan] = []
        for match in phrases.get(Category.ENTITY, []):
            entity = self.lex.entities[match.payload]
            lexicon.append((match.start, match.end, entity.id, entity.type, entity.id))
        proposals: list[NameSpan] = []

        def propose(start: int, end: int, key: str, type_: str | None, lexicon_id: str | None) -> None:
            proposals.append((start, end, key, type_, lexicon_id))

        titles = _outermost([*phrases.get(Category.PERSON_TITLES, []), *phrases.get(Category.ROLE_TITLE, [])])
        title_starts = {m.start for m in titles}
        known_orgs = {m.start: m.end for m in phrases.get(Category.ENTITY, [])}
        for match in titles:
            self._after_title(tokens, match, propose, known_orgs)
            self._before_title(tokens, match, propose)
        for match in phrases.get(Category.ORG_CUES, []):
            self._after_org_cue(tokens, match.end, propose)
        for match in phrases.get(Category.PARTY_CUES, []):
            self._party(tokens, match, propose)
        for match in phrases.get(Category.SPEECH_VERBS, []):
            if match.end not in title_starts:  # "قال وزير X": the title rule finds X
                span = self._name_span(tokens, match.end)
                if span:
                    propose(*span, self._key(tokens, *span), None, None)
        # "بقيادة X", "led by X", "عُيّن X", "خلفًا لـ X": a person follows.
        for match in [*phrases.get(Category.ROLE_LED_BY, []), *phrases.get(Category.ROLE_APPOINTED, []), *phrases.get(Category.ROLE_REPLACING, [])]:
            if match.end not in title_starts:
                start = match.end
                if start < len(tokens) and tokens[start].norm in self.lex.prefixes:
                    start += 1  # a clitic written apart: "لـ X"
                span = self._name_span(tokens, start)
                if span:
                    propose(*span, self._key(tokens, *span), PERSON, None)
        self._before_age(tokens, phrases, propose)
        if tokens:
            # Most sentences have no quotes, and Arabic ones no capitals: a
            # search of the sentence's text (in C) spares a walk over its tokens.
            start, end = tokens[0].start, tokens[-1].end
            if _OPEN_QUOTE_RE.search(self.text, start, end):
                self._quoted_names(tokens, propose)
            if _latin_capital().search(self.text, start, end):
                self._latin_runs(tokens, propose)
        return NameCues(lexicon, proposals)

    # -- sources of names ---------------------------------------------------

    def _from_gazetteer(self, tokens: list[Token], claim: TakeName) -> None:
        firsts = self.gazetteer.by_first.keys()
        if not firsts:
            return
        variants = self.lex.variants
        # The common case: no known name starts with a word (one pass in a comprehension).
        starts = [i for i, token in enumerate(tokens) if not firsts.isdisjoint(variants(token.norm))]
        end = 0
        for i in starts:
            if i < end:
                continue  # inside the name found last
            hit = self._gazetteer_hit(tokens, i, variants(tokens[i].norm))
            if hit:
                end, key, type_ = hit
                claim(i, end, key, type_, key if key in self.lex.entities else None)

    def _gazetteer_hit(self, tokens: list[Token], i: int,
                       forms: tuple[str, ...]) -> tuple[int, str, str | None] | None:
        """The longest known name starting at token i: (end, key, type)."""
        for form in forms:
            for norms, key, type_ in self.gazetteer.by_first.get(form, ()):
                end = i + len(norms)
                if end <= len(tokens) and all(tokens[i + k].norm == norms[k] for k in range(1, len(norms))):
                    if end == i + 1 and tokens[i].latin and not tokens[i].text[:1].isupper():
                        continue  # "harbor" in lower case is no name, even if "Harbor" is
                    return end, key, type_
        return None

    def _after_title(self, tokens: list[Token], title: Match, claim: TakeName,
                     known_orgs: dict[int, int]) -> None:
        """"الباحث سامر نجم", "رئيس قسم الأبحاث الجديد كريم داود",
        "الرئيس التنفيذي لـ«نوفاتيك» أسامة الزهيري", "المدير التقني في X، سامر نجم",
        "chief executive, Layla Haddad"."""
        j = title.end
        limit = min(len(tokens), j + self.lex.windows.title_to_name)
        after_complement = False
        after_org = False  # "الرئيس التنفيذي لشركة Orbis": a name must follow at once
        while j < limit:
            token = tokens[j]
            if after_complement and j in known_orgs:
                j, after_org = known_orgs[j], True
                continue
            if is_comma(token):
                if title.start > 0 and is_comma(tokens[title.start - 1]):
                    return  # "X، الرئيس التنفيذي لشركة Y، أطلق ...": the name came first
                # "..., Layla Haddad", "...، ليلى حداد": one Arabic word after the
                # comma is more often a verb ("لتصبح") than a name.
                span = self._name_span(tokens, j + 1)
                if span and (tokens[span[0]].latin or span[1] - span[0] >= 2 or self._recurs(tokens, *span)):
                    claim(*span, self._key(tokens, *span), PERSON, None)
                return
            closer = _OPEN_QUOTES.get(token.text)
            if closer:
                j = next((k for k in range(j + 1, limit) if tokens[k].text == closer), limit) + 1
                after_complement = True
                continue
            if token.kind != TokenKind.WORD:
                return
            if token.latin and after_complement:
                after_org = True
                j += 1
                continue
            if after_org and not token.latin:
                # Right after the organisation: a full name, not "مطورة ChatGPT".
                span = self._name_span(tokens, j)
                if span and span[1] - span[0] >= 2:
                    claim(*span, self._key(tokens, *span), PERSON, None)
                return
            if token.norm in self.lex.prefixes or self._is_complement(token) or self.lex.is_stopword(token.norm):
                after_complement = True
                j += 1
                continue
            span = self._name_span(tokens, j)
            if span:
                claim(*span, self._key(tokens, *span), PERSON, None)
            return

    def _before_title(self, tokens: list[Token], title: Match, claim: TakeName) -> None:
        """"أسامة الزهيري، الرئيس التنفيذي": a name in apposition before a title."""
        comma = title.start - 1
        if comma < 1 or not is_comma(tokens[comma]):
            return
        start = comma
        while start > 0 and comma - start < 2 and self._name_like(tokens[start - 1], first=False):
            start -= 1
        while start < comma and self.lex.has_article(tokens[start].text):
            start += 1
        if start < comma:
            claim(start, comma, self._key(tokens, start, comma), PERSON, None)

    def _before_age(self, tokens: list[Token], phrases: dict[str, list[Match]], claim: TakeName) -> None:
        """"ليلى حداد، البالغة من العمر 43 عامًا", "X، 31 عامًا،": a person before an age."""
        appositive = self.lex.ontology.appositive_predicates()
        age_starts = {m.start for m in phrases.get(Category.TRIGGER, []) if any(p.id == m.payload for p in appositive)}
        year_units = {m.start for m in phrases.get(Category.UNIT, []) if any(p.accepts(m.payload) for p in appositive)}
        if not age_starts and not year_units:
            return  # no age in the sentence
        for k, token in enumerate(tokens[:-1]):
            if not is_comma(token):
                continue
            nxt = k + 1
            if nxt in age_starts or (tokens[nxt].kind == TokenKind.NUM and nxt + 1 in year_units):
                start = k
                while start > 0 and k - start < 2 and self._name_like(tokens[start - 1], first=False) \
                        and not self._starts_new_phrase(tokens[start - 1]):
                    start -= 1
                while start < k and self.lex.has_article(tokens[start].text):
                    start += 1
                if start < k:
                    claim(start, k, self._key(tokens, start, k), PERSON, None)

    def _after_org_cue(self, tokens: list[Token], j: int, claim: TakeName) -> None:
        """"شركة نوفاتك", "شركة التقنية الناشئة Orbis Labs"."""
        skipped = 0
        closer = _OPEN_QUOTES.get(tokens[j].text) if j < len(tokens) else None
        if closer:
            # "شركة «مرافئ الخليج»": the quotes mark the whole name, however common its words.
            end = next((k for k in range(j + 1, min(len(tokens), j + 2 + self.lex.windows.name))
                        if tokens[k].text == closer), None)
            inner = tokens[j + 1:end] if end is not None else []
            # ... but not a quotation: 'the company "wishes them well"' («الأفق» may keep its article).
            first_ok = bool(inner) and (inner[0].text[:1].isupper() if inner[0].latin
                                        else not self.lex.is_stopword(inner[0].norm))
            if first_ok and all(t.kind == TokenKind.WORD for t in inner):
                claim(j + 1, end, self._key(tokens, j + 1, end), ORG, None)
                return
        while j < len(tokens) and tokens[j].norm in _OPEN_QUOTES:
            j += 1
        while j < len(tokens) and skipped < 4 and self._is_complement(tokens[j]):
            j += 1
            skipped += 1
        span = self._name_span(tokens, j, latin_only=skipped > 0)
        if span and (tokens[span[0]].latin or self._recurs(tokens, *span)):
            claim(*span, self._key(tokens, *span), ORG, None)

    def _party(self, tokens: list[Token], cue: Match, claim: TakeName) -> None:
        """"حزب العدالة", "الحزب الوطني", "حركة التجديد": a party's name is words
        that may carry the article, so the cue stays in it ("الحزب الوطني")
        or comes just before it ("حزب العدالة")."""
        start = cue.start if self.lex.has_article(tokens[cue.start].text) else cue.end
        end = cue.end
        while end < len(tokens) and end - cue.end < self.lex.windows.name - 1 and tokens[end].kind == TokenKind.WORD \
                and not tokens[end].latin and not self.lex.is_stopword(tokens[end].norm) \
                and not self._starts_new_phrase(tokens[end]) and self.lex.has_article(tokens[end].text):
            end += 1
        if end > cue.end:
            claim(start, end, self._key(tokens, start, end), ORG, None)

    def _quoted_names(self, tokens: list[Token], claim: TakeName) -> None:
        """«نوفاتيك», “أوريون”: a short quoted run that reads as a name."""
        for i in [i for i, token in enumerate(tokens) if token.text in _OPEN_QUOTES]:
            closer = _OPEN_QUOTES[tokens[i].text]
            for end in range(i + 2, min(len(tokens), i + 2 + self.lex.windows.name)):
                if tokens[end].text == closer:
                    inner = tokens[i + 1:end]
                    if all(t.kind == TokenKind.WORD for t in inner) and self._name_like(inner[0], first=True) \
                            and all(self._name_like(t, first=False) for t in inner[1:]) \
                            and (inner[0].latin or self._recurs(tokens, i + 1, end)):
                        claim(i + 1, end, self._key(tokens, i + 1, end), ORG, None)
                    break

    def _latin_runs(self, tokens: list[Token], claim: TakeName) -> None:
        """Runs of capitalised Latin words: "Orbis Labs", "Layla Haddad"."""
        end = 0
        # Only a capitalised Latin word can start a run; most sentences have none.
        for i in [i for i, token in enumerate(tokens) if token.latin and token.text[:1].isupper()]:
            if i < end or not self._latin_name_word(tokens, i):
                continue
            end = i + 1
            while end < len(tokens) and self._latin_name_word(tokens, end, inside=True):
                end += 1
            # "Veltra Bank" is an organisation; "Priya Raman" may be anyone.
            type_ = ORG if end - i > 1 and tokens[end - 1].norm in self.lex.word_sets["org_suffixes"] else None
            claim(i, end, self._key(tokens, i, end), type_, None)

    # -- tests on tokens ----------------------------------------------------

    def _latin_name_word(self, tokens: list[Token], i: int, inside: bool = False) -> bool:
        token = tokens[i]
        if not token.latin or not token.text[:1].isupper():
            return False
        if self.lex.has_case and (token.norm in self.lex.stopwords or token.norm in self.lex.function_words
                                  or self.lex.number_word(token.norm) is not None):
            return False  # "No new cases were reported", "Seven seats": a capital, not a name
        opens = i == 0 or tokens[i - 1].text in script_data().clause_starts  # "Green Party: Took one seat"
        if not inside and opens and self.lex.has_case and not (
                i + 1 < len(tokens) and tokens[i + 1].latin and tokens[i + 1].text[:1].isupper()):
            # A capital at the start of an English sentence proves little:
            # trust a lone word only if the article also capitalises it mid-sentence.
            return self._capitalised_inside(token.text)
        return True

    def _capitalised_inside(self, word: str) -> bool:
        found = self._inside_cache.get(word)
        if found is None:
            found = re.search(rf"[\w,;] +{re.escape(word)}\b", self.text) is not None
            self._inside_cache[word] = found
        return found

    def _is_complement(self, token: Token) -> bool:
        """A word that may stand between a title and the name: "الذكاء", "لشركة"."""
        if token.kind != TokenKind.WORD or token.latin:
            return False
        return self.lex.carries_article(token.text) or self.lex.in_set(Category.ORG_CUES, token.norm)

    def _name_like(self, token: Token, first: bool) -> bool:
        if token.kind != TokenKind.WORD or self.lex.is_stopword(token.norm) or first and token.norm in self.lex.function_words:
            return False  # "قال بدل 7 جنيه": no name starts with a function word
        if token.latin:
            return token.text[:1].isupper() or not self.lex.has_case
        if first and self.lex.has_article(token.text):
            return False
        return len(token.norm) >= 2

    def _name_span(self, tokens: list[Token], j: int, latin_only: bool = False) -> tuple[int, int] | None:
        if j >= len(tokens) or not self._name_like(tokens[j], first=True):
            return None
        if latin_only and not tokens[j].latin:
            return None
        end = j + 1
        while end < len(tokens) and end - j < self.lex.windows.name and self._name_like(tokens[end], first=False) \
                and tokens[end].latin == tokens[j].latin and not self._starts_new_phrase(tokens[end]) \
                and not self.lex.in_set("person_titles", tokens[end].norm):  # "تعيّن ليلى حداد رئيسة"
            end += 1
        return j, end

    def _starts_new_phrase(self, token: Token) -> bool:
        """"وفريقه", "للانضمام", "بالشركة": a word carrying an attached preposition or
        conjunction ends a name when the rest of it is a function word, takes the
        article, or ends in a pronoun."""
        lex = self.lex
        if token.latin or len(lex.variants(token.norm)) < 2:
            return False
        if token.norm[:1] not in lex.attached_prepositions and token.norm[:1] not in lex.attached_conjunctions:
            return False
        rest = token.norm[1:]
        return lex.is_stopword(rest) or lex.carries_article(token.text[1:]) or lex.carries_article(token.text) \
            or bool(lex.pronoun_suffixes) and rest.endswith(lex.pronoun_suffixes)

    def _without_clitic(self, token: Token) -> str | None:
        """A name's first word as it stands alone, where a one-letter preposition or
        conjunction is written onto it: "للحكومة" is "الحكومة", "بالشرطة" "الشرطة", and
        "لجوجل" "جوجل" when the rest is a name this article or the lexicon knows. A
        name that merely starts with such a letter ("ويز", "بلحاج") keeps it."""
        lex = self.lex
        norm = token.norm
        if token.latin or len(norm) < 3 or (norm[:1] not in lex.attached_prepositions
                                            and norm[:1] not in lex.attached_conjunctions):
            return None
        for contracted in lex.contracted_article:
            if token.text.startswith(contracted) and lex.definite_article:
                return lex.definite_article[0] + token.text[len(contracted):]
        if lex.has_article(token.text[1:]):
            return token.text[1:]
        known = self.gazetteer.by_first.keys() | lex.entity_first_words
        if norm[1:] in known and norm not in known:
            return token.text[1:]
        return None

    def _recurs(self, tokens: list[Token], start: int, end: int) -> bool:
        """A cue-less Arabic name must occur twice in the article to be trusted."""
        return self.text.count(self.text[tokens[start].start:tokens[end - 1].end]) >= 2

    def _key(self, tokens: list[Token], start: int, end: int) -> str:
        return name_key(self.text[tokens[start].start:tokens[end - 1].end])

    def _remember(self, tokens: list[Token], mention: Mention) -> None:
        """Later sentences find this name again, and its short form (see add_name)."""
        norms = tuple(t.norm for t in tokens[mention.start:mention.end])
        add_name(self.gazetteer, self.lex, norms, mention.key, mention.type, mention.text)
