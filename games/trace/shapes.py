"""Shapes to trace, read from `assets/shapes/*.toml` (see the README there).

Strokes are produced in a unit box, then placed in mm: scaled to a square of
`size_mm`, centred on the board, mirrored for left-hand play unless the shape forbids it.
"""

from __future__ import annotations

import itertools
import math
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np

from engine.resources import resource_path

STEP_UNIT = 0.008        # about 0.5 mm on a 60 mm shape


class ShapeError(Exception):
    """A shape file that cannot be used; the message is one line."""


@dataclass(frozen=True)
class Shape:
    id: str
    name: str
    kind: str
    mirror: bool
    strokes: tuple[np.ndarray, ...]     # each (N, 2) in the unit box

    @property
    def spiral_center(self) -> tuple[float, float] | None:
        return self._center

    _center: tuple[float, float] | None = None

    def placed(self, size_mm: float, board: tuple[float, float], mirrored: bool
               ) -> list[np.ndarray]:
        """Strokes in board mm: a `size_mm` square centred on the board."""
        left = (board[0] - size_mm) / 2.0
        top = (board[1] - size_mm) / 2.0
        out = []
        for stroke in self.strokes:
            pts = stroke * size_mm + np.array([left, top])
            if mirrored and self.mirror:
                pts = pts.copy()
                pts[:, 0] = board[0] - pts[:, 0]
            out.append(pts)
        return out

    def placed_center(self, size_mm: float, board: tuple[float, float], mirrored: bool
                      ) -> tuple[float, float] | None:
        if self._center is None:
            return None
        x = (board[0] - size_mm) / 2.0 + self._center[0] * size_mm
        y = (board[1] - size_mm) / 2.0 + self._center[1] * size_mm
        return ((board[0] - x) if mirrored and self.mirror else x, y)


def shapes_dir() -> Path:
    return resource_path("assets", "shapes")


def shape_ids() -> list[str]:
    return sorted(p.stem for p in shapes_dir().glob("*.toml"))


def check_shape_list(value: Any) -> None:
    """ParamSpec validator: a comma-separated list of known shape ids."""
    known = set(shape_ids())
    items = [v.strip() for v in str(value).split(",") if v.strip()]
    unknown = [v for v in items if v not in known]
    if not items or unknown:
        raise ValueError(f"expected shape names from assets/shapes (unknown: "
                         f"{', '.join(unknown) or 'none given'})")


@cache
def load_shape(shape_id: str) -> Shape:
    path = shapes_dir() / f"{shape_id}.toml"
    try:
        data = tomllib.loads(path.read_text("utf-8"))
    except FileNotFoundError:
        raise ShapeError(f"{path}: no such shape") from None
    except tomllib.TOMLDecodeError as error:
        raise ShapeError(f"{path}: not valid TOML ({error})") from None
    strokes: list[np.ndarray] = []
    center = None
    for n, raw in enumerate(data.get("strokes", []), start=1):
        try:
            points = _stroke(raw)
        except (KeyError, TypeError, ValueError) as error:
            raise ShapeError(f"{path}: stroke {n}: {error}") from None
        if raw.get("type") == "spiral":
            center = (float(raw["center"][0]), float(raw["center"][1]))
        if raw.get("join") and strokes:
            strokes[-1] = np.vstack([strokes[-1], points])
        else:
            strokes.append(points)
    if not strokes:
        raise ShapeError(f"{path}: expected at least one [[strokes]] table")
    return Shape(shape_id, str(data.get("name", shape_id)), str(data.get("kind", "path")),
                 bool(data.get("mirror", True)), tuple(strokes), center)


def _pair(raw: dict[str, Any], key: str) -> np.ndarray:
    value = raw[key]
    if not (isinstance(value, list) and len(value) == 2):
        raise ValueError(f"'{key}' must be [x, y]")
    return np.array([float(value[0]), float(value[1])])


def _stroke(raw: dict[str, Any]) -> np.ndarray:
    kind = raw.get("type")
    if kind == "polyline":
        pts = np.array(raw["points"], dtype=float)
        if pts.ndim != 2 or pts.shape[1] != 2 or len(pts) < 2:
            raise ValueError("'points' must be at least two [x, y] pairs")
        return _densify(pts)
    if kind == "arc":
        c = _pair(raw, "center")
        r = float(raw["radius"])
        start = math.radians(float(raw["start_deg"]))
        sweep = math.radians(float(raw["sweep_deg"]))
        n = max(8, int(abs(sweep) * r / STEP_UNIT))
        a = start + sweep * np.linspace(0, 1, n + 1)
        return c + r * np.column_stack([np.cos(a), np.sin(a)])
    if kind == "spiral":
        c = _pair(raw, "center")
        turns = float(raw["turns"])
        radius = float(raw["radius"])
        direction = -1.0 if raw.get("clockwise", True) is False else 1.0
        total = 2 * math.pi * turns
        n = max(50, int(0.5 * total * radius / STEP_UNIT))
        theta = np.linspace(0, total, n + 1)
        radii = radius * theta / total
        return c + np.column_stack([radii * np.cos(direction * theta),
                                    radii * np.sin(direction * theta)])
    if kind in ("wave", "zigzag"):
        a, b = _pair(raw, "from"), _pair(raw, "to")
        amplitude = float(raw["amplitude"])
        along = b - a
        normal = np.array([-along[1], along[0]]) / max(float(np.hypot(*along)), 1e-9)
        if kind == "wave":
            periods = float(raw["periods"])
            s = np.linspace(0, 1, max(40, int(np.hypot(*along) * 3 / STEP_UNIT)))
            offset = amplitude * np.sin(2 * math.pi * periods * s)
        else:
            teeth = int(raw["teeth"])
            s = np.linspace(0, 1, 2 * teeth + 1)
            offset = amplitude * np.where(np.arange(len(s)) % 2 == 1, 1.0, 0.0) * \
                np.where(np.arange(len(s)) % 4 == 1, 1.0, -1.0)
            pts = a + np.outer(s, along) + np.outer(offset, normal)
            return _densify(pts)
        return a + np.outer(s, along) + np.outer(offset, normal)
    raise ValueError(f"unknown stroke type {kind!r} (polyline, arc, spiral, wave, zigzag)")


def _densify(pts: np.ndarray) -> np.ndarray:
    """Points every STEP_UNIT along straight segments (keeps corners exact)."""
    out = [pts[:1]]
    for a, b in itertools.pairwise(pts):
        n = max(1, math.ceil(float(np.hypot(*(b - a))) / STEP_UNIT))
        out.append(a + np.outer(np.arange(1, n + 1) / n, b - a))
    return np.vstack(out)
