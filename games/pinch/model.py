"""The pinch game's model: the peg board or pinch-to-size, by the level's layout."""

from __future__ import annotations

from engine.game import GameModel, RoundSetup
from engine.levels.difficulty import Difficulty
from games.pinch.pegs import PegModel
from games.pinch.sizing import SizeModel


def make_model(setup: RoundSetup, difficulty: Difficulty) -> GameModel:
    if difficulty.params()["layout"] == "size":
        return SizeModel(setup, difficulty)
    return PegModel(setup, difficulty)
