"""Scoring work follows the samples, not the clock; odd numbers never reach storage."""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from engine.game import RoundSetup
from engine.progress import PlayerProgress
from engine.rounds import RoundController
from engine.scoring import path as path_module
from engine.scoring.smoothness import path_sparc, sparc
from engine.scoring.trace import score_strokes
from engine.scoring.tremor import tremor
from engine.sim.hand import PRESETS, SimPatient
from engine.sim.runner import play_round
from engine.store.store import Store
from engine.touch import Phase, Touch
from games.registry import all_specs


def stroke(n=200, start_ms=0.0, step_ms=8.0, x0=0.0):
    t = start_ms + np.arange(n) * step_ms
    x = x0 + np.linspace(0, 60, n) + np.sin(t / 40.0)
    y = 10 * np.sin(t / 300.0)
    return t, np.column_stack([x, y])


@pytest.fixture
def fft_sizes(monkeypatch):
    """The length of every FFT the scoring asks for."""
    sizes = []
    real = np.fft.rfft

    def recording(a, n=None, *args, **kwargs):
        sizes.append(n if n is not None else np.asarray(a).shape[-1])
        return real(a, n, *args, **kwargs)

    monkeypatch.setattr(np.fft, "rfft", recording)
    return sizes


def test_a_day_long_pause_inside_a_stroke_is_scored_in_pieces(fft_sizes):
    t1, xy1 = stroke()
    t2, xy2 = stroke(start_ms=1e8, x0=60.0)
    t, xy = np.r_[t1, t2], np.r_[xy1, xy2]
    value = path_sparc(xy, t)
    shake = tremor(t, xy[:, 1])
    assert max(fft_sizes) <= 2 ** 13          # not 2^31 points for the pause
    each = [path_sparc(xy1, t1), path_sparc(xy2, t2)]
    assert value == pytest.approx(np.mean(each))   # equal durations: the plain mean
    assert math.isfinite(value) and math.isfinite(shake.band_power_share)


@settings(max_examples=60, deadline=None)
@given(st.integers(3, 400), st.floats(1.0, 40.0), st.floats(0.0, 1e6))
def test_a_signal_without_a_long_pause_scores_exactly_as_one_piece(n, step, start):
    t, xy = stroke(n, start, step)
    assert len(path_module.pieces(t)) == 1
    expected = sparc(*path_module.speed_profile(xy, t))
    got = path_sparc(xy, t)
    assert (math.isnan(expected) and math.isnan(got)) or got == expected


def test_strokes_score_bounded_for_a_huge_gap(fft_sizes):
    from engine.scoring.geometry import Polyline

    t1, xy1 = stroke()
    t2, xy2 = stroke(start_ms=1e8)
    ref = Polyline.of(np.array([[0.0, 0.0], [60.0, 0.0]]))
    score = score_strokes(np.r_[t1, t2], np.r_[xy1, xy2], np.zeros(400, dtype=int), [ref], 8)
    assert max(fft_sizes) <= 2 ** 13 and math.isfinite(score.sparc)


def _finite_everywhere(value):
    if isinstance(value, float):
        return math.isfinite(value)
    if isinstance(value, dict):
        return all(_finite_everywhere(v) for v in value.values())
    if isinstance(value, list):
        return all(_finite_everywhere(v) for v in value)
    return True


ODD = [math.nan, math.inf, -math.inf, 1e308, -1e308]


@pytest.mark.parametrize("game", [s.id for s in all_specs()])
def test_odd_touches_are_dropped_or_held_and_the_round_ends_with_a_recording(tmp_path, game):
    spec = next(s for s in all_specs() if s.id == game)
    level = spec.levels.levels[0].id
    with Store.open(tmp_path / "data") as store:
        ann = store.add_profile("Ann")
        progress = PlayerProgress(store, ann.id, game, "right", spec.levels)
        controller = RoundController(spec, RoundSetup(game, level, 4), progress, store=store)
        for i, odd in enumerate(ODD):
            for phase in (Phase.DOWN, Phase.MOVE, Phase.UP):
                controller.on_touch(Touch(7, phase, odd, 10.0, 5.0 + i))
                controller.on_touch(Touch(8, phase, 10.0, 10.0, odd))
        end = play_round(controller, spec.make_policy(SimPatient(PRESETS["mild"], 4)),
                         start_ms=100.0)
        result = controller.finish(end)
        assert result.status == "complete" and result.recording
        (session,) = store.sessions(ann.id)
        assert session["recording"] and _finite_everywhere(session)
        assert all(_finite_everywhere(t) for t in store.trials(session["id"]))
