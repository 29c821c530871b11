"""Read rule files: YAML, validated by rules/schema/rule.schema.json.

Rules come from the checks shipped in rules/checks/, then from the project
(`factcheck.yaml` or `[tool.factcheck]` in pyproject.toml at the project root),
then from every `--rules PATH`. A rule whose id is already defined replaces
the earlier one. Every problem of every file is collected, each as
`path:line:col: message`, before anything runs.
"""

from __future__ import annotations

import math
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from checker.errors import RuleError, RuleErrors
from checker.knowledge.schema import describe_error, rules_home, validator
from checker.knowledge.templates import template_problems
from checker.models import SEVERITY_RANK, RuleChange
from checker.project import CONFIG_FILES
from checker.yamlio import LoadedYaml, load_yaml

# Keys a rule redefining another of its kind does not take from it: they describe the
# rule as its own author wrote it.
NOT_INHERITED = ("examples", "description")


@dataclass
class Rule:
    """One rule as written, and where it was written."""

    id: str
    kind: str
    spec: dict[str, Any]
    source: str
    line: int = 0
    shipped: bool = False  # one of the checks that ship with the tool (rules/checks/), perhaps redefined

    @property
    def severity(self) -> str:
        return self.spec.get("severity", "info")

    @property
    def place(self) -> str:
        return f"{self.source}:{self.line}"


@dataclass
class RuleSet:
    rules: dict[str, Rule] = field(default_factory=dict)
    # What rule files changed of the built-in rules, in the order they did.
    changes: list[RuleChange] = field(default_factory=list)

    def add(self, rule: Rule) -> None:
        self.rules[rule.id] = rule

    def define(self, rule: Rule) -> None:
        """Add a rule; one with the id of an earlier rule of its kind takes every key it
        does not set (severity, message, select...) from it, one of another kind replaces
        it. A change to a built-in rule is recorded."""
        earlier = self.rules.get(rule.id)
        if earlier is not None and earlier.kind == rule.kind:
            kept = {k: v for k, v in earlier.spec.items() if k not in NOT_INHERITED}
            rule = replace(rule, spec={**kept, **rule.spec}, shipped=earlier.shipped)  # still the built-in, changed
        self.rules[rule.id] = rule
        if earlier is None or not earlier.shipped:
            return
        if earlier.kind != rule.kind:
            self.note(earlier, f"replaced by a rule of kind {rule.kind}: the built-in {earlier.kind} rule "
                               "no longer runs", rule)
            return
        changed = sorted(k for k in rule.spec if k not in ("id", "kind", "severity", "enabled", *NOT_INHERITED)
                         and rule.spec[k] != earlier.spec.get(k))
        self.note_weakening(earlier, rule.spec, rule)
        if changed:
            self.note(earlier, f"redefined ({', '.join(changed)}); what it does not set is kept", rule)

    def note_weakening(self, target: Rule, spec: dict[str, Any], by: Rule) -> None:
        """Record a lower severity, or turning the rule off, that `spec` gives `target`."""
        severity = spec.get("severity", target.severity)
        if SEVERITY_RANK.get(severity, 0) < SEVERITY_RANK.get(target.severity, 0):
            self.note(target, f"severity lowered from {target.severity} to {severity}", by)
        if spec.get("enabled", True) is False and target.spec.get("enabled", True) is not False:
            self.note(target, "turned off (enabled: false)", by)

    def note(self, target: Rule, change: str, by: Rule) -> None:
        self.changes.append(RuleChange(rule=target.id, change=change, source=by.place))

    def of_kind(self, *kinds: str) -> list[Rule]:
        return [r for r in self.rules.values() if r.kind in kinds]


def validate_rule_doc(doc: LoadedYaml) -> list[RuleError]:
    """Every problem in one loaded rule file."""
    if not isinstance(doc.data, dict):
        return [doc.error((), "a rule file must be a mapping with a 'rules' list")]
    errors: list[RuleError] = []
    for error in validator("rule.schema.json").iter_errors(doc.data):
        errors.extend(describe_error(doc, error))
    errors.extend(doc.error(path, f"'{path[-1]}' must be a finite number, got "
                                  f"{'NaN' if math.isnan(value) else 'an infinite one'}")
                  for path, value in _not_finite(doc.data))
    seen: set[str] = set()
    rules = doc.data.get("rules")
    for index, rule in enumerate(rules if isinstance(rules, list) else []):
        if not isinstance(rule, dict):
            continue
        if isinstance(rule.get("id"), str):
            if rule["id"] in seen:
                errors.append(doc.error(("rules", index, "id"), f"rule id '{rule['id']}' is defined twice"))
            seen.add(rule["id"])
        if isinstance(rule.get("message"), str):
            errors.extend(doc.error(("rules", index, "message"), problem)
                          for problem in template_problems(rule["message"]))
    errors.sort(key=lambda e: (e.line or 0, e.column or 0))
    return errors


