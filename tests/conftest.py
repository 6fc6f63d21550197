"""Shared fixtures. Tests run headless: SDL's dummy video and audio drivers."""

from __future__ import annotations

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import pygame
import pytest

from engine.clock import ManualClock


@pytest.fixture(scope="session", autouse=True)
def _pygame_headless():
    pygame.display.init()
    pygame.font.init()
    yield
    pygame.quit()


@pytest.fixture(autouse=True)
def _quick_pin_hashes(monkeypatch):
    """PIN hashes are calibrated to 0.5 s per check on a real device; tests calibrate to
    the cheapest cost (the calibration itself is tested in test_pin.py)."""
    from deftly import pin

    monkeypatch.setattr(pin, "CHECK_S", 0.0)


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock()


@pytest.fixture
def data_home(tmp_path, monkeypatch):
    """A fresh data folder, also set as DEFTLY_HOME."""
    home = tmp_path / "deftly-home"
    monkeypatch.setenv("DEFTLY_HOME", str(home))
    return home
