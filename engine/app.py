"""The app and its main loop.

One loop iteration (`step`) drains input, stamps it with the injected clock and
hands it to the top scene; a frame (update + draw) happens at most `fps` times a
second and is only drawn when something changed. `run` is an asyncio coroutine
that awaits once per iteration, so the same code can run where the browser owns
the loop (pygbag, Pyodide). Scenes never loop on their own.
"""

from __future__ import annotations

import asyncio
from collections import deque
from dataclasses import dataclass, field

import pygame

from engine.audio import Audio
from engine.clock import Clock
from engine.display import DisplayProfile, RectMM
from engine.input.sdl import Command, InputReader, TextTyped
from engine.scene import Scene, SceneStack
from engine.speech import Speech
from engine.touch import Touch
from engine.ui.presses import PressGuard, guarding
from engine.ui.theme import Theme
from engine.ui.widgets import Toast


@dataclass
class LoopStats:
    """Counters for benchmarks and `deftly doctor`."""

    polls: int = 0
    frames: int = 0
    frame_ms: deque[float] = field(default_factory=lambda: deque(maxlen=10_000))
    first_poll_ms: float | None = None
    last_poll_ms: float = 0.0

    def poll_rate_hz(self) -> float:
        if self.first_poll_ms is None or self.last_poll_ms <= self.first_poll_ms:
            return 0.0
        return (self.polls - 1) / ((self.last_poll_ms - self.first_poll_ms) / 1000.0)


class App:
    """Owns the window surface, the clock, the input reader and the scene stack."""

    def __init__(self, screen: pygame.Surface, *, clock: Clock, theme: Theme,
                 audio: Audio | None = None, input_hz: float = 500.0, fps: float = 60.0,
                 measure_frames: bool = False) -> None:
        self.screen = screen
        self.clock = clock
        self.theme = theme
        self.audio = audio or Audio(enabled=False)
        self.speech = Speech()
        self.input_hz = input_hz
        self.frame_ms = 1000.0 / fps
        self.measure_frames = measure_frames
        self.reader = InputReader(theme.profile, screen.get_size())
        self.scenes = SceneStack(self)
        self.presses = PressGuard()
        """Ignores a second button press soon after one (a bouncing or shaky finger)."""
        self.stats = LoopStats()
        self.running = True
        self.toast: Toast | None = None
        self._next_frame_ms = 0.0
        self._timer = clock

    # -- geometry ------------------------------------------------------------
    @property
    def profile(self) -> DisplayProfile:
        return self.theme.profile

    @property
    def board(self) -> RectMM:
        """The whole window in mm."""
        w, h = self.profile.board_mm(self.screen.get_size())
        return RectMM(0.0, 0.0, w, h)

    def now_ms(self) -> float:
        return self.clock.now_ms()

    def set_theme(self, theme: Theme) -> None:
        """Apply a new calibration or accessibility setting everywhere."""
        self.theme = theme
        self.reader.set_geometry(theme.profile, self.screen.get_size())
        self.scenes.relayout()

    def set_screen(self, screen: pygame.Surface) -> None:
        self.screen = screen
        self.reader.set_geometry(self.profile, screen.get_size())
        self.scenes.relayout()

    # -- the loop --------------------------------------------------------------
    def quit(self) -> None:
        self.running = False
        self.speech.stop()

    def show_toast(self, message: str, ms: float = 3500.0, tone: str = "info") -> None:
        now = self.now_ms()
        self.toast = Toast(message, now + ms, tone, now)
        self._mark_visible_dirty()

    def dispatch(self, events: list[Touch | Command | TextTyped]) -> None:
        """Hand translated input to the top scene."""
        for event in events:
            top = self.scenes.top
            if isinstance(event, Touch):
                if top is not None:
                    with guarding(self.presses):
                        top.on_touch(event)
            elif isinstance(event, TextTyped):
                if top is not None:
                    top.on_text(event.text)
            elif event is Command.QUIT:
                self.quit()
            elif event is Command.RESIZED:
                self.set_screen(pygame.display.get_surface() or self.screen)
            elif event is Command.FOCUS_LOST:
                for scene in self.scenes:
                    scene.on_focus_lost()
            elif top is not None:
                top.on_command(event)

    def poll(self) -> None:
        """Drain SDL's queue once and dispatch what it held."""
        now = self.clock.now_ms()
        stats = self.stats
        stats.polls += 1
        if stats.first_poll_ms is None:
            stats.first_poll_ms = now
        stats.last_poll_ms = now
        events = pygame.event.get()
        if events:
            self.dispatch(self.reader.read(events, now))

    def frame(self, force: bool = False) -> bool:
        """Update the top scene and draw if anything visible changed; True if drawn."""
        now = self.clock.now_ms()
        top = self.scenes.top
        if top is not None:
            top.update(now)
        if self.toast is not None and now >= self.toast.until_ms:
            self.toast = None
            self._mark_visible_dirty()
        visible = self.scenes.visible()
        if not (force or any(scene.dirty for scene in visible)):
            return False
        for scene in visible:
            scene.draw(self.screen)
            scene.dirty = False
        if self.toast is not None:
            self.toast.draw(self.screen, self.theme, self.board)
        self.stats.frames += 1
        return True

    def step(self) -> bool:
        """One loop iteration: poll input, and run a frame when one is due."""
        self.poll()
        now = self.clock.now_ms()
        if now < self._next_frame_ms:
            return False
        self._next_frame_ms = max(self._next_frame_ms + self.frame_ms, now)
        started = now
        drawn = self.frame()
        if drawn:
            if self.measure_frames:
                self.stats.frame_ms.append(self.clock.now_ms() - started)
            if pygame.display.get_surface() is self.screen:
                pygame.display.flip()
        return drawn

    async def run(self) -> None:
        """Run until the last scene leaves or the window closes."""
        pause_s = 1.0 / self.input_hz
        while self.running and len(self.scenes):
            self.step()
            await asyncio.sleep(pause_s)

    def render(self) -> pygame.Surface:
        """Draw the visible scenes now, whatever their state (screenshots)."""
        self.frame(force=True)
        return self.screen

    def _mark_visible_dirty(self) -> None:
        for scene in self.scenes.visible():
            scene.dirty = True


def run_scene(app: App, scene: Scene[object]) -> None:
    """Push `scene` and run the loop until everything has left the stack."""
    app.scenes.push(scene)
    asyncio.run(app.run())
