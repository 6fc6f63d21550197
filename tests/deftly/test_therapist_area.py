"""The therapist area end to end: the PIN door, the tabs on simulated play, programme
changes that reach the player's levels and plan, round replay, and export."""

import pygame
import pytest

from deftly.context import Shell, prefs_of
from deftly.demo import demo_shell, demo_store
from deftly.export import export_everything
from deftly.export_folders import export_folders, new_export_dir, removable_roots
from deftly.launch import headless_app
from deftly.pin import PinGuard
from deftly.scenes.pin import PinScene
from deftly.scenes.therapist.area import TherapistArea
from deftly.scenes.therapist.game_dose import GameDoseScene
from deftly.scenes.therapist.game_levels import GameLevelsScene
from deftly.scenes.therapist.players import TherapistPlayers
from deftly.scenes.therapist.session import SessionScene
from deftly.scenes.therapist.trends_tab import date_ticks
from deftly.shell import start
from engine.clock import ManualClock
from engine.levels.schema import Dose
from engine.progress import PlayerProgress
from engine.replay_scene import ReplayScene
from engine.store.store import Store
from engine.testing.pilot import Pilot
from games.registry import all_specs, spec


def _pilot(store, size=(1280, 800)):
    pygame.event.clear()
    clock = ManualClock()
    app = headless_app(size, clock)
    pilot = Pilot(app, clock)
    pilot.store = store
    return pilot


@pytest.fixture
def door(tmp_path):
    store = Store.open(tmp_path / "data")
    store.put_setting("calibration:test-device", {"px_per_mm": 5.9, "calibrated": True})
    store.put_setting("welcome_done", True)
    store.add_profile("Ann", "left")
    pilot = _pilot(store)
    shell = start(pilot.app, store)
    shell.device = "test-device"
    pilot.run(50)
    pilot.press("Done")                  # calibration
    pilot.press("Yes, save this size")
    pilot.run(50)
    yield pilot
    store.close()


def enter_pin(pilot, digits):
    for digit in digits:
        pilot.press(digit)
    pilot.press("OK")
    pilot.run(20)


def test_a_pin_is_chosen_on_first_use_then_asked_for(door):
    door.press("Therapist")
    assert isinstance(door.top, PinScene) and door.top.step == "choose"
    enter_pin(door, "12")                               # too short
    assert door.top.step == "choose" and "6 to 8 digits" in door.top.message
    enter_pin(door, "2468")                             # four digits are too few now
    assert door.top.step == "choose" and "6 to 8 digits" in door.top.message
    enter_pin(door, "246813")
    assert door.top.step == "confirm"
    enter_pin(door, "246814")                           # a slip: choose again
    assert door.top.step == "choose" and "different" in door.top.message
    enter_pin(door, "246813")
    enter_pin(door, "246813")
    assert isinstance(door.top, TherapistPlayers)
    door.press("Ann")
    assert isinstance(door.top, TherapistArea)
    door.press("Back")
    door.press("Back")
    assert type(door.top).__name__ == "ProfilesScene"
    door.press("Therapist")
    assert door.top.step == "check"
    enter_pin(door, "246813")
    assert isinstance(door.top, TherapistPlayers)


def test_a_four_digit_pin_from_before_still_opens_and_is_asked_to_grow(door):
    from deftly import pin

    door.store.put_setting(pin.SETTING, pin.hash_pin("2468"))   # as older versions stored it
    door.press("Therapist")
    enter_pin(door, "2468")
    assert door.top.step == "choose" and "longer" in door.top.message
    enter_pin(door, "24681357")
    enter_pin(door, "24681357")
    assert isinstance(door.top, TherapistPlayers)
    assert not PinGuard(door.store).too_short
    assert PinGuard(door.store).attempt("24681357") == "ok"


def test_wrong_pins_lock_the_keypad_for_a_while(door):
    PinGuard(door.store).set_pin("135792")
    door.press("Therapist")
    for _ in range(3):
        enter_pin(door, "0000")
    scene = door.top
    assert isinstance(scene, PinScene)
    assert "wait 5 s" in " ".join(getattr(w, "text", "") for w in scene.widgets).lower()
    assert not door.button("1").enabled                 # the keypad is off while waiting
    scene.on_text("135792")                             # a keyboard cannot skip the wait
    scene.submit()
    assert door.top is scene


