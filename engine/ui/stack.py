"""Boxes stacked top-down at the height their text needs, as many as fit."""

from __future__ import annotations

from collections.abc import Sequence

from engine.display import RectMM
from engine.ui.draw import lines_of
from engine.ui.theme import Theme


def text_height(theme: Theme, text: str, width_mm: float, size_mm: float,
                bold: bool = False) -> float:
    """The height `text` needs wrapped in `width_mm` at `size_mm`, in mm."""
    return lines_of(theme, text, width_mm, bold, size_mm) * theme.line_mm(size_mm)


def stack(area: RectMM, heights: Sequence[float], gap: float = 0.0) -> list[RectMM]:
    """Boxes of `heights` from the top of `area`, `gap` apart; only those that fit whole
    (the first that does not fit ends the stack: order is importance)."""
    boxes: list[RectMM] = []
    y = area.y
    for h in heights:
        if y + h > area.bottom + 1e-6:
            break
        boxes.append(RectMM(area.x, y, area.w, h))
        y += h + gap
    return boxes
