"""Property-based fuzzing of the ingest paths (hypothesis); see tests/fuzz_inputs.py.

A small, derandomized example budget keeps the suite quick and repeatable;
benchmarks/fuzz.py runs the same properties for as long as one likes.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fuzz_inputs import (article_files, assert_property, assert_store_property, rule_file, run_check, run_store,
                         run_validate, shipped_lexicons_once, sources_yaml, store_edit)

SUITE = settings(max_examples=40, deadline=None, derandomize=True, database=None,
                 suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@SUITE
@given(files=st.lists(article_files, min_size=1, max_size=4), sources=sources_yaml())
def test_random_articles_beside_good_ones(files, sources):
    with shipped_lexicons_once():
        assert_property(run_check(files, sources, None), rules_given=False)


@SUITE
@given(rules=rule_file())
def test_random_rule_files_in_a_check(rules):
    with shipped_lexicons_once():
        assert_property(run_check([], None, rules), rules_given=rules is not None)


@SUITE
@given(rules=rule_file().filter(lambda r: r is not None))
def test_random_rule_files_validate_cleanly(rules):
    status, err = run_validate(rules)
    assert status in (0, 2) and "internal error" not in err, err


@SUITE
@given(edits=st.lists(store_edit, min_size=1, max_size=3))
def test_damaged_stores_are_said_to_be(edits):
    assert_store_property(run_store(edits))


def test_the_undamaged_store_checks_the_draft():
    [(status, err), (indexed, _)] = run_store([])
    assert status == 1 and indexed == 0, err  # the draft's 350 against the archive's 300 and 320
