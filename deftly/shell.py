"""Starting the game: window, calibration, first screen."""

from __future__ import annotations

import argparse
import asyncio

from deftly.launch import LaunchError, build_app, device_key, open_window
from deftly.paths import data_dir
from deftly.scenes.calibration import CalibrationScene
from deftly.scenes.gallery import GalleryScene
from deftly.strings import t
from engine.audio import Audio
from engine.display import DisplayProfile
from engine.scene import Scene
from engine.store.errors import StoreError
from engine.store.store import Store


class FirstScreen(Scene[None]):
    """Calibrates on first use, then shows the home screen."""

    def __init__(self, store: Store, key: str) -> None:
        super().__init__()
        self.store = store
        self.key = key

    def enter(self) -> None:
        for problem in self.store.problems:
            self.app.show_toast(problem, ms=12_000, tone="warning")
        saved = self.store.get_setting(f"calibration:{self.key}")
        if isinstance(saved, dict):
            self.app.set_theme(self.app.theme.with_profile(DisplayProfile.from_dict(saved)))
            self.app.scenes.push(GalleryScene())
        else:
            self.app.scenes.push(CalibrationScene())

    def on_result(self, child: Scene[object], result: object) -> None:
        if isinstance(child, CalibrationScene):
            if isinstance(result, DisplayProfile):
                self.store.put_setting(f"calibration:{self.key}", result.to_dict())
                self.app.set_theme(self.app.theme.with_profile(result))
                self.app.show_toast(t("calibration.saved"))
            self.app.scenes.push(GalleryScene())
        else:
            self.finish()


def play(args: argparse.Namespace) -> int:
    try:
        store = Store.open(data_dir(args.data_dir))
    except StoreError as error:
        raise LaunchError(str(error)) from error
    try:
        screen = open_window(args.size, args.fullscreen)
        app = build_app(screen, audio=Audio())
        app.scenes.push(FirstScreen(store, device_key(screen.get_size())))
        asyncio.run(app.run())
    finally:
        store.close()
    return 0
