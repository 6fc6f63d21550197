"""Choose one of many: big tiles, page by page, for screens too small to show every game
on Home beside today's plan, or every level on the start screen."""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from deftly.scenes.base import Screen
from engine.display import RectMM
from engine.ui.draw import text_width
from engine.ui.table import pager
from engine.ui.theme import Theme
from engine.ui.widgets import Widget

T = TypeVar("T")
MakeTile = Callable[[RectMM, T, Callable[[T], None]], Widget]
"""Builds the tile of one choice in a cell; the tile calls the given function with it."""

TILE_EDGES_MM = 14.0
"""A tile's border, padding and a lock or check mark beside its name."""
TALL_TILE_MM = 34.0
"""Room for a name, a line of detail and stars."""
SHORT_TILE_MM = 16.0
"""A name alone (tiles under 22 mm show just the name), on short screens."""


class ChooserScene(Screen[T | None], Generic[T]):
    """Finishes with the choice made (None: Back)."""

    def __init__(self, shell, heading: str, choices: list[T],  # noqa: ANN001
                 make_tile: MakeTile[T]) -> None:
        super().__init__(shell)
        self._heading = heading
        self.choices = choices
        self.make_tile = make_tile
        self.page = 0

    def heading(self) -> str:
        return self._heading

    def build(self, content: RectMM) -> list[Widget]:
        sizes = self.app.theme.sizes
        gap = sizes.gap
        tile_h = TALL_TILE_MM if content.h >= 3 * TALL_TILE_MM + sizes.button_h else \
            SHORT_TILE_MM
        cols = self._columns(content.w, gap)
        rows = max(1, int((content.h + gap) // (tile_h + gap)))
        if len(self.choices) > cols * rows:       # a row for the pager
            rows = max(1, int((content.h - sizes.button_h) // (tile_h + gap)))
        per_page = cols * rows
        pages = max(1, -(-len(self.choices) // per_page))
        self.page %= pages
        grid = content
        widgets: list[Widget] = []
        if pages > 1:
            grid, below = content.take_top(rows * (tile_h + gap) - gap)
            _, row = below.take_top(gap)
            widgets += pager(RectMM(row.x, row.y, row.w, min(row.h, sizes.button_h)),
                             self.page, pages, self._turn, gap)
        grid = RectMM(grid.x, grid.y, grid.w, min(grid.h, rows * (tile_h + gap) - gap))
        cells = [c for r in grid.rows(rows, gap) for c in r.columns(cols, gap)]
        shown = self.choices[self.page * per_page:(self.page + 1) * per_page]
        return [self.make_tile(cell, choice, self.finish)
                for cell, choice in zip(cells, shown, strict=False)] + widgets

    def _columns(self, width: float, gap: float) -> int:
        """As many columns (up to 3) as leave every choice's name room on one line."""
        theme = self.app.theme
        names = [getattr(self.make_tile(RectMM(0, 0, 1, 1), c, self.finish), "label", "")
                 for c in self.choices]
        widest = tile_width(theme, names)
        return next((c for c in (3, 2) if (width - (c - 1) * gap) / c >= widest), 1)

    def _turn(self, step: int) -> None:
        self.page += step
        self.refresh()


def tile_width(theme: Theme, names: list[str]) -> float:
    """The width a tile needs for the longest of `names` on one line."""
    return max((text_width(theme, n, True, theme.sizes.label) for n in names),
               default=0.0) + TILE_EDGES_MM
