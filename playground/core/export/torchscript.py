"""TorchScript export: one file that ``torch.jit.load`` runs without this app or its code.

The model is scripted (not traced), so any batch size works. TorchScript is
deprecated upstream in favour of ``torch.export`` but remains the format most
C++ and mobile runtimes load today, so the app still offers it. No extra files
or text of the experiment are written into the archive.
"""

from __future__ import annotations

import io
import os
import warnings

import torch
from torch import nn

from playground.core.export.base import ExportError
from playground.core.io.atomic import atomic_write_bytes


def export_torchscript(model: nn.Module, path: str | os.PathLike[str]) -> None:
    """Script ``model`` in evaluation mode and save it atomically to ``path``."""
    model = model.eval()
    buffer = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        try:
            scripted = torch.jit.script(model)
            torch.jit.save(scripted, buffer)
        except (RuntimeError, torch.jit.Error) as exc:
            first_line = (
                str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            )
            raise ExportError(
                f"The model could not be turned into TorchScript ({first_line}); "
                "export it as ONNX or as weights instead."
            ) from None
    atomic_write_bytes(path, buffer.getvalue())
