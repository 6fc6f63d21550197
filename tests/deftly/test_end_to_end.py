"""The whole app, headless, driven by posted touch events: create a player, open the tap
game, play a round, see the results, and find the trials in the database."""

import pygame
import pytest

from deftly.launch import headless_app
from deftly.shell import start
from engine.clock import ManualClock
from engine.demo_scene import HOLD_MS, DemoScene
from engine.round_scene import RoundScene
from engine.store.store import Store
from engine.testing.pilot import Pilot


@pytest.fixture
def pilot(tmp_path):
    pygame.event.clear()
    store = Store.open(tmp_path / "data")
    clock = ManualClock()
    app = headless_app((1280, 800), clock)
    store.put_setting("calibration:test-device", {"px_per_mm": 5.9, "calibrated": True})
    store.put_setting("welcome_done", True)  # the welcome has its own test
    shell = start(app, store)
    shell.device = "test-device"
    pilot = Pilot(app, clock)
    pilot.store = store
    yield pilot
    store.close()


def test_a_first_round_from_a_new_player_to_stored_trials(pilot):
    pilot.run(50)
    pilot.press("Done")                              # calibration, accepted as shown
    pilot.press("Yes, save this size")
    pilot.run(50)
    pilot.type("ann")
    pilot.press("Next")
    pilot.press("Left hand")
    pilot.press("Right hand")                         # writes with the right hand
    pilot.press("A")                                  # colour button shows the initial
    assert type(pilot.top).__name__ == "HomeScene"
    pilot.press("Tap the dots")
    assert type(pilot.top).__name__ == "CheckInScene"   # the day's first round: how is it?
    pilot.press("2 · A little")
    pilot.press("Skip")                                # tiredness not said
    (said,) = pilot.store.events(pilot.store.profiles()[0].id, "checkin")
    assert said["pain"] == 2 and "fatigue" not in said and said["when"] == "before"
    assert pilot.button("Left hand").selected         # preset to the affected hand
    pilot.press("Start")
    demo = pilot.top                                  # the level's first round: shown first
    assert isinstance(demo, DemoScene) and demo.demo is not None
    assert demo.demo.setup.hand == "left" and demo.demo.succeeded
    profile_id = pilot.store.profiles()[0].id
    pilot.run(demo.demo.end_ms + 200, step_ms=20.0)
    assert pilot.top is demo and demo.replayer is not None   # played through, held a moment
    assert demo.replayer.trials == list(demo.demo.trials)
    assert pilot.store.sessions(profile_id) == []     # and nothing of it is stored
    pilot.run(HOLD_MS)                                # watched to its end: the round
    scene = pilot.top
    assert isinstance(scene, RoundScene)
    model = scene.controller.model
    while not model.finished:
        pilot.run(20)
        if model.target is not None and model._selection is None:
            x = scene.board_rect.x + model.target.x_mm
            y = scene.board_rect.y + model.target.y_mm
            pilot.tap_mm(x, y)
    pilot.run(100)
    assert type(pilot.top).__name__ == "ResultsScene"
    assert pilot.button("Play again") and pilot.button("Home")
    store = pilot.store
    ann = store.find_profile("Ann")
    assert ann.affected_hand == "left" and ann.dominant_hand == "right"
    (session,) = store.sessions(ann.id, "tap")
    trials = store.trials(session["id"])
    assert len(trials) == model.total and all(t["success"] for t in trials)
    assert session["hand"] == "left" and session["summary"]["hit_rate"] == 1.0
    assert scene.controller.setup.mirrored  # left-hand play mirrors the layout
    pilot.press("Home")
    assert type(pilot.top).__name__ == "HomeScene"


def test_pausing_keeps_finished_trials_and_quitting_ends_the_round(pilot):
    with pilot.store as store:
        store.add_profile("Bo", "right")
    pilot.run(20)
    pilot.press("Done")
    pilot.press("Yes, save this size")
    pilot.run(20)
    pilot.press("Bo")
    pilot.press("Tap the dots")
    pilot.press("Skip")                                # the check-in, both questions:
    pilot.press("Skip")                                # nothing is stored
    assert pilot.store.events(pilot.store.find_profile("Bo").id, "checkin") == []
    pilot.press("Start")
    pilot.skip_demo()
    scene = pilot.top
    model = scene.controller.model
    while model.done < 3:
        pilot.run(20)
        if model.target is not None and model._selection is None:
            pilot.tap_mm(scene.board_rect.x + model.target.x_mm,
                         scene.board_rect.y + model.target.y_mm)
    pilot.press("Pause")
    assert scene.paused
    before = scene.round_ms()
    pilot.run(5000)
    assert scene.round_ms() == before   # the round clock stops while paused
    pilot.press("End this round")
    assert pilot.top.heading() == "Round ended"     # what was done is still shown
    pilot.press("Home")
    assert type(pilot.top).__name__ == "HomeScene"
    bo = pilot.store.find_profile("Bo")
    (session,) = pilot.store.sessions(bo.id)
    assert session["status"] == "quit" and len(pilot.store.trials(session["id"])) == 3
