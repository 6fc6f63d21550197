"""`deftly analyze` on research files read whole and right: every AccuracyMeasures trial,
files that are not what --format says, the cloudUPDRS footer, SVC column order and task,
multi-stroke handwriting. Fixtures are built from each format's description (PaHaW's,
mPower's and FittsTaskTwo's data come under their own terms); the cloudUPDRS file is
pdkit's (MIT, tests/data/PROVENANCE.md)."""

import json
import math
from pathlib import Path

import numpy as np
import pytest

from deftly.cli import main

DATA = Path(__file__).resolve().parents[1] / "data"


def analyze(capsys, *args):
    code = main(["analyze", *map(str, args)])
    out, err = capsys.readouterr()
    return code, (json.loads(out) if code == 0 else None), err


def axis_trial(code, start, end, width, xs, ys):
    return [",".join(code), f"{start[0]},{start[1]}", f"{end[0]},{end[1]}", str(width),
            ",".join(f"{v:g}" for v in xs) + ",", ",".join(f"{v:g}" for v in ys) + ",", ""]


def test_every_accuracymeasures_trial_is_scored_with_the_means(tmp_path, capsys):
    """Three trials of exact geometry and the published demo trial, as AccuracyMeasures
    reads them: a code header once, comments, a blank line between trials."""
    xs = np.arange(0.0, 101.0, 5.0)
    lines = ["# made from AccuracyMeasures' input description", "P,Trial"]
    lines += axis_trial(["P01", "0"], (0, 0), (100, 0), 20, xs, np.full(xs.size, 2.0))
    lines += ["# the second trial goes the other way"]
    lines += axis_trial(["P01", "1"], (100, 0), (0, 0), 20, xs[::-1],
                        3.0 * (-1.0) ** np.arange(xs.size))
    lines += axis_trial(["P01", "2"], (0, 0), (0, 100), 20, np.full(xs.size, -4.0), xs)
    demo = [line for line in (DATA / "accuracymeasures-demo.txt").read_text().splitlines()
            if line.strip() and not line.startswith("#")][1:]
    lines += ["P01,3", *demo[1:]]
    (tmp_path / "am.txt").write_text("\n".join(lines) + "\n")
    code, result, _ = analyze(capsys, tmp_path / "am.txt", "--format", "accuracymeasures")
    assert code == 0 and result["trials"] == 4 and len(result["per_trial"]) == 4
    first, second, third, fourth = result["per_trial"]
    assert (first["P"], first["Trial"]) == ("P01", "0")
    assert (first["mo_units"], first["me_units"], first["mv_units"]) == (2.0, 2.0, 0.0)
    n = xs.size
    assert abs(second["mo_units"]) == pytest.approx(3.0 / n)   # 11 up, 10 down
    assert second["me_units"] == pytest.approx(3.0)
    assert abs(third["mo_units"]) == pytest.approx(4.0) and third["mv_units"] == 0.0
    _, alone, _ = analyze(capsys, DATA / "accuracymeasures-demo.txt", "--format",
                          "accuracymeasures")
    assert fourth["mv_units"] == alone["per_trial"][0]["mv_units"] == \
        pytest.approx(24.56, abs=0.005)
    for key in ("mo_units", "me_units", "mv_units"):
        assert result[key] == pytest.approx(np.mean([row[key] for row in result["per_trial"]]))


def test_a_cut_accuracymeasures_trial_names_its_line(tmp_path, capsys):
    xs = np.arange(5.0)
    lines = ["P,Trial", *axis_trial(["P01", "0"], (0, 0), (4, 0), 2, xs, xs * 0)]
    lines += ["P01,1", "0,0", "4,0"]
    (tmp_path / "cut.txt").write_text("\n".join(lines) + "\n")
    code, _, err = analyze(capsys, tmp_path / "cut.txt", "--format", "accuracymeasures")
    assert code == 1 and err.count("\n") == 1 and "cut.txt:11: expected a whole trial" in err


ACCELEROMETER = [{"timestamp": 0.01 * i, "x": 0.01, "y": -0.98, "z": 0.1} for i in range(50)]
DEVICE_MOTION = [{"timestamp": 0.01 * i, "attitude": {"w": 1}, "rotationRate": {"x": 0},
                  "userAcceleration": {"x": 0}, "gravity": {"x": 0}} for i in range(5)]


