"""The real-news scores as a table (plain text or Markdown), and what --verbose lists.

One row per story, then totals: all stories, and apart the stories that mix
languages (where alignment must cross scripts) and those in one language.
"""

from __future__ import annotations

from tabulate import SEPARATING_LINE, tabulate

from checker.tools.realnews.evaluate import StoryResult, total, total_extraction
from checker.tools.realnews.extraction import GROUPS, ExtractionScore
from checker.tools.realnews.gold import GoldClaim
from checker.tools.realnews.matching import JsonClaim, values_differ
from checker.tools.realnews.pairs import FlaggedPair, PairScore

HEADERS = ["story", "lang", "articles", "conflicts found", "conflict precision", "agreements shown",
           "false alarms", "misaligned pairs", "quotes verbatim"]
QUOTE_ROOM = 160


def ratio(part: int, whole: int, percent: bool = False) -> str:
    if not whole:
        return f"{part}/0"
    share = f"{part / whole:.0%}" if percent else f"{part / whole:.2f}"
    return f"{part}/{whole} ({share})"


def row(name: str, lang: str, articles: int, s: PairScore) -> list[str]:
    return [name, lang, str(articles), ratio(s.conflicts_found, s.conflicts),
            ratio(s.on_gold_conflict, s.judged), ratio(s.agreements_shown, s.agreements), f"{s.false_alarms}/{s.agreements}",
            ratio(s.misaligned, s.pairs, percent=True), ratio(s.quotes_verbatim, s.claims, percent=True)]


def total_rows(results: list[StoryResult], markdown: bool) -> list[list[str]]:
    groups = [("all stories", results), ("mixed-language", [r for r in results if r.story.mixed]),
              ("one-language", [r for r in results if not r.story.mixed])]
    rows = []
    for label, members in groups:
        if not members or (label != "all stories" and len(members) == len(results)):
            continue  # a subtotal equal to the total says nothing new
        name = f"{label} ({len(members)})"
        rows.append(row(f"**{name}**" if markdown else name, "",
                        sum(len(r.story.files) for r in members), total(members)))
    return rows


def precision_line(s: PairScore) -> str:
    """The shared script's last line, in its words."""
    return (f"precision: conflict pairs on a gold conflict {s.on_gold_conflict}/{s.judged} of the pairs whose two "
            f"claims are gold values ({s.on_gold_conflict / max(1, s.judged):.2f}); update pairs joining two "
            f"quantities {s.update_misaligned}/{s.update_pairs}; agreements joining two quantities "
            f"{s.agreements_misaligned}/{s.agreements_judged}")


def render_table(results: list[StoryResult], markdown: bool = False) -> str:
    stories = [row(r.story.name, "+".join(r.story.langs), len(r.story.files), r.score) for r in results]
    totals = total_rows(results, markdown)
    if markdown:
        return tabulate(stories + totals, headers=HEADERS, tablefmt="github", disable_numparse=True) + "\n"
    table = tabulate(stories + [SEPARATING_LINE] + totals, headers=HEADERS, tablefmt="simple",
                     disable_numparse=True)
    return ("Real news, scored by pair (definitions: docs/eval.md)\n\n" + table + "\n\n"
            + precision_line(total(results)) + "\n")


