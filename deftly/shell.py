"""Starting Deftly: the store, the window, and the way from calibration to a player's home."""

from __future__ import annotations

import argparse
import asyncio

from deftly import touch_seen
from deftly.context import Shell
from deftly.launch import LaunchError, build_app, device_key, open_window
from deftly.paths import data_dir
from deftly.scenes.calibration import CalibrationScene, keep_calibration
from deftly.scenes.home import HomeScene
from deftly.scenes.profiles import NewProfileScene, ProfilesScene
from deftly.scenes.welcome import WelcomeScene
from engine.app import App
from engine.audio import Audio
from engine.display import DisplayProfile
from engine.scene import Scene
from engine.store.errors import StoreError
from engine.store.store import Profile, Store
from engine.ui.presses import REFRACTORY_MS


class Root(Scene[None]):
    """The bottom of the stack: sends the player where they need to go next."""

    opaque = False

    def __init__(self, shell: Shell, profile_name: str | None = None) -> None:
        super().__init__()
        self.shell = shell
        self.profile_name = profile_name

    def enter(self) -> None:
        self.shell.store.watch_problems(
            lambda problem: self.app.show_toast(problem, ms=12_000, tone="warning"))
        store = self.shell.store
        saved = store.get_setting(f"calibration:{self.shell.device}")
        if isinstance(saved, dict):
            self.app.set_theme(self.app.theme.with_profile(DisplayProfile.from_dict(saved)))
        if not store.profiles() and not store.get_setting("welcome_done"):
            self.app.scenes.push(WelcomeScene(self.shell), self._welcomed)
        elif isinstance(saved, dict):
            self.next()
        else:
            self.app.scenes.push(CalibrationScene(), self._calibrated)

    def next(self) -> None:
        """After calibration: the named player, the only player, or the list of players."""
        store = self.shell.store
        wanted = store.find_profile(self.profile_name) if self.profile_name else None
        self.profile_name = None
        if wanted is not None:
            self.open_home(wanted)
        elif not store.profiles():
            self.app.scenes.push(NewProfileScene(self.shell), self._created)
        else:
            self._choose_player()

    def open_home(self, profile: Profile) -> None:
        self.shell.profile = profile
        self.app.scenes.push(HomeScene(self.shell), self._left_home)

    def _choose_player(self) -> None:
        self.app.scenes.push(ProfilesScene(self.shell, self.open_home),
                             lambda _: self.app.quit())

    def _welcomed(self, go_on: object) -> None:
        if go_on:
            self.shell.store.put_setting("welcome_done", True)
            self.app.scenes.push(CalibrationScene(), self._calibrated)
        else:
            self.app.quit()

    def _calibrated(self, profile: DisplayProfile | None) -> None:
        keep_calibration(self.shell, self.app, profile)
        self.next()

    def _created(self, profile: Profile | None) -> None:
        if profile is not None:
            self.open_home(profile)
        else:
            self.app.quit()

    def _left_home(self, _: object) -> None:
        self.shell.profile = None
        self.app.set_theme(self.app.theme.with_preferences(
            text_scale=1.0, high_contrast=False, reduced_motion=False))
        self.app.presses.refractory_ms = REFRACTORY_MS   # the next player's own comes later
        below = self.app.scenes.top
        if isinstance(below, ProfilesScene):
            below.refresh()                 # the list Home was opened from
        else:
            self._choose_player()


def start(app: App, store: Store, profile_name: str | None = None) -> Shell:
    """Put the shell on an app (used by `deftly`, by shots and by end-to-end tests)."""
    shell = Shell(store, device_key(app.screen.get_size()))
    app.scenes.push(Root(shell, profile_name))
    return shell


def play(args: argparse.Namespace) -> int:
    try:
        store = Store.open(data_dir(args.data_dir))
    except StoreError as error:
        raise LaunchError(str(error)) from error
    try:
        screen = open_window(args.size, True if args.fullscreen else (
            False if args.windowed else None))
        app = build_app(screen, audio=Audio())
        start(app, store, args.profile)
        try:
            asyncio.run(app.run())
        finally:
            touch_seen.note(store.folder, app.reader.tracker.most_fingers, store.clock())
    finally:
        store.close()
    return 0
