"""What simulated players' policies share: the patient, its abilities in the game, fatigue
counted from the round's start, and a gesture planned once per situation."""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from engine.input.placement import FINGERS, Finger
from engine.sim.hand import SimPatient
from engine.sim.skills import Skills
from engine.touch import Touch

S = TypeVar("S")


def touch_id(finger: Finger) -> int:
    """The touch id a simulated hand uses for a finger (thumb 1 to little 5)."""
    return FINGERS.index(finger) + 1


class PlannedPolicy(Generic[S]):
    """A base for policies: `self.skills` are the patient's abilities in this game (as far
    as its hand has recovered); call `begin(t_ms)` first in `plan`, and return
    `once(key, make)`: the gesture `make` builds for a situation `key` not planned yet."""

    def __init__(self, patient: SimPatient, skills: Skills[S]) -> None:
        self.patient = patient
        self.skills: S = skills.of(patient.hand)
        self.start_minutes = patient.minutes_played
        self._last: object = None

    def begin(self, t_ms: float) -> None:
        """Fatigue follows the time spent in this round."""
        self.patient.at_time(t_ms, self.start_minutes)

    def once(self, key: object, make: Callable[[], list[Touch]]) -> list[Touch]:
        """The gesture for a new situation, in time order; nothing while `key` is the one
        already planned."""
        if key == self._last:
            return []
        self._last = key
        return sorted(make(), key=lambda touch: touch.t_ms)
