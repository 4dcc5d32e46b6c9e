"""Weight files: write a state dict as ``.pt`` or ``.safetensors``; read one without running code.

A ``.pt`` file is a pickle, and a pickle can run any code while it is read.
:func:`load_weights` therefore reads ``.pt`` files with ``torch.load(weights_only=True)``,
which only rebuilds tensors and plain containers and refuses everything else,
and turns that refusal into a sentence. ``.safetensors`` files hold raw numbers
only and are preferred; ``.playground`` files carry theirs as safetensors.
"""

from __future__ import annotations

import io
import os
import pickle
import warnings
import zipfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import torch
from safetensors import SafetensorError
from safetensors.torch import load as load_safetensors
from safetensors.torch import save as save_safetensors
from torch import nn

from playground.core.io.atomic import atomic_write_bytes
from playground.core.layers.model import layer_label

PICKLE_SUFFIXES = (".pt", ".pth", ".bin", ".ckpt")
SAFETENSORS_SUFFIX = ".safetensors"
WEIGHT_SUFFIXES = (*PICKLE_SUFFIXES, SAFETENSORS_SUFFIX)


class WeightsError(ValueError):
    """Weights cannot be read, written or used with this model; the message says why."""


def _suffix(path: Path) -> str:
    return path.suffix.lower()


def save_weights(path: str | os.PathLike[str], weights: Mapping[str, torch.Tensor]) -> None:
    """Write ``weights`` atomically; the format follows the extension (.pt/.pth or .safetensors)."""
    target = Path(path)
    plain = {name: value.detach().to("cpu").contiguous() for name, value in weights.items()}
    suffix = _suffix(target)
    if suffix == SAFETENSORS_SUFFIX:
        atomic_write_bytes(target, save_safetensors(plain))
    elif suffix in (".pt", ".pth"):
        buffer = io.BytesIO()
        torch.save(plain, buffer)
        atomic_write_bytes(target, buffer.getvalue())
    else:
        raise WeightsError(
            f"'{target.name}' has no weights extension; end the name with .pt or .safetensors."
        )


def _plain_state(path: Path, loaded: Any) -> dict[str, torch.Tensor]:
    """Accept a state dict, or a checkpoint holding one under ``state_dict``."""
    if isinstance(loaded, Mapping) and isinstance(loaded.get("state_dict"), Mapping):
        loaded = loaded["state_dict"]
    if not isinstance(loaded, Mapping) or not loaded:
        raise WeightsError(
            f"'{path.name}' does not hold a set of named weights (a state dict); "
            "save one with torch.save(model.state_dict(), path)."
        )
    state: dict[str, torch.Tensor] = {}
    for name, value in loaded.items():
        if not isinstance(name, str) or not isinstance(value, torch.Tensor):
            raise WeightsError(
                f"'{path.name}' holds {name!r}, which is not a named tensor; "
                "save only model.state_dict()."
            )
        state[name] = value
    return state


def _load_pickled(path: Path) -> Any:
    try:
        with warnings.catch_warnings():
            # torch warns about old pickle protocols; the refusal below says what matters.
            warnings.simplefilter("ignore", UserWarning)
            return torch.load(path, map_location="cpu", weights_only=True)
    except pickle.UnpicklingError:
        raise WeightsError(
            f"'{path.name}' was refused: besides plain tensors it holds Python objects or code, "
            "which could harm this computer if loaded. Nothing from it was run; use a file "
            "saved with torch.save(model.state_dict(), path) or a .safetensors file."
        ) from None
    except (RuntimeError, EOFError, zipfile.BadZipFile, ValueError, OSError) as exc:
        if isinstance(exc, FileNotFoundError | PermissionError):
            raise
        raise WeightsError(
            f"'{path.name}' cannot be read as a PyTorch weights file; it may be damaged or "
            "in another format."
        ) from None


def load_weights(path: str | os.PathLike[str]) -> dict[str, torch.Tensor]:
    """Read weights from ``.pt``/``.pth``, ``.safetensors`` or ``.playground``; never runs code."""
    source = Path(path)
    if not source.is_file():
        raise WeightsError(
            f"The weights file '{source}' does not exist; check the name and folder."
        )
    suffix = _suffix(source)
    if suffix == ".playground":
        from playground.core.io.readers import load_experiment_file_any

        weights = load_experiment_file_any(source).weights
        if weights is None:
            raise WeightsError(
                f"'{source.name}' holds no trained weights; train and save the experiment first."
            )
        return weights
    if suffix == SAFETENSORS_SUFFIX:
        try:
            return dict(load_safetensors(source.read_bytes()))
        except (SafetensorError, ValueError, RuntimeError):
            raise WeightsError(
                f"'{source.name}' cannot be read as a safetensors file; it may be damaged."
            ) from None
    if suffix in PICKLE_SUFFIXES:
        return _plain_state(source, _load_pickled(source))
    raise WeightsError(
        f"'{source.name}' is not a weights file Torch Playground reads; "
        "use .pt, .pth, .safetensors or .playground."
    )


def _owner(model: nn.Sequential, name: str) -> str:
    """``layer 3 (Linear)`` for the tensor ``2.weight`` of an ``nn.Sequential``."""
    head = name.split(".", 1)[0]
    if head.isdigit() and int(head) < len(model):
        return layer_label(int(head), type(model[int(head)]).__name__)
    return "the model"


def _shape(tensor: torch.Tensor) -> str:
    return "×".join(str(size) for size in tensor.shape) or "a single number"


def weights_mismatch(model: nn.Sequential, weights: Mapping[str, torch.Tensor]) -> str | None:
    """The first difference between the model's tensors and ``weights``, as a sentence."""
    expected = model.state_dict()
    for name, tensor in expected.items():
        if name not in weights:
            return (
                f"the weights have no tensor '{name}', which {_owner(model, name)} needs; "
                "they were probably saved from a different model"
            )
        given = weights[name]
        if tuple(given.shape) != tuple(tensor.shape):
            return (
                f"the tensor '{name}' of {_owner(model, name)} has shape {_shape(given)} in the "
                f"weights, but the model needs {_shape(tensor)}; the layer sizes differ"
            )
        if given.dtype.is_floating_point != tensor.dtype.is_floating_point:
            return f"the tensor '{name}' of {_owner(model, name)} has the wrong number type ({given.dtype})"
    for name in weights:
        if name not in expected:
            return (
                f"the weights hold a tensor '{name}' that this model does not have; "
                "they were probably saved from a different model"
            )
    return None


def apply_weights(model: nn.Sequential, weights: Mapping[str, torch.Tensor]) -> None:
    """Load ``weights`` into ``model``; :class:`WeightsError` names the first mismatch."""
    problem = weights_mismatch(model, weights)
    if problem is not None:
        raise WeightsError(problem[0].upper() + problem[1:] + ".")
    with torch.no_grad():
        model.load_state_dict(dict(weights), strict=True)
