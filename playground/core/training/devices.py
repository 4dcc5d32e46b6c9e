"""Which devices can train here, and the one a spec's ``device`` string means.

The GUI's device picker lists every kind of device, with the absent ones
greyed out and a reason in words, so a user on a laptop learns why "CUDA"
cannot be chosen instead of meeting an error at the start of a run.
"""

from __future__ import annotations

from dataclasses import dataclass

import torch


class DeviceError(ValueError):
    """The requested device does not exist here; the message says which ones do."""


@dataclass(frozen=True)
class DeviceOption:
    """One entry of the device picker: ``name`` is what goes into the spec."""

    name: str
    label: str
    available: bool
    reason: str = ""  # why it is unavailable, empty when available


def _cuda_reason() -> str:
    if torch.version.cuda is None:
        return "no CUDA GPU was found: PyTorch here is a CPU-only build"
    return "no CUDA GPU was found: this computer has no NVIDIA GPU or its driver is missing"


def _mps_reason() -> str:
    if not torch.backends.mps.is_built():
        return "this PyTorch has no MPS support (Apple GPUs only)"
    return "MPS is built in but not usable here: it needs macOS 12.3 or later on an Apple GPU"


def list_devices() -> list[DeviceOption]:
    """Every device kind: CPU (always), each CUDA GPU by name, MPS; absent ones with a reason."""
    options = [DeviceOption("cpu", "CPU", True)]
    if torch.cuda.is_available():
        for index in range(torch.cuda.device_count()):
            name = torch.cuda.get_device_name(index)
            options.append(DeviceOption(f"cuda:{index}", f"GPU {index}: {name} (CUDA)", True))
    else:
        options.append(DeviceOption("cuda", "NVIDIA GPU (CUDA)", False, _cuda_reason()))
    if torch.backends.mps.is_available():
        options.append(DeviceOption("mps", "Apple GPU (MPS)", True))
    else:
        options.append(DeviceOption("mps", "Apple GPU (MPS)", False, _mps_reason()))
    return options


def _available_text() -> str:
    names = [option.name for option in list_devices() if option.available]
    return ", ".join(names)


def resolve_device(name: str) -> torch.device:
    """Turn ``auto``, ``cpu``, ``cuda``, ``cuda:N`` or ``mps`` into a device that exists.

    ``auto`` picks the first CUDA GPU, then MPS, then the CPU. Asking for a
    device that is absent raises :class:`DeviceError` naming the ones that exist.
    """
    text = name.strip().lower()
    if text == "auto":
        if torch.cuda.is_available():
            return torch.device("cuda:0")
        if torch.backends.mps.is_available():
            return torch.device("mps")
        return torch.device("cpu")
    if text == "cpu":
        return torch.device("cpu")
    if text == "mps":
        if not torch.backends.mps.is_available():
            raise DeviceError(
                f"The device 'mps' is not available: {_mps_reason()}. "
                f"Choose one of: auto, {_available_text()}."
            )
        return torch.device("mps")
    if text == "cuda" or text.startswith("cuda:"):
        index_text = text.partition(":")[2] or "0"
        if not index_text.isdigit():
            raise DeviceError(f"'{name}' is not a device; use auto, cpu, cuda, cuda:N or mps.")
        index = int(index_text)
        if not torch.cuda.is_available():
            raise DeviceError(
                f"The device '{text}' is not available: {_cuda_reason()}. "
                f"Choose one of: auto, {_available_text()}."
            )
        count = torch.cuda.device_count()
        if index >= count:
            raise DeviceError(
                f"The device '{text}' does not exist: this computer has {count} CUDA "
                f"GPU{'s' if count != 1 else ''}. Choose one of: auto, {_available_text()}."
            )
        return torch.device(f"cuda:{index}")
    raise DeviceError(f"'{name}' is not a device; use auto, cpu, cuda, cuda:N or mps.")


def synchronize(device: torch.device) -> None:
    """Wait for queued work on ``device`` (a no-op on the CPU); used around timings."""
    if device.type == "cuda":
        torch.cuda.synchronize(device)
    elif device.type == "mps":
        torch.mps.synchronize()
