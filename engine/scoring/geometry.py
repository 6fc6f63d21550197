"""Nearest points on a polyline, vectorised and exact.

Each segment is registered in every cell of a uniform grid that its bounding
box, grown by a reach R, overlaps. A sample's cell then lists every segment
within R of the sample, so when the best candidate is within R it is the
exact nearest one; the few samples farther than R from the whole curve are
searched by brute force. No Python loop runs over samples.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

EPS = 1e-12


@dataclass(frozen=True, slots=True)
class Polyline:
    """A reference curve: its vertices, segment vectors and cumulative arc length."""

    points: np.ndarray       # (M, 2)
    seg_start: np.ndarray    # (M-1, 2)
    seg_vec: np.ndarray      # (M-1, 2)
    seg_len: np.ndarray      # (M-1,)
    arc_start: np.ndarray    # (M-1,) arc length at each segment's start
    length: float
    arc_end: np.ndarray      # (M-1,) arc length at each segment's end (both only grow)

    @classmethod
    def of(cls, points: np.ndarray) -> Polyline:
        pts = np.asarray(points, dtype=float).reshape(-1, 2)
        pts = pts[np.isfinite(pts).all(axis=1)]
        if len(pts) == 1:
            pts = np.vstack([pts, pts])
        vec = np.diff(pts, axis=0)
        seg_len = np.hypot(*vec.T) if len(vec) else np.empty(0)
        arc = np.concatenate([[0.0], np.cumsum(seg_len)[:-1]]) if len(vec) else np.empty(0)
        return cls(pts, pts[:-1], vec, seg_len, arc, float(seg_len.sum()), arc + seg_len)

    @property
    def empty(self) -> bool:
        return len(self.seg_len) == 0


@dataclass(frozen=True, slots=True)
class Projection:
    """For each sample: distance to the curve, signed side, segment and arc position."""

    distance: np.ndarray
    signed: np.ndarray
    segment: np.ndarray
    arc: np.ndarray


Segments = tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]
"""Segment start x, start y, vector x, vector y and 1 / length², as parallel arrays."""


def _squared(px: np.ndarray, py: np.ndarray, segments: Segments
             ) -> tuple[np.ndarray, np.ndarray]:
    """Squared distances and clamped parameters from points to segments (broadcasting)."""
    ax, ay, vx, vy, inv = segments
    rx = px - ax
    ry = py - ay
    t = np.clip((rx * vx + ry * vy) * inv, 0.0, 1.0)
    dx = rx - t * vx
    dy = ry - t * vy
    return dx * dx + dy * dy, t


def project(samples: np.ndarray, line: Polyline) -> Projection:
    """Exact nearest point on `line` for every sample."""
    p = np.asarray(samples, dtype=float).reshape(-1, 2)
    n = len(p)
    if n == 0 or line.empty:
        nan = np.full(n, np.nan)
        return Projection(nan, nan.copy(), np.zeros(n, dtype=int), nan.copy())
    d2 = np.full(n, np.inf)
    seg = np.zeros(n, dtype=np.int64)
    param = np.zeros(n)
    todo = np.arange(n)
    for grid in _grids_for(line):
        _search_grid(p, todo, grid, d2, seg, param)
        todo = todo[d2[todo] > grid.reach ** 2]
        if not todo.size:
            break
    if todo.size:
        d2[todo], seg[todo], param[todo] = _brute(p[todo], line)
    distance = np.sqrt(d2)
    rel = p - line.seg_start[seg]
    cross = line.seg_vec[seg, 0] * rel[:, 1] - line.seg_vec[seg, 1] * rel[:, 0]
    signed = np.where(cross < 0, -distance, distance)
    arc = line.arc_start[seg] + param * line.seg_len[seg]
    return Projection(distance, signed, seg, arc)


def _search_grid(p: np.ndarray, todo: np.ndarray, grid: _Grid, d2: np.ndarray,
                 seg: np.ndarray, param: np.ndarray) -> None:
    """Fill in the nearest registered segment for the samples `todo` that have candidates."""
    cell = grid.cell_of(p[todo])
    lo = np.searchsorted(grid.keys, cell, "left")
    counts = np.searchsorted(grid.keys, cell, "right") - lo
    has = np.flatnonzero(counts)
    if not has.size:
        return
    cnt = counts[has]
    starts = np.cumsum(cnt) - cnt
    pos = np.repeat(lo[has] - starts, cnt) + np.arange(cnt.sum())
    q = p[todo[has]]
    pair_d2, pair_t = _squared(np.repeat(q[:, 0], cnt), np.repeat(q[:, 1], cnt),
                               (grid.ax[pos], grid.ay[pos], grid.vx[pos], grid.vy[pos],
                                grid.inv[pos]))
    best_d2 = np.minimum.reduceat(pair_d2, starts)
    hits = np.flatnonzero(pair_d2 == np.repeat(best_d2, cnt))
    group = np.searchsorted(starts, hits, "right") - 1
    first = hits[np.r_[True, group[1:] != group[:-1]]]
    target = todo[has]
    d2[target], seg[target], param[target] = pair_d2[first], grid.segments[pos[first]], \
        pair_t[first]


def line_arrays(line: Polyline, seg: np.ndarray) -> Segments:
    """Segment start, vector and inverse squared length, component by component."""
    return (line.seg_start[seg, 0], line.seg_start[seg, 1], line.seg_vec[seg, 0],
            line.seg_vec[seg, 1], 1.0 / np.maximum(line.seg_len[seg] ** 2, EPS))


def _brute(p: np.ndarray, line: Polyline, block: int = 256
           ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Nearest segment by checking them all, a block of samples at a time."""
    all_seg = np.arange(len(line.seg_len))
    segments = line_arrays(line, all_seg)
    out_d2, out_seg, out_t = (np.empty(len(p)), np.empty(len(p), dtype=np.int64),
                              np.empty(len(p)))
    for start in range(0, len(p), block):
        q = p[start:start + block]
        d2, t = _squared(q[:, 0, None], q[:, 1, None], segments)
        best = d2.argmin(axis=1)
        rows = np.arange(len(q))
        out_d2[start:start + block] = d2[rows, best]
        out_seg[start:start + block] = best
        out_t[start:start + block] = t[rows, best]
    return out_d2, out_seg, out_t


