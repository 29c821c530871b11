"""Rules are checked the same way by `check` and `rules validate`; examples are judged under their rule."""

from __future__ import annotations

import pytest

from checker.cli import main
from checker.knowledge import load_knowledge
from checker.knowledge.rules import validate_rule_doc
from checker.knowledge.templates import template_problems
from checker.tools.selftest import test_rule as run_examples
from checker.yamlio import parse_yaml
from conftest import ROOT


@pytest.mark.parametrize("template, problem", [
    ("Outlets disagree on {predicate} of {subject}: {values}", None),
    ("{outlets} outlets agree; braces {{like this}} are fine", None),
    ("{", "not a valid template"),
    ("ages differ}", "not a valid template"),
    ("{unknown} of {subject}", "unknown placeholder {unknown}"),
    ("{} and {0}", "unknown placeholder {}"),
    ("{subject.upper}", "unknown placeholder {subject.upper}"),
    ("{values!r}", "takes no format or conversion"),
    ("{outlets:>5}", "takes no format or conversion"),
])
def test_message_templates(template, problem):
    found = template_problems(template)
    if problem is None:
        assert found == []
    else:
        assert found and problem in found[0]


def rule_file(tmp_path, body: str):
    path = tmp_path / "r.yaml"
    path.write_text("rules:\n" + body, encoding="utf-8")
    return path


def test_a_bad_template_is_an_error_at_its_line(tmp_path):
    path = rule_file(tmp_path, "  - id: ages\n    kind: numeric\n    message: \"Ages: {valeus}\"\n")
    [error] = validate_rule_doc(parse_yaml(path.read_text(encoding="utf-8"), path))
    assert (error.line, error.column) == (4, 14) and "unknown placeholder {valeus}" in error.message


def test_rules_that_are_not_a_list_are_a_schema_error_not_a_crash(tmp_path):
    path = rule_file(tmp_path, "  5\n")
    errors = validate_rule_doc(parse_yaml(path.read_text(encoding="utf-8"), path))
    assert errors and "'rules' must be an array" in errors[0].message


def test_an_override_of_no_rule_is_named_and_skipped(tmp_path):
    path = rule_file(tmp_path, "  - id: quiet\n    kind: override\n    target: numeric-conflikt\n"
                               "    enabled: false\n")
    knowledge = load_knowledge([path])
    [skipped] = knowledge.skipped_rules
    assert str(skipped) == (f"{path}:2: override 'quiet' targets rule 'numeric-conflikt', "
                            "which is not defined; skipped")
    assert knowledge.rules.rules["numeric-conflict"].spec.get("enabled", True)


TOLL_TOLERANCE = ("  - id: toll-tolerance\n    kind: numeric\n    severity: error\n"
                  "    select: {predicates: [death_toll]}\n    tolerance: {relative: 0.5}\n")


def test_shipped_examples_pass_beside_a_newsroom_tolerance(tmp_path):
    # 14 and 22 dead are within this newsroom's 50 %: under all the rules in force,
    # the shipped rule's conflict example would find no conflict of its own.
    knowledge = load_knowledge([rule_file(tmp_path, TOLL_TOLERANCE)])
    assert run_examples(knowledge.rules.rules["numeric-conflict"], knowledge) == []


def test_a_disabled_rule_still_has_its_examples_judged(tmp_path):
    path = rule_file(tmp_path, "  - id: no-numbers\n    kind: override\n    target: numeric-conflict\n"
                               "    enabled: false\n")
    knowledge = load_knowledge([path])
    assert run_examples(knowledge.rules.rules["numeric-conflict"], knowledge) == []


def test_rules_test_reports_every_rule_passing_beside_a_newsroom_tolerance(tmp_path, capsys):
    path = rule_file(tmp_path, TOLL_TOLERANCE)
    assert main(["rules", "test", "--rules", str(path), "--project", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    tested = out.split("/")[1].split()[0]
    assert out.startswith(f"{tested}/{tested} rules with examples pass")


def test_shipped_rules_have_valid_templates():
    doc = parse_yaml((ROOT / "rules" / "checks" / "default.yaml").read_text(encoding="utf-8"), "default.yaml")
    assert validate_rule_doc(doc) == []
