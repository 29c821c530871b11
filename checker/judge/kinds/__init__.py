"""The kinds of judging rules, one module each (after Vale's checks).

A kind module defines NAME (the `kind:` of its rules), ORDER (when it judges a
group: the kinds that compare values first, then those that read what they
found), PARAMETERS (the JSON Schema of its own rule keys; REQUIRED lists those
that must be given), EMITS (the kinds of finding it makes, each a declaration of
checker/judge/finding_kinds.py that every output reads) and
`judge(rule, group, context) -> list[Finding]`, which reads nothing else and
changes nothing. Every module of this package is a
kind: adding a module adds a kind, and the rule schema follows (see
checker/judge/schema.py).
"""

from __future__ import annotations

import importlib
import pkgutil
from types import ModuleType


def discover() -> dict[str, ModuleType]:
    """Every kind module of this package, by name, in judging order."""
    modules = [importlib.import_module(f"{__name__}.{info.name}") for info in pkgutil.iter_modules(__path__)]
    return {module.NAME: module for module in sorted(modules, key=lambda m: (m.ORDER, m.NAME))}


KINDS: dict[str, ModuleType] = discover()
