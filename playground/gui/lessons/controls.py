"""The controls a lesson may hide or lock, by the ids lesson files use.

``panel.data``, ``panel.model``, ``panel.network``, ``panel.training`` are the side
panels; ``data`` and ``model.layers`` the data panel and the layer editor;
``training.NAME`` each training setting (``training.lr``, ``training.optimizer``,
``training.zero_grad``…), with ``training.init`` for how the weights start. One table, so a
lesson's ids are checked in one place.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtWidgets import QDockWidget, QWidget


class _TrainingPanel(Protocol):
    editors: dict[tuple[str, str], QWidget]
    loss: QWidget
    optimizer: QWidget
    schedule: QWidget
    weight_init: QWidget
    device: QWidget


class LessonWindow(Protocol):
    data_dock: QDockWidget
    model_dock: QDockWidget
    network_dock: QDockWidget
    training_dock: QDockWidget
    data_panel: QWidget
    editor: QWidget
    training_panel: _TrainingPanel


def lesson_controls(window: LessonWindow) -> dict[str, QWidget]:
    """Every control a lesson can name, by id."""
    panel = window.training_panel
    controls: dict[str, QWidget] = {
        "panel.data": window.data_dock,
        "panel.model": window.model_dock,
        "panel.network": window.network_dock,
        "panel.training": window.training_dock,
        "data": window.data_panel,
        "model.layers": window.editor,
        "training.loss": panel.loss,
        "training.optimizer": panel.optimizer,
        "training.schedule": panel.schedule,
        "training.init": panel.weight_init,
        "training.device": panel.device,
    }
    for (_section, name), editor in panel.editors.items():
        controls[f"training.{name}"] = editor
    return controls
