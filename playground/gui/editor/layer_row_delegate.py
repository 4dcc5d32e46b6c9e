"""The list of layers: how a row looks (a card with kind, settings, shape, size) and the view.

Rows are painted rather than built from widgets so a long stack scrolls
smoothly and drag and drop stays a plain model move. A row with a problem is
tinted, carries a warning icon, and shows the core's sentence in full, so the
problem never rests on colour alone.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent, QPalette, QResizeEvent
from PySide6.QtWidgets import (
    QLabel,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from playground.core.layers.model import LayerSummary
from playground.core.spec.experiment import LayerSpec
from playground.gui.editor.layer_stack_model import (
    LayerRole,
    ProblemTextRole,
    SummaryRole,
    params_text,
    shape_text,
)

_PAD = 6
_GAP = 3
MIN_VISIBLE_ROWS = 3  # the layer list always shows this many rows whole
_PROBLEM = QColor(213, 94, 0)  # Okabe-Ito vermillion: readable for colour-blind users

Index = QModelIndex | QPersistentModelIndex


def detail_text(summary: LayerSummary | None) -> str:
    """The second line of a row: output shape and parameter count (dashes when unknown)."""
    if summary is None or summary.output_shape is None:
        return QCoreApplication.translate("LayerRow", "→ —    ·    — parameters")
    count = summary.parameters
    words = (
        QCoreApplication.translate("LayerRow", "→ {shape}    ·    1 parameter")
        if count == 1
        else QCoreApplication.translate("LayerRow", "→ {shape}    ·    {count} parameters")
    )
    return words.format(shape=shape_text(summary.output_shape), count=f"{count:,}")


class LayerRowDelegate(QStyledItemDelegate):
    """Paints layer rows; heights follow the font, so large projector fonts stay readable."""

    def __init__(self, view: QListView) -> None:
        super().__init__(view)
        self._view = view

    def _text_width(self, option_width: int) -> int:
        width = self._view.viewport().width() if option_width <= 0 else option_width
        return max(120, width - 2 * _PAD - self._number_width(self._view.font()))

    @staticmethod
    def _number_width(font: QFont) -> int:
        return QFontMetrics(font).horizontalAdvance("99") + _PAD

    def _problem_rect(self, font: QFont, width: int, problem: str) -> QRect:
        metrics = QFontMetrics(font)
        icon = metrics.height()
        return metrics.boundingRect(
            QRect(0, 0, width - icon - _GAP, 10_000),
            int(Qt.TextFlag.TextWordWrap),
            problem,
        )

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        metrics = QFontMetrics(option.font)
        height = 2 * _PAD + 2 * metrics.height() + _GAP
        problem = index.data(ProblemTextRole)
        if isinstance(problem, str) and problem:
            width = self._text_width(self._view.viewport().width())
            height += self._problem_rect(option.font, width, problem).height() + _GAP
        return QSize(self._view.viewport().width(), height)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        layer = index.data(LayerRole)
        summary = index.data(SummaryRole)
        if not isinstance(layer, LayerSpec):
            return
        if not isinstance(summary, LayerSummary):
            summary = None
        rect: QRect = option.rect
        palette: QPalette = option.palette
        state = option.state
        selected = bool(state & QStyle.StateFlag.State_Selected)
        problem = index.data(ProblemTextRole)
        has_problem = isinstance(problem, str) and bool(problem)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        card = rect.adjusted(2, 2, -2, -2)
        background = palette.color(QPalette.ColorRole.Base)
        if has_problem:
            background = _mix(background, _PROBLEM, 0.18)
        border = palette.color(QPalette.ColorRole.Mid)
        if selected:
            background = _mix(background, palette.color(QPalette.ColorRole.Highlight), 0.28)
            border = palette.color(QPalette.ColorRole.Highlight)
        if has_problem:
            border = _PROBLEM
        painter.setPen(border)
        painter.setBrush(background)
        painter.drawRoundedRect(card, 5, 5)
        if state & QStyle.StateFlag.State_HasFocus:
            pen = painter.pen()
            pen.setWidth(2)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(card.adjusted(1, 1, -1, -1), 4, 4)

        font = QFont(option.font)
        metrics = QFontMetrics(font)
        line = metrics.height()
        text_color = palette.color(QPalette.ColorRole.Text)
        muted = _mix(text_color, background, 0.4)
        left = card.left() + _PAD
        top = card.top() + _PAD - 2
        number_width = self._number_width(font)
        painter.setPen(muted)
        painter.setFont(font)
        painter.drawText(
            QRect(left, top, number_width - _PAD, line),
            int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
            str(index.row() + 1),
        )
        x = left + number_width
        width = card.right() - _PAD - x
        bold = QFont(font)
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(text_color)
        kind_width = QFontMetrics(bold).horizontalAdvance(layer.kind)
        painter.drawText(QRect(x, top, width, line), int(Qt.AlignmentFlag.AlignVCenter), layer.kind)
        painter.setFont(font)
        painter.setPen(muted)
        settings = params_text(layer)
        if settings:
            rest = width - kind_width - 2 * _GAP
            elided = metrics.elidedText(settings, Qt.TextElideMode.ElideRight, max(rest, 0))
            painter.drawText(
                QRect(x + kind_width + 2 * _GAP, top, rest, line),
                int(Qt.AlignmentFlag.AlignVCenter),
                elided,
            )
        top += line + _GAP
        painter.setPen(text_color if summary and summary.output_shape else muted)
        painter.drawText(
            QRect(x, top, width, line), int(Qt.AlignmentFlag.AlignVCenter), detail_text(summary)
        )
        if isinstance(problem, str) and problem:
            top += line + _GAP
            icon = self._view.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
            icon.paint(painter, QRect(x, top, line, line))
            painter.setPen(text_color)
            box = self._problem_rect(font, width, problem)
            painter.drawText(
                QRect(x + line + _GAP, top, width - line - _GAP, box.height()),
                int(Qt.TextFlag.TextWordWrap),
                problem,
            )
        painter.restore()


def _mix(base: QColor, other: QColor, amount: float) -> QColor:
    keep = 1.0 - amount
    return QColor(
        round(base.red() * keep + other.red() * amount),
        round(base.green() * keep + other.green() * amount),
        round(base.blue() * keep + other.blue() * amount),
    )


class LayerStackView(QListView):
    """The list of layers; re-lays out rows on resize because problem text wraps.

    It never gets shorter than :data:`MIN_VISIBLE_ROWS` rows at the current text size:
    with a projector font a squeezed list showed a single clipped row, so the panel
    scrolls instead.
    """

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        rows = MIN_VISIBLE_ROWS * (2 * _PAD + 2 * self.fontMetrics().height() + _GAP)
        return QSize(hint.width(), max(hint.height(), rows + 2 * self.frameWidth()))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.scheduleDelayedItemsLayout()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        model = self.model()
        if model is not None and model.rowCount() == 0:
            painter = QPainter(self.viewport())
            painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
            flags = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap
            painter.drawText(
                self.viewport().rect().adjusted(12, 12, -12, -12),
                int(flags),
                self.tr(
                    "No layers yet. Use Add layer above, or press Insert and type a layer's name."
                ),
            )


class WrappingColumn(QWidget):
    """A column whose minimum height counts its wrapped labels.

    A splitter reads only the plain minimum height, which counts each wrapped label as
    one line; with large text the labels then took the layer list's rows and the list
    shrank to one clipped row. This column asks for the height its lines need at its
    present width; it does not ask for a new layout when it is resized, so a scroll
    bar that comes and goes cannot feed back into it (layouts read it when they run).
    """

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        layout = self.layout()
        if layout is None or not layout.hasHeightForWidth():
            return hint
        lines = layout.totalMinimumHeightForWidth(max(hint.width(), self.width()))
        return QSize(hint.width(), max(hint.height(), lines))


def heading(text: str) -> QLabel:
    """A bold section title that follows the app font."""
    label = QLabel(text)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label
