"""The kinds of finding, each declared once: what every output needs to know of it.

A judging kind (checker/judge/kinds/) lists the finding kinds it makes in
`EMITS`; the run gathers them (`declared`) into the report, and the Markdown,
HTML, SARIF, linter and summary outputs loop over those declarations instead of
knowing kind names. A new kind of finding is one declaration in the module that
makes it (tests/test_finding_kinds.py adds one and finds it in every output).
"""

from __future__ import annotations

from collections.abc import Iterable
from types import ModuleType

from checker.models import Finding, FindingKind

CONFLICT = FindingKind(kind="conflict", title="Conflicts", one="conflict", many="conflicts", severity="error",
                       order=10, dispute=True, clashing=True, always_counted=True)
# The alignment model is not sure enough the figures are one quantity: check it, never an error.
POSSIBLE_CONFLICT = FindingKind(kind="possible_conflict", title="Possible conflicts (check these)",
                                one="possible conflict", many="possible conflicts", severity="warning",
                                order=15, dispute=True)
POSSIBLE_UPDATE = FindingKind(kind="possible_update", title="Figures that may have changed (no dates to order them)",
                              one="possible update", many="possible updates", severity="warning", order=20,
                              dispute=True)
UPDATED = FindingKind(kind="updated", title="Figures updated over time", one="update", many="updates",
                      severity="info", order=30, layout="timeline")
AGREEMENT = FindingKind(kind="agreement", title="Agreements", one="agreement", many="agreements", severity="info",
                        order=40, agreeing=True, listed=False, collapsed=True, always_counted=True)
SINGLE_SOURCE = FindingKind(kind="single_source", title="Single-source claims", one="single-source claim",
                            many="single-source claims", severity="info", order=50, collapsed=True, layout="row")


def declared(kinds: Iterable[ModuleType]) -> list[FindingKind]:
    """The finding kinds the judging kinds declare, once each, in their order.

    Two judging kinds may make the same kind of finding (numeric and categorical
    conflicts); they must then declare it alike."""
    found: dict[str, FindingKind] = {}
    for module in kinds:
        for kind in getattr(module, "EMITS", ()):
            if found.setdefault(kind.kind, kind) != kind:
                raise ValueError(f"finding kind '{kind.kind}' is declared twice, differently "
                                 f"(by the judging kind '{module.NAME}')")
    return sorted(found.values(), key=lambda k: (k.order, k.kind))


def undeclared(kind: str) -> FindingKind:
    """What a report says of a finding whose kind no judging kind declared: a section of its own."""
    words = kind.replace("_", " ")
    return FindingKind(kind=kind, title=words.capitalize(), one=words, many=words, severity="info", order=1000)


class Kinds:
    """The declarations of a report's finding kinds, looked up by a finding's kind."""

    def __init__(self, kinds: Iterable[FindingKind], findings: Iterable[Finding] = ()) -> None:
        table = {k.kind: k for k in kinds}
        for finding in findings:
            table.setdefault(finding.kind, undeclared(finding.kind))
        self.all: list[FindingKind] = sorted(table.values(), key=lambda k: (k.order, k.kind))
        self._table = table

    def __getitem__(self, kind: str) -> FindingKind:
        return self._table.get(kind) or undeclared(kind)

    def of(self, finding: Finding) -> FindingKind:
        return self[finding.kind]

    def dispute(self, finding: Finding) -> bool:
        return self.of(finding).dispute
