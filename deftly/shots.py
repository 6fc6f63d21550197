"""Named screens rendered headless to PNG: `deftly shot SCENE --out FILE.png`."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pygame

from deftly.launch import headless_app
from deftly.scenes.calibration import CalibrationScene
from deftly.scenes.gallery import GalleryScene
from engine.app import App
from engine.scene import Scene

ShotFactory = Callable[[App], Scene[object]]

SHOTS: dict[str, ShotFactory] = {
    "calibration": lambda app: CalibrationScene(),
    "widgets": lambda app: GalleryScene(),
}


def render_shot(name: str, size: tuple[int, int]) -> pygame.Surface:
    """Build the named scene on a headless app and draw it."""
    if name not in SHOTS:
        raise KeyError(name)
    app = headless_app(size)
    app.scenes.push(SHOTS[name](app))
    return app.render()


def save_shot(name: str, size: tuple[int, int], out: Path) -> Path:
    image = render_shot(name, size)
    out.parent.mkdir(parents=True, exist_ok=True)
    pygame.image.save(image, str(out))
    return out
