"""A table of text: a header row, then rows that may be tapped (to open a round, say)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import pygame

from engine.display import RectMM
from engine.i18n import t
from engine.touch import Phase, Touch
from engine.ui import draw
from engine.ui.icons import draw_icon
from engine.ui.theme import Theme
from engine.ui.widgets import Button, Label, Widget


@dataclass(frozen=True)
class Column:
    title: str
    weight: float = 1.0       # share of the width, relative to the other columns
    align: str = "left"


class Table(Widget):
    """Rows of cells under a header. With `on_row`, a row is chosen when a finger lifts
    on the same row it went down on (a chevron shows rows can be opened)."""

    def __init__(self, rect: RectMM, columns: Sequence[Column], rows: Sequence[Sequence[str]],
                 *, row_h: float, on_row: Callable[[int], None] | None = None) -> None:
        super().__init__(rect)
        self.columns = list(columns)
        self.rows = [list(r) for r in rows]
        self.row_h = row_h
        self.on_row = on_row
        self._down: tuple[int, int] | None = None   # (finger, row)
        self._header_mm = 8.5                        # set from the theme when drawn

    def header_h(self, theme: Theme) -> float:
        return theme.sizes.small * 1.7

    def _row_at(self, y_mm: float) -> int | None:
        top = self.rect.y + self._header_mm
        index = int((y_mm - top) // self.row_h) if y_mm >= top else -1
        return index if 0 <= index < len(self.rows) else None

    def on_touch(self, touch: Touch) -> bool:
        if self.on_row is None:
            return False
        if touch.phase is Phase.DOWN and self.rect.contains(touch.x_mm, touch.y_mm):
            row = self._row_at(touch.y_mm)
            if row is not None:
                self._down = (touch.finger, row)
                return True
        elif touch.phase is Phase.UP and self._down and self._down[0] == touch.finger:
            row = self._down[1]
            self._down = None
            if self.rect.contains(touch.x_mm, touch.y_mm, 3.0) and \
                    self._row_at(touch.y_mm) == row:
                self.on_row(row)
            return True
        return False

    def _cells(self, box: RectMM) -> list[RectMM]:
        total = sum(c.weight for c in self.columns) or 1.0
        x = box.x
        cells = []
        for column in self.columns:
            w = box.w * column.weight / total
            cells.append(RectMM(x, box.y, w, box.h).inset(1.2, 0))
            x += w
        return cells

    def draw(self, surface: pygame.Surface, theme: Theme) -> None:
        pal = theme.palette
        sizes = theme.sizes
        self._header_mm = self.header_h(theme)
        chevron = 5.0 if self.on_row else 0.0
        header = RectMM(self.rect.x, self.rect.y, self.rect.w - chevron, self._header_mm)
        for cell, column in zip(self._cells(header), self.columns, strict=True):
            draw.text_in(surface, theme, column.title, cell, sizes.small, pal.muted, bold=True,
                         align=column.align, wrap=False, min_mm=sizes.small * 0.6)
        y = self.rect.y + self._header_mm
        for i, row in enumerate(self.rows):
            box = RectMM(self.rect.x, y, self.rect.w, self.row_h)
            pressed = self._down is not None and self._down[1] == i
            fill = pal.line if pressed else (pal.panel if i % 2 == 0 else pal.background)
            draw.panel(surface, theme, box, fill, radius_mm=1.0)
            text_box = RectMM(box.x, box.y, box.w - chevron, box.h)
            for cell, column, text in zip(self._cells(text_box), self.columns, row,
                                          strict=False):
                draw.text_in(surface, theme, text, cell, sizes.small, pal.ink,
                             align=column.align, wrap=False, min_mm=sizes.small * 0.8)
            if self.on_row:
                size = min(self.row_h * 0.4, 4.0)
                icon = RectMM(box.right - chevron + (chevron - size) / 2,
                              box.y + (box.h - size) / 2, size, size)
                draw_icon(surface, theme, "next", icon, pal.muted)
            y += self.row_h


def pager(rect: RectMM, page: int, pages: int, turn: Callable[[int], None],
          gap: float) -> list[Widget]:
    """Back  2 / 5  Next: buttons (arrows drawn as icons) to turn the page."""
    previous, label, following = rect.columns(3, gap)
    words = previous.w >= 40.0      # narrow: the arrows alone
    return [Button(previous, t("page.previous") if words else "", lambda: turn(-1),
                   icon="back", enabled=page > 0),
            Label(label, f"{page + 1} / {pages}", muted=True),
            Button(following, t("page.next") if words else "", lambda: turn(1), icon="next",
                   enabled=page < pages - 1)]


def page_count(items: int, per_page: int) -> int:
    return max(1, -(-items // max(1, per_page)))
