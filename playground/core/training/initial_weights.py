"""How the weights start: the experiment's choice of initialisation applied to a built model.

torch's layers draw their own weights when they are built (``reset_parameters``);
an initialisation from :data:`~playground.core.spec.options.INIT_TABLE` then
draws the weights of every Linear and Conv2d layer again, in the model's order,
from the same global generator the training seed has seeded. It runs on the
CPU before the model moves to its device, so a GPU run starts from the very
numbers a CPU run (and the exported script) starts from.
"""

from __future__ import annotations

from torch import nn

from playground.core.spec.options import INIT_TABLE, INITIALIZED_LAYERS
from playground.core.training.torch_classes import torch_class, torch_function


def initialize_weights(model: nn.Module, init: str) -> None:
    """Draw the weights of ``model``'s Linear and Conv2d layers as ``init`` says (in place).

    ``pytorch`` keeps what the layers drew when built; the others draw every
    weight with the table's ``torch.nn.init`` function, module by module, and
    set every bias with its bias function. Other layers keep torch's values.
    """
    option = INIT_TABLE[init]
    if option.weight_init is None:
        return
    weight_init = torch_function(option.weight_init)
    bias_init = torch_function(option.bias_init) if option.bias_init is not None else None
    layer_types = tuple(torch_class(name) for name in INITIALIZED_LAYERS)
    arguments = dict(option.arguments)
    for module in model.modules():
        if not isinstance(module, layer_types):
            continue
        weight_init(module.weight, **arguments)
        if bias_init is not None and module.bias is not None:
            bias_init(module.bias)
