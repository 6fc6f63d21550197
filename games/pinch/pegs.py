"""The virtual 9-hole peg board. Pure: positions in mm, times in ms.

The board (hole positions, peg size) is set at the start of a round; the staircase's
value (how snug the holes are, how precisely keyed pegs must be turned, how far holes
drift) applies peg by peg.

Phase "in": pick each peg from the tray with a two-finger pinch, carry it, release it
inside a hole. Phase "out": take each peg out again and release it in the tray. A
trial is one peg placed; its time runs from the previous placement, as in the clinical
test, and the round's total time from the first pick-up to the last placement.

Grabbing is forgiving within the level's rules: the two fingertips may land one after
the other, anywhere around the peg, as long as their midpoint is within the peg's radius
plus `grab_slop_mm`. When it does not work the player is told why ("use two fingers",
"closer to the peg"). In one-finger mode a single finger drags the peg; those rounds
are marked and keyed pegs turn by themselves (one finger cannot turn them).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from engine.game import RoundModel, RoundSetup, Trial
from engine.input.gestures import Contact, Contacts, two_finger_pose, wrap_degrees
from engine.levels.difficulty import Difficulty
from engine.scoring.path import speed_profile
from engine.scoring.smoothness import sparc
from engine.scoring.stats import NAN, mean, median
from engine.touch import Phase, Touch
from engine.trial import success_rate
from games.pinch.board import Layout, Peg, make_layout, tray_spots
from games.pinch.params import ONE_FINGER

LONELY_MS = 700.0            # one finger alone on a peg this long: suggest two fingers
STUCK_MS = 90_000.0          # a peg not placed for this long is placed for the player
FIRST_READY_MS = 500.0
MAX_APERTURE_EXTRA_MM = 25.0
KEY_SYMMETRY_DEG = 180.0     # a key bar fits either way round
MAX_PATH_POINTS = 200


@dataclass
class Hint:
    text: str                # key under "pinch.hint."
    t_ms: float


@dataclass
class Carry:
    peg: Peg
    fingers: tuple[int, ...]
    offset: tuple[float, float]
    grip_angle0: float
    peg_angle0: float
    from_hole: int | None
    from_xy: tuple[float, float]
    aperture_mm: float
    t0_ms: float
    samples: list[tuple[float, float, float]] = field(default_factory=list)


@dataclass
class PegTrial:
    start_ms: float
    pickup_ms: float | None = None
    pickup_xy: tuple[float, float] | None = None
    drops: int = 0
    misses: int = 0
    grabs: int = 0
    aperture_mm: float | None = None
    last_carry: Carry | None = None


class PegModel(RoundModel):
    def __init__(self, setup: RoundSetup, difficulty: Difficulty) -> None:
        super().__init__(setup, difficulty)
        self.one_finger = setup.variant == ONE_FINGER
        params = difficulty.params()
        self._params = params
        self.count = int(params["pegs"])
        self.total = 2 * self.count
        self.keyed = bool(params["keyed"]) and not self.one_finger
        self.phase = "in"
        self.contacts = Contacts()
        self.carry: Carry | None = None
        self.hint: Hint | None = None
        self._lonely: int | None = None      # a finger alone on a peg, awaiting a second
        self._first_pickup: float | None = None
        self._setup_board(FIRST_READY_MS)

    # -- board -------------------------------------------------------------------------------
    def _setup_board(self, t: float) -> None:
        params = self.difficulty.params()
        self._params = params
        board = (self.setup.board_w_mm, self.setup.board_h_mm)
        adapt = self.difficulty.level.adapt
        reach = adapt.linked.get("hole_motion_mm", (0.0, 0.0)) if adapt else (0.0, 0.0)
        motion = max(float(params["hole_motion_mm"]), *reach)  # room for the largest drift
        self.layout: Layout = make_layout(board, self.count, float(params["peg_mm"]), motion,
                                          self.setup.mirrored)
        spots = tray_spots(self.layout, self.count, self.rng)
        self.pegs = [Peg(i, x, y, self.rng.choice([30.0, 60.0, 90.0, 120.0, 150.0])
                         if self.keyed else 0.0, None, x, y) for i, (x, y) in enumerate(spots)]
        self._new_trial(t)

    def _new_trial(self, t: float) -> None:
        """The next peg's clock starts; a peg not placed in time is placed for the player."""
        self.trial = PegTrial(t)
        limit = self.time_limit(self._params, "peg_time_ms")
        self.schedule(t + (STUCK_MS if limit is None else min(STUCK_MS, limit)),
                      self._give_up, "peg")

    @property
    def peg_radius(self) -> float:
        return self.layout.peg_mm / 2.0

    @property
    def tolerance_mm(self) -> float:
        """How far from a hole's centre a peg may be let go and still drop in."""
        return float(self._params["tolerance_mm"])

    @property
    def hole_mm(self) -> float:
        """The drawn hole: just bigger than a peg."""
        return self.layout.peg_mm + 2.0

    @property
    def zone_mm(self) -> float:
        """The circle a peg's centre must be let go in (drawn as a halo)."""
        return 2 * self.tolerance_mm

    @property
    def motion_mm(self) -> float:
        return float(self._params["hole_motion_mm"])

    def hole_at(self, index: int, t_ms: float | None = None) -> tuple[float, float]:
        return self.layout.hole_at(index, self.now if t_ms is None else t_ms, self.motion_mm)

    def peg_position(self, peg: Peg, t_ms: float | None = None) -> tuple[float, float]:
        """Where a peg is: in a hole it moves with the hole."""
        if peg.hole is not None:
            return self.hole_at(peg.hole, t_ms)
        return (peg.x_mm, peg.y_mm)

    def movable(self) -> list[Peg]:
        """Pegs that may be picked up now: in the tray (phase in) or in a hole (phase out)."""
        if self.phase == "in":
            return [p for p in self.pegs if p.hole is None]
        return [p for p in self.pegs if p.hole is not None]

    def empty_holes(self) -> list[int]:
        taken = {p.hole for p in self.pegs if p.hole is not None}
        return [i for i in range(len(self.layout.holes)) if i not in taken]

    # -- the engine's interface -------------------------------------------------------------
    def _suggest_two_fingers(self, t_ms: float) -> None:
        """A finger alone on a peg for LONELY_MS: suggest two (not at the very instant a
        peg is placed, which clears hints)."""
        self._lonely = None
        if self.trial.start_ms < t_ms:
            self.hint = Hint("two_fingers", t_ms)
            if not self.setup.variant:
                self.suggested_variant = ONE_FINGER

    def on_touch(self, touch: Touch) -> None:
        self._advance(touch.t_ms)
        contact = self.contacts.update(touch)
        if self._finished or contact is None:
            return
        carry = self.carry
        if carry is not None and touch.finger in carry.fingers:
            if touch.phase is Phase.MOVE:
                self._move(carry, touch.t_ms)
            elif touch.phase is Phase.UP:
                self._release(carry, touch.t_ms)
            return
        if touch.phase is Phase.DOWN and carry is None:
            self._try_grab(touch)
        elif touch.phase is Phase.UP and touch.finger == self._lonely:
            self._lonely = None
            self.cancel("lonely")

    # -- grabbing, carrying, releasing --------------------------------------------------------
    def _nearest(self, x: float, y: float) -> tuple[Peg | None, float]:
        best, distance = None, math.inf
        for peg in self.movable():
            px, py = self.peg_position(peg)
            d = math.hypot(px - x, py - y)
            if d < distance:
                best, distance = peg, d
        return best, distance

    def _try_grab(self, touch: Touch) -> None:
        slop = float(self._params["grab_slop_mm"])
        reach = self.peg_radius + slop
        if self.one_finger:
            peg, distance = self._nearest(touch.x_mm, touch.y_mm)
            if peg is not None and distance <= reach:
                self._grab(peg, (touch.finger,), (touch.x_mm, touch.y_mm), 0.0, 0.0,
                           touch.t_ms)
            else:
                self.trial.misses += 1
                self.hint = Hint("closer", touch.t_ms)
            return
        down = self.contacts.all
        if len(down) == 1:
            peg, distance = self._nearest(touch.x_mm, touch.y_mm)
            if peg is not None and distance <= reach + 10.0:
                self._lonely = touch.finger
                self.schedule(touch.t_ms + LONELY_MS, self._suggest_two_fingers, "lonely")
            return
        a, b = down[0], down[1]
        pose = two_finger_pose(a, b)
        peg, distance = self._nearest(pose.center_x_mm, pose.center_y_mm)
        too_wide = pose.aperture_mm > self.layout.peg_mm + 2 * slop + MAX_APERTURE_EXTRA_MM
        if peg is None or distance > reach:
            self.trial.misses += 1
            self.hint = Hint("closer", touch.t_ms)
            return
        if too_wide:
            self.trial.misses += 1
            self.hint = Hint("together", touch.t_ms)
            return
        self._lonely = None
        self.cancel("lonely")
        self._grab(peg, (a.finger, b.finger), (pose.center_x_mm, pose.center_y_mm),
                   pose.angle_deg, pose.aperture_mm, touch.t_ms)

    def _grab(self, peg: Peg, fingers: tuple[int, ...], at: tuple[float, float],
              grip_angle: float, aperture: float, t: float) -> None:
        trial = self.trial
        trial.grabs += 1
        if trial.pickup_ms is None:
            trial.pickup_ms = t
            trial.pickup_xy = (peg.x_mm, peg.y_mm)
            trial.aperture_mm = aperture if not self.one_finger else None
        if self._first_pickup is None:
            self._first_pickup = t
        from_hole = peg.hole
        peg.x_mm, peg.y_mm = self.peg_position(peg, t)
        peg.hole = None
        self.carry = Carry(peg, fingers, (peg.x_mm - at[0], peg.y_mm - at[1]), grip_angle,
                           peg.angle_deg, from_hole, (peg.x_mm, peg.y_mm), aperture, t)
        self.carry.samples.append((t, peg.x_mm, peg.y_mm))
        self.hint = None

    def _grip(self, carry: Carry) -> tuple[float, float, float] | None:
        """Where the grip is now (midpoint of two fingers, or the one finger) and its angle."""
        contacts: list[Contact | None] = [self.contacts.get(f) for f in carry.fingers]
        if any(c is None for c in contacts):
            return None
        if len(contacts) == 1:
            c = contacts[0]
            assert c is not None
            return (c.x_mm, c.y_mm, 0.0)
        a, b = contacts
        assert a is not None and b is not None
        if not self.keyed:   # the angle is not needed: the centre as two_finger_pose has it
            return ((a.x_mm + b.x_mm) / 2, (a.y_mm + b.y_mm) / 2, 0.0)
        pose = two_finger_pose(a, b)
        return (pose.center_x_mm, pose.center_y_mm, pose.angle_deg)

    def _move(self, carry: Carry, t: float) -> None:
        grip = self._grip(carry)
        if grip is None:
            return
        x, y, angle = grip
        carry.peg.x_mm, carry.peg.y_mm = x + carry.offset[0], y + carry.offset[1]
        if self.keyed:
            carry.peg.angle_deg = carry.peg_angle0 + wrap_degrees(angle - carry.grip_angle0)
        carry.samples.append((t, carry.peg.x_mm, carry.peg.y_mm))

    def key_error(self, peg: Peg) -> float:
        """How far a keyed peg is turned from fitting (0 for plain pegs)."""
        if not self.keyed:
            return 0.0
        error = abs(wrap_degrees(peg.angle_deg)) % KEY_SYMMETRY_DEG
        return min(error, KEY_SYMMETRY_DEG - error)

    def _release(self, carry: Carry, t: float) -> None:
        self.carry = None
        peg = carry.peg
        self.trial.last_carry = carry
        if self.phase == "in":
            holes = self.empty_holes()
            best = min(holes, key=lambda i: math.dist(self.hole_at(i, t),
                                                      (peg.x_mm, peg.y_mm)))
            hole_xy = self.hole_at(best, t)
            error = math.dist(hole_xy, (peg.x_mm, peg.y_mm))
            fits = error <= self.tolerance_mm
            turned = self.key_error(peg) <= float(self._params["turn_tolerance_deg"])
            if fits and turned:
                peg.hole = best
                peg.x_mm, peg.y_mm = self.layout.holes[best]
                peg.angle_deg = 0.0
                self._placed(carry, t, error)
                return
            self.hint = Hint("turn" if fits else "closer_hole", t)
        else:
            inside = self.layout.tray.contains(peg.x_mm, peg.y_mm)
            if inside:
                peg.home_x_mm, peg.home_y_mm = peg.x_mm, peg.y_mm
                self._placed(carry, t, 0.0)
                return
            self.hint = Hint("tray", t)
        self.trial.drops += 1
        self._return(peg, carry)

    def _return(self, peg: Peg, carry: Carry) -> None:
        """A dropped peg goes back where it came from."""
        if carry.from_hole is not None:
            peg.hole = carry.from_hole
            peg.x_mm, peg.y_mm = self.layout.holes[carry.from_hole]
        else:
            peg.x_mm, peg.y_mm = peg.home_x_mm, peg.home_y_mm
        peg.angle_deg = carry.peg_angle0

    def _give_up(self, t: float) -> None:
        """Time ran out for this peg: place it for the player and move on."""
        if self.carry is not None:
            self._return(self.carry.peg, self.carry)
            self.carry = None
        candidates = self.movable()
        peg = candidates[0]
        if self.phase == "in":
            hole = self.empty_holes()[0]
            peg.hole = hole
            peg.x_mm, peg.y_mm = self.layout.holes[hole]
        else:
            peg.hole = None
            peg.x_mm, peg.y_mm = peg.home_x_mm, peg.home_y_mm
        self._placed(None, t, NAN, outcome="too_slow")

    def _placed(self, carry: Carry | None, t: float, error: float,
                outcome: str = "placed") -> None:
        trial = self.trial
        limit = self.time_limit(self._params, "peg_time_ms")
        in_time = limit is None or t - trial.start_ms <= limit
        success = outcome == "placed" and trial.drops == 0 and in_time
        samples = carry.samples if carry is not None else []
        times = [s[0] for s in samples]
        path = [(s[1], s[2]) for s in samples]
        speed, rate = speed_profile(path, times)
        record: Trial = {
            "kind": "peg", "index": self.done, "phase": self.phase, "outcome": outcome,
            "success": bool(success), "counts_for_staircase": self.phase == "in",
            "level_value": self.difficulty.adapted, "mode": ONE_FINGER if self.one_finger
            else "pinch", "peg": carry.peg.index if carry else None,
            "peg_mm": self.layout.peg_mm, "tolerance_mm": self.tolerance_mm,
            "hole_motion_mm": self.motion_mm,
            "keyed": self.keyed, "start_ms": trial.start_ms, "pickup_ms": trial.pickup_ms,
            "release_ms": t, "time_ms": t - trial.start_ms,
            "pickup_x_mm": trial.pickup_xy[0] if trial.pickup_xy else None,
            "pickup_y_mm": trial.pickup_xy[1] if trial.pickup_xy else None,
            "release_x_mm": samples[-1][1] if samples else None,
            "release_y_mm": samples[-1][2] if samples else None,
            "placement_error_mm": error, "drops": trial.drops, "misses": trial.misses,
            "grabs": trial.grabs, "aperture_at_grab_mm": trial.aperture_mm,
            "rotation_error_deg": self.key_error(carry.peg) if carry and self.keyed else None,
            "carry_ms": times[-1] - times[0] if len(times) > 1 else None,
            "carry_sparc": sparc(speed, rate),
            "carry_path": _thin(samples),
        }
        self.record(record)
        if self.phase == "in":
            self._params = self.difficulty.params()   # the next peg uses the new value
        self.hint = None
        if self.phase == "in" and not self.movable():
            self.phase = "out"
        self._new_trial(t)

    # -- the round's numbers ------------------------------------------------------------
    def summary(self) -> dict[str, Any]:
        trials = self.results
        placed = [t for t in trials if t["outcome"] == "placed"]
        last = max((t["release_ms"] for t in trials), default=NAN)
        total = last - self._first_pickup if self._first_pickup is not None else NAN
        return {
            "kind": "pegs", "mode": ONE_FINGER if self.one_finger else "pinch",
            "trials": len(trials), "pegs": self.count,
            "success_rate": success_rate(trials),
            "final_value": self.difficulty.adapted,
            "total_time_ms": total,
            "time_per_peg_ms": mean([t["time_ms"] for t in placed]),
            "time_per_peg_ms_median": median([t["time_ms"] for t in placed]),
            "placement_error_mm": mean([t["placement_error_mm"] for t in placed
                                        if t["phase"] == "in"]),
            "drops": sum(t["drops"] for t in trials),
            "carry_sparc": median([t["carry_sparc"] for t in placed
                                   if isinstance(t["carry_sparc"], float)]),
        }


def _thin(samples: list[tuple[float, float, float]]) -> list[list[float]]:
    if not samples:
        return []
    step = max(1, math.ceil(len(samples) / MAX_PATH_POINTS))
    kept = samples[::step]
    if kept[-1] is not samples[-1]:
        kept.append(samples[-1])
    return [[round(t, 1), round(x, 2), round(y, 2)] for t, x, y in kept]