def test_a_player_cannot_open_the_area_without_the_pin(door):
    PinGuard(door.store).set_pin("135792")
    door.press("Therapist")
    assert isinstance(door.top, PinScene) and door.top.step == "check"
    enter_pin(door, "1234")
    enter_pin(door, "")                                 # OK alone does not open it either
    assert isinstance(door.top, PinScene) and "not right" in door.top.message
    assert not any(isinstance(s, TherapistPlayers | TherapistArea) for s in door.app.scenes)
    door.press("Back")
    assert type(door.top).__name__ == "ProfilesScene"


# -- the area on simulated play ----------------------------------------------------------------
@pytest.fixture
def area():
    with demo_store(4) as store:
        pilot = _pilot(store)
        shell = demo_shell(pilot.app, store)
        scene = TherapistArea(shell, shell.profile)
        pilot.app.scenes.push(scene)
        pilot.run(20)
        yield pilot, scene


def open_tab(pilot, label):
    """Choose a section of the area with the button in the header's corner."""
    pilot.tap_button(next(b for b in pilot.buttons() if b.icon == "menu"))
    pilot.press(label)


def test_every_tab_draws_on_simulated_play(area):
    pilot, scene = area
    for tab in ("Days", "Levels", "Rounds", "Programme", "Export", "Trends"):
        open_tab(pilot, tab)
        assert pilot.top is scene and pilot.button(tab).icon == "menu"   # names the section
        pilot.app.render()
    trends = scene.tab
    assert trends.game == "tap" and trends.hand == "left"
    assert {s.metric.key for _, s in trends.charts} >= {"hit_rate"}
    if "Trace" not in [b.label for b in pilot.buttons()]:
        pilot.press("Tap")             # six games: one chip naming the game opens the list
        pilot.run(30)
    pilot.press("Trace")
    pilot.run(30)
    assert pilot.top is scene and trends.game == "trace" and trends.charts
    assert all(not s.empty for _, s in trends.charts)
    pilot.press("3 months")
    assert trends.range == "1y"


def test_programme_changes_reach_the_players_plan(area):
    pilot, scene = area
    open_tab(pilot, "Programme")
    pilot.press("Daily dose")
    pilot.press("Tap: 3 × 10")
    assert isinstance(pilot.top, GameDoseScene)
    plus = [b for b in pilot.buttons() if b.label == "+"]
    pilot.tap_button(plus[0])                           # a fourth set
    pilot.tap_button(plus[1])                           # two more taps in each
    assert pilot.top.dose() == Dose(4, 12)
    pilot.press("Back")
    assert pilot.top is scene
    ons = [b for b in pilot.buttons() if b.label == "On"]
    pilot.tap_button(ons[0])                            # the dose grows each week
    pilot.press("Games in the plan")
    pilot.press("Pegs")                                 # take the peg game out of the plan
    stored = prefs_of(pilot.store.profile(scene.profile.id))
    assert stored.doses == {"tap": Dose(4, 12)} and stored.dose_grows
    assert stored.dose_since == scene.shell.today().date().isoformat()
    every = [g.id for g in all_specs()]
    assert stored.plan_games == tuple(g for g in every if g != "pinch")
    shell = Shell(pilot.store, "x")
    shell.profile = pilot.store.profile(scene.profile.id)
    # a game no way of which a mouse can play (lift) is left out of the day's plan here
    playable = {g.spec.id for g in shell.playable()}
    assert "lift" not in playable
    assert {item.game for item in shell.plan().items} == playable - {"pinch"}
    taps = [item for item in shell.plan().items if item.game == "tap"]
    assert [(i.hand, i.rounds, i.reps) for i in taps] == [("left", 4, 12), ("right", 1, 12)]

    def plan_games():
        return prefs_of(pilot.store.profile(scene.profile.id)).plan_games

    others = [g for g in all_specs() if g.id not in ("trace", "pinch")]
    for game in others:
        pilot.press(game.short_name)
    assert plan_games() == ("trace",)
    pilot.press("Trace")                                # the last game cannot be removed
    assert plan_games() == ("trace",) and pilot.app.toast is not None
    for game in [*others, spec("pinch")]:
        pilot.press(game.short_name)
    assert plan_games() == ()                           # every game again: stored as "all"


