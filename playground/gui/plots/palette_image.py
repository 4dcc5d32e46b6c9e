"""An image item for byte images drawn through a colour table, at the cheapest paint cost."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QImage


def quantize(values: np.ndarray, low: float, high: float) -> np.ndarray:
    """``values`` mapped from ``low``..``high`` onto bytes 0..255 (non-finite values: 0)."""
    span = high - low if high - low > 1e-12 else 1e-12
    with np.errstate(invalid="ignore", over="ignore"):
        scaled = (np.asarray(values, dtype=np.float32) - low) * (255.0 / span) + 0.5
    finite = np.nan_to_num(scaled, nan=0.0, posinf=255.0, neginf=0.0)
    quantized: np.ndarray = np.clip(finite, 0, 255).astype(np.uint8)
    return quantized


class PaletteImageItem(pg.ImageItem):  # type: ignore[misc]
    """A pyqtgraph image whose byte values index its lookup table directly.

    Live maps (the decision boundary) repaint 25 times a second. pyqtgraph turns
    a float image into a non-premultiplied ARGB image, or a byte image into an
    indexed one, and Qt converts either while scaling it onto the screen. Here
    the colour table is applied with one numpy gather into opaque ``RGB32``
    pixels, the format the raster engine scales fastest (measured on the
    training tab: the map paints in about 0.3 ms instead of 2.4 ms). Any other
    image (floats, colour channels) takes pyqtgraph's usual path.
    """

    def render(self) -> None:
        """Build the QImage from the byte image and the colour table."""
        image, lut = self.image, self.lut
        if (
            image is None
            or image.size == 0
            or image.dtype != np.uint8
            or image.ndim != 2
            or not isinstance(lut, np.ndarray)
            or lut.ndim != 2
            or lut.shape[1] < 3
        ):
            super().render()
            return
        table = lut[:, :3].astype(np.uint32)
        opaque = np.uint32(0xFF000000) | (table[:, 0] << 16) | (table[:, 1] << 8) | table[:, 2]
        indices = np.minimum(image, len(opaque) - 1)
        if self.axisOrder == "col-major":
            indices = indices.T
        self._pixels = np.ascontiguousarray(opaque[indices])  # the QImage borrows this buffer
        self.qimage = pg.functions.ndarray_to_qimage(self._pixels, QImage.Format.Format_RGB32)
        self._renderRequired = False
        self._unrenderable = False
