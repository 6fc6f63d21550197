"""Choose one of many: big tiles, page by page, for screens too small to show every game
on Home beside today's plan, or every level on the start screen."""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from deftly.scenes.base import Screen
from engine.display import RectMM
from engine.i18n import t
from engine.ui.widgets import Button, Widget

T = TypeVar("T")
MakeTile = Callable[[RectMM, T, Callable[[T], None]], Widget]
"""Builds the tile of one choice in a cell; the tile calls the given function with it."""

TILE_W_MM = 80.0
TALL_TILE_MM = 34.0
"""Room for a name, a line of detail and stars."""
SHORT_TILE_MM = 21.0
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
        cols = max(1, min(3, int((content.w + gap) // (TILE_W_MM + gap))))
        rows = max(1, int((content.h + gap) // (tile_h + gap)))
        if len(self.choices) > cols * rows:       # a row for the page button
            rows = max(1, rows - 1)
        per_page = cols * rows
        pages = max(1, -(-len(self.choices) // per_page))
        self.page %= pages
        grid = content
        widgets: list[Widget] = []
        if pages > 1:
            grid, below = content.take_top(rows * (tile_h + gap) - gap)
            _, row = below.take_top(gap)
            more = RectMM(row.x, row.y, min(row.w, 70.0), min(row.h, sizes.button_h))
            widgets.append(Button(more, t("chooser.more", page=self.page + 1, pages=pages),
                                  self._next))
        grid = RectMM(grid.x, grid.y, grid.w, min(grid.h, rows * (tile_h + gap) - gap))
        cells = [c for r in grid.rows(rows, gap) for c in r.columns(cols, gap)]
        shown = self.choices[self.page * per_page:(self.page + 1) * per_page]
        return [self.make_tile(cell, choice, self.finish)
                for cell, choice in zip(cells, shown, strict=False)] + widgets

    def _next(self) -> None:
        self.page += 1
        self.refresh()
