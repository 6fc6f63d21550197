"""`deftly doctor`: what Deftly sees on this machine, in plain words."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator

import pygame

from deftly.paths import data_dir
from engine import __version__
from engine.audio import Audio
from engine.display import guess_profile


def report(args: argparse.Namespace) -> Iterator[str]:
    yield f"Deftly {__version__}, pygame-ce {pygame.version.ver} (SDL {pygame.version.SDL}), " \
          f"Python {sys.version.split()[0]}"
    yield from _display()
    yield from _audio()
    yield from _data(args)


def _display() -> Iterator[str]:
    try:
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


def _audio() -> Iterator[str]:
    audio = Audio()
    if audio.available:
        driver = os.environ.get("SDL_AUDIODRIVER", "default")
        yield f"Sound: working (driver '{driver}')."
    else:
        yield f"Sound: not available, games run silently ({audio.problem})."


def _data(args: argparse.Namespace) -> Iterator[str]:
    folder = data_dir(getattr(args, "data_dir", None))
    state = "exists" if folder.is_dir() else "will be created on first use"
    yield f"Data folder: {folder} ({state})."
