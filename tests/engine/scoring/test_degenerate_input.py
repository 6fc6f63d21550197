"""Any input, however odd, gives finite numbers or NaN: never an exception, never a warning."""

import math
import warnings

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from engine.scoring.geometry import Polyline
from engine.scoring.pointing import endpoint_error, pointing_summary, sequence_throughput
from engine.scoring.tapping import tapping
from engine.scoring.trace import score_trace

coord = st.floats(-1e4, 1e4, allow_nan=False) | st.sampled_from([math.nan, math.inf, 0.0])
time = st.floats(0, 1e6, allow_nan=False) | st.sampled_from([math.nan, 0.0])


def values_ok(d):
    for key, value in d.items():
        if isinstance(value, float):
            assert not math.isinf(value), key
        if key.endswith("share") and value is not None:
            assert 0.0 <= value <= 1.0, key
        if key == "completion" and value is not None:
            assert 0.0 <= value <= 1.0


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(time, coord, coord), max_size=80),
       st.lists(st.tuples(coord, coord), max_size=6), st.booleans())
def test_trace_metrics_never_raise_or_warn(samples, reference, spiral):
    t = np.array([s[0] for s in samples], dtype=float)
    xy = np.array([s[1:] for s in samples], dtype=float).reshape(-1, 2)
    ref = np.array(reference, dtype=float).reshape(-1, 2)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        score = score_trace(t, xy, reference=Polyline.of(ref) if len(ref) else None,
                            corridor_mm=5.0, axis=((0, 0), (10, 0)), spiral=spiral)
    values_ok(score.to_dict())


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(coord, coord, coord, coord, coord, coord, time), max_size=12))
def test_pointing_metrics_never_raise_or_warn(trials):
    data = np.array(trials, dtype=float).reshape(-1, 7)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        tp = sequence_throughput(data[:, 0:2], data[:, 2:4], data[:, 4:6], data[:, 6])
        endpoint_error(data[:, 4:6], data[:, 2:4])
        summary = pointing_summary(np.ones(len(data)), data[:, 6], data[:, 6], data[:, 4:6],
                                   data[:, 2:4], [tp])
    values_ok(summary.to_dict())
    assert not math.isinf(tp.throughput_bits_per_s)


@settings(max_examples=100, deadline=None)
@given(st.lists(time, max_size=40), st.lists(time, max_size=40))
def test_tapping_never_raises_or_warns(downs, ups):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        result = tapping(downs, ups, np.zeros((len(downs), 2)), np.ones((len(downs), 2)))
    values_ok(result.to_dict())
