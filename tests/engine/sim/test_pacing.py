"""Levels open at a fair pace: every improving simulated hand opens each game's second
level within four weeks of regular play (the game's daily dose, every day), no game more
than twice as fast as another for the same hand, and no hand is ever moved down."""

import pytest

from engine.sim.hand import PRESETS, RECOVERY_PER_DAY, recovered_after
from engine.sim.pacing import pace
from games.registry import all_specs

pytestmark = pytest.mark.slow

IMPROVING = ("mild", "moderate", "severe")
FOUR_WEEKS = 28


@pytest.fixture(scope="module")
def second_levels():
    """{preset: {game: Pace}}, each run until its second level opens (at most 90 days)."""
    return {name: {game.id: pace(game, PRESETS[name], until_level=2) for game in all_specs()}
            for name in IMPROVING}


@pytest.mark.parametrize("name", IMPROVING)
def test_every_improving_hand_opens_every_games_second_level_within_four_weeks(
        second_levels, name):
    days = {game: p.day_of(2) for game, p in second_levels[name].items()}
    assert all(day is not None and day <= FOUR_WEEKS for day in days.values()), days
    assert not any(p.demoted for p in second_levels[name].values())


@pytest.mark.parametrize("name", IMPROVING)
def test_the_games_pace_alike(second_levels, name):
    days = [p.day_of(2) for p in second_levels[name].values()]
    assert max(days) <= 2 * min(days), days


def test_a_weaker_hand_never_opens_a_level_sooner_on_the_whole(second_levels):
    mean = {name: sum(p.day_of(2) for p in paces.values()) / len(paces)
            for name, paces in second_levels.items()}
    assert mean["mild"] <= mean["moderate"] < mean["severe"], mean


@pytest.mark.parametrize("game", all_specs(), ids=lambda g: g.id)
def test_a_hand_that_does_not_improve_stays_and_is_never_demoted(game):
    steady = pace(game, PRESETS["severe"], days=28, rate=0.0, until_level=99)
    recovering = pace(game, PRESETS["severe"], days=28, until_level=99)
    assert not steady.demoted and not recovering.demoted
    assert len(steady.opened) <= len(recovering.opened)


def test_recovery_is_a_rate_per_day_of_practice_whatever_the_runs_length():
    assert recovered_after(0) == 0 and recovered_after(1) == pytest.approx(RECOVERY_PER_DAY)
    assert recovered_after(60) == pytest.approx(1 - (1 - RECOVERY_PER_DAY) ** 60)
    tap = all_specs()[0]
    short, long = (pace(tap, PRESETS["moderate"], days=d, until_level=2) for d in (30, 90))
    assert short.day_of(2) == long.day_of(2) is not None
