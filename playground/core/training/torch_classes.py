"""The torch classes the option tables name by dotted path (``torch.optim.SGD``).

The tables live in the spec, which stays plain data; this is the one place
that turns their names into classes (for the loss and the optimizer builders)
and functions (for the initialisation of the weights).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any


def torch_class(path: str) -> type[Any]:
    """The class named by ``path``; a table row that names no class is a programming error."""
    module, _, name = path.rpartition(".")
    cls = getattr(importlib.import_module(module), name)
    if not isinstance(cls, type):
        raise TypeError(f"{path} is not a class")
    return cls


def torch_function(path: str) -> Callable[..., Any]:
    """The function named by ``path`` (``torch.nn.init.zeros_``), for the initialisation table."""
    module, _, name = path.rpartition(".")
    function = getattr(importlib.import_module(module), name)
    if isinstance(function, type) or not callable(function):
        raise TypeError(f"{path} is not a function")
    return function  # type: ignore[no-any-return]
