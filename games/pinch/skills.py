"""What a simulated hand can do in the pinch game, by severity."""

from __future__ import annotations

from dataclasses import dataclass

from engine.sim.skills import Skills
from games.pinch.params import ONE_FINGER


@dataclass(frozen=True)
class PinchSkills:
    can_pinch: bool            # two fingers can close on a peg
    aperture_noise_mm: float   # how unsteady the gap between the fingers is
    lift_chance: float         # letting go mid-way


def _variant(skills: PinchSkills) -> str:
    """Players who cannot pinch yet play in one-finger mode."""
    return "" if skills.can_pinch else ONE_FINGER


SKILLS = Skills({"healthy": PinchSkills(True, 1.0, 0.0), "mild": PinchSkills(True, 2.0, 0.05),
                 "moderate": PinchSkills(True, 3.5, 0.15),
                 "severe": PinchSkills(False, 5.5, 0.3)}, _variant)
