"""Starting a round from the shell: the game's scene around a RoundController."""

from __future__ import annotations

import random
from typing import Any

from deftly.context import Shell
from engine.demo import demonstrate
from engine.demo_scene import DemoScene
from engine.game import RoundSetup
from engine.i18n import t
from engine.progress import PlayerProgress
from engine.round_scene import RoundScene
from engine.rounds import RoundController
from engine.spec import GameSpec
from games.registry import Available

_seeds = random.SystemRandom()


def progress_for(shell: Shell, game: Available, hand: str, variant: str = ""
                 ) -> PlayerProgress:
    assert shell.profile is not None and game.levels is not None
    return PlayerProgress(shell.store, shell.profile.id, game.spec.id, hand, game.levels,
                          variant)


def round_scene(shell: Shell, game: Available, level_id: str, hand: str, *,
                mode: str = "training", seed: int | None = None, variant: str = "") -> RoundScene:
    """A scene that plays one round and finishes with its RoundResult."""
    assert game.levels is not None
    level = game.levels.get(level_id)
    assert level is not None
    round_seed = _seeds.randrange(2**31) if seed is None else seed

    def build(width_mm: float, height_mm: float) -> RoundController:
        setup = RoundSetup(game.spec.id, level_id, round_seed, hand, mode, width_mm, height_mm,
                           self_paced=shell.prefs.self_paced, variant=variant,
                           reps=shell.dose(game).reps if mode == "training" else None)
        return RoundController(game.spec, setup, progress_for(shell, game, hand, variant),
                               store=shell.store, display=scene.app.profile)

    title = f"{game.spec.name} · {level.name}"
    if variant:
        title += f" · {t(game.spec.variant(variant).label)}"
    scene = RoundScene(build, game.spec.make_view(), title, sounds=True, short_title=level.name)
    return scene


def demo_scene(game: Available, level_id: str, hand: str, variant: str = "") -> DemoScene:
    """A scene showing a level done right on this screen's board (nothing is stored);
    finishes with True when watched to its end, False when skipped."""
    assert game.levels is not None
    level = game.levels.get(level_id)
    assert level is not None
    spec = game.spec
    return DemoScene(lambda board: demonstrate(spec, level_id, board, variant=variant,
                                               hand=hand),
                     spec.make_view(), level.name, level.description)


def first_time(shell: Shell, game_id: str, level_id: str, variant: str = "") -> bool:
    """Whether the player has never begun a round of this level played this way (its
    demonstration then plays first)."""
    assert shell.profile is not None
    return not any(s.get("level") == level_id and (s.get("variant") or "") == variant
                   for s in shell.store.sessions(shell.profile.id, game_id))


def previous_summaries(shell: Shell, game_id: str, hand: str, mode: str,
                       before: str | None = None, variant: str = "") -> list[dict[str, Any]]:
    """Summaries of the player's earlier complete rounds of a game with a hand, played the
    same way (rounds of one of the game's variants are never compared with another's),
    oldest first."""
    assert shell.profile is not None
    return [s.get("summary") or {} for s in shell.store.sessions(shell.profile.id, game_id)
            if s.get("hand") == hand and s.get("mode") == mode and s.get("status") == "complete"
            and s.get("id") != before and (s.get("variant") or "") == variant]


def last_variant(shell: Shell, game_id: str) -> str:
    """How the player last played a game (the id of one of its variants)."""
    assert shell.profile is not None
    sessions = shell.store.sessions(shell.profile.id, game_id)
    return str(sessions[-1].get("variant") or "") if sessions else ""


def suited_variant(spec: GameSpec, wanted: str) -> str:
    """`wanted` if this screen can play it, else the first variant it can (a mouse or a
    one-finger panel cannot pinch)."""
    from engine.input.capability import touch_capability

    device = touch_capability()
    fits = [v.id for v in spec.variants if device.allows(v.fingers)]
    ids = [v.id for v in spec.variants]
    if wanted in fits or (wanted in ids and not fits):
        return wanted
    return (fits or ids)[0]


def hand_label(hand: str) -> str:
    return t(f"hand.{hand}")
