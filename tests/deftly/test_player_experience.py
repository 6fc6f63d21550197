"""The player's journey, headless, through posted events: first run, today's plan, a round,
and the streak the next day. Plus settings that take effect and pausing on focus loss."""

from datetime import datetime, timedelta

import pygame
import pytest

from deftly.launch import headless_app
from deftly.shell import start
from engine.clock import ManualClock, SetWallClock
from engine.input.sdl import Command
from engine.round_scene import RoundScene
from engine.store.store import Store
from engine.testing.pilot import Pilot
from engine.ui.theme import HIGH_CONTRAST

DAY_ONE = datetime.fromisoformat("2026-11-20T10:00:00+01:00")


@pytest.fixture
def journey(tmp_path):
    pygame.event.clear()
    today = SetWallClock(DAY_ONE)
    store = Store.open(tmp_path / "data", clock=today)
    clock = ManualClock()
    app = headless_app((1280, 800), clock)
    pilot = Pilot(app, clock)

    def launch():
        pilot.shell = start(app, store)
        pilot.run(20)

    pilot.store, pilot.today, pilot.launch = store, today, launch
    yield pilot
    store.close()


def returning_player(pilot):
    pilot.store.put_setting("welcome_done", True)
    pilot.store.add_profile("Ann")
    pilot.launch()
    pilot.store.put_setting(f"calibration:{pilot.shell.device}", {"px_per_mm": 5.9})
    pilot.press("Done")
    pilot.press("Yes, save this size")
    pilot.press("Ann")


def play_round(pilot):
    pilot.skip_demo()                                # a level's first round shows it first
    scene = pilot.top
    assert isinstance(scene, RoundScene)
    model = scene.controller.model
    while not model.finished:
        pilot.run(20)
        if getattr(model, "target", None) is not None and model._selection is None:
            pilot.tap_mm(scene.board_rect.x + model.target.x_mm,
                         scene.board_rect.y + model.target.y_mm)
    pilot.run(50)


def test_first_run_plan_round_and_the_streak_the_next_day(journey):
    pilot = journey
    pilot.launch()
    assert type(pilot.top).__name__ == "WelcomeScene"
    pilot.press("Next")
    pilot.press("Next")
    pilot.press("Let's start")
    assert type(pilot.top).__name__ == "CalibrationScene"
    pilot.press("Bigger")
    pilot.press("Done")
    pilot.press("Yes, save this size")
    pilot.type("Rosa")
    pilot.press("Next")
    pilot.press("Right hand")
    pilot.press("Right hand")
    pilot.press("R")
    home = pilot.top
    assert type(home).__name__ == "HomeScene"
    assert pilot.store.get_setting(f"calibration:{pilot.shell.device}")["calibrated"]
    pilot.press("Start")                         # today's plan
    assert type(pilot.top).__name__ == "CheckInScene"
    pilot.press("8 · Very bad")                  # it hurts today: a shorter plan
    pilot.press("6 · Tired")
    assert pilot.shell.checkin_today().pain == 8
    assert pilot.button("Right hand").selected
    pilot.press("Start")                         # the round
    play_round(pilot)
    assert type(pilot.top).__name__ == "ResultsScene"
    pilot.press("Next in plan")
    assert type(pilot.top).__name__ == "StartScene"
    pilot.press("Back")
    assert pilot.shell.streak() == 1
    # the next day
    pilot.today.set(DAY_ONE + timedelta(days=1))
    home.refresh()
    pilot.press("Start")
    pilot.press("Skip")                          # the new day's check-in, skipped
    pilot.press("Skip")
    pilot.press("Start")
    play_round(pilot)
    assert pilot.shell.streak() == 2
    notes = [w.text for w in pilot.top.widgets if hasattr(w, "text")]
    assert any("2 days in a row" in n for n in notes)
    pilot.press("Home")
    pilot.press("My days")
    assert type(pilot.top).__name__ == "CalendarScene"
    pilot.press("Back")
    assert pilot.top is home


def test_settings_take_effect_and_are_kept_per_player(journey):
    pilot = journey
    returning_player(pilot)
    pilot.press("Settings")
    (label,) = [w for w in pilot.top.widgets if getattr(w, "text", "") == "High contrast"]
    (contrast_on,) = [b for b in pilot.buttons() if b.label == "On" and
                      b.rect.y <= label.rect.center[1] <= b.rect.bottom]
    pilot.tap_button(contrast_on)
    assert pilot.app.theme.palette is HIGH_CONTRAST
    pilot.press("+")                              # volume up
    assert pilot.shell.prefs.high_contrast and pilot.shell.prefs.volume == 1.0
    stored = pilot.store.find_profile("Ann").prefs
    assert stored["high_contrast"] is True


def test_losing_focus_pauses_the_round(journey):
    pilot = journey
    returning_player(pilot)
    pilot.press("Tap the dots")
    pilot.press("Skip")
    pilot.press("Skip")
    pilot.press("Start")
    pilot.skip_demo()
    scene = pilot.top
    pygame.event.post(pygame.event.Event(pygame.WINDOWFOCUSLOST))
    pilot.run(20)
    assert scene.paused and type(pilot.top).__name__ == "ChoiceOverlay"
    pilot.press("Carry on")
    assert not scene.paused and pilot.top is scene


def test_a_double_tap_on_done_does_not_save_an_unmeasured_screen(journey):
    pilot = journey
    pilot.launch()
    for _ in range(6):                           # through the welcome pages
        if type(pilot.top).__name__ == "WelcomeScene":
            labels = {b.label for b in pilot.buttons()}
            pilot.press("Let's start" if "Let's start" in labels else "Next")
    assert type(pilot.top).__name__ == "CalibrationScene"
    done = pilot.button("Done")
    pilot.tap_button(done)
    pilot.tap_mm(*done.rect.center, hold_ms=40)        # the bounce
    assert type(pilot.top).__name__ == "ChoiceOverlay"
    assert pilot.store.get_setting(f"calibration:{pilot.shell.device}") is None
    pilot.press("Not yet, adjust it")
    assert type(pilot.top).__name__ == "CalibrationScene"


def test_closing_deftly_asks_first_and_escape_asks_too(journey):
    pilot = journey
    returning_player(pilot)
    pilot.press("Change player")
    assert type(pilot.top).__name__ == "ProfilesScene"
    pilot.press("Close")
    pilot.press("Keep playing")
    assert pilot.app.running and type(pilot.top).__name__ == "ProfilesScene"
    pilot.top.on_command(Command.BACK)           # Escape
    assert pilot.app.running and type(pilot.top).__name__ == "ChoiceOverlay"
    pilot.press("Close Deftly")
    assert not pilot.app.running


def test_changing_player_again_and_again_keeps_one_list_of_players(journey):
    pilot = journey
    returning_player(pilot)
    for _ in range(3):
        pilot.press("Change player")
        pilot.press("Ann")
    pilot.press("Change player")
    names = [type(s).__name__ for s in pilot.app.scenes]
    assert names.count("ProfilesScene") == 1 and names[-1] == "ProfilesScene"
