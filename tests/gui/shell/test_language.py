"""View ▸ Language, the language setting, the Chinese font and files that stay in the C locale."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from playground.core.export.metrics_csv import write_metrics_csv
from playground.core.messages import describe
from playground.core.messages.texts import active_language
from playground.core.problems import Problem
from playground.core.spec.experiment import Experiment
from playground.core.spec.presets import load_preset
from playground.gui.document.experiment_files import save_document
from playground.gui.runs.run_history import duration_text
from playground.gui.shell import fonts, language, language_menu
from playground.gui.shell.language import install_language, resolve_language, start_language
from playground.gui.shell.main_window import MainWindow
from playground.gui.shell.settings import AppSettings, load_settings, save_settings
from playground.gui.training.speed_control import speed_text


@pytest.fixture
def english_afterwards(qapp: QApplication) -> Iterator[None]:
    yield
    install_language("en")


def test_the_language_setting_is_remembered_and_damage_falls_back() -> None:
    save_settings(AppSettings(language="zh_CN"))
    assert load_settings().language == "zh_CN"
    store_settings = AppSettings(language="klingon")
    save_settings(store_settings)
    assert load_settings().language == "system"


def test_installing_chinese_switches_qt_the_core_and_the_locale(english_afterwards: None) -> None:
    assert install_language("zh_CN") == "zh_CN"
    assert QCoreApplication.translate("Commands", "&File") == "文件(&F)"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"  # Qt's own words
    assert active_language() == "zh_CN" and QLocale().name() == "zh_CN"
    assert describe(Problem("model.empty", {})).startswith("模型没有任何层")
    install_language("en")
    assert QCoreApplication.translate("Commands", "&File") == "&File"
    assert describe(Problem("model.empty", {})).startswith("the model has no layers")


def test_english_counts_read_right_in_the_widgets(english_afterwards: None) -> None:
    # The sources say "%n steps/s"; English's plural forms make one of them singular.
    install_language("en")
    assert speed_text(1.0) == "1 step/s" and speed_text(50.0) == "50 steps/s"
    one = QCoreApplication.translate("CsvImportDialog", "%n rows", "", 1)
    many = QCoreApplication.translate("CsvImportDialog", "%n rows", "", 178)
    assert (one, many) == ("1 row", "178 rows")
    install_language("zh_CN")
    assert speed_text(1.0) == "1 步/秒"
    assert duration_text(185) == "3 分 5 秒" and duration_text(3720) == "1 小时 2 分"
    install_language("en")
    assert duration_text(4.25) == "4.2 s" and duration_text(185) == "3 min 5 s"


def test_system_follows_the_locale_variables(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANGUAGE", "zh_CN:en")
    assert resolve_language("system") == "zh_CN"
    monkeypatch.setenv("LANGUAGE", "en")
    assert resolve_language("system") == "en"
    assert resolve_language("zh_CN") == "zh_CN" and resolve_language("nonsense") == "en"


def test_without_a_chinese_font_the_app_stays_english_and_says_so(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch, english_afterwards: None
) -> None:
    monkeypatch.setattr(language, "use_chinese_font", lambda _app: None)
    assert start_language(qapp, "zh_CN") == ("en", True)
    title, text = language.missing_font_notice()
    assert "中文" in title and "fonts-noto-cjk" in text and "English" in text


def test_with_a_chinese_font_it_follows_the_interface_font(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch, english_afterwards: None
) -> None:
    before = qapp.font()
    monkeypatch.setattr(fonts, "chinese_font_family", lambda: "Noto Sans CJK SC")
    try:
        assert language.start_language(qapp, "zh_CN") == ("zh_CN", False)
        assert qapp.font().families()[-1] == "Noto Sans CJK SC"
        assert qapp.font().families()[0] == before.family()  # Latin letters keep their font
    finally:
        qapp.setFont(before)


def test_each_platform_gets_its_proper_chinese_font() -> None:
    installed = [
        "SimSun",
        "Microsoft YaHei",
        "Noto Serif CJK SC",
        "PingFang SC",
        "Noto Sans CJK SC",
    ]
    assert fonts.chinese_font_family(installed, "win32") == "Microsoft YaHei"
    assert fonts.chinese_font_family(installed, "darwin") == "PingFang SC"
    assert fonts.chinese_font_family(installed, "linux") == "Noto Sans CJK SC"
    assert fonts.chinese_font_family(["SimSun", "Some Sans SC"], "win32") == "Some Sans SC"
    assert fonts.chinese_font_family(["WenQuanYi Micro Hei"], "linux") == "WenQuanYi Micro Hei"
    assert fonts.chinese_font_family([], "linux") is None


def test_view_language_offers_three_choices_and_says_when_they_apply(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    restarts: list[bool] = []
    window = MainWindow(AppSettings(language="en"))
    qtbot.addWidget(window)
    menu = window.language_menu
    menu.restart = lambda: restarts.append(True) or True
    texts = [action.text() for action in window.commands.language_menu.actions() if action.text()]
    assert texts[0] == "Takes effect after a restart"
    assert texts[1:] == ["System (English)", "English", "简体中文"]
    assert menu.actions["en"].isChecked()
    answers = iter([QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes])
    monkeypatch.setattr(QMessageBox, "question", lambda *_args: next(answers))
    menu.actions["zh_CN"].trigger()
    assert load_settings().language == "zh_CN" and restarts == []  # remembered; "later"
    menu.actions["en"].trigger()  # the language spoken now: nothing to restart for
    assert load_settings().language == "en" and restarts == []
    menu.actions["zh_CN"].trigger()
    assert restarts == [True]


def test_a_restart_starts_the_same_program_with_the_same_arguments(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(sys, "argv", ["/opt/playground", "--preset", "xor"])
    monkeypatch.delattr(sys, "frozen", raising=False)
    assert language_menu.restart_command() == (
        sys.executable,
        ["-m", "playground", "--preset", "xor"],
    )
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert language_menu.restart_command() == (sys.executable, ["--preset", "xor"])


def test_files_keep_c_locale_numbers_in_chinese(tmp_path: Path, english_afterwards: None) -> None:
    experiment: Experiment = load_preset("spiral")
    rows = [{"epoch": 1, "train_loss": 1234.5678, "val_loss": 0.25, "val_accuracy": 0.5}]
    save_document(tmp_path / "en.json", experiment)
    write_metrics_csv(tmp_path / "en.csv", rows)
    install_language("zh_CN")
    save_document(tmp_path / "zh.json", experiment)
    write_metrics_csv(tmp_path / "zh.csv", rows)
    assert (tmp_path / "zh.json").read_bytes() == (tmp_path / "en.json").read_bytes()
    assert (tmp_path / "zh.csv").read_bytes() == (tmp_path / "en.csv").read_bytes()
    assert (
        json.loads((tmp_path / "zh.json").read_text())["optimizer"]["lr"] == experiment.optimizer.lr
    )
    assert (
        "1234.5678" in (tmp_path / "zh.csv").read_text()
        and "，" not in (tmp_path / "zh.csv").read_text()
    )
