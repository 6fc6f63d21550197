"""The minimal detectable change (MDC95) from the check-ups, on check-ups whose true
noise is known: with a steady improvement too, which must not count as noise."""

import itertools
import math
import random

import pytest

from deftly.detectable import MIN_CHECKUPS, checkup_change, mdc95, sem


def _checkups(noise_sd, n, seed, per_checkup=0.0, start=600.0):
    rng = random.Random(seed)
    return [start + per_checkup * i + rng.gauss(0.0, noise_sd) for i in range(n)]


@pytest.mark.parametrize("trend", [0.0, -8.0, 15.0])
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_the_sem_recovers_the_true_noise_with_or_without_a_steady_trend(trend, seed):
    true_sd = 40.0
    found = sem(_checkups(true_sd, 600, seed, per_checkup=trend))
    assert found == pytest.approx(true_sd, rel=0.1)
    assert mdc95(_checkups(true_sd, 600, seed, per_checkup=trend)) == \
        pytest.approx(1.96 * math.sqrt(2) * true_sd, rel=0.1)


def test_a_trend_does_not_widen_the_mdc_where_a_mean_square_would():
    plain = _checkups(20.0, 200, 7)
    improving = [v - 40.0 * i for i, v in enumerate(plain)]     # 40 ms better each week
    assert mdc95(improving) == pytest.approx(mdc95(plain), rel=1e-9)
    diffs = [b - a for a, b in itertools.pairwise(improving)]
    mean_square = math.sqrt(sum(d * d for d in diffs) / (2 * len(diffs)))
    assert mean_square > 1.5 * sem(improving)     # what the successive-difference SD avoids


def test_exact_values():
    assert sem([0.0, 1.0, 0.0, 1.0, 0.0]) == pytest.approx(math.sqrt(4 / 3) / math.sqrt(2))
    assert mdc95([10.0, 20.0, 30.0, 40.0, 50.0]) == 0.0     # no noise at all
    change = checkup_change([10.0, 20.0, 30.0, 40.0, 50.0])
    assert change.change == 40.0 and change.beyond and change.better


def test_fewer_than_five_checkups_give_no_mdc():
    values = _checkups(10.0, MIN_CHECKUPS - 1, 0)
    assert sem(values) is None and mdc95(values) is None
    change = checkup_change(values)
    assert change.beyond is None and change.count == MIN_CHECKUPS - 1
    assert checkup_change([500.0]) is None


def test_a_change_within_the_noise_is_not_beyond_it():
    values = [500.0, 540.0, 480.0, 530.0, 505.0]
    change = checkup_change(values, higher_is_better=False)
    assert change.mdc > abs(change.change) and change.beyond is False
    assert not change.better      # 505 ms is slower than 500 ms


def test_the_trends_headline_gives_the_mdc_beside_the_last_checkup_from_five_on():
    from datetime import date, timedelta

    from deftly import trends
    from deftly.scenes.therapist.trends_tab import headline

    metric = next(m for m in trends.metrics_of("tap") if m.key == "reaction_ms_median")
    values = [600.0, 640.0, 580.0, 620.0, 590.0]
    points = [trends.Point(date(2026, 10, 5) + timedelta(weeks=k), v)
              for k, v in enumerate(values)]
    expected = f"check-up 590 ms (MDC95 {mdc95(values):.0f} ms)"
    assert expected in headline(trends.Series(metric, checkups=points))
    four = headline(trends.Series(metric, checkups=points[:4]))
    assert "check-up 620 ms" in four and "MDC95" not in four
    assert "MDC95" not in headline(trends.Series(metric, checkups=points),
                                   left_out={points[0].day})    # a day of high pain
