"""Rows of choices (a name, its value, and buttons), laid out in pages and columns.

Used by the player's settings and by the therapist's programme.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from engine.display import RectMM
from engine.i18n import t
from engine.ui.theme import Sizes
from engine.ui.widgets import Button, Label, Widget

TWO_COLUMNS_MM = 320.0
"""Rows go in two columns on a screen this wide: their names still fit on one line."""


@dataclass(frozen=True)
class Row:
    label: str
    value: str
    options: list[tuple[str, bool, Callable[[], None]]]   # (text, chosen, action)


def toggle(label: str, value: bool, set_value: Callable[[bool], None]) -> Row:
    """An On / Off row."""
    return Row(label, t("settings.on") if value else t("settings.off"),
               [(t("settings.on"), value, lambda: set_value(True)),
                (t("settings.off"), not value, lambda: set_value(False))])


@dataclass
class RowPages:
    """Which page of rows is shown; `layout` returns the widgets for that page."""

    page: int = 0
    pages: int = 1

    def layout(self, content: RectMM, items: Sequence[Row | Button], sizes: Sizes,
               turn: Callable[[], None], columns: int | None = None,
               text_scale: float = 1.0) -> list[Widget]:
        """`text_scale`: the text-size setting, so that a row holds its name and value."""
        lines = (sizes.line(sizes.body, text_scale), sizes.line(sizes.small, text_scale))
        words = max(lines[0], sizes.line(sizes.label, text_scale)) + lines[1] + 1.0
        row_h = max(sizes.touch_min + 1.5, sizes.button_h * 0.85)
        one_line = content.h < 3 * (words + sizes.gap)    # no room for two lines
        row_h = row_h if one_line else max(row_h, words + 0.5)
        gap = sizes.gap * 0.75
        cols = columns or (2 if content.w >= TWO_COLUMNS_MM else 1)
        per_col = max(1, int((content.h + gap) // (row_h + gap)))
        widgets: list[Widget] = []
        self.pages = 1
        if len(items) > per_col * cols:
            row_h = min(row_h, max(sizes.touch_min, (content.h - gap) / 2))   # a row and Next
            content, nav = content.take_bottom(row_h + gap)
            _, nav = nav.take_top(gap)              # a gap, so no two buttons touch
            per_col = max(1, int((content.h + gap) // (row_h + gap)))
            self.pages = -(-len(items) // (per_col * cols))
            label, button = nav.columns(2, sizes.gap)
            widgets.append(Label(label, t("settings.page", page=self.page + 1,
                                          pages=self.pages), muted=True, align="left"))
            last = self.page >= self.pages - 1
            widgets.append(Button(button, t("settings.first") if last else t("settings.more"),
                                  turn))
        self.page = min(self.page, self.pages - 1)
        per_page = per_col * cols
        shown = items[self.page * per_page:(self.page + 1) * per_page]
        boxes = content.columns(cols, sizes.gap * 3)
        for i, item in enumerate(shown):
            col = boxes[i // per_col]
            box = RectMM(col.x, col.y + (i % per_col) * (row_h + gap), col.w, row_h)
            widgets += place(item, box, sizes, None if one_line else lines)
        return widgets

    def turn(self) -> None:
        self.page = (self.page + 1) % max(1, self.pages)


def place(item: Row | Button, box: RectMM, sizes: Sizes,
          lines: tuple[float, float] | None = None) -> list[Widget]:
    """A row: its name and value on the left, its buttons on the right. With `lines` (the
    heights of a name line and a value line) the value goes under the name; without, the
    row is too short for two lines and they share one."""
    if isinstance(item, Button):
        item.rect = box
        return [item]
    share = 0.62 if lines is None and len(item.options) <= 2 else 0.5   # one line: room
    name = RectMM(box.x, box.y, box.w * share if item.options else box.w, box.h)
    buttons = RectMM(box.x + box.w * (share + 0.02), box.y, box.w * (0.98 - share), box.h)
    if lines is None:
        out: list[Widget] = [Label(name, f"{item.label}: {item.value}" if item.value
                                   else item.label, align="left", bold=True)]
    else:
        top = name.y + max(0.0, (name.h - lines[0] - lines[1]) / 2)
        out = [Label(RectMM(name.x, top, name.w, lines[0]), item.label, align="left",
                     bold=True, valign="bottom"),
               Label(RectMM(name.x, top + lines[0], name.w, lines[1]), item.value,
                     size="small", align="left", muted=True, valign="top")]
    cells = buttons.columns(len(item.options), sizes.gap) if item.options else []
    for cell, (text, chosen, action) in zip(cells, item.options, strict=True):
        out.append(Button(cell, text, action, selected=chosen))
    return out