@pytest.mark.parametrize("records, named", [
    (ACCELEROMETER, "mPower accelerometer samples"),
    (DEVICE_MOTION, "mPower device-motion samples"),
    ([{"steps": 1}], "JSON records with the keys steps"),
])
def test_an_mpower_file_that_is_not_tapping_is_refused(tmp_path, capsys, records, named):
    (tmp_path / "walk.json").write_text(json.dumps(records))
    code, _, err = analyze(capsys, tmp_path / "walk.json", "--format", "mpower-tapping")
    assert code == 1 and err.count("\n") == 1
    assert "not in the mpower-tapping layout" in err and named in err


def test_a_record_that_is_not_a_tap_among_taps_is_refused(tmp_path, capsys):
    taps = [{"TapTimeStamp": 1.0, "TapCoordinate": "{1, 2}", "TappedButtonId":
             "TappedButtonLeft"}] * 3 + [{"timestamp": 2.0, "x": 0, "y": 0, "z": 1}]
    (tmp_path / "mixed.json").write_text(json.dumps(taps))
    code, _, err = analyze(capsys, tmp_path / "mixed.json", "--format", "mpower-tapping")
    assert code == 1 and "expected tap 4: TapTimeStamp" in err and "found timestamp" in err


@pytest.mark.parametrize("source, wrong, right", [
    ("cloudupdrs-two-target-right.csv", "points", "cloudupdrs"),
    ("fittstasktwo-example.txt", "accuracymeasures", "fittstasktwo"),
    ("accuracymeasures-demo.txt", "fittstasktwo", "accuracymeasures"),
    ("cloudupdrs-two-target-right.csv", "svc", "cloudupdrs"),
])
def test_a_known_file_under_another_format_is_refused_naming_it(capsys, source, wrong,
                                                                right):
    extra = {"points": ["--task", "tapping"], "svc": ["--task", "spiral"]}.get(wrong, [])
    code, _, err = analyze(capsys, DATA / source, "--format", wrong, *extra)
    assert code == 1 and err.count("\n") == 1
    assert f"not in the {wrong} layout" in err and f"read it with --format {right}" in err


def test_the_cloudupdrs_footer_is_dropped_and_never_a_tap(tmp_path, capsys):
    lines = (DATA / "cloudupdrs-two-target-right.csv").read_text().splitlines()
    assert lines[-1].startswith("Total number of taps")
    (tmp_path / "no-footer.csv").write_text("\n".join(lines[:-1]) + "\n")
    _, with_footer, _ = analyze(capsys, DATA / "cloudupdrs-two-target-right.csv",
                                "--format", "cloudupdrs")
    _, without, _ = analyze(capsys, tmp_path / "no-footer.csv", "--format", "cloudupdrs")
    assert with_footer["tap_count"] == without["tap_count"] == 204
    _, pdkit, _ = analyze(capsys, tmp_path / "no-footer.csv", "--format", "cloudupdrs",
                          "--pdkit")
    assert pdkit["tap_count"] == 203 and pdkit["pdkit_last_line_dropped"] is True
    _, pdkit_footer, _ = analyze(capsys, DATA / "cloudupdrs-two-target-right.csv",
                                 "--format", "cloudupdrs", "--pdkit")
    assert pdkit_footer["frequency_per_s"] == with_footer["frequency_per_s"]


def write_svc(path, xy, t, pen, order="yx"):
    cols = (1, 0) if order == "yx" else (0, 1)
    rows = [f"{xy[i][cols[0]]:.3f} {xy[i][cols[1]]:.3f} {t[i]:.0f} {pen[i]} 0 0 500"
            for i in range(len(t))]
    path.write_text(f"{len(t)}\n" + "\n".join(rows) + "\n")


def spiral(centre=(3000.0, 1000.0), turns=3):
    theta = np.linspace(0, turns * 2 * np.pi, 600)
    r = 500 * theta / (2 * np.pi)
    xy = np.column_stack([r * np.cos(theta), r * np.sin(theta)]) + centre
    return xy, np.arange(600) * 10.0, [1] * 600


