"""Large (projector) text: the window fits a 1024×768 screen, the layer list keeps its
rows, the plot legends follow the text size."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QRect, QSize
from PySide6.QtWidgets import QApplication, QComboBox, QWidget
from pytestqt.qtbot import QtBot

from playground.core.data import load_dataset
from playground.core.spec.experiment import BuiltinData
from playground.gui.plots.plot_area import PlotArea
from playground.gui.shell.large_fonts import COMBO_MIN_CHARACTERS, fit_on_screen
from playground.gui.shell.main_window import MainWindow
from playground.gui.shell.settings import DEFAULT_FONT_SIZE, AppSettings
from playground.gui.shell.theme import apply_theme


@pytest.fixture
def large_window(qtbot: QtBot, qapp: QApplication) -> Iterator[MainWindow]:
    apply_theme(qapp, "light", 24)
    win = MainWindow(AppSettings(font_size=24))
    win.remember_on_close = False
    qtbot.addWidget(win)
    assert win.open_preset("spiral")
    win.resize(1024, 768)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.run.shutdown(10)
    apply_theme(qapp, "light", DEFAULT_FONT_SIZE)


def test_at_24_points_the_window_fits_a_1024_by_768_screen(
    large_window: MainWindow, qtbot: QtBot
) -> None:
    qtbot.wait(20)
    hint = large_window.minimumSizeHint().expandedTo(large_window.minimumSize())
    assert hint.width() <= 1024 and hint.height() <= 740  # room for a task bar
    assert large_window.width() <= 1024


def test_after_a_run_the_status_bar_leaves_out_fields_rather_than_widen_the_window(
    large_window: MainWindow, qtbot: QtBot
) -> None:
    large_window.training_panel.epochs.setValue(2)
    large_window.commands.play.trigger()
    qtbot.waitUntil(lambda: large_window.run.state == "finished", timeout=60_000)
    qtbot.waitUntil(lambda: not large_window.run.is_running, timeout=60_000)
    qtbot.wait(50)
    assert large_window.minimumSizeHint().width() <= 1024 and large_window.width() <= 1024
    status = large_window.status
    kept = [status.state_label, status.epoch_label, status.metrics_label]
    assert all(field.isVisible() for field in kept)
    for field in (status.state_label, status.epoch_label, status.step_label):
        if field.isVisible():  # whole, never cut
            assert field.width() >= field.whole_width()
    # The loss field may be shortened, but keeps at least its name and first number.
    assert status.metrics_label.text().startswith("Loss (last batches) ")
    assert status.metrics_label.width() >= status.fontMetrics().horizontalAdvance(
        "Loss (last batches) 0.0000"
    )


def test_the_layer_list_shows_three_whole_rows_at_large_text(
    large_window: MainWindow, qtbot: QtBot
) -> None:
    large_window.model_dock.raise_()
    qtbot.wait(50)
    view = large_window.editor.stack_view()
    assert view.viewport().height() >= 3 * view.sizeHintForRow(0)


def test_a_larger_text_never_leaves_the_window_past_its_screen(qtbot: QtBot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    window.resize(1400, 1000)  # grown by a larger text
    fit_on_screen(window, QRect(0, 0, 1024, 768), before=QSize(1000, 700))
    assert window.width() <= 1024 and window.height() <= 768
    window.resize(1200, 900)  # was this large already (a bigger screen): kept
    fit_on_screen(window, QRect(0, 0, 1024, 768), before=QSize(1200, 900))
    assert window.size() == QSize(1200, 900)


def test_plot_legends_keep_the_text_size_when_new_data_arrives(qtbot: QtBot) -> None:
    area = PlotArea()
    qtbot.addWidget(area)
    area.set_font_points(20)
    area.set_dataset(load_dataset(BuiltinData(name="spiral")))
    sizes = [label.opts["size"] for _sample, label in area.decision.legend.items]
    assert sizes and all(float(size.removesuffix("pt")) >= 14 for size in sizes)


def test_the_shown_inputs_fit_the_data_panel_at_large_text(
    qtbot: QtBot, qapp: QApplication
) -> None:
    # The two pickers share one row: the window's relaxing of combo boxes keeps them small.
    apply_theme(qapp, "light", 20)
    win = MainWindow(AppSettings(font_size=20))
    win.remember_on_close = False
    qtbot.addWidget(win)
    assert win.open_preset("iris")
    win.resize(1024, 768)
    win.arrange_panels(1024)
    win.show()
    qtbot.waitExposed(win)
    row = win.data_panel.shown_inputs
    assert row.horizontal.minimumContentsLength() == row.vertical.minimumContentsLength() == 6
    others = [
        c for c in win.data_panel.findChildren(QComboBox) if c not in (row.horizontal, row.vertical)
    ]
    assert others and all(c.minimumContentsLength() == COMBO_MIN_CHARACTERS for c in others)
    apply_theme(qapp, "light", DEFAULT_FONT_SIZE)
