"""A screen of rows (a name, its value, its buttons) in pages of one column."""

from __future__ import annotations

from typing import TypeVar

from deftly.scenes.base import Screen
from deftly.scenes.rows import Row, RowPages
from engine.display import RectMM
from engine.ui.widgets import Button, Widget

R = TypeVar("R")


class RowsScreen(Screen[R]):
    """Subclasses give their `rows()`; a button turns the pages when they do not fit."""

    def __init__(self, shell) -> None:  # noqa: ANN001
        super().__init__(shell)
        self.pages = RowPages()

    def rows(self) -> list[Row | Button]:
        raise NotImplementedError

    def build(self, content: RectMM) -> list[Widget]:
        return self.pages.layout(content, self.rows(), self.app.theme.sizes, self._turn,
                                 columns=1)

    def _turn(self) -> None:
        self.pages.turn()
        self.refresh()
