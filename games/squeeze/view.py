"""Drawing the squeeze game: a soft ball that shrinks as the hand closes on it, the squeeze
mark inside it, the fingertips on it, "Let go!" on the cue; for a pinch, the band of the
size to hold; for a bout, the seconds left and the count."""

from __future__ import annotations

import math

import pygame

from engine.display import RectMM
from engine.i18n import t
from engine.ui import draw
from engine.ui.theme import Theme
from games.squeeze.ball import closing, spread
from games.squeeze.model import HINT_MS, SqueezeModel

DOT_MM = 4.0


def prompt(model: SqueezeModel, now_ms: float) -> str:
    """The board's one line: what to do now."""
    hint, a = model.hint, model.attempt
    if hint is not None and now_ms - hint.t_ms < HINT_MS:
        return t(hint.key)
    if a is None:
        return t("squeeze.clear") if model.contacts else t("squeeze.wait")
    if model.phase == "bout":
        if a.bout_start_ms is None:
            return t("squeeze.bout_start", count=len(a.fingers))
        return t("squeeze.bout", count=a.cycles)
    if model.phase == "reach":
        if a.task == "pinch":
            return t("squeeze.pinch_reach")
        if a.task == "pair" and len(a.fingers) == 2:     # one finger: as a reach
            first, second = a.label.split("-")
            return t("squeeze.pair", first=t(f"squeeze.finger.{first}"),
                     second=t(f"squeeze.finger.{second}"))
        return t("squeeze.reach", count=len(a.fingers))
    return t({"squeeze": "squeeze.squeeze", "hold": "squeeze.hold", "release": "squeeze.go",
              "pinch": "squeeze.pinch_hold"}.get(model.phase, "squeeze.wait"))


class SqueezeView:
    def signature(self, model: SqueezeModel, now_ms: float) -> object:
        a = model.attempt
        hint = model.hint
        left = model.time_left_ms(now_ms)
        return (model.phase, model.done, tuple(model.contacts.values()),
                a.cycles if a else None, hint is not None and now_ms - hint.t_ms < HINT_MS,
                None if left is None else math.ceil(left / 1000.0))

    def draw(self, surface: pygame.Surface, theme: Theme, model: SqueezeModel, board: RectMM,
             now_ms: float) -> None:
        pal = theme.palette
        a = model.attempt
        cx, cy = board.x + model.centre[0], board.y + model.centre[1]
        if a is not None:
            if a.task == "pinch":
                self._band(surface, theme, model, cx, cy)
            else:
                self._ball(surface, theme, model, cx, cy)
            for x, y in model.contacts.values():
                draw.circle(surface, theme, board.x + x, board.y + y, DOT_MM, pal.ink)
                draw.circle(surface, theme, board.x + x, board.y + y, DOT_MM * 0.5,
                            pal.background)
            if model.phase == "release":
                self._let_go(surface, theme, board)
            left = model.time_left_ms(now_ms)
            if left is not None:
                box = RectMM(board.right - 40, board.bottom - theme.sizes.body * 2, 36,
                             theme.sizes.body * 1.6)
                draw.text_in(surface, theme, t("squeeze.seconds_left",
                                               value=math.ceil(left / 1000.0)),
                             box, theme.sizes.body, pal.ink, bold=True, align="right")
        draw.board_hint(surface, theme, board, prompt(model, now_ms))

    def _ball(self, surface: pygame.Surface, theme: Theme, model: SqueezeModel, cx: float,
              cy: float) -> None:
        """The ball shrinks with the hand closing; the squeeze mark is the ring to reach."""
        pal = theme.palette
        a = model.attempt
        r = model.ball_r
        squeezed = r
        if a is not None and len(model.grip) == len(a.fingers) and a.start_spread > 0:
            squeezed = r * max(0.2, 1.0 - closing(a.start_spread,
                                                  spread(model.grip, model.centre)))
        closed = a is not None and a.depth >= model.squeeze_mark
        draw.circle(surface, theme, cx, cy, squeezed, pal.good if closed else pal.highlight)
        draw.circle(surface, theme, cx, cy, squeezed, pal.ink, width_mm=0.8)
        draw.circle(surface, theme, cx, cy, r * (1 - model.squeeze_mark), pal.ink,
                    width_mm=1.4)

    def _band(self, surface: pygame.Surface, theme: Theme, model: SqueezeModel, cx: float,
              cy: float) -> None:
        """A pinch: the ball at the fingers' size, inside the band to keep it in."""
        pal = theme.palette
        target = float(model.params["target_mm"])
        band = float(model.params["band_mm"])
        size = model.aperture if math.isfinite(model.aperture) else target + 12.0
        inside = abs(size - target) <= band
        draw.circle(surface, theme, cx, cy, (target + band) / 2, pal.highlight)
        draw.circle(surface, theme, cx, cy, max(0.5, (target - band) / 2), pal.background)
        draw.circle(surface, theme, cx, cy, (target + band) / 2, pal.ink, width_mm=0.6)
        draw.circle(surface, theme, cx, cy, max(0.5, (target - band) / 2), pal.ink,
                    width_mm=0.6)
        draw.circle(surface, theme, cx, cy, max(1.0, size / 2),
                    pal.good if inside else pal.muted, width_mm=1.6)

    def _let_go(self, surface: pygame.Surface, theme: Theme, board: RectMM) -> None:
        band = RectMM(board.x + 4, board.bottom - theme.sizes.title * 2.2, board.w - 8,
                      theme.sizes.title * 1.8)
        draw.text_in(surface, theme, t("squeeze.let_go"), band, theme.sizes.title,
                     theme.palette.active, bold=True)
