"""Message templates of judging rules: only the placeholders the judge fills in.

A template is checked when its rule file is read (by `check` and by `rules
validate` alike), so that a stray brace cannot crash a run and a misspelt
placeholder cannot print as nothing.
"""

from __future__ import annotations

from string import Formatter

# What checker/judge fills in (Judge.finding).
PLACEHOLDERS = ("predicate", "subject", "values", "outlets")


def template_problems(template: str) -> list[str]:
    """Every problem of one message template, as a sentence."""
    known = ", ".join("{" + p + "}" for p in PLACEHOLDERS)
    try:
        parts = list(Formatter().parse(template))
    except ValueError as exc:
        return [f"'message' is not a valid template: {exc} (write '{{{{' or '}}}}' for a brace)"]
    problems = []
    for _, field, spec, conversion in parts:
        if field is None:
            continue
        if field not in PLACEHOLDERS:
            shown = "{" + field + "}" if field else "{}"
            problems.append(f"'message' has an unknown placeholder {shown} (known: {known})")
        elif spec or conversion:
            problems.append(f"'message': the placeholder {{{field}}} takes no format or conversion")
    return problems
