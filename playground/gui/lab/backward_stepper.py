"""Back / Next / Play / Run all through one ``backward()`` call, one graph node per step.

Stepping is how a class follows the chain rule: torch runs the nodes in an
order of its own (:class:`BackwardStep`s are recorded in that order), and the
stepper walks that order at the teacher's pace. Position 0 is "before
backward"; position ``k`` means the first ``k`` nodes have run and the
``k``-th is the one being explained. Play advances on a timer in the GUI
thread, so nothing here needs a thread.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from playground.core.lab.graph import BackwardTrace

#: (label, milliseconds between steps) for Play.
SPEEDS: tuple[tuple[str, int], ...] = (("slow", 2000), ("normal", 1000), ("fast", 400))


class BackwardStepper(QWidget):
    """Chooses a ``backward()`` call and a step within it."""

    trace_changed = Signal(int)
    position_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._traces: list[BackwardTrace] = []
        self._position = 0
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._advance)
        self.trace_box = QComboBox()
        self.trace_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.trace_box.setToolTip(self.tr("Which backward() call to step through"))
        self.trace_box.currentIndexChanged.connect(self._trace_chosen)
        self.back_button = QPushButton(self.tr("◀ Back"))
        self.next_button = QPushButton(self.tr("Next ▶"))
        self.play_button = QPushButton(self.tr("Play"))
        self.play_button.setCheckable(True)
        self.run_all_button = QPushButton(self.tr("Run all"))
        self.speed_box = QComboBox()
        speed_names = {
            "slow": self.tr("Slow"),
            "normal": self.tr("Normal"),
            "fast": self.tr("Fast"),
        }
        for name, interval in SPEEDS:
            self.speed_box.addItem(speed_names[name], interval)
        self.speed_box.setCurrentIndex(1)
        self.speed_box.setToolTip(self.tr("How fast Play steps through backward"))
        self.speed_box.currentIndexChanged.connect(self._speed_chosen)
        self.position_label = QLabel()
        self.position_label.setSizePolicy(
            QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred
        )
        self.back_button.clicked.connect(self.back)
        self.next_button.clicked.connect(self.next)
        self.play_button.toggled.connect(self._play_toggled)
        self.run_all_button.clicked.connect(self.run_all)
        self.back_button.setToolTip(self.tr("Go back one node"))
        self.next_button.setToolTip(self.tr("Run the next node of backward"))
        self.run_all_button.setToolTip(self.tr("Run every remaining node"))
        # Two rows, so a longer translation or a 20-point font never squeezes a button.
        choose = QHBoxLayout()
        choose.addWidget(self.trace_box)
        choose.addSpacing(12)
        choose.addWidget(self.position_label, 1)
        buttons = QHBoxLayout()
        for widget in (
            self.back_button,
            self.next_button,
            self.play_button,
            self.speed_box,
            self.run_all_button,
        ):
            buttons.addWidget(widget)
        buttons.addStretch(1)
        rows = QVBoxLayout(self)
        rows.setContentsMargins(0, 2, 0, 2)
        rows.addLayout(choose)
        rows.addLayout(buttons)
        self.set_traces([])

    # ---- state --------------------------------------------------------------------------

    @property
    def position(self) -> int:
        return self._position

    @property
    def trace_index(self) -> int:
        return self.trace_box.currentIndex()

    def trace(self) -> BackwardTrace | None:
        index = self.trace_box.currentIndex()
        return self._traces[index] if 0 <= index < len(self._traces) else None

    def step_count(self) -> int:
        trace = self.trace()
        return 0 if trace is None else len(trace.steps)

    def set_traces(self, traces: list[BackwardTrace]) -> None:
        """Offer ``traces`` (one per ``backward()`` call); the first is chosen."""
        self.stop()
        self._traces = list(traces)
        self.trace_box.blockSignals(True)
        self.trace_box.clear()
        for number, trace in enumerate(self._traces, start=1):
            self.trace_box.addItem(
                self.tr("call %1: %2.backward(), line %3")
                .replace("%1", str(number))
                .replace("%2", trace.root)
                .replace("%3", str(trace.line))
            )
        self.trace_box.blockSignals(False)
        self._position = 0
        self.setEnabled(bool(self._traces))
        self._update()

    def select_trace(self, index: int) -> None:
        if 0 <= index < len(self._traces) and index != self.trace_box.currentIndex():
            self.trace_box.setCurrentIndex(index)

    def set_position(self, position: int) -> None:
        position = max(0, min(position, self.step_count()))
        if position != self._position:
            self._position = position
            self._update()
            self.position_changed.emit(position)
        if position >= self.step_count():
            self.stop()

    # ---- the buttons --------------------------------------------------------------------

    def next(self) -> None:
        self.set_position(self._position + 1)

    def back(self) -> None:
        self.stop()
        self.set_position(self._position - 1)

    def run_all(self) -> None:
        self.stop()
        self.set_position(self.step_count())

    def play(self) -> None:
        if self._position >= self.step_count():
            self.set_position(0)
        self.play_button.setChecked(True)

    def stop(self) -> None:
        self.play_button.setChecked(False)

    @property
    def playing(self) -> bool:
        return self._timer.isActive()

    def _play_toggled(self, on: bool) -> None:
        if on and self.step_count():
            if self._position >= self.step_count():
                self.set_position(0)
            self._timer.start(int(self.speed_box.currentData()))
        else:
            self._timer.stop()
            if self.play_button.isChecked():
                self.play_button.setChecked(False)
        self.play_button.setText(self.tr("Pause") if self._timer.isActive() else self.tr("Play"))

    def _speed_chosen(self) -> None:
        if self._timer.isActive():
            self._timer.start(int(self.speed_box.currentData()))

    def _advance(self) -> None:
        self.next()

    def _trace_chosen(self, index: int) -> None:
        self.stop()
        self._position = 0
        self._update()
        self.trace_changed.emit(index)

    def _update(self) -> None:
        count = self.step_count()
        self.back_button.setEnabled(self._position > 0)
        self.next_button.setEnabled(self._position < count)
        self.run_all_button.setEnabled(self._position < count)
        self.play_button.setEnabled(count > 0)
        if not self._traces:
            self.position_label.setText(self.tr("no backward() in this script"))
        elif self._position == 0:
            self.position_label.setText(self.tr("before backward()"))
        else:
            self.position_label.setText(
                self.tr("step %1 of %2")
                .replace("%1", str(self._position))
                .replace("%2", str(count))
            )
