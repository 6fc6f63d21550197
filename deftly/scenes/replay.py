"""Watching a recorded round, from the therapist area or with `deftly replay FILE`."""

from __future__ import annotations

import asyncio

from engine.replay_scene import ReplayScene
from engine.rounds import rebuild_model
from engine.spec import GameSpec
from engine.store.recording import Recording


def replay_scene(spec: GameSpec, recording: Recording, title: str = "") -> ReplayScene:
    """A scene that plays the recording back with the game's own view."""
    header = recording.header
    setup = header.get("setup") or {}
    board = (float(setup.get("board_w_mm") or 200.0), float(setup.get("board_h_mm") or 120.0))
    level = spec.levels.get(str(header.get("level")))
    return ReplayScene(lambda: rebuild_model(spec, header), spec.make_view(),
                       recording.touches, recording.end_ms or 0.0, board,
                       title or f"{spec.short_name} · "
                                f"{level.name if level else header.get('level')}")


def watch(spec: GameSpec, recording: Recording, size: tuple[int, int] | None) -> int:
    """`deftly replay FILE`: open a window and play the round back."""
    from deftly.launch import build_app, open_window
    from engine.audio import Audio

    screen = open_window(size, False)
    app = build_app(screen, audio=Audio(enabled=False))
    app.scenes.push(replay_scene(spec, recording))
    asyncio.run(app.run())
    return 0