def shorten(quote: str, around: str) -> str:
    """The quote on one line, cut to QUOTE_ROOM characters around `around` (the value as written)."""
    quote = " ".join(quote.split())
    if len(quote) <= QUOTE_ROOM:
        return quote
    at = quote.find(around) if around else -1
    start = max(0, min(at - QUOTE_ROOM // 3, len(quote) - QUOTE_ROOM)) if at > 0 else 0
    end = start + QUOTE_ROOM
    return ("…" if start else "") + quote[start:end] + ("…" if end < len(quote) else "")


FRAME_SLOTS = (("owner", "owner_text"), ("property", "property_text"), ("reference", "reference_text"),
               ("time", "time_text"))


def frame_text(claim: JsonClaim) -> str:
    """A claim's frame on one line ("owner Liberals · property vote · suspected"), or nothing."""
    frame = claim.get("frame") or {}
    parts = [f"{slot} {frame.get(words) or frame[slot]}" for slot, words in FRAME_SLOTS if frame.get(slot)]
    parts += [q.split(":")[-1] for q in frame.get("qualifiers", [])]
    return f" [{' · '.join(parts)}]" if parts else ""


def claim_line(claim: JsonClaim) -> str:
    value = (claim.get("value") or {}).get("text") or ""
    return f"{claim.get('article')}: {value}{frame_text(claim)} — “{shorten(claim.get('quote') or '', value)}”"


def gold_pair_lines(gold: GoldClaim, extracted: set[tuple[str, int]]) -> list[str]:
    """Two values of the gold claim from two articles (differing ones, for a conflict), each
    marked with whether the checker has a claim for it; values it has are shown first."""
    def has(k: int) -> bool:
        return (gold.id, k) in extracted

    candidates = [(i, j) for i, a in enumerate(gold.values) for j, b in enumerate(gold.values)
                  if i < j and a.article != b.article and (not gold.is_conflict or values_differ(a, b))]
    if not candidates:
        return []
    best = max(candidates, key=lambda p: has(p[0]) + has(p[1]))
    return [f"      {gold.values[k].article}: {gold.values[k].value} — “{gold.values[k].quote}” "
            f"[{'a claim matches' if has(k) else 'no claim matches'}]" for k in best]


def flagged_lines(label: str, pair: FlaggedPair) -> list[str]:
    gold = " vs ".join(pair.gold)
    return [f"    {label} {gold} ({pair.finding})", f"      {claim_line(pair.a)}", f"      {claim_line(pair.b)}"]


def render_details(result: StoryResult) -> str:
    """Each missed conflict, agreement not shown, false alarm and misaligned pair of one story."""
    s = result.score
    lines = [f"{result.story.name}:"]
    for label, golds in (("missed conflict", s.missed), ("agreement not shown", s.not_shown)):
        for gold in golds:
            note = ", temporal" if gold.note else ""
            lines.append(f"    {label} {gold.id}{note}: {gold.subject} / {gold.predicate}")
            lines += gold_pair_lines(gold, s.extracted)
    for pair in s.false_alarm_pairs:
        lines += flagged_lines("false alarm on", pair)
    for pair in s.misaligned_pairs:
        lines += flagged_lines("misaligned pair, gold", pair)
    return "\n".join(lines) + "\n"


def render(results: list[StoryResult], markdown: bool = False, verbose: bool = False) -> str:
    text = render_table(results, markdown)
    if verbose:
        details = "\n".join(render_details(r) for r in results)
        text += ("\n```text\n" + details + "```\n") if markdown else "\n" + details
    return text


# --- the extraction ceiling (--extraction) -------------------------------------------

EXTRACTION_HEADERS = ["story", "lang", "articles", "conflict values read", "agreement values read",
                      "non-numeric cited"]


def extraction_row(name: str, lang: str, articles: int, s: ExtractionScore) -> list[str]:
    return [name, lang, str(articles)] + [ratio(s.read[g], s.values[g]) for g in GROUPS]


def render_extraction_table(results: list[StoryResult], markdown: bool = False) -> str:
    stories = [extraction_row(r.story.name, "+".join(r.story.langs), len(r.story.files), r.extraction)
               for r in results]
    groups = [("all stories", results), ("mixed-language", [r for r in results if r.story.mixed]),
              ("one-language", [r for r in results if not r.story.mixed])]
    totals = []
    for label, members in groups:
        if not members or (label != "all stories" and len(members) == len(results)):
            continue
        name = f"{label} ({len(members)})"
        totals.append(extraction_row(f"**{name}**" if markdown else name, "",
                                     sum(len(r.story.files) for r in members), total_extraction(members)))
    if markdown:
        return tabulate(stories + totals, headers=EXTRACTION_HEADERS, tablefmt="github", disable_numparse=True) + "\n"
    table = tabulate(stories + [SEPARATING_LINE] + totals, headers=EXTRACTION_HEADERS, tablefmt="simple",
                     disable_numparse=True)
    return ("Real news, gold values read by some claim (numeric values of conflicts and of agreements; "
            "non-numeric values cited)\n\n" + table + "\n")


def render_extraction_misses(result: StoryResult) -> str:
    """Each gold value of one story that no claim matches, with its quote."""
    lines = [f"{result.story.name}:"]
    for miss in result.extraction.misses:
        lines.append(f"    {miss.group} {miss.claim.id} {miss.value.article}: {miss.value.value} — "
                     f"“{' '.join(miss.value.quote.split())}”")
    return "\n".join(lines) + "\n"


def render_extraction(results: list[StoryResult], markdown: bool = False, verbose: bool = False) -> str:
    text = render_extraction_table(results, markdown)
    if verbose:
        details = "\n".join(render_extraction_misses(r) for r in results if r.extraction.misses)
        text += ("\n```text\n" + details + "```\n") if markdown else "\n" + details
    return text
