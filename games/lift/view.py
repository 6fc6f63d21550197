"""Drawing the lift game: the fingertips seen while the hand is laid down, then a pad under
each finger, the lit one marked as every game's active target, and a ring filling while a
finger is held up."""

from __future__ import annotations

import pygame

from engine.display import RectMM
from engine.i18n import t
from engine.ui import draw
from engine.ui.theme import Theme
from games.lift.hand_shape import fingertips
from games.lift.model import HINT_MS, Cue, LiftModel

PAD_MM = 9.0
"""A pad's radius: a fingertip's contact and some."""
FRAME_MS = 33.0


def cue_text(cue: Cue) -> str:
    names = [t(f"lift.finger.{f}") for f in cue.fingers]
    if len(names) == 1:
        return t("lift.cue", finger=names[0])
    return t("lift.cue_pair", first=names[0], second=names[1])


def prompt(model: LiftModel, now_ms: float) -> str:
    """The board's one line: what to do now."""
    hint = model.hint
    if hint is not None and now_ms - hint.t_ms < HINT_MS and model.phase != "place":
        return t(hint.key)
    if model.phase == "place":
        if model.problem is not None:
            return t(model.problem)
        down, count = len(model.contacts), len(model.fingers)
        return t("lift.placing", down=down, count=count) if 0 < down < count else \
            t("lift.place", count=count)
    cue = model.cue
    if cue is None:
        return t("lift.wait")
    if model.phase == "cue":
        return cue_text(cue)
    return t("lift.hold") if float(model.params["hold_ms"]) > 0 else t("lift.back")


class LiftView:
    def __init__(self) -> None:
        self._pulse = draw.Pulse()

    def signature(self, model: LiftModel, now_ms: float) -> object:
        cue = model.cue
        holding = model.phase == "up" and float(model.params["hold_ms"]) > 0
        hint = model.hint
        return (model.phase, model.done, model.problem, tuple(model.contacts.values()),
                model.placement,
                model.watch.down if model.watch else None,
                cue.onset_ms if cue else None,
                hint is not None and now_ms - hint.t_ms < HINT_MS,
                int(now_ms // FRAME_MS) if holding else None,
                self._pulse.frame(now_ms, model.phase == "cue"))

    def draw(self, surface: pygame.Surface, theme: Theme, model: LiftModel, board: RectMM,
             now_ms: float) -> None:
        self._pulse.seen(theme)
        if model.placement is None:
            self._contacts(surface, theme, model, board)
        else:
            self._pads(surface, theme, model, board, now_ms)
        text = prompt(model, now_ms)
        draw.board_hint(surface, theme, board, text, at_bottom=self._hint_in_the_way(
            model, theme, board, text))

    def _hint_in_the_way(self, model: LiftModel, theme: Theme, board: RectMM,
                         text: str) -> bool:
        """Whether a pad (or a fingertip) lies under the top of the board, where the
        instruction goes: then it goes at the bottom."""
        band = draw.hint_height(theme, board, text) + PAD_MM + theme.sizes.small * 1.5
        points = [(p.x_mm, p.y_mm) for p in model.placement.pads] if model.placement \
            else list(model.contacts.values())
        return any(y < band for _, y in points)

    def _contacts(self, surface: pygame.Surface, theme: Theme, model: LiftModel,
                  board: RectMM) -> None:
        """The fingertips seen so far, while the hand is being laid down; before the
        first, a ghost hand showing where they might go."""
        pal = theme.palette
        if not model.contacts:
            ghost = fingertips(model.fingers, model.side, board.w, board.h)
            for finger, (x, y) in ghost.items():
                self._pad(surface, theme, finger, board.x + x, board.y + y, active=False)
        for x, y in model.contacts.values():
            draw.circle(surface, theme, board.x + x, board.y + y, PAD_MM, pal.highlight)
            draw.circle(surface, theme, board.x + x, board.y + y, PAD_MM, pal.ink,
                        width_mm=0.8)

    def _pads(self, surface: pygame.Surface, theme: Theme, model: LiftModel, board: RectMM,
              now_ms: float) -> None:
        pal = theme.palette
        assert model.placement is not None
        cue = model.cue
        lit = cue.fingers if cue is not None and model.phase in ("cue", "up") else ()
        down = model.watch.down if model.watch else ()
        for pad in model.placement.pads:
            x, y = board.x + pad.x_mm, board.y + pad.y_mm
            self._pad(surface, theme, pad.finger, x, y, active=pad.finger in lit,
                      now_ms=now_ms if model.phase == "cue" else None)
            if pad.finger in down and pad.finger not in lit:
                draw.circle(surface, theme, x, y, PAD_MM * 0.45, pal.muted)
        if cue is not None and model.phase == "up" and float(model.params["hold_ms"]) > 0:
            self._hold_ring(surface, theme, model, cue, board, now_ms)

    def _pad(self, surface: pygame.Surface, theme: Theme, finger: str, x: float, y: float,
             *, active: bool, now_ms: float | None = None) -> None:
        """A finger's pad (the engine's target, lit or not) with the finger's name below."""
        if active:
            draw.target(surface, theme, x, y, PAD_MM, active=True, now_ms=now_ms)
        else:
            draw.target(surface, theme, x, y, PAD_MM, active=False, outline_mm=1.0)
        below = RectMM(x - 14, y + PAD_MM + 1.5, 28, theme.sizes.small * 1.5)
        draw.text_in(surface, theme, t(f"lift.pad.{finger}"), below, theme.sizes.small,
                     theme.palette.muted)

    def _hold_ring(self, surface: pygame.Surface, theme: Theme, model: LiftModel, cue: Cue,
                   board: RectMM, now_ms: float) -> None:
        """A ring around the held finger's pad filling up to the hold time."""
        assert model.placement is not None
        since = cue.up_since_ms
        if since is None:
            return
        share = (now_ms - since) / float(model.params["hold_ms"])
        pad = model.placement.pad(cue.fingers[0])
        draw.progress_ring(surface, theme, board.x + pad.x_mm, board.y + pad.y_mm,
                           PAD_MM + 4.0, share=share, color=theme.palette.good)
