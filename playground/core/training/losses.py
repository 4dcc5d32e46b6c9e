"""Losses by their spec names, and what each loss expects and gives back.

Kept apart from the builders so that everything that reads model outputs (the
engine, the inspection of decision grids, accuracy) shares one definition of
how targets are shaped and outputs turned into classes, without importing the
model and optimizer builders.
"""

from __future__ import annotations

import torch
from torch import nn

from playground.core.spec.options import LOSS_TABLE
from playground.core.training.torch_classes import torch_class


def build_loss(loss: str) -> nn.Module:
    """The torch loss the loss table names for a spec name (mean over the batch)."""
    if loss not in LOSS_TABLE:
        known = ", ".join(LOSS_TABLE)
        raise ValueError(f"'{loss}' is not a loss; choose one of {known}.")
    built = torch_class(LOSS_TABLE[loss].torch_class)()
    assert isinstance(built, nn.Module)
    return built


def loss_targets(loss: str, targets: torch.Tensor) -> torch.Tensor:
    """Targets in the form the loss wants: BCE takes float (N, 1) from class labels."""
    if loss == "bce-with-logits":
        return targets.to(torch.float32).reshape(-1, 1)
    return targets


def class_probabilities(outputs: torch.Tensor, loss: str) -> torch.Tensor:
    """(N, classes) probabilities from raw model outputs (a sigmoid for BCE's single score)."""
    if loss == "bce-with-logits":
        positive = torch.sigmoid(outputs.reshape(-1, 1))
        return torch.cat([1.0 - positive, positive], dim=1)
    return torch.softmax(outputs, dim=1)


def predicted_classes(outputs: torch.Tensor, loss: str) -> torch.Tensor:
    """Predicted class index per sample."""
    if loss == "bce-with-logits":
        return (outputs.reshape(-1) > 0).to(torch.int64)
    return outputs.argmax(dim=1)


def correct_count(outputs: torch.Tensor, labels: torch.Tensor, loss: str) -> torch.Tensor:
    """Number of correctly classified samples, as a 0-d tensor (no device sync)."""
    return (predicted_classes(outputs, loss) == labels).sum()


def accuracy(outputs: torch.Tensor, labels: torch.Tensor, loss: str) -> float:
    """Share of samples classified correctly, 0..1 (nan for an empty batch)."""
    if labels.numel() == 0:
        return float("nan")
    return float(correct_count(outputs, labels, loss).item()) / labels.numel()
