"""Render the app icon (``resources/icons/app.svg``) for the installers: PNG, ICO and ICNS.

``python packaging/make_icons.py OUTDIR`` writes ``app-<size>.png`` for the Linux
icon theme, ``app.ico`` (Windows; several sizes in one file) and ``app.icns``
(macOS). The SVG stays the only drawn source; these are build outputs. Qt draws
the pictures (it is already a dependency); the ICO and ICNS containers are
written here because both simply wrap PNG images, which every supported
Windows and macOS version reads.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

SVG = Path(__file__).resolve().parent.parent / "resources" / "icons" / "app.svg"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
#: ICNS element types that hold a PNG of the given pixel size.
ICNS_TYPES = {
    b"icp4": 16,
    b"icp5": 32,
    b"icp6": 64,
    b"ic07": 128,
    b"ic08": 256,
    b"ic09": 512,
    b"ic10": 1024,
}


def render_png(size: int) -> bytes:
    """The icon drawn at ``size``×``size`` pixels, as PNG bytes."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        raise SystemExit(f"make_icons: {SVG} is not a valid SVG picture")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(0)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """An ICO file holding each PNG (a size of 256 is written as 0, as the format says)."""
    header = struct.pack("<HHH", 0, 1, len(pngs))
    offset = len(header) + 16 * len(pngs)
    entries, images = b"", b""
    for size, data in sorted(pngs.items()):
        side = 0 if size >= 256 else size
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset)
        images += data
        offset += len(data)
    return header + entries + images


def icns_bytes(pngs: dict[int, bytes]) -> bytes:
    """An ICNS file: the magic word, the total length, then one typed element per PNG."""
    body = b""
    for kind, size in ICNS_TYPES.items():
        body += kind + struct.pack(">I", len(pngs[size]) + 8) + pngs[size]
    return b"icns" + struct.pack(">I", len(body) + 8) + body


def main(argv: list[str]) -> int:
    """Write every icon file into the folder given as the only argument."""
    if len(argv) != 1:
        print("usage: python packaging/make_icons.py OUTDIR", file=sys.stderr)
        return 2
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(["make_icons"])
    out = Path(argv[0])
    out.mkdir(parents=True, exist_ok=True)
    sizes = sorted(set(PNG_SIZES) | set(ICO_SIZES) | set(ICNS_TYPES.values()))
    pngs = {size: render_png(size) for size in sizes}
    for size in PNG_SIZES:
        (out / f"app-{size}.png").write_bytes(pngs[size])
    (out / "app.ico").write_bytes(ico_bytes({size: pngs[size] for size in ICO_SIZES}))
    (out / "app.icns").write_bytes(icns_bytes(pngs))
    del app
    print(f"make_icons: wrote {len(PNG_SIZES)} PNG files, app.ico and app.icns to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
