"""Playing many rounds with a simulated patient: convergence runs and whole days of play."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from engine.game import RoundSetup
from engine.levels.staircase import RUNNING_WINDOW
from engine.progress import MemoryBackend, PlayerProgress, StateBackend
from engine.rounds import RoundController, RoundResult
from engine.sim.hand import HandModel, SimPatient
from engine.sim.runner import play_round
from engine.spec import GameSpec
from engine.store.errors import CannotSaveError
from engine.store.store import Store

BOARD_MM = (217.0, 115.0)   # a 10-inch tablet in landscape, below the top bar


@dataclass
class Convergence:
    """A staircase followed over at least `trials` trials."""

    values: list[float] = field(default_factory=list)
    outcomes: list[bool] = field(default_factory=list)
    rounds: list[RoundResult] = field(default_factory=list)

    def running_rate(self, window: int = RUNNING_WINDOW) -> float:
        """Share of successes over the last `window` trials."""
        recent = self.outcomes[-window:]
        return sum(recent) / len(recent) if recent else float("nan")

    def trials_to_converge(self, tolerance: float = 0.05, window: int = RUNNING_WINDOW
                           ) -> int | None:
        """The first trial count from which the running rate (over up to `window` trials)
        stays within `tolerance` of 0.8 to the end; None if it never settles."""
        settled = None
        for n in range(1, len(self.outcomes) + 1):
            recent = self.outcomes[max(0, n - window):n]
            inside = abs(sum(recent) / len(recent) - 0.8) <= tolerance
            settled = (settled or n) if inside else None
        return settled


def play(spec: GameSpec, level_id: str, patient: SimPatient, progress: PlayerProgress,
         seed: int, *, mode: str = "training", store: Store | None = None,
         hand: str = "right", variant: str = "", reps: int | None = None,
         on_trial: Callable[[dict[str, Any]], None] | None = None, day: str | None = None
         ) -> RoundResult:
    """One simulated round (saved to `store` when given); `reps` trials, if given, played
    on `day` (by default the store's)."""
    setup = RoundSetup(spec.id, level_id, seed, hand, mode, *BOARD_MM, variant=variant,
                       reps=reps)
    controller = RoundController(spec, setup, progress, store=store, on_trial=on_trial,
                                 day=day)
    end = play_round(controller, spec.make_policy(patient))
    patient.note_time(end)
    result = controller.finish(end)
    patient.breather()
    if result.unsaved:
        raise CannotSaveError(result.unsaved)   # a simulation that cannot save stops
    return result


def converge(spec: GameSpec, level_id: str, hand_model: HandModel, trials: int = 40,
             seed: int = 0, backend: StateBackend | None = None) -> Convergence:
    """Play training rounds of one level until `trials` trials that move the staircase,
    keeping its state between rounds (as a player's days would)."""
    variant = spec.sim_variant(hand_model)
    progress = PlayerProgress(backend or MemoryBackend(), "sim", spec.id, "right",
                              spec.levels, variant)
    patient = SimPatient(hand_model, seed)
    result = Convergence()
    round_seed = seed * 1000
    while len(result.outcomes) < trials:
        level = spec.levels.get(level_id)
        assert level is not None
        played = play(spec, level_id, patient, progress, round_seed, variant=variant)
        round_seed += 1
        result.rounds.append(played)
        for trial in played.trials:
            if not trial.get("counts_for_staircase", True):
                continue
            if len(result.outcomes) < trials:
                result.values.append(float(trial["level_value"]))
                result.outcomes.append(bool(trial["success"]))
    return result
