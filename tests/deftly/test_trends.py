"""Trends: daily medians, the rolling mean, the noise, and change markers that ignore
noise, learning, and level changes but catch a real step."""

import math
import random
from datetime import date, timedelta

import pytest

from deftly import trends
from deftly.trends import Point, metrics_of
from engine.spec import Metric

HITS = metrics_of("tap")[0]
REACTION = metrics_of("tap")[1]
START = date(2026, 1, 5)   # a Monday


def session(day, value, *, key="reaction_ms_median", mode="training", level="big",
            hand="right", game="tap", minutes=2.0, status="complete", variant=""):
    return {"game": game, "level": level, "hand": hand, "mode": mode, "status": status,
            "started_at": f"{day.isoformat()}T10:00:00+01:00", "variant": variant,
            "duration_ms": minutes * 60_000, "summary": {key: value}}


def days_of(values, start=START):
    return [Point(start + timedelta(days=i), v) for i, v in enumerate(values)]


def test_each_day_is_the_median_of_its_rounds():
    day = START
    sessions = [session(day, 500), session(day, 700), session(day, 900),
                session(day + timedelta(days=1), 650),
                session(day, 100, status="quit"), session(day, 50, mode="checkup")]
    points = trends.daily(sessions, REACTION, "training")
    assert [(p.day, p.value) for p in points] == [(day, 700), (day + timedelta(days=1), 650)]
    assert trends.daily(sessions, REACTION, "checkup")[0].value == 50


def test_shares_are_shown_as_percent_and_bad_values_skipped():
    sessions = [session(START, 0.8, key="hit_rate"), session(START, math.nan, key="hit_rate"),
                session(START, True, key="hit_rate"), session(START, "x", key="hit_rate")]
    assert [p.value for p in trends.daily(sessions, HITS, "training")] == [80.0]


def test_the_rolling_mean_covers_seven_calendar_days_not_seven_points():
    points = [Point(START, 10), Point(START + timedelta(days=1), 20),
              Point(START + timedelta(days=10), 60)]
    rolling = trends.rolling_mean(points)
    assert [p.value for p in rolling] == [10, 15, 60]   # the gap drops the old days


def test_noise_from_successive_differences_ignores_a_slow_trend():
    rng = random.Random(4)
    values = [1000 - 2 * i + rng.gauss(0, 40) for i in range(300)]
    assert trends.day_to_day_noise(days_of(values)) == pytest.approx(40, rel=0.12)
    assert math.isnan(trends.day_to_day_noise(days_of([1, 2])))


def test_pure_noise_rarely_raises_a_marker():
    """A year of steady days: the false-alarm rate per week stays near 1 %."""
    weeks = alarms = 0
    for seed in range(60):
        rng = random.Random(seed)
        points = days_of([800 + rng.gauss(0, 50) for _ in range(140)])
        noise = trends.day_to_day_noise(points)
        alarms += len(trends.change_markers(points, noise, REACTION))
        weeks += 20 - 4
    assert alarms / weeks < 0.03


@pytest.mark.parametrize(("step", "better"), [(-150, True), (150, False)])
def test_a_step_larger_than_the_noise_is_marked_in_its_week(step, better):
    rng = random.Random(7)
    values = [800 + rng.gauss(0, 40) + (step if i >= 42 else 0) for i in range(70)]
    points = days_of(values)
    markers = trends.change_markers(points, trends.day_to_day_noise(points), REACTION)
    assert markers, "a 3-4 sigma step went unnoticed"
    assert markers[0].day == START + timedelta(days=42)
    assert markers[0].better is better and (markers[0].change < 0) == (step < 0)


def test_no_markers_while_learning_the_game():
    values = [900] * 7 + [600] * 7 + [600 + (i % 3) for i in range(7)]
    points = days_of(values)
    markers = trends.change_markers(points, 5.0, REACTION)
    assert all((m.day - START).days >= trends.LEARNING_DAYS for m in markers)
    assert START + timedelta(days=7) not in [m.day for m in markers]


def test_a_new_level_is_not_read_as_a_change_in_the_hand():
    points = [Point(START + timedelta(days=i), 800 + (i % 2) * 10 if i < 35 else 1100,
                    "big" if i < 35 else "far") for i in range(56)]
    noise = trends.day_to_day_noise(points[:35])
    assert trends.change_markers(points, noise, REACTION) == []
    same_level = [Point(p.day, p.value, "big") for p in points]
    assert trends.change_markers(same_level, noise, REACTION)


def test_check_up_markers_compare_one_check_up_with_the_two_before():
    checkups = [Point(START + timedelta(weeks=w), v) for w, v in
                enumerate([50, 49, 51, 50, 49, 40])]
    markers = trends.change_markers(checkups, 1.0, metrics_of("pinch")[2], checkup=True)
    assert [(m.day, m.better) for m in markers] == [(START + timedelta(weeks=5), True)]


def test_series_keeps_check_ups_apart_and_check_up_metrics_have_no_training_line():
    sessions = [session(START + timedelta(days=i), 40_000 + i, key="total_time_ms",
                        game="pinch", mode="checkup" if i % 7 == 0 else "training")
                for i in range(21)]
    board = trends.series(sessions, metrics_of("pinch")[2])
    assert board.training == [] and len(board.checkups) == 3
    assert board.checkups[0].value == pytest.approx(40.0)   # seconds


def test_game_trends_choose_hand_and_way_of_playing():
    sessions = [session(START, 700, hand="left"), session(START, 900, hand="right"),
                session(START, 1200, hand="left", variant="one-finger")]
    left = trends.game_trends(sessions, "tap", "left", "")[1]
    assert [p.value for p in left.training] == [700]
    assert trends.hands_played(sessions, "tap") == ["left", "right"]
    assert trends.variants_played(sessions, "tap") == ["", "one-finger"]


def test_weekly_table_means_rounds_and_minutes():
    sessions = [session(START, 0.8, key="hit_rate", minutes=3),
                session(START + timedelta(days=2), 0.6, key="hit_rate", minutes=1),
                session(START + timedelta(days=3), 0.9, key="hit_rate", mode="checkup"),
                session(START + timedelta(days=8), 1.0, key="hit_rate")]
    first, second = trends.weekly_table(sessions, "tap")
    assert first.week == START and first.rounds == 3 and first.minutes == pytest.approx(6)
    assert first.values["hit_rate"] == pytest.approx(70.0)
    assert first.checkups["hit_rate"] == pytest.approx(90.0)
    assert second.values["hit_rate"] == pytest.approx(100.0) and \
        second.checkups["hit_rate"] is None


def test_unlocks_read_from_events():
    events = [{"kind": "unlock", "at": "2026-03-02T10:00:00+01:00", "game": "tap",
               "hand": "left", "level": "far", "level_name": "Far apart"},
              {"kind": "unlock", "at": "garbage", "game": "tap", "level": "quick"},
              {"kind": "other", "at": "2026-03-02T10:00:00+01:00", "game": "tap"}]
    (only,) = trends.unlocks(events, "tap")
    assert only == trends.Unlocked(date(2026, 3, 2), "tap", "left", "far", "Far apart")
    assert trends.unlocks(events, "trace") == []


def test_values_are_formatted_with_their_units():
    assert HITS.format(83.4) == "83 %"
    assert Metric("x", "", "s").format(1.234) == "1.2 s"
    assert REACTION.format(None) == "–" and REACTION.format(math.nan) == "–"
