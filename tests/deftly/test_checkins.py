"""The day's check-in, from scripted answers: Skip stores nothing, high pain halves the
plan (and only from the therapist's threshold), pain rising three days running sends the
player to the therapist, a day is asked once, and the staircase never hears of it."""

from dataclasses import replace
from datetime import date, datetime, timedelta

import pytest

from deftly import checkins
from deftly.context import Preferences, Shell, save_prefs
from deftly.launch import headless_app
from deftly.scenes.checkin import CheckInScene
from deftly.scenes.home import HomeScene
from engine.clock import ManualClock, SetWallClock
from engine.input.capability import force_capability
from engine.store.store import Store
from engine.testing.pilot import Pilot

TODAY = datetime.fromisoformat("2026-11-20T10:00:00+01:00")


@pytest.fixture
def shell(tmp_path):
    store = Store.open(tmp_path / "data", clock=SetWallClock(TODAY))
    shell = Shell(store, "test")
    shell.profile = store.add_profile("Ann", affected_hand="right")
    yield shell
    store.close()


def _answer(shell, day, **answers):
    return checkins.record(shell.store, shell.profile.id, day, "before", **answers)


def test_skipping_every_question_stores_nothing_and_an_answer_is_kept(shell):
    assert not _answer(shell, TODAY.date(), pain=None, fatigue=None)
    assert shell.store.events(shell.profile.id, "checkin") == []
    assert _answer(shell, TODAY.date(), pain=4, fatigue=None)
    assert shell.checkin_today() == checkins.Day(TODAY.date(), 4, None, None)


