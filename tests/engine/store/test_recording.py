"""Recordings round-trip exactly; broken ones give one line with the line number."""

import gzip
import json
import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from engine.input.script import finger, merge
from engine.store.recording import (
    Marker,
    RecordingError,
    _touch_line,
    read_recording,
    write_recording,
)
from engine.touch import Phase, Touch


def test_round_trip_keeps_every_value_exactly(tmp_path):
    touches = merge(finger(1).down(10.123456789, 20.5).move_to(40.1, 22.7, ms=333).up(),
                    finger(2, at=50).down(1e-9, 99.999999).up())
    header = {"game": "tap", "level": {"id": "L1", "params": {"width_mm": 14.0}}, "seed": 42}
    path = write_recording(tmp_path / "r.jsonl.gz", header, [*touches, Marker("end", 400.0)])
    rec = read_recording(path)
    assert rec.touches == touches and rec.end_ms == 400.0
    assert rec.header["seed"] == 42 and rec.header["level"]["params"]["width_mm"] == 14.0


def test_the_same_round_gives_the_same_bytes(tmp_path):
    touches = finger(1).down(1, 2).up().touches
    a = write_recording(tmp_path / "a.gz", {"seed": 1}, touches).read_bytes()
    b = write_recording(tmp_path / "b.gz", {"seed": 1}, touches).read_bytes()
    assert a == b


@pytest.mark.parametrize("content, fragment", [
    (b"not gzip at all", "expected a gzip-compressed"),
    (gzip.compress(b'{"format": "something-else"}\n', mtime=0), ":1: expected a header"),
    (gzip.compress(b'{"format": "deftly-recording", "version": 1}\n'
                   b'["t", 1, "sideways", 0, 0, 0]\n', mtime=0), ":2: expected a touch"),
], ids=["not-gzip", "another-format", "a-bad-touch"])
def test_broken_recordings(tmp_path, content, fragment):
    path = tmp_path / "bad.jsonl.gz"
    path.write_bytes(content)
    with pytest.raises(RecordingError, match=fragment):
        read_recording(path)


finite = st.floats(allow_nan=False, allow_infinity=False, width=64)


@given(st.integers(0, 10), st.sampled_from(list(Phase)), finite, finite, finite)
def test_a_touch_row_reads_back_as_json_dumps_would_have_written_it(f, phase, x, y, t):
    touch = Touch(f, phase, x, y, t)
    assert json.loads(_touch_line(touch)) == json.loads(json.dumps(["t", *touch.to_row()]))


@pytest.mark.parametrize("bad", [math.nan, math.inf, -math.inf])
def test_a_touch_with_a_non_finite_number_is_refused(bad):
    with pytest.raises(ValueError, match="finite"):
        _touch_line(Touch(1, Phase.MOVE, 1.0, bad, 2.0))
