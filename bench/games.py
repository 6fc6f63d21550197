"""Per-frame update + draw time of each game at 1280x800 while a simulated patient plays."""

from __future__ import annotations

import time

import pygame

from bench.common import heading, percentiles, row
from deftly.demo import demo_shell, demo_store
from deftly.launch import build_app
from deftly.play import round_scene
from engine.clock import ManualClock
from engine.sim.hand import PRESETS, SimPatient
from games.registry import available

SIZE = (1280, 800)
FRAME_MS = 1000.0 / 60.0


def frame_times(game_id: str, level_index: int = 0, seconds: float = 40.0) -> list[float]:
    """Play in simulated real time; measure each frame's update + draw."""
    pygame.display.init()
    pygame.font.init()
    screen = pygame.display.set_mode(SIZE)
    clock = ManualClock()
    samples: list[float] = []
    with demo_store() as store:
        app = build_app(screen, clock=clock)
        shell = demo_shell(app, store)
        game = shell.game(game_id)
        assert game.levels is not None
        level = game.levels.levels[level_index].id
        scene = round_scene(shell, game, level, "right", seed=1)
        app.scenes.push(scene)
        policy = game.spec.make_policy(SimPatient(PRESETS["moderate"], 1))
        pending: list = []
        while clock.t_ms < seconds * 1000 and scene.controller and \
                not scene.controller.finished:
            now = scene.round_ms()
            if not pending:
                pending = sorted(policy.plan(scene.controller.model, now),
                                 key=lambda touch: touch.t_ms)
            while pending and pending[0].t_ms <= now:
                scene.controller.on_touch(pending.pop(0).at(now))
                scene.dirty = True
            start = time.perf_counter()
            app.frame()
            samples.append((time.perf_counter() - start) * 1000)
            clock.advance(FRAME_MS)
    return samples


def main() -> None:
    heading("Games: update + draw per frame at 1280x800, a simulated patient playing")
    for game in available():
        if game.levels is None:
            continue
        for index, level in enumerate(game.levels.levels):
            samples = frame_times(game.spec.id, index)
            row(f"{game.spec.id} / {level.id} (aim p99 < 2 ms)", percentiles(samples))


if __name__ == "__main__":
    main()
