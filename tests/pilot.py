"""Driving the whole app headless through real posted pygame events."""

from __future__ import annotations

import pygame

from engine.app import App
from engine.clock import ManualClock
from engine.ui.widgets import Button


class Pilot:
    def __init__(self, app: App, clock: ManualClock) -> None:
        self.app = app
        self.clock = clock
        self._finger = 100

    @property
    def top(self):
        return self.app.scenes.top

    def run(self, ms: float, step_ms: float = 4.0) -> None:
        """Let the loop run for `ms` of manual time."""
        end = self.clock.t_ms + ms
        while self.clock.t_ms < end:
            self.clock.advance(step_ms)
            self.app.step()

    def _post(self, kind: int, x_mm: float, y_mm: float, finger: int) -> None:
        w, h = self.app.screen.get_size()
        ppm = self.app.profile.px_per_mm
        pygame.event.post(pygame.event.Event(kind, touch_id=1, finger_id=finger,
                                             x=x_mm * ppm / w, y=y_mm * ppm / h, dx=0.0,
                                             dy=0.0, pressure=0.0))

    def tap_mm(self, x_mm: float, y_mm: float, hold_ms: float = 80.0) -> None:
        self._finger += 1
        self._post(pygame.FINGERDOWN, x_mm, y_mm, self._finger)
        self.run(hold_ms)
        self._post(pygame.FINGERUP, x_mm, y_mm, self._finger)
        self.run(40.0)

    def buttons(self) -> list[Button]:
        found = []
        for widget in getattr(self.top, "widgets", []):
            found.extend(getattr(widget, "keys", []))
            if isinstance(widget, Button):
                found.append(widget)
        return found

    def button(self, label: str) -> Button:
        matches = [b for b in self.buttons() if b.label == label and b.visible]
        if not matches:
            labels = [b.label for b in self.buttons()]
            raise AssertionError(f"no button {label!r} on {type(self.top).__name__}: {labels}")
        return matches[0]

    def press(self, label: str) -> None:
        button = self.button(label)
        assert button.enabled, f"{label!r} is disabled"
        self.tap_mm(*button.rect.center)

    def type(self, text: str) -> None:
        for char in text:
            self.press(" " if char == " " else char.upper())
