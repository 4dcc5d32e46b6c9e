"""Which process a run trains in: a warm training child, or the window's own as a fallback.

With every plot live, a run in a thread of the window's interpreter competes
with the drawing for the interpreter lock; in a spawned child it does not (see
:mod:`playground.core.training.remote`). The run controller asks
:meth:`ProcessRuns.build` for each run's engine, which returns a
:class:`~playground.core.training.remote.proxy.RemoteEngine` driving a warm
child, or an engine that trains in the window, with a log line, when no child
can be had: none warm yet (its start-up is never waited for), spawning failed,
or hooks or data that cannot cross to another process.
``PLAYGROUND_TRAINING=thread`` keeps every run in the window's process (the GUI
tests use it for speed).

The window's engine that only feeds a child is built on the CPU: on a GPU
machine the model and data would otherwise sit in GPU memory twice, and the
window would set up CUDA for nothing. The child trains on the experiment's
device; an engine that trains in the window uses that device too.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable, Sequence
from typing import TypeAlias

import torch
from PySide6.QtCore import QObject, QTimer

from playground.core.training.devices import resolve_device
from playground.core.training.engine import Callback, Engine
from playground.core.training.remote.children import ChildPool
from playground.core.training.remote.protocol import crossing_callbacks
from playground.core.training.remote.proxy import RemoteEngine

log = logging.getLogger(__name__)

RunEngine: TypeAlias = Engine | RemoteEngine
# Builds a run's engine on the given device (None: on the experiment's training.device).
EngineMaker: TypeAlias = Callable[[torch.device | None], Engine]
FEEDER_DEVICE = torch.device("cpu")  # where the window's copy of a run trained in a child lives
ENVIRONMENT_SWITCH = "PLAYGROUND_TRAINING"
WARM_UP_DELAY_MS = 500  # after the window has drawn itself, so its start stays quick
WARM_POLL_MS = 50


def process_runs_wanted() -> bool:
    """Whether runs train in a child process (the default) rather than in a thread."""
    return os.environ.get(ENVIRONMENT_SWITCH, "process").strip().lower() != "thread"


class ProcessRuns(QObject):
    """Keeps one warm training child for the next run and ends the children at shutdown."""

    def __init__(self, parent: QObject | None = None, *, enabled: bool | None = None) -> None:
        super().__init__(parent)
        self.enabled = process_runs_wanted() if enabled is None else enabled
        self.pool = ChildPool()
        # A child timer: it goes with this object, so a warm-up never outlives it.
        self._warm_up_timer = QTimer(self)
        self._warm_up_timer.setSingleShot(True)
        self._warm_up_timer.timeout.connect(self.warm_up)
        if self.enabled:
            self._warm_up_timer.start(WARM_UP_DELAY_MS)

    def warm_up(self) -> None:
        """Start a spare child in the background unless one is there."""
        if self.enabled:
            self.pool.warm_up()

    def when_warm(self, then: Callable[[], None], timeout_s: float) -> None:
        """Call ``then`` once a warm child waits, or after ``timeout_s`` (for scripted runs).

        A person pressing Train never waits for a child; a scripted session (``--autoplay``)
        may, so that it trains the way the app does once it has been open a moment.
        """
        if not self.enabled:
            then()
            return
        self.warm_up()
        deadline = time.monotonic() + timeout_s

        def look() -> None:
            if self.pool.has_warm_child() or time.monotonic() > deadline:
                then()
            else:
                QTimer.singleShot(WARM_POLL_MS, self, look)

        look()

    def build(self, make: EngineMaker, callbacks: Sequence[Callback]) -> RunEngine:
        """The engine of a run: ``make(cpu)`` driven in a warm child where one can be had.

        ``make(device)`` builds the run's :class:`Engine` on ``device`` (None: on the
        experiment's own); what it raises is raised here, and a child taken for the
        run goes back to the pool. Without a child the run is ``make(None)``.
        """
        if not self.enabled:
            return make(None)
        crossing = crossing_callbacks(callbacks)
        if crossing is None:
            log.info("training in the window's process: its hooks cannot cross to another")
            return make(None)
        child = self.pool.take()
        if child is None:
            log.info("training in the window's process: no training process is ready yet")
            return make(None)
        try:
            feeder = make(FEEDER_DEVICE)
            crossing = crossing_callbacks(crossing, feeder.dataset)
            remote = (
                None
                if crossing is None
                else RemoteEngine(feeder, child, self.pool.give_back, crossing)
            )
        except BaseException:
            self.pool.give_back(child, True)
            raise
        if remote is None:  # a data set that cannot cross: this run trains here, on its device
            self.pool.give_back(child, True)
            log.info("training in the window's process: its data cannot cross to another")
            wanted = resolve_device(feeder.experiment.training.device)
            return feeder if wanted == feeder.device else make(None)
        log.info("training in process %s", child.pid)
        return remote

    def shutdown(self) -> None:
        """End every training child (the next run asks for a new one)."""
        self._warm_up_timer.stop()
        self.pool.shutdown()
