"""Every level is shown before it is played: a calm, perfect hand plays a short round of
it on the real board, drawn by the game's view, and nothing of it is stored."""

from pathlib import Path

import pygame
import pytest

from deftly.launch import headless_app
from deftly.play import demo_scene
from deftly.shell import start
from engine.clock import ManualClock
from engine.demo import demonstrate
from engine.demo_fingers import FingerTimeline
from engine.demo_scene import HOLD_MS, DemoScene
from engine.round_scene import RoundScene
from engine.store.store import Store
from engine.testing.pilot import Pilot
from engine.touch import Phase, Touch
from games.registry import all_specs

BOARDS = [(200.0, 120.0), (236.7, 113.9), (150.0, 85.0)]   # a tablet, this test's, a small one

EVERY_LEVEL = [pytest.param(spec, variant.id, level.id,
                            id=f"{spec.id}-{variant.id or 'usual'}-{level.id}")
               for spec in all_specs() for variant in spec.variants
               for level in (*spec.levels.levels, spec.levels.checkup)]


@pytest.mark.parametrize(("spec", "variant", "level_id"), EVERY_LEVEL)
def test_every_level_is_demonstrated_right_on_every_board(spec, variant, level_id):
    for board in BOARDS:
        for hand in ("right", "left"):
            demo = demonstrate(spec, level_id, board, variant=variant, hand=hand)
            model = demo.make_model()
            _, total = model.progress()
            assert demo.finished and len(demo.trials) == total > 0, (board, hand)
            failed = [t for t in demo.trials if not t["success"]]
            assert not failed, (board, hand, failed[:1])
            assert demo.succeeded
            assert all(t.t_ms <= demo.end_ms for t in demo.touches)


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file()}


@pytest.fixture
def app_with_player(tmp_path):
    pygame.event.clear()
    store = Store.open(tmp_path / "data")
    clock = ManualClock()
    app = headless_app((1280, 800), clock)
    store.put_setting("calibration:test-device", {"px_per_mm": 5.9, "calibrated": True})
    store.put_setting("welcome_done", True)
    store.add_profile("Ann")
    shell = start(app, store)
    shell.device = "test-device"
    pilot = Pilot(app, clock)
    pilot.store, pilot.shell, pilot.folder = store, shell, tmp_path / "data"
    pilot.run(50)
    if type(pilot.top).__name__ == "CalibrationScene":
        pilot.press("Done")
        pilot.press("Yes, save this size")
    if type(pilot.top).__name__ != "HomeScene":
        pilot.press("Ann")
    yield pilot
    store.close()


def test_every_levels_demonstration_plays_to_its_end_on_the_screen_storing_nothing(
        app_with_player):
    pilot = app_with_player
    before = _files(pilot.folder)
    for game in pilot.shell.games:
        for variant in game.spec.variants:
            for level in (*game.levels.levels, game.levels.checkup):
                scene = demo_scene(game, level.id, "right", variant.id)
                watched = []
                pilot.app.scenes.push(scene, watched.append)
                pilot.run(1)
                assert scene.demo is not None and scene.demo.succeeded, level.id
                pilot.run(scene.demo.end_ms + 400, step_ms=250.0)
                assert pilot.top is scene                  # the finished board stays a moment
                assert scene.replayer.trials == list(scene.demo.trials), level.id
                pilot.run(HOLD_MS, step_ms=250.0)
                assert watched == [True] and pilot.top is not scene, level.id
    assert _files(pilot.folder) == before
    assert pilot.store.sessions(pilot.store.profiles()[0].id) == []


def test_one_tap_on_skip_ends_it_and_the_round_begins(app_with_player):
    pilot = app_with_player
    pilot.press("Tap the dots")
    pilot.press("Skip")                          # the check-in, both questions
    pilot.press("Skip")
    pilot.press("Start")
    assert isinstance(pilot.top, DemoScene)      # the level's first round: shown first
    pilot.run(800)
    pilot.press("Skip")
    assert isinstance(pilot.top, RoundScene)
    profile = pilot.store.profiles()[0]
    pilot.press("Pause")
    pilot.press("End this round")
    sessions = pilot.store.sessions(profile.id)
    assert [s["status"] for s in sessions] == ["quit"]    # the round, not the demonstration
    pilot.run(100)
    assert not isinstance(pilot.top, DemoScene)


