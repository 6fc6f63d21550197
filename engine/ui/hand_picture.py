"""A drawn hand for demonstrations: a fingertip for each finger in view, reaching in from
the bottom of the board, joined by a palm when several fingers are shown. A finger on the
screen has a ring where it touches; a finger in the air floats above its shadow."""

from __future__ import annotations

from collections.abc import Sequence

import pygame

from engine.demo_fingers import FingerAt
from engine.display import RectMM
from engine.ui.theme import Theme

SKIN = (226, 186, 150)
SKIN_EDGE = (150, 105, 75)
NAIL = (246, 226, 212)
FINGER_W_MM = 13.0
REACH_MM = 55.0          # from a fingertip back to the palm
LIFT_MM = 3.0            # a finger in the air is drawn this much above its shadow
ALPHA = 200


def draw_hand(surface: pygame.Surface, theme: Theme, board: RectMM,
              fingers: Sequence[FingerAt], *, left: bool = False) -> None:
    """Draw the fingers in view (board mm) over the game, on `surface` (the screen)."""
    if not fingers:
        return
    layer = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
    tips = [(board.x + f.x_mm, board.y + f.y_mm - (0.0 if f.down else LIFT_MM), f)
            for f in fingers]
    side = -1.0 if left else 1.0
    cx = sum(x for x, _, _ in tips) / len(tips)
    cy = max(y for _, y, _ in tips)
    palm = (cx + side * (12.0 if len(tips) == 1 else 0.0), cy + REACH_MM)
    for x, y, finger in tips:
        if not finger.down:                   # its shadow on the screen
            _circle(layer, theme, x, y + LIFT_MM, FINGER_W_MM / 2, (0, 0, 0, 40))
    if len(tips) > 1:
        _ellipse(layer, theme, palm[0], palm[1] + 8.0, FINGER_W_MM * 1.4 + 8.0 * len(tips),
                 REACH_MM * 0.7)
    for x, y, finger in tips:
        base = (palm[0] + (x - cx) * 0.6, palm[1])
        _capsule(layer, theme, (x, y), base)
        _circle(layer, theme, x, y - FINGER_W_MM * 0.12, FINGER_W_MM * 0.28, (*NAIL, 255))
        if finger.down:
            _ring(layer, theme, x, y, FINGER_W_MM * 0.75, theme.palette.primary)
    layer.set_alpha(ALPHA)
    surface.blit(layer, (0, 0))


def _px(theme: Theme, x: float, y: float) -> tuple[int, int]:
    return theme.profile.point_px(x, y)


def _capsule(layer: pygame.Surface, theme: Theme, tip: tuple[float, float],
             base: tuple[float, float]) -> None:
    width = max(3, theme.px(FINGER_W_MM))
    edge = max(1, theme.px(0.6))
    a, b = _px(theme, *tip), _px(theme, *base)
    pygame.draw.line(layer, SKIN_EDGE, a, b, width + 2 * edge)
    pygame.draw.circle(layer, SKIN_EDGE, a, width // 2 + edge)
    pygame.draw.line(layer, SKIN, a, b, width)
    pygame.draw.circle(layer, SKIN, a, width // 2)


def _circle(layer: pygame.Surface, theme: Theme, x: float, y: float, r: float,
            color: tuple[int, int, int, int]) -> None:
    pygame.draw.circle(layer, color, _px(theme, x, y), max(1, theme.px(r)))


def _ring(layer: pygame.Surface, theme: Theme, x: float, y: float, r: float,
          color: tuple[int, int, int]) -> None:
    pygame.draw.circle(layer, color, _px(theme, x, y), max(2, theme.px(r)),
                       max(2, theme.px(0.9)))


def _ellipse(layer: pygame.Surface, theme: Theme, x: float, y: float, w: float,
             h: float) -> None:
    left, top = _px(theme, x - w / 2, y - h / 2)
    rect = pygame.Rect(left, top, max(2, theme.px(w)), max(2, theme.px(h)))
    pygame.draw.ellipse(layer, SKIN_EDGE, rect.inflate(2 * theme.px(0.6), 2 * theme.px(0.6)))
    pygame.draw.ellipse(layer, SKIN, rect)
