"""The trace model, driven by scripted touches along (and off) the shapes."""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from engine.input.script import FingerScript
from engine.levels.schema import LevelError, load_levels
from engine.touch import Phase, Touch
from games.trace.model import TraceModel
from games.trace.params import PARAMS
from games.trace.shapes import ShapeError, load_shape, shape_ids
from tests.games.fixed import fixed_round


def trace_round(shapes="line-right", corridor=8.0, trials=2, hand="right", pace=0.0,
                self_paced=False, **params):
    values = {"shapes": shapes, "corridor_mm": corridor, "trials": trials, "pace_mm_s": pace,
              **params}
    return fixed_round("trace", PARAMS, TraceModel, values, seed=3, hand=hand,
                       self_paced=self_paced)


def shown(model):
    model.tick(model.next_change_ms())
    assert model.trial is not None
    return model.trial


def along(trial, stroke=0, start=0.0, end=None, offset=0.0):
    """Points along a stroke from `start` to `end` mm, shifted sideways by `offset` mm."""
    line = trial.lines[stroke]
    end = line.length if end is None else end
    pts = []
    for arc in np.linspace(start, end, max(3, int((end - start) / 0.8))):
        x, y = trial.point_at(stroke, arc)
        x2, y2 = trial.point_at(stroke, min(arc + 0.5, line.length))
        dx, dy = x2 - x, y2 - y
        norm = math.hypot(dx, dy) or 1.0
        pts.append((x - dy / norm * offset, y + dx / norm * offset))
    return pts


def draw_path(model, points, at, finger=1, ms_per_point=8.0, lift=True):
    script = FingerScript(finger, at).down(*points[0])
    script.samples((x, y, at + (i + 1) * ms_per_point) for i, (x, y) in enumerate(points[1:]))
    if lift:
        script.up()
    for touch in script.touches:
        model.on_touch(touch)
    return script.t_ms


def test_a_perfect_trace():
    model = trace_round()
    trial = shown(model)
    draw_path(model, along(trial), trial.onset_ms + 300)
    (result,) = model.take_trials()
    assert result["success"] and result["outcome"] == "complete"
    assert result["completion"] > 0.95 and result["time_inside_share"] == 1.0
    assert result["deviation_mean_mm"] < 0.05 and result["lifts"] == 0
    assert result["reaction_ms"] == pytest.approx(300)
    assert 0 < len(result["path"]) <= 300 and model.feedback.kind == "done"


def test_a_trace_that_leaves_the_corridor():
    model = trace_round(corridor=6.0)
    trial = shown(model)
    points = along(trial, end=trial.lines[0].length * 0.4) + \
        along(trial, start=trial.lines[0].length * 0.4, offset=7.0)
    end = draw_path(model, points, trial.onset_ms + 300)
    model.tick(end + 10_000)          # nobody carries on: the trial ends incomplete
    (result,) = model.take_trials()
    assert not result["success"] and result["outcome"] == "incomplete"
    assert result["deviation_max_mm"] == pytest.approx(7.0, abs=0.3)
    assert result["time_inside_share"] < 0.6 and result["completion"] < 0.6


def test_lifting_and_carrying_on_from_where_it_stopped():
    model = trace_round()
    trial = shown(model)
    half = trial.lines[0].length / 2
    end = draw_path(model, along(trial, end=half), trial.onset_ms + 200)
    assert model.trial is trial and trial.progress_mm == pytest.approx(half, abs=1.0)
    model.on_touch(Touch(2, Phase.DOWN, 20, 100, end + 300))     # far from the dot
    model.on_touch(Touch(2, Phase.UP, 20, 100, end + 350))
    assert model.feedback.text == "resume" and trial.off_start == 1
    draw_path(model, along(trial, start=half), end + 1500)
    (result,) = model.take_trials()
    assert result["success"] and result["lifts"] == 1 and result["off_start_touches"] == 1


def test_a_backwards_trace_does_not_count():
    model = trace_round()
    trial = shown(model)
    backwards = along(trial)[::-1]
    draw_path(model, backwards, trial.onset_ms + 200)
    assert trial.started_ms is None and trial.off_start == 1   # it began at the wrong end
    model.tick(trial.onset_ms + 61_000)
    (result,) = model.take_trials()
    assert not result["success"] and result["outcome"] == "not_started"
    assert not result["completion"]


