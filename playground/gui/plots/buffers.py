"""Bounded buffers that keep a whole run's curves at a fixed memory cost.

A run may last hours and emit millions of loss points; a plot only needs a
few thousand. Both buffers here halve their resolution when they fill up
(pairs are merged, the stride doubles): curves use the core's metric buffer,
so a curve always spans the whole run with evenly spread points.
"""

from __future__ import annotations

import math

import numpy as np

from playground.core.training.history import DecimatingBuffer


class CurveBuffer:
    """A plot's curve: the core's decimating buffer, minus non-finite points, plus a version.

    The version is bumped on every change, so a plot redraws only when its data
    changed; the arrays are copied out of the core's buffer once per version.
    Non-finite values are kept out (they would break log scales).
    """

    def __init__(self, capacity: int = 4096) -> None:
        self._points = DecimatingBuffer(capacity)
        self.version = 0  # bumped on every change, so plots redraw only when needed
        self._cached_version = -1
        self._xy: tuple[np.ndarray, np.ndarray] = (np.zeros(0), np.zeros(0))
        self._last: tuple[float, float] | None = None

    def __len__(self) -> int:
        return len(self._points)

    @property
    def stride(self) -> int:
        """How many raw points each stored point averages."""
        return self._points.stride

    def clear(self) -> None:
        """Forget every point."""
        self._points.clear()
        self._last = None
        self.version += 1

    def append(self, x: float, y: float) -> None:
        """Add one point."""
        if not math.isfinite(y):
            return
        self._points.append(x, y)
        self._last = (x, y)
        self.version += 1

    def extend(self, xs: np.ndarray, ys: np.ndarray) -> None:
        """Add many points in order."""
        keep = np.isfinite(ys)
        if not keep.any():
            return
        xs, ys = xs[keep], ys[keep]
        self._points.extend(xs, ys)
        self._last = (float(xs[-1]), float(ys[-1]))
        self.version += 1

    def _arrays(self) -> tuple[np.ndarray, np.ndarray]:
        if self._cached_version != self.version:
            self._xy = self._points.arrays()
            self._cached_version = self.version
        return self._xy

    @property
    def x(self) -> np.ndarray:
        """The stored x values (shared until the next change; copy before keeping it)."""
        return self._arrays()[0]

    @property
    def y(self) -> np.ndarray:
        """The stored y values (shared until the next change; copy before keeping it)."""
        return self._arrays()[1]

    @property
    def last(self) -> tuple[float, float] | None:
        """The most recently added raw point, if any."""
        return self._last


class HistogramHistory:
    """One histogram per snapshot over time, bounded: when full, every other column is dropped.

    Snapshots carry histograms whose bin edges move as the weights change, so
    columns are stored as they came and re-binned onto a common value grid only
    when the plot draws them (:meth:`image`).
    """

    def __init__(self, capacity: int = 256) -> None:
        if capacity < 4 or capacity % 2:
            raise ValueError("capacity must be an even number of at least 4")
        self.capacity = capacity
        self._steps: list[float] = []
        self._counts: list[np.ndarray] = []
        self._edges: list[np.ndarray] = []
        self.stride = 1
        self._skipped = 0
        self.version = 0

    def __len__(self) -> int:
        return len(self._steps)

    def clear(self) -> None:
        """Forget every column."""
        self._steps.clear()
        self._counts.clear()
        self._edges.clear()
        self.stride = 1
        self._skipped = 0
        self.version += 1

    def append(self, step: float, counts: np.ndarray, edges: np.ndarray) -> None:
        """Add the histogram taken at ``step`` (every ``stride``-th one is kept)."""
        if counts.size == 0 or edges.size != counts.size + 1:
            return
        self._skipped += 1
        if self._skipped < self.stride:
            return
        self._skipped = 0
        if len(self._steps) == self.capacity:
            self._steps = self._steps[1::2]
            self._counts = self._counts[1::2]
            self._edges = self._edges[1::2]
            self.stride *= 2
        self._steps.append(step)
        self._counts.append(np.asarray(counts, dtype=np.float64))
        self._edges.append(np.asarray(edges, dtype=np.float64))
        self.version += 1

    @property
    def steps(self) -> np.ndarray:
        """The step of every stored column."""
        return np.asarray(self._steps, dtype=np.float64)

    def image(self, bins: int = 64) -> tuple[np.ndarray, tuple[float, float]]:
        """Columns re-binned onto ``bins`` common value bins, each scaled to its own peak.

        Returns the (bins, columns) image (row 0 = lowest values; 0..1, where 1 is
        the fullest bin of that column, so the shape stays visible as weights
        spread out) and the (low, high) value range the rows span.
        """
        if not self._steps:
            return np.zeros((bins, 0), dtype=np.float32), (0.0, 1.0)
        low = min(float(edges[0]) for edges in self._edges)
        high = max(float(edges[-1]) for edges in self._edges)
        if not np.isfinite(low) or not np.isfinite(high):
            return np.zeros((bins, 0), dtype=np.float32), (0.0, 1.0)
        if high - low < 1e-12:
            low, high = low - 0.5, high + 0.5
        # All columns at once: each source bin's count goes to the common bin of its centre.
        columns = len(self._steps)
        centres = np.concatenate([0.5 * (edges[:-1] + edges[1:]) for edges in self._edges])
        counts = np.concatenate(self._counts)
        column_of = np.repeat(np.arange(columns), [len(c) for c in self._counts])
        rows = np.clip(((centres - low) / (high - low) * bins).astype(np.int64), 0, bins - 1)
        flat = np.bincount(column_of * bins + rows, weights=counts, minlength=columns * bins)
        image = flat.reshape(columns, bins).T.astype(np.float32)
        peaks = image.max(axis=0)
        image[:, peaks > 0] /= peaks[peaks > 0]
        return image, (low, high)
