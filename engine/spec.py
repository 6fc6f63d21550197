"""A game as the engine and the shell see it: one `GameSpec` says everything about it."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any

from engine.game import GameModel, Policy, RoundSetup
from engine.levels.difficulty import Difficulty
from engine.levels.schema import LevelSet, ParamSpec, load_levels
from engine.resources import resource_path

if TYPE_CHECKING:
    from engine.sim.hand import SimPatient


@dataclass(frozen=True)
class Headline:
    """The number a game shows first in summaries and trends."""

    key: str              # key in the round summary
    label: str            # plain words, e.g. "Hits"
    unit: str = ""
    higher_is_better: bool = True
    percent: bool = False


@dataclass(frozen=True)
class GameSpec:
    """A minigame as the engine and the shell see it."""

    id: str
    name: str
    blurb: str
    params: Mapping[str, ParamSpec]
    make_model: Callable[[RoundSetup, Difficulty], GameModel]
    make_policy: Callable[[SimPatient], Policy]
    headline: Headline
    extra: Mapping[str, Any] = field(default_factory=dict)
    order: int = 100
    """Where the game stands on the home screen and in reports (smaller first)."""

    @cached_property
    def levels(self) -> LevelSet:
        """The game's level file (raises LevelError with one line if it is broken)."""
        return load_levels(resource_path("levels", f"{self.id}.toml"), self.params, self.id)
