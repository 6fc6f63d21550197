"""The difficulty reached: per level, the staircase's value at the end of the training
rounds, day by day, in the parameter's unit, harder drawn up; older records without it
still read (from their last trial, or left out); the report charts it."""

from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from pypdf import PdfReader

from deftly import trends
from deftly.report import write_report
from deftly.scenes.therapist.trends_tab import Colors, reached_data
from engine.clock import SetWallClock
from engine.i18n import t
from engine.levels.schema import ParamSpec, parse_levels
from engine.progress import PlayerProgress
from engine.sim.hand import PRESETS, SimPatient
from engine.sim.session import play
from engine.store.store import Store
from engine.ui.chart import spread
from games.registry import all_specs

START = date(2026, 1, 5)   # a Monday
CET = timezone(timedelta(hours=1))
PARAMS = {"width_mm": ParamSpec(float, 1, 80, harder="smaller"),
          "hold_ms": ParamSpec(float, 0, 10000, harder="larger")}
LEVELS = parse_levels({
    "game": "made-up",
    "checkup": {"name": "Check-up", "description": "fixed", "params": {"width_mm": 10,
                                                                       "hold_ms": 500}},
    "levels": [
        {"id": "wide", "name": "Wide", "description": "-", "params": {"hold_ms": 500},
         "adapt": {"param": "width_mm", "easy": 30, "hard": 5, "step": 1.1, "scale": "log"}},
        {"id": "long", "name": "Long", "description": "-", "params": {"width_mm": 10},
         "adapt": {"param": "hold_ms", "easy": 500, "hard": 3000, "step": 100}},
        {"id": "narrow", "name": "Narrow", "description": "-", "params": {"hold_ms": 500},
         "adapt": {"param": "width_mm", "easy": 20, "hard": 3, "step": 1.1, "scale": "log"}},
    ]}, PARAMS, Path("made-up.toml"))


def _round(store, clock, profile, day, level, *, reached=None, param=None, values=(),
           mode="training", status="complete"):
    """One round on `day`: its trials' adapted values, and the value reached if kept."""
    clock.set(datetime(day.year, day.month, day.day, 10, tzinfo=CET))
    sid = store.begin_session(profile, LEVELS.game, level, hand="right", mode=mode)
    for i, value in enumerate(values):
        store.add_trial(sid, i, {"success": True, "level_value": value})
    details = {} if reached is None else {"reached": reached, "reached_param": param}
    store.end_session(sid, summary={"success_rate": 0.8}, duration_ms=60_000.0,
                      status=status, details={"trial_count": len(values), **details})


@pytest.fixture
def scripted(tmp_path):
    clock = SetWallClock(datetime(2026, 1, 5, 9, tzinfo=CET))
    with Store.open(tmp_path / "data", clock=clock) as store:
        pid = store.add_profile("Tess", "right").id
        day2, day3 = START + timedelta(days=1), START + timedelta(days=2)
        _round(store, clock, pid, START, "wide", reached=20.0, param="width_mm", values=[22])
        _round(store, clock, pid, START, "wide", reached=18.0, param="width_mm", values=[19])
        _round(store, clock, pid, day2, "wide", values=[17.0, 16.0])     # an older record
        _round(store, clock, pid, day2, "long", reached=1500.0, param="hold_ms")
        _round(store, clock, pid, day3, "wide", reached=15.0, param="width_mm")
        _round(store, clock, pid, day3, "narrow", reached=10.0, param="width_mm")
        _round(store, clock, pid, day3, "narrow", reached=2.0, param="width_mm", status="quit")
        _round(store, clock, pid, day3, "narrow", reached=99.0, param="other_mm")
        _round(store, clock, pid, day3, "checkup", mode="checkup")
        yield store, pid


def _values(chart):
    return {level.name: [(p.day, p.value) for p in level.points] for level in chart.levels}