def _not_finite(data: Any, path: tuple = ()) -> list[tuple[tuple, float]]:
    """Every NaN or infinite number in a rule file (YAML's .nan, .inf): a tolerance of NaN
    compares false with everything, and would turn conflict detection off without a word."""
    found: list[tuple[tuple, float]] = []
    stack = [(data, path)]
    while stack:
        value, where = stack.pop()
        if isinstance(value, float) and not math.isfinite(value):
            found.append((where, value))
        elif isinstance(value, dict):
            stack.extend((v, where + (k,)) for k, v in value.items())
        elif isinstance(value, list):
            stack.extend((v, where + (k,)) for k, v in enumerate(value))
    return sorted(found, key=lambda item: [str(p) for p in item[0]])


def read_rule_file(path: Path) -> tuple[list[Rule], list[RuleError]]:
    try:
        doc = load_yaml(path)
    except RuleError as exc:
        return [], [exc]
    errors = validate_rule_doc(doc)
    if errors:
        return [], errors
    rules = [Rule(r["id"], r["kind"], r, str(path), doc.where(("rules", i))[0])
             for i, r in enumerate(doc.data.get("rules") or [])]
    return rules, []


def rule_paths(path: Path) -> list[Path]:
    if path.is_dir():
        return sorted([*path.glob("*.yaml"), *path.glob("*.yml")])
    return [path]


def shipped_checks() -> Path:
    return rules_home() / "checks"


def project_rule_paths(root: Path) -> list[Path]:
    """factcheck.yaml at the project root, or the rules pyproject.toml points at."""
    found = [root / name for name in CONFIG_FILES if (root / name).is_file()]
    pyproject = root / "pyproject.toml"
    if pyproject.is_file():
        try:
            config = tomllib.loads(pyproject.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise RuleError(f"cannot read [tool.factcheck]: {exc}", pyproject) from None
        for entry in config.get("tool", {}).get("factcheck", {}).get("rules", []):
            found.append(root / entry)
    return found


def rule_files(extra: list[Path] = (), project_root: Path | None = None) -> list[Path]:
    """The rule files in force, in order: shipped checks, project rules, then --rules paths."""
    paths = rule_paths(shipped_checks())
    if project_root is not None:
        paths += project_rule_paths(project_root)
    for path in extra:
        if not path.exists():
            raise RuleError("no such rule file or folder", path)
        found = rule_paths(path)
        if not found:
            raise RuleError("no rule files (.yaml, .yml) in this folder", path)
        paths += found
    return paths


def load_rules(extra: list[Path] = (), project_root: Path | None = None) -> RuleSet:
    """The rules in force: shipped checks, project rules, then --rules paths."""
    paths = rule_files(extra, project_root)
    ruleset = RuleSet()
    problems: list[RuleError] = []
    shipped = shipped_checks()
    for path in paths:
        rules, errors = read_rule_file(path)
        problems.extend(errors)
        for rule in rules:
            ruleset.define(replace(rule, shipped=path.parent == shipped))
    if problems:
        raise RuleErrors(problems)
    return ruleset


def unknown_targets(ruleset: RuleSet) -> list[RuleError]:
    """Overrides of rules that do not exist (a misspelt id): skipped, and said to be."""
    return [RuleError(f"override '{o.id}' targets rule '{o.spec['target']}', which is not defined; "
                      "skipped", o.source, o.line)
            for o in ruleset.of_kind("override") if o.spec["target"] not in ruleset.rules]


def with_overrides(ruleset: RuleSet) -> RuleSet:
    """The rule set with severity changes and disabling by id applied (kind `override`)."""
    result = RuleSet(dict(ruleset.rules), list(ruleset.changes))
    for override in ruleset.of_kind("override"):
        target = result.rules.get(override.spec["target"])
        if target is None:
            continue
        changes = {key: override.spec[key] for key in ("severity", "enabled") if key in override.spec}
        if target.shipped:
            result.note_weakening(target, changes, override)
        result.rules[target.id] = replace(target, spec={**target.spec, **changes})
    return result
