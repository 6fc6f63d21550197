"""Deftly's metrics reproduce what other people's software published for real recordings.

Provenance of each file: tests/data/PROVENANCE.md.
"""

from pathlib import Path

import numpy as np
import pytest

from engine.analysis.formats import read_accuracymeasures, read_cloudupdrs, read_fittstasktwo
from engine.scoring.path import axis_offsets
from engine.scoring.pointing import sequence_throughput
from engine.scoring.tapping import tapping

DATA = Path(__file__).resolve().parents[2] / "data"


def test_fittstasktwo_throughput_at_full_precision():
    (seq,) = read_fittstasktwo(DATA / "fittstasktwo-example.txt")
    tp = sequence_throughput(seq.start, seq.target, seq.select, seq.movement_ms, seq.serial)
    assert tp.n == 20
    assert tp.ae_mm == pytest.approx(327.06, abs=0.005)
    assert tp.we_mm == pytest.approx(106.07, abs=0.005)
    assert tp.ide_bits == pytest.approx(2.030, abs=0.0005)
    assert tp.mt_ms == pytest.approx(252.34, abs=0.005)
    assert tp.throughput_bits_per_s == pytest.approx(8.044, abs=0.0005)


def test_fittstasktwo_throughput_from_integer_truncated_coordinates():
    (seq,) = read_fittstasktwo(DATA / "fittstasktwo-example.txt")
    tp = sequence_throughput(np.trunc(seq.start), np.trunc(seq.target), np.trunc(seq.select),
                             np.trunc(seq.movement_ms), seq.serial)
    assert tp.ae_mm == pytest.approx(327.05, abs=0.005)
    assert tp.we_mm == pytest.approx(105.69, abs=0.01)  # printed truncated: 105.699
    assert tp.ide_bits == pytest.approx(2.034, abs=0.0005)
    assert tp.mt_ms == pytest.approx(251.85, abs=0.005)
    assert tp.throughput_bits_per_s == pytest.approx(8.07, abs=0.005)


def test_discrete_and_serial_amplitudes_differ_as_mackenzie_describes():
    (seq,) = read_fittstasktwo(DATA / "fittstasktwo-example.txt")
    serial = sequence_throughput(seq.start, seq.target, seq.select, seq.movement_ms, True)
    discrete = sequence_throughput(seq.start, seq.target, seq.select, seq.movement_ms, False)
    assert serial.we_mm == discrete.we_mm and serial.ae_mm != discrete.ae_mm


def test_accuracymeasures_at_full_precision():
    (path,) = read_accuracymeasures(DATA / "accuracymeasures-demo.txt")
    result = axis_offsets(path.xy, path.start, path.end)
    assert result.n == 149
    assert result.mv_mm == pytest.approx(24.56, abs=0.005)
    assert result.me_mm == pytest.approx(27.04, abs=0.005)
    assert abs(result.mo_mm) == pytest.approx(20.84, abs=0.005)


def test_accuracymeasures_with_offsets_truncated_to_whole_pixels():
    (path,) = read_accuracymeasures(DATA / "accuracymeasures-demo.txt")
    truncated = np.trunc(path.xy - path.start)
    result = axis_offsets(truncated, [0, 0], path.end - path.start)
    assert result.mv_mm == pytest.approx(24.53, abs=0.005)
    assert result.me_mm == pytest.approx(26.84, abs=0.005)
    assert abs(result.mo_mm) == pytest.approx(20.53, abs=0.005)


def test_pdkit_figures_for_the_cloudupdrs_tapping_file():
    taps = read_cloudupdrs(DATA / "cloudupdrs-two-target-right.csv")
    result = tapping(taps.down_ms, taps.up_ms, taps.down_xy, taps.target_xy, taps.start_ms,
                     taps.end_ms, count_lifts=taps.count_lifts)
    assert result.tap_count == 204
    assert result.frequency_per_s == pytest.approx(3.4455385342949314, rel=1e-12)
    assert result.dysmetria_mm == pytest.approx(58.2339485875795, rel=1e-12)


def test_the_rounded_effective_width_constant_and_what_it_changes(monkeypatch):
    """Deftly uses ISO's and MacKenzie's 4.133, not sqrt(2 pi e) = 4.13273: on the
    FittsTaskTwo example, We is 6.5e-5 larger, relative, and throughput a little less."""
    from engine.scoring import pointing

    assert abs(pointing.WE_FACTOR_EXACT - 4.132731) < 1e-6
    (seq,) = read_fittstasktwo(DATA / "fittstasktwo-example.txt")
    iso = sequence_throughput(seq.start, seq.target, seq.select, seq.movement_ms, seq.serial)
    monkeypatch.setattr(pointing, "WE_FACTOR", pointing.WE_FACTOR_EXACT)
    exact = sequence_throughput(seq.start, seq.target, seq.select, seq.movement_ms,
                                seq.serial)
    assert iso.we_mm / exact.we_mm - 1 == pytest.approx(6.5e-5, abs=1e-6)
    assert 0 < exact.throughput_bits_per_s - iso.throughput_bits_per_s < 1e-3
