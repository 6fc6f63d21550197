"""Readers for research recording formats. A malformed file raises `FormatError`, whose
message is one line naming the file, the line number and what was expected."""

from __future__ import annotations

import csv
import json
import math
import re
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np


class FormatError(Exception):
    """A file that does not have the expected layout."""

    def __init__(self, path: Path | str, line: int | None, expected: str) -> None:
        where = f"{path}:{line}" if line is not None else str(path)
        super().__init__(f"{where}: expected {expected}")
        self.path, self.line, self.expected = path, line, expected


@dataclass(frozen=True)
class Points:
    """Sampled positions: times in ms, x and y in source units, pen 1 (down) or 0 (up)."""

    t_ms: np.ndarray
    xy: np.ndarray
    pen: np.ndarray
    finger: np.ndarray

    def down(self) -> Points:
        """Only the samples with the pen (finger) down."""
        keep = self.pen > 0
        return Points(self.t_ms[keep], self.xy[keep], self.pen[keep], self.finger[keep])


@dataclass(frozen=True)
class Taps:
    """A tapping test: touch-down and lift times, positions and targets."""

    down_ms: np.ndarray
    up_ms: np.ndarray | None
    down_xy: np.ndarray
    target_xy: np.ndarray | None
    start_ms: float | None = None
    end_ms: float | None = None
    count_lifts: bool = False


@dataclass(frozen=True)
class PointingSequence:
    """One FittsTaskTwo sequence (one amplitude-width condition)."""

    code: str
    amplitude: float
    width: float
    task: str
    response: str
    start: np.ndarray = field(repr=False)
    target: np.ndarray = field(repr=False)
    select: np.ndarray = field(repr=False)
    movement_ms: np.ndarray = field(repr=False)

    @property
    def serial(self) -> bool:
        return self.response.lower() == "serial"


@dataclass(frozen=True)
class AxisPath:
    """One AccuracyMeasures path: start, end, width and the sampled path."""

    start: np.ndarray
    end: np.ndarray
    width: float
    xy: np.ndarray


def _lines(path: Path) -> list[str]:
    try:
        return Path(path).read_text("utf-8-sig").splitlines()
    except UnicodeDecodeError as error:
        raise FormatError(path, None, f"a text file ({error.reason})") from error
    except OSError as error:
        raise FormatError(path, None, f"a readable file ({error.strerror})") from error


def _floats(path: Path, number: int, text: str, count: int | None, what: str) -> list[float]:
    parts = [p for p in re.split(r"[,\s]+", text.strip()) if p]
    try:
        values = [float(p) for p in parts]
    except ValueError as error:
        raise FormatError(path, number, what) from error
    if count is not None and len(values) != count:
        raise FormatError(path, number, what)
    if not all(math.isfinite(v) for v in values):
        raise FormatError(path, number, f"{what} (finite numbers)")
    return values


def read_points(path: Path) -> Points:
    """CSV with a header `t_ms,x,y` and optional `pen` (0/1) and `finger` columns."""
    lines = _lines(path)
    if not lines:
        raise FormatError(path, 1, "a header t_ms,x,y")
    header = [h.strip().lower() for h in lines[0].split(",")]
    if not {"t_ms", "x", "y"} <= set(header):
        raise FormatError(path, 1, "a header with columns t_ms, x and y")
    cols = {name: header.index(name) for name in ("t_ms", "x", "y", "pen", "finger")
            if name in header}
    rows: list[list[float]] = []
    for number, row in enumerate(csv.reader(lines[1:]), start=2):
        if not row or not "".join(row).strip():
            continue
        if len(row) != len(header):
            raise FormatError(path, number, f"{len(header)} comma-separated values")
        values = _floats(path, number, ",".join(row), len(header), "numbers in every column")
        rows.append(values)
    if not rows:
        raise FormatError(path, 2, "at least one sample row")
    data = np.array(rows)
    n = len(data)
    pen = data[:, cols["pen"]] if "pen" in cols else np.ones(n)
    finger = data[:, cols["finger"]] if "finger" in cols else np.ones(n)
    return Points(data[:, cols["t_ms"]], data[:, [cols["x"], cols["y"]]], pen, finger)


