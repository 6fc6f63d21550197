"""Which fingertip is which finger, and a placed hand watched over time.

Pure code: no pygame. Positions in mm in screen coordinates (y grows downwards), times in ms.

`identify` names 2 to 5 fingertip contacts of a hand lying flat from their arrangement:

- the contacts are ordered along the arc they form (by projection on their principal axis);
- with the thumb and two or more fingers, the order is the one in which the arc bulges
  towards the fingertips for the hand named (to the left of the thumb -> little direction,
  as seen on the screen, for a right hand; to the right for a left hand). The thumb must
  then be set apart: a gap wider than any finger gap, and nearer the palm than its
  neighbour; when that holds only for the other hand's reading, the problem is `wrong_hand`;
- with the thumb and one finger, the thumb is the contact farther down the screen's diagonal
  on the thumb side (down and left for a right hand);
- without the thumb, index -> little runs to the screen's right for a right hand and to its
  left for a left hand.

The rules with the thumb and two or more fingers do not depend on how the hand is turned;
with one finger they hold up to some 60 degrees either way, without the thumb up to nearly
a quarter turn.

`HandWatch` follows the placed fingers through a `Touch` stream: lifts, returns, slides
from the pads, stray touches, the whole hand lifting and the whole hand sliding.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from itertools import pairwise
from typing import Literal, get_args

from engine.touch import Phase, Touch

Finger = Literal["thumb", "index", "middle", "ring", "little"]
FINGERS: tuple[Finger, ...] = get_args(Finger)
"""The fingers in anatomical order, thumb first."""
Side = Literal["left", "right"]
Reason = Literal["bad_point", "wrong_count", "too_close", "too_far", "not_an_arc",
                 "thumb_not_apart", "wrong_hand"]
Point = tuple[float, float]


@dataclass(frozen=True, slots=True)
class HandLimits:
    """What a plausible placed hand is, in mm (a level file provides these)."""

    min_spacing_mm: float = 8.0
    """No two contacts closer than this."""
    max_spacing_mm: float = 45.0
    """Neighbouring fingers along the arc no farther apart (the thumb's gap is exempt)."""
    max_span_mm: float = 200.0
    """No two contacts farther apart than this."""
    max_off_arc_mm: float = 6.0
    """How far a contact may lie on the palm side of the line through its two neighbours."""
    return_radius_mm: float = 12.0
    """A finger landing this near its pad (and within a third of the way to the nearest
    other pad) is that finger back."""
    hand_moved_mm: float = 15.0
    """Every finger down slid more than this in a common direction: the hand moved."""

    def __post_init__(self) -> None:
        values = (self.min_spacing_mm, self.max_spacing_mm, self.max_span_mm,
                  self.max_off_arc_mm, self.return_radius_mm, self.hand_moved_mm)
        if not all(math.isfinite(v) and v > 0 for v in values):
            raise ValueError(f"hand limits must be positive millimetres: {values}")
        if not self.min_spacing_mm <= self.max_spacing_mm <= self.max_span_mm:
            raise ValueError("hand limits need min_spacing_mm <= max_spacing_mm <= max_span_mm")


@dataclass(frozen=True, slots=True)
class Pad:
    """Where a finger was placed; `point` is its index in the points given to `identify`."""

    finger: Finger
    x_mm: float
    y_mm: float
    point: int


@dataclass(frozen=True, slots=True)
class Placement:
    """A plausible hand: one pad per expected finger, in anatomical order."""

    hand: Side
    pads: tuple[Pad, ...]

    @property
    def fingers(self) -> tuple[Finger, ...]:
        return tuple(p.finger for p in self.pads)

    def pad(self, finger: Finger) -> Pad:
        """The pad of `finger` (KeyError if it was not placed)."""
        for p in self.pads:
            if p.finger == finger:
                return p
        raise KeyError(finger)


@dataclass(frozen=True, slots=True)
class PlacementProblem:
    """Why a set of contacts is not a plausible hand."""

    reason: Reason

    @property
    def message_key(self) -> str:
        """The text key of the one line asking to lay the hand down again."""
        return f"placement.{self.reason}"


def identify(points: Sequence[Point], hand: Side, limits: HandLimits,
             expected: Sequence[Finger] = FINGERS) -> Placement | PlacementProblem:
    """Name each contact's finger, or say why the contacts are not a plausible hand.

    `expected` are the fingers the level asks for (2 to 5, any order); they are assigned in
    arc order. A wrong `hand` or `expected` is the caller's error (ValueError); anything
    about the points is a `PlacementProblem`, never an exception.
    """
    fingers = _anatomical(expected)
    sign = _side_sign(hand)
    pts = [(float(x), float(y)) for x, y in points]
    problem = _screen(pts, fingers, limits)
    if problem is not None:
        return problem
    axis = _principal_axis(sorted(pts))
    chain = _orient(_arc_order(pts, axis), pts, axis, fingers[0] == "thumb", sign)
    if chain is None:
        return PlacementProblem("thumb_not_apart")
    problem = _shape_problem(chain, fingers, limits)
    if problem is not None:
        return problem
    pads = tuple(Pad(f, pts[i][0], pts[i][1], i)
                 for f, i in zip(fingers, chain.order, strict=True))
    return Placement(hand, pads)


def _anatomical(expected: Sequence[Finger]) -> tuple[Finger, ...]:
    if len(set(expected)) != len(expected) or not set(expected) <= set(FINGERS):
        raise ValueError(f"expected fingers must be distinct names from {FINGERS}: {expected}")
    if not 2 <= len(expected) <= len(FINGERS):
        raise ValueError(f"a placement needs 2 to 5 fingers, not {len(expected)}")
    return tuple(f for f in FINGERS if f in expected)


def _side_sign(hand: str) -> int:
    if hand not in get_args(Side):
        raise ValueError(f"hand must be 'left' or 'right', not {hand!r}")
    return 1 if hand == "right" else -1


def _screen(pts: list[Point], fingers: tuple[Finger, ...],
            limits: HandLimits) -> PlacementProblem | None:
    """The checks that need no order: usable points, their number, their closeness."""
    if not all(math.isfinite(c) for p in pts for c in p):
        return PlacementProblem("bad_point")
    if len(pts) != len(fingers):
        return PlacementProblem("wrong_count")
    if min(math.dist(a, b) for i, a in enumerate(pts) for b in pts[i + 1:]) < \
            limits.min_spacing_mm:
        return PlacementProblem("too_close")
    return None


def _arc_order(pts: list[Point], axis: Point) -> list[int]:
    """Indices of `pts` along `axis`, ties by position, so the input order changes nothing."""
    canonical = sorted(range(len(pts)), key=lambda i: pts[i])
    return sorted(canonical, key=lambda i: pts[i][0] * axis[0] + pts[i][1] * axis[1])


def _principal_axis(pts: list[Point]) -> Point:
    """Unit vector along the direction of largest spread, with x >= 0 (give the points
    sorted, so that the sums, and the result, do not depend on the input order)."""
    cx = math.fsum(p[0] for p in pts) / len(pts)
    cy = math.fsum(p[1] for p in pts) / len(pts)
    sxx = math.fsum((p[0] - cx) ** 2 for p in pts)
    syy = math.fsum((p[1] - cy) ** 2 for p in pts)
    sxy = math.fsum((p[0] - cx) * (p[1] - cy) for p in pts)
    theta = 0.5 * math.atan2(2 * sxy, sxx - syy)
    return (math.cos(theta), math.sin(theta))


@dataclass(frozen=True, slots=True)
class _Chain:
    """Contacts in finger order (thumb or index first), in a frame along the arc.

    `s` runs along the arc from the first contact to the last; `h` points away from the
    palm (towards the fingertips) for the hand named, so a hand's arc bulges towards +h.
    """

    order: tuple[int, ...]
    points: tuple[Point, ...]
    s: tuple[float, ...]
    h: tuple[float, ...]

    def gaps(self) -> list[float]:
        return [math.dist(a, b) for a, b in pairwise(self.points)]

    def offsets(self) -> list[float]:
        """Each inner contact's distance from the line through its two neighbours, positive
        towards the fingertips."""
        out = []
        for b in range(1, len(self.s) - 1):
            a, c = b - 1, b + 1
            ds, dh = self.s[c] - self.s[a], self.h[c] - self.h[a]
            cross = ds * (self.h[b] - self.h[a]) - dh * (self.s[b] - self.s[a])
            out.append(cross / math.hypot(ds, dh))
        return out

    def mirrored(self) -> _Chain:
        """The same contacts read as the other hand: the order reversed, the arc the same."""
        return _Chain(self.order[::-1], self.points[::-1], tuple(-v for v in self.s[::-1]),
                      self.h[::-1])


def _orient(order: list[int], pts: list[Point], axis: Point, thumb: bool,
            sign: int) -> _Chain | None:
    """Put the arc order in finger order, thumb (or index) first; None if no thumb shows.

    Without the thumb, index -> little follows the axis (to the screen's right) for a right
    hand. With it and two contacts, the thumb is the one farther down the screen's diagonal
    towards the thumb side (down-left for a right hand). With it and more, the order is the
    one in which the arc bulges towards the fingertips for this hand.
    """
    if not thumb:
        return _chain(order if sign > 0 else order[::-1], pts, axis, sign)
    if len(order) == 2:
        lean = [sign * pts[i][0] - pts[i][1] for i in order]
        return None if lean[0] == lean[1] else \
            _chain(order if lean[0] < lean[1] else order[::-1], pts, axis, sign)
    chain = _chain(order, pts, axis, sign)
    bend = math.fsum(chain.offsets())
    flip = bend < 0 or (bend == 0 and sign < 0)
    return _chain(order[::-1], pts, axis, sign) if flip else chain


def _chain(order: list[int], pts: list[Point], axis: Point, sign: int) -> _Chain:
    """The frame: `s` along `axis` from first to last, `h` its normal turned to the side
    of the fingertips, which is left of the thumb -> little direction for a right hand."""
    points = tuple(pts[i] for i in order)
    ux, uy = axis
    if (points[-1][0] - points[0][0]) * ux + (points[-1][1] - points[0][1]) * uy < 0:
        ux, uy = -ux, -uy
    nx, ny = sign * uy, -sign * ux
    return _Chain(tuple(order), points, tuple(x * ux + y * uy for x, y in points),
                  tuple(x * nx + y * ny for x, y in points))


def _shape_problem(chain: _Chain, fingers: tuple[Finger, ...],
                   limits: HandLimits) -> PlacementProblem | None:
    """The checks along the arc: the other hand, spacing, span, arc shape, the thumb."""
    thumb = fingers[0] == "thumb"
    steps = [FINGERS.index(b) - FINGERS.index(a) for a, b in pairwise(fingers)]
    no_thumb = thumb and len(steps) > 1 and not _thumb_apart(chain, steps)
    if no_thumb and _thumb_apart(chain.mirrored(), steps):
        return PlacementProblem("wrong_hand")
    per_step = [g / n for g, n in zip(chain.gaps(), steps, strict=True)]
    span = max(math.dist(a, b) for a in chain.points for b in chain.points)
    if max(per_step[thumb:], default=0.0) > limits.max_spacing_mm or \
            span > limits.max_span_mm:
        return PlacementProblem("too_far")
    if max((-v for v in chain.offsets()), default=0.0) > limits.max_off_arc_mm:
        return PlacementProblem("not_an_arc")
    return PlacementProblem("thumb_not_apart") if no_thumb else None


def _thumb_apart(chain: _Chain, steps: list[int]) -> bool:
    """The first contact is a thumb: its gap is wider than any finger gap (per finger step
    when fingers are skipped) and it lies nearer the palm than its neighbour."""
    gaps = chain.gaps()
    widest = max(g / n for g, n in zip(gaps[1:], steps[1:], strict=True))
    return gaps[0] > widest and chain.h[0] < chain.h[1]


def identify_around(points: Sequence[Point], centre: Point, hand: Side,
                    expected: Sequence[Finger] = FINGERS) -> tuple[Finger, ...] | None:
    """Name 3 to 5 fingertips curled around an object (a ball, a lid) centred at `centre`,
    by their order around it: the widest angular gap lies between the last finger and the
    first (the thumb, with it), and a right hand runs thumb -> little clockwise on the
    screen, a left hand anticlockwise. Returns the finger of each point in the order given,
    or None when the order cannot be told (fewer than 3 points, or two widest gaps)."""
    fingers = _anatomical(expected)
    sign = _side_sign(hand)
    pts = [(float(x), float(y)) for x, y in points]
    if len(pts) != len(fingers) or len(pts) < 3 or \
            not all(math.isfinite(c) for p in (*pts, centre) for c in p):
        return None
    angle = [math.atan2(x - centre[0], centre[1] - y) % (2 * math.pi) for x, y in pts]
    order = sorted(range(len(pts)), key=lambda i: sign * angle[i])
    gaps = [(sign * (angle[order[(k + 1) % len(order)]] - angle[order[k]])) % (2 * math.pi)
            for k in range(len(order))]
    widest = max(gaps)
    if sum(1 for g in gaps if math.isclose(g, widest, abs_tol=1e-9)) > 1:
        return None
    start = (gaps.index(widest) + 1) % len(order)
    names: list[Finger] = [fingers[0]] * len(pts)
    for k, finger in enumerate(fingers):
        names[order[(start + k) % len(order)]] = finger
    return tuple(names)


class WatchEvent(StrEnum):
    LIFTED = "lifted"
    """A placed finger left the screen."""
    RETURNED = "returned"
    """A touch landed on the pad of a finger that was up: that finger is back."""
    STRAY = "stray"
    """A touch landed away from every free pad (between pads, or a sixth finger)."""
    HAND_LIFTED = "hand_lifted"
    """The last placed finger down lifted: the whole hand left the screen."""
    HAND_MOVED = "hand_moved"
    """Every placed finger down slid together farther than `hand_moved_mm`."""


@dataclass(frozen=True, slots=True)
class HandEvent:
    """Something a touch caused, at its time."""

    kind: WatchEvent
    t_ms: float
    touch: int
    """The `Touch.finger` id that caused it."""
    finger: Finger | None = None
    """The placed finger it concerns (None for a stray or the whole hand)."""


@dataclass(frozen=True, slots=True)
class FingerState:
    """One placed finger, as measured since the watch began or `start_window`."""

    finger: Finger
    pad: Pad
    down: bool
    slide_mm: float
    """Distance from its pad now (when up: where it lifted)."""
    max_slide_mm: float
    """The largest distance from its pad while down."""
    lifted_ms: tuple[float, ...]
    returned_ms: tuple[float, ...]
    moved_mm: float = 0.0
    """The largest distance from where it was when the window started (its pad before
    any window), while down: how far it slid during a cue, whatever it had drifted
    before."""


@dataclass(slots=True)
class _Log:
    pad: Pad
    radius_mm: float
    touch: int | None = None
    slide: Point = (0.0, 0.0)
    max_slide_mm: float = 0.0
    lifted: list[float] = field(default_factory=list)
    returned: list[float] = field(default_factory=list)
    anchor: Point = (0.0, 0.0)
    moved_mm: float = 0.0

    def move(self, x_mm: float, y_mm: float) -> None:
        self.slide = (x_mm - self.pad.x_mm, y_mm - self.pad.y_mm)
        self.max_slide_mm = max(self.max_slide_mm, math.hypot(*self.slide))
        self.moved_mm = max(self.moved_mm, math.dist((x_mm, y_mm), self.anchor))

    def state(self) -> FingerState:
        return FingerState(self.pad.finger, self.pad, self.touch is not None,
                           math.hypot(*self.slide), self.max_slide_mm, tuple(self.lifted),
                           tuple(self.returned), self.moved_mm)


class HandWatch:
    """A placed hand followed through a `Touch` stream; exact, deterministic, event-driven.

    `touch_ids` are the `Touch.finger` ids of the points `placement` was identified from,
    in the same order: those fingers start down on their pads. Without them every pad
    starts up, waiting for its finger. Touches with a non-finite value are ignored. The hand
    flags (`hand_lifted_ms`, `hand_moved_ms`) keep the first time; a new placement needs a
    new watch.
    """

    def __init__(self, placement: Placement, limits: HandLimits,
                 touch_ids: Sequence[int] = ()) -> None:
        if touch_ids and (len(touch_ids) != len(placement.pads)
                          or len(set(touch_ids)) != len(touch_ids)):
            raise ValueError("touch_ids must be one distinct id per placed point")
        self.limits = limits
        self._logs = {p.finger: _Log(p, _capture_radius(p, placement.pads, limits),
                                     anchor=(p.x_mm, p.y_mm)) for p in placement.pads}
        self._owner: dict[int, Finger] = {}
        self._strays: set[int] = set()
        for log in self._logs.values() if touch_ids else ():
            self._bind(log, touch_ids[log.pad.point])
        self.hand_lifted_ms: float | None = None
        self.hand_moved_ms: float | None = None
        self._moved = False

    @property
    def states(self) -> tuple[FingerState, ...]:
        """Every placed finger, in anatomical order."""
        return tuple(log.state() for log in self._logs.values())

    def state(self, finger: Finger) -> FingerState:
        return self._logs[finger].state()

    @property
    def down(self) -> tuple[Finger, ...]:
        return tuple(f for f, log in self._logs.items() if log.touch is not None)

    @property
    def strays_down(self) -> int:
        return len(self._strays)

    def start_window(self) -> None:
        """Measure afresh (at a cue, say): forget lift and return times and largest slides,
        and measure `moved_mm` from where each finger is now (a finger up: from its pad)."""
        for log in self._logs.values():
            log.lifted.clear()
            log.returned.clear()
            log.max_slide_mm = math.hypot(*log.slide) if log.touch is not None else 0.0
            log.moved_mm = 0.0
            log.anchor = (log.pad.x_mm + log.slide[0], log.pad.y_mm + log.slide[1]) \
                if log.touch is not None else (log.pad.x_mm, log.pad.y_mm)

    def feed(self, touch: Touch) -> tuple[HandEvent, ...]:
        """Apply one touch; returns what it caused, in order."""
        if not all(map(math.isfinite, (touch.x_mm, touch.y_mm, touch.t_ms))):
            return ()
        events: list[HandEvent] = []
        if touch.phase is Phase.DOWN or touch.phase is Phase.UP:
            events += self._lift(touch)
        if touch.phase is Phase.DOWN:
            events += self._land(touch)
        elif touch.phase is Phase.MOVE and touch.finger in self._owner:
            self._logs[self._owner[touch.finger]].move(touch.x_mm, touch.y_mm)
        return (*events, *self._hand_events(touch, events))

    def _bind(self, log: _Log, touch_id: int) -> None:
        log.touch = touch_id
        self._owner[touch_id] = log.pad.finger

    def _lift(self, touch: Touch) -> list[HandEvent]:
        """An up (or a down for an id already down) ends that id's contact."""
        self._strays.discard(touch.finger)
        finger = self._owner.pop(touch.finger, None)
        if finger is None:
            return []
        log = self._logs[finger]
        if touch.phase is Phase.UP:
            log.move(touch.x_mm, touch.y_mm)
        log.touch = None
        log.lifted.append(touch.t_ms)
        return [HandEvent(WatchEvent.LIFTED, touch.t_ms, touch.finger, finger)]

    def _land(self, touch: Touch) -> list[HandEvent]:
        log = next((g for g in self._logs.values() if g.touch is None and
                    touch.distance_to(g.pad.x_mm, g.pad.y_mm) <= g.radius_mm), None)
        if log is None:
            self._strays.add(touch.finger)
            return [HandEvent(WatchEvent.STRAY, touch.t_ms, touch.finger)]
        self._bind(log, touch.finger)
        log.returned.append(touch.t_ms)
        log.move(touch.x_mm, touch.y_mm)
        return [HandEvent(WatchEvent.RETURNED, touch.t_ms, touch.finger, log.pad.finger)]

    def _hand_events(self, touch: Touch, events: list[HandEvent]) -> list[HandEvent]:
        """The whole hand lifting (its last finger just lifted) or sliding (just now)."""
        out = []
        if not self._owner and any(e.kind is WatchEvent.LIFTED for e in events):
            self.hand_lifted_ms = _first(self.hand_lifted_ms, touch.t_ms)
            out.append(HandEvent(WatchEvent.HAND_LIFTED, touch.t_ms, touch.finger))
        moved, was = self._hand_slid(), self._moved
        self._moved = moved
        if moved and not was:
            self.hand_moved_ms = _first(self.hand_moved_ms, touch.t_ms)
            out.append(HandEvent(WatchEvent.HAND_MOVED, touch.t_ms, touch.finger))
        return out

    def _hand_slid(self) -> bool:
        """Every finger down slid more than `hand_moved_mm` along their mean slide."""
        slides = [log.slide for log in self._logs.values() if log.touch is not None]
        if not slides:
            return False
        mx = math.fsum(s[0] for s in slides) / len(slides)
        my = math.fsum(s[1] for s in slides) / len(slides)
        norm = math.hypot(mx, my)
        return norm > 0 and all((sx * mx + sy * my) / norm > self.limits.hand_moved_mm
                                for sx, sy in slides)


def _capture_radius(pad: Pad, pads: Sequence[Pad], limits: HandLimits) -> float:
    """`return_radius_mm`, but never more than a third of the way to the nearest other pad,
    so the middle third between two pads belongs to neither."""
    nearest = min((math.dist((pad.x_mm, pad.y_mm), (p.x_mm, p.y_mm)) for p in pads
                   if p is not pad), default=math.inf)
    return min(limits.return_radius_mm, nearest / 3)


def _first(known: float | None, t_ms: float) -> float:
    return t_ms if known is None else known
