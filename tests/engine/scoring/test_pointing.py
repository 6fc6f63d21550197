"""Pointing metrics on constructed cases."""

import math

import numpy as np
import pytest

from engine.scoring.pointing import (
    endpoint_error,
    hit_rate,
    mean_throughput,
    pointing_summary,
    selection_offsets,
    sequence_throughput,
)


def test_offsets_are_positive_past_the_target_and_negative_short_of_it():
    start, target = [[0, 0], [0, 0]], [[100, 0], [100, 0]]
    dx = selection_offsets(start, target, [[103, 4], [96, -2]])
    assert dx == pytest.approx([3, -4])


def test_throughput_of_a_known_sequence():
    rng = np.random.default_rng(0)
    dx = rng.normal(0, 5, 30)
    start = np.tile([0.0, 0.0], (30, 1))
    target = np.tile([200.0, 0.0], (30, 1))
    select = np.column_stack([200 + dx, rng.normal(0, 3, 30)])
    mt = np.full(30, 500.0)
    tp = sequence_throughput(start, target, select, mt, serial=False)
    we = 4.133 * np.std(dx, ddof=1)
    ide = math.log2((200 + dx.mean()) / we + 1)
    assert tp.we_mm == pytest.approx(we) and tp.ide_bits == pytest.approx(ide)
    assert tp.throughput_bits_per_s == pytest.approx(ide / 0.5)


def test_sequences_are_averaged_not_pooled():
    a = sequence_throughput([[0, 0]] * 3, [[100, 0]] * 3, [[98, 0], [100, 0], [102, 0]],
                            [400, 400, 400], serial=False)
    b = sequence_throughput([[0, 0]] * 3, [[50, 0]] * 3, [[45, 0], [50, 0], [55, 0]],
                            [200, 200, 200], serial=False)
    assert mean_throughput([a, b]) == pytest.approx(
        (a.throughput_bits_per_s + b.throughput_bits_per_s) / 2)


def test_all_selections_on_one_point_give_nan_not_infinity():
    tp = sequence_throughput([[0, 0]] * 4, [[10, 0]] * 4, [[10, 0]] * 4, [100] * 4)
    assert math.isnan(tp.throughput_bits_per_s) and math.isnan(tp.ide_bits)


def test_endpoint_error_and_spread():
    result = endpoint_error([[1, 0], [-1, 0], [0, 2], [0, -2]], [[0, 0]] * 4)
    assert result.error_mean_mm == pytest.approx(1.5)
    assert result.spread_mm == pytest.approx(math.sqrt(2 / 3 + 8 / 3))
    assert result.bias_x_mm == 0 and result.bias_y_mm == 0


def test_summary_uses_robust_reaction_times():
    summary = pointing_summary([1, 1, 0, 1], [300, 310, 320, 5000], [100, 100, 100, 100],
                               [[0, 0]] * 4, [[0, 0]] * 4)
    assert summary.hit_rate == 0.75
    assert summary.reaction_ms.median == 315 and summary.reaction_ms.mean > 1000
    assert hit_rate([]) != hit_rate([])  # NaN for no trials
