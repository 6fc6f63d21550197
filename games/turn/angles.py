"""Angles about a centre, unwrapped, and the turning points of a back-and-forth movement.

Screen coordinates: x right, y down, so a positive angle turns clockwise on the screen.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from engine.input.gestures import wrap_degrees

Point = tuple[float, float]
NEAR_CENTRE_MM = 3.0
"""A point this close to the centre has no reliable angle about it: the angle holds."""


def angle_about(centre: Point, point: Point) -> float:
    """The angle of `point` seen from `centre`, in degrees [-180, 180)."""
    return wrap_degrees(math.degrees(math.atan2(point[1] - centre[1], point[0] - centre[0])))


class Unwrapped:
    """An angle followed through whole turns: three quarter turns clockwise are 270, not
    -90. Successive angles must be less than 180 degrees apart (touch panels sample far
    finer than that)."""

    def __init__(self, first_deg: float) -> None:
        self.value = wrap_degrees(first_deg)
        self.start = self.value

    @property
    def turned(self) -> float:
        """Degrees turned since the first angle (clockwise positive)."""
        return self.value - self.start

    def feed(self, angle_deg: float) -> float:
        self.value += wrap_degrees(angle_deg - self.value)
        return self.value


class Around:
    """A contact's unwrapped angle about a centre (it holds while the contact is on it)."""

    def __init__(self, centre: Point, point: Point) -> None:
        self.centre = centre
        self.angle = Unwrapped(angle_about(centre, point))

    def feed(self, point: Point) -> float:
        if math.dist(point, self.centre) >= NEAR_CENTRE_MM:
            self.angle.feed(angle_about(self.centre, point))
        return self.angle.value


@dataclass(frozen=True, slots=True)
class Swing:
    """One leg of a back-and-forth movement, from a turning point to the next."""

    t0_ms: float
    t1_ms: float
    start: float
    end: float
    start_tag: tuple[float, ...] = ()
    end_tag: tuple[float, ...] = ()
    """What else was measured at each end (the two contacts' angles, say)."""

    @property
    def size(self) -> float:
        return abs(self.end - self.start)


class Turnarounds:
    """Finds where a movement turns back: a value that retreats `hysteresis` from its
    furthest point turned there (a shake smaller than that is not a turn). `feed` returns
    the leg that ended at the turning point once it is sure; `finish` the last one."""

    def __init__(self, hysteresis: float) -> None:
        self.hysteresis = hysteresis
        self.turns = 0
        self._anchor: tuple[float, float, tuple[float, ...]] | None = None  # the last turn
        self._extreme: tuple[float, float, tuple[float, ...]] | None = None
        self._heading = 0        # +1 rising, -1 falling, 0 not yet known

    def feed(self, t_ms: float, value: float, tag: tuple[float, ...] = ()) -> Swing | None:
        here = (t_ms, value, tag)
        if self._anchor is None or self._extreme is None:
            self._anchor = self._extreme = here     # the movement starts here
            return None
        if self._heading == 0:
            if abs(value - self._anchor[1]) >= self.hysteresis:
                self._heading = 1 if value > self._anchor[1] else -1
                self._extreme = here
            return None
        if (value - self._extreme[1]) * self._heading >= 0:
            self._extreme = here
            return None
        if abs(value - self._extreme[1]) < self.hysteresis:
            return None
        leg = self._leg(self._extreme)
        self._anchor, self._extreme, self._heading = self._extreme, here, -self._heading
        self.turns += 1
        return leg

    def finish(self) -> Swing | None:
        """The leg under way, if it went at least `hysteresis` from the last turn."""
        if self._anchor is None or self._extreme is None or self._heading == 0:
            return None
        leg = self._leg(self._extreme)
        return leg if leg.size >= self.hysteresis else None

    def _leg(self, end: tuple[float, float, tuple[float, ...]]) -> Swing:
        assert self._anchor is not None
        return Swing(self._anchor[0], end[0], self._anchor[1], end[1], self._anchor[2], end[2])
