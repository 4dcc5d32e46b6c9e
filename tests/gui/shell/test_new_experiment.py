"""File ▸ New starts ready to train; the editor's messages and the one-click fix fit the model."""

from __future__ import annotations

import pytest

from playground.core.spec.experiment import LayerSpec
from playground.gui.shell.main_window import MainWindow


@pytest.fixture
def window_preset() -> str:
    return "iris"


def test_file_new_opens_a_small_working_network_without_an_error(window: MainWindow) -> None:
    window.commands.new.trigger()
    assert window.editor.layers()  # not an empty model
    assert window.banner.isHidden() and window.banner.property("level") == "ok"
    assert window.commands.play.isEnabled()
    assert window.editor.status().level == "ok"
    assert window.windowTitle().startswith("Untitled")


def test_fit_the_last_layer_is_not_offered_without_layers(window: MainWindow) -> None:
    window.model.apply_layers([])
    assert not window.banner.isHidden()  # an empty model cannot train
    assert window.fix_button.isHidden()
    # With a last layer of the wrong size the fix is offered.
    window.model.apply_layers([LayerSpec(kind="Linear", params={"out_features": 5})])
    assert not window.fix_button.isHidden()


def test_a_layer_added_after_the_output_layer_leaves_no_stale_words(window: MainWindow) -> None:
    window.model.apply_layers([LayerSpec(kind="Linear", params={"out_features": 16})])
    window.editor.add_layer("Tanh")
    assert [layer.kind for layer in window.current_experiment().model.layers] == [
        "Linear",
        "Tanh",
    ]
    model = window.editor.model()
    first = model.row_problem_text(0)
    assert first is not None and "16 outputs" in first
    # Layer 1 is no longer the last layer: its words must not say so.
    assert "last layer" not in first.lower()
    assert "last layer" not in window.editor.status_text().lower()
    assert model.row_problem_text(1) is None