def test_level_overrides_open_lock_and_cap_what_the_player_may_play(area):
    pilot, scene = area
    store = pilot.store
    open_tab(pilot, "Programme")
    pilot.press("Levels")
    pilot.press("Tap")
    assert isinstance(pilot.top, GameLevelsScene)
    tap = scene.shell.game("tap")
    progress = PlayerProgress(store, scene.profile.id, "tap", "left", tap.levels)
    earned = [s.open for s in progress.states()]
    closed = earned.index(False)               # the first level not earned yet
    opens = [b for b in pilot.buttons() if b.label == "Open"]
    pilot.tap_button(opens[closed - 1])        # open it early
    assert progress.states()[closed].open
    for _ in range(3):
        pilot.press("−")                                 # cap: last, then one and two below
    states = progress.states()
    assert not any(s.open for s in states[-2:]) and states[-1].reason == \
        "capped by your therapist"
    locks = [b for b in pilot.buttons() if b.label == "Locked"]
    pilot.tap_button(locks[closed - 1])
    assert progress.states()[closed].reason == "locked by your therapist"
    for _ in range(3):
        pilot.press("+")                                 # no cap again
    pilot.tap_button([b for b in pilot.buttons() if b.label == "As earned"][closed - 1])
    assert [s.open for s in progress.states()] == earned
    assert store.overrides(scene.profile.id) == {}


def test_a_round_opens_to_its_trials_and_replays_to_the_same_trials(area):
    pilot, scene = area
    open_tab(pilot, "Rounds")
    rounds_tab = scene.tab
    table = next(w for w in scene.widgets if type(w).__name__ == "Table")
    pilot.app.render()
    row_y = table.rect.y + table._header_mm + table.row_h / 2
    pilot.tap_mm(table.rect.x + 20, row_y)
    session_scene = pilot.top
    assert isinstance(session_scene, SessionScene)
    assert session_scene.session["id"] == rounds_tab.shown[0]["id"]
    stored = session_scene.trials
    assert stored
    pilot.press("Watch the round")
    replay = pilot.top
    assert isinstance(replay, ReplayScene)
    pilot.press("1×")
    pilot.press("2×")                                   # now 4x
    assert replay.clock.speed == 4.0
    while not replay.clock.done:
        pilot.run(200, step_ms=16)
    assert [t["success"] for t in replay.replayer.trials] == [t["success"] for t in stored]
    assert pilot.button("Again")
    pilot.press("Again")
    assert replay.clock.t_ms < 500 and replay.replayer.trials == []
    pilot.press("Back")
    assert pilot.top is session_scene


def test_export_writes_a_new_folder_each_time(area, tmp_path):
    pilot, scene = area
    day = scene.shell.today().date()
    first = export_everything(pilot.store, scene.profile, tmp_path, day)
    second = export_everything(pilot.store, scene.profile, tmp_path, day)
    assert first.name == f"deftly-Ann-{day.isoformat()}" and second.name == first.name + "-2"
    assert sorted(p.name for p in first.iterdir()) == ["checkins.csv", "fhir", "report.pdf",
                                                       "sessions.csv", "trials.csv"]
    fhir = sorted(p.name for p in (first / "fhir").iterdir())
    assert fhir[0] == "codesystem.json" and len(fhir) == 1 + sum(
        s["status"] == "complete" for s in pilot.store.sessions(scene.profile.id))
    assert scene.profile.name not in (first / "fhir" / fhir[1]).read_text()
    header, columns, *rows = (first / "checkins.csv").read_text().splitlines()
    assert "0-10" in header and columns == "date,pain_0_10,fatigue_0_10,feeling_after"
    assert rows and all(row[:4] == "2026" for row in rows)     # the demo's simulated days
    open_tab(pilot, "Export")
    tab = scene.tab
    tab.folders = [tmp_path / "stick"]
    pilot.button("Write report and tables").on_press()
    assert "Writing" in " ".join(getattr(w, "text", "") for w in scene.widgets)
    pilot.run(100)
    assert tab.status.startswith("Saved in") and (tmp_path / "stick").is_dir()
    (made,) = (tmp_path / "stick").iterdir()
    assert (made / "report.pdf").stat().st_size > 10_000


