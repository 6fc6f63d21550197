"""Drive a whole app headless, as a person would: real SDL finger events on a manual clock.

Every touch is posted to SDL's queue as a FINGERDOWN / FINGERMOTION / FINGERUP event
(positions in mm turned into SDL's normalised window coordinates through the app's screen
size and calibration) and drained by `App.step()`, so it goes through the same input
layer as a real finger. An event is stamped with the clock time at which it is posted:
the pilot posts, then steps the loop at that time. Between events the loop runs every
`step_ms` of manual time, so scenes get their frames as they would on a device.

Angles are those of `two_finger_pose`: x to the right, y down, so a positive turn is
clockwise on the screen.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import Any

import pygame

from engine.app import App
from engine.clock import ManualClock
from engine.input.script import SAMPLE_MS
from engine.scene import Scene
from engine.ui.keyboard import KeyGroup
from engine.ui.widgets import Button

Point = tuple[float, float]
"""A position in mm from the window's top-left corner."""

TOUCH_ID = 1
"""The SDL touch device the pilot's fingers belong to."""

SETTLE_MS = 40.0
"""How long a finished gesture lets the loop run, so the scene sees the lift."""

MAX_STEP_DEG = 45.0
"""A rotation is sampled at least this finely, so its direction is never ambiguous."""


