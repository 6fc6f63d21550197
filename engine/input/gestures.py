"""Gesture recognisers: pure state machines over `Touch` streams, thresholds in mm and ms."""

from __future__ import annotations

import math
from dataclasses import dataclass

from engine.touch import Phase, Touch


@dataclass(frozen=True, slots=True)
class Contact:
    """A finger that is down: where and when it landed, and where it is now."""

    finger: int
    down_x_mm: float
    down_y_mm: float
    down_t_ms: float
    x_mm: float
    y_mm: float
    t_ms: float
    travel_mm: float = 0.0

    @property
    def held_ms(self) -> float:
        return self.t_ms - self.down_t_ms

    @property
    def offset_mm(self) -> float:
        """Straight-line distance from where the finger landed."""
        return math.hypot(self.x_mm - self.down_x_mm, self.y_mm - self.down_y_mm)


class Contacts:
    """The fingers currently down, updated from a `Touch` stream."""

    def __init__(self) -> None:
        self._by_finger: dict[int, Contact] = {}

    def __len__(self) -> int:
        return len(self._by_finger)

    def __contains__(self, finger: int) -> bool:
        return finger in self._by_finger

    def get(self, finger: int) -> Contact | None:
        return self._by_finger.get(finger)

    @property
    def all(self) -> list[Contact]:
        """Contacts in the order they landed."""
        return sorted(self._by_finger.values(), key=lambda c: (c.down_t_ms, c.finger))

    def update(self, touch: Touch) -> Contact | None:
        """Apply a touch; returns the contact after it (for an up, its last state)."""
        prev = self._by_finger.get(touch.finger)
        if touch.phase is Phase.DOWN:
            c = Contact(touch.finger, touch.x_mm, touch.y_mm, touch.t_ms, touch.x_mm,
                        touch.y_mm, touch.t_ms)
            self._by_finger[touch.finger] = c
            return c
        if prev is None:
            return None
        step = math.hypot(touch.x_mm - prev.x_mm, touch.y_mm - prev.y_mm)
        c = Contact(prev.finger, prev.down_x_mm, prev.down_y_mm, prev.down_t_ms, touch.x_mm,
                    touch.y_mm, touch.t_ms, prev.travel_mm + step)
        if touch.phase is Phase.UP:
            del self._by_finger[touch.finger]
        else:
            self._by_finger[touch.finger] = c
        return c


@dataclass(frozen=True, slots=True)
class Tap:
    finger: int
    x_mm: float
    y_mm: float
    down_t_ms: float
    up_t_ms: float


class TapRecognizer:
    """A finger that lands and lifts without wandering far or staying long is a tap."""

    def __init__(self, max_offset_mm: float = 6.0, max_duration_ms: float = 1000.0) -> None:
        self.max_offset_mm = max_offset_mm
        self.max_duration_ms = max_duration_ms
        self.contacts = Contacts()

    def feed(self, touch: Touch) -> Tap | None:
        c = self.contacts.update(touch)
        if touch.phase is not Phase.UP or c is None:
            return None
        if c.offset_mm > self.max_offset_mm or c.held_ms > self.max_duration_ms:
            return None
        return Tap(c.finger, c.down_x_mm, c.down_y_mm, c.down_t_ms, c.t_ms)


@dataclass(frozen=True, slots=True)
class Drag:
    finger: int
    phase: Phase
    x_mm: float
    y_mm: float
    dx_mm: float
    dy_mm: float
    t_ms: float


class DragRecognizer:
    """Follows the first finger down once it moves more than `slop_mm`; ignores the others."""

    def __init__(self, slop_mm: float = 2.0) -> None:
        self.slop_mm = slop_mm
        self.contacts = Contacts()
        self._finger: int | None = None
        self._dragging = False

    def feed(self, touch: Touch) -> Drag | None:
        c = self.contacts.update(touch)
        if c is None:
            return None
        if touch.phase is Phase.DOWN:
            if self._finger is None:
                self._finger, self._dragging = touch.finger, False
            return None
        if touch.finger != self._finger:
            return None
        if touch.phase is Phase.UP:
            self._finger = None
            if not self._dragging:
                return None
        elif not self._dragging:
            if c.offset_mm < self.slop_mm:
                return None
            self._dragging = True
        phase = Phase.UP if touch.phase is Phase.UP else Phase.MOVE
        return Drag(c.finger, phase, c.x_mm, c.y_mm, c.x_mm - c.down_x_mm, c.y_mm - c.down_y_mm,
                    c.t_ms)


