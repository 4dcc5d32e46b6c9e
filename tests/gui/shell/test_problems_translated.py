"""The window words problems from data: with another catalogue, rows and banner still work."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from playground.core.spec.experiment import LayerSpec
from playground.gui.document import file_prompts
from playground.gui.editor.layer_stack_model import ProblemRole, ProblemTextRole
from playground.gui.shell.main_window import MainWindow
from playground.gui.shell.settings import AppSettings


@pytest.fixture
def window(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, pseudo_translation: dict[str, str]
) -> Iterator[MainWindow]:
    win = MainWindow(AppSettings())
    qtbot.addWidget(win)
    win.show()
    monkeypatch.setattr(win, "confirm_discard", lambda: True)
    monkeypatch.setattr(
        file_prompts, "ask_save_changes", lambda *_: file_prompts.SaveChoice.DISCARD
    )
    assert win.open_preset("spiral")
    yield win
    win.run.shutdown(10)


def test_a_translated_output_problem_marks_its_row_and_the_banner(window: MainWindow) -> None:
    layers = window.editor.layers()
    last = len(layers) - 1
    layers[last] = LayerSpec(kind="Linear", params={"out_features": 5})
    window.editor.set_layers(layers)
    window.revalidate()
    model = window.editor.model()
    problem = model.index(last).data(ProblemRole)
    assert problem is not None and problem.code == "output.size_mismatch"
    assert "⟦output.size_mismatch⟧" in model.index(last).data(ProblemTextRole)
    assert all(model.index(row).data(ProblemRole) is None for row in range(last))
    assert window.banner.isVisible() and window.banner.property("level") == "error"
    assert "⟦output.size_mismatch⟧" in window.banner.text()
    assert window.editor.status().level == "error"
    assert not window.commands.play.isEnabled()


def test_a_translated_shape_problem_marks_the_broken_row(window: MainWindow) -> None:
    window.editor.set_layers(
        [LayerSpec(kind="Linear"), LayerSpec(kind="Conv2d"), LayerSpec(kind="Linear")]
    )
    window.revalidate()
    model = window.editor.model()
    assert model.index(1).data(ProblemRole).code == "layer.needs_image"
    assert "⟦layer.needs_image⟧" in model.index(1).data(ProblemTextRole)
    assert model.index(0).data(ProblemRole) is None
    assert window.banner.property("level") == "error"
    assert "⟦layer.needs_image⟧" in window.banner.text()
    window.editor.set_layers([LayerSpec(kind="Linear", params={"out_features": 2})])
    window.revalidate()
    assert window.banner.property("level") == "ok" and not window.banner.isVisible()
    assert window.editor.status().level == "ok"
