"""Python's cyclic garbage collector, run only in the GUI thread.

Automatic collection runs in whichever thread happens to make the object that
crosses its threshold, and the training, slice and lab workers make objects all
the time. A collection there deletes whatever cyclic garbage exists, Qt objects
included: a closed dialog's plots, a pyqtgraph item, a run's relay. Deleting a Qt
widget outside the GUI thread crashes or hangs the app (measured with
``tools/thread_stress.py``: short worker threads beside discarded pyqtgraph plots
crashed or hung in each of 5 runs of 20 s with automatic collection, and in none
of 14 with this). So the app turns automatic
collection off and collects on a timer in the GUI thread instead, generation by
generation as the thresholds say, the way pyqtgraph's ``GarbageCollector`` does.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

from playground.gui.shell.collector import resume_after_start

INTERVAL_MS = 500  # at most two collections a second; each skips what start-up froze


class GuiThreadCollector(QObject):
    """Collects cyclic garbage in the thread it lives in (the GUI thread), on a timer."""

    def __init__(self, parent: QObject | None = None, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        self._thresholds = gc.get_threshold()
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.collect_due)

    @property
    def active(self) -> bool:
        return self._timer.isActive()

    def start(self) -> None:
        """Turn automatic collection off; collect here from now on."""
        gc.disable()
        self._timer.start()

    def stop(self) -> None:
        """Collect what is due one last time and hand collection back to Python."""
        self._timer.stop()
        self.collect_due()
        gc.enable()

    def collect_due(self) -> int | None:
        """Collect the oldest generation whose threshold was passed; the generation, or None.

        Python's own rule: nothing until enough objects were made since the
        youngest generation was last collected; then the oldest generation whose
        younger one was collected often enough since it was (and all younger ones).
        """
        made, young_passes, middle_passes = gc.get_count()
        first, second, third = self._thresholds
        if first == 0 or made < first:
            return None
        generation = 2 if middle_passes >= third else 1 if young_passes >= second else 0
        gc.collect(generation)
        return generation


def start_collecting_in_gui_thread(parent: QObject | None) -> GuiThreadCollector:
    """End the start's pause (freezing what it made) and collect in the GUI thread from now on."""
    resume_after_start()
    collector = GuiThreadCollector(parent)
    collector.start()
    return collector
