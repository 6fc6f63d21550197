"""Starting the game: window, calibration, first screen."""

from __future__ import annotations

import argparse
import asyncio
import json
from pathlib import Path

from deftly.launch import build_app, device_key, open_window
from deftly.paths import data_dir
from deftly.scenes.calibration import CalibrationScene
from deftly.scenes.gallery import GalleryScene
from deftly.strings import t
from engine.audio import Audio
from engine.display import DisplayProfile
from engine.scene import Scene
from engine.store.atomic import write_atomic


class SettingsFile:
    """A small JSON settings file written atomically."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            self._data = json.loads(path.read_text("utf-8"))
        except (OSError, ValueError):
            self._data = {}

    def get(self, key: str, default: object = None) -> object:
        return self._data.get(key, default)

    def put(self, key: str, value: object) -> None:
        self._data[key] = value
        self.path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(self.path, json.dumps(self._data, indent=1).encode())


class FirstScreen(Scene[None]):
    """Calibrates on first use, then shows the home screen."""

    def __init__(self, settings: SettingsFile, key: str) -> None:
        super().__init__()
        self.settings = settings
        self.key = key

    def enter(self) -> None:
        saved = self.settings.get(f"calibration:{self.key}")
        if isinstance(saved, dict):
            self.app.set_theme(self.app.theme.with_profile(DisplayProfile.from_dict(saved)))
            self.app.scenes.push(GalleryScene())
        else:
            self.app.scenes.push(CalibrationScene())

    def on_result(self, child: Scene[object], result: object) -> None:
        if isinstance(child, CalibrationScene):
            if isinstance(result, DisplayProfile):
                self.settings.put(f"calibration:{self.key}", result.to_dict())
                self.app.set_theme(self.app.theme.with_profile(result))
                self.app.show_toast(t("calibration.saved"))
            self.app.scenes.push(GalleryScene())
        else:
            self.finish()


def play(args: argparse.Namespace) -> int:
    folder = data_dir(args.data_dir)
    screen = open_window(args.size, args.fullscreen)
    app = build_app(screen, audio=Audio())
    settings = SettingsFile(folder / "settings.json")
    app.scenes.push(FirstScreen(settings, device_key(screen.get_size())))
    asyncio.run(app.run())
    return 0
