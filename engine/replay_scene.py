"""Watching a recorded round: the recorded touches fed to a fresh model at their times,
drawn by the game's own view, with the fingers shown as rings and short trails.

The board is drawn at its recorded size in mm onto its own surface, then scaled to fit
the screen, so a round played on a big tablet can be watched on a small one.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pygame

from engine.display import RectMM
from engine.game import GameModel
from engine.i18n import t
from engine.round_scene import GameView
from engine.scene import Scene
from engine.touch import Phase, Touch
from engine.ui import draw
from engine.ui.theme import Theme
from engine.ui.widgets import Button, Label, ProgressBar

SPEEDS = (1.0, 2.0, 4.0)
TRAIL_MS = 400.0
FINGER_MM = 9.0


class ReplayClock:
    """The recorded round's time: runs at a chosen speed, can pause and start over."""

    def __init__(self, end_ms: float) -> None:
        self.end_ms = end_ms
        self.t_ms = 0.0
        self.speed = 1.0
        self.playing = True

    def advance(self, dt_ms: float) -> float:
        if self.playing:
            self.t_ms = min(self.end_ms, self.t_ms + max(dt_ms, 0.0) * self.speed)
            if self.t_ms >= self.end_ms:
                self.playing = False
        return self.t_ms

    @property
    def done(self) -> bool:
        return self.t_ms >= self.end_ms


class Replayer:
    """Feeds recorded touches to a model up to a time; remembers where fingers are."""

    def __init__(self, make_model: Callable[[], GameModel], touches: list[Touch]) -> None:
        self.make_model = make_model
        self.touches = sorted(touches, key=lambda e: e.t_ms)
        self.restart()

    def restart(self) -> None:
        self.model = self.make_model()
        self.next = 0
        self.trials: list[dict[str, Any]] = []
        self.fingers: dict[int, list[Touch]] = {}

    def advance(self, t_ms: float) -> bool:
        """Play every touch up to `t_ms`; True if anything happened."""
        changed = False
        while self.next < len(self.touches) and self.touches[self.next].t_ms <= t_ms:
            touch = self.touches[self.next]
            self.next += 1
            self.model.on_touch(touch)
            if touch.phase is Phase.UP:
                self.fingers.pop(touch.finger, None)
            else:
                self.fingers.setdefault(touch.finger, []).append(touch)
            changed = True
        self.model.tick(t_ms)
        self.trials.extend(self.model.take_trials())
        for finger, path in self.fingers.items():
            self.fingers[finger] = [p for p in path if t_ms - p.t_ms <= TRAIL_MS] or path[-1:]
        return changed


