"""A heading for every finding: the quantity it is about, named from what its claims say.

In the report's language where its claims allow: what is counted or measured (the
frame's property where alignment read one, else the predicate's label), the
words that narrow it (the frame's qualifiers, else the words most of the claims
put before or after the counted noun), whose figure it is (the frame's owner,
else the subject, never the placeholder for the story's own event) and as of when
(the frame's time). Once frames are read (Claim.frame), headings improve by
themselves.

No two findings of a report share a heading: where two would, each gets what
tells it apart, in turn: its values, its kind, and last a number.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable

from checker.judge.finding_kinds import Kinds
from checker.knowledge.words import ReportWords
from checker.models import Article, Claim, Finding, FindingKind, Frame

HEADING_LIMIT = 100
MAX_VALUES = 3  # values named in a heading to tell it from another
WORD_RE = re.compile(r"\w+")

# The stems of a claim's words, in its article's language: (word as written, its stem) pairs.
Stems = Callable[[Claim], list[tuple[str, str]]]


def _majority(values: Iterable[str | None], members: int) -> str | None:
    """The value at least half of the members give (the most common), else None."""
    counts = Counter(v for v in values if v)
    if not counts:
        return None
    value, n = counts.most_common(1)[0]
    return value if 2 * n >= members else None


def _preferred(claims: list[Claim], langs: dict[str, str | None], lang: str) -> list[Claim]:
    """The claims written in the report's language first: their words name the heading."""
    return sorted(claims, key=lambda c: langs.get(c.article) != lang)


def _frames(claims: list[Claim]) -> list[Frame]:
    return [c.frame for c in claims if c.frame is not None]


def _narrowing_words(claims: list[Claim], stems: Stems) -> list[str]:
    """The words most of the claims narrow their counted noun with ("suspected"), as
    written in the first claim that has them; a word one claim alone has is left out."""
    if len(claims) < 2:
        return []
    shared = Counter(m for c in claims for m in dict.fromkeys(c.modifiers))
    kept = [m for m, n in shared.items() if 2 * n >= len(claims) and n >= 2]
    words: list[str] = []
    for stem in kept:
        written = next((word for c in claims if stem in c.modifiers for word, s in stems(c) if s == stem), None)
        if written and written not in words:
            words.append(written)
    return words


def _shown(text: str) -> str:
    return " ".join(text.split())


def base_heading(finding: Finding, members: list[Claim], words: ReportWords, stems: Stems) -> str:
    """What the finding is about: "total cases (suspected) — Kasai, September"."""
    frames = _frames(members)
    what = _majority((f.property_text for f in frames), len(members)) or finding.label or finding.predicate
    qualifiers = Counter(q for f in frames for q in f.qualifiers)
    narrowers = [words.qualifier(q) for q, n in sorted(qualifiers.items()) if 2 * n >= len(members)]
    narrowers += [w for w in _narrowing_words(members, stems) if w not in narrowers]
    owner = _majority((f.owner_text for f in frames), len(members))
    if owner is None and finding.subject.text and finding.subject.text != words.story:
        owner = finding.subject.text
    when = _majority((f.time_text for f in frames), len(members))
    heading = _shown(what) + (f" ({words.separator.join(narrowers)})" if narrowers else "")
    for part, joiner in ((owner, " — "), (when, words.separator)):
        if part:
            heading += joiner + _shown(part)
    return heading


def _values(finding: Finding, members: list[Claim]) -> str:
    """The finding's values, a few, as written, those most outlets give first: "19 people / 28 people"."""
    by_id = {c.id: c for c in members}
    groups = [[by_id[i] for i in cluster.claims if i in by_id] for cluster in finding.clusters or []]
    if not any(groups):
        groups = [[c] for c in members]
    groups.sort(key=lambda g: -len({c.article for c in g}))
    shown: list[str] = []
    for group in groups:
        texts = sorted({_shown(c.value.text) for c in group if c.value.text}, key=lambda t: (len(t), t))
        if texts and texts[0] not in shown:
            shown.append(texts[0])
    return " / ".join(shown[:MAX_VALUES])


def _cut(text: str, limit: int = HEADING_LIMIT) -> str:
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


def unique_headings(findings: list[Finding], bases: list[str], members: list[list[Claim]], words: ReportWords,
                    kinds: Kinds) -> list[str]:
    """The headings, told apart where two are the same: by kind where their kinds differ,
    then by values, then by a number."""
    headings = [_cut(b) for b in bases]
    kinds_of: dict[str, set[str]] = {}
    for heading, finding in zip(headings, findings):
        kinds_of.setdefault(heading, set()).add(finding.kind)
    named = [f"{bases[n]} — {words.kind(f.kind, kinds.of(f).one)}" if len(kinds_of[h]) > 1 else bases[n]
             for n, (h, f) in enumerate(zip(headings, findings))]
    headings = [_cut(h) for h in named]
    counts = Counter(headings)
    headings = [_cut(f"{named[n]}: {_values(findings[n], members[n])}") if counts[h] > 1 else h
                for n, h in enumerate(headings)]
    used: set[str] = set()
    out = []
    for heading in headings:
        candidate, n = heading, 1
        while candidate in used:
            n += 1
            candidate = f"{heading} ({n})"
        used.add(candidate)
        out.append(candidate)
    return out


def name_findings(findings: list[Finding], claims: Iterable[Claim], articles: Iterable[Article], lang: str,
                  words: ReportWords, kinds: Iterable[FindingKind], stems: Stems) -> list[Finding]:
    """The findings, each with its heading, unique within them."""
    by_id = {c.id: c for c in claims}
    langs = {a.id: a.lang for a in articles}
    table = Kinds(kinds, findings)
    members = [_preferred([by_id[c] for c in f.claims if c in by_id], langs, lang) for f in findings]
    bases = [base_heading(f, m, words, stems) for f, m in zip(findings, members)]
    headings = unique_headings(findings, bases, members, words, table)
    return [f.model_copy(update={"heading": h}) for f, h in zip(findings, headings)]


def word_stems(stem: Callable[[str], str], fold: Callable[[str], str]) -> Callable[[str], list[tuple[str, str]]]:
    """A text's words, each with its stem (by `stem` of its folded form)."""
    return lambda text: [(w, stem(fold(w))) for w in WORD_RE.findall(text)]
