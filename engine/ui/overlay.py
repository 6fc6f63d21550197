"""Dialog overlays drawn over a dimmed scene: a title, a line of text, big buttons."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from typing import TYPE_CHECKING

import pygame

from engine.display import RectMM
from engine.input.sdl import Command
from engine.scene import Scene
from engine.touch import Touch
from engine.ui import draw
from engine.ui.stack import text_height
from engine.ui.widgets import Button, Label

if TYPE_CHECKING:
    from engine.app import App


ARM_MS = 600.0
"""A dialog takes no press this soon after it opens: the finger that opened it may bounce
onto one of its buttons (on a small screen they can lie where that finger was)."""


class ChoiceOverlay(Scene[str]):
    """Asks one question; finishes with the chosen option's key (Back picks `back_key`)."""

    opaque = False

    def __init__(self, title: str, text: str, options: Sequence[tuple[str, str, str]],
                 back_key: str | None = None) -> None:
        """`options`: (key, label, style) from the most to the least likely choice."""
        super().__init__()
        self.title = title
        self.text = text
        self.options = list(options)
        self.back_key = back_key if back_key is not None else self.options[0][0]
        self.panel = RectMM(0, 0, 1, 1)
        self.accepts_from_ms = 0.0
        """The app time from which its buttons take a press."""

    def enter(self) -> None:
        self.accepts_from_ms = self.app.now_ms() + ARM_MS

    def on_touch(self, touch: Touch) -> None:
        if touch.t_ms >= self.accepts_from_ms:
            super().on_touch(touch)

    def layout(self) -> None:
        sizes = self.app.theme.sizes
        board = self.app.board
        w = min(board.w - 2 * sizes.margin, 150.0)
        rows = len(self.options)
        h = min(board.h - 2 * sizes.margin,
                sizes.title + sizes.body * 3 + rows * (sizes.button_h + sizes.gap) + 16)
        self.panel = board.centered(w, h)
        inner = self.panel.inset(sizes.margin, sizes.margin * 0.8)
        theme = self.app.theme
        title, rest = inner.take_top(min(theme.line_mm(sizes.title), inner.h * 0.3))
        words = text_height(theme, self.text, rest.w, sizes.body)   # as tall as it needs
        room = rest.h - rows * (sizes.touch_min + sizes.gap)
        fits = words <= room           # else the buttons keep their size and the note goes
        text, rest = rest.take_top(max(0.0, words if fits else 0.0))
        buttons = rest.rows(rows, sizes.gap) if rows else []
        self.widgets = [Label(title, self.title, size="title", bold=True)]
        if fits:
            self.widgets.append(Label(text, self.text, muted=True))
        for (key, label, style), rect in zip(self.options, buttons, strict=False):
            button_rect = rect.centered(rect.w, min(rect.h, sizes.button_h * 1.2))
            self.widgets.append(Button(button_rect, label, partial(self.finish, key),
                                       style=style))

    def on_command(self, command: Command) -> None:
        if command is Command.BACK:
            self.finish(self.back_key)

    def draw(self, surface: pygame.Surface) -> None:
        theme = self.app.theme
        draw.shade(surface, theme)
        draw.panel(surface, theme, self.panel, theme.palette.panel, theme.palette.line,
                   border_mm=0.6, radius_mm=4.0)
        super().draw(surface)


def confirm(app: App, title: str, text: str, yes: str, no: str,
            on_yes: Callable[[], None]) -> None:
    """A distinct step before something that cannot be undone (quitting, saving over,
    deleting): the safe choice first and largest, the other below it, away from where the
    first tap landed; Back is the safe choice."""
    overlay = ChoiceOverlay(title, text, [("no", no, "primary"), ("yes", yes, "secondary")],
                            back_key="no")
    app.scenes.push(overlay, lambda key: on_yes() if key == "yes" else None)
