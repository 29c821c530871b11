"""Reviewed findings: an editor marks a finding accepted, with a reason.

The baseline file lists findings by fingerprint (a hash of the claims'
articles, subject, predicate and values). A reviewed finding stays in the
report, marked "reviewed", but no longer fails the gate; once its claims
change, its fingerprint changes and it fails again.

    reviewed:
      - fingerprint: 3f9c0a1b2c3d4e5f
        reason: "Checked with the desk: 29 is his age at publication."
"""

from __future__ import annotations

from pathlib import Path

from checker.errors import InputError, RuleError
from checker.models import Finding
from checker.yamlio import load_yaml



def read_baseline(path: Path) -> dict[str, str]:
    """fingerprint → reason, from a baseline file."""
    try:
        doc = load_yaml(path)
    except RuleError as exc:
        raise InputError(exc.message, path, exc.line, exc.column) from None
    entries = (doc.data or {}).get("reviewed", []) if isinstance(doc.data, dict) else None
    if not isinstance(entries, list):
        raise InputError("a baseline file must have a 'reviewed' list", path)
    reviewed: dict[str, str] = {}
    for index, entry in enumerate(entries):
        if not isinstance(entry, dict) or not entry.get("fingerprint") or not entry.get("reason"):
            line, column = doc.where(("reviewed", index))
            raise InputError("each reviewed finding needs a 'fingerprint' and a 'reason'", path, line, column)
        reviewed[str(entry["fingerprint"])] = str(entry["reason"])
    return reviewed


def apply_baseline(findings: list[Finding], reviewed: dict[str, str]) -> list[Finding]:
    """The findings, those an editor reviewed marked with the reason given."""
    return [f.model_copy(update={"reviewed": reviewed[f.fingerprint]}) if f.fingerprint in reviewed else f
            for f in findings]
