"""A drawing in strokes: length and speed on the surface, the time in the air apart."""

import numpy as np
import pytest

from engine.scoring.path import runs, surface
from engine.scoring.trace import score_trace


def two_strokes():
    """(0,0)->(10,0) in 1 s, 2 s in the air, then (20,0)->(30,0) in 1 s, at 100 Hz."""
    t1 = np.arange(101) * 10.0
    first = np.column_stack([t1 / 100.0, np.zeros(101)])
    second = first + np.array([20.0, 0.0])
    t = np.r_[t1, t1 + 3000.0]
    return t, np.vstack([first, second]), np.r_[np.zeros(101), np.ones(101)]


def test_speed_is_on_the_surface_and_the_jump_is_not_drawn():
    t, xy, which = two_strokes()
    score = score_trace(t, xy, stroke_of=which)
    assert score.strokes == 2
    assert score.length_mm == pytest.approx(20.0, abs=1e-12)
    assert score.on_surface_ms == pytest.approx(2000.0)
    assert score.in_air_ms == pytest.approx(2000.0)
    assert score.mean_speed_mm_per_s == pytest.approx(10.0, abs=1e-12)
    assert score.duration_ms == pytest.approx(4000.0)
    old = score_trace(t, xy)   # without strokes: the jump drawn, the gap timed
    assert old.mean_speed_mm_per_s == pytest.approx(30.0 / 4.0)
    assert "strokes" not in old.to_dict() and score.to_dict()["in_air_ms"] == 2000.0


def test_one_stroke_scores_as_before():
    t, xy, _ = two_strokes()
    t, xy = t[:101], xy[:101] + np.c_[np.zeros(101), np.sin(np.arange(101) / 7.0)]
    plain, stroked = score_trace(t, xy), score_trace(t, xy, stroke_of=np.zeros(101))
    assert stroked.length_mm == plain.length_mm
    assert stroked.mean_speed_mm_per_s == pytest.approx(plain.mean_speed_mm_per_s, rel=1e-15)
    assert stroked.sparc == plain.sparc and stroked.in_air_ms == 0.0


def test_runs_and_surface_of_odd_strokes():
    assert runs([]) == [] and runs([3, 3, 1, 1, 1, 3]) == [slice(0, 2), slice(2, 5),
                                                          slice(5, 6)]
    one = surface(np.zeros((1, 2)), np.array([5.0]), [slice(0, 1)])
    assert one.strokes == 1 and one.length_mm == 0.0 and one.on_surface_ms == 0.0
    assert np.isnan(one.speed_mm_per_s)
