"""The questions the file commands ask: file choosers, "save your changes?", "restore?".

Every blocking dialog of the file, autosave, run history and export commands
goes through one of these functions, so tests replace them (monkeypatch) and
never wait on a modal dialog, and the wording of each question lives in one place.
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSize
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

from playground.gui.plots.picture_size_dialog import PictureSizeDialog

RESTORE_QUESTION = QT_TRANSLATE_NOOP(
    "FilePrompts",
    "Torch Playground did not close properly last time. Restore the experiment you were working on?",
)


class SaveChoice(Enum):
    """The answer to "save your changes?"."""

    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


def ask_save_changes(parent: QWidget, name: str) -> SaveChoice:
    """Ask whether the changes to ``name`` should be saved before they are replaced."""
    buttons = QMessageBox.StandardButton
    box = QMessageBox(
        QMessageBox.Icon.Question,
        QCoreApplication.translate("FilePrompts", "Save changes?"),
        QCoreApplication.translate(
            "FilePrompts", "Do you want to save the changes to {name}?"
        ).format(name=name),
        buttons.Save | buttons.Discard | buttons.Cancel,
        parent,
    )
    box.setInformativeText(
        QCoreApplication.translate(
            "FilePrompts", "If you do not save, the changes and the trained weights are lost."
        )
    )
    box.setDefaultButton(buttons.Save)
    answer = box.exec()
    if answer == buttons.Save:
        return SaveChoice.SAVE
    if answer == buttons.Discard:
        return SaveChoice.DISCARD
    return SaveChoice.CANCEL


def ask_restore(parent: QWidget | None) -> bool:
    """Offer the autosave left by a session that did not close cleanly; True to restore it."""
    buttons = QMessageBox.StandardButton
    answer = QMessageBox.question(
        parent,
        QCoreApplication.translate("FilePrompts", "Restore your work?"),
        QCoreApplication.translate("FilePrompts", RESTORE_QUESTION),
        buttons.Yes | buttons.No,
        buttons.Yes,
    )
    return answer == buttons.Yes


def choose_open_path(parent: QWidget, title: str, start: Path, file_filter: str) -> str:
    """Ask for an existing file; "" when cancelled."""
    name, _ = QFileDialog.getOpenFileName(parent, title, str(start), file_filter)
    return name


def choose_save_path(parent: QWidget, title: str, start: Path, file_filter: str) -> str:
    """Ask for a file to write (the dialog asks before replacing one); "" when cancelled."""
    name, _ = QFileDialog.getSaveFileName(parent, title, str(start), file_filter)
    return name


def choose_folder(parent: QWidget, title: str, start: Path) -> str:
    """Ask for a folder; "" when cancelled."""
    return QFileDialog.getExistingDirectory(parent, title, str(start))


def with_suffix(name: str, suffix: str) -> Path:
    """``name`` as a path ending in ``suffix`` (added when the user typed none or another one)."""
    path = Path(name)
    return path if path.suffix.lower() == suffix else path.with_name(path.name + suffix)


def ask_picture_size(parent: QWidget, kind: str, size: QSize) -> QSize | None:
    """Ask how many pixels wide and high exported plot pictures are; None when cancelled."""
    dialog = PictureSizeDialog(kind, size, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.size_chosen
