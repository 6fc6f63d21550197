"""What a simulated hand can do in the turn game, by severity: how fast and how evenly
it rolls the ball round, how far it strays off the ring, how far the thumb reaches side
to side, how far the wrist turns a dial each way and how still it holds it, how evenly
two contacts wring, and how often rolling fingers let a pencil slip. A severe hand has a
small range, moves slowly and jerkily and drifts off the ring."""

from __future__ import annotations

from dataclasses import dataclass

from engine.sim.skills import Skills


@dataclass(frozen=True)
class TurnSkills:
    speed_deg_s: float       # thumb circles: angular speed
    jerk: float              # speed varies by this share, changing every few hundred ms
    off_ring_mm: float       # SD of the distance from the ring (slow drift and wobble)
    reversal_chance: float   # a turn back now and then, per turn
    lift_chance: float       # the finger slips off the ball, per turn
    reach_mm: float          # side to side: how far from the middle the thumb reaches
    side_speed_mm_s: float
    dial_range_deg: float    # the furthest a dial turns either way
    dial_speed_deg_s: float
    overshoot_deg: float     # SD of the overshoot past a target
    hold_sd_deg: float       # wobble of a held dial
    wring_deg: float         # each contact's swing either way
    wring_asymmetry: float   # the weaker side swings this share less
    wring_period_ms: float
    pencil_mm: float         # how far each finger slides either way
    pencil_period_ms: float
    slip_chance: float       # the fingers slide the same way, per stroke: the pencil drops


SKILLS = Skills({
    "healthy": TurnSkills(200.0, 0.1, 1.5, 0.0, 0.0, 70.0, 160.0, 170.0, 120.0, 4.0, 0.4,
                          55.0, 0.05, 1100.0, 18.0, 900.0, 0.01),
    "mild": TurnSkills(140.0, 0.2, 2.5, 0.05, 0.02, 55.0, 110.0, 130.0, 80.0, 6.0, 0.8,
                       45.0, 0.12, 1400.0, 15.0, 1200.0, 0.04),
    "moderate": TurnSkills(90.0, 0.35, 4.0, 0.12, 0.05, 40.0, 70.0, 95.0, 50.0, 9.0, 1.5,
                           33.0, 0.22, 1900.0, 12.0, 1600.0, 0.08),
    "severe": TurnSkills(50.0, 0.55, 6.5, 0.25, 0.1, 26.0, 40.0, 60.0, 30.0, 13.0, 2.6,
                         22.0, 0.35, 2600.0, 9.0, 2200.0, 0.15),
})
