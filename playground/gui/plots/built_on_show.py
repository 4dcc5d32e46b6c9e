"""Live plots whose pyqtgraph views are made only when first needed.

Most of a plot's cost at start-up is its pyqtgraph items (plot items, axes, context
menus): the Weights, Gradients and Confusion matrix tabs took about 60 ms of the
window's build, for tabs many sessions never open. Such a plot keeps its buffers
from the start, so it misses no snapshot, and makes its views the first time it
is shown, redrawn or exported.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget


class BuiltOnShow(QWidget):
    """A plot widget that calls :meth:`build_views` once, the first time it is needed.

    Subclasses make their views in ``build_views`` (adding them to :attr:`rows`) and
    draw what their buffers hold at the next ``refresh``.
    """

    built = Signal()  # the views exist now: the plot area gives them its theme and text size

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows = QVBoxLayout(self)
        self.rows.setContentsMargins(0, 0, 0, 0)
        self.rows.setSpacing(0)
        self._built = False

    @property
    def is_built(self) -> bool:
        """Whether the views have been made."""
        return self._built

    def ensure_built(self) -> None:
        """Make the views now if they are not there yet."""
        if self._built:
            return
        self._built = True
        self.build_views()
        self.built.emit()

    def build_views(self) -> None:
        """Make the pyqtgraph views (called once)."""

    def showEvent(self, event: QShowEvent) -> None:
        self.ensure_built()
        super().showEvent(event)