def test_letters_are_traced_stroke_by_stroke_and_never_mirrored():
    model = trace_round(shapes="letter-t", hand="left")
    trial = shown(model)
    assert len(trial.lines) == 2
    end = draw_path(model, along(trial, 0), trial.onset_ms + 200)
    assert trial.stroke == 1 and model.trial is trial
    draw_path(model, along(trial, 1), end + 400)
    (result,) = model.take_trials()
    assert result["success"] and result["strokes"] == 2
    right = trace_round(shapes="letter-t")
    assert np.allclose(shown(right).strokes[0], trial.strokes[0])


def test_lines_are_mirrored_for_the_left_hand():
    left, right = trace_round(hand="left"), trace_round()
    a, b = shown(left).strokes[0], shown(right).strokes[0]
    assert np.allclose(a[:, 0], 200.0 - b[:, 0]) and np.allclose(a[:, 1], b[:, 1])


def test_following_the_guide_dot_measures_the_pursuit_error():
    model = trace_round(pace=20.0)
    trial = shown(model)
    start = trial.onset_ms + 300
    line = trial.lines[0]
    points = along(trial)
    ms_per_point = line.length / (len(points) - 1) / 20.0 * 1000.0
    draw_path(model, points, start, ms_per_point=ms_per_point)
    (result,) = model.take_trials()
    assert result["pursuit_error_mm"] < 1.0 and result["success"]
    assert model.guide_point(start) is None  # no trial running any more


def test_a_spiral_gets_the_radius_fit():
    model = trace_round(shapes="spiral", corridor=10.0, size_mm=80.0)
    trial = shown(model)
    draw_path(model, along(trial), trial.onset_ms + 200, ms_per_point=6.0)
    (result,) = model.take_trials()
    assert result["spiral_turns"] == pytest.approx(3 * 0.95, abs=0.1)
    assert result["spiral_spacing_mm_per_turn"] == pytest.approx(80 * 0.47 / 3, rel=0.03)
    assert result["spiral_rmse_mm"] < 0.5


def test_every_shape_file_loads_and_bad_ones_say_so(tmp_path, monkeypatch):
    for shape in shape_ids():
        assert load_shape(shape).strokes
    (tmp_path / "assets" / "shapes").mkdir(parents=True)
    (tmp_path / "assets" / "shapes" / "bad.toml").write_text(
        'name = "Bad"\n[[strokes]]\ntype = "blob"\n')
    monkeypatch.setenv("DEFTLY_RESOURCES", str(tmp_path))
    load_shape.cache_clear()
    with pytest.raises(ShapeError, match="stroke 1: unknown stroke type 'blob'"):
        load_shape("bad")
    load_shape.cache_clear()


def test_a_level_naming_an_unknown_shape_is_one_line(tmp_path):
    path = tmp_path / "trace.toml"
    path.write_text('game = "trace"\n[checkup]\nname = "C"\ndescription = "d"\n'
                    'params = { shapes = "circle" }\n[[levels]]\nid = "a"\nname = "A"\n'
                    'description = "a"\nparams = { shapes = "line-right,triangle" }\n')
    with pytest.raises(LevelError, match=r"key 'params.shapes': expected shape names .*triangle"):
        load_levels(path, PARAMS, "trace")


touch_events = st.tuples(st.integers(0, 6), st.sampled_from(list(Phase)),
                         st.floats(-50, 300), st.floats(-50, 200), st.floats(0, 3000))


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(["line-right", "circle", "letter-e", "spiral"]),
       st.lists(touch_events, max_size=200), st.floats(0, 2e5), st.booleans())
def test_any_touch_stream_keeps_the_model_sane(shape, events, end, paced):
    model = trace_round(shapes=shape, trials=2, pace=15.0 if paced else 0.0,
                        time_limit_ms=20000.0)
    t = 0.0
    for fid, phase, x, y, gap in events:
        t += gap
        model.on_touch(Touch(fid, phase, x, y, t))
    model.tick(t + end)
    for trial in model.results:
        assert isinstance(trial["success"], bool)
        for key, value in trial.items():
            if isinstance(value, float):
                assert not math.isinf(value), key
            if key.endswith("share") and value is not None:
                assert 0.0 <= value <= 1.0
        if trial.get("completion") is not None:
            assert 0.0 <= trial["completion"] <= 1.0
    assert model.progress()[0] == len(model.results)
