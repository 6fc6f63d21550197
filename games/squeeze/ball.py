"""The ball's geometry: how spread the fingertips on it are, and which finger is which.

A grip's spread is the fingertips' mean distance from the ball's centre (the hand closes
by sliding them in towards it); closing is the share of the starting spread closed. A
pinch's aperture is the distance between thumb and index (twice their mean distance
from their midpoint; twice the distance from the centre for a single finger).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from engine.input.placement import (
    FINGERS,
    Finger,
    HandLimits,
    Placement,
    Side,
    identify,
    identify_around,
)

Point = tuple[float, float]
GRIP_LIMITS = HandLimits(min_spacing_mm=5.0, max_spacing_mm=80.0, max_span_mm=200.0,
                         max_off_arc_mm=40.0)
"""Fingertips around a ball: closer and more curved than a hand laid flat."""


def spread(points: Sequence[Point], centre: Point) -> float:
    """The mean distance of the fingertips from the ball's centre (NaN with none)."""
    if not points:
        return math.nan
    return math.fsum(math.dist(p, centre) for p in points) / len(points)


def aperture(points: Sequence[Point], centre: Point) -> float:
    """The size a pinch holds (NaN with no finger down)."""
    if len(points) < 2:
        return 2.0 * spread(points, centre)
    mid = (math.fsum(p[0] for p in points) / len(points),
           math.fsum(p[1] for p in points) / len(points))
    return 2.0 * spread(points, mid)


def closing(start: float, now: float) -> float:
    """The share (0..1) of the starting spread closed (0 when nothing is known)."""
    if not start > 0 or not math.isfinite(now):
        return 0.0
    return max(0.0, 1.0 - now / start)


def grip_fingers(count: int) -> tuple[Finger, ...]:
    """The fingers of a grip with `count` fingertips: the thumb and the first fingers."""
    return FINGERS[:count]


def pair_fingers(pair: str) -> tuple[Finger, ...]:
    a, b = pair.split("-")
    return (_finger(a), _finger(b))


def _finger(name: str) -> Finger:
    for finger in FINGERS:
        if finger == name:
            return finger
    raise ValueError(f"not a finger: {name!r}")


def name_contacts(points: Sequence[Point], centre: Point, side: Side,
                  fingers: tuple[Finger, ...]) -> tuple[Finger | None, ...]:
    """Each contact's finger, by the engine's identification (around the ball for three
    fingertips or more; a thumb-and-index pinch or a finger pair as a hand laid flat);
    all None when it cannot tell (the grip still counts: the names are a bonus)."""
    if len(points) != len(fingers):
        return (None,) * len(points)
    if len(fingers) == 1:
        return fingers
    if len(fingers) >= 3:
        around = identify_around(points, centre, side, fingers)
        return around if around is not None else (None,) * len(points)
    placed = identify(points, side, GRIP_LIMITS, fingers)
    if not isinstance(placed, Placement):
        return (None,) * len(points)
    names: list[Finger | None] = [None] * len(points)
    for pad in placed.pads:
        names[pad.point] = pad.finger
    return tuple(names)
