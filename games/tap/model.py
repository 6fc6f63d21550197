"""The tap game's rules, one model class per layout (the level's `layout`):

- ring: ISO 9241-9 serial task on a circle (`pointing.RingModel`);
- random: a target anywhere (`pointing.RandomModel`);
- sequence: repeat lit pads in order (`sequence.SequenceModel`);
- rhythm: tap two pads in turn, fast (`rhythm.RhythmModel`).

All share `base.TapModel`. Pure: positions in mm, times in ms, no pygame, no wall clock.
"""

from __future__ import annotations

from engine.game import RoundSetup
from engine.levels.difficulty import Difficulty
from games.tap.base import Feedback, TapModel
from games.tap.pointing import PointingModel, RandomModel, RingModel, Target
from games.tap.rhythm import RhythmModel, RhythmState
from games.tap.sequence import SequenceModel, SequenceState

__all__ = ["Feedback", "PointingModel", "RandomModel", "RhythmModel", "RhythmState",
           "RingModel", "SequenceModel", "SequenceState", "TapModel", "Target", "make_model"]

MODELS: dict[str, type[TapModel]] = {
    model.layout: model for model in (RingModel, RandomModel, SequenceModel, RhythmModel)}


def make_model(setup: RoundSetup, difficulty: Difficulty) -> TapModel:
    """The model for the level's layout."""
    return MODELS[str(difficulty.params()["layout"])](setup, difficulty)