def test_high_pain_halves_the_plan_and_below_the_threshold_nothing_changes(shell):
    with force_capability(10):
        usual = shell.plan()
        _answer(shell, TODAY.date(), pain=6)
        assert shell.plan() == usual                     # 6 is under the threshold, 7
        _answer(shell, TODAY.date(), pain=8)
        halved = shell.plan()
        assert halved.minutes == usual.minutes / 2
        assert halved.rounds_total() == -(-usual.rounds_total() // 2)
        kept = [(item.game, item.hand) for item in halved.items]
        assert kept == [(i.game, i.hand) for i in usual.items][:len(kept)]
        assert {hand for _, hand in kept[:len(shell.playable())]} == {"right"}  # its sets first
        assert shell.pain_messages() == ["home.pain_rest"]
        shell.profile = save_prefs(shell.store, shell.profile,
                                   replace(shell.prefs, pain_threshold=9))
        assert shell.plan() == usual and shell.pain_messages() == []


def test_pain_rising_three_days_running_says_to_tell_the_therapist(shell):
    today = TODAY.date()
    for back, pain in ((2, 2), (1, 4), (0, 6)):
        _answer(shell, today - timedelta(days=back), pain=pain)
    assert shell.pain_messages() == ["home.pain_rising"]        # 6: not high enough to rest
    _answer(shell, today, pain=8)
    assert shell.pain_messages() == ["home.pain_rest", "home.pain_rising"]   # both said
    days = shell.checkin_days()
    assert checkins.pain_rising(days, today)
    assert not checkins.pain_rising(days, today - timedelta(days=1))   # only two before
    flat = {**days, today: checkins.Day(today, 4)}
    assert not checkins.pain_rising(flat, today)                       # not higher
    app = headless_app((1280, 800), ManualClock())
    home = HomeScene(shell)
    app.scenes.push(home)
    app.render()
    texts = [getattr(w, "text", "") for w in home.widgets]
    assert "Tell your therapist." in texts               # what fits the plan's line
    said = "A shorter plan today: rest is fine. Pain rising: tell your therapist."
    assert app.toast is not None and app.toast.message == said    # all of it, once a day
    app.toast = None
    home.enter()
    assert app.toast is None


def test_a_day_is_asked_once_before_its_first_round_and_after_its_plan(shell, monkeypatch):
    assert shell.checkin_due("before")
    shell.offer("before")                      # asked, and skipped: not asked again today
    assert not shell.checkin_due("before")
    assert not shell.checkin_due("after")      # the plan is not done yet
    monkeypatch.setattr(type(shell.plan_progress()), "complete", property(lambda _: True))
    assert shell.checkin_due("after")
    checkins.record(shell.store, shell.profile.id, TODAY.date(), "after", feeling="better")
    assert not shell.checkin_due("after")
    shell.store.clock.set(TODAY + timedelta(days=1))
    assert shell.checkin_due("before")         # a new day
    shell.profile = save_prefs(shell.store, shell.profile, replace(shell.prefs,
                                                                   checkins=False))
    assert not shell.checkin_due("before")     # the therapist turned it off


def _screen(shell):
    """The before-round check-in on a headless screen, and a pilot to tap it."""
    app = headless_app((1280, 800), ManualClock())
    pilot = Pilot(app, app.clock)
    scene = CheckInScene(shell, "before", TODAY.date())
    app.scenes.push(scene)
    pilot.run(10)
    return app, pilot, scene


def test_the_screen_asks_pain_then_tiredness_and_stores_both(shell):
    _, pilot, scene = _screen(shell)
    assert scene.question == "pain"
    pilot.press("10 · The worst")
    assert scene.question == "fatigue"
    pilot.press("0 · Not tired")
    assert pilot.app.scenes.top is not scene          # the check-in is over
    (event,) = shell.store.events(shell.profile.id, "checkin")
    assert (event["pain"], event["fatigue"], event["day"]) == (10, 0, "2026-11-20")


def test_damaged_check_ins_are_left_out_and_answers_of_a_day_join():
    events = [{"day": "2026-11-20", "when": "before", "pain": 12},
              {"day": "not a day", "when": "before", "pain": 2},
              {"day": "2026-11-20", "when": "before", "pain": True, "fatigue": 4},
              {"day": "2026-11-20", "when": "after", "feeling": "worse"},
              {"day": "2026-11-21", "when": "after", "feeling": "sideways"}]
    days = checkins.by_day(events)
    assert days == {date(2026, 11, 20): checkins.Day(date(2026, 11, 20), None, 4, "worse"),
                    date(2026, 11, 21): checkins.Day(date(2026, 11, 21))}


def test_a_hand_edited_threshold_stays_on_the_scale():
    assert Preferences.from_dict({"pain_threshold": 42}).pain_threshold == 10
    assert Preferences.from_dict({"pain_threshold": "high"}).pain_threshold == 7
    assert Preferences.from_dict({"pain_threshold": float("nan")}).pain_threshold == 7


def test_check_ins_never_move_the_staircase(shell):
    from engine.progress import PlayerProgress

    game = shell.games[0]
    before = PlayerProgress(shell.store, shell.profile.id, game.spec.id, "right",
                            game.levels).current()
    _answer(shell, TODAY.date(), pain=10, fatigue=10)
    after = PlayerProgress(shell.store, shell.profile.id, game.spec.id, "right",
                           game.levels)
    assert after.current() == before
    assert after.difficulty(before).adapted == PlayerProgress(
        shell.store, shell.profile.id, game.spec.id, "right", game.levels
    ).difficulty(before).adapted


def test_back_skips_one_question_and_keeps_the_answers_given(shell):
    from engine.input.sdl import Command

    app, pilot, scene = _screen(shell)
    pilot.press("8 · Very bad")
    scene.on_command(Command.BACK)                     # the tablet's back key on "tired?"
    assert app.scenes.top is not scene
    assert shell.checkin_today() == checkins.Day(TODAY.date(), 8, None, None)


def test_a_halved_plan_keeps_every_game_it_can_and_half_the_rounds():
    from itertools import product

    from deftly.plan import cut_to, make_plan
    from engine.levels.schema import Dose

    games = ("tap", "trace", "pinch", "lift", "squeeze", "turn")
    for count, sets, hand in product(range(1, 7), range(1, 6), ("right", "both")):
        doses = {game: Dose(sets + k % 2, 10) for k, game in enumerate(games[:count])}
        plan = make_plan(doses, hand)
        cut = cut_to(plan, 0.5)
        total = plan.rounds_total()
        assert cut.rounds_total() == -(-total // 2)
        assert all(1 <= c.rounds <= p.rounds for c, p in zip(cut.items, plan.items,
                                                               strict=False))
        if cut.rounds_total() >= len(plan.items):      # room for every game: none left out
            assert len(cut.items) == len(plan.items)


def test_the_after_question_comes_once_the_plans_minutes_are_played_any_way(shell,
                                                                             monkeypatch):
    played = replace(shell.plan_progress(), minutes_done=30.0)   # none of it from the plan
    monkeypatch.setattr(type(shell), "plan_progress", lambda _self: played)
    assert not shell.checkin_due("after")              # no round today yet
    monkeypatch.setattr(type(shell), "today_sessions", lambda _self: [{"status": "complete"}])
    assert shell.checkin_due("after")
