"""Drawing the tap game. Only draws: all state comes from the model."""

from __future__ import annotations

import pygame

from engine.display import RectMM
from engine.i18n import t
from engine.ui import draw
from engine.ui.icons import ICONS
from engine.ui.theme import Theme
from games.tap.model import (
    Feedback,
    PointingModel,
    RhythmModel,
    RingModel,
    SequenceModel,
    TapModel,
)

EFFECT_MS = 450.0
MISS_MS = 1100.0
FRAME_MS = 16.0


class TapView:
    def __init__(self) -> None:
        self._pulse = draw.Pulse()

    def signature(self, model: TapModel, now_ms: float) -> object:
        fb = model.feedback
        animating = fb is not None and now_ms - fb.t_ms < MISS_MS
        return (model.done, int(now_ms // FRAME_MS) if animating else None, model.waiting,
                self._layout_signature(model, now_ms),
                self._pulse.frame(now_ms, self._has_active(model, now_ms)))

    @staticmethod
    def _has_active(model: TapModel, now_ms: float) -> bool:
        """Whether a target to touch now is shown (its halo breathes)."""
        if isinstance(model, PointingModel):
            return model.target is not None
        if isinstance(model, SequenceModel):
            return model.sequence is not None and model.sequence.lit(now_ms) is not None
        assert isinstance(model, RhythmModel)
        return model.rhythm is not None

    @staticmethod
    def _layout_signature(model: TapModel, now_ms: float) -> object:
        """What changes the picture of the model's layout."""
        if isinstance(model, PointingModel):
            return (model.target.onset_ms if model.target else None, model.selecting)
        if isinstance(model, SequenceModel):
            seq = model.sequence
            return None if seq is None else (seq.lit(now_ms), len(seq.entered),
                                             now_ms >= seq.demo_end_ms, seq.result_at)
        assert isinstance(model, RhythmModel)
        rh = model.rhythm
        return None if rh is None else (len(rh.downs),
                                        int(now_ms // 100) if rh.start_ms else None)

    def draw(self, surface: pygame.Surface, theme: Theme, model: TapModel, board: RectMM,
             now_ms: float) -> None:
        self._pulse.seen(theme)
        if isinstance(model, PointingModel):
            self._pointing(surface, theme, model, board, now_ms)
        elif isinstance(model, SequenceModel):
            self._sequence(surface, theme, model, board, now_ms)
        else:
            assert isinstance(model, RhythmModel)
            self._rhythm(surface, theme, model, board, now_ms)
        self._feedback(surface, theme, model.feedback, board, now_ms)

    # -- pieces ------------------------------------------------------------------------------
    def _pointing(self, surface: pygame.Surface, theme: Theme, model: PointingModel,
                  board: RectMM, now_ms: float) -> None:
        target = model.target
        if isinstance(model, RingModel):
            width = model.shown_width_mm
            for x, y in model.spots(width):
                draw.target(surface, theme, board.x + x, board.y + y, width / 2, active=False)
        if target is not None:
            draw.target(surface, theme, board.x + target.x_mm, board.y + target.y_mm,
                        target.width_mm / 2, active=True, now_ms=now_ms)
        elif model.done == 0:
            draw.board_hint(surface, theme, board, t("tap.start"))

    def _sequence(self, surface: pygame.Surface, theme: Theme, model: SequenceModel,
                  board: RectMM, now_ms: float) -> None:
        seq = model.sequence
        if seq is None:
            return
        lit = seq.lit(now_ms)
        for i, (x, y) in enumerate(seq.pads):
            draw.target(surface, theme, board.x + x, board.y + y, seq.width_mm / 2,
                        active=i == lit, now_ms=now_ms)
        if seq.result_at is not None:
            text = t("tap.sequence.good") if seq.success else t("tap.sequence.again")
        elif now_ms < seq.demo_end_ms:
            text = t("tap.sequence.watch")
        else:
            text = t("tap.sequence.turn")
        draw.board_hint(surface, theme, board, text)

    def _rhythm(self, surface: pygame.Surface, theme: Theme, model: RhythmModel,
                board: RectMM, now_ms: float) -> None:
        pal = theme.palette
        rh = model.rhythm
        if rh is None:
            draw.board_hint(surface, theme, board, t("tap.rhythm.rest"))
            return
        for i, (x, y) in enumerate(rh.pads):
            draw.target(surface, theme, board.x + x, board.y + y, rh.width_mm / 2,
                        active=rh.expected is None or rh.expected == i, now_ms=now_ms)
        if rh.start_ms is None:
            draw.board_hint(surface, theme, board, t("tap.rhythm.ready"))
            return
        left = max(0.0, 1.0 - (now_ms - rh.start_ms) / rh.duration_ms)
        bar = RectMM(board.x + board.w * 0.2, board.bottom - 10, board.w * 0.6, 4)
        draw.panel(surface, theme, bar, pal.panel, pal.line, radius_mm=2)
        if left > 0:
            draw.panel(surface, theme, RectMM(bar.x, bar.y, max(4.0, bar.w * left), bar.h),
                       pal.highlight, radius_mm=2)
        draw.board_hint(surface, theme, board, t("tap.rhythm.taps", count=len(rh.downs)))

    def _feedback(self, surface: pygame.Surface, theme: Theme, fb: Feedback | None,
                  board: RectMM, now_ms: float) -> None:
        if fb is None:
            return
        age = now_ms - fb.t_ms
        pal = theme.palette
        x, y = board.x + fb.x_mm, board.y + fb.y_mm
        if fb.kind == "hit" and age < EFFECT_MS:
            if theme.reduced_motion:
                size = 9.0
                box = RectMM(x - size / 2, y - size / 2, size, size)
                ICONS["check"](surface, pygame.Rect(theme.profile.rect_px(box)), pal.good)
            else:
                grow = 4.0 + 10.0 * (age / EFFECT_MS)
                draw.circle(surface, theme, x, y, grow, pal.good,
                            width_mm=max(0.5, 1.6 * (1 - age / EFFECT_MS)))
        elif fb.kind == "miss" and age < MISS_MS:
            draw.circle(surface, theme, x, y, 3.0, pal.miss, width_mm=0.8)
            hint = {"several_fingers": "tap.hint.several_fingers", "slid_off": "tap.hint.slid_off",
                    "too_slow": "tap.hint.too_slow", "miss": "tap.hint.miss"}.get(fb.reason)
            if hint:
                draw.board_hint(surface, theme, board, t(hint))
