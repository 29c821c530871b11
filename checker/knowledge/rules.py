"""Read rule files: YAML, validated by rules/schema/rule.schema.json.

Rules come from the checks shipped in rules/checks/, then from the project
(`factcheck.yaml` or `[tool.factcheck]` in pyproject.toml at the project root),
then from every `--rules PATH`. A rule whose id is already defined replaces
the earlier one. Every problem of every file is collected, each as
`path:line:col: message`, before anything runs.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from checker.errors import RuleError, RuleErrors
from checker.knowledge.schema import describe_error, rules_home, validator
from checker.knowledge.templates import template_problems
from checker.yamlio import LoadedYaml, load_yaml

PROJECT_FILES = ("factcheck.yaml", "factcheck.yml")


@dataclass
class Rule:
    """One rule as written, and where it was written."""

    id: str
    kind: str
    spec: dict[str, Any]
    source: str
    line: int = 0

    @property
    def severity(self) -> str:
        return self.spec.get("severity", "info")


@dataclass
class RuleSet:
    rules: dict[str, Rule] = field(default_factory=dict)

    def add(self, rule: Rule) -> None:
        self.rules[rule.id] = rule

    def of_kind(self, *kinds: str) -> list[Rule]:
        return [r for r in self.rules.values() if r.kind in kinds]


def validate_rule_doc(doc: LoadedYaml) -> list[RuleError]:
    """Every problem in one loaded rule file."""
    if not isinstance(doc.data, dict):
        return [doc.error((), "a rule file must be a mapping with a 'rules' list")]
    errors: list[RuleError] = []
    for error in validator("rule.schema.json").iter_errors(doc.data):
        errors.extend(describe_error(doc, error))
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


def project_rule_paths(root: Path) -> list[Path]:
    """factcheck.yaml at the project root, or the rules pyproject.toml points at."""
    found = [root / name for name in PROJECT_FILES if (root / name).is_file()]
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
    paths = rule_paths(rules_home() / "checks")
    if project_root is not None:
        paths += project_rule_paths(project_root)
    for path in extra:
        if not path.exists():
            raise RuleError("no such rule file or folder", path)
        paths += rule_paths(path)
    return paths


def load_rules(extra: list[Path] = (), project_root: Path | None = None) -> RuleSet:
    """The rules in force: shipped checks, project rules, then --rules paths."""
    paths = rule_files(extra, project_root)
    ruleset = RuleSet()
    problems: list[RuleError] = []
    for path in paths:
        rules, errors = read_rule_file(path)
        problems.extend(errors)
        for rule in rules:
            ruleset.add(rule)
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
    rules = dict(ruleset.rules)
    for override in ruleset.of_kind("override"):
        target = rules.get(override.spec["target"])
        if target is None:
            continue
        changes = {key: override.spec[key] for key in ("severity", "enabled") if key in override.spec}
        rules[target.id] = replace(target, spec={**target.spec, **changes})
    return RuleSet(rules)
