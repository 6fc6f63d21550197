"""Every golden screen: (scene, size). The golden tests and the moved-clock test use this."""

import pytest

from deftly.shots import all_shots

FOUNDATION = [(scene, size) for scene in ("calibration", "widgets")
              for size in ((800, 480), (1280, 800))]

SCREENS = ["welcome", "profiles", "new-player", "home", "plan", "calendar", "settings",
           "start", "tap", "pause", "tap-results", "trace", "trace-results", "pinch",
           "pinch-size", "pinch-results", "lift", "lift-results", "lift-trends", "squeeze",
           "squeeze-results", "squeeze-trends", "turn", "turn-side", "turn-dial",
           "turn-wring", "turn-pencil", "turn-results", "turn-trends", "choose-game",
           "therapist-pin", "therapist", "therapist-trends", "therapist-round", "replay",
           "checkin", "checkin-after", "tap-demo", "trace-demo", "pinch-demo", "lift-demo",
           "squeeze-demo", "turn-demo"]

PLAYER = [(scene, size) for scene in SCREENS for size in ((800, 480), (1920, 1200))]

ALL = FOUNDATION + PLAYER

SLOW_DAYS = 10
"""Screens whose demo data simulates this many days or more are left out of `make check`."""


def golden_name(scene: str, size: tuple[int, int]) -> str:
    return f"{scene}-{size[0]}x{size[1]}"


def golden_params(cases: list[tuple[str, tuple[int, int]]]) -> list:
    """pytest parameters, named, and marked slow where their demo data takes long to
    simulate. (`make test` runs each test file on one worker, so a file's screens share
    their demo data.)"""
    shots = all_shots()
    return [pytest.param(scene, size, id=golden_name(scene, size),
                         marks=[pytest.mark.slow] if shots[scene].days >= SLOW_DAYS else [])
            for scene, size in cases]
