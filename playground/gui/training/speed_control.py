"""The training speed: full speed, or slowed to a few steps per second so a class can watch.

Not part of the experiment (a saved file trains the same at any speed) and not
undoable: like the learning rate during a run, it acts on the run at once. The
steps are a short fixed ladder, so a teacher lands on round numbers with the
slider or with Run ▸ Slower / Faster.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSlider, QWidget

# Steps per second, slowest first; None is full speed (the last position).
SPEEDS: tuple[float | None, ...] = (1.0, 2.0, 5.0, 10.0, 20.0, 50.0, 100.0, 300.0, None)


def speed_text(speed: float | None) -> str:
    """The speed in words, e.g. "Full speed" or "5 steps/s"."""
    if speed is None:
        return QCoreApplication.translate("SpeedControl", "Full speed")
    steps = round(speed)  # a plain name: lupdate reads no expression as the count
    return QCoreApplication.translate("SpeedControl", "%n steps/s", "", steps)


def nearest_position(speed: float | None) -> int:
    """The ladder position closest to ``speed`` (a remembered value from anywhere)."""
    if speed is None or speed <= 0:
        return len(SPEEDS) - 1
    steps = [s for s in SPEEDS if s is not None]
    return min(range(len(steps)), key=lambda i: abs(steps[i] - speed))


class SpeedControl(QWidget):
    """A slider from one step per second to full speed, with the speed in words beside it."""

    speedChanged = Signal(object)  # float steps/s, or None for full speed

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setRange(0, len(SPEEDS) - 1)
        self.slider.setPageStep(1)
        self.slider.setTickPosition(QSlider.TickPosition.TicksBelow)
        self.slider.setValue(len(SPEEDS) - 1)
        self.slider.setToolTip(
            self.tr(
                "How fast training goes. Slow it down to watch the plots and the "
                "network change one step at a time; works during a run too."
            )
        )
        self.slider.setAccessibleName(self.tr("Training speed"))
        self.label = QLabel(speed_text(None))
        self.label.setMinimumWidth(self.label.fontMetrics().horizontalAdvance(speed_text(300.0)))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.slider, 1)
        layout.addWidget(self.label)
        self.slider.valueChanged.connect(self._on_moved)

    def speed(self) -> float | None:
        return SPEEDS[self.slider.value()]

    def set_speed(self, speed: float | None) -> None:
        """Show ``speed`` (the nearest step of the ladder); emits when it changes."""
        self.slider.setValue(nearest_position(speed))

    def slower(self) -> None:
        self.slider.setValue(max(0, self.slider.value() - 1))

    def faster(self) -> None:
        self.slider.setValue(min(len(SPEEDS) - 1, self.slider.value() + 1))

    def _on_moved(self, position: int) -> None:
        self.label.setText(speed_text(SPEEDS[position]))
        self.speedChanged.emit(SPEEDS[position])
