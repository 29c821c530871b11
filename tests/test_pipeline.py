"""The pipeline's own housekeeping."""

from __future__ import annotations

import gc

from checker.pipeline import cycle_collector_paused


def test_check_restores_the_cycle_collector():
    assert gc.isenabled()
    with cycle_collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    try:
        with cycle_collector_paused():
            pass
        assert not gc.isenabled()  # a caller's own choice is kept
    finally:
        gc.enable()
