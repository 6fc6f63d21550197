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

TOUCH_ROW_MM = 12.0   # a row to tap is a button's height


@dataclass(frozen=True)
class Column:
    title: str
    weight: float = 1.0       # share of the spare width, relative to the other columns
    align: str = "left"


PAD_MM = 1.2        # each side of a cell's text
ROW_PAD_MM = 1.6    # above and below the text of a row (both together)
MAX_HEADER_LINES = 3


@dataclass(frozen=True)
class TableFit:
    """How a table's text fits its width at the theme's text size: the column widths, and
    the header and row heights that hold their lines (cells wrap rather than shrink)."""

    widths: list[float]
    header_h: float
    row_h: float

    def rows_in(self, h: float) -> int:
        """How many rows fit under the header in `h` mm (at least one)."""
        return max(1, int((h - self.header_h + 1e-6) // self.row_h))


def _width_mm(theme: Theme, text: str, bold: bool) -> float:
    return draw.text_width(theme, text, bold) + 2 * PAD_MM


def _lines(theme: Theme, text: str, width: float, bold: bool) -> int:
    """The lines `text` takes wrapped between words in a cell `width` mm wide."""
    return draw.lines_of(theme, text, width - 2 * PAD_MM, bold)


def cell_text(theme: Theme, text: str, width: float, bold: bool = False) -> str:
    """`text` as a clipped cell (or, `bold`, header) `width` mm wide shows it: cut with "…"
    to fit on one line between the cell's padding."""
    return draw.ellipsize(theme, text, max(0.0, width - 2 * PAD_MM), bold=bold)


def column_widths(theme: Theme, width: float, columns: Sequence[Column],
                  rows: Sequence[Sequence[str]]) -> list[float]:
    """Each column as wide as its longest line and title if they all fit (the spare width
    shared by weight), or its longest line (the title wraps); else as wide as its longest
    word, plus a share of what is left by how much more its lines want."""
    def widest(texts: list[str], bold: bool = False) -> float:
        return max((_width_mm(theme, x, bold) for x in texts), default=0.0)

    cells = [[str(r[i]) for r in rows if i < len(r)] for i in range(len(columns))]
    words = [max(widest([w for x in c for w in x.split()]), widest(col.title.split(), True))
             for c, col in zip(cells, columns, strict=True)]
    lines = [max(widest(c), w) for c, w in zip(cells, words, strict=True)]
    titled = [max(w, widest([col.title], True)) for w, col in zip(lines, columns, strict=True)]
    for wanted in (titled, lines):   # headers on one line if they can, else wrapped
        if sum(wanted) <= width:
            total = sum(c.weight for c in columns) or 1.0
            spare = width - sum(wanted)
            return [w + spare * c.weight / total for w, c in zip(wanted, columns, strict=True)]
    spare = max(0.0, width - sum(words))
    wants = [max(0.0, a - b) for a, b in zip(lines, words, strict=True)]
    scale = width / sum(words) if sum(words) > width else 1.0
    return [w * scale + spare * want / (sum(wants) or 1.0)
            for w, want in zip(words, wants, strict=True)]


def fit_table(theme: Theme, width: float, columns: Sequence[Column],
              rows: Sequence[Sequence[str]], *, min_row_h: float = 0.0,
              clip: bool = False) -> TableFit:
    """The widths and heights for `rows` under `columns` in `width` mm (see TableFit);
    `clip`: rows of one line, each cell cut with an ellipsis to its column (`cell_text`)."""
    widths = column_widths(theme, width, columns, rows)
    header = 1 if clip else max((_lines(theme, c.title, w, True)
                                 for c, w in zip(columns, widths, strict=True)), default=1)
    row = 1 if clip else max((_lines(theme, str(text), w, False) for r in rows
                              for text, w in zip(r, widths, strict=False)), default=1)
    return TableFit(widths, theme.line_mm(theme.sizes.small, min(header, MAX_HEADER_LINES))
                    + ROW_PAD_MM,
                    max(min_row_h, theme.line_mm(theme.sizes.small, row) + ROW_PAD_MM))


class Table(Widget):
    """Rows of cells under a header, in columns sized from their text (see `fit_table`);
    a page of the rows at a time (`show_page`). With `on_row`, a row is chosen when a
    finger lifts on the same row it went down on (a chevron shows rows can be opened);
    `on_row` gets the row's index among all rows."""

    def __init__(self, rect: RectMM, columns: Sequence[Column], rows: Sequence[Sequence[str]],
                 *, row_h: float = 0.0, on_row: Callable[[int], None] | None = None,
                 clip: bool = False) -> None:
        """`row_h`: the least height of a row (rows grow to hold their lines); `clip`:
        every row one line, a cell too long for its column cut with an ellipsis."""
        super().__init__(rect)
        self.columns = list(columns)
        self.rows = [list(r) for r in rows]
        self.min_row_h = max(row_h, TOUCH_ROW_MM if on_row else 0.0)
        self.row_h = self.min_row_h                  # set from the theme when fitted
        self.on_row = on_row
        self.first, self.count = 0, len(self.rows)   # the rows shown
        self._down: tuple[int, int] | None = None    # (finger, row)
        self._header_mm = 8.5
        self._widths: list[float] = []
        self.clip = clip

    @property
    def chevron(self) -> float:
        return 5.0 if self.on_row else 0.0

    def fit(self, theme: Theme) -> TableFit:
        """Fit the columns and rows to the theme's text (done again when drawn)."""
        fit = fit_table(theme, self.rect.w - self.chevron, self.columns, self.rows,
                        min_row_h=self.min_row_h, clip=self.clip)
        self._widths, self._header_mm, self.row_h = fit.widths, fit.header_h, fit.row_h
        return fit

    def show_page(self, theme: Theme, page: int) -> tuple[int, int]:
        """Show page `page` (clamped) of as many rows as fit; returns (page, pages)."""
        per_page = self.fit(theme).rows_in(self.rect.h)
        pages = page_count(len(self.rows), per_page)
        page = max(0, min(page, pages - 1))
        self.first, self.count = page * per_page, per_page
        return page, pages

    @property
    def widths(self) -> list[float]:
        """Each column's width in mm (as last fitted)."""
        return list(self._widths)

    def shown(self) -> list[list[str]]:
        return self.rows[self.first:self.first + self.count]

    def _row_at(self, y_mm: float) -> int | None:
        top = self.rect.y + self._header_mm
        index = int((y_mm - top) // self.row_h) if y_mm >= top else -1
        return self.first + index if 0 <= index < len(self.shown()) else None

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
        x = box.x
        cells = []
        for w in self._widths:
            cells.append(RectMM(x, box.y, w, box.h).inset(PAD_MM, 0))
            x += w
        return cells

    def draw(self, surface: pygame.Surface, theme: Theme) -> None:
        pal = theme.palette
        small = theme.sizes.small
        self.count = min(self.count, self.fit(theme).rows_in(self.rect.h))   # no spill
        header = RectMM(self.rect.x, self.rect.y, self.rect.w - self.chevron, self._header_mm)
        for cell, column, w in zip(self._cells(header), self.columns, self._widths,
                                   strict=True):
            title = cell_text(theme, column.title, w, bold=True) if self.clip else column.title
            draw.text_in(surface, theme, title, cell, small, pal.muted, bold=True,
                         align=column.align, valign="bottom", wrap=not self.clip)
        y = self.rect.y + self._header_mm
        for i, row in enumerate(self.shown(), start=self.first):
            box = RectMM(self.rect.x, y, self.rect.w, self.row_h)
            pressed = self._down is not None and self._down[1] == i
            fill = pal.line if pressed else (pal.panel if i % 2 == 0 else pal.background)
            draw.panel(surface, theme, box, fill, radius_mm=1.0)
            text_box = RectMM(box.x, box.y, box.w - self.chevron, box.h)
            for cell, column, text, w in zip(self._cells(text_box), self.columns, row,
                                             self._widths, strict=False):
                if self.clip:
                    draw.text_in(surface, theme, cell_text(theme, text, w), cell, small,
                                 pal.ink, align=column.align, wrap=False)
                else:
                    draw.text_in(surface, theme, text, cell, small, pal.ink,
                                 align=column.align)
            if self.on_row:
                size = min(self.row_h * 0.4, 4.0)
                icon = RectMM(box.right - self.chevron + (self.chevron - size) / 2,
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


def paged_table(theme: Theme, rect: RectMM, table: Table, page: int,
                turn: Callable[[int], None]) -> tuple[list[Widget], int]:
    """`table` in `rect` showing page `page` (clamped), with a pager under it when its rows
    take more than one page; returns the widgets and the page shown."""
    sizes = theme.sizes
    table.rect = rect
    page, pages = table.show_page(theme, page)
    if pages == 1:
        return [table], page
    above, nav = rect.take_bottom(max(sizes.touch_min, sizes.button_h * 0.7))
    table.rect = above.take_top(above.h - sizes.gap)[0]
    page, pages = table.show_page(theme, page)
    return [table, *pager(nav.centered(min(nav.w, 120.0), nav.h), page, pages, turn,
                          sizes.gap)], page


def one_line(theme: Theme, width: float, columns: Sequence[Column],
             rows: Sequence[Sequence[str]]) -> bool:
    """Whether every row of the table fits on one line in `width` mm."""
    fit = fit_table(theme, width, columns, rows)
    return fit.row_h <= theme.line_mm(theme.sizes.small) + ROW_PAD_MM + 1e-6


def page_count(items: int, per_page: int) -> int:
    return max(1, -(-items // max(1, per_page)))
