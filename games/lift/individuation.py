"""Co-movement of the fingers that should stay still, and the individuation index.

The individuation index follows Lang and Schieber (2004), "Human finger independence:
limitations due to passive mechanical coupling versus active neuromuscular control",
J Neurophysiol 92:2802-2810 (and their 2003 study of hemiparesis after stroke, J
Neurophysiol 90:1160-1170): for an instructed finger i,

    II_i = 1 - mean over the other fingers j of c_ij

where c_ij is finger j's normalised co-movement while i moves. Lang and Schieber normalise
each finger's joint excursion by the instructed finger's; a touchscreen sees fingertips,
not joints, so here a finger that lifted with it counts 1, and one that stayed down counts
its slide (mm, from where it was at the cue) divided by a reference distance from the
level file, capped at 1. 1 means perfectly independent, 0 that all fingers moved
together. The hand's index is the mean over the instructed fingers.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class CoMovement:
    """What one finger that should have stayed still did while another was lifted."""

    slide_mm: float
    lifted: bool

    def normalised(self, reference_mm: float) -> float:
        """1 for a lift, else the slide over `reference_mm`, capped at 1."""
        if self.lifted:
            return 1.0
        return min(max(self.slide_mm, 0.0) / reference_mm, 1.0)

    def to_dict(self) -> dict[str, float | bool]:
        return {"slide_mm": self.slide_mm, "lifted": self.lifted}


def individuation(others: Iterable[CoMovement], reference_mm: float) -> float:
    """1 minus the mean normalised co-movement of the other fingers (NaN with none)."""
    if not reference_mm > 0:
        raise ValueError(f"the reference slide must be positive, not {reference_mm}")
    values = [c.normalised(reference_mm) for c in others]
    return 1.0 - math.fsum(values) / len(values) if values else math.nan


def hand_index(by_finger: Mapping[str, float]) -> float:
    """The hand's index: the mean of the instructed fingers' (NaN ignored; NaN if none)."""
    values = [v for v in by_finger.values() if math.isfinite(v)]
    return math.fsum(values) / len(values) if values else math.nan
