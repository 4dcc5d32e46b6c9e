"""The window's small dialogs: keyboard shortcuts, About, warnings and the discard question."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
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
        self.resize(560, 480)
        self.table = QTableWidget(len(rows), 2)
        self.table.setHorizontalHeaderLabels([self.tr("Keys"), self.tr("What it does")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for r, (keys, text) in enumerate(rows):
            self.table.setItem(r, 0, QTableWidgetItem(keys))
            self.table.setItem(r, 1, QTableWidgetItem(text))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)


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
