"""Drawing the hold game: the circle (the engine's target, marked by more than colour), and
a dot in it growing while the finger holds."""

from __future__ import annotations

import pygame

from deftly_example_hold.model import HoldModel
from engine.display import RectMM
from engine.i18n import t
from engine.ui import draw
from engine.ui.theme import Theme

FRAME_MS = 16.0


class HoldView:
    def signature(self, model: HoldModel, now_ms: float) -> object:
        circle = model.circle
        if circle is None:
            return (model.done, None)
        holding = circle.down_ms is not None
        return (model.done, circle.onset_ms, int(now_ms // FRAME_MS) if holding else None)

    def draw(self, surface: pygame.Surface, theme: Theme, model: HoldModel, board: RectMM,
             now_ms: float) -> None:
        pal = theme.palette
        circle = model.circle
        if circle is None:
            return
        x, y, r = board.x + circle.x_mm, board.y + circle.y_mm, circle.size_mm / 2
        draw.target(surface, theme, x, y, r, active=circle.down_ms is None)
        if circle.down_ms is None:
            if model.done == 0:
                draw.board_hint(surface, theme, board, t("hold.start"))
            return
        share = min(1.0, max(0.0, (now_ms - circle.down_ms) / circle.hold_ms))
        draw.circle(surface, theme, x, y, max(0.5, r * share), pal.good)
