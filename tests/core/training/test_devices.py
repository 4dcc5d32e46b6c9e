"""Device discovery and resolution."""

from __future__ import annotations

import pytest
import torch

from playground.core.training.devices import DeviceError, list_devices, resolve_device


def test_cpu_is_always_listed_and_available() -> None:
    options = list_devices()
    assert options[0].name == "cpu"
    assert options[0].available
    assert {"cpu", "mps"} <= {o.name for o in options}


def test_absent_devices_carry_a_reason() -> None:
    for option in list_devices():
        if option.available:
            assert option.reason == ""
        else:
            assert option.reason.endswith(")") or option.reason[0].islower()
            assert len(option.reason) > 20


def test_auto_picks_cuda_then_mps_then_cpu() -> None:
    device = resolve_device("auto")
    if torch.cuda.is_available():
        assert device.type == "cuda"
    elif torch.backends.mps.is_available():
        assert device.type == "mps"
    else:
        assert device == torch.device("cpu")


def test_cpu_resolves_case_insensitively() -> None:
    assert resolve_device(" CPU ") == torch.device("cpu")


@pytest.mark.skipif(torch.cuda.is_available(), reason="needs a machine without CUDA")
def test_absent_cuda_is_refused_with_the_devices_that_exist() -> None:
    with pytest.raises(DeviceError, match=r"not available: no CUDA GPU was found.*cpu"):
        resolve_device("cuda:0")


@pytest.mark.skipif(torch.backends.mps.is_available(), reason="needs a machine without MPS")
def test_absent_mps_is_refused() -> None:
    with pytest.raises(DeviceError, match="'mps' is not available"):
        resolve_device("mps")


def test_cuda_index_past_the_last_gpu_is_refused() -> None:
    with pytest.raises(DeviceError, match="cuda:99"):
        resolve_device("cuda:99")


def test_nonsense_is_refused() -> None:
    with pytest.raises(DeviceError, match="is not a device"):
        resolve_device("tpu")
