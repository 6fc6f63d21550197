"""`deftly doctor`: what Deftly sees on this machine, in plain words."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pygame

from deftly import touch_seen
from deftly.paths import data_dir
from engine import __version__
from engine.audio import Audio
from engine.display import guess_profile
from engine.quiet import silenced_stderr
from engine.store.errors import StoreError
from engine.store.store import Store


def report(args: argparse.Namespace) -> Iterator[str]:
    yield f"Deftly {__version__}, pygame-ce {pygame.version.ver} (SDL {pygame.version.SDL}), " \
          f"Python {sys.version.split()[0]}"
    yield from _display()
    yield from _audio()
    yield from _games()
    yield from _data(args)


def _games() -> Iterator[str]:
    from games.registry import available, discovery_problems

    for problem in discovery_problems():
        yield f"Games: {problem}."
    games = available()
    ready = [g.spec.name for g in games if g.levels is not None]
    yield f"Games: {', '.join(ready) or 'none'} ready to play."
    for game in games:
        if game.problem:
            yield f"Game {game.spec.name} cannot be played: {game.problem}"


def _display() -> Iterator[str]:
    try:
        with silenced_stderr():
            pygame.display.init()
    except pygame.error as error:
        yield f"Display: none available ({error})."
        return
    driver = pygame.display.get_driver()
    sizes = pygame.display.get_desktop_sizes()
    if driver in ("dummy", "offscreen"):
        yield f"Display: none (SDL video driver '{driver}'); games can only render to files."
    else:
        for i, (w, h) in enumerate(sizes):
            guess = guess_profile((w, h))
            yield (f"Display {i + 1}: {w}x{h} pixels, driver '{driver}'; "
                   f"uncalibrated guess {guess.px_per_mm:.2f} pixels per mm.")
    try:
        from pygame._sdl2 import touch

        devices = touch.get_num_devices()
    except (ImportError, pygame.error):
        devices = 0
    yield (f"Touch: {devices} touch device(s) seen." if devices else
           "Touch: no touch device seen; the mouse acts as one finger.")


def _fingers_seen(folder: Path) -> str:
    seen = touch_seen.load(folder)
    if seen is None:
        return "Fingers at once: none seen yet (games that need several ask for a touchscreen)."
    return f"Fingers at once: at most {seen.most_fingers} seen on this screen (since {seen.when})."


def _audio() -> Iterator[str]:
    audio = Audio()
    if audio.available:
        driver = os.environ.get("SDL_AUDIODRIVER", "default")
        yield f"Sound: working (driver '{driver}')."
    else:
        yield f"Sound: not available, games run silently ({audio.problem})."


def _data(args: argparse.Namespace) -> Iterator[str]:
    folder = data_dir(getattr(args, "data_dir", None))
    if not folder.is_dir():
        yield f"Data folder: {folder} (will be created on first use)."
        return
    try:
        store = Store.open(folder)
    except StoreError as error:
        yield f"Data folder: {folder}; {error}"
        return
    try:
        players = store.profiles()
        rounds = sum(len(store.sessions(p.id)) for p in players)
        yield f"Data folder: {folder} ({len(players)} player(s), {rounds} round(s) saved)."
        yield _fingers_seen(folder)
        for problem in store.problems:
            yield f"Data: {problem}"
        damaged = sorted((folder / "damaged").iterdir()) if (folder / "damaged").is_dir() \
            else []
        if damaged:
            yield (f"Data: {len(damaged)} damaged file(s) kept aside in {folder / 'damaged'} "
                   f"for inspection.")
        calibrations = {k: v for k, v in _settings(store).items()
                        if k.startswith("calibration:")}
        if calibrations:
            for key, value in calibrations.items():
                yield (f"Calibration for {key.split(':', 1)[1]}: "
                       f"{value.get('px_per_mm', 0):.2f} pixels per mm.")
        else:
            yield "Calibration: not done yet on this device; sizes are estimated."
    finally:
        store.close()


def _settings(store: Store) -> dict[str, dict]:
    return {doc["key"]: doc.get("value") or {} for doc in store._all_core("settings")}
