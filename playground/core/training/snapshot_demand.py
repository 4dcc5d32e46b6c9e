"""What the observer of a run shows, so snapshots carry only that and come at its pace.

A snapshot's costly parts (histograms and matrices of every parameter, the
decision grid, the neurons' activations over the plane) were built 30 times a
second whether a view showed them or not, in the training thread: with the
window live that was most of a snapshot's 2 ms and a large share of a small
network's training time. The window knows what it shows and when it has drawn
a frame; it tells the run through a :class:`SnapshotDemand`, which the engine
reads at its safe point. Headless runs keep the default: everything, by time.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class SnapshotContent:
    """Which of a snapshot's costly parts to build.

    The statistics of every parameter (mean, spread, range, gradient norm,
    update ratio) are always built: the diagnosis, the gradient-norm curves and
    the detection of NaN weights rely on them, and they are cheap.
    """

    histograms: bool = True  # value and gradient histograms, small parameters' full matrices
    decision: bool = True  # the decision grid (2-D data) or the fitted curve (1-D data)
    neurons: bool = True  # every dense neuron's output over the plane (the diagram's pictures)


EVERYTHING = SnapshotContent()


class SnapshotDemand:
    """The run's observer tells the training thread what it shows and when it is ready.

    Set from the GUI thread, read by the training thread: a lock keeps the
    content and the ready flag consistent. Unpaced (the default, and headless
    runs) a snapshot is wanted whenever the engine's timer says so; paced, the
    observer calls :meth:`ready` after drawing a frame and the engine builds
    no running snapshot until then, so snapshots come at the display's rate.
    The losses of the steps in between are not lost: the next snapshot
    carries every one of them.
    """

    def __init__(self, content: SnapshotContent = EVERYTHING, *, paced: bool = False) -> None:
        self._lock = threading.Lock()
        self._content = content
        self._paced = paced
        self._ready = True
        # Told of each ready(): a run in another process passes it on through its pipe.
        self._listeners: list[Callable[[SnapshotContent], None]] = []

    @property
    def paced(self) -> bool:
        """Whether running snapshots wait for the observer's :meth:`ready`."""
        return self._paced

    def listen(self, listener: Callable[[SnapshotContent], None]) -> None:
        """Call ``listener`` with the content after every :meth:`ready` (until :meth:`unlisten`)."""
        with self._lock:
            self._listeners.append(listener)

    def unlisten(self, listener: Callable[[SnapshotContent], None]) -> None:
        """Stop calling ``listener`` (no effect for one not listening)."""
        with self._lock:
            if listener in self._listeners:
                self._listeners.remove(listener)

    @property
    def content(self) -> SnapshotContent:
        """What the next snapshot will carry."""
        with self._lock:
            return self._content

    def show(self, content: SnapshotContent) -> None:
        """From now on build only ``content`` (the views shown changed)."""
        with self._lock:
            self._content = content

    def ready(self) -> None:
        """The observer has drawn its frame and takes another snapshot."""
        with self._lock:
            self._ready = True
            content, listeners = self._content, list(self._listeners)
        for listener in listeners:
            listener(content)

    @property
    def wanted(self) -> bool:
        """Whether a running snapshot may be built now (always, when unpaced)."""
        with self._lock:
            return self._ready or not self._paced

    def take(self) -> SnapshotContent:
        """The content of a snapshot being built now; a paced observer is then served."""
        with self._lock:
            if self._paced:
                self._ready = False
            return self._content
