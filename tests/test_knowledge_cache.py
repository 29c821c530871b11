"""Compiled knowledge cached on disk: used when every input is unchanged, rebuilt otherwise."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import ROOT

from checker.errors import RuleErrors
from checker.knowledge import load_knowledge
from checker.knowledge.cache import MAGIC, RACY_SECONDS, cached, knowledge_stamp, read_cached, write_cached

RULE = """rules:
  - id: age-tolerance
    kind: numeric
    severity: warning
    select: {predicates: [age]}
    tolerance: {absolute: %d}
"""


@pytest.fixture
def cache(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(folder))
    monkeypatch.delenv("FACTCHECK_CACHE", raising=False)
    return folder


def test_second_load_comes_from_the_cache_and_equals_the_first(cache):
    first = load_knowledge()
    files = list(cache.glob("knowledge-*.pickle"))
    assert len(files) == 1
    second = load_knowledge()
    assert second is not first
    assert second.rules.rules.keys() == first.rules.rules.keys()
    assert second.languages.keys() == first.languages.keys()
    assert second.languages["ar"].variants("والدولارات") == first.languages["ar"].variants("والدولارات")
    assert list(cache.glob("knowledge-*.pickle")) == files


def test_a_changed_rule_file_is_a_new_key(cache, tmp_path):
    rule = tmp_path / "mine.yaml"
    rule.write_text(RULE % 1, encoding="utf-8")
    one = load_knowledge([rule])
    rule.write_text(RULE % 3, encoding="utf-8")
    three = load_knowledge([rule])
    assert one.rules.rules["age-tolerance"].spec["tolerance"] == {"absolute": 1}
    assert three.rules.rules["age-tolerance"].spec["tolerance"] == {"absolute": 3}
    assert len(list(cache.glob("knowledge-*.pickle"))) == 2


def test_a_bad_rule_file_is_never_cached(cache, tmp_path):
    rule = tmp_path / "bad.yaml"
    rule.write_text("rules:\n  - id: x\n    kind: numeric\n    tolerance: {relative: lots}\n", encoding="utf-8")
    for _ in range(2):  # the second run reports the problem again: nothing was stored
        with pytest.raises(RuleErrors, match="must be a number"):
            load_knowledge([rule])
    assert not list(cache.glob("knowledge-*.pickle"))


@pytest.mark.parametrize("damage", [
    lambda raw: raw[:-10],                           # truncated
    lambda raw: raw[:-1] + bytes([raw[-1] ^ 1]),     # one bit flipped in the body
    lambda raw: MAGIC + b"another key\n" + raw[len(MAGIC):],  # written for other inputs
    lambda raw: b"not a cache at all",
])
def test_a_damaged_or_foreign_cache_is_ignored_and_rebuilt(tmp_path, damage):
    path = tmp_path / "k.pickle"
    write_cached(path, "key", {"compiled": True})
    assert read_cached(path, "key") == {"compiled": True}
    path.write_bytes(damage(path.read_bytes()))
    assert read_cached(path, "key") is None
    built = []
    assert cached([], lambda: built.append(1) or {"rebuilt": True}, tmp_path) == {"rebuilt": True}
    assert built == [1]


def test_a_cache_others_may_write_is_not_trusted(tmp_path):
    path = tmp_path / "k.pickle"
    write_cached(path, "key", [1, 2])
    path.chmod(0o666)
    assert read_cached(path, "key") is None


def _settle(path, seconds_ago=60.0):
    """Give a file a modification time long enough ago that its stamp is trusted."""
    then = time.time() - seconds_ago
    os.utime(path, (then, then))


def test_settled_files_are_known_by_their_stamps_without_being_read(tmp_path, monkeypatch):
    rule = tmp_path / "mine.yaml"
    rule.write_text(RULE % 1, encoding="utf-8")
    _settle(rule)
    key = knowledge_stamp([rule])
    read = []
    original = Path.read_bytes
    monkeypatch.setattr(Path, "read_bytes", lambda self: read.append(self) or original(self))
    assert knowledge_stamp([rule]) == key
    assert rule not in read
    # The checker's sources are read only if one was modified in the racy window (just edited).
    assert all(time.time() - p.stat().st_mtime < RACY_SECONDS + 5 for p in read)


def test_a_changed_settled_file_is_a_new_stamp(tmp_path):
    rule = tmp_path / "mine.yaml"
    rule.write_text(RULE % 1, encoding="utf-8")
    _settle(rule, 120)
    before = knowledge_stamp([rule])
    rule.write_text(RULE % 3, encoding="utf-8")  # the same size: only the time tells
    _settle(rule, 60)
    assert knowledge_stamp([rule]) != before


def test_a_file_changed_within_the_racy_window_is_known_by_its_content(tmp_path):
    rule = tmp_path / "mine.yaml"
    now = time.time() - RACY_SECONDS / 4
    rule.write_text(RULE % 1, encoding="utf-8")
    os.utime(rule, (now, now))
    one = knowledge_stamp([rule])
    rule.write_text(RULE % 3, encoding="utf-8")  # the same size and, forced, the same time
    os.utime(rule, (now, now))
    assert knowledge_stamp([rule]) != one


def test_the_cache_can_be_turned_off(cache, monkeypatch):
    monkeypatch.setenv("FACTCHECK_CACHE", "off")
    load_knowledge()
    assert not cache.exists()


def test_help_loads_neither_pydantic_nor_jsonschema():
    code = ("import sys\nfrom checker.cli import main\n"
            "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
            "print(sorted(m for m in ('pydantic', 'jsonschema', 'yaml') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip().splitlines()[-1] == "[]"


def test_a_cached_run_does_not_load_jsonschema(cache):
    load_knowledge()
    code = "import sys\nfrom checker.knowledge import load_knowledge\nload_knowledge()\nprint('jsonschema' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_rules_validate_loads_neither_the_stages_nor_the_stemmer(cache):
    load_knowledge()  # the cache, warm: the stemmer is made on first use, never stored
    code = ("import sys\nfrom checker.cli import main\nassert main(['rules', 'validate']) == 0\n"
            "print(sorted(m for m in ('snowballstemmer', 'rapidfuzz', 'checker.pipeline', 'checker.extract',"
            " 'checker.align') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip().splitlines()[-1] == "[]"

