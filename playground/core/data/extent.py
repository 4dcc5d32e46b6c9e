"""Plotting boxes around data: padded so edge points are not drawn on the frame."""

from __future__ import annotations

import torch

#: Share of the data's span added on each side.
PADDING = 0.1


def padded_range(values: torch.Tensor) -> tuple[float, float]:
    """(low, high) around all values, widened by 10 % of their span (or by 1 if they are equal)."""
    if values.numel() == 0:
        return (-1.0, 1.0)
    low = float(values.min())
    high = float(values.max())
    margin = (high - low) * PADDING if high > low else 1.0
    return (low - margin, high + margin)


def padded_box(*points: torch.Tensor) -> tuple[float, float, float, float]:
    """(x1_min, x1_max, x2_min, x2_max) around (N, 2) point sets, padded like :func:`padded_range`."""
    everything = torch.cat([p[:, :2] for p in points])
    x1_low, x1_high = padded_range(everything[:, 0])
    x2_low, x2_high = padded_range(everything[:, 1])
    return (x1_low, x1_high, x2_low, x2_high)