@dataclass(frozen=True, slots=True)
class TwoFingerPose:
    """Where two fingers are relative to each other."""

    aperture_mm: float
    center_x_mm: float
    center_y_mm: float
    angle_deg: float


def two_finger_pose(a: Contact | Touch, b: Contact | Touch) -> TwoFingerPose:
    """Aperture (distance), centre and angle of the line from finger a to finger b."""
    return pose_between((a.x_mm, a.y_mm), (b.x_mm, b.y_mm))


def pose_between(a: tuple[float, float], b: tuple[float, float]) -> TwoFingerPose:
    """The pose of two fingers at points a and b (mm)."""
    dx, dy = b[0] - a[0], b[1] - a[1]
    return TwoFingerPose(math.hypot(dx, dy), (a[0] + b[0]) / 2, (a[1] + b[1]) / 2,
                         math.degrees(math.atan2(dy, dx)))


def wrap_degrees(angle: float) -> float:
    """An angle folded into [-180, 180)."""
    return (angle + 180.0) % 360.0 - 180.0


@dataclass(frozen=True, slots=True)
class Pinch:
    """The state of a two-finger gesture relative to when the second finger landed."""

    phase: Phase
    pose: TwoFingerPose
    scale: float
    rotation_deg: float
    t_ms: float


class PinchRecognizer:
    """Tracks the first two fingers down: aperture, centre, scale and rotation (pinch + rotate).

    A third finger is ignored; when either of the two lifts the gesture ends (phase UP).
    """

    def __init__(self, min_aperture_mm: float = 1.0) -> None:
        self.min_aperture_mm = min_aperture_mm
        self.contacts = Contacts()
        self._pair: tuple[int, int] | None = None
        self._start: TwoFingerPose | None = None
        self._turned = 0.0
        self._last_angle = 0.0

    @property
    def active(self) -> bool:
        return self._pair is not None

    def feed(self, touch: Touch) -> Pinch | None:
        self.contacts.update(touch)
        if self._pair is None:
            down = self.contacts.all
            if touch.phase is Phase.DOWN and len(down) >= 2:
                a, b = down[0], down[1]
                self._pair = (a.finger, b.finger)
                self._start = two_finger_pose(a, b)
                self._turned, self._last_angle = 0.0, self._start.angle_deg
                return Pinch(Phase.DOWN, self._start, 1.0, 0.0, touch.t_ms)
            return None
        if touch.finger not in self._pair:
            return None
        if touch.phase is Phase.UP:
            other = self.contacts.get(self._pair[1] if touch.finger == self._pair[0]
                                      else self._pair[0])
            pose = self._pose_with(touch, other)
            self._pair = None
            return Pinch(Phase.UP, pose, self._scale(pose), self._turned, touch.t_ms)
        now_a, now_b = (self.contacts.get(f) for f in self._pair)
        if now_a is None or now_b is None:
            return None
        pose = two_finger_pose(now_a, now_b)
        self._turned += wrap_degrees(pose.angle_deg - self._last_angle)
        self._last_angle = pose.angle_deg
        return Pinch(Phase.MOVE, pose, self._scale(pose), self._turned, touch.t_ms)

    def _pose_with(self, lifted: Touch, other: Contact | None) -> TwoFingerPose:
        if other is None:
            assert self._start is not None
            return self._start
        first, second = (lifted, other) if self._pair and lifted.finger == self._pair[0] \
            else (other, lifted)
        return two_finger_pose(first, second)

    def _scale(self, pose: TwoFingerPose) -> float:
        assert self._start is not None
        return pose.aperture_mm / max(self._start.aperture_mm, self.min_aperture_mm)
