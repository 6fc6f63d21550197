"""The weighted up-down staircase and progression rules."""

import random

import pytest

from engine.levels.progression import (
    RoundOutcome,
    earns_unlock,
    level_states,
    struggling,
)
from engine.levels.schema import Adapt, Level, LevelSet, Unlock
from engine.levels.staircase import FAST_START_FACTOR, Staircase

LINEAR = Adapt("width_mm", easy=30.0, hard=10.0, step=1.0)
LOG = Adapt("width_mm", easy=40.0, hard=4.0, step=1.2, scale="log")


def test_one_step_harder_after_success_and_p_over_1_minus_p_easier_after_failure():
    stair = Staircase(LINEAR, 0.8, value=20.0, reversed_once=True)
    assert stair.update(True) == 19.0          # harder: smaller width
    assert stair.update(False) == 23.0         # easier by 0.8/0.2 = 4 steps
    assert Staircase(LINEAR, 0.75).down_ratio == pytest.approx(3.0)


def test_fast_start_until_the_first_failure_and_log_steps():
    stair = Staircase(LOG, 0.8)
    assert stair.update(True) == pytest.approx(40 / 1.2 ** FAST_START_FACTOR)
    stair.update(False)
    before = stair.value
    assert stair.update(True) == pytest.approx(before / 1.2)


def test_the_value_stays_within_the_bounds():
    stair = Staircase(LINEAR, 0.8)
    for _ in range(50):
        stair.update(True)
    assert stair.value == 10.0 and stair.position == 1.0
    for _ in range(50):
        stair.update(False)
    assert stair.value == 30.0 and stair.position == 0.0


@pytest.mark.parametrize("target", [0.7, 0.8, 0.9])
def test_it_settles_at_the_target_success_rate(target):
    # a simulated observer: success probability rises smoothly as the width grows
    rng = random.Random(1)
    stair = Staircase(Adapt("width_mm", easy=60.0, hard=3.0, step=1.05, scale="log"), target)
    for _ in range(3000):
        p = 1 / (1 + (12.0 / stair.value) ** 4)
        stair.update(rng.random() < p)
    assert stair.running_rate(2000) == pytest.approx(target, abs=0.02)


def test_state_round_trips_so_tomorrow_starts_where_today_ended():
    stair = Staircase(LOG, 0.8)
    for outcome in (True, True, False, True):
        stair.update(outcome)
    again = Staircase.resume(LOG, 0.8, stair.state())
    assert (again.value, again.reversed_once, again.trials) == (stair.value, True, 4)


RULE = Unlock(0.8, 1.0, 2, 3)


def level(i, adapt=LINEAR, unlock=RULE):
    return Level("g", f"L{i}", f"Level {i}", "", {}, adapt, unlock)


def test_unlock_needs_enough_good_rounds_at_the_hard_end():
    lv = level(1)
    good, short, weak = (RoundOutcome("L1", 0.85, 1.0), RoundOutcome("L1", 0.85, 0.5),
                         RoundOutcome("L1", 0.6, 1.0))
    assert not earns_unlock(lv, [good])
    assert earns_unlock(lv, [good, weak, good])
    assert not earns_unlock(lv, [good, short, weak])
    assert not earns_unlock(lv, [good, good, weak, weak, short])  # only the last 3 count


def test_struggling_means_three_poor_rounds_at_the_easy_end():
    lv = level(2)
    poor = RoundOutcome("L2", 0.4, 0.0)
    assert struggling(lv, [poor, poor, poor])
    assert not struggling(lv, [poor, poor])
    assert not struggling(lv, [poor, poor, RoundOutcome("L2", 0.4, 0.5)])


def test_overrides_lock_unlock_and_cap():
    levels = LevelSet("g", tuple(level(i) for i in range(4)), level(9))
    states = level_states(levels, {"L1"}, {})
    assert [s.open for s in states] == [True, True, False, False]
    states = level_states(levels, {"L1"}, {"level:L3": "unlocked", "level:L1": "locked"})
    assert [s.open for s in states] == [True, False, False, True]
    assert states[1].reason == "locked by your therapist"
    states = level_states(levels, {"L1", "L2", "L3"}, {"cap": "L1"})
    assert [s.open for s in states] == [True, True, False, False]
    assert states[3].reason == "capped by your therapist"
