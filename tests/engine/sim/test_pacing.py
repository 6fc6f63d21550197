"""Levels open at a fair pace: every improving simulated hand opens each game's second
level within four weeks of regular play (the game's daily dose, every day), no game more
than twice as fast as another for the same hand, and no hand is ever moved down."""

import statistics

import pytest

from engine.sim.hand import PRESETS, RECOVERY_PER_DAY, recovered_after
from engine.sim.pacing import pace
from games.registry import all_specs

pytestmark = pytest.mark.slow

IMPROVING = ("mild", "moderate", "severe")
SEEDS = (0, 1, 2)
FOUR_WEEKS = 28


@pytest.fixture(scope="module")
def second_levels():
    """{preset: {game: the median day its second level opens, over SEEDS}} (at most 90)."""
    return {name: {game.id: statistics.median(
        pace(game, PRESETS[name], seed=seed, until_level=2).day_of(2) or 99 for seed in SEEDS)
        for game in all_specs()} for name in IMPROVING}


@pytest.mark.parametrize("name", IMPROVING)
def test_every_improving_hand_opens_every_games_second_level_in_two_to_four_weeks(
        second_levels, name):
    days = second_levels[name]
    practice = min(g.levels.levels[0].unlock.practice_days for g in all_specs())
    assert all(practice <= day <= FOUR_WEEKS for day in days.values()), days


@pytest.mark.parametrize("name", IMPROVING)
def test_the_games_pace_alike(second_levels, name):
    days = list(second_levels[name].values())
    assert max(days) <= 2 * min(days), second_levels[name]


def test_a_weaker_hand_never_opens_a_level_sooner_on_the_whole(second_levels):
    mean = {name: sum(days.values()) / len(days) for name, days in second_levels.items()}
    assert mean["mild"] <= mean["moderate"] < mean["severe"], mean


@pytest.mark.parametrize("game", all_specs(), ids=lambda g: g.id)
def test_a_hand_that_does_not_improve_stays_where_it_is_and_is_never_demoted(game):
    steady = pace(game, PRESETS["severe"], days=28, rate=0.0, until_level=99)
    assert not steady.demoted and not steady.opened


def test_recovery_is_a_rate_per_day_of_practice_whatever_the_runs_length(monkeypatch,
                                                                         tmp_path):
    """The simulated days recover the hand by the day's count, not by the run's length."""
    from datetime import datetime

    from deftly import simulate
    from engine.clock import SetWallClock
    from engine.store.store import Store

    seen: dict[int, list[float]] = {}
    plain = simulate.SimPatient

    def noting(hand, seed=0):
        seen.setdefault(run, []).append(hand.recovered)
        return plain(hand, seed)

    monkeypatch.setattr(simulate, "SimPatient", noting)
    monkeypatch.setattr(simulate, "_play_day", lambda *a, **k: 0)
    for run, days in enumerate((10, 40)):
        with Store.open(tmp_path / str(run), clock=SetWallClock(
                datetime.fromisoformat("2026-05-01T10:00:00+00:00"))) as store:
            profile = store.add_profile("Ann")
            list(simulate.fill_days(store, profile.id, "moderate", days, seed=3))
    short, long = seen[0], seen[1]
    assert short == long[:len(short)]                    # the same days, the same hand
    assert short == pytest.approx([recovered_after(k) for k in range(len(short))])
    assert recovered_after(1) == pytest.approx(RECOVERY_PER_DAY)
