"""A round of any game at fixed parameters, for the games' rule tests."""

from collections.abc import Callable, Mapping
from typing import Any

from engine.game import RoundSetup
from engine.levels.difficulty import Fixed
from engine.levels.schema import Level, ParamSpec


def fixed_round(game: str, params: Mapping[str, ParamSpec], make_model: Callable[..., Any],
                values: Mapping[str, Any], *, seed: int = 5, hand: str = "right",
                board: tuple[float, float] = (200.0, 120.0), self_paced: bool = False,
                variant: str = "") -> Any:
    """The game's model for a level of its parameters' defaults and `values`."""
    defaults = {name: spec.default for name, spec in params.items() if spec.default is not None}
    level = Level(game, "test", "Test", "", {**defaults, **values})
    setup = RoundSetup(game, "test", seed, hand, "training", *board, self_paced=self_paced,
                       variant=variant)
    return make_model(setup, Fixed(level))
