"""Watching a level done right before playing it: the demonstration's touches fed to a
fresh model at a calm pace on the real board, drawn by the game's own view, with a drawn
hand doing the moves. One tap on Skip ends it; nothing is recorded."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

import pygame

from engine.demo import Demonstration
from engine.demo_fingers import FingerTimeline
from engine.display import RectMM
from engine.i18n import t
from engine.input.sdl import Command
from engine.replay_scene import ReplayClock, Replayer
from engine.round_scene import GameView, bar_columns, top_bar
from engine.scene import Scene
from engine.ui import draw
from engine.ui.hand_picture import draw_hand
from engine.ui.theme import Theme
from engine.ui.widgets import Button, Label, ProgressBar, Widget

HOLD_MS = 1200.0
"""The finished board stays this long before the demonstration closes by itself."""

def still_frame(demo: Demonstration, view: GameView, theme: Theme,
                at: float = 0.5) -> pygame.Surface:
    """The demonstration's board `at` (a share of its time) through, fingers drawn, at the
    board's own size."""
    w_mm, h_mm = demo.setup.board_w_mm, demo.setup.board_h_mm
    board = pygame.Surface((max(1, theme.px(w_mm)), max(1, theme.px(h_mm))))
    board.fill(theme.palette.background)
    area = RectMM(0.0, 0.0, w_mm, h_mm)
    t_ms = demo.end_ms * at
    replayer = Replayer(demo.make_model, list(demo.touches))
    replayer.advance(t_ms)
    view.draw(board, theme, replayer.model, area, t_ms)
    draw_hand(board, theme, area, FingerTimeline(demo.touches).at(t_ms),
              left=demo.setup.hand == "left")
    return board


class DemoStill(Widget):
    """A still frame from the middle of a level's demonstration, fitted into its box."""

    _drawn: ClassVar[dict[tuple[int, int, tuple[int, int]], pygame.Surface]] = {}

    def __init__(self, rect: RectMM, demo: Demonstration, view: GameView) -> None:
        super().__init__(rect)
        self.demo = demo
        self.view = view

    def draw(self, surface: pygame.Surface, theme: Theme) -> None:
        box = pygame.Rect(theme.profile.rect_px(self.rect))
        key = (id(self.demo), id(theme), box.size)
        image = self._drawn.get(key)
        if image is None:
            frame = still_frame(self.demo, self.view, theme)
            scale = min(box.w / frame.get_width(), box.h / frame.get_height(), 1.0)
            image = pygame.transform.smoothscale(
                frame, (max(1, int(frame.get_width() * scale)),
                        max(1, int(frame.get_height() * scale))))
            if len(self._drawn) > 8:
                self._drawn.clear()
            self._drawn[key] = image
        spot = image.get_rect(center=box.center)
        surface.blit(image, spot)
        pygame.draw.rect(surface, theme.palette.line, spot, max(1, theme.px(0.3)))


MakeDemonstration = Callable[[tuple[float, float]], Demonstration]


class DemoScene(Scene[bool]):
    """Finishes with True when watched to its end, False when skipped."""

    def __init__(self, make: MakeDemonstration, view: GameView, title: str,
                 instruction: str = "") -> None:
        super().__init__()
        self.make = make
        self.view = view
        self.title = title
        self.instruction = instruction
        self.demo: Demonstration | None = None
        self.replayer: Replayer | None = None
        self.timeline = FingerTimeline(())
        self.clock = ReplayClock(0.0)
        self.board_rect = RectMM(0, 0, 1, 1)
        self._last_ms: float | None = None
        self._signature: object = None

    def layout(self) -> None:
        sizes = self.app.theme.sizes
        bar, rest = top_bar(self.app.board, sizes)
        skip, watch, title = bar_columns(bar, sizes, min(40.0, bar.w * 0.3))
        self.progress = ProgressBar(title.inset(0, bar.h * 0.3))
        self.widgets = [Button(skip, t("demo.skip"), self.skip, icon="next", style="primary"),
                        Label(watch, self._watch_text(watch), bold=True, align="left",
                              wrap=False),
                        self.progress]
        self.board_rect = rest

    def _watch_text(self, box: RectMM) -> str:
        """"Watch how it is done · <level>" if it fits, else less, else nothing."""
        watch = t("demo.watch")
        texts = (f"{watch} · {self.title}", watch, t("demo.watch_short"))
        return draw.first_fitting(self.app.theme, texts, box.w,
                                  bold=True, size_mm=self.app.theme.sizes.body) or ""

    def enter(self) -> None:
        self.demo = self.make((self.board_rect.w, self.board_rect.h))
        self.replayer = Replayer(self.demo.make_model, list(self.demo.touches))
        self.timeline = FingerTimeline(self.demo.touches)
        self.clock = ReplayClock(self.demo.end_ms + HOLD_MS)
        if self.instruction:
            self.app.speech.say(self.instruction)    # when the player has speech turned on

    def skip(self) -> None:
        self.finish(False)

    def on_command(self, command: Command) -> None:
        if command is Command.BACK:
            self.skip()

    def update(self, t_ms: float) -> None:
        if self.replayer is None:
            return
        dt = 0.0 if self._last_ms is None else t_ms - self._last_ms
        self._last_ms = t_ms
        now = self.clock.advance(dt)
        self.replayer.advance(now)
        if self.clock.done:
            self.finish(True)
            return
        self.progress.value = now / self.clock.end_ms if self.clock.end_ms else 1.0
        signature = (self.view.signature(self.replayer.model, now), int(now // 40))
        if signature != self._signature:
            self._signature = signature
            self.dirty = True

    def draw(self, surface: pygame.Surface) -> None:
        theme = self.app.theme
        surface.fill(theme.palette.background)
        if self.replayer is not None and self.demo is not None:
            now = self.clock.t_ms
            self.view.draw(surface, theme, self.replayer.model, self.board_rect, now)
            draw_hand(surface, theme, self.board_rect, self.timeline.at(now),
                      left=self.demo.setup.hand == "left")
        line_y = theme.px(self.board_rect.y) - 1
        pygame.draw.line(surface, theme.palette.line, (0, line_y), (surface.get_width(), line_y),
                         max(1, theme.px(0.3)))
        super().draw(surface)
