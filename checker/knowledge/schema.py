"""JSON Schemas of rule and lexicon files, and messages an editor can act on.

Every YAML file the checker reads as knowledge is validated against a schema
under rules/schema/ before use; each violation becomes a RuleError that points
at the offending key or value (`file:line:col: message`).
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from checker.errors import RuleError
from checker.resources import rules_home
from checker.yamlio import LoadedYaml

if TYPE_CHECKING:
    import jsonschema

RULES = "rule.schema.json"
SCHEMAS = ("lexicon.schema.json", "language.schema.json", RULES)


def schema_path(name: str) -> Path:
    return rules_home() / "schema" / name


@cache
def load_schema(name: str) -> dict[str, Any]:
    return json.loads(schema_path(name).read_text(encoding="utf-8"))


@cache
def validator(name: str) -> jsonschema.Draft202012Validator:
    """A validator for one schema, able to follow references to the others; built once.

    Rule files are checked against rules/schema/rule.schema.json, the schema that
    judge/schema.py composes from the judging kinds (a test keeps the file equal
    to it), so that knowledge never imports judging. jsonschema is imported here:
    a run whose knowledge comes from the cache validates nothing and never pays for it.
    """
    import jsonschema
    from referencing import Registry, Resource

    schemas = {other: load_schema(other) for other in SCHEMAS}
    registry = Registry().with_resources(
        (schema["$id"], Resource.from_contents(schema)) for schema in schemas.values())
    return jsonschema.Draft202012Validator(schemas[name], registry=registry)


def schema_errors(loaded: LoadedYaml, name: str) -> list[RuleError]:
    """Every violation of schema `name` in a loaded YAML file, each with its position."""
    errors: list[RuleError] = []
    for error in validator(name).iter_errors(loaded.data):
        errors.extend(describe_error(loaded, error))
    errors.sort(key=lambda e: (e.line or 0, e.column or 0))
    return errors


def describe_error(loaded: LoadedYaml, error: jsonschema.ValidationError) -> list[RuleError]:
    """One positioned message per problem; an if/then failure is unwrapped to its causes."""
    if error.context:
        causes = [e for e in error.context if e.validator not in ("if",)]
        if causes:
            out: list[RuleError] = []
            for cause in causes:
                out.extend(describe_error(loaded, cause))
            return out
    path = tuple(error.absolute_path)
    is_key = error.validator in ("additionalProperties", "propertyNames")
    if error.validator == "additionalProperties":
        return [loaded.error(path + (key,), _describe(error, key), key=True) for key in _unknown_keys(error)]
    return [loaded.error(path, _describe(error), key=is_key)]


def _unknown_keys(error: jsonschema.ValidationError) -> list[str]:
    allowed = set(error.schema.get("properties", {}))
    instance = error.instance if isinstance(error.instance, dict) else {}
    return [k for k in instance if k not in allowed]


def _describe(error: jsonschema.ValidationError, unknown: str | None = None) -> str:
    """A message an editor can act on, naming the key at fault."""
    name = next((str(p) for p in reversed(error.absolute_path) if isinstance(p, str)), None)
    subject = f"'{name}'" if name else "value"
    if error.validator == "additionalProperties":
        ontology = error.schema.get("x-ontology", {})
        if unknown in ontology.get("keys", ()):
            return (f"'{unknown}' is ontology, shared by every language: it belongs in {ontology['file']}, "
                    "not in a language's lexicon")
        allowed = ", ".join(sorted(error.schema.get("properties", {})))
        return f"unknown key '{unknown}' (allowed: {allowed})"
    if error.validator == "type":
        expected = error.validator_value
        if isinstance(expected, list):
            expected = " or ".join(expected)
        article = "an" if str(expected)[0] in "aeiou" else "a"
        return f"{subject} must be {article} {expected}"
    if error.validator == "enum":
        options = ", ".join(map(str, error.validator_value))
        return f"{subject} must be one of: {options}"
    if error.validator == "required":
        return error.message.replace("is a required property", "is required")
    if error.validator == "propertyNames":
        return f"{error.message}"
    return f"{subject}: {error.message}"
