"""Player progress through levels, kept per player, game and hand."""

from engine.levels.difficulty import Adaptive, Fixed
from engine.progress import MemoryBackend, PlayerProgress
from games.registry import spec

TAP = spec("tap")


def test_a_new_player_starts_at_the_first_level_at_its_start_value():
    progress = PlayerProgress(MemoryBackend(), "p", "tap", "right", TAP.levels)
    level = progress.current()
    assert level.id == TAP.levels.levels[0].id
    difficulty = progress.difficulty(level)
    assert isinstance(difficulty, Adaptive) and difficulty.adapted == level.adapt.first


def test_good_rounds_unlock_the_next_level_with_an_event_and_hands_are_separate():
    backend = MemoryBackend()
    progress = PlayerProgress(backend, "p", "tap", "right", TAP.levels)
    first = progress.current()
    verdicts = []
    for day in range(1, first.unlock.practice_days + 1):   # mastery shown on enough days
        difficulty = progress.difficulty(first)
        for _ in range(60):
            difficulty.update(True)
        verdicts.append(progress.finish_round(first, difficulty, 0.9, f"2026-01-{day:02d}"))
    assert all(v.unlocked is None for v in verdicts[:-1])
    assert verdicts[-1].unlocked.id == TAP.levels.levels[1].id
    assert progress.current().id == TAP.levels.levels[1].id
    assert backend.events[-1]["kind"] == "unlock"
    left = PlayerProgress(backend, "p", "tap", "left", TAP.levels)
    assert left.current().id == first.id


def test_the_staircase_carries_over_between_rounds():
    progress = PlayerProgress(MemoryBackend(), "p", "tap", "right", TAP.levels)
    level = progress.current()
    difficulty = progress.difficulty(level)
    for outcome in (True, True, True, False, True):
        difficulty.update(outcome)
    progress.finish_round(level, difficulty, 0.8)
    assert progress.difficulty(level).adapted == difficulty.adapted


def test_checkups_never_adapt_and_change_no_progress():
    backend = MemoryBackend()
    progress = PlayerProgress(backend, "p", "tap", "right", TAP.levels)
    checkup = TAP.levels.checkup
    difficulty = Fixed(checkup)
    before = difficulty.params()
    difficulty.update(False)
    assert difficulty.params() == before
    progress.finish_round(checkup, difficulty, 0.1)
    assert backend.state == {}
