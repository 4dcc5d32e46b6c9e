"""The diagnosis tab: the core's findings about the gradients, in plain words with icons."""

from __future__ import annotations

import html

import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from playground.core.training.snapshot import Hint, Snapshot

SEVERITY_ORDER = {"problem": 0, "warning": 1, "info": 2}
SEVERITY_WORDS = {
    "problem": QT_TRANSLATE_NOOP("DiagnosisView", "Problem"),
    "warning": QT_TRANSLATE_NOOP("DiagnosisView", "Warning"),
    "info": QT_TRANSLATE_NOOP("DiagnosisView", "Note"),
}
SEVERITY_ICONS = {
    "problem": QStyle.StandardPixmap.SP_MessageBoxCritical,
    "warning": QStyle.StandardPixmap.SP_MessageBoxWarning,
    "info": QStyle.StandardPixmap.SP_MessageBoxInformation,
}
WAITING_TEXT = QT_TRANSLATE_NOOP(
    "DiagnosisView", "Start training to have the gradients checked for common problems."
)
HEALTHY_TEXT = QT_TRANSLATE_NOOP(
    "DiagnosisView", "No problems found: the gradients of every layer look healthy."
)
ICON_SIZE = 28


class DiagnosisView(QWidget):
    """Explains what the gradient statistics mean, so learners need not read the plots.

    Findings are listed worst first; each says what is happening and what to
    try. The list is rebuilt only when the findings change, not per snapshot.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hints: tuple[Hint, ...] = ()
        self._received = False
        self._shown: tuple[tuple[Hint, ...], bool] | None = None

        self.summary_icon = QLabel()
        self.summary = QLabel(self.tr(WAITING_TEXT))
        self.summary.setWordWrap(True)
        font = self.summary.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.summary.setFont(font)
        self.rows = QVBoxLayout()
        self.rows.setSpacing(10)
        content = QWidget()
        content_layout = QVBoxLayout(content)
        header = QHBoxLayout()
        header.addWidget(self.summary_icon)
        header.addWidget(self.summary, 1)
        content_layout.addLayout(header)
        content_layout.addLayout(self.rows)
        content_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(scroll)

    def add_snapshot(self, snapshot: Snapshot) -> None:
        """Keep the findings of the newest snapshot that has parameter statistics."""
        if snapshot.parameters or snapshot.hints:
            self._received = True
            self.hints = tuple(
                sorted(snapshot.hints, key=lambda hint: SEVERITY_ORDER.get(hint.severity, 3))
            )

    def refresh(self) -> bool:
        """Rebuild the list if the findings changed."""
        state = (self.hints, self._received)
        if state == self._shown:
            return False
        self._shown = state
        while self.rows.count():
            item = self.rows.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        healthy = self._received and not self.hints
        self.summary_icon.setVisible(healthy)
        if healthy:
            icon = self.style().standardIcon(QStyle.StandardPixmap.SP_DialogApplyButton)
            self.summary_icon.setPixmap(icon.pixmap(ICON_SIZE, ICON_SIZE))
        if not self._received:
            self.summary.setText(self.tr(WAITING_TEXT))
        elif healthy:
            self.summary.setText(self.tr(HEALTHY_TEXT))
        else:
            problems = sum(hint.severity != "info" for hint in self.hints)
            if problems == 1:
                summary = self.tr("1 thing to look at:")
            elif problems:
                summary = self.tr("%n things to look at:", "", problems)
            else:
                summary = self.tr("Nothing is wrong; some notes:")
            self.summary.setText(summary)
        for hint in self.hints:
            self.rows.addWidget(self._row(hint))
        return True

    def _row(self, hint: Hint) -> QWidget:
        row = QFrame()
        row.setFrameShape(QFrame.Shape.StyledPanel)
        icon = QLabel()
        icon.setPixmap(
            self.style()
            .standardIcon(SEVERITY_ICONS.get(hint.severity, SEVERITY_ICONS["info"]))
            .pixmap(ICON_SIZE, ICON_SIZE)
        )
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        where = (
            self.tr("the whole model")
            if hint.layer_index is None
            else self.tr("layer {number}").format(number=hint.layer_index + 1)
        )
        severity = self.tr(SEVERITY_WORDS.get(hint.severity, SEVERITY_WORDS["info"]))
        text = QLabel(
            self.tr("<b>{severity} ({where}):</b> {message}<br><i>Try:</i> {hint}").format(
                severity=severity,
                where=html.escape(where),
                message=html.escape(hint.message),
                hint=html.escape(hint.hint),
            )
        )
        text.setWordWrap(True)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QHBoxLayout(row)
        layout.addWidget(icon)
        layout.addWidget(text, 1)
        return row

    @property
    def row_count(self) -> int:
        """How many findings are listed."""
        return self.rows.count()

    def reset(self) -> None:
        """Back to the waiting state for a new run."""
        self.hints = ()
        self._received = False
        self.refresh()

    def export_items(self) -> dict[str, pg.PlotItem | pg.GraphicsLayoutWidget]:
        """Nothing to export: the findings are text."""
        return {}
