"""The pairs of claims of a figure that changes over time: rises, conflicts, possible updates.

As a loop over every pair of claims (a before b, from two outlets) reads them: two
values that cannot both be true are a possible update where a date is missing, a
conflict when both are of one day; of two days, the later figure higher (or, for
a figure that varies, different) is a rise, and lower, for a figure that only
grows, a conflict. The first `limit` pairs of each are listed, in that loop's order.

A thousand outlets give a figure in a handful of values, so the pairs are not
visited one by one. What a pair is depends only on the two values (clusters.signature)
and on how the two days compare; each value and day looks once at each distinct
value to learn how far on a claim it could pair with stands, and only a claim
that has such a partner ahead walks the claims after it. The work grows with the
claims, and with the distinct (value, day)s times the distinct values.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable
from datetime import date

from checker.judge.clusters import signature
from checker.models import Claim

RISE, CONFLICT, POSSIBLE = "rise", "conflict", "possible"
# How b's day stands to a's.
UNDATED, SAME_DAY, LATER, EARLIER = range(4)


def figure(claim: Claim) -> float:
    """The figure a claim states: its value, or the bound it gives ("at least 24": 24)."""
    value = claim.value
    return float(value.low if value.low is not None else value.high)


class _Days:
    """Where the claims of one value stand: the last position of any, of the undated,
    and of those of each day (with the last up to and from each day)."""

    def __init__(self, positions: list[int], days: list[date | None]) -> None:
        self.last = max(positions)
        self.last_undated = max((p for p, d in zip(positions, days) if d is None), default=-1)
        last_on: dict[date, int] = {}
        for p, d in zip(positions, days):
            if d is not None:
                last_on[d] = max(p, last_on.get(d, -1))
        self.days = sorted(last_on)
        lasts = [last_on[d] for d in self.days]
        self.upto = _running(lasts)  # the last position of a claim on this day or before
        self.since = _running(lasts[::-1])[::-1]  # ... on this day or after
        self.on = last_on

    def last_before(self, day: date) -> int:
        k = bisect_left(self.days, day)
        return self.upto[k - 1] if k else -1

    def last_after(self, day: date) -> int:
        k = bisect_right(self.days, day)
        return self.since[k] if k < len(self.days) else -1


def _running(values: list[int]) -> list[int]:
    """The greatest value so far, at each place."""
    out, best = [], -1
    for v in values:
        best = max(best, v)
        out.append(best)
    return out


def pairs_over_time(claims: list[Claim], fits: Callable[[Claim, Claim], bool], varies: bool,
                    limit: int) -> tuple[list[tuple[str, str]], list[tuple[str, str]], list[tuple[str, str]]]:
    """(rises, conflicts, possible updates): the first `limit` pairs of each, as (a, b) or,
    for two days, (earlier, later). `fits` must depend on the two values alone."""
    values = [signature(c) for c in claims]
    first: dict[tuple, Claim] = {}
    members: dict[tuple, list[int]] = {}
    for k, value in enumerate(values):
        first.setdefault(value, claims[k])
        members.setdefault(value, []).append(k)
    days = {v: _Days(ks, [claims[k].published for k in ks]) for v, ks in members.items()}
    fitting: dict[tuple[tuple, tuple], bool] = {}

    def kind(s: tuple, t: tuple, relation: int) -> str | None:
        """What a pair of values s (first) and t is, with t's day standing so to s's."""
        if relation in (UNDATED, SAME_DAY):
            if (s, t) not in fitting:
                fitting[(s, t)] = fitting[(t, s)] = fits(first[s], first[t])
            return None if fitting[(s, t)] else POSSIBLE if relation == UNDATED else CONFLICT
        early, late = (first[s], first[t]) if relation == LATER else (first[t], first[s])
        if figure(late) > figure(early) or (figure(late) < figure(early) and varies):
            return RISE
        return CONFLICT if figure(late) < figure(early) else None

    reach_of: dict[tuple[tuple, date | None], dict[str, int]] = {}

    def reach(s: tuple, day: date | None) -> dict[str, int]:
        """For a claim of value s and day `day`: the last position of a claim that would
        pair with it, by kind of pair."""
        key = (s, day)
        if key not in reach_of:
            far = {RISE: -1, CONFLICT: -1, POSSIBLE: -1}
            for t, where in days.items():
                candidates = ([(UNDATED, where.last)] if day is None else
                              [(UNDATED, where.last_undated), (SAME_DAY, where.on.get(day, -1)),
                               (LATER, where.last_after(day)), (EARLIER, where.last_before(day))])
                for relation, last in candidates:
                    if last > far[POSSIBLE] or last > far[CONFLICT] or last > far[RISE]:
                        found = kind(s, t, relation)
                        if found is not None and last > far[found]:
                            far[found] = last
            reach_of[key] = far
        return reach_of[key]

    found: dict[str, list[tuple[str, str]]] = {RISE: [], CONFLICT: [], POSSIBLE: []}
    for n, a in enumerate(claims):
        open_kinds = [k for k, listed in found.items() if len(listed) < limit]
        if not open_kinds:
            break
        far = reach(values[n], a.published)
        if all(far[k] <= n for k in open_kinds):
            continue  # no claim ahead pairs with this one in a kind still listing
        for m in range(n + 1, len(claims)):
            b = claims[m]
            if a.article == b.article:
                continue
            relation = (UNDATED if a.published is None or b.published is None else SAME_DAY
                        if a.published == b.published else LATER if b.published > a.published else EARLIER)
            what = kind(values[n], values[m], relation)
            if what is None or len(found[what]) >= limit:
                continue
            if relation in (LATER, EARLIER):
                early, late = (a, b) if relation == LATER else (b, a)
                found[what].append((early.id, late.id))
            else:
                found[what].append((a.id, b.id))
    return found[RISE], found[CONFLICT], found[POSSIBLE]