def read_xy_rows(path: Path) -> np.ndarray:
    """A reference curve: one `x,y` pair per line (a header line is allowed)."""
    points = []
    for number, line in enumerate(_lines(path), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if number == 1 and re.search(r"[A-Za-z]", line):
            continue
        points.append(_floats(path, number, line, 2, "two numbers x,y"))
    if len(points) < 2:
        raise FormatError(path, None, "at least two x,y points")
    return np.array(points)


def read_cloudupdrs(path: Path) -> Taps:
    """The cloudUPDRS / pdkit finger-tapping CSV, loaded as pdkit loads it (last line dropped).

    Columns: time ms, -, action (0 down, 1 up), x, y, -, -, target x, target y.
    """
    lines = _lines(path)[:-1]
    rows = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        rows.append(_floats(path, number, line, 9, "9 comma-separated numbers "
                            "(time, -, action, x, y, -, -, target x, target y)"))
    if not rows:
        raise FormatError(path, 1, "at least one tapping row")
    data = np.array(rows)
    action = data[:, 2]
    if not np.isin(action, (0, 1)).all():
        bad = int(np.flatnonzero(~np.isin(action, (0, 1)))[0]) + 1
        raise FormatError(path, bad, "action 0 (down) or 1 (up) in the third column")
    down = action == 0
    return Taps(data[down, 0], data[action == 1, 0], data[down][:, 3:5], data[down][:, 7:9],
                float(data[0, 0]), float(data[-1, 0]), count_lifts=True)


_PAIR = re.compile(r"^\{\s*(-?[\d.eE+-]+)\s*,\s*(-?[\d.eE+-]+)\s*\}$")


def read_mpower_tapping(path: Path) -> Taps:
    """The mPower tapping JSON list: TapTimeStamp (s), TapCoordinate "{x, y}", TappedButtonId.

    Only taps on the left or right button count (TappedButtonNone is a miss of both).
    """
    try:
        records = json.loads(Path(path).read_text("utf-8"))
    except OSError as error:
        raise FormatError(path, None, f"a readable file ({error.strerror})") from error
    except json.JSONDecodeError as error:
        raise FormatError(path, error.lineno, f"JSON ({error.msg})") from error
    if not isinstance(records, list):
        raise FormatError(path, 1, "a JSON list of taps")
    times, xy = [], []
    for index, record in enumerate(records):
        where = f"tap {index + 1}: "
        if not isinstance(record, dict):
            raise FormatError(path, None, f"{where}an object")
        button = record.get("TappedButtonId")
        if button not in ("TappedButtonLeft", "TappedButtonRight"):
            continue
        try:
            t = float(record["TapTimeStamp"])
            match = _PAIR.match(str(record["TapCoordinate"]).strip())
        except (KeyError, TypeError, ValueError) as error:
            raise FormatError(path, None, f"{where}TapTimeStamp and TapCoordinate") from error
        if match is None:
            raise FormatError(path, None, f'{where}TapCoordinate like "{{12.5, 300}}"')
        times.append(t * 1000.0)
        xy.append((float(match.group(1)), float(match.group(2))))
    return Taps(np.array(times), None, np.array(xy).reshape(-1, 2), None)


def read_svc(path: Path) -> Points:
    """Handwriting-tablet SVC: first line the sample count, then
    `x y t_ms pen azimuth altitude pressure` per line."""
    lines = [(n, line) for n, line in enumerate(_lines(path), start=1) if line.strip()]
    if not lines:
        raise FormatError(path, 1, "the number of samples")
    try:
        count = int(lines[0][1].strip())
    except ValueError as error:
        raise FormatError(path, lines[0][0], "the number of samples") from error
    rows = [_floats(path, n, line, 7, "7 numbers: x y time pen azimuth altitude pressure")
            for n, line in lines[1:]]
    if len(rows) != count:
        last = lines[-1][0] if lines else 1
        raise FormatError(path, last, f"{count} samples as the first line says, "
                          f"found {len(rows)}")
    if not rows:
        raise FormatError(path, 2, "at least one sample")
    data = np.array(rows)
    return Points(data[:, 2], data[:, 0:2], data[:, 3], np.ones(len(data)))


def read_fittstasktwo(path: Path) -> list[PointingSequence]:
    """FittsTaskTwo's data layout: a header line, then per sequence a code line, `A, W`,
    `task, response`, and one `from x, from y, to x, to y, select x, select y, MT` per trial."""
    lines = [(n, line) for n, line in enumerate(_lines(path), start=1)]
    body = [(n, line) for n, line in lines if line.strip() and not line.startswith("#")]
    if len(body) < 4:
        raise FormatError(path, len(lines) or 1, "a header, a code line, 'A, W', "
                          "'task, response' and trial lines")
    sequences: list[PointingSequence] = []
    i = 1
    while i < len(body):
        code = body[i][1].strip()
        if i + 2 >= len(body):
            raise FormatError(path, body[-1][0], "'A, W' and 'task, response' lines")
        amplitude, width = _floats(path, body[i + 1][0], body[i + 1][1], 2,
                                   "two numbers: amplitude, width")
        kind = [p.strip() for p in body[i + 2][1].split(",")]
        if len(kind) != 2 or kind[0].lower() not in ("1d", "2d") or \
                kind[1].lower() not in ("serial", "discrete"):
            raise FormatError(path, body[i + 2][0], "'1D|2D, Serial|Discrete'")
        i += 3
        trials = []
        while i < len(body) and len(re.split(r"[,\s]+", body[i][1].strip())) == 7 and \
                not re.search(r"[A-Za-z]", body[i][1]):
            trials.append(_floats(path, body[i][0], body[i][1], 7, "7 numbers per trial"))
            i += 1
        if not trials:
            raise FormatError(path, body[i][0] if i < len(body) else body[-1][0],
                              "trial lines of 7 numbers")
        t = np.array(trials)
        sequences.append(PointingSequence(code, amplitude, width, kind[0], kind[1], t[:, 0:2],
                                          t[:, 2:4], t[:, 4:6], t[:, 6]))
    return sequences


def read_accuracymeasures(path: Path) -> AxisPath:
    """AccuracyMeasures' demo layout: header, code, from x,y, to x,y, width, xs, ys."""
    body = [(n, line) for n, line in enumerate(_lines(path), start=1)
            if line.strip() and not line.startswith("#")]
    if len(body) < 7:
        raise FormatError(path, body[-1][0] if body else 1,
                          "header, code, from, to, width, x values and y values lines")
    start = _floats(path, body[2][0], body[2][1], 2, "from x,y")
    end = _floats(path, body[3][0], body[3][1], 2, "to x,y")
    width = _floats(path, body[4][0], body[4][1], 1, "the target width")[0]
    xs = _floats(path, body[5][0], body[5][1], None, "the path's x values")
    ys = _floats(path, body[6][0], body[6][1], len(xs), f"{len(xs)} y values, as many as x")
    return AxisPath(np.array(start), np.array(end), width, np.column_stack([xs, ys]))
