"""Open a window (or an off-screen surface) and build the app around it."""

from __future__ import annotations

import contextlib
import os
import platform

import pygame

from engine.app import App
from engine.audio import Audio
from engine.clock import Clock, ManualClock, MonotonicClock
from engine.display import DisplayProfile, guess_profile
from engine.quiet import silenced_stderr
from engine.ui.theme import Theme

MIN_WINDOW = (480, 320)
DEFAULT_WINDOW = (1280, 800)


class LaunchError(Exception):
    """A problem the user can fix, told in one line."""


def parse_size(text: str) -> tuple[int, int]:
    """'1280x800' -> (1280, 800)."""
    try:
        w, h = (int(part) for part in text.lower().split("x"))
    except ValueError as error:
        raise ValueError(f"size must look like 1280x800, got {text!r}") from error
    if w <= 0 or h <= 0:
        raise ValueError(f"size must be positive, got {text!r}")
    return (w, h)


def check_size(size: tuple[int, int]) -> None:
    from deftly.strings import t

    if size[0] < MIN_WINDOW[0] or size[1] < MIN_WINDOW[1]:
        raise LaunchError(t("problem.too_small", w=size[0], h=size[1], min_w=MIN_WINDOW[0],
                            min_h=MIN_WINDOW[1]))


def desktop_size() -> tuple[int, int]:
    sizes = pygame.display.get_desktop_sizes() if pygame.display.get_init() else []
    return sizes[0] if sizes else DEFAULT_WINDOW


def device_key(screen_px: tuple[int, int]) -> str:
    """Calibration is kept per device: this machine's name and its screen size."""
    return f"{platform.node() or 'device'}:{screen_px[0]}x{screen_px[1]}"


def has_touch_screen() -> bool:
    """SDL reports a touch device (a tablet, a touch panel)."""
    try:
        from pygame._sdl2 import touch

        return bool(touch.get_num_devices())
    except (ImportError, pygame.error):
        return False


def set_icon() -> None:
    """The window's icon: Deftly's, where the file is there to load."""
    from engine.resources import resource_path

    with contextlib.suppress(pygame.error, FileNotFoundError):
        pygame.display.set_icon(pygame.image.load(resource_path("assets", "icons",
                                                                "deftly-64.png")))


def open_window(size: tuple[int, int] | None, fullscreen: bool | None) -> pygame.Surface:
    """Initialise pygame and open the game window; `fullscreen` None: full screen on a
    screen that reports touch, else a window."""
    try:
        with silenced_stderr():
            pygame.display.init()
    except pygame.error as error:
        raise LaunchError(f"no display available ({error}); run under a desktop, or use "
                          "'deftly shot' to render screens without one") from error
    pygame.font.init()
    pygame.display.set_caption("Deftly")
    set_icon()
    if fullscreen is None:
        fullscreen = size is None and has_touch_screen()
    if fullscreen:
        screen = pygame.display.set_mode((0, 0), pygame.FULLSCREEN)
    else:
        desk = desktop_size()
        w, h = size or (min(DEFAULT_WINDOW[0], desk[0]), min(DEFAULT_WINDOW[1], desk[1] - 60))
        check_size((w, h))
        screen = pygame.display.set_mode((w, h), pygame.RESIZABLE)
    check_size(screen.get_size())
    return screen


def offscreen(size: tuple[int, int]) -> pygame.Surface:
    """A surface to render screenshots on, with no window."""
    check_size(size)
    if not pygame.font.get_init():
        pygame.font.init()
    return pygame.Surface(size)


def build_app(screen: pygame.Surface, *, profile: DisplayProfile | None = None,
              clock: Clock | None = None, audio: Audio | None = None,
              measure_frames: bool = False) -> App:
    """An App with a theme for `profile` (a guess from the screen size if none)."""
    profile = profile or guess_profile(screen.get_size())
    return App(screen, clock=clock or MonotonicClock(), theme=Theme(profile),
               audio=audio, measure_frames=measure_frames)


def headless_app(size: tuple[int, int], clock: Clock | None = None) -> App:
    """An App drawing off screen with a manual clock and no sound (shots and tests)."""
    return build_app(offscreen(size), clock=clock or ManualClock(), audio=Audio(enabled=False))


def ensure_headless_env() -> None:
    """Use SDL's dummy drivers when there is no display (CI, SSH)."""
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
