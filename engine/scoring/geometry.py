"""Nearest points on a polyline, vectorised and exact.

A square grid over the line's box (grown by a margin) lists, for each cell, every
segment that may be the nearest one for some point of the cell: a segment is dropped
only when its distance from the cell's centre, less half the cell's diagonal, exceeds
another segment's distance from the centre plus half the diagonal. The lists are built
coarse to fine, each cell filtering its parent's list, so no cell checks every
segment. A sample then checks only its cell's segments: slot by slot over all samples
at once (samples sorted by list length, so each slot is a prefix), or, for the few in
cells with long lists, all at once. Samples outside the box, in cells with very long
lists, or on lines of few segments are searched by brute force. The result is the one
brute force gives: the same distances, and on ties the lowest segment index.
"""

from __future__ import annotations

import math
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
    d2, seg, param = _nearest(p, line)
    distance = np.sqrt(d2)
    rel = p - line.seg_start[seg]
    cross = line.seg_vec[seg, 0] * rel[:, 1] - line.seg_vec[seg, 1] * rel[:, 0]
    signed = np.where(cross < 0, -distance, distance)
    arc = line.arc_start[seg] + param * line.seg_len[seg]
    return Projection(distance, signed, seg, arc)


def nearest_one(x: float, y: float, line: Polyline) -> tuple[float, int]:
    """`project` for one sample: the distance from (x, y) to `line` and the nearest
    segment (NaN and 0 for an empty line). A cell's list is checked in plain Python with
    the arithmetic of `_squared`, so the distance is the same to the last bit."""
    if line.empty:
        return math.nan, 0
    if len(line.seg_len) > BRUTE_SEGMENTS:
        cells = _cells_for(line)
        listed = cells.listed_at(x, y)
        if listed is not None:
            return _nearest_listed(x, y, listed, cells.rows)
    d2, _ = _squared(np.asarray(x, dtype=float), np.asarray(y, dtype=float),
                     line_arrays(line, np.arange(len(line.seg_len))))
    best = int(d2.argmin())
    return math.sqrt(float(d2[best])), best


def _nearest_listed(x: float, y: float, listed: list[int],
                    rows: list[tuple[float, float, float, float, float]]) -> tuple[float, int]:
    best_d2, best = math.inf, 0
    for s in listed:
        ax, ay, vx, vy, inv = rows[s]
        rx = x - ax
        ry = y - ay
        t = min(max((rx * vx + ry * vy) * inv, 0.0), 1.0)
        dx = rx - t * vx
        dy = ry - t * vy
        d2 = dx * dx + dy * dy
        if d2 < best_d2:
            best_d2, best = d2, s
    return math.sqrt(best_d2), best


def prepare(line: Polyline) -> None:
    """Build the line's search grid now (it is otherwise built on first use)."""
    if len(line.seg_len) > BRUTE_SEGMENTS:
        _cells_for(line)


BRUTE_SEGMENTS = 16
"""Lines of at most this many segments are searched by brute force (no grid)."""
MAX_LISTED = 64
SLOTS = 32
"""Samples in cells listing at most this many segments are searched slot by slot (the
few with longer lists, all at once)."""
"""Samples in cells listing more segments than this are searched by brute force."""


def _nearest(p: np.ndarray, line: Polyline) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Squared distance, segment and segment parameter of each sample's nearest point."""
    if len(line.seg_len) <= BRUTE_SEGMENTS:
        return _brute(p, line)
    cells = _cells_for(line)
    cell = cells.cell_of(p)
    count = np.where(cell >= 0, cells.count[cell], 0)
    listed = (count > 0) & (count <= MAX_LISTED)
    d2, seg, param = np.empty(len(p)), np.empty(len(p), dtype=np.int64), np.empty(len(p))
    rest = np.flatnonzero(~listed)
    if rest.size:
        d2[rest], seg[rest], param[rest] = _brute(p[rest], line)
    long = np.flatnonzero(listed & (count > SLOTS))
    if long.size:
        d2[long], seg[long], param[long] = _search_padded(p[long], cell[long], cells)
    short = np.flatnonzero(listed & (count <= SLOTS))
    if short.size:
        short = short[np.argsort((SLOTS - count[short]).astype(np.uint8), kind="stable")]
        d2[short], seg[short], param[short] = _search_lists(p[short], cell[short],
                                                            count[short], cells)
    return d2, seg, param


