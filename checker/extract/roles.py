"""Role claims: who holds which post, and where.

Three patterns, every cue word from rules/lexicons/<lang>/roles.yaml:

- a title beside a name: "الرئيس التنفيذي لشركة X، فلان", "فلان، المدير التقني
  السابق لـ X", "X chief executive Jane Roe", "appointed Jane Roe as its CEO";
- a verb of leading: "وحدة X بقيادة فلان", "فلان، التي قادت X", "Roe has led X";
- a handover: "ليحل محلها فلان", "خلفًا لفلان", "takes over from Roe": the post
  of the claim just made passes to (or came from) the person named.

A claim's subject is the organisation and its value the holder (an entity
value, so spellings of the holder are matched across outlets like any name).
The qualifier says "former" or "current" when the text does: a former holder
and a later one are a succession, not a contradiction.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from checker.extract.claims import new_claim
from checker.extract.context import ArticleReading, SentenceContext
from checker.extract.entities import Mention
from checker.knowledge.categories import Category
from checker.knowledge.ontology import ORG, PERSON, ROLE
from checker.models import Claim, EntityRef, Value
from checker.text.phrases import Match

_QUOTES = frozenset('«»“”"()')
# The cues a post needs; a handover alone only passes on a post named before.
_POST_CUES = frozenset({Category.ROLE_TITLE, Category.ROLE_LED_BY, Category.ROLE_LEADS, Category.ROLE_LEADS_PAST,
                        Category.ROLE_REPLACED_BY, Category.ROLE_REPLACING, Category.ROLE_TAKES_OVER})  # not the apostrophe: "X's" marks a possessive


@dataclass
class RoleFact:
    """One person holding one post at one organisation, as a sentence says."""

    role: str
    org: EntityRef
    holder: Mention
    status: str | None
    sentence: SentenceContext


def _evidence(ref: EntityRef) -> int:
    """How sure we are that a ref names something: a lexicon entry, then a Latin name."""
    if ref.lexicon:
        return 2
    return 1 if (ref.id or "").isascii() else 0


class RoleReader:
    """Reads the role claims of one article, sentence by sentence.

    It remembers the last post named, because a handover ("خلفًا لفلان")
    often names the post a sentence earlier.
    """

    def __init__(self, reading: ArticleReading) -> None:
        self.reading = reading
        self.lex = reading.lex
        self.last: RoleFact | None = None
        self.mention_counts = Counter(m.key for ctx in reading.sentences for m in ctx.mentions)
        # The organisation "its" and "الشركة" point to. English names are
        # often untyped, so the most named entity stands in unless it is a person.
        topic = reading.topic if reading.topic is not None and reading.topic.type != PERSON else None
        self.home_org: EntityRef | None = reading.topic_org or topic
        # The post verbs of leading name ("بقيادة", "led by"): `verbs_of_leading` in the ontology.
        self.leader = next((p.id for p in self.lex.predicates.values() if p.verbs_of_leading), None)

    # -- small helpers --------------------------------------------------------

    @staticmethod
    def _starting(ctx: SentenceContext, category: str, index: int) -> Match | None:
        found = ctx.starting_at(category, index)
        return max(found, key=lambda m: m.end) if found else None

    @staticmethod
    def _ending(ctx: SentenceContext, category: str, index: int) -> Match | None:
        found = ctx.ending_at(category, index)
        return min(found, key=lambda m: m.start) if found else None

    def _is_person(self, mention: Mention) -> bool:
        return self.reading.type_of(mention) in (PERSON, None)

    def _is_org(self, mention: Mention) -> bool:
        return self.reading.type_of(mention) != PERSON

    def _skip(self, ctx: SentenceContext, index: int, *categories: str) -> int:
        """Past any run of the given cue categories (and commas) starting at index."""
        moved = True
        while moved and index < len(ctx.tokens):
            moved = False
            if ctx.is_comma(index) or ctx.tokens[index].text in _QUOTES:
                index, moved = index + 1, True
                continue
            for category in categories:
                match = self._starting(ctx, category, index)
                if match:
                    index, moved = match.end, True
                    break
        return index

    def _possessive_after(self, ctx: SentenceContext, end: int) -> bool:
        """"the company's unit": the organisation is not what is led."""
        link = self._starting(ctx, Category.ROLE_ORG_LINKS, end)
        return bool(link) and ctx.tokens[end].norm in self.lex.possessive_markers

    # -- titles -----------------------------------------------------------------

    @staticmethod
    def _titles(ctx: SentenceContext) -> list[Match]:
        """Title matches, leftmost-longest, none inside a name: "نائب الرئيس
        التنفيذي" is a deputy's title, not "الرئيس التنفيذي" with a word before."""
        out: list[Match] = []
        for match in sorted(ctx.matches(Category.ROLE_TITLE), key=lambda m: (m.start, -m.end)):
            if out and match.start < out[-1].end:
                continue
            if not any(n.start < match.end and match.start < n.end for n in ctx.mentions):
                out.append(match)
        return out

    def _status(self, ctx: SentenceContext, *positions: int) -> str | None:
        for position in positions:
            for category in (Category.ROLE_FORMER, Category.ROLE_CURRENT):
                if self._starting(ctx, category, position) or self._ending(ctx, category, position):
                    return category.removeprefix("role_")
        return None

    def _org_after(self, ctx: SentenceContext, index: int) -> tuple[EntityRef | None, int]:
        """The organisation a title names after itself: "لشركة X", "of X", "في الشركة"."""
        linked = self._skip(ctx, index, Category.ROLE_ORG_LINKS, Category.ORG_CUES)
        mention = ctx.mention_at(linked)
        # Without "of"/"لشركة" between, an untyped name is more likely the holder:
        # "board chair Helen Marsh".
        typed_org = mention is not None and self.reading.type_of(mention) == ORG
        if mention and self._is_org(mention) and (linked > index or typed_org) \
                and not self._possessive_after(ctx, mention.end):
            return self.reading.mention_ref(mention), mention.end
        index = linked
        anaphora = self._starting(ctx, Category.ORG_ANAPHORA, index)
        if anaphora and self.home_org and not self._possessive_after(ctx, anaphora.end):
            return self.home_org, anaphora.end
        return None, index

    def _org_before(self, ctx: SentenceContext, start: int) -> EntityRef | None:
        """"X chief executive", "X's chief executive", "its chief executive"."""
        own = self._ending(ctx, Category.ROLE_OWN_ORG, start)
        if own and self.home_org:
            return self.home_org
        link = self._ending(ctx, Category.ROLE_ORG_LINKS, start)
        end = link.start if link and ctx.tokens[link.start].norm in self.lex.possessive_markers else start
        mention = ctx.mention_ending(end)
        if mention and self.reading.type_of(mention) == ORG:
            return self.reading.mention_ref(mention)
        return None

    def _holder_after(self, ctx: SentenceContext, index: int) -> Mention | None:
        index = self._skip(ctx, index, Category.ROLE_CURRENT, Category.PERSON_TITLES)
        mention = ctx.mention_at(index)
        return mention if mention and self._is_person(mention) else None

    def _holder_before(self, ctx: SentenceContext, start: int, end: int) -> Mention | None:
        """The person a title is in apposition with, or the subject of "بصفته"/"as"."""
        own = self._ending(ctx, Category.ROLE_OWN_ORG, start)
        if self._ending(ctx, Category.ROLE_AS_CUES, own.start if own else start):
            # "فلان، الرئيس السابق لشركة X، ... بصفته رئيس ...": the clause's subject.
            people = [m for m in ctx.mentions if m.end <= start and self._is_person(m)]
            return people[-1] if people else None
        before = [m for m in ctx.mentions if m.end <= start]
        if not before or not self._is_person(before[-1]):
            return None
        mention = before[-1]
        gap = start - mention.end
        if gap == 0:
            # "مع فلان كرئيس": only a known person; "A Quillmark spokesperson" names the organisation.
            return mention if self.reading.type_of(mention) == PERSON else None
        if gap <= self.lex.windows.apposition and ctx.is_comma(mention.end) and not self._speaks(ctx, end):
            return mention
        return None

    @staticmethod
    def _speaks(ctx: SentenceContext, index: int) -> bool:
        """"X, a spokesperson said": the title is the speaker, not an apposition to X."""
        return bool(ctx.starting_at(Category.SPEECH_VERBS, index) or ctx.starting_at(Category.ATTRIBUTION_SPEECH_VERBS, index))

    def _title_facts(self, ctx: SentenceContext) -> list[RoleFact]:
        facts: list[RoleFact] = []
        for title in self._titles(ctx):
            definition = self.lex.predicates.get(title.payload)
            if definition is None or ROLE not in definition.dimensions:
                continue  # a title that only blocks a shorter one ("نائب الرئيس")
            status = self._status(ctx, title.start, title.end)
            after = self._skip(ctx, title.end, Category.ROLE_FORMER, Category.ROLE_CURRENT)
            org, after_org = self._org_after(ctx, after)
            if org is not None:
                status = status or self._status(ctx, after_org)
                after = self._skip(ctx, after_org, Category.ROLE_FORMER, Category.ROLE_CURRENT)
            holder = self._holder_after(ctx, after)
            before_org = self._org_before(ctx, title.start)
            adjacent = ctx.mention_ending(title.start)
            if before_org is None and adjacent is not None and self.reading.type_of(adjacent) != PERSON \
                    and not ctx.is_comma(title.start - 1):
                # "Halcyon chief executive Marcus Vell", "A Quillmark spokesperson".
                before_org = self.reading.mention_ref(adjacent)
            if holder is None:
                holder = self._holder_before(ctx, title.start, title.end)
            org = org or before_org
            if org is None and not self._needs_org(ctx, title):
                org = self.home_org
            if holder is not None and org is not None:
                facts.append(RoleFact(title.payload, org, holder, status, ctx))
        return facts

    def _needs_org(self, ctx: SentenceContext, title: Match) -> bool:
        return any(m.end == title.end for m in ctx.starting_at(Category.ROLE_NEEDS_ORG, title.start))

    # -- verbs of leading ----------------------------------------------------

    def _led_by_facts(self, ctx: SentenceContext) -> list[RoleFact]:
        """"وحدة X بقيادة فلان", "X, led by Roe": the organisation comes first."""
        facts = []
        for cue in ctx.matches(Category.ROLE_LED_BY):
            before = [m for m in ctx.mentions if m.end <= cue.start]
            org = before[-1] if before else None
            if org is None or cue.start - org.end > self.lex.windows.verb or not self._is_org(org):
                continue
            holder = self._holder_after(ctx, cue.end)
            if holder is not None:
                facts.append(RoleFact(self.leader, self.reading.mention_ref(org), holder, None, ctx))
        return facts

    def _leads_facts(self, ctx: SentenceContext) -> list[RoleFact]:
        """"فلان، التي قادت X", "قاد فلان X", "Roe, who has led X" (and "who led X": former)."""
        facts = []
        cues = [(cue, None) for cue in ctx.matches(Category.ROLE_LEADS)]
        present = {k for cue, _ in cues for k in range(cue.start, cue.end)}  # "has led" holds "led"
        cues += [(cue, "former") for cue in ctx.matches(Category.ROLE_LEADS_PAST) if cue.start not in present]
        for cue, status in cues:
            # The subject before the verb ("Roe, who has led"), else right after it ("قاد فلان").
            before = [m for m in ctx.mentions if m.end <= cue.start]
            holder = before[-1] if before and cue.start - before[-1].end <= self.lex.windows.verb \
                and self._is_person(before[-1]) else None
            start = cue.end
            if holder is None:
                holder = self._holder_after(ctx, cue.end)
                if holder is None:
                    continue
                start = holder.end
            org = self._object(ctx, start)
            if org is not None:
                facts.append(RoleFact(self.leader, org, holder, status, ctx))
        return facts

    def _object(self, ctx: SentenceContext, start: int) -> EntityRef | None:
        """The organisation a verb leads: named after it, before any preposition.

        "قادت مجموعة أبحاث ... "X"" may give two candidates; the one the article
        names most often (then the better attested) is the organisation.
        """
        candidates: list[EntityRef] = []
        index = start
        while index < min(len(ctx.tokens), start + self.lex.windows.led_object):
            if self._starting(ctx, Category.ROLE_OBJECT_STOPS, index):
                break
            mention = ctx.mention_at(index)
            anaphora = self._starting(ctx, Category.ORG_ANAPHORA, index)
            if mention is not None:
                if not self._is_org(mention) or self._possessive_after(ctx, mention.end):
                    break
                candidates.append(self.reading.mention_ref(mention))
                index = mention.end
            elif anaphora is not None:
                if self._possessive_after(ctx, anaphora.end) or self.home_org is None:
                    break
                candidates.append(self.home_org)
                index = anaphora.end
            else:
                index += 1
        if not candidates:
            return None
        return max(candidates, key=lambda ref: (self.mention_counts[ref.id or ""], _evidence(ref)))

    # -- handovers and departures --------------------------------------------

    def _handovers(self, ctx: SentenceContext, facts: list[RoleFact]) -> list[RoleFact]:
        """Successors and predecessors named around a post already known."""
        out: list[RoleFact] = []

        def post_before(index: int) -> RoleFact | None:
            earlier = [f for f in facts if f.holder.start < index]
            return earlier[-1] if earlier else self.last

        def person_near(start: int) -> Mention | None:
            for index in range(max(0, start - 1), min(len(ctx.tokens), start + self.lex.windows.handover)):
                mention = ctx.mention_at(index)
                if mention is not None:
                    return mention if self._is_person(mention) else None
            return None

        for cue in ctx.matches(Category.ROLE_REPLACED_BY):
            post, successor = post_before(cue.start), person_near(cue.end)
            if post and successor and successor.key != post.holder.key:
                if post.sentence is ctx:
                    post.status = "former"
                out.append(RoleFact(post.role, post.org, successor, "current", ctx))
        predecessors = [(cue.start, person_near(cue.end)) for cue in ctx.matches(Category.ROLE_REPLACING)]
        for cue in ctx.matches(Category.ROLE_TAKES_OVER):
            for index in range(cue.end, min(len(ctx.tokens), cue.end + self.lex.windows.handover_from)):
                if ctx.is_comma(index):
                    break
                if self._starting(ctx, Category.ROLE_FROM_WORDS, index):
                    predecessors.append((cue.start, person_near(index + 1)))
                    break
        for cue_start, predecessor in predecessors:
            post = post_before(cue_start)
            if post and predecessor and predecessor.key != post.holder.key:
                out.append(RoleFact(post.role, post.org, predecessor, "former", ctx))
        return out

    def _departures(self, ctx: SentenceContext, facts: list[RoleFact]) -> None:
        """"فلان ... عن تنحيها", "Roe stepped down": her post is a former one."""
        for cue in ctx.matches(Category.ROLE_LEFT):
            people = [m for m in ctx.mentions if m.end <= cue.start and self._is_person(m)]
            if people:
                for fact in facts:
                    if fact.holder.key == people[-1].key:
                        fact.status = "former"

    # -- claims -----------------------------------------------------------------

    def facts(self, ctx: SentenceContext) -> list[RoleFact]:
        if ctx.phrases.keys().isdisjoint(_POST_CUES):
            return []  # most sentences name no post at all (annotations hold no empty category)
        facts = self._title_facts(ctx)
        if self.leader is not None:
            facts += self._led_by_facts(ctx) + self._leads_facts(ctx)
        facts.sort(key=lambda f: f.holder.start)
        facts += self._handovers(ctx, facts)
        self._departures(ctx, facts)
        unique: dict[tuple[str, str | None, str], RoleFact] = {}
        for fact in facts:
            key = (fact.role, fact.org.id, fact.holder.key)
            kept = unique.setdefault(key, fact)
            if fact.status == "former":
                kept.status = "former"  # "X, who has led Y" + "took over from X"
        if unique:
            self.last = list(unique.values())[-1]
        return list(unique.values())

    def claims(self, ctx: SentenceContext, next_id) -> list[Claim]:
        claims = []
        for fact in self.facts(ctx):
            definition = self.lex.predicates.get(fact.role)
            if definition is None:
                continue  # a lexicon without the post verbs of leading name
            holder = self.reading.mention_ref(fact.holder)
            claims.append(new_claim(
                self.reading, ctx, next_id(), at=(fact.holder.start, fact.holder.end), subject=fact.org,
                predicate=fact.role, predicate_text=definition.label_for(self.lex.lang),
                value=Value(kind="entity", text=holder.text or "", entity=holder, dimension=ROLE,
                            qualifier=fact.status),
            ))
        return claims