@dataclass(frozen=True, slots=True)
class _Grid:
    origin: tuple[float, float]
    cell: float
    width: int
    height: int
    reach: float
    keys: np.ndarray      # sorted cell keys, one per (cell, segment) registration
    segments: np.ndarray  # segment index of each registration
    ax: np.ndarray        # that segment's start, vector and 1/length², per registration
    ay: np.ndarray
    vx: np.ndarray
    vy: np.ndarray
    inv: np.ndarray

    def cell_of(self, p: np.ndarray) -> np.ndarray:
        i = np.floor((p[:, 0] - self.origin[0]) / self.cell)
        j = np.floor((p[:, 1] - self.origin[1]) / self.cell)
        inside = (i >= 0) & (i < self.width) & (j >= 0) & (j < self.height)
        return np.where(inside, i * self.height + j, -1).astype(np.int64)


_GRIDS: dict[int, tuple[Polyline, list[_Grid]]] = {}
GRIDS_KEPT = 64   # the lines a game reuses (a trace level's shapes) stay
LEVEL_SCALE = 2.0


def _grids_for(line: Polyline) -> list[_Grid]:
    """Grids from fine to coarse (each 4x coarser with 4x the reach), built once per line."""
    cached = _GRIDS.get(id(line))
    if cached is not None and cached[0] is line:
        return cached[1]
    ends = line.seg_start + line.seg_vec
    extent = float(np.ptp(np.vstack([line.seg_start, ends]), axis=0).max())
    cell = max(extent / 64.0, line.length / max(len(line.seg_len), 1) / 2.0, 1e-6)
    grids = []
    while True:
        grids.append(_build_grid(line, cell))
        if 2.0 * cell >= extent or len(grids) == 6:
            break
        cell *= LEVEL_SCALE
    if len(_GRIDS) >= GRIDS_KEPT:
        del _GRIDS[next(iter(_GRIDS))]   # the oldest
    _GRIDS[id(line)] = (line, grids)
    return grids


def _build_grid(line: Polyline, cell: float) -> _Grid:
    ends = line.seg_start + line.seg_vec
    lo = np.minimum(line.seg_start, ends)
    hi = np.maximum(line.seg_start, ends)
    reach = 2.0 * cell
    origin = (float(lo[:, 0].min() - reach), float(lo[:, 1].min() - reach))
    width = int(np.floor((hi[:, 0].max() + reach - origin[0]) / cell)) + 1
    height = int(np.floor((hi[:, 1].max() + reach - origin[1]) / cell)) + 1
    i0 = np.floor((lo[:, 0] - reach - origin[0]) / cell).astype(np.int64)
    i1 = np.floor((hi[:, 0] + reach - origin[0]) / cell).astype(np.int64)
    j0 = np.floor((lo[:, 1] - reach - origin[1]) / cell).astype(np.int64)
    j1 = np.floor((hi[:, 1] + reach - origin[1]) / cell).astype(np.int64)
    nj = j1 - j0 + 1
    counts = (i1 - i0 + 1) * nj
    segments = np.repeat(np.arange(len(counts)), counts)
    local = np.arange(counts.sum()) - np.repeat(np.cumsum(counts) - counts, counts)
    rep_nj = np.repeat(nj, counts)
    ci = np.repeat(i0, counts) + local // rep_nj
    cj = np.repeat(j0, counts) + local % rep_nj
    centre_x = origin[0] + (ci + 0.5) * cell
    centre_y = origin[1] + (cj + 0.5) * cell
    d2, _ = _squared(centre_x, centre_y, line_arrays(line, segments))
    near = d2 <= (reach + cell * 0.7072) ** 2   # within reach of some point of the cell
    segments, ci, cj = segments[near], ci[near], cj[near]
    keys = ci * height + cj
    order = np.argsort(keys, kind="stable")
    segments = segments[order]
    return _Grid(origin, cell, width, height, reach, keys[order], segments,
                 *line_arrays(line, segments))
