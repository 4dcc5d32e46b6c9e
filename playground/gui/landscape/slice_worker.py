"""Slices computed in a worker thread, the newest request winning.

A slice is one forward pass over the training set per grid point: 31 × 31
points of a small MLP take about a second, a CNN far longer, so the grid is
computed off the GUI thread (the window keeps drawing and answering). The
wiring follows the training worker (:func:`~playground.gui.threads.wire_worker`):
one worker per request, run in its own QThread. Only one slice runs at a time
(each on its own copy of the model); a newer request asks the running one to
give up at its next row (:class:`~playground.core.landscape.slices.SliceAbandoned`)
and starts when it has.
"""

from __future__ import annotations

import copy
import dataclasses
import threading
from dataclasses import dataclass

from PySide6.QtCore import QObject, QThread, Signal, Slot

from playground.core.errors import describe_error
from playground.core.landscape.problem import LossProblem
from playground.core.landscape.slices import Directions, SliceAbandoned, loss_slice
from playground.core.landscape.surface import Surface
from playground.core.training import torch_threads
from playground.core.training.torch_threads import SINGLE_THREAD_PARAMETERS
from playground.gui.threads import wire_worker


@dataclass(frozen=True)
class SliceRequest:
    """One slice to compute: the problem (its model at the centre), directions and grid."""

    number: int  # increasing: results of older requests are recognisable
    problem: LossProblem
    directions: Directions
    extent: float
    resolution: int


@dataclass(frozen=True)
class RunningSlice:
    """The slice being computed; plain Python fields stay readable after Qt deletes the worker."""

    thread: QThread
    worker: SliceWorker
    number: int
    abandon: threading.Event


@dataclass(frozen=True)
class SliceResult:
    number: int
    surface: Surface


class SliceWorker(QObject):
    """Computes one slice in its thread; ``finished`` always comes, whatever happened."""

    started = Signal()
    snapshot = Signal(object)  # SliceResult
    progress = Signal(int, int)  # rows done, rows
    errored = Signal(object)  # the exception
    finished = Signal()

    def __init__(self, request: SliceRequest) -> None:
        super().__init__()
        self.request = request
        self.abandon = threading.Event()

    @Slot()
    def run(self) -> None:
        self.started.emit()
        r = self.request
        p = r.problem
        try:
            # The engine's rule: small models run far faster on one intra-op thread
            # (measured for a 32-32 MLP slice on a busy 2-core machine: 1 ms a point
            # instead of 34). The setting is the process's, shared with overlapping runs.
            small = sum(q.numel() for q in p.model.parameters()) <= SINGLE_THREAD_PARAMETERS
            torch_threads.claim(1 if small else torch_threads.process_threads())
            try:
                surface = loss_slice(
                    p.model,
                    p.loss,
                    p.inputs,
                    p.targets,
                    r.directions,
                    r.extent,
                    r.resolution,
                    progress=self._row_done,
                )
            finally:
                torch_threads.release()
            self.snapshot.emit(SliceResult(r.number, surface))
        except SliceAbandoned:
            pass
        except Exception as error:
            self.errored.emit(error)
        finally:
            self.finished.emit()

    def _row_done(self, done: int, rows: int) -> bool:
        self.progress.emit(done, rows)
        return not self.abandon.is_set()


class SliceComputer(QObject):
    """Owns the slice threads: at most one running, the newest request next."""

    computed = Signal(object)  # Surface of the newest request
    progress = Signal(int, int)
    failed = Signal(str)  # why, in sentences
    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._number = 0
        self._running: RunningSlice | None = None
        self._pending: SliceRequest | None = None

    @property
    def busy(self) -> bool:
        return self._running is not None or self._pending is not None

    def request(
        self, problem: LossProblem, directions: Directions, extent: float, resolution: int
    ) -> int:
        """Compute a slice around the model's weights now; supersedes every earlier request."""
        self._number += 1
        # The worker's own model: the GUI may load other weights while the slice runs.
        owned = dataclasses.replace(problem, model=copy.deepcopy(problem.model))
        self._pending = SliceRequest(self._number, owned, directions, extent, resolution)
        if self._running is not None:
            self._running.abandon.set()
        else:
            self._start_pending()
        self.busy_changed.emit(True)
        return self._number

    def _start_pending(self) -> None:
        request, self._pending = self._pending, None
        if request is None:
            return
        thread = QThread(self)  # owned by Qt: deleted by deleteLater, never by Python
        worker = SliceWorker(request)
        worker.snapshot.connect(self._result)
        worker.progress.connect(self._progress)
        worker.errored.connect(self._error)
        wire_worker(worker, thread, self._thread_done)
        self._running = RunningSlice(thread, worker, request.number, worker.abandon)
        thread.start()

    def _is_newest(self) -> bool:
        running = self._running
        return running is not None and self._pending is None and running.number == self._number

    def _result(self, result: SliceResult) -> None:
        if result.number == self._number:
            self.computed.emit(result.surface)

    def _progress(self, done: int, rows: int) -> None:
        if self._is_newest():
            self.progress.emit(done, rows)

    def _error(self, error: Exception) -> None:
        if self._is_newest():
            self.failed.emit(describe_error(error))

    def _thread_done(self) -> None:
        running = self._running
        if running is None or running.thread is not self.sender():
            return  # shutdown() has already waited for it and let it go
        running.thread.wait()  # ``finished`` is queued: the thread may still be ending
        self._running = None
        self._start_pending()
        if self._running is None:
            self.busy_changed.emit(False)

    def shutdown(self, timeout_ms: int = 10_000) -> bool:
        """Abandon every slice and wait for the thread; True if none is left running."""
        self._pending = None
        running = self._running
        if running is None:
            return True
        running.abandon.set()
        running.thread.quit()
        stopped = bool(running.thread.wait(timeout_ms))
        if stopped:
            self._running = None
        return stopped
