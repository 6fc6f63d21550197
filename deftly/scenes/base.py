"""The shell's screen pattern: a header with Back and a title, content below."""

from __future__ import annotations

from typing import TypeVar

import pygame

from deftly.context import Shell
from engine.display import RectMM
from engine.i18n import t
from engine.scene import Scene
from engine.ui import draw
from engine.ui.widgets import Button, Label, Widget

R = TypeVar("R")


class Screen(Scene[R]):
    """Subclasses set `title` and build their widgets in `build(content)`."""

    title = ""
    show_back = True

    def __init__(self, shell: Shell) -> None:
        super().__init__()
        self.shell = shell

    def header_height(self) -> float:
        return max(self.app.theme.sizes.button_h, self.app.theme.sizes.heading * 1.6)

    def layout(self) -> None:
        sizes = self.app.theme.sizes
        board = self.app.board.inset(sizes.margin * 0.75, sizes.margin * 0.5)
        header, content = board.take_top(self.header_height())
        _, content = content.take_top(sizes.gap)
        widgets: list[Widget] = []
        title_box = header
        if self.show_back:
            back = RectMM(header.x, header.y, min(38.0, header.w * 0.3), header.h)
            widgets.append(Button(back, t("button.back"), self.go_back, icon="back",
                                  style="quiet"))
            title_box = RectMM(back.right + sizes.gap, header.y,
                               header.w - back.w - sizes.gap, header.h)
        corners = self.corner_buttons()
        if corners:   # the title stops short of the buttons in the header's corner
            right = min(w.rect.x for w in corners) - sizes.gap
            title_box = RectMM(title_box.x, title_box.y, max(1.0, right - title_box.x),
                               title_box.h)
        text, size = self._title_that_fits(title_box)
        widgets.append(Label(title_box, text, size=size, bold=True, align="left"))
        self.widgets = widgets + corners + self.build(content)

    def corner_buttons(self) -> list[Widget]:
        """Buttons in the header's top right corner (none by default)."""
        return []

    def heading(self) -> str:
        return self.title

    def headings(self) -> list[str]:
        """The title, then shorter ways of saying it for narrow screens."""
        return [self.heading()]

    def _title_that_fits(self, box: RectMM) -> tuple[str, str]:
        """The longest heading that fits `box` at the heading size, else at the label size
        (a main label: 5 mm capitals), else the shortest, to be cut."""
        theme = self.app.theme
        choices = self.headings()
        for size in ("heading", "label"):
            text = draw.first_fitting(theme, choices, box.w, bold=True,
                                      size_mm=getattr(theme.sizes, size))
            if text is not None:
                return text, size
        return choices[-1], "label"

    def build(self, content: RectMM) -> list[Widget]:
        return []

    def go_back(self) -> None:
        self.finish(None)

    def refresh(self) -> None:
        """Rebuild the widgets (after data changed)."""
        self.layout()
        self.dirty = True

    def draw(self, surface: pygame.Surface) -> None:
        surface.fill(self.app.theme.palette.background)
        super().draw(surface)
