"""The app switched to 简体中文: no window, dialog, menu or plot still shows its English source.

Each failure lists the untranslated texts with the widget and property they are
on; after adding texts, run ``tools/update_translations.py`` and translate the
new entries of ``resources/translations/playground_zh_CN.ts``.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from playground.core.spec.experiment import LayerSpec
from playground.gui.document import file_prompts
from playground.gui.shell.language import current_language, install_language
from playground.gui.shell.main_window import MainWindow
from playground.gui.shell.settings import AppSettings
from tests.gui.english_texts import english_words, untranslated

TIMEOUT_MS = 60_000


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[None]:
    assert install_language("zh_CN") == "zh_CN"
    yield
    install_language("en")


class Dialogs:
    """Stands in for every modal dialog and message box: records what it would show."""

    def __init__(self) -> None:
        self.seen: dict[str, list[str]] = {}

    def record(self, dialog: QWidget) -> None:
        self.seen[type(dialog).__name__ + ":" + dialog.windowTitle()] = untranslated(dialog)

    def message(self, title: str, text: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, title, text)
        box.setStandardButtons(
            QMessageBox.StandardButton.Yes
            | QMessageBox.StandardButton.No
            | QMessageBox.StandardButton.Cancel
        )
        self.record(box)
        box.deleteLater()


@pytest.fixture
def dialogs(monkeypatch: pytest.MonkeyPatch) -> Dialogs:
    seen = Dialogs()

    def run_modal(dialog: QDialog) -> int:
        seen.record(dialog)
        return 0

    def static_box(_parent: object, title: str, text: str, *_args: object) -> object:
        seen.message(title, text)
        return QMessageBox.StandardButton.Discard  # "discard the training?": yes, go on

    monkeypatch.setattr(QDialog, "exec", run_modal)
    monkeypatch.setattr(QMessageBox, "exec", run_modal)
    for name in ("question", "warning", "information", "about", "critical"):
        monkeypatch.setattr(QMessageBox, name, static_box)
    return seen


def test_english_words_are_found_and_names_are_kept() -> None:
    assert english_words("Train on one batch, then pause.") == [
        "Train",
        "one",
        "batch",
        "then",
        "pause",
    ]
    assert english_words("第 3 层（Linear）· ReLU · Adam，学习率 0.01") == []
    assert english_words("<b>问题</b> (x1, x2) Ctrl+Shift+D") == []


def test_every_window_dialog_and_menu_speaks_chinese(
    chinese: None, dialogs: Dialogs, qtbot: QtBot
) -> None:
    assert current_language() == "zh_CN"
    window = MainWindow(AppSettings())
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    assert window.open_preset("spiral")
    window.training_panel.epochs.setValue(2)
    window.commands.play.trigger()  # a finished run fills the status bar, runs and plots
    qtbot.waitUntil(lambda: len(window.document.history.records) == 1, timeout=TIMEOUT_MS)
    qtbot.waitUntil(lambda: not window.run.is_running, timeout=TIMEOUT_MS)
    kept = {window.current_experiment().name}  # the experiment's own name is the user's data

    findings = {"main window": untranslated(window, kept)}
    # The run's result line, the speed, the confusion matrix and the mistakes are drawn.
    assert window.plot_area.result.isVisible() and "第 1 次训练" in window.plot_area.result.text()
    assert window.status.metrics_label.text().startswith("损失")
    layers = list(window.model.experiment.model.layers)
    last = layers[-1]
    layers[-1] = LayerSpec(kind=last.kind, params={**last.params, "out_features": 3})
    window.editor.set_layers(layers, undoable=True)  # the banner, the fix button, the row
    qtbot.waitUntil(lambda: window.fix_button.isVisible(), timeout=TIMEOUT_MS)
    findings["main window with a problem"] = untranslated(window, kept)
    for command in ("shortcuts", "about", "lessons"):
        window.commands.action(command).trigger()
    window.data_panel.import_csv()
    window.data_panel.type_table()
    file_prompts.ask_picture_size(window, "PNG", QSize(1600, 1000))
    window.document.runs_panel.select_rows([0])
    window.document.compare(window.document.history.records)
    window.commands.lab.trigger()
    window.commands.landscape.trigger()
    qtbot.wait(200)
    for top in QApplication.topLevelWidgets():
        if top is not window and top.isVisible():
            findings[type(top).__name__] = untranslated(top, kept)
            shutdown = getattr(top, "shutdown", None)  # the landscape's slice worker
            if callable(shutdown):
                assert shutdown()
            top.close()
    findings.update(dialogs.seen)
    assert {
        "ShortcutsDialog",
        "CsvImportDialog",
        "LessonPicker",
        "TypedTableDialog",
        "PictureSizeDialog",
    } <= {name.split(":")[0] for name in dialogs.seen}
    assert {"CompareDialog", "LabWindow", "LandscapeWindow"} <= set(findings)
    english = {where: texts for where, texts in findings.items() if texts}
    assert english == {}, "still in English:\n" + "\n".join(
        f"[{where}] {text}" for where, texts in english.items() for text in texts
    )
    window.run.shutdown(10)