def test_show_me_on_the_start_screen_and_in_the_pause_menu(app_with_player):
    pilot = app_with_player
    pilot.press("Tap the dots")
    pilot.press("Skip")
    pilot.press("Skip")
    start_screen = pilot.top
    pilot.press("Show me")
    assert isinstance(pilot.top, DemoScene)
    pilot.press("Skip")
    assert pilot.top is start_screen             # back where it was asked for
    pilot.press("Start")
    pilot.skip_demo()
    scene = pilot.top
    assert isinstance(scene, RoundScene)
    pilot.run(500)
    pilot.press("Pause")
    paused_at = scene._paused_at
    pilot.press("Show me")
    demo = pilot.top
    assert isinstance(demo, DemoScene) and scene.paused
    pilot.run(demo.demo.end_ms + HOLD_MS + 200, step_ms=100.0)   # watched to its end
    assert type(pilot.top).__name__ == "ChoiceOverlay" and scene._paused_at == paused_at
    pilot.press("Carry on")
    assert not scene.paused and scene.round_ms() < 700   # the demonstration was a pause
    assert pilot.store.sessions(pilot.store.profiles()[0].id) == []


def test_a_lifted_finger_travels_calmly_to_its_next_touch():
    touches = [Touch(1, Phase.DOWN, 10.0, 10.0, 1000.0), Touch(1, Phase.UP, 10.0, 10.0, 1100.0),
               Touch(1, Phase.DOWN, 50.0, 30.0, 2100.0), Touch(1, Phase.UP, 50.0, 30.0, 2200.0)]
    timeline = FingerTimeline(touches)
    assert timeline.at(0.0) == []                            # not yet in view
    (coming,) = timeline.at(500.0)
    assert (coming.x_mm, coming.y_mm, coming.down) == (10.0, 10.0, False)
    (pressed,) = timeline.at(1050.0)
    assert pressed.down and (pressed.x_mm, pressed.y_mm) == (10.0, 10.0)
    (halfway,) = timeline.at(1600.0)
    assert not halfway.down and (halfway.x_mm, halfway.y_mm) == pytest.approx((30.0, 20.0))
    (near,) = timeline.at(2000.0)
    assert 45.0 < near.x_mm < 50.0                           # slowing as it arrives
    assert timeline.at(2200.0 + 700.0) == []                 # gone after its last touch


def _speech_row(scene):
    return next(row for row in scene.rows() if getattr(row, "label", "") == "Spoken prompts")


def test_spoken_prompts_setting_says_when_there_is_no_voice_and_is_kept(
        app_with_player, tmp_path, monkeypatch):
    from deftly.context import prefs_of
    from deftly.scenes.settings import SettingsScene
    from engine.speech import Speech

    pilot = app_with_player
    monkeypatch.setenv("DEFTLY_SPEECH_COMMAND", str(tmp_path / "no-such-voice"))
    pilot.app.speech = Speech()
    scene = SettingsScene(pilot.shell)
    pilot.app.scenes.push(scene)
    row = _speech_row(scene)
    assert row.value == "No voice on this device"
    row.options[0][2]()                                       # On
    assert pilot.app.toast is not None and "No voice" in pilot.app.toast.message
    assert prefs_of(pilot.store.profiles()[0]).speech        # kept for a device that can

    said = tmp_path / "said.txt"
    voice = tmp_path / "voice"
    voice.write_text(f'#!/bin/sh\necho "$@" >> "{said}"\n')
    voice.chmod(0o755)
    monkeypatch.setenv("DEFTLY_SPEECH_COMMAND", str(voice))
    pilot.app.speech = Speech()
    pilot.shell.apply(pilot.app)
    row = _speech_row(scene)
    assert row.value == "On"
    row.options[1][2]()                                       # Off
    assert not prefs_of(pilot.store.profiles()[0]).speech
    _speech_row(scene).options[0][2]()                        # On again: a sample is said
    for _ in range(200):
        if said.exists() and said.read_text():
            break
        pilot.run(20)
    assert "Prompts will be spoken" in said.read_text()