def test_export_folders_offer_drives_then_documents_then_the_tablet(tmp_path):
    media = tmp_path / "media"
    (media / "ann" / "USBSTICK").mkdir(parents=True)
    (media / "sdcard").mkdir()
    drives = removable_roots("ann", (media,))
    assert [d.name for d in drives] == ["USBSTICK", "sdcard"]
    home = tmp_path / "home"
    (home / "Documents").mkdir(parents=True)
    folders = export_folders(tmp_path / "data", home, drives)
    assert folders[-2:] == [home / "Documents" / "Deftly", tmp_path / "data" / "exports"]
    taken = new_export_dir(tmp_path, "Chloé / x", __import__("datetime").date(2026, 1, 2))
    assert taken.name == "deftly-Chloé---x-2026-01-02"


def test_date_ticks_are_weekly_for_weeks_and_monthly_for_months():
    from datetime import date

    weekly = date_ticks(date(2026, 3, 4), date(2026, 3, 30))
    assert [d.weekday() for d, _ in weekly] == [0] * len(weekly) and weekly[0][1] == "9 Mar"
    monthly = date_ticks(date(2025, 11, 20), date(2026, 11, 20))
    assert all(d.day == 1 for d, _ in monthly)
    assert [s for _, s in monthly] == ["Dec 2025", "Feb 2026", "Apr", "Jun", "Aug", "Oct"]
    assert len(monthly) <= 7


def test_a_level_shows_the_first_day_any_hand_unlocked_it():
    from datetime import date

    from deftly.scenes.therapist.levels_tab import first_unlocks

    events = [{"kind": "unlock", "at": "2026-05-03T10:00:00+01:00", "game": "tap",
               "hand": "left", "level": "far"},
              {"kind": "unlock", "at": "2026-06-09T10:00:00+01:00", "game": "tap",
               "hand": "right", "level": "far"},
              {"kind": "unlock", "at": "2026-04-01T10:00:00+01:00", "game": "trace",
               "hand": "left", "level": "curves"}]
    assert first_unlocks(events, "tap") == {"far": date(2026, 5, 3)}


def test_the_record_number_and_clinician_are_typed_once_and_kept_with_the_profile(area):
    from deftly.scenes.therapist.record_entry import RecordEntryScene

    pilot, scene = area
    open_tab(pilot, "Programme")
    while "Record number" not in [b.label for b in pilot.buttons()]:
        pilot.press("More settings")
    pilot.press("Record number")
    assert isinstance(pilot.top, RecordEntryScene)
    for key in "MRN42":
        pilot.press(key)
    pilot.press("Erase")
    pilot.press("7")
    pilot.press("OK")
    assert pilot.top is scene
    pilot.press("Clinician")
    for key in ["D", "R", "Space", "L", "E", "E"]:
        pilot.press(key)
    pilot.press("OK")
    stored = pilot.store.profile(scene.profile.id)
    assert (stored.record_number, stored.clinician) == ("MRN47", "Dr Lee")
    assert scene.profile == stored                       # the area shows what is kept
    assert pilot.button("Record number").detail == "MRN47"
    pilot.press("Clinician")
    for _ in range(6):
        pilot.press("Erase")
    pilot.press("OK")                                     # an emptied field clears it
    assert pilot.store.profile(scene.profile.id).clinician == ""


def test_a_report_detail_that_cannot_be_saved_says_so_and_keeps_the_typing(area,
                                                                           monkeypatch):
    from deftly.scenes.therapist.record_entry import RecordEntryScene
    from engine.store.errors import CannotSaveError

    pilot, scene = area
    entry = RecordEntryScene(scene, "record_number")
    pilot.app.scenes.push(entry)
    pilot.run(5)
    for key in "A12":
        pilot.press(key)

    def full(profile):
        raise CannotSaveError("The data folder is full: nothing was saved.")

    monkeypatch.setattr(pilot.store, "update_profile", full)
    pilot.press("OK")
    assert pilot.top is entry and entry.text == "A12"
    assert entry.problem == "The data folder is full: nothing was saved."
    assert pilot.store.profile(scene.profile.id).record_number == ""
