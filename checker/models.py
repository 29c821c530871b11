"""The objects passed between pipeline stages.

Each stage takes the previous stage's models and returns its own, so that every
stage can be tested alone and the JSON report is a plain dump of these models.
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

Severity = Literal["error", "warning", "info"]
SEVERITY_RANK: dict[str, int] = {"info": 0, "warning": 1, "error": 2}


class Article(BaseModel):
    """One news article as read from disk."""

    id: str
    path: str
    source: str | None = None
    title: str | None = None
    byline: str | None = None
    url: str | None = None
    published: date | None = None
    lang: str | None = None  # None until the pipeline detects it
    text: str
    extra: dict[str, Any] = Field(default_factory=dict)
    # Where `text` was extracted from, if it is not the file's own text ("html": the
    # story out of a saved web page). Quotes and spans index `text`, never the file.
    text_source: str | None = None
    # Lines of the file before `text` (a Markdown file's front matter): a linter points
    # into the file, at the text's line plus these.
    text_line: int = 0

    @property
    def outlet(self) -> str:
        """The name to show for this article: its outlet, else its id."""
        return self.source or self.id


class Sentence(BaseModel):
    """A sentence with its character span in the article's text."""

    index: int
    paragraph: int
    start: int
    end: int
    text: str


class EntityRef(BaseModel):
    """An entity as the article names it, with the canonical id it resolved to."""

    id: str | None = None
    text: str | None = None
    type: str | None = None
    lexicon: bool = False  # the id is a lexicon entity's; otherwise a name found in the text, or a phrase


class Value(BaseModel):
    """What a claim asserts: a quantity interval, a date range, an entity or text.

    Quantities have float bounds (None = unbounded); dates have ISO-date bounds.
    `ceiling` is set for "up to X" claims: X is the stated maximum, and two such
    claims are compared on their maxima, not on the (0, X] ranges.
    """

    kind: Literal["quantity", "date", "entity", "text"]
    text: str
    low: float | str | None = None
    high: float | str | None = None
    unit: str | None = None
    qualifier: str | None = None
    dimension: str | None = None
    ceiling: tuple[float, float] | None = None
    entity: EntityRef | None = None
    # The place value of the last digit stated (1 for "187", 1e8 for "6.7 billion"):
    # a figure stated to a coarser step may be a rounding of a finer one.
    precision: float | None = None
    # A range stated by its two ends ("between 26 and 74", "20 to 25%"): it says where
    # the figures start and end, so two ranges compare end by end.
    range: bool = False


# The type of a claim's object that is common words, not a name ("في المشروع").
PHRASE = "phrase"
# Marks a context word that is a number naming a thing, not counting it ("#92" of "بنزين 92").
LABEL_MARK = "#"



class Frame(BaseModel):
    """What a figure is a figure of, read from its sentence's structure.

    Two figures are one quantity only if their frames agree: a different owner,
    property, qualifier or reference rules a pair out, an unknown slot (None, or
    no qualifiers) neither rules out nor counts for. Keys are matching forms
    (light stems, canonical entity ids); the `_text` fields are the words as written.
    """

    owner: str | None = None  # whose figure it is: a party, a person, a ship, a company
    owner_text: str | None = None
    property: str | None = None  # what it measures: passengers, crew, seats, share of the vote
    property_text: str | None = None
    # Closed-set ids from the lexicons (confirmed / suspected, first_instance / appeal,
    # per_win / total, this_week / so_far ...), sorted.
    qualifiers: list[str] = Field(default_factory=list)
    reference: str | None = None  # distance from where, change since when
    reference_text: str | None = None
    time: str | None = None  # as of when: an ISO date or period the sentence gives
    time_text: str | None = None


class AlignedWith(BaseModel):
    """Another claim this one was aligned with, and why."""

    claim: str
    evidence: list[str]
    # The alignment model's probability that the two figures are one quantity.
    probability: float | None = None


