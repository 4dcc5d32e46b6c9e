"""The start holds the garbage collector back and freezes what it made; afterwards
garbage is collected in the GUI thread only, never in a worker thread."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from typing import ClassVar

import pytest

from playground.gui.shell import collector
from playground.gui.shell.gui_collector import GuiThreadCollector, start_collecting_in_gui_thread


@pytest.fixture
def automatic(_gui_collector: GuiThreadCollector) -> Iterator[None]:
    """Python's own automatic collection, as before the app's window exists."""
    _gui_collector.stop()
    yield
    gc.unfreeze()
    _gui_collector.start()


class Cycle:
    """Cyclic garbage that notes the thread it was collected in."""

    collected_in: ClassVar[list[int]] = []

    def __init__(self) -> None:
        self.me = self

    def __del__(self) -> None:
        Cycle.collected_in.append(threading.get_ident())


def test_resume_freezes_the_start_and_collects_again(automatic: None) -> None:
    assert gc.isenabled()
    collector.pause_during_start()
    assert not gc.isenabled()
    kept = [object() for _ in range(10)]
    collector.resume_after_start()
    assert gc.isenabled()
    assert gc.get_freeze_count() >= len(kept)


def test_resume_without_a_pause_leaves_the_collector_alone() -> None:
    enabled, frozen = gc.isenabled(), gc.get_freeze_count()
    collector.resume_after_start()  # a window opened by a test, not by the app's start
    assert gc.isenabled() == enabled and gc.get_freeze_count() == frozen


def test_the_app_collects_in_the_gui_thread_after_its_start(automatic: None) -> None:
    collector.pause_during_start()
    kept = [object() for _ in range(10)]
    gui = start_collecting_in_gui_thread(None)
    try:
        assert gui.active and not gc.isenabled()  # no automatic collection, in any thread
        assert gc.get_freeze_count() >= len(kept)
    finally:
        gui.stop()
    assert gc.isenabled()


def test_garbage_made_in_a_worker_thread_is_collected_in_the_gui_thread(
    _gui_collector: GuiThreadCollector,
) -> None:
    assert _gui_collector.active and not gc.isenabled()
    gc.collect()
    Cycle.collected_in.clear()

    kept: list[list[int]] = []

    def work() -> None:
        for _ in range(50):
            Cycle()
        kept.extend([i] for i in range(200_000))  # far past every threshold

    worker = threading.Thread(target=work)
    worker.start()
    worker.join()
    assert Cycle.collected_in == []  # making objects there started no collection
    assert _gui_collector.collect_due() is not None  # due now, in this (the GUI) thread
    gc.collect()  # the older generations too, as later passes of the timer would
    assert len(Cycle.collected_in) == 50
    assert set(Cycle.collected_in) == {threading.get_ident()}


def test_collections_follow_pythons_thresholds(_gui_collector: GuiThreadCollector) -> None:
    first, second, _third = gc.get_threshold()
    gc.collect()
    assert _gui_collector.collect_due() is None  # nothing made since
    kept = [[i] for i in range(first + 10)]
    assert _gui_collector.collect_due() == 0
    generations = []
    for _ in range(second):
        kept += [[i] for i in range(first + 10)]
        generations.append(_gui_collector.collect_due())
    assert generations[-1] == 1  # the youngest was collected often enough: the next one
    assert set(generations[:-1]) == {0}
