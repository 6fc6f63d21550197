"""What a simulated hand can do in the hold game, by severity."""

from __future__ import annotations

from dataclasses import dataclass

from engine.sim.skills import Skills


@dataclass(frozen=True)
class HoldSkills:
    early_release_chance: float   # letting go before the ring is full
    steadiness_mm: float          # how far the finger wanders while holding


SKILLS = Skills({"healthy": HoldSkills(0.02, 0.5), "mild": HoldSkills(0.08, 1.2),
                 "moderate": HoldSkills(0.18, 2.2), "severe": HoldSkills(0.3, 3.5)})
