"""Buttons sized from their words: the least width a label needs, and grids of them."""

from __future__ import annotations

from engine.display import RectMM
from engine.ui.theme import Theme
from engine.ui.widgets import button_width

CHECK_MM = 8.5
"""The check mark a selected button without an icon shows before its words."""


def least_width(theme: Theme, label: str, *, icon: bool = False, selected: bool = False
                ) -> float:
    """The narrowest button that shows `label` whole: with larger text a button's words may
    shrink back to their size at 100 % (never smaller), so this is their width at 100 %."""
    width = button_width(theme.with_preferences(text_scale=1.0), label, icon=icon)
    return width + (CHECK_MM if selected and not icon else 0.0)


def button_grid(theme: Theme, rect: RectMM, labels: list[str], *, max_cols: int = 3,
                max_h: float | None = None, icon: bool = False) -> list[RectMM]:
    """Boxes for buttons `labels` in a grid filling `rect` from its top: as many columns
    (up to `max_cols`) as leave every label room, rows as tall as fit (up to `max_h`, the
    theme's button height by default) but never under the least touch size (then the
    last rows spill out of `rect`: the caller pages)."""
    sizes = theme.sizes
    gap = sizes.gap
    widest = max((least_width(theme, label, icon=icon, selected=True) for label in labels),
                 default=0.0)
    cols = max(1, min(max_cols, len(labels) or 1))
    while cols > 1 and (rect.w - gap * (cols - 1)) / cols < widest:
        cols -= 1
    rows = -(-len(labels) // cols)
    fill = (rect.h - gap * (rows - 1)) / max(1, rows)
    row_h = max(sizes.touch_min, min(fill, max_h or sizes.button_h))
    col_w = (rect.w - gap * (cols - 1)) / cols
    return [RectMM(rect.x + (i % cols) * (col_w + gap), rect.y + (i // cols) * (row_h + gap),
                   col_w, row_h) for i in range(len(labels))]
