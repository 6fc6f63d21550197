"""The games Deftly offers, found through the `deftly.games` entry points, in the order
the home screen shows them."""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, partial
from importlib.metadata import entry_points

from engine.levels.schema import LevelError, LevelSet
from engine.spec import GameSpec

ENTRY_POINTS = "deftly.games"
"""The entry-point group a game registers its `GameSpec` under (see pyproject.toml): a game
from another installed package is found the same way."""


@dataclass(frozen=True)
class Available:
    """A game and its levels, or the one-line reason it cannot be played."""

    spec: GameSpec
    levels: LevelSet | None
    problem: str | None = None


def all_specs() -> list[GameSpec]:
    """Every game found, in its `order` (then by id)."""
    return list(_discovered()[0])


def discovery_problems() -> list[str]:
    """Games that were registered but could not be loaded, one line each."""
    return list(_discovered()[1])


@cache
def _discovered() -> tuple[tuple[GameSpec, ...], tuple[str, ...]]:
    found: dict[str, GameSpec] = {}
    problems: list[str] = []
    points = list(entry_points(group=ENTRY_POINTS))
    targets = [(p.name, p.load) for p in points] or _from_source()
    for name, load in targets:
        try:
            spec = load()
        except Exception as error:   # a broken game must not stop the others
            problems.append(f"game {name!r} could not be loaded: {error}")
            continue
        if not isinstance(spec, GameSpec):
            problems.append(f"game {name!r} is not a GameSpec")
        elif spec.id in found:
            problems.append(f"game {spec.id!r} is registered twice; the first one is used")
        else:
            found[spec.id] = spec
    return tuple(sorted(found.values(), key=lambda s: (s.order, s.id))), tuple(problems)


def _from_source() -> list[tuple[str, Callable[[], object]]]:
    """Without installed metadata (a bare source checkout): every games/<name>/spec.py."""
    import games

    return [(info.name, partial(_source_spec, info.name))
            for info in pkgutil.iter_modules(games.__path__) if info.ispkg]


def _source_spec(name: str) -> object:
    return importlib.import_module(f"games.{name}.spec").SPEC


def spec(game_id: str) -> GameSpec:
    for candidate in all_specs():
        if candidate.id == game_id:
            return candidate
    raise KeyError(f"no game {game_id!r}; games: {', '.join(s.id for s in all_specs())}")


def available() -> list[Available]:
    """Every game with its levels loaded; a broken level file makes only that game
    unavailable, with the file's one-line problem."""
    out = []
    for game in all_specs():
        try:
            out.append(Available(game, game.levels))
        except LevelError as error:
            out.append(Available(game, None, str(error)))
    return out
