"""What a simulated hand can do in the lift game, by severity: how strongly the fingers
are coupled (after a stroke, one finger lifting takes its neighbours with it)."""

from __future__ import annotations

from dataclasses import dataclass

from engine.input.placement import FINGERS, Finger
from engine.sim.skills import Skills

PAIR_COUPLING = {("thumb", "index"): 0.35, ("index", "middle"): 0.8,
                 ("middle", "ring"): 1.2, ("ring", "little"): 1.5}
"""How strongly neighbours move together, relative to the index and middle fingers: the
ring and little fingers most, the thumb least (Lang and Schieber 2004; Häger-Ross and
Schieber 2000)."""


@dataclass(frozen=True)
class LiftSkills:
    coupling: float            # how much a neighbour follows a lifted finger (0 to 1)
    lift_delay_ms: float       # a finger lifting alone starts later than a tap
    wrong_finger_chance: float # another finger lifts first
    drop_chance: float         # a held finger comes down too soon
    slip_chance: float         # the whole hand slides during a cue
    slide_mm: float            # how far a fully coupled finger that stays down slides


def coupling(skills: LiftSkills, moving: Finger, other: Finger) -> float:
    """How much `other` moves with `moving` (0: not at all, 1: fully), falling off with
    the distance between the fingers."""
    a, b = sorted((FINGERS.index(moving), FINGERS.index(other)))
    if a == b:
        return 1.0
    pairs = [PAIR_COUPLING[(FINGERS[k], FINGERS[k + 1])] for k in range(a, b)]
    strength = min(pairs) * 0.45 ** (b - a - 1)
    return min(1.0, skills.coupling * strength)


SKILLS = Skills({
    "healthy": LiftSkills(0.10, 0.0, 0.01, 0.01, 0.0, 6.0),
    "mild": LiftSkills(0.28, 60.0, 0.03, 0.04, 0.005, 8.0),
    "moderate": LiftSkills(0.5, 150.0, 0.05, 0.08, 0.01, 10.0),
    "severe": LiftSkills(0.75, 280.0, 0.08, 0.15, 0.02, 12.0),
})
