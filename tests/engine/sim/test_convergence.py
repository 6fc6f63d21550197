"""Evidence that adaptation works: simulated patients settle at 80 % success within 40
trials, and more able hands end at harder settings. Run for every game."""

import statistics
from functools import cache

import pytest

from engine.sim.hand import PRESETS
from engine.sim.session import converge
from games.registry import all_specs

pytestmark = pytest.mark.slow

SEEDS = range(5)
ORDER = ["healthy", "mild", "moderate", "severe"]


def first_level(game):
    return game.levels.levels[0]


@cache
def run(game_id, preset, seed):
    game = next(g for g in all_specs() if g.id == game_id)
    return converge(game, first_level(game).id, PRESETS[preset], 40, seed)


@pytest.mark.parametrize("game", all_specs(), ids=lambda g: g.id)
def test_every_preset_settles_near_80_percent_within_40_trials(game):
    for name in ORDER:
        rates = [run(game.id, name, seed).running_rate() for seed in SEEDS]
        inside = sum(abs(r - 0.8) <= 0.05 for r in rates)
        assert abs(statistics.median(rates) - 0.8) <= 0.05, (name, rates)
        assert inside >= 4, (name, rates)


@pytest.mark.parametrize("game", all_specs(), ids=lambda g: g.id)
def test_a_more_able_hand_ends_at_a_harder_setting(game):
    level = first_level(game)
    finals = {}
    for name in ORDER:
        finals[name] = statistics.median(run(game.id, name, seed).values[-1]
                                         for seed in SEEDS)
    harder_when_smaller = level.adapt.hard < level.adapt.easy
    ordered = [finals[n] for n in ORDER]
    if harder_when_smaller:
        assert ordered == sorted(ordered), finals
    else:
        assert ordered == sorted(ordered, reverse=True), finals