@pytest.mark.parametrize("order", ["yx", "xy"])
def test_svc_columns_are_read_in_the_order_given(tmp_path, capsys, order):
    name = tmp_path / "00026__1_1.svc"          # PaHaW's task 1: the spiral
    write_svc(name, *spiral(), order=order)
    args = [] if order == "yx" else ["--svc-columns", "xy"]
    code, result, _ = analyze(capsys, name, "--format", "svc", *args)
    assert code == 0 and result["task"] == "spiral" and result["spiral_fit_meaningful"]
    assert result["spiral_center_x_units"] == pytest.approx(3000.0, abs=2.0)
    assert result["spiral_center_y_units"] == pytest.approx(1000.0, abs=2.0)
    assert result["svc_columns"].startswith(order[0] + " " + order[1])


def word_strokes():
    """Two strokes on the tablet with 2 s hovering between (pen 0 samples move on)."""
    t = np.arange(301) * 10.0 + 1000.0
    x = np.where(t <= 2000, (t - 1000) / 100.0, np.where(t < 3000, 15.0, 20 + (t - 3000) / 100))
    pen = [0 if 2000 < v < 3000 else 1 for v in t]
    return np.column_stack([x, np.full(t.size, 5.0)]), t, pen


def test_handwriting_is_the_task_a_pahaw_word_file_names(tmp_path, capsys):
    name = tmp_path / "00026__5_1.svc"          # PaHaW's task 5: a word
    write_svc(name, *word_strokes())
    code, result, _ = analyze(capsys, name, "--format", "svc")
    assert code == 0 and result["task"] == "handwriting" and "spiral_turns" not in result
    assert result["strokes"] == 2
    assert result["length_units"] == pytest.approx(20.0, abs=1e-9)
    assert result["on_surface_ms"] == pytest.approx(2000.0)
    assert result["in_air_ms"] == pytest.approx(1000.0)   # from 2000 ms to 3000 ms
    assert result["mean_speed_units_per_s"] == pytest.approx(10.0)


def test_a_spiral_fit_of_a_word_says_it_means_nothing(tmp_path, capsys):
    name = tmp_path / "00026__5_1.svc"
    write_svc(name, *word_strokes())
    code, result, _ = analyze(capsys, name, "--format", "svc", "--task", "spiral")
    assert code == 0 and result["spiral_fit_meaningful"] is False
    assert "not a spiral" in result["spiral_note"]
    assert math.isfinite(result["spiral_turns"]) and result["spiral_turns"] < 1


def test_an_svc_file_whose_name_says_no_task_needs_one(tmp_path, capsys):
    write_svc(tmp_path / "writing.svc", *word_strokes())
    code, _, err = analyze(capsys, tmp_path / "writing.svc", "--format", "svc")
    assert code == 1 and err.count("\n") == 1 and "--task spiral, --task handwriting" in err
    code, result, _ = analyze(capsys, tmp_path / "writing.svc", "--format", "svc", "--task",
                              "handwriting")
    assert code == 0 and result["strokes"] == 2


def test_pdkit_drops_the_last_filled_line_as_pdkit_does(tmp_path, capsys):
    lines = (DATA / "cloudupdrs-two-target-right.csv").read_text().splitlines()
    (tmp_path / "blank-end.csv").write_text("\n".join(lines) + "\n\n\n")
    _, result, _ = analyze(capsys, tmp_path / "blank-end.csv", "--format", "cloudupdrs",
                           "--pdkit")
    assert result["tap_count"] == 204


def test_a_binary_file_is_one_line(tmp_path, capsys):
    (tmp_path / "b.json").write_bytes(b"\xff\xfe\x00\x81" * 50)
    for fmt in ("mpower-tapping", "points", "svc", "cloudupdrs"):
        args = {"points": ["--task", "tapping"], "svc": ["--task", "spiral"]}.get(fmt, [])
        code, _, err = analyze(capsys, tmp_path / "b.json", "--format", fmt, *args)
        assert code == 1 and err.count("\n") == 1 and "text file" in err, fmt


def test_an_accelerometer_file_given_as_svc_is_refused_for_what_it_is(tmp_path, capsys):
    (tmp_path / "walk.json").write_text(json.dumps(ACCELEROMETER))
    code, _, err = analyze(capsys, tmp_path / "walk.json", "--format", "svc")
    assert code == 1 and "mPower accelerometer samples" in err
