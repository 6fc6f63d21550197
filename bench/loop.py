"""The main loop: input polling rate and per-frame update+draw time."""

from __future__ import annotations

import asyncio
import time

import pygame

from bench.common import heading, percentiles, row
from deftly.launch import build_app
from deftly.scenes.gallery import GalleryScene
from engine.clock import MonotonicClock
from engine.scene import Scene

SIZE = (1280, 800)


def _window() -> pygame.Surface:
    pygame.display.init()
    pygame.font.init()
    return pygame.display.set_mode(SIZE)


def frame_times(scene: Scene[object], frames: int = 600) -> list[float]:
    """Update+draw time of `frames` frames, each forced to redraw."""
    app = build_app(_window(), clock=MonotonicClock(), measure_frames=True)
    app.scenes.push(scene)
    samples = []
    for _ in range(frames):
        scene.dirty = True
        start = time.perf_counter()
        app.frame()
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def polling_rate(seconds: float = 1.5) -> float:
    app = build_app(_window(), clock=MonotonicClock())
    app.scenes.push(GalleryScene())

    async def run_for() -> None:
        async def stop() -> None:
            await asyncio.sleep(seconds)
            app.quit()
        await asyncio.gather(app.run(), stop())

    asyncio.run(run_for())
    return app.stats.poll_rate_hz()


def main() -> None:
    heading("Main loop (1280x800, headless)")
    row("input polling rate (target >= 250 Hz)", f"{polling_rate():.0f} Hz")
    row("widgets scene update+draw per frame", percentiles(frame_times(GalleryScene())))


if __name__ == "__main__":
    main()