class Claim(BaseModel):
    """One checkable statement found in one article."""

    id: str
    article: str
    subject: EntityRef
    participants: list[EntityRef] = Field(default_factory=list)
    object: EntityRef | None = None
    predicate: str
    predicate_text: str = ""
    # The predicate was named from the text (the counted noun, the word before the
    # number), not by a lexicon's trigger: it pairs only with the same words.
    fallback: bool = False
    value: Value
    attribution: str | None = None
    hedge: str | None = None
    negated: bool = False
    # A forecast or target ("إلى 4 في المئة بحلول نهاية العام"): compared only
    # with other forecasts, never with what the figure is now.
    forecast: bool = False
    # The figure a change started from ("بدلًا من 19 جنيهًا", "up from 4.2%", "from 15.50
    # to 17.50"): compared only with other such figures, never with the figure now.
    earlier: bool = False
    # The part of a sum a figure is: `base` ("£100m plus £16m", "an initial £100m") or
    # `addition` (the £16m); None for a whole. Parts compare only with like parts.
    component: str | None = None
    # The outlet's own conversion of the figure before it ("500 مليون يورو (571 مليون
    # دولار)"): compared only with other outlets' conversions.
    conversion: bool = False
    # The past year of another event the figure belongs to ("the 2011 floods
    # killed 200"): such a toll is not the story's own.
    event_year: int | None = None
    quote: str
    span: tuple[int, int]
    # The 1-based line and column of the quote's start in the article's text (DESIGN.md).
    line: int | None = None
    column: int | None = None
    # Where the value itself is written (None in claims archived before it was kept), and
    # the line and column it starts at: what linters point to.
    value_span: tuple[int, int] | None = None
    value_line: int | None = None
    value_column: int | None = None
    sentence: int = 0
    published: date | None = None
    # The content words of the claim's clause, as light stems: what alignment
    # compares when two claims have no trigger word or name in common.
    context: list[str] = Field(default_factory=list)
    context_names: list[str] = Field(default_factory=list)  # the keys of the names in that clause
    # The stems of the words that narrow the noun a figure counts ("suspected" cases,
    # "Indian" nationals, "مواطنًا هنديًا"): two figures narrowed differently count
    # different things.
    modifiers: list[str] = Field(default_factory=list)
    # The claims alignment paired this one with, each with the evidence that paired them.
    aligned_by: list[AlignedWith] = Field(default_factory=list)
    headline: bool = False  # the claim is in the article's title line
    frame: Frame | None = None  # whose, what, which, from where, when (None: not read)


def month_of(claim: Claim, story_month: str | None = None) -> str | None:
    """The month a claim's figures are read at (exchange rates, dates): its article's,
    else the story's."""
    return claim.published.isoformat()[:7] if claim.published else story_month


def story_month(claims: list[Claim]) -> str | None:
    """The month most of the dated claims were published in."""
    months = Counter(c.published.isoformat()[:7] for c in claims if c.published)
    return months.most_common(1)[0][0] if months else None


class ClaimGroup(BaseModel):
    """Claims about the same subject and predicate, from one or more articles.

    `links` lists the pairs of claim positions that were aligned directly; rules
    compare only linked pairs, so a chain a~b~c never pits a against c unchecked.
    `same_value_as` gives each claim the position of a claim with the same value: only
    one claim per value is compared, and a verdict holds for its whole class.
    `value_keys` gives each entity value (a post's holder) its story-wide id,
    so that two spellings of one name count as the same value.
    """

    key: str
    predicate: str
    subject: EntityRef
    claims: list[Claim]
    links: list[tuple[int, int]] = Field(default_factory=list)
    evidence: list[list[str]] = Field(default_factory=list)  # why each link was made
    # The alignment model's probability that each link's two claims are one quantity
    # (None for a pair a rule made: a restatement, two dates of one event).
    probabilities: list[float | None] = Field(default_factory=list)
    same_value_as: list[int] = Field(default_factory=list)
    value_keys: list[str | None] = Field(default_factory=list)

    @property
    def articles(self) -> list[str]:
        return sorted({c.article for c in self.claims})


class ValueCluster(BaseModel):
    """Values of one quantity that can all be true together, and the outlets that give them."""

    claims: list[str]
    outlets: list[str]
    low: float | str | None = None  # what they share: the intersection of their intervals
    high: float | str | None = None
    # How amounts in other units were compared: "116 million GBP ≈ 136 million EUR at the rate of 2025-06".
    conversions: list[str] = Field(default_factory=list)


class Finding(BaseModel):
    """What a rule concluded about a group of claims."""

    id: str
    kind: str
    rule: str
    severity: Severity
    subject: EntityRef
    predicate: str
    claims: list[str]
    message: str
    fingerprint: str = ""
    reviewed: str | None = None
    # The pairs of claims that cannot both be true (conflicts), or that rose over time (updates).
    pairs: list[tuple[str, str]] | None = None
    # The alignment model's probability that each pair's two claims are one quantity.
    pair_probabilities: list[float | None] | None = None
    # The values of the quantity grouped into clusters that can all be true together.
    clusters: list[ValueCluster] | None = None
    label: str = ""  # what the figures are, as an editor reads it (the predicate's label)
    # The alignment model's probability that the claims are one quantity: of the
    # weakest pair a conflict rests on, or of the group for other kinds.
    confidence: float | None = None
    # What to fix first: 1 is the finding an editor should read first (None: not ranked).
    rank: int | None = None
    # What the rank was computed from (checker/judge/rank.py).
    priority: Priority | None = None
    # The quantity the finding is about, named from what its claims say, in the report's
    # language; no two findings of a report share one (checker/judge/naming.py).
    heading: str = ""


