"""Parameter names in the editor's words: "Layer 1 · Linear · weight", not ``0.weight``.

The core says where a torch parameter lives
(:func:`~playground.core.landscape.problem.parameter_place`); the words are
the window's, so they are translated here with the widget that shows them.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from playground.core.landscape.problem import parameter_place
from playground.core.spec.experiment import Experiment


def parameter_title(widget: QWidget, name: str, experiment: Experiment) -> str:
    """How ``widget`` names the torch parameter ``name`` of the experiment's model."""
    place = parameter_place(name, experiment)
    words = {"weight": widget.tr("weight"), "bias": widget.tr("bias")}
    parameter = words.get(place.parameter, place.parameter)
    if place.layer_number == 0:
        return parameter
    return widget.tr("Layer {0} · {1} · {2}").format(
        place.layer_number, place.layer_kind, parameter
    )
