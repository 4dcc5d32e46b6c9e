"""Workers run in their QThread while every Qt object stays in, and dies in, the GUI thread."""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, QThread, Signal, Slot
from pytestqt.qtbot import QtBot

from playground.gui.threads import wire_worker


class Worker(QObject):
    result = Signal(int)
    finished = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.ran_in: int | None = None

    @Slot()
    def run(self) -> None:
        self.ran_in = threading.get_ident()
        self.result.emit(42)
        self.finished.emit()


def test_the_worker_runs_in_its_thread_and_is_deleted_in_the_gui_thread(qtbot: QtBot) -> None:
    gui = threading.get_ident()
    worker, thread = Worker(), QThread()
    results: list[tuple[int, int]] = []
    ended: list[int] = []
    deleted_in: list[int] = []
    worker.result.connect(lambda value: results.append((value, threading.get_ident())))
    worker.destroyed.connect(lambda: deleted_in.append(threading.get_ident()))
    wire_worker(worker, thread, lambda: ended.append(threading.get_ident()))
    assert worker.thread() is QThread.currentThread()  # never moved to the worker thread
    thread.start()
    qtbot.waitUntil(lambda: bool(deleted_in), timeout=10_000)
    assert worker.ran_in is not None and worker.ran_in != gui
    assert results == [(42, gui)]  # its signals reach the GUI thread queued
    assert ended == [gui]
    assert deleted_in == [gui]


def test_the_thread_ends_while_the_gui_thread_waits_for_it(qtbot: QtBot) -> None:
    worker, thread = Worker(), QThread()
    wire_worker(worker, thread, lambda: None)
    thread.start()
    assert thread.wait(10_000)  # the worker quits its thread itself: no event loop needed
    qtbot.waitUntil(lambda: not _alive(thread), timeout=10_000)


def _alive(thread: QThread) -> bool:
    try:
        thread.objectName()
    except RuntimeError:  # deleted, as wire_worker asks once the thread has ended
        return False
    return True


def test_a_worker_its_owner_deleted_first_is_left_alone(qtbot: QtBot) -> None:
    import shiboken6

    worker, thread = Worker(), QThread()
    wire_worker(worker, thread, lambda: None)
    thread.start()
    assert thread.wait(10_000)
    shiboken6.delete(worker)  # before the thread's end reaches the GUI thread
    qtbot.waitUntil(lambda: not _alive(thread), timeout=10_000)  # and no error on the way