def test_each_level_has_its_days_in_its_parameters_unit(scripted):
    store, pid = scripted
    sessions = store.sessions(pid)
    assert trends.lacks_reached(sessions)
    old = trends.last_level_values(store.all_trials(pid))
    width, hold = trends.difficulty_reached(sessions, LEVELS, "right", last_values=old)
    assert (width.title, width.metric.unit, width.smaller_is_harder) == (
        "width (mm)", "mm", True)
    assert _values(width) == {
        "Wide": [(START, 19.0), (START + timedelta(days=1), 16.0),
                 (START + timedelta(days=2), 15.0)],
        "Narrow": [(START + timedelta(days=2), 10.0)]}
    assert (hold.title, hold.smaller_is_harder) == ("hold (s)", False)
    assert _values(hold) == {"Long": [(START + timedelta(days=1), 1.5)]}   # ms shown as s


def test_older_records_without_their_trials_are_left_out(scripted):
    store, pid = scripted
    width, _ = trends.difficulty_reached(store.sessions(pid), LEVELS)
    assert [p.value for p in width.levels[0].points] == [19.0, 15.0]
    assert trends.difficulty_reached(store.sessions(pid), LEVELS, "left") == []


def _steps(before, after, days=56, at=35):
    return [{"level": "wide", "mode": "training", "status": "complete", "hand": "right",
             "variant": "", "reached_param": "width_mm",
             "started_at": f"{START + timedelta(days=i)}T10:00:00+01:00",
             "reached": (before if i < at else after) + (i % 2) * 0.2}
            for i in range(days)] + [{"level": "x", "game": "other"}]


@pytest.mark.parametrize(("after", "harder"), [(12.0, True), (28.0, False)])
def test_a_change_beyond_the_noise_is_better_where_it_got_harder(after, harder):
    sessions = [{**s, "game": LEVELS.game} for s in _steps(20.0, after)]
    (width,) = trends.difficulty_reached(sessions, LEVELS)
    (marker, *_) = width.levels[0].markers
    assert marker.day == START + timedelta(days=35) and marker.better is harder
    colors = Colors(*[(0, 0, 0)] * 8, levels=((1, 2, 3),))
    data = reached_data(width, [], START, START + timedelta(days=55), colors)
    assert data.y_inverted          # smaller is harder: drawn up
    arrows = [f for f in data.flags if f.up is not None]
    assert arrows and arrows[0].up is harder and arrows[0].filled is harder
    assert {layer.label for layer in data.layers} == {"Wide"}


def test_names_are_spread_apart_in_order_and_left_out_only_when_there_is_no_room():
    assert spread([30, 32, 31], [10, 10, 10], 0, 100) == [30, 50, 40]
    assert spread([95, 99], [10, 10], 0, 100) == [85.0, 95.0]
    assert None in spread([10, 20, 30], [40, 40, 40], 0, 100)


def test_the_report_charts_the_difficulty_reached_and_says_what_it_shows(tmp_path):
    game = next(s for s in all_specs() if any(lv.adapt for lv in s.levels.levels))
    level = next(lv for lv in game.levels.levels if lv.adapt)
    with Store.open(tmp_path / "data") as store:
        profile = store.add_profile("Una", "right")
        progress = PlayerProgress(store, profile.id, game.id, "right", game.levels)
        for seed in range(2):
            play(game, level.id, SimPatient(PRESETS["mild"], seed), progress, seed, store=store)
        old = store.begin_session(profile.id, game.id, level.id, hand="right")
        store.add_trial(old, 0, {"success": True, "level_value": 12.0})
        store.end_session(old, summary={"success_rate": 1.0}, duration_ms=1000.0)
        assert "reached" in store.sessions(profile.id)[0]
        (path,) = write_report(store, profile, tmp_path / "una.pdf")
    pages = [" ".join(p.extract_text().split()) for p in PdfReader(path).pages]
    text = pages[1]                                  # the game's charts, after the summary
    assert t("trend.reached", param="") in text and level.name in text
    assert "keeps success near 80 %, so this is the honest trend" in text