class Pilot:
    """Plays an `App` running on a `ManualClock` through posted SDL finger events.

    Finger ids (SDL's `finger_id`) are never reused during a pilot's life; the engine
    maps them to its own small ids, as it does for a real panel.
    """

    def __init__(self, app: App, clock: ManualClock | None = None, *, step_ms: float = 4.0,
                 sample_ms: float = SAMPLE_MS) -> None:
        if clock is None:
            if not isinstance(app.clock, ManualClock):
                raise TypeError("the pilot needs an app on a ManualClock")
            clock = app.clock
        if step_ms <= 0 or sample_ms <= 0:
            raise ValueError("step_ms and sample_ms must be positive")
        self.app = app
        self.clock = clock
        self.step_ms = step_ms
        self.sample_ms = sample_ms
        self.press_hold_ms = 80.0
        self._last_finger = 100
        self._held: dict[int, Point] = {}

    @property
    def top(self) -> Scene[Any] | None:
        """The scene receiving input."""
        return self.app.scenes.top

    @property
    def held(self) -> list[int]:
        """The pilot's fingers that are down, in the order they went down."""
        return list(self._held)

    def position(self, finger: int) -> Point:
        """Where a held finger is, in mm."""
        return self._held[self._check_held([finger])[0]]

    # -- time ----------------------------------------------------------------
    def run(self, ms: float, step_ms: float | None = None) -> None:
        """Let the loop run for `ms` of manual time, stepping every `step_ms`."""
        self._advance_to(self.clock.t_ms + ms, step_ms)
        self.app.step()

    def _advance_to(self, t_ms: float, step_ms: float | None = None) -> None:
        """Step the loop up to (not at) `t_ms`, then set the clock to `t_ms`."""
        step = self.step_ms if step_ms is None else step_ms
        if step <= 0:
            raise ValueError("step_ms must be positive")
        while self.clock.t_ms + step < t_ms:
            self.clock.advance(step)
            self.app.step()
        self.clock.set(t_ms)

    # -- fingers -------------------------------------------------------------
    def down(self, points: Sequence[Point]) -> list[int]:
        """Put a new finger on each point, all at once; returns their ids."""
        for point in points:
            self._check_inside(point)
        fingers = []
        for point in points:
            self._last_finger += 1
            fingers.append(self._last_finger)
            self._post(pygame.FINGERDOWN, self._last_finger, point)
        self.app.step()
        return fingers

    def move(self, fingers: Sequence[int], points: Sequence[Point],
             duration_ms: float = 0.0) -> None:
        """Move held fingers to `points`: at once, or in straight lines over `duration_ms`."""
        self._check_held(fingers)
        if len(points) != len(fingers):
            raise ValueError(f"{len(fingers)} fingers but {len(points)} points")
        starts = [self._held[f] for f in fingers]
        self._sweep(fingers, self._samples(
            lambda s: [_lerp(a, b, s) for a, b in zip(starts, points, strict=True)],
            duration_ms))

    def up(self, fingers: Sequence[int]) -> None:
        """Lift held fingers, all at once, where they are."""
        for finger in self._check_held(fingers):
            self._post(pygame.FINGERUP, finger, self._held[finger])
        self.app.step()

    # -- gestures ------------------------------------------------------------
    def tap_mm(self, x_mm: float, y_mm: float, hold_ms: float = 80.0) -> None:
        """One finger down at (x, y), held `hold_ms`, lifted."""
        fingers = self.down([(x_mm, y_mm)])
        self.run(hold_ms)
        self.up(fingers)
        self.run(SETTLE_MS)

    def drag_mm(self, points: Sequence[Point], duration_ms: float = 300.0) -> int:
        """One finger along the polyline `points` at constant speed; returns its id."""
        if len(points) < 2:
            raise ValueError("a drag needs at least two points")
        along = _polyline(points)
        samples = self._samples(lambda s: [along(s)], duration_ms)
        (finger,) = self.down([points[0]])
        self._sweep([finger], samples)
        self.up([finger])
        self.run(SETTLE_MS)
        return finger

    def pinch_mm(self, centre: Point, from_gap_mm: float, to_gap_mm: float,
                 duration_ms: float = 400.0, angle_deg: float = 0.0) -> tuple[int, int]:
        """Two fingers on a line through `centre` at `angle_deg`, their gap going from
        `from_gap_mm` to `to_gap_mm` (closing or opening); returns their ids."""
        def pair(s: float) -> list[Point]:
            return _pair(centre, (from_gap_mm + (to_gap_mm - from_gap_mm) * s) / 2, angle_deg)

        return self._two_fingers(pair, duration_ms)

    def rotate_mm(self, centre: Point, radius_mm: float, from_deg: float, to_deg: float,
                  duration_ms: float = 600.0) -> tuple[int, int]:
        """Two fingers opposite each other, `radius_mm` from `centre`, turning the line
        between them from `from_deg` to `to_deg`; returns their ids."""
        def pair(s: float) -> list[Point]:
            return _pair(centre, radius_mm, from_deg + (to_deg - from_deg) * s)

        steps = math.ceil(abs(to_deg - from_deg) / MAX_STEP_DEG)
        return self._two_fingers(pair, duration_ms, steps)

    def _two_fingers(self, pair: Callable[[float], list[Point]], duration_ms: float,
                     min_steps: int = 1) -> tuple[int, int]:
        samples = self._samples(pair, duration_ms, min_steps)
        a, b = self.down(pair(0.0))
        self._sweep([a, b], samples)
        self.up([a, b])
        self.run(SETTLE_MS)
        return (a, b)

    # -- buttons -------------------------------------------------------------
    def buttons(self) -> list[Button]:
        """The top scene's buttons, keyboard keys included."""
        found: list[Button] = []
        top = self.top
        for widget in top.widgets if top is not None else []:
            if isinstance(widget, KeyGroup):
                found.extend(widget.keys)
            if isinstance(widget, Button):
                found.append(widget)
        return found

    def button(self, label: str) -> Button:
        """The first visible button labelled `label`."""
        matches = [b for b in self.buttons() if b.label == label and b.visible]
        if not matches:
            labels = [b.label for b in self.buttons()]
            raise AssertionError(f"no button {label!r} on {type(self.top).__name__}: {labels}")
        return matches[0]

    def press(self, label: str) -> None:
        """Tap the centre of the button labelled `label` (it must be enabled)."""
        self.tap_button(self.button(label))

    def skip_demo(self) -> bool:
        """If a level's demonstration is showing, end it with one tap on Skip; returns
        whether one was showing."""
        from engine.demo_scene import DemoScene

        if not isinstance(self.top, DemoScene):
            return False
        self.tap_button(self.buttons()[0])
        assert not isinstance(self.top, DemoScene), "one tap on Skip ends a demonstration"
        return True

    def tap_button(self, button: Button) -> None:
        """Tap the centre of `button` (it must be enabled), once the app takes a press."""
        assert button.enabled, f"{button.label!r} is disabled"
        self.settle()
        self.tap_mm(*button.rect.center, hold_ms=self.press_hold_ms)

    def settle(self) -> None:
        """Wait until the app takes a press again (its guard against bouncing fingers);
        the lift comes `press_hold_ms` after the finger lands."""
        lift = self.clock.t_ms + self.press_hold_ms
        wait = self.app.presses.remaining_ms(lift)
        dialog = getattr(self.top, "accepts_from_ms", None)   # a dialog that is arming
        if isinstance(dialog, float):
            wait = max(wait, dialog - self.clock.t_ms)
        if wait > 0:
            self.run(wait + 1.0)

    def type(self, text: str, space: str = "Space") -> None:
        """Press the on-screen key for each character (a space presses `space`)."""
        for char in text:
            self.press(space if char == " " else char.upper())

    # -- posting ---------------------------------------------------------------
    def _samples(self, at: Callable[[float], list[Point]], duration_ms: float,
                 min_steps: int = 1) -> list[tuple[float, list[Point]]]:
        """(ms from now, points) for s = k/n up to 1, at most `sample_ms` apart; all
        checked to be inside the window before anything is posted."""
        steps = max(min_steps, 1, math.ceil(duration_ms / self.sample_ms - 1e-9))
        samples = [(max(duration_ms, 0.0) * k / steps, at(k / steps))
                   for k in range(1, steps + 1)]
        for _, points in samples:
            for point in points:
                self._check_inside(point)
        return samples

    def _sweep(self, fingers: Sequence[int], samples: list[tuple[float, list[Point]]]) -> None:
        """One motion batch per sample, each posted at its time."""
        start = self.clock.t_ms
        for offset_ms, points in samples:
            self._advance_to(start + offset_ms)
            for finger, point in zip(fingers, points, strict=True):
                self._post(pygame.FINGERMOTION, finger, point)
            self.app.step()

    def _post(self, kind: int, finger: int, point: Point) -> None:
        w, h = self.app.screen.get_size()
        ppm = self.app.profile.px_per_mm
        before = self._held.get(finger, point)
        event = pygame.event.Event(
            kind, touch_id=TOUCH_ID, finger_id=finger, x=point[0] * ppm / w,
            y=point[1] * ppm / h, dx=(point[0] - before[0]) * ppm / w,
            dy=(point[1] - before[1]) * ppm / h, pressure=0.0 if kind == pygame.FINGERUP else 1.0)
        if not pygame.event.post(event):
            raise RuntimeError(f"SDL did not queue {pygame.event.event_name(kind)} (blocked?)")
        if kind == pygame.FINGERUP:
            del self._held[finger]
        else:
            self._held[finger] = point

    def _check_held(self, fingers: Sequence[int]) -> Sequence[int]:
        missing = [f for f in fingers if f not in self._held]
        if missing or len(set(fingers)) != len(fingers):
            raise ValueError(f"fingers {list(fingers)} are not all held (held: {self.held})")
        return fingers

    def _check_inside(self, point: Point) -> None:
        w, h = self.app.board.w, self.app.board.h
        if not (0.0 <= point[0] <= w and 0.0 <= point[1] <= h):
            raise ValueError(f"({point[0]:.1f}, {point[1]:.1f}) mm is outside the "
                             f"{w:.1f} x {h:.1f} mm window")


def _lerp(a: Point, b: Point, s: float) -> Point:
    return (a[0] + (b[0] - a[0]) * s, a[1] + (b[1] - a[1]) * s)


def _pair(centre: Point, half_mm: float, angle_deg: float) -> list[Point]:
    """Two points `half_mm` either side of `centre`; the line from the first to the second
    points at `angle_deg`."""
    dx = half_mm * math.cos(math.radians(angle_deg))
    dy = half_mm * math.sin(math.radians(angle_deg))
    return [(centre[0] - dx, centre[1] - dy), (centre[0] + dx, centre[1] + dy)]


def _polyline(points: Sequence[Point]) -> Callable[[float], Point]:
    """The point a fraction `s` of the way along `points`, at constant speed."""
    lengths = [math.dist(points[i], points[i + 1]) for i in range(len(points) - 1)]
    total = sum(lengths)

    def along(s: float) -> Point:
        if total == 0.0:
            return points[-1]
        left = s * total
        for i, length in enumerate(lengths):
            if left <= length or i == len(lengths) - 1:
                return _lerp(points[i], points[i + 1], min(left / length, 1.0) if length else 1.0)
            left -= length
        return points[-1]

    return along
