"""Days practised, today's plan, and praise: pure rules, checked on plain data."""

from datetime import date, timedelta

import pytest

from deftly import days, praise
from deftly.plan import make_plan, progress
from engine.levels.schema import Dose
from games.registry import spec

TAP, PINCH = spec("tap"), spec("pinch")

TODAY = date(2026, 11, 21)


def session(day, minutes=2.0, *, game="tap", hand="left", mode="training", status="complete",
            summary=None):
    return {"started_at": f"{day.isoformat()}T10:00:00+01:00", "duration_ms": minutes * 60000,
            "game": game, "hand": hand, "mode": mode, "status": status,
            "summary": summary or {}}


def test_minutes_and_streaks_come_from_the_labels_and_the_monotonic_durations():
    sessions = [session(TODAY - timedelta(days=d)) for d in (0, 1, 2, 4, 5)]
    sessions.append(session(TODAY, minutes=3.0))
    minutes = days.minutes_by_day(sessions)
    assert minutes[TODAY] == 5.0
    assert days.streak(minutes, TODAY) == 3
    assert days.streak(minutes, TODAY + timedelta(days=1)) == 3   # not yet played today
    assert days.streak(minutes, TODAY + timedelta(days=2)) == 0
    assert days.best_streak(minutes) == 3


def test_a_clock_set_wrongly_mislabels_a_day_but_totals_stay_right():
    sessions = [session(TODAY), {"started_at": "garbage", "duration_ms": 60000},
                session(date(1970, 1, 1))]
    minutes = days.minutes_by_day(sessions)
    assert sum(minutes.values()) == 4.0 and days.streak(minutes, TODAY) == 1


def test_the_calendar_ends_with_the_week_of_today():
    rows = days.calendar({TODAY: 3.0}, TODAY, weeks=5)
    assert len(rows) == 5 and all(len(r) == 7 for r in rows)
    flat = [d for r in rows for d in r]
    (today,) = [d for d in flat if d.is_today]
    assert today.day == TODAY and today.minutes == 3.0
    assert rows[0][0].day.weekday() == 0 and all(d.in_future for d in flat if d.day > TODAY)


def test_the_plan_is_the_doses_affected_hand_first_and_counts_todays_sets():
    plan = make_plan({"tap": Dose(3, 10), "trace": Dose(2, 6)}, "left",
                     {"tap": 0.4, "trace": 1.2})
    assert [(i.game, i.hand, i.rounds, i.reps) for i in plan.items] == [
        ("tap", "left", 3, 10), ("trace", "left", 2, 6),      # the dose, then a third of it
        ("tap", "right", 1, 10), ("trace", "right", 1, 6)]
    assert plan.minutes == pytest.approx(4 * 0.4 + 3 * 1.2)
    done = progress(plan, [session(TODAY, hand="left"), session(TODAY, hand="left",
                                                                mode="checkup")])
    assert done.done == {("tap", "left"): 1}
    assert 0 < done.fraction < 1 and done.next_item().game == "tap"
    everything = [session(TODAY, game=i.game, hand=i.hand) for i in plan.items
                  for _ in range(i.rounds)]
    assert progress(plan, everything).complete and progress(plan, everything).next_item() is None


def test_both_hands_affected_means_one_hand_entry_per_game():
    plan = make_plan({"tap": Dose(3, 10)}, "both")
    assert [item.hand for item in plan.items] == ["both"]


def test_stars_always_reward_effort():
    assert praise.stars({"success_rate": 0.1}) == 1
    assert praise.stars({"success_rate": 0.6}) == 2
    assert praise.stars({"success_rate": 0.8}) == 3
    assert praise.stars({}) == 1
    assert praise.stars({"trials": 0, "success_rate": float("nan")}) == 0   # nothing done


def test_praise_names_real_improvements_and_never_shames():
    before = [{"hit_rate": 0.7, "trials": 20, "reaction_ms_median": 900}]
    better = {"hit_rate": 0.85, "trials": 20, "reaction_ms_median": 700}
    worse = {"hit_rate": 0.4, "trials": 20, "reaction_ms_median": 1500}
    good = praise.messages(TAP, better, before)
    assert "3 more targets" in good[0] and "by 0.2 s" in good[1]
    bad = praise.messages(TAP, worse, before)
    assert bad == ["Good steady work. Every round helps your hand."]
    assert praise.messages(TAP, better, []) == ["Your first round. Well done for starting!"]


def test_praise_compares_with_the_best_and_the_recent_median():
    before = [{"throughput_bits_per_s": 3.0, "endpoint_spread_mm": 4.0},
              {"throughput_bits_per_s": 4.0, "endpoint_spread_mm": 6.0},
              {"throughput_bits_per_s": 3.5, "endpoint_spread_mm": 5.0}]
    assert praise.messages(TAP, {"throughput_bits_per_s": 4.1}, before) == [
        "Good steady work. Every round helps your hand."]       # within 5 % of the best
    assert praise.messages(TAP, {"throughput_bits_per_s": 4.3, "endpoint_spread_mm": 4.5},
                           before) == ["Your touches were steadier than before.",
                                       "Your best speed and accuracy yet."]


def test_a_game_without_praise_metrics_says_something_kind():
    assert praise.messages(PINCH, {"success_rate": 1.0}, [{"success_rate": 0.1}]) == [
        "Good steady work. Every round helps your hand."]


def test_a_falling_day_suggests_a_rest():
    rates = [{"success_rate": r} for r in (0.85, 0.75, 0.55)]
    assert praise.dropping(rates)
    assert not praise.dropping([{"success_rate": r} for r in (0.8, 0.82, 0.79)])


def test_a_count_is_compared_only_with_a_round_as_long():
    before = [{"hit_rate": 0.8, "trials": 10, "reaction_ms_median": 900}]
    longer = {"hit_rate": 0.75, "trials": 12, "reaction_ms_median": 900}   # 9 hits of 12
    assert not any("more target" in m for m in praise.messages(TAP, longer, before))
    alike = {"hit_rate": 0.9, "trials": 10, "reaction_ms_median": 900}
    assert "1 more target" in praise.messages(TAP, alike, before)[0]
