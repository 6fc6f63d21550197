"""The simulator's fast paths store exactly what the slow ones do, for the same seed: the
kept trace lines, the journal's core changes taken from memory, the kept trial ids, the
recording compressed while it is encoded, and json_safe's one-pass lists."""

import gzip
import io
import itertools
import json
import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from deftly import simulate
from deftly.demo import DEMO_TODAY
from deftly.simulate import fill_days
from engine.clock import SetWallClock
from engine.store import recording
from engine.store import store as store_module
from engine.store.jsonfile import json_safe
from engine.store.store import Store
from engine.touch import Phase, Touch
from games.trace import model as trace_model


def _everything(folder, monkeypatch, days=3):
    """Every file that `days` simulated days leave, by path (recordings decompressed too),
    with the ids made by a counter so two runs can be compared byte for byte."""
    counter = itertools.count()
    monkeypatch.setattr(store_module, "new_id", lambda: f"{next(counter):032x}")
    monkeypatch.setattr(simulate, "DAYS_PER_BATCH", 1)   # checkpoints after the first
    with Store.open(folder, clock=SetWallClock(DEMO_TODAY)) as store:
        profile = store.add_profile("Ann")
        for _ in fill_days(store, profile.id, "moderate", days, seed=5):
            pass
    out = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file() and path.name != "deftly.lock":
            raw = path.read_bytes()
            out[str(path.relative_to(folder))] = raw
            if path.suffix == ".gz":
                out[f"{path.relative_to(folder)} (text)"] = gzip.decompress(raw)
    return out


def test_the_fast_paths_store_the_same_as_the_slow_ones(tmp_path, monkeypatch):
    fast = _everything(tmp_path / "fast", monkeypatch)
    with monkeypatch.context() as slow:
        def fresh_lines(shape, size_mm, board, mirrored):
            strokes = shape.placed(size_mm, board, mirrored)
            return strokes, [trace_model.Polyline.of(s) for s in strokes]

        slow.setattr(trace_model, "placed_lines", fresh_lines)
        slow.setattr(Store, "_present_ids",
                     lambda self, raw: {t.get("id") for t in raw.values()})
        real_checkpoint = Store._checkpoint

        def reading_back(self):
            real_checkpoint(self)
            self._journal_core = None   # the journal's core changes are read from the file

        slow.setattr(Store, "_checkpoint", reading_back)
        slow.setattr(recording, "CHUNK_EVENTS", 10**9)   # one piece, on this thread
        slow_files = _everything(tmp_path / "slow", monkeypatch)
    assert sorted(fast) == sorted(slow_files)
    assert any(name.startswith("recordings/") for name in fast)
    for name in fast:
        assert fast[name] == slow_files[name], name


@pytest.mark.parametrize("chunk", [1, 7, 4096])
def test_a_recording_compressed_in_pieces_has_the_same_bytes(monkeypatch, chunk):
    touches = [Touch(1 + k % 2, (Phase.DOWN, Phase.MOVE, Phase.UP)[k % 3], k * 0.37,
                     100.0 / (k + 1), k * 16.0) for k in range(3000)]
    events = [*touches, recording.Marker("end", 48_000.0)]
    header = {"game": "tap", "seed": 1}
    lines = [json.dumps({"format": recording.FORMAT, "version": recording.VERSION, **header},
                        separators=(",", ":"))]
    lines += [json.dumps(["t", t.finger, t.phase.value, t.x_mm, t.y_mm, t.t_ms],
                         separators=(",", ":")) for t in touches]
    lines.append('["m","end",48000.0]')
    buffer = io.BytesIO()
    with gzip.GzipFile(fileobj=buffer, mode="wb", mtime=0,
                       compresslevel=recording.COMPRESS_LEVEL) as gz:
        gz.write(("\n".join(lines) + "\n").encode("utf-8"))
    monkeypatch.setattr(recording, "CHUNK_EVENTS", chunk)
    assert recording.encode(header, events) == buffer.getvalue()


def test_a_touch_that_cannot_be_stored_still_fails_in_pieces(monkeypatch):
    monkeypatch.setattr(recording, "CHUNK_EVENTS", 5)
    events = [Touch(1, Phase.MOVE, float(k), 1.0, float(k)) for k in range(40)]
    events[33] = Touch(1, Phase.MOVE, math.nan, 1.0, 33.0)
    with pytest.raises(ValueError, match="finite"):
        recording.encode({}, events)


def _reference_json_safe(value):
    """json_safe as it was before its one-pass lists."""
    kind = type(value)
    if kind is float:
        return value if math.isfinite(value) else None
    if kind is str or kind is int or kind is bool or value is None:
        return value
    if kind is dict:
        return {k if type(k) is str else str(k): _reference_json_safe(v)
                for k, v in value.items()}
    if kind is list or kind is tuple:
        if all(type(v) is float for v in value):
            return [v if math.isfinite(v) else None for v in value]
        return [_reference_json_safe(v) for v in value]
    return json_safe(value)


_plain = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=3),
                   st.integers(min_value=10**300, max_value=10**310))
_values = st.recursive(_plain, lambda inner: st.one_of(
    st.lists(inner, max_size=5), st.tuples(inner, inner),
    st.dictionaries(st.one_of(st.text(max_size=3), st.integers()), inner, max_size=4)),
    max_leaves=20)


@given(_values)
def test_json_safe_is_what_it_was(value):
    assert json.dumps(json_safe(value)) == json.dumps(_reference_json_safe(value))
