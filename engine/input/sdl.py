"""The one place that reads pygame input events and turns them into `Touch` values.

pygame-ce events carry no timestamp, so each batch is stamped with the injected
clock when it is drained; the loop drains far more often than it draws.
The `pressure` attribute of finger events is not used: pygame-ce 2.5 fills it
from the wrong field.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import StrEnum

import pygame

from engine.display import DisplayProfile
from engine.input.tracker import MOUSE_KEY, FingerTracker
from engine.touch import Phase, Touch


class Command(StrEnum):
    """Non-touch intents the scenes care about."""

    BACK = "back"            # Escape, Android back
    CONFIRM = "confirm"      # Enter
    ERASE = "erase"          # Backspace
    QUIT = "quit"            # window closed
    FOCUS_LOST = "focus_lost"
    RESIZED = "resized"


@dataclass(frozen=True, slots=True)
class TextTyped:
    """Text from a physical keyboard (desktop use; touch users get an on-screen keyboard)."""

    text: str


InputEvent = Touch | Command | TextTyped

_KEY_COMMANDS = {
    pygame.K_ESCAPE: Command.BACK,
    pygame.K_AC_BACK: Command.BACK,
    pygame.K_RETURN: Command.CONFIRM,
    pygame.K_KP_ENTER: Command.CONFIRM,
    pygame.K_BACKSPACE: Command.ERASE,
}
_LEFT_BUTTON = 1


class InputReader:
    """Converts drained pygame events into input events in mm and ms."""

    def __init__(self, profile: DisplayProfile, window_px: tuple[int, int]) -> None:
        self.profile = profile
        self.window_px = window_px
        self.tracker = FingerTracker(*profile.board_mm(window_px))

    def set_geometry(self, profile: DisplayProfile, window_px: tuple[int, int]) -> None:
        """Follow a new calibration or window size."""
        self.profile, self.window_px = profile, window_px
        self.tracker.resize(*profile.board_mm(window_px))

    def read(self, events: list[pygame.event.Event], t_ms: float) -> list[InputEvent]:
        """Translate one drained batch, all stamped `t_ms`."""
        out: list[InputEvent] = []
        for event in events:
            out.extend(self._translate(event, t_ms))
        return out

    def lift_all(self, t_ms: float) -> list[Touch]:
        return self.tracker.lift_all(t_ms)

    def _translate(self, event: pygame.event.Event, t: float) -> list[InputEvent]:
        kind = event.type
        if kind in _FINGER_PHASES:
            return list(self._finger(event, _FINGER_PHASES[kind], t))
        if kind in _MOUSE_PHASES:
            return list(self._mouse(event, _MOUSE_PHASES[kind], t))
        if kind == pygame.KEYDOWN:
            key = getattr(event, "key", None)
            command = _KEY_COMMANDS.get(key) if isinstance(key, int) else None
            return [command] if command else []
        if kind == pygame.TEXTINPUT:
            text = getattr(event, "text", "")
            return [TextTyped(text)] if isinstance(text, str) and text.isprintable() else []
        if kind in {pygame.QUIT, pygame.WINDOWCLOSE}:
            return [Command.QUIT]
        if kind in {pygame.WINDOWFOCUSLOST, pygame.WINDOWMINIMIZED}:
            return [*self.lift_all(t), Command.FOCUS_LOST]
        if kind == pygame.WINDOWSIZECHANGED:
            return [Command.RESIZED]
        return []

    def _finger(self, event: pygame.event.Event, phase: Phase, t: float) -> list[Touch]:
        key = (getattr(event, "touch_id", 0), getattr(event, "finger_id", None))
        w, h = self.window_px
        x = _number(getattr(event, "x", math.nan)) * w
        y = _number(getattr(event, "y", math.nan)) * h
        return self.tracker.report(key, phase, self.profile.mm(x), self.profile.mm(y), t)

    def _mouse(self, event: pygame.event.Event, phase: Phase, t: float) -> list[Touch]:
        if getattr(event, "touch", False) or self.tracker.touching:
            return []  # synthesised from a finger, or a finger is already down
        if phase is Phase.MOVE:
            buttons = getattr(event, "buttons", (0,))
            if not buttons or not buttons[0]:
                return []
        elif getattr(event, "button", _LEFT_BUTTON) != _LEFT_BUTTON:
            return []
        pos = getattr(event, "pos", (math.nan, math.nan))
        try:
            x, y = (_number(v) for v in pos)
        except (TypeError, ValueError):
            return []
        return self.tracker.report(MOUSE_KEY, phase, self.profile.mm(x), self.profile.mm(y), t)


_FINGER_PHASES = {pygame.FINGERDOWN: Phase.DOWN, pygame.FINGERMOTION: Phase.MOVE,
                  pygame.FINGERUP: Phase.UP}
_MOUSE_PHASES = {pygame.MOUSEBUTTONDOWN: Phase.DOWN, pygame.MOUSEMOTION: Phase.MOVE,
                 pygame.MOUSEBUTTONUP: Phase.UP}


def _number(value: object) -> float:
    try:
        return float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return math.nan
