"""The daily dose: sets of repetitions that grow a step a week only while the player keeps
up, a plan that ticks its sets off (and still knows them after a restart)."""

from dataclasses import replace
from datetime import date, datetime, timedelta

import pytest

from deftly.context import Preferences, Shell, save_prefs
from deftly.dose import DOSE_STEP, grown, weeks_kept_up
from engine.clock import SetWallClock
from engine.input.capability import force_capability
from engine.levels.schema import Dose
from engine.progress import PlayerProgress
from engine.sim.hand import SimPatient, preset
from engine.sim.session import play
from engine.store.store import Store

START = date(2026, 3, 2)
TODAY = datetime.fromisoformat("2026-03-30T10:00:00+01:00")


def every_day(first: date, count: int, skip: tuple[int, ...] = ()) -> set[date]:
    return {first + timedelta(days=k) for k in range(count) if k not in skip}


def test_the_dose_grows_a_step_for_each_week_kept_up():
    dose = Dose(3, 10)
    played = every_day(START, 28)
    assert grown(dose, since=START, today=START + timedelta(days=6), played=played) == dose
    assert grown(dose, since=START, today=START + timedelta(days=7), played=played) == \
        Dose(3, 10 + DOSE_STEP)
    assert grown(dose, since=START, today=START + timedelta(days=28), played=played) == \
        Dose(3, 10 + 4 * DOSE_STEP)


def test_the_dose_holds_in_a_week_with_missed_days_and_when_growth_is_off():
    dose = Dose(2, 10)
    played = every_day(START, 28, skip=(8, 9, 10))      # week 2: four days of the five asked
    assert weeks_kept_up(START, START + timedelta(days=28), played, 5) == 3
    assert grown(dose, since=START, today=START + timedelta(days=28), played=played) == \
        Dose(2, 10 + 3 * DOSE_STEP)
    assert grown(dose, since=START, today=START + timedelta(days=28), played=played,
                 days_asked=4) == Dose(2, 10 + 4 * DOSE_STEP)   # four days were enough
    assert grown(dose, since=None, today=START + timedelta(days=28), played=played) == dose
    assert grown(dose, since=START, today=START + timedelta(days=700),
                 played=every_day(START, 700)).reps == 20          # at most twice the start


def test_a_players_doses_are_kept_and_hand_edited_ones_are_checked():
    prefs = Preferences(doses={"tap": Dose(4, 12)}, dose_grows=True, dose_since="2026-03-02")
    again = Preferences.from_dict(prefs.to_dict())
    assert again == prefs and prefs.to_dict()["doses"] == {"tap": [4, 12]}
    odd = Preferences.from_dict({"doses": {"tap": [0, 99], "trace": "lots", "turn": [2]},
                                 "days_asked": 12, "dose_since": "soon"})
    assert odd.doses == {"tap": Dose(1, 40)} and odd.days_asked == 7 and odd.dose_since == ""
    assert Preferences.from_dict({"plan_minutes": 10}).plan_minutes == 10   # older folders


@pytest.fixture
def store(tmp_path):
    with Store.open(tmp_path / "data", clock=SetWallClock(TODAY)) as opened:
        yield opened


def _play_tap(shell: Shell, count: int) -> None:
    game = shell.game("tap")
    progress = PlayerProgress(shell.store, shell.profile.id, "tap", "right", game.levels)
    patient = SimPatient(preset("mild"), 1)
    for k in range(count):
        play(game.spec, progress.current().id, patient, progress, k, store=shell.store,
             reps=shell.dose(game).reps)


def test_the_plan_ticks_sets_off_and_knows_them_after_a_restart(store, tmp_path):
    shell = Shell(store, "test")
    shell.profile = store.add_profile("Ann", affected_hand="right")
    with force_capability(10):
        tap = next(i for i in shell.plan().items if i.game == "tap")
        assert (tap.hand, tap.rounds, tap.reps) == ("right", 3, 10)     # the level file's
        _play_tap(shell, 2)
        assert shell.plan_progress().done == {("tap", "right"): 2}
        assert [len(store.trials(s["id"])) for s in store.sessions(shell.profile.id)] == \
            [10, 10]                                                    # a set is 10 taps
        store.close()
        with Store.open(tmp_path / "data", clock=SetWallClock(TODAY)) as reopened:
            again = Shell(reopened, "test")
            again.profile = reopened.profile(shell.profile.id)
            progress = again.plan_progress()
            assert progress.done == {("tap", "right"): 2}
            assert progress.next_item().game == "tap"                   # one set to go


def test_the_therapists_dose_grows_with_the_days_played(store):
    shell = Shell(store, "test")
    profile = store.add_profile("Ann", affected_hand="right")
    shell.profile = save_prefs(store, profile, replace(
        Preferences(), doses={"tap": Dose(2, 12)}, dose_grows=True,
        dose_since=(TODAY.date() - timedelta(days=14)).isoformat()))
    tap = shell.game("tap")
    assert shell.dose(tap) == Dose(2, 12)                 # nothing played: no growth
    clock = store.clock
    for k in range(14, 0, -1):                            # every day of the last two weeks
        clock.set(TODAY - timedelta(days=k))
        _play_tap(shell, 1)
    clock.set(TODAY)
    assert shell.dose(tap) == Dose(2, 12 + 2 * DOSE_STEP)
    trace = shell.game("trace").levels.dose              # every game's dose grows alike
    assert shell.dose(shell.game("trace")) == Dose(trace.sets, trace.reps + 2 * DOSE_STEP)


def test_changing_one_thing_never_undoes_what_the_doses_have_grown(store):
    shell = Shell(store, "test")
    profile = store.add_profile("Ann", affected_hand="right")
    shell.profile = save_prefs(store, profile, replace(
        Preferences(), dose_grows=True, dose_since=(TODAY.date() - timedelta(days=14)).isoformat()))
    clock = store.clock
    for k in range(14, 0, -1):
        clock.set(TODAY - timedelta(days=k))
        _play_tap(shell, 1)
    clock.set(TODAY)
    tap, trace = shell.game("tap"), shell.game("trace")
    grown_trace = shell.dose(trace)
    assert grown_trace.reps == trace.levels.dose.reps + 2 * DOSE_STEP
    shell.save_prefs(shell.dose_settled(doses={"tap": Dose(4, 10)}))
    assert shell.dose(tap) == Dose(4, 10) and shell.dose(trace) == grown_trace
    shell.save_prefs(shell.dose_settled(days_asked=7))      # stricter from today on only
    assert shell.dose(trace) == grown_trace and shell.prefs.days_asked == 7
    shell.save_prefs(shell.dose_settled(dose_grows=False))
    assert shell.dose(trace) == grown_trace                 # growth off keeps what grew


def test_an_older_folders_short_plan_still_holds_until_a_dose_is_set(store):
    shell = Shell(store, "test")
    profile = store.add_profile("Ann", affected_hand="right")
    with force_capability(10):
        shell.profile = profile
        usual = shell.plan()
        shell.profile = save_prefs(store, profile, Preferences.from_dict({"plan_minutes": 4}))
        short = shell.plan()
        assert short.minutes == pytest.approx(4) and short.rounds_total() < usual.rounds_total()
        shell.save_prefs(shell.dose_settled(doses={"tap": Dose(3, 10)}))
        assert shell.plan().rounds_total() == usual.rounds_total()