class Priority(BaseModel):
    """Why a finding ranks where it does: score = severity weight × confidence × centrality and spread terms."""

    score: float
    confidence: float  # the finding's confidence, or NEUTRAL_CONFIDENCE where alignment gave none
    centrality: float  # 0..1: how many of the story's outlets give the quantity, and in headlines or leads
    spread: float  # 0..1: how far apart the values are


class FindingKind(BaseModel):
    """What a kind of finding is, declared once by the judging kinds that make it
    (checker/judge/finding_kinds.py): every output reads these, never a kind's name."""

    kind: str
    title: str  # its section's title: "Conflicts"
    one: str  # how one is counted: "conflict"
    many: str  # and several: "conflicts"
    severity: Severity  # the severity such findings usually have
    order: int  # sections and counts follow this order
    dispute: bool = False  # the editor must resolve it before publishing: ranked among the disputes
    agreeing: bool = False  # its outlets agree with each other (the outlets side by side)
    clashing: bool = False  # its pairs are outlets that cannot both be right
    listed: bool = True  # linter formats (SARIF, GitHub annotations, concise) list it
    collapsed: bool = False  # folded away in the reports, counted in the summary
    always_counted: bool = False  # the run's one-line summary counts it even when there is none
    layout: Literal["values", "timeline", "row"] = "values"  # values with outlets, a dated series, one row


class Advice(BaseModel):
    """What a draft should write instead of one of its figures."""

    # keep: the draft gives what most outlets (or the latest report) give; change: write
    # `value` instead; attribute: the outlets split evenly, say who says what; source: no
    # outlet gives the figure, say where it comes from.
    action: Literal["keep", "change", "attribute", "source"]
    value: str | None = None  # the figure to write, as an outlet wrote it
    outlets: list[str] = Field(default_factory=list)  # the articles that give it
    claims: list[str] = Field(default_factory=list)
    as_of: date | None = None  # for a figure that grows: the date of the latest report
    # attribute: every value with the articles that give it, most outlets first.
    split: list[tuple[str, list[str]]] = Field(default_factory=list)


class DraftStanding(BaseModel):
    """How one figure of the draft stands against the sources (the draft is never an outlet)."""

    claim: str
    predicate: str
    label: str = ""
    value: str
    standing: Literal["supported", "contradicted", "disputed", "alone"]
    supported_by: list[str] = Field(default_factory=list)  # articles with an equal or compatible value
    contradicted_by: list[str] = Field(default_factory=list)  # articles with a value that cannot also be true
    earlier: list[str] = Field(default_factory=list)  # a growing figure: articles with an earlier, other figure
    findings: list[str] = Field(default_factory=list)
    advice: Advice


class ArticleProblem(BaseModel):
    """An input file that could not be read; the others are still checked."""

    path: str
    message: str


class RuleChange(BaseModel):
    """A change a rule file made to a built-in rule: its severity lowered, turned off,
    redefined or replaced by a rule of another kind. Listed in every report."""

    rule: str
    change: str
    source: str  # file:line of the rule that made it


class Report(BaseModel):
    """Everything a run produced; the JSON report is a dump of this (version 1)."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    version: int = 1
    articles: list[Article]
    claims: list[Claim]
    findings: list[Finding]
    aliases: list[dict[str, Any]] = Field(default_factory=list)
    unmatched_rules: list[str] = Field(default_factory=list)
    problems: list[ArticleProblem] = Field(default_factory=list)
    rule_changes: list[RuleChange] = Field(default_factory=list)
    draft: str | None = None
    # The kinds of finding the judging kinds in force declare, in their order.
    kinds: list[FindingKind] = Field(default_factory=list)
    lang: str = "en"  # the report's language: most of its articles'
    words: dict[str, Any] = Field(default_factory=dict)  # what the report writes in it (report.yaml `labels`)
    standing: list[DraftStanding] = Field(default_factory=list)  # with a draft: each of its figures
