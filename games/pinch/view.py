"""Drawing the pinch game: the tray, the holes and the pegs, or the shape to size."""

from __future__ import annotations

import math

import pygame

from engine.display import RectMM
from engine.i18n import t
from engine.ui import draw
from engine.ui.theme import Color, Theme
from games.pinch.board import Peg
from games.pinch.pegs import PegModel
from games.pinch.sizing import SizeModel

HINT_MS = 1800.0


def _bar(surface: pygame.Surface, theme: Theme, centre: tuple[float, float], length: float,
         angle_deg: float, *, color: Color, width_mm: float) -> None:
    """A straight bar through `centre` (the key of a keyed peg or hole)."""
    a = math.radians(angle_deg)
    dx, dy = math.cos(a) * length / 2, math.sin(a) * length / 2
    draw.line(surface, theme, (centre[0] - dx, centre[1] - dy), (centre[0] + dx, centre[1] + dy),
              color, width_mm=width_mm)


def _tint(color: Color, background: Color, share: float = 0.18) -> Color:
    """`color` faded into `background` (for soft zones)."""
    red, green, blue = (round(b + (c - b) * share)
                        for c, b in zip(color, background, strict=True))
    return (red, green, blue)


class PinchView:
    def __init__(self) -> None:
        self._pulse = draw.Pulse()

    def signature(self, model: PegModel | SizeModel, now_ms: float) -> object:
        if isinstance(model, SizeModel):
            s = model.sizing
            return (model.done, s.onset_ms if s else None, round(s.size_mm, 2) if s else None,
                    s.matched_since if s else None, bool(s and s.fingers),
                    self._pulse.frame(now_ms, bool(model.one_finger and s and not s.fingers)))
        carry = model.carry
        moving = model.motion_mm > 0
        hint = model.hint
        return (model.done, model.phase, carry is not None,
                (round(carry.peg.x_mm, 2), round(carry.peg.y_mm, 2),
                 round(carry.peg.angle_deg, 1)) if carry else None,
                hint.t_ms if hint else None, hint is not None and now_ms - hint.t_ms < HINT_MS,
                int(now_ms // 33) if moving else None,
                self._pulse.frame(now_ms, carry is None))

    def draw(self, surface: pygame.Surface, theme: Theme, model: PegModel | SizeModel,
             board: RectMM, now_ms: float) -> None:
        self._pulse.seen(theme)
        if isinstance(model, SizeModel):
            self._size(surface, theme, model, board, now_ms)
        else:
            self._pegs(surface, theme, model, board, now_ms)
        if model.one_finger:
            badge = RectMM(board.x + 3, board.bottom - theme.sizes.small * 2, 60,
                           theme.sizes.small * 1.6)
            draw.text_in(surface, theme, t("pinch.mode_one"), badge, theme.sizes.small,
                         theme.palette.muted, align="left")

    # -- pegs -------------------------------------------------------------------------------
    def _pegs(self, surface: pygame.Surface, theme: Theme, model: PegModel, board: RectMM,
              now_ms: float) -> None:
        pal = theme.palette
        layout = model.layout
        tray = layout.tray
        draw.panel(surface, theme, RectMM(board.x + tray.x, board.y + tray.y, tray.w, tray.h),
                   pal.panel, pal.line, border_mm=0.6, radius_mm=5.0)
        hole_r = model.hole_mm / 2
        zone_r = model.zone_mm / 2 + layout.peg_mm / 2
        empty = set(model.empty_holes())
        for index in range(len(layout.holes)):
            x, y = model.hole_at(index, now_ms)
            if index in empty and model.phase == "in":
                draw.circle(surface, theme, board.x + x, board.y + y, zone_r,
                            _tint(pal.good, pal.background))
            draw.circle(surface, theme, board.x + x, board.y + y, hole_r, pal.panel)
            draw.circle(surface, theme, board.x + x, board.y + y, hole_r, pal.muted,
                        width_mm=0.5)
            if model.keyed:
                _bar(surface, theme, (board.x + x, board.y + y), layout.peg_mm * 1.1, 0.0,
                     color=pal.muted, width_mm=2.0)
        carried = model.carry.peg if model.carry else None
        movable = model.movable()
        for peg in model.pegs:
            if peg is not carried:
                self._peg(surface, theme, model, peg, board, now_ms, active=peg in movable,
                          lifted=False)
        if carried is not None:
            self._peg(surface, theme, model, carried, board, now_ms, active=True,
                      lifted=True)
        hint = model.hint
        if hint is not None and now_ms - hint.t_ms < HINT_MS:
            text = t(f"pinch.hint.{hint.text}")
        elif model.phase == "in":
            text = t("pinch.in_one") if model.one_finger else t("pinch.in")
        else:
            text = t("pinch.out_one") if model.one_finger else t("pinch.out")
        draw.board_hint(surface, theme, board, text)

    def _peg(self, surface: pygame.Surface, theme: Theme, model: PegModel, peg: Peg,
             board: RectMM, now_ms: float, *, active: bool, lifted: bool) -> None:
        """A peg to move next (filled, marked; its halo still while one is carried), or
        one that is done for this phase (hollow: a broad ring, the peg's top)."""
        pal = theme.palette
        x, y = model.peg_position(peg, now_ms)
        r = model.layout.peg_mm / 2 * (1.08 if lifted else 1.0)
        if lifted:
            draw.circle(surface, theme, board.x + x + 1.2, board.y + y + 1.6, r, pal.line)
        draw.target(surface, theme, board.x + x, board.y + y, r, active=active,
                    now_ms=now_ms if model.carry is None else None, outline_mm=r * 0.22)
        if model.keyed:
            _bar(surface, theme, (board.x + x, board.y + y), r * 1.6, peg.angle_deg,
                 color=pal.active_mark if active else pal.idle, width_mm=1.6)

    # -- sizing -----------------------------------------------------------------------------
    def _size(self, surface: pygame.Surface, theme: Theme, model: SizeModel,
              board: RectMM, now_ms: float) -> None:
        pal = theme.palette
        s = model.sizing
        cx, cy = model.centre
        if s is None:
            return
        matched = s.matched_since is not None and bool(s.fingers)
        draw.circle(surface, theme, board.x + cx, board.y + cy, s.size_mm / 2,
                    pal.highlight)
        draw.circle(surface, theme, board.x + cx, board.y + cy, s.size_mm / 2,
                    pal.good if matched else pal.ink, width_mm=0.8)
        draw.circle(surface, theme, board.x + cx, board.y + cy, s.target_mm / 2, pal.ink,
                    width_mm=1.2)
        if model.one_finger:
            hx, hy = model.handle_point()
            draw.target(surface, theme, board.x + hx, board.y + hy, 5.0, active=True,
                        now_ms=None if s.fingers else now_ms)
        if matched:
            text = t("pinch.size_good")
        else:
            text = t("pinch.size_one") if model.one_finger else t("pinch.size")
        draw.board_hint(surface, theme, board, text)
