"""How fast levels open: a simulated hand plays one game every day, improving at its
recovery rate, and we note the day each level opens (the pacing check and bench)."""

from __future__ import annotations

from dataclasses import dataclass, field

from engine.progress import MemoryBackend, PlayerProgress
from engine.sim.hand import RECOVERY_PER_DAY, HandModel, SimPatient, recovered_after
from engine.sim.session import play
from engine.spec import GameSpec

PACING_DAYS = 90


@dataclass
class Pace:
    """The days of play (1 = the first day) on which each level after the first opened."""

    game: str
    patient: str
    days: int
    opened: dict[str, int] = field(default_factory=dict)
    levels: tuple[str, ...] = ()
    demoted: bool = False
    """The level offered ever went down without the player choosing it."""

    def day_of(self, nth: int) -> int | None:
        """The day the `nth` level (2 = the second) opened; None if it did not."""
        if nth < 2 or nth > len(self.levels):
            return None
        return self.opened.get(self.levels[nth - 1])


def pace(spec: GameSpec, hand: HandModel, *, days: int = PACING_DAYS, seed: int = 0,
         rate: float = RECOVERY_PER_DAY, until_level: int = 3) -> Pace:
    """Play `spec`'s daily dose (its level file's) every day for up to `days` days
    (stopping once level `until_level` is open), at the level the game offers."""
    dose = spec.levels.dose
    levels = tuple(level.id for level in spec.levels.levels)
    result = Pace(spec.id, hand.name, days, levels=levels)
    variant = spec.sim_variant(hand)   # the way the player plays, kept all along
    progress = PlayerProgress(MemoryBackend(), "pace", spec.id, "right", spec.levels,
                              variant)
    highest = 0
    for day in range(1, days + 1):
        patient = SimPatient(hand.improved(recovered_after(day - 1, rate)),
                             seed * 100_000 + day)
        for r in range(dose.sets):
            offered = progress.current()
            index = spec.levels.index(offered.id)
            result.demoted = result.demoted or index < highest
            highest = max(highest, index)
            played = play(spec, offered.id, patient, progress, seed * 1000 + day * 97 + r,
                          variant=variant, reps=dose.reps, day=f"day {day}")
            if played.verdict.unlocked is not None:
                result.opened.setdefault(played.verdict.unlocked.id, day)
        if result.day_of(until_level) is not None:
            break
    return result
