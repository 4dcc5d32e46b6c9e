"""The experiment File ▸ New starts from: the default data with a small network that trains.

An empty model would open with an error ("add a layer") before the user has
done anything; a new experiment instead starts ready to train, like
TensorFlow Playground's first screen, with two small hidden layers to edit.
"""

from __future__ import annotations

from playground.core.spec.experiment import Experiment, LayerSpec, ModelSpec

#: Neurons of each hidden layer of a new experiment's network.
STARTER_HIDDEN: tuple[int, ...] = (8, 8)
#: One output per class of the default data (the two arms of the spiral).
STARTER_OUTPUTS = 2


def starter_experiment(name: str = "Untitled") -> Experiment:
    """A new experiment: the default data set and a small Tanh network sized for it."""
    layers: list[LayerSpec] = []
    for size in STARTER_HIDDEN:
        layers.append(LayerSpec(kind="Linear", params={"out_features": size}))
        layers.append(LayerSpec(kind="Tanh"))
    layers.append(LayerSpec(kind="Linear", params={"out_features": STARTER_OUTPUTS}))
    return Experiment(name=name, model=ModelSpec(layers=layers))
