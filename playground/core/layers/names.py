"""The names people read for layers and parameters, numbered as the layer editor numbers them.

Torch names a parameter of an ``nn.Sequential`` by its module index
(``"0.weight"``, ``"4.bias"``), counting from 0, while the editor lists layers
from 1. Every view that shows a parameter (the Weights and Gradients pickers,
plot legends) asks this module, so a layer has one name wherever it appears.
The torch name stays the parameter's address (weight edits, saved weights);
the label is in the interface language (``第 1 层 · Linear · 权重``).
"""

from __future__ import annotations

from collections.abc import Sequence

from playground.core.layers.catalog import CATALOGUE
from playground.core.messages.texts import text

SEPARATOR = " · "


def layer_title(index: int, kind: str) -> str:
    """``Layer 3 · Conv2d`` for the layer at 0-based ``index`` (the editor's heading)."""
    known = CATALOGUE.get(kind)
    return text("Layer {number} · {kind}", number=index + 1, kind=known.name if known else kind)


def parameter_label(name: str, kinds: Sequence[str]) -> str:
    """``"0.weight"`` → ``"Layer 1 · Linear · weight"``, given the model's layer kinds in order.

    A name that is not ``<layer index>.<parameter>`` or points past ``kinds``
    is returned unchanged rather than guessed at.
    """
    index_text, dot, parameter = name.partition(".")
    if not dot or not index_text.isdigit():
        return name
    index = int(index_text)
    if index >= len(kinds):
        return name
    parts = [text(part) for part in parameter.split(".")]  # weight, bias: in the interface language
    return SEPARATOR.join([layer_title(index, kinds[index]), *parts])
