"""`deftly analyze`: every research format, units, and one-line errors with exit code 1."""

import json
from pathlib import Path

import numpy as np
import pytest

from deftly.cli import main

DATA = Path(__file__).resolve().parents[1] / "data"


def analyze(capsys, *args):
    code = main(["analyze", *map(str, args)])
    out, err = capsys.readouterr()
    return code, (json.loads(out) if code == 0 else None), err


def test_cloudupdrs(capsys):
    code, result, _ = analyze(capsys, DATA / "cloudupdrs-two-target-right.csv", "--format",
                              "cloudupdrs")
    assert code == 0 and result["tap_count"] == 204
    assert result["frequency_per_s"] == pytest.approx(3.4455385342949314)
    assert result["dysmetria_units"] == pytest.approx(58.2339485875795)
    assert "source units" in result["units"]["length"]


def test_units_per_mm_converts_lengths(capsys):
    _, result, _ = analyze(capsys, DATA / "cloudupdrs-two-target-right.csv", "--format",
                           "cloudupdrs", "--units-per-mm", "10")
    assert result["dysmetria_mm"] == pytest.approx(5.82339485875795)
    assert result["units"]["length"] == "mm"


def test_fittstasktwo(capsys):
    code, result, _ = analyze(capsys, DATA / "fittstasktwo-example.txt", "--format",
                              "fittstasktwo")
    assert code == 0 and result["throughput_bits_per_s"] == pytest.approx(8.044, abs=5e-4)
    assert result["sequences"][0]["ae_units"] == pytest.approx(327.06, abs=0.005)


def test_accuracymeasures(capsys):
    _, result, _ = analyze(capsys, DATA / "accuracymeasures-demo.txt", "--format",
                           "accuracymeasures")
    assert result["mv_units"] == pytest.approx(24.56, abs=0.005)


def write_points(path, t, xy, pen=None):
    lines = ["t_ms,x,y" + (",pen" if pen is not None else "")]
    for i in range(len(t)):
        row = [t[i], xy[i][0], xy[i][1]] + ([pen[i]] if pen is not None else [])
        lines.append(",".join(str(v) for v in row))
    path.write_text("\n".join(lines) + "\n")


def test_points_path_with_an_axis_and_a_reference(tmp_path, capsys):
    t = np.arange(200) * 8.0
    xy = np.column_stack([np.linspace(0, 100, 200), 2 * np.sin(np.arange(200) / 5)])
    write_points(tmp_path / "p.csv", t, xy)
    (tmp_path / "ref.csv").write_text("x,y\n0,0\n100,0\n")
    code, result, _ = analyze(capsys, tmp_path / "p.csv", "--format", "points", "--task",
                              "path", "--from", "0,0", "--to", "100,0", "--reference",
                              tmp_path / "ref.csv", "--corridor", "5", "--units-per-mm", "1")
    assert code == 0
    assert result["axis_me_mm"] == pytest.approx(np.mean(np.abs(xy[:, 1])))
    assert result["completion"] == pytest.approx(1.0)
    assert result["deviation_inside_share"] == 1.0
    assert result["deviation_max_mm"] == pytest.approx(2.0, abs=0.01)


def test_points_spiral_and_tapping(tmp_path, capsys):
    theta = np.linspace(0, 6 * np.pi, 900)
    r = 10 * theta / (2 * np.pi)
    write_points(tmp_path / "s.csv", np.arange(900) * 10.0,
                 np.column_stack([r * np.cos(theta), r * np.sin(theta)]))
    _, spiral, _ = analyze(capsys, tmp_path / "s.csv", "--format", "points", "--task",
                           "spiral", "--units-per-mm", "1")
    assert spiral["spiral_spacing_mm_per_turn"] == pytest.approx(10, abs=0.2)
    pen = [1, 1, 0, 0, 1, 0, 1, 1, 0]
    write_points(tmp_path / "t.csv", np.arange(9) * 100.0, np.zeros((9, 2)), pen)
    _, taps, _ = analyze(capsys, tmp_path / "t.csv", "--format", "points", "--task",
                         "tapping")
    assert taps["tap_count"] == 3


def test_svc_and_mpower(tmp_path, capsys):
    theta = np.linspace(0, 4 * np.pi, 400)
    r = 500 * theta / (2 * np.pi)
    rows = [f"{r[i] * np.cos(theta[i]):.1f} {r[i] * np.sin(theta[i]):.1f} {i * 10} 1 0 0 500"
            for i in range(400)]
    (tmp_path / "00001__1_1.svc").write_text("400\n" + "\n".join(rows) + "\n")
    code, result, _ = analyze(capsys, tmp_path / "00001__1_1.svc", "--format", "svc",
                              "--units-per-mm", "50")
    assert code == 0 and result["spiral_spacing_mm_per_turn"] == pytest.approx(10, abs=0.3)
    taps = [{"TapTimeStamp": 1.0 + i * 0.25, "TapCoordinate": f"{{{100 + i}, 200}}",
             "TappedButtonId": "TappedButtonLeft" if i % 2 else "TappedButtonRight"}
            for i in range(8)]
    taps.append({"TapTimeStamp": 3.5, "TapCoordinate": "{5, 5}",
                 "TappedButtonId": "TappedButtonNone"})
    (tmp_path / "m.json").write_text(json.dumps(taps))
    _, result, _ = analyze(capsys, tmp_path / "m.json", "--format", "mpower-tapping")
    assert result["tap_count"] == 8 and result["interval_ms_median"] == pytest.approx(250)


@pytest.mark.parametrize("fmt, content, fragment", [
    ("points", "t_ms,x,y\n0,1,2\n5,oops,3\n", ":3: expected numbers in every column"),
    ("points", "time,a,b\n", ":1: expected a header with columns t_ms, x and y"),
    ("svc", "3\n1 2 3 1 0 0 0\n", "expected 3 samples as the first line says"),
    ("cloudupdrs", "1,0,0,1,2,0,0,5,5\n1,0,7,1,2,0,0,5,5\nfooter\n", ":2: expected action"),
    ("fittstasktwo", "h\ncode\n100, 20\n3D, Serial\n", ":4: expected '1D|2D, Serial|Discrete'"),
    ("mpower-tapping", "[1, 2", "expected JSON"),
])
def test_malformed_files_give_one_line_with_the_line_number(tmp_path, capsys, fmt, content,
                                                            fragment):
    bad = tmp_path / "bad.txt"
    bad.write_text(content)
    args = {"points": ["--task", "tapping"], "svc": ["--task", "spiral"]}.get(fmt, [])
    code, _, err = analyze(capsys, bad, "--format", fmt, *args)
    assert code == 1
    assert err.count("\n") == 1 and fragment in err and str(bad) in err


def test_a_missing_file_is_one_line(capsys):
    code, _, err = analyze(capsys, "/no/such/file.csv", "--format", "points", "--task", "path",
                           "--from", "0,0", "--to", "1,1")
    assert code == 1 and "no such file" in err


def test_a_task_that_does_not_fit_the_format_exits_2():
    with pytest.raises(SystemExit) as info:
        main(["analyze", str(DATA / "fittstasktwo-example.txt"), "--format", "fittstasktwo",
              "--task", "spiral"])
    assert info.value.code == 2
