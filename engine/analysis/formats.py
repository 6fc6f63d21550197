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

    def stroke_of(self) -> np.ndarray:
        """For the pen-down samples (`down()`), the stroke each belongs to: 0, 1, ... (a
        stroke is a run of pen-down samples)."""
        pen = self.pen > 0
        starts = pen & ~np.r_[False, pen[:-1]]
        return np.cumsum(starts)[pen] - 1


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
    """One AccuracyMeasures trial: start, end, width, the sampled path and its code."""

    start: np.ndarray
    end: np.ndarray
    width: float
    xy: np.ndarray
    code: dict[str, str] = field(default_factory=dict)
    """The trial's code (participant, block, trial...), by the header's names."""


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


def read_cloudupdrs(path: Path, pdkit: bool = False) -> Taps:
    """The cloudUPDRS / pdkit finger-tapping CSV. A closing line that is not a tapping row
    (the "Total number of taps: N" footer) is dropped; a tapping row never is. `pdkit`:
    drop the last line whatever it holds, as pdkit's loader does (its numbers exactly, one
    tap short on the files that have no footer).

    Columns: time ms, -, action (0 down, 1 up), x, y, -, -, target x, target y.
    """
    lines = _lines(path)
    filled = [n for n, line in enumerate(lines) if line.strip()]
    if filled and (pdkit or _is_footer(lines[filled[-1]])):
        lines = lines[:filled[-1]]       # pdkit skips blank lines, then the last one
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


def _is_footer(line: str) -> bool:
    """A closing summary line such as "Total number of taps: 204" (words, not 9 numbers)."""
    return bool(re.match(r"\s*[A-Za-z]", line))


_PAIR = re.compile(r"^\{\s*(-?[\d.eE+-]+)\s*,\s*(-?[\d.eE+-]+)\s*\}$")


def read_mpower_tapping(path: Path) -> Taps:
    """The mPower tapping JSON list: TapTimeStamp (s), TapCoordinate "{x, y}", TappedButtonId.

    Only taps on the left or right button count (TappedButtonNone is a miss of both).
    """
    try:
        records = json.loads(Path(path).read_text("utf-8-sig"))
    except UnicodeDecodeError as error:
        raise FormatError(path, None, f"a text file ({error.reason})") from error
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
        if "TapTimeStamp" not in record or "TappedButtonId" not in record:
            keys = ", ".join(sorted(record)[:6]) or "no keys"
            raise FormatError(path, None, f"{where}TapTimeStamp, TapCoordinate and "
                              f"TappedButtonId, found {keys}")
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


SVC_COLUMNS = {"yx": "y x time pen azimuth altitude pressure",
               "xy": "x y time pen azimuth altitude pressure"}
"""The two column orders of SVC files: PaHaW's description gives y first (its files'
default here); SVC2004's signatures give x first."""


def read_svc(path: Path, order: str = "yx") -> Points:
    """Handwriting-tablet SVC: first line the sample count, then 7 numbers per line, in
    the order `SVC_COLUMNS[order]`."""
    lines = [(n, line) for n, line in enumerate(_lines(path), start=1) if line.strip()]
    if not lines:
        raise FormatError(path, 1, "the number of samples")
    try:
        count = int(lines[0][1].strip())
    except ValueError as error:
        raise FormatError(path, lines[0][0], "the number of samples") from error
    columns = SVC_COLUMNS[order]
    rows = [_floats(path, n, line, 7, f"7 numbers: {columns}") for n, line in lines[1:]]
    if len(rows) != count:
        last = lines[-1][0] if lines else 1
        raise FormatError(path, last, f"{count} samples as the first line says, "
                          f"found {len(rows)}")
    if not rows:
        raise FormatError(path, 2, "at least one sample")
    data = np.array(rows)
    xy = data[:, [1, 0]] if order == "yx" else data[:, 0:2]
    return Points(data[:, 2], xy, data[:, 3], np.ones(len(data)))


PAHAW_NAME = re.compile(r"__(\d+)_\d+\.svc$", re.IGNORECASE)
PAHAW_TASKS = {1: "spiral", 2: "handwriting", 3: "handwriting", 4: "handwriting",
               5: "handwriting", 6: "handwriting", 7: "handwriting", 8: "handwriting"}
"""PaHaW's tasks by the number in its file names (`00026__1_1.svc`): 1 the Archimedean
spiral; 2 to 8 the letter l, "le", "les", words and a sentence."""


def svc_task(path: Path) -> str | None:
    """The task a PaHaW file's name says (spiral or handwriting), or None."""
    match = PAHAW_NAME.search(Path(path).name)
    return PAHAW_TASKS.get(int(match.group(1))) if match else None


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


def read_accuracymeasures(path: Path) -> list[AxisPath]:
    """AccuracyMeasures' input: comments (#), a code header once, then per trial a code
    line, from x,y, to x,y, width, the path's x values and its y values, trials apart
    by blank lines. Every trial is read."""
    body = [(n, line) for n, line in enumerate(_lines(path), start=1)
            if line.strip() and not line.startswith("#")]
    if len(body) < 7:
        raise FormatError(path, body[-1][0] if body else 1,
                          "header, code, from, to, width, x values and y values lines")
    names = [h.strip() for h in body[0][1].split(",")]
    paths = []
    for i in range(1, len(body), 6):
        trial = body[i:i + 6]
        if len(trial) < 6:
            raise FormatError(path, trial[-1][0], "a whole trial: code, from, to, width, "
                              "x values and y values lines")
        paths.append(_axis_trial(path, names, trial))
    return paths


def _axis_trial(path: Path, names: list[str], trial: list[tuple[int, str]]) -> AxisPath:
    (n_code, code), (n_from, start), (n_to, end), (n_w, width), (n_x, xs), (n_y, ys) = trial
    values = [v.strip() for v in code.split(",")]
    if len(values) != len(names):
        raise FormatError(path, n_code, f"a code line of {len(names)} values, as the header")
    a = _floats(path, n_from, start, 2, "from x,y")
    b = _floats(path, n_to, end, 2, "to x,y")
    w = _floats(path, n_w, width, 1, "the target width")[0]
    x = _floats(path, n_x, xs, None, "the path's x values")
    y = _floats(path, n_y, ys, len(x), f"{len(x)} y values, as many as x")
    return AxisPath(np.array(a), np.array(b), w, np.column_stack([x, y]),
                    dict(zip(names, values, strict=True)))
