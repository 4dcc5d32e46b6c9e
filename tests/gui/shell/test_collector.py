"""The start holds the garbage collector back and freezes what it made."""

from __future__ import annotations

import gc

from playground.gui.shell import collector


def test_resume_freezes_the_start_and_collects_again() -> None:
    assert gc.isenabled()
    try:
        collector.pause_during_start()
        assert not gc.isenabled()
        kept = [object() for _ in range(10)]
        collector.resume_after_start()
        assert gc.isenabled()
        assert gc.get_freeze_count() >= len(kept)
    finally:
        gc.unfreeze()
        gc.enable()


def test_resume_without_a_pause_leaves_the_collector_alone() -> None:
    before = gc.get_freeze_count()
    collector.resume_after_start()  # a window opened by a test, not by the app's start
    assert gc.isenabled() and gc.get_freeze_count() == before