def _search_padded(q: np.ndarray, cell: np.ndarray, cells: _Cells
                   ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Nearest segment listed in the cells `cell` of samples `q`, all lists at once, each
    padded to the longest by repeating its last segment (argmin keeps the first)."""
    first, count = cells.first[cell], cells.count[cell]
    slot = np.minimum(np.arange(int(count.max())), count[:, None] - 1)
    candidate = cells.segments[first[:, None] + slot]
    d2, t = _squared(q[:, 0, None], q[:, 1, None], cells.take(candidate))
    best = d2.argmin(axis=1)
    rows = np.arange(len(q))
    return d2[rows, best], candidate[rows, best], t[rows, best]


def _search_lists(q: np.ndarray, cell: np.ndarray, count: np.ndarray, cells: _Cells
                  ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Nearest segment listed in the cells `cell` of samples `q`, sorted by the lists'
    lengths `count` (longest first): slot k checks the k-th segment of the first samples,
    those with more than k. Lists ascend, and a later segment replaces the best only when
    strictly nearer: ties go to the lower index, as in brute force."""
    at_least = np.bincount(count)[::-1].cumsum()[::-1]   # at_least[k]: samples with >= k
    base = cells.first[cell]
    qx, qy = q[:, 0], q[:, 1]
    seg = cells.segments[base]
    d2, param = _squared(qx, qy, cells.take(seg))
    for k in range(1, len(at_least) - 1):
        m = int(at_least[k + 1])
        candidate = cells.segments[base[:m] + k]
        cand_d2, cand_t = _squared(qx[:m], qy[:m], cells.take(candidate))
        nearer = cand_d2 < d2[:m]
        np.copyto(d2[:m], cand_d2, where=nearer)
        np.copyto(seg[:m], candidate, where=nearer)
        np.copyto(param[:m], cand_t, where=nearer)
    return d2, seg, param


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
class _Cells:
    """A `res` x `res` grid of square cells of side `size` from `origin`; cell c lists
    the segments `segments[first[c]:first[c + 1]]` (ascending)."""

    origin: tuple[float, float]
    size: float
    res: int
    first: np.ndarray
    count: np.ndarray
    segments: np.ndarray
    arrays: Segments   # every segment's, as `line_arrays` gives them
    rows: list[tuple[float, float, float, float, float]]   # the same, segment by segment

    def cell_of(self, p: np.ndarray) -> np.ndarray:
        """Each point's cell, or -1 outside the grid (or not finite)."""
        i = np.floor((p[:, 0] - self.origin[0]) / self.size)
        j = np.floor((p[:, 1] - self.origin[1]) / self.size)
        inside = (i >= 0) & (i < self.res) & (j >= 0) & (j < self.res)
        return np.where(inside, i * self.res + j, -1).astype(np.int64)

    def listed_at(self, x: float, y: float) -> list[int] | None:
        """One point's cell list (None outside the grid, or for a long list)."""
        if not (math.isfinite(x) and math.isfinite(y)):
            return None
        i = math.floor((x - self.origin[0]) / self.size)
        j = math.floor((y - self.origin[1]) / self.size)
        if not (0 <= i < self.res and 0 <= j < self.res):
            return None
        cell = i * self.res + j
        count = int(self.count[cell])
        if not 0 < count <= MAX_LISTED:
            return None
        first = int(self.first[cell])
        listed: list[int] = self.segments[first:first + count].tolist()
        return listed

    def take(self, seg: np.ndarray) -> Segments:
        ax, ay, vx, vy, inv = self.arrays
        return (ax.take(seg), ay.take(seg), vx.take(seg), vy.take(seg), inv.take(seg))


_CELLS: dict[int, tuple[Polyline, _Cells]] = {}
GRIDS_KEPT = 64   # the lines a game reuses (a trace level's shapes) stay
MARGIN_SHARE = 0.1
"""The grid covers the line's box grown by this share of its extent on every side."""
FIRST_LEVEL, MAX_LEVEL = 2, 6
"""The coarsest grid has 2^FIRST_LEVEL cells a side; the finest at most 2^MAX_LEVEL. At 7
a new line took 110-165 ms to prepare (inside a closed curve every cell keeps nearly
every segment), at 6 18-31 ms, about as before the grid was pruned; a 10,000-sample
projection on the bench's dense spiral takes about twice as long at 6 (13 ms, not 6)."""


def _cells_for(line: Polyline) -> _Cells:
    """The line's grid, built once per line."""
    cached = _CELLS.get(id(line))
    if cached is not None and cached[0] is line:
        return cached[1]
    cells = _build_cells(line)
    if len(_CELLS) >= GRIDS_KEPT:
        del _CELLS[next(iter(_CELLS))]   # the oldest
    _CELLS[id(line)] = (line, cells)
    return cells


def _build_cells(line: Polyline) -> _Cells:
    """Every segment in four cells, then each level's cells split in four, keeping only
    the parent's segments that may still be nearest somewhere in the child."""
    ends = line.seg_start + line.seg_vec
    lo = np.minimum(line.seg_start, ends).min(axis=0)
    hi = np.maximum(line.seg_start, ends).max(axis=0)
    extent = max(float((hi - lo).max()), 1e-9)
    side = extent * (1.0 + 2.0 * MARGIN_SHARE)
    origin = ((lo + hi) / 2.0 - side / 2.0)
    spacing = max(line.length / len(line.seg_len), side / 2 ** MAX_LEVEL)
    last = int(np.clip(np.ceil(np.log2(side / spacing)), FIRST_LEVEL, MAX_LEVEL))
    arrays = line_arrays(line, np.arange(len(line.seg_len)))
    res = 2 ** FIRST_LEVEL
    cell = np.repeat(np.arange(res * res), len(line.seg_len))
    seg = np.tile(np.arange(len(line.seg_len)), res * res)
    for level in range(FIRST_LEVEL, last + 1):
        if level > FIRST_LEVEL:
            cell, seg, res = _split(cell, seg, res)
        keep = _may_be_nearest(cell, seg, res, side / res, origin, arrays)
        cell, seg = cell[keep], seg[keep]
    count = np.bincount(cell, minlength=res * res)
    first = np.concatenate([[0], np.cumsum(count)[:-1]])
    rows = list(zip(*(a.tolist() for a in arrays), strict=True))
    return _Cells((float(origin[0]), float(origin[1])), side / res, res, first, count,
                  seg, arrays, rows)


def _split(cell: np.ndarray, seg: np.ndarray, res: int
           ) -> tuple[np.ndarray, np.ndarray, int]:
    """Each (cell, segment) pair given to the cell's four children, grouped by child with
    segments still ascending."""
    i, j = np.divmod(cell, res)
    child = [(2 * i + di) * (2 * res) + 2 * j + dj for di in (0, 1) for dj in (0, 1)]
    cell = np.concatenate(child)
    order = np.argsort(cell, kind="stable")
    return cell[order], np.tile(seg, 4)[order], 2 * res


def _may_be_nearest(cell: np.ndarray, seg: np.ndarray, res: int, size: float,
                    origin: np.ndarray, arrays: Segments) -> np.ndarray:
    """Which pairs (grouped by cell) to keep: those whose segment may be the nearest for
    some point of the cell. Every point of a cell is within half its diagonal h of the
    centre, so a segment at distance d from the centre is between d - h and d + h from
    it: a segment is dropped when d - h exceeds the cell's least d + h."""
    ax, ay, vx, vy, inv = arrays
    i, j = np.divmod(cell, res)
    centre = np.sqrt(_squared(origin[0] + (i + 0.5) * size, origin[1] + (j + 0.5) * size,
                              (ax[seg], ay[seg], vx[seg], vy[seg], inv[seg]))[0])
    starts = np.flatnonzero(np.r_[True, cell[1:] != cell[:-1]])
    nearest = np.repeat(np.minimum.reduceat(centre, starts), np.diff(np.r_[starts, len(cell)]))
    slack = 1e-9 * size * res   # rounding: keep near-ties, brute force's choice among them
    return np.asarray(centre <= nearest + 2 * HALF_DIAGONAL * size + slack)


HALF_DIAGONAL = 0.7072   # a little over sqrt(2) / 2
