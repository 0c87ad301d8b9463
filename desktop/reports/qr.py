"""A QR code drawn straight onto the canvas as one path.

reportlab's QR widget builds a shape object for every run of dark modules and encodes the data
twice (once to measure, once to draw): most of the time of a printed form went there. The
encoder is reportlab's own.
"""

from __future__ import annotations

import itertools

from reportlab.graphics.barcode import qrencoder
from reportlab.pdfgen.canvas import Canvas

QUIET_ZONE = 1   # modules of white around the code


def qr_modules(payload: str, level: str = "M") -> list[list[bool]]:
    code = qrencoder.QRCode(None, getattr(qrencoder.QRErrorCorrectLevel, level))
    code.addData(payload)
    code.make()
    return [[bool(m) for m in row] for row in code.modules]


def draw_qr(canvas: Canvas, payload: str, x: float, y: float, size: float) -> None:
    """The code for ``payload`` in a ``size``-point square whose lower left corner is (x, y)."""
    modules = qr_modules(payload)
    count = len(modules) + 2 * QUIET_ZONE
    box = size / count
    path = canvas.beginPath()
    for r, row in enumerate(modules):
        top = y + size - (r + QUIET_ZONE + 1) * box
        c = 0
        for dark, run in itertools.groupby(row):
            length = len(list(run))
            if dark:
                path.rect(x + (c + QUIET_ZONE) * box, top, length * box, box)
            c += length
    canvas.saveState()
    canvas.setFillColorRGB(0, 0, 0)
    canvas.drawPath(path, stroke=0, fill=1)
    canvas.restoreState()
