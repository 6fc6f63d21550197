"""A level shown before it is played: a calm, perfect simulated hand plays a short round
of it, and the touches it made are replayed on the real board with the fingers drawn.

Nothing here is hand-animated: every level of every game gets its demonstration from its
spec (the game's policy, its model, its view), and nothing is stored.
"""

from __future__ import annotations

from dataclasses import dataclass

from engine.game import GameModel, RoundSetup, Trial
from engine.levels.difficulty import Fixed
from engine.levels.schema import Level
from engine.rounds import played_level
from engine.sim.hand import HandModel, SimPatient
from engine.sim.runner import ModelRound, play_round
from engine.spec import GameSpec
from engine.touch import Touch

DEMO_HAND = HandModel("demo", rt_mu_ms=650.0, rt_sigma_ms=0.0, rt_tau_ms=0.0,
                      fitts_a_ms=260.0, fitts_b_ms_per_bit=260.0, scatter_mm=0.0,
                      tremor_mm=0.0, tremor_hz=5.0, fatigue_per_min=0.0)
"""A calm hand that never misses: slow enough to follow, no scatter, no tremor, no fatigue.
A game's `Skills` may give it a set of its own under "demo" (else it plays as "healthy")."""

DEMO_REPS = 3
"""Repetitions a demonstration shows, counted as a set of the daily dose is (a level of
bouts shows one bout)."""

DEMO_SEED = 20_261_202
DEMO_LIMIT_MS = 90_000.0


@dataclass(frozen=True)
class Demonstration:
    """A played demonstration: the round it is, the touches made, when it ends, its trials."""

    spec: GameSpec
    setup: RoundSetup
    level: Level
    touches: tuple[Touch, ...]
    end_ms: float
    trials: tuple[Trial, ...]
    finished: bool

    def make_model(self) -> GameModel:
        """A fresh model of the same round, for the replay to feed the touches to."""
        return self.spec.make_model(self.setup, Fixed(self.level))

    @property
    def succeeded(self) -> bool:
        """Whether the round was played to its end with every trial a success."""
        return self.finished and bool(self.trials) and all(t.get("success")
                                                           for t in self.trials)


def demonstrate(spec: GameSpec, level_id: str, board_mm: tuple[float, float], *,
                variant: str = "", hand: str = "right") -> Demonstration:
    """Play a demonstration of a level on a board of `board_mm` (cached: the same level on
    the same board is played once)."""
    size = (round(board_mm[0], 1), round(board_mm[1], 1))
    key = (spec.id, level_id, size, variant, hand)
    if key not in _played:
        if len(_played) >= KEEP:
            _played.pop(next(iter(_played)))
        _played[key] = _play(spec, level_id, size, variant, hand,
                             SimPatient(DEMO_HAND, DEMO_SEED))
    return _played[key]


KEEP = 32
_played: dict[tuple[str, str, tuple[float, float], str, str], Demonstration] = {}


def _play(spec: GameSpec, level_id: str, board_mm: tuple[float, float], variant: str,
          hand: str, patient: SimPatient) -> Demonstration:
    level = spec.levels.get(level_id)
    if level is None:
        raise KeyError(f"{spec.id} has no level {level_id!r}")
    setup = RoundSetup(spec.id, level_id, DEMO_SEED, hand, "training", *board_mm,
                       variant=variant, reps=DEMO_REPS)    # a short round at the level's start
    played = played_level(spec, setup)
    recorder = ModelRound(spec.make_model(setup, Fixed(played)))
    end = play_round(recorder, spec.make_policy(patient), limit_ms=DEMO_LIMIT_MS)
    recorder.tick(end)
    return Demonstration(spec, setup, played, tuple(recorder.touches), end,
                         tuple(recorder.trials), recorder.model.finished)
