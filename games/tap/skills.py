"""What a simulated hand can do in the tap game, by severity."""

from __future__ import annotations

import math
from dataclasses import dataclass

from engine.sim.hand import SimPatient
from engine.sim.skills import Skills


@dataclass(frozen=True)
class TapSkills:
    extra_finger_chance: float   # a second finger or the palm touches too
    sequence_span: float         # items of a shown order usually repeated correctly


SKILLS = Skills({"healthy": TapSkills(0.0, 7.0), "mild": TapSkills(0.01, 6.0),
                 "moderate": TapSkills(0.03, 5.0), "severe": TapSkills(0.06, 4.0)})


def remembers(patient: SimPatient, skills: TapSkills, length: int) -> bool:
    """Whether a shown sequence of `length` items is recalled (logistic around the span)."""
    p = 1.0 / (1.0 + math.exp(1.6 * (length - skills.sequence_span - 0.5)))
    return patient.chance(p)
