"""The games Deftly offers, in the order the home screen shows them."""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Any

from engine.game import GameSpec
from engine.levels.schema import LevelError, LevelSet

GAME_MODULES = ["games.tap.spec", "games.trace.spec", "games.pinch.spec"]


@dataclass(frozen=True)
class Available:
    """A game and its levels, or the one-line reason it cannot be played."""

    spec: GameSpec
    levels: LevelSet | None
    problem: str | None = None


def all_specs() -> list[GameSpec]:
    return [importlib.import_module(name).SPEC for name in GAME_MODULES]


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


def view_for(game: GameSpec) -> object:
    """The game's view object (imports pygame; only the shell calls this)."""
    module, _, name = str(game.extra["view"]).partition(":")
    return getattr(importlib.import_module(module), name)()


def preview_for(game: GameSpec) -> Any:
    """The game's results preview painter, if it has one (imports pygame)."""
    target = game.extra.get("preview")
    if not target:
        return None
    module, _, name = str(target).partition(":")
    return getattr(importlib.import_module(module), name)
