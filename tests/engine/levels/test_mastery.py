"""The unlock rule on scripted histories: mastery in the parameter's own unit, shown on
enough days; the next level starts where the player's ability predicts."""

import math

import pytest

from engine.levels.progression import (
    EASE_STEPS,
    RoundOutcome,
    days_at,
    earns_unlock,
    predicted_start,
)
from engine.levels.schema import HISTORY_DAYS, parse_levels
from engine.progress import MemoryBackend, PlayerProgress
from games.registry import all_specs, spec
from tests.engine.levels.test_level_files import GOOD, SPECS

TAP = spec("tap")
BIG, FAR = TAP.levels.levels[0], TAP.levels.levels[1]   # targets: smaller is harder


def day(n, value, success=0.8, level=BIG):
    return RoundOutcome(level.id, success, 0.5, value, f"2026-03-{n:02d}")


PRACTICE = BIG.unlock.practice_days


def practised(value, days=PRACTICE - 4):
    """Days of practice at `value` before the days a test is about (numbered from 10)."""
    return [RoundOutcome(BIG.id, 0.8, 0.5, value, f"2026-02-{n:02d}") for n in range(1, days + 1)]


def test_every_level_states_its_mastery_in_its_unit_with_a_reason():
    for game in all_specs():
        lines = game.levels.path.read_text("utf-8").splitlines()
        unlocks = [k for k, line in enumerate(lines) if line.startswith("unlock =")]
        assert len(unlocks) == len(game.levels.levels), game.id
        for k in unlocks:
            assert lines[k - 1].startswith("# Mastery: ") and len(lines[k - 1]) > 30
        for level in game.levels.levels:
            assert level.unlock.mastery is not None, (game.id, level.id)
            low, high = sorted((level.adapt.easy, level.adapt.hard))
            assert low < level.unlock.mastery < high


def test_mastery_on_three_of_four_days_opens_the_next_level():
    mastered = BIG.unlock.mastery
    assert (BIG.unlock.days, BIG.unlock.of_days, PRACTICE) == (3, 4, 10)
    before = practised(mastered * 1.5)
    better = [day(2, mastered * 0.9), day(3, mastered * 0.95), day(4, mastered)]
    assert not earns_unlock(BIG, before + better)               # nine days of practice
    assert earns_unlock(BIG, [*before, day(1, mastered * 2), *better])
    assert not earns_unlock(BIG, [*before, day(1, mastered * 2), *better[:2]])  # two days
    assert earns_unlock(BIG, [*before, day(1, mastered * 0.9), day(2, mastered * 1.3),
                              day(3, mastered * 0.95), day(4, mastered)])   # 3 of the last 4
    assert not earns_unlock(BIG, [*before, day(1, mastered * 0.9), day(2, mastered * 1.3),
                                  day(3, mastered * 1.3), day(4, mastered)])
    assert not earns_unlock(BIG, better * 4)       # twelve rounds, but on three days only


def test_not_mastered_when_easier_than_mastery_or_when_the_rounds_fell_apart():
    mastered = BIG.unlock.mastery
    assert not earns_unlock(BIG, [day(n, mastered * 1.05) for n in range(1, 9)])
    assert not earns_unlock(BIG, [day(n, mastered * 0.8, success=0.5) for n in range(1, 9)])


def test_mastery_reached_then_lost_does_not_open_it_and_once_opened_it_stays_open():
    mastered = BIG.unlock.mastery
    lost = [*practised(mastered * 0.9, PRACTICE), day(1, mastered * 0.9),
            day(2, mastered * 0.9), day(3, mastered * 1.4), day(4, mastered * 1.4)]
    assert not earns_unlock(BIG, lost)           # the last four days show it only twice
    backend = MemoryBackend()
    progress = PlayerProgress(backend, "p", "tap", "right", TAP.levels)
    for n in range(1, PRACTICE + 1):
        assert progress.current().id == BIG.id
        progress.finish_round(BIG, _played_at(progress, mastered * 0.9), 0.85,
                              f"2026-03-{n:02d}")
    assert progress.current().id == FAR.id
    for n in range(20, 28):                      # a bad week on the new level
        progress.finish_round(FAR, _played_at(progress, FAR.adapt.easy), 0.3, f"2026-03-{n}")
    assert [s.open for s in progress.states()][:2] == [True, True]
    assert progress.current().id == FAR.id       # never moved down without being asked


def _played_at(progress, value):
    """A round's difficulty whose trials were all played at `value`."""
    difficulty = progress.difficulty(progress.current())
    difficulty.staircase.value = value
    difficulty.staircase.trace = [value] * 10
    return difficulty


def test_a_days_rounds_count_together_on_the_parameters_scale():
    rounds = [RoundOutcome(BIG.id, 1.0, 0.5, 10.0, "d1"), RoundOutcome(BIG.id, 0.6, 0.5, 40.0,
                                                                        "d1")]
    (only,) = days_at(BIG, rounds)
    assert only.value == pytest.approx(20.0) and only.success == pytest.approx(0.8)


def test_the_history_keeps_whole_days_however_many_rounds_a_day_has():
    progress = PlayerProgress(MemoryBackend(), "p", "tap", "right", TAP.levels)
    for n in range(1, 31):
        for _ in range(30 if n == 30 else 1):    # a last day of thirty rounds
            progress.finish_round(BIG, _played_at(progress, 40.0), 0.8, f"2026-04-{n:02d}")
    kept = {o.day for o in progress.history()}
    assert len(kept) == HISTORY_DAYS and max(kept) == "2026-04-30"


def test_older_records_without_value_or_day_still_read():
    old = RoundOutcome.from_dict({"level": BIG.id, "success": 0.9, "position": 1.0})
    assert old.value is None and old.day is None
    assert [d.value for d in days_at(BIG, [old, old])] == pytest.approx([BIG.adapt.hard] * 2)
    assert RoundOutcome.from_dict(day(1, 12.0).to_dict()) == day(1, 12.0)


def test_older_level_files_with_at_and_rounds_still_parse():
    levels = parse_levels(__import__("tomllib").loads(GOOD), SPECS, None)
    rule = levels.levels[0].unlock
    assert (rule.days, rule.of_days, rule.success, rule.practice_days) == (2, 4, 0.75, 1)
    adapt = levels.levels[0].adapt
    assert rule.mastery_value(adapt) == pytest.approx(math.sqrt(adapt.easy * adapt.hard))


def test_the_next_level_starts_from_the_ability_shown_not_from_its_easy_end():
    reached = 9.0
    start = predicted_start(BIG, FAR, reached)
    assert start == pytest.approx(reached * FAR.adapt.step ** EASE_STEPS)
    assert start < FAR.adapt.easy
    order = TAP.levels.get("order")                # another parameter: the level's start
    assert predicted_start(TAP.levels.get("quick"), order, reached) == order.adapt.first
    assert predicted_start(BIG, FAR, None) == FAR.adapt.first
    assert predicted_start(BIG, FAR, 1.0) == FAR.adapt.hard            # held in bounds
    progress = PlayerProgress(MemoryBackend(), "p", "tap", "right", TAP.levels)
    progress.backend.put_state("staircase", "p|tap|right|big", {"value": reached})
    assert progress.difficulty(FAR).adapted == pytest.approx(start)
