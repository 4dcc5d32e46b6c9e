"""Play, pause, step and reset for paths drawn one optimizer step at a time.

Watching an optimizer walk is the point of the surface view, so its speed is
the learner's to choose (steps per second) and a single step is always one
click away. The bar owns the timer that paces the walk; what a step does is
the view's business (it listens to :attr:`PlaybackBar.stepped`).
"""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSpinBox, QWidget

DEFAULT_SPEED = 10  # steps per second: slow enough to follow one path by eye
MAX_SPEED = 60
DEFAULT_STEPS = 100
MAX_STEPS = 2000


class PlaybackBar(QWidget):
    """Transport controls and the QTimer that asks for one step per tick while playing."""

    stepped = Signal()  # one more step, from the timer or the Step button
    reset_requested = Signal()
    steps_changed = Signal(int)  # how many steps the paths should have

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.stepped)

        self.play = QPushButton(self)
        self.play.setCheckable(True)
        self.play.toggled.connect(self._play_toggled)
        self.step = QPushButton(self.tr("Step"), self)
        self.step.setToolTip(self.tr("Take one optimizer step on every path"))
        self.step.clicked.connect(self._step_clicked)
        self.reset = QPushButton(self.tr("Reset"), self)
        self.reset.setToolTip(self.tr("Put every path back at the start"))
        self.reset.clicked.connect(self._reset_clicked)

        self.speed = QSpinBox(self)
        self.speed.setRange(1, MAX_SPEED)
        self.speed.setValue(DEFAULT_SPEED)
        self.speed.setSuffix(self.tr(" steps/s"))
        self.speed.setToolTip(self.tr("How many steps are drawn per second while playing"))
        self.speed.valueChanged.connect(self._speed_changed)
        self.steps = QSpinBox(self)
        self.steps.setRange(1, MAX_STEPS)
        self.steps.setValue(DEFAULT_STEPS)
        self.steps.setToolTip(self.tr("How many steps each optimizer takes from the start"))
        self.steps.editingFinished.connect(lambda: self.steps_changed.emit(self.steps.value()))
        self.steps_label = QLabel(self.tr("Steps:"), self)
        self.steps_label.setBuddy(self.steps)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.play, self.step, self.reset, self.speed):
            layout.addWidget(widget)
        layout.addStretch(1)
        layout.addWidget(self.steps_label)
        layout.addWidget(self.steps)
        self._speed_changed(self.speed.value())
        self._play_toggled(False)

    @property
    def playing(self) -> bool:
        return self.play.isChecked()

    def pause(self) -> None:
        """Stop the timer (at the end of the paths, or when the paths are rebuilt)."""
        self.play.setChecked(False)

    def _play_toggled(self, playing: bool) -> None:
        self.play.setText(self.tr("Pause") if playing else self.tr("Play"))
        self.play.setToolTip(
            self.tr("Stop walking") if playing else self.tr("Walk the paths step by step")
        )
        if playing:
            self.timer.start()
        else:
            self.timer.stop()

    def _speed_changed(self, per_second: int) -> None:
        self.timer.setInterval(max(1, round(1000 / per_second)))

    def _step_clicked(self) -> None:
        self.pause()
        self.stepped.emit()

    def _reset_clicked(self) -> None:
        self.pause()
        self.reset_requested.emit()
