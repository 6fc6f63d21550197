"""The touch capability: detected from SDL, set by DEFTLY_TOUCH, forced by tests and shots."""

import subprocess
import sys

import pygame
import pytest

from engine.input import capability
from engine.input.capability import (
    ENV_VAR,
    MOUSE,
    PANEL_FINGERS,
    CapabilityError,
    TouchCapability,
    detect,
    force_capability,
    from_environment,
    parse_capability,
    release_capability,
    touch_capability,
)


@pytest.fixture(autouse=True)
def _clean(monkeypatch):
    monkeypatch.delenv(ENV_VAR, raising=False)
    monkeypatch.setattr(capability, "_warned", set())
    release_capability()
    yield
    release_capability()


def test_headless_sdl_is_always_the_mouse():
    assert pygame.display.get_init() and pygame.display.get_driver() == "dummy"
    assert detect() == MOUSE == TouchCapability(1, "mouse")
    assert touch_capability() == MOUSE


def test_a_touch_panel_sdl_reports_is_touch_with_the_usual_fingers(monkeypatch):
    monkeypatch.setattr(pygame.display, "get_driver", lambda: "x11")
    monkeypatch.setattr(capability.sdl_touch, "get_num_devices", lambda: 1)
    assert detect() == TouchCapability(PANEL_FINGERS, "touch")
    monkeypatch.setattr(capability.sdl_touch, "get_num_devices", lambda: 0)
    assert detect() == MOUSE


def test_without_a_display_nothing_is_asked_of_sdl(monkeypatch):
    monkeypatch.setattr(pygame.display, "get_init", lambda: False)
    monkeypatch.setattr(capability.sdl_touch, "get_num_devices",
                        lambda: pytest.fail("asked SDL without a display"))
    assert detect() == MOUSE


@pytest.mark.parametrize(("text", "expected"), [
    ("mouse", MOUSE), ("MOUSE ", MOUSE), ("1", TouchCapability(1, "touch")),
    ("2", TouchCapability(2, "touch")), (" 10", TouchCapability(10, "touch")),
    ("20", TouchCapability(20, "touch")),
])
def test_settings_that_are_understood(text, expected):
    assert parse_capability(text) == expected


@pytest.mark.parametrize("text", ["two", "0", "21", "-1", "2.5", "touch", "²", "1 0"])
def test_settings_that_are_not_are_one_clear_line(text):
    with pytest.raises(CapabilityError) as caught:
        parse_capability(text)
    message = str(caught.value)
    assert "\n" not in message and repr(text) in message and "'mouse'" in message


def test_the_environment_overrides_detection(monkeypatch):
    monkeypatch.setenv(ENV_VAR, "2")
    assert touch_capability() == TouchCapability(2, "touch")
    monkeypatch.setenv(ENV_VAR, "mouse")
    assert touch_capability() == MOUSE
    monkeypatch.setenv(ENV_VAR, "  ")
    assert from_environment() is None


def test_a_bad_environment_value_is_one_line_once_and_detection_is_used(monkeypatch, capsys):
    monkeypatch.setenv(ENV_VAR, "lots")
    with pytest.raises(CapabilityError, match=r"^DEFTLY_TOUCH: 'lots' is not a touch setting"):
        from_environment()
    assert touch_capability() == MOUSE
    assert touch_capability() == MOUSE
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "DEFTLY_TOUCH: 'lots'" in err and "Traceback" not in err


def test_a_bad_environment_value_never_gives_a_traceback_in_a_fresh_process():
    code = ("from engine.input.capability import touch_capability; "
            "print(touch_capability())")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env={"DEFTLY_TOUCH": "3 fingers", "PATH": ""}, check=True)
    assert done.stdout.strip() == "mouse"
    assert done.stderr.strip().splitlines() == [
        "deftly: DEFTLY_TOUCH: '3 fingers' is not a touch setting: use 'mouse' or a number of "
        "fingers from 1 to 20; using the detected input instead"]


def test_forcing_wins_over_the_environment_and_undoes_itself(monkeypatch):
    monkeypatch.setenv(ENV_VAR, "mouse")
    with force_capability(2) as forced:
        assert forced == touch_capability() == TouchCapability(2, "touch")
        with force_capability("mouse"):
            assert touch_capability() == MOUSE
        assert touch_capability() == TouchCapability(2, "touch")
    assert touch_capability() == MOUSE


def test_forcing_without_a_block_lasts_until_released():
    force_capability(TouchCapability(10, "touch"))
    assert touch_capability().fingers == 10
    release_capability()
    assert touch_capability() == MOUSE


def test_forcing_refuses_what_it_cannot_understand():
    with pytest.raises(CapabilityError):
        force_capability(0)
    with pytest.raises(CapabilityError):
        force_capability(True)
    assert touch_capability() == MOUSE


def test_what_a_capability_allows():
    assert not MOUSE.multi_touch and MOUSE.allows(1) and not MOUSE.allows(2)
    two = TouchCapability(2, "touch")
    assert two.multi_touch and two.allows(2) and not two.allows(3)
    assert str(two) == "touch, 2 fingers" and str(MOUSE) == "mouse"
    with pytest.raises(CapabilityError):
        TouchCapability(2, "mouse")
    with pytest.raises(CapabilityError):
        TouchCapability(3, "pen")
