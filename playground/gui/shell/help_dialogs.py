"""The window's small dialogs: keyboard shortcuts, About, warnings and the discard question."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

ABOUT_TEXT = QT_TRANSLATE_NOOP(
    "HelpDialogs",
    "<h3>Torch Playground {version}</h3>"
    "<p>Design a small neural network, pick data, a loss and an optimizer, and watch "
    "it learn: loss, weights and gradients are drawn live while it trains.</p>"
    "<p>Built with PyTorch {torch}, Qt {qt} (PySide6) and pyqtgraph.</p>",
)


class ShortcutsDialog(QDialog):
    """A table of every keyboard shortcut, so keyboard users can discover them."""

    def __init__(self, rows: list[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.table = QTableWidget(len(rows), 2)
        self.table.setHorizontalHeaderLabels([self.tr("Keys"), self.tr("What it does")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        # Long descriptions wrap onto more lines instead of being cut at large text sizes.
        self.table.setWordWrap(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for r, (keys, text) in enumerate(rows):
            self.table.setItem(r, 0, QTableWidgetItem(keys))
            self.table.setItem(r, 1, QTableWidgetItem(text))
        self._fit_to_text()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)

    def _fit_to_text(self) -> None:
        """About 60 characters wide and 24 lines high in the current font, within the screen."""
        metrics = self.fontMetrics()
        width, height = 60 * metrics.averageCharWidth(), 24 * metrics.lineSpacing()
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is not None:
            room = screen.availableGeometry()
            width, height = min(width, room.width() * 9 // 10), min(height, room.height() * 9 // 10)
        self.resize(width, height)


def show_about(parent: QWidget) -> None:
    """The About box: version and the libraries it stands on."""
    import PySide6
    import torch

    from playground.core.io.files import app_version

    QMessageBox.about(
        parent,
        QCoreApplication.translate("HelpDialogs", "About Torch Playground"),
        QCoreApplication.translate("HelpDialogs", ABOUT_TEXT).format(
            version=app_version(), torch=torch.__version__, qt=PySide6.__version__
        ),
    )


def ask_discard(parent: QWidget) -> bool:
    """Ask whether trained weights may be thrown away; True when the user agrees."""
    answer = QMessageBox.question(
        parent,
        QCoreApplication.translate("HelpDialogs", "Discard the training?"),
        QCoreApplication.translate(
            "HelpDialogs",
            "This change starts a new run and the trained weights will be lost. Continue?",
        ),
        QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    return answer == QMessageBox.StandardButton.Discard


def open_warning(parent: QWidget, text: str) -> QMessageBox:
    """Show ``text`` in a warning box without blocking (training and scripts go on)."""
    box = QMessageBox(QMessageBox.Icon.Warning, "Torch Playground", text, parent=parent)
    box.setObjectName("problemMessage")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box
