"""Runs that were told to stop and let go, kept until their threads have really ended.

Replacing the experiment (Reset, New, Open, an example) or closing the window
must not wait on the GUI thread for a run that is in the middle of a long
batch, and must not let that run talk to the new experiment either. The
controller therefore lets such a run go: it asks it to stop, stops listening
to it and hands its thread here. This object holds a reference to each thread
until it has finished, because a QThread that is destroyed while it runs
aborts the whole process, and it tells when the last one has ended so that
the app can quit only then.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QThread, Signal

if TYPE_CHECKING:
    from playground.gui.training.process_runs import RunEngine


class RetiredRuns(QObject):
    """Threads of stopped runs that nobody listens to any more, until they end.

    Signals: ``ended(RunEngine)`` when the thread of a retired run has ended (its
    engine may then be read, e.g. to record the run), ``all_ended()`` when no
    retired thread is left.
    """

    ended = Signal(object)
    all_ended = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._threads: dict[QThread, RunEngine] = {}

    def __len__(self) -> int:
        return len(self._threads)

    def keep(self, thread: QThread, engine: RunEngine) -> None:
        """Hold ``thread`` (whose run was asked to stop) until :meth:`collect` sees it end.

        The owner calls :meth:`collect` from a slot of ``thread.finished`` that was
        connected before the thread's ``deleteLater``; a connection made here, later,
        could be served after the thread is deleted and lose track of it.
        """
        self._threads[thread] = engine

    def wait(self, timeout: float) -> bool:
        """Block up to ``timeout`` seconds for every retired thread; True when none is left.

        For quitting and for tests only: the GUI never waits on a run it let go.
        """
        deadline = time.monotonic() + timeout
        for thread in list(self._threads):
            remaining = max(0.0, deadline - time.monotonic())
            if thread.wait(int(remaining * 1000)):
                self.collect(thread)
        return not self._threads

    def collect(self, thread: QThread) -> None:
        """``thread`` has finished: let it go (no effect for a thread not held here)."""
        # Runs once per thread, whether its queued signal or wait() gets here first.
        engine = self._threads.pop(thread, None)
        if engine is None:
            return
        # ``finished`` is emitted just before the thread's last moments; wait until it has
        # really ended, so its wrapper is not dropped while it still runs.
        thread.wait()
        self.ended.emit(engine)
        if not self._threads:
            self.all_ended.emit()
