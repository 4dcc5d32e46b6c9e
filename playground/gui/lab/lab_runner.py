"""Runs a lab script off the GUI thread and hands back a result or a problem, never an exception.

The core bounds what a script may do (steps, work, tensor sizes), but the
bounds allow a second or two of torch work, too long to freeze a window in
front of a class. So the run happens in a worker on a QThread, wired as the
app's training worker is (:func:`~playground.gui.threads.wire_worker`), and
``run()`` catches everything and always reports.
Grad mode is per thread in torch, so a lab run never touches training.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from PySide6.QtCore import QObject, QThread, Signal, Slot

from playground.core.lab.interpreter import LabResult, run_lab
from playground.core.lab.problems import LabError, LabProblem
from playground.gui.threads import wire_worker

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class LabOutcome:
    """One run: the result, or the core's problem, or the name of an unexpected error."""

    source: str
    result: LabResult | None = None
    problem: LabProblem | None = None
    failure: str | None = None


def run_script(source: str) -> LabOutcome:
    """Run ``source`` with the core; a refused script or a crash becomes data, logged if a crash."""
    try:
        return LabOutcome(source, result=run_lab(source))
    except LabError as error:
        return LabOutcome(source, problem=error.problem)
    except Exception as error:  # a bug in the lab must not take the window down
        log.exception("the lab failed on a script")
        return LabOutcome(source, failure=type(error).__name__)


class _LabWorker(QObject):
    finished = Signal(object)

    def __init__(self, source: str) -> None:
        super().__init__()
        self._source = source

    @Slot()
    def run(self) -> None:
        self.finished.emit(run_script(self._source))


class LabRunner(QObject):
    """Starts one run at a time and emits :attr:`finished` with its :class:`LabOutcome`.

    ``finished`` is emitted only once the worker's thread has ended, so whoever
    listens may close the window or start the next run straight away.
    """

    finished = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thread: QThread | None = None
        self._worker: _LabWorker | None = (
            None  # held here: a parentless QObject dies with its wrapper
        )
        self._outcome: LabOutcome | None = None

    @property
    def running(self) -> bool:
        return self._thread is not None

    def start(self, source: str) -> bool:
        """Run ``source`` in a worker thread; False (and nothing started) while one runs."""
        if self._thread is not None:
            return False
        thread = QThread(self)
        worker = _LabWorker(source)
        worker.finished.connect(self._keep)
        wire_worker(worker, thread, self._thread_done)
        self._thread = thread
        self._worker = worker
        self._outcome = None
        thread.start()
        return True

    def wait(self) -> None:
        """Block until a running script ends (the core bounds it), e.g. when the window closes."""
        if self._thread is not None:
            self._thread.quit()
            self._thread.wait()

    @Slot(object)
    def _keep(self, outcome: LabOutcome) -> None:
        self._outcome = outcome

    @Slot()
    def _thread_done(self) -> None:
        thread, self._thread = self._thread, None
        if thread is not None:
            thread.wait()  # ``finished`` is queued: the thread may still be in its last moments
        self._worker = None
        outcome = self._outcome
        self._outcome = None
        if outcome is not None:
            self.finished.emit(outcome)