class ReplayScene(Scene[None]):
    def __init__(self, make_model: Callable[[], GameModel], view: GameView,
                 touches: list[Touch], end_ms: float, board_mm: tuple[float, float],
                 title: str) -> None:
        super().__init__()
        self.replayer = Replayer(make_model, touches)
        self.view = view
        last = max((e.t_ms for e in touches), default=0.0)
        self.clock = ReplayClock(max(end_ms, last))
        self.board_mm = board_mm
        self.title = title
        self._last_ms: float | None = None
        self._signature: object = None

    def layout(self) -> None:
        theme = self.app.theme
        sizes = theme.sizes
        bar, rest = self.app.board.take_top(max(sizes.touch_min + 2, sizes.button_h * 0.9))
        strip, rest = rest.take_top(theme.line_mm(sizes.small) + sizes.gap / 2)
        bar = bar.inset(sizes.gap / 2, sizes.gap / 4)
        back = RectMM(bar.x, bar.y, min(34.0, bar.w * 0.22), bar.h)
        play = RectMM(back.right + sizes.gap, bar.y, min(34.0, bar.w * 0.2), bar.h)
        speed = RectMM(play.right + sizes.gap, bar.y, min(22.0, bar.w * 0.14), bar.h)
        title = RectMM(speed.right + sizes.gap * 2, bar.y, bar.right - speed.right -
                       sizes.gap * 2, bar.h)
        progress = strip.inset(sizes.gap / 2, 0)      # the time line under the buttons
        self.play_button = Button(play, "", self.toggle, style="primary")
        self.speed_button = Button(speed, "", self.faster)
        self.progress = ProgressBar(progress)
        self.widgets = [Button(back, t("button.back"), self.finish, icon="back", style="quiet"),
                        self.play_button, self.speed_button, self.progress,
                        Label(title, self._title_for(title), size="small", muted=True,
                              align="right", wrap=False)]
        self.stage = rest.inset(sizes.gap / 2)
        self._update_controls()

    def _title_for(self, box: RectMM) -> str:
        """The title if it fits its box, else its last part (the level), else nothing."""
        return draw.first_fitting(self.app.theme, (self.title, self.title.split(" · ")[-1]),
                                  box.w) or ""

    def _update_controls(self) -> None:
        clock = self.clock
        if clock.playing:
            self.play_button.label, self.play_button.icon = t("replay.pause"), "pause"
        elif clock.done:
            self.play_button.label, self.play_button.icon = t("replay.again"), "play"
        else:
            self.play_button.label, self.play_button.icon = t("replay.play"), "play"
        self.speed_button.label = f"{clock.speed:g}×"
        self.progress.value = clock.t_ms / clock.end_ms if clock.end_ms else 1.0
        self.progress.caption = f"{_clock(clock.t_ms)} / {_clock(clock.end_ms)}"
        self.dirty = True

    def toggle(self) -> None:
        if self.clock.done:
            self.clock.t_ms = 0.0
            self.replayer.restart()
            self.clock.playing = True
        else:
            self.clock.playing = not self.clock.playing
        self._update_controls()

    def faster(self) -> None:
        index = SPEEDS.index(self.clock.speed) if self.clock.speed in SPEEDS else 0
        self.clock.speed = SPEEDS[(index + 1) % len(SPEEDS)]
        self._update_controls()

    def update(self, t_ms: float) -> None:
        dt = 0.0 if self._last_ms is None else t_ms - self._last_ms
        self._last_ms = t_ms
        was_playing = self.clock.playing
        now = self.clock.advance(dt)
        changed = self.replayer.advance(now)
        signature = (self.view.signature(self.replayer.model, now), int(now // 100))
        if changed or signature != self._signature or was_playing != self.clock.playing:
            self._signature = signature
            self._update_controls()

    def draw(self, surface: pygame.Surface) -> None:
        theme = self.app.theme
        surface.fill(theme.palette.background)
        w_mm, h_mm = self.board_mm
        board = pygame.Surface((max(1, theme.px(w_mm)), max(1, theme.px(h_mm))))
        board.fill(theme.palette.background)
        area = RectMM(0.0, 0.0, w_mm, h_mm)
        now = self.clock.t_ms
        self.view.draw(board, theme, self.replayer.model, area, now)
        for path in self.replayer.fingers.values():
            _finger(board, theme, path)
        stage = pygame.Rect(theme.profile.rect_px(self.stage))
        scale = min(stage.w / board.get_width(), stage.h / board.get_height(), 1.0)
        if scale < 1.0:
            board = pygame.transform.smoothscale(board, (max(1, int(board.get_width() * scale)),
                                                         max(1, int(board.get_height() * scale))))
        spot = board.get_rect(center=stage.center)
        surface.blit(board, spot)
        pygame.draw.rect(surface, theme.palette.line, spot, max(1, theme.px(0.3)))
        super().draw(surface)


def _finger(surface: pygame.Surface, theme: Theme, path: list[Touch]) -> None:
    """Where a finger is: a ring, and the way it came over the last moments."""
    color = theme.palette.miss
    points = [theme.profile.point_px(p.x_mm, p.y_mm) for p in path]
    if len(points) > 1:
        pygame.draw.lines(surface, color, False, points, max(2, theme.px(0.6)))
    pygame.draw.circle(surface, color, points[-1], theme.px(FINGER_MM / 2),
                       max(2, theme.px(0.8)))


def _clock(ms: float) -> str:
    seconds = int(max(ms, 0.0) // 1000)
    return f"{seconds // 60}:{seconds % 60:02d}"
