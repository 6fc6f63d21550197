"""Live measures, updated one sample at a time while a game runs (lengths in mm, times
in ms). After every sample each equals its batch measure on the samples so far:

- `LivePath`: distance from a reference polyline (`geometry.project`, exact) and the
  time share inside a corridor (`path.deviation`'s `time_inside_share`);
- `LiveRing`: distance from a circle and the time share inside a band around it;
- `LiveAperture`: the distance between two fingers, its mean, sample SD and CV
  (Welford's update; `stats.mean`, `stats.sample_sd`);
- `RunningSpeed`: path length over elapsed time of the last `window_ms`
  (`path.mean_speed` of those samples).

Samples come in time order; a sample with a coordinate that is not finite is skipped,
as the batch measures drop it.
"""

from __future__ import annotations

import math
from collections import deque

from engine.scoring.geometry import Polyline, nearest_one, prepare
from engine.scoring.stats import NAN, ratio


def _finite(*values: float) -> bool:
    return all(math.isfinite(v) for v in values)


class TimeInside:
    """The share of time inside, as `path.deviation` weighs it: each sample counts for
    the time until the next one (clipped at 0), the last one for nothing; when no time
    passes at all (one sample, or all at one time) it is the share of samples."""

    def __init__(self) -> None:
        self.samples = 0
        self._inside_samples = 0
        self._inside_ms = 0.0
        self._total_ms = 0.0
        self._last_ms = NAN
        self._last_inside = False

    def add(self, t_ms: float, inside: bool) -> None:
        t_ms = float(t_ms)
        if self.samples:
            weight = max(t_ms - self._last_ms, 0.0)
            self._total_ms += weight
            self._inside_ms += weight if self._last_inside else 0.0
        self.samples += 1
        self._inside_samples += inside
        self._last_ms, self._last_inside = t_ms, inside

    @property
    def share(self) -> float:
        if not self.samples:
            return NAN
        if self._total_ms > 0:
            return self._inside_ms / self._total_ms
        return self._inside_samples / self.samples


class _Banded:
    """A distance from something, and the time share within half `width_mm` of it."""

    def __init__(self, width_mm: float) -> None:
        self.half_width_mm = width_mm / 2.0
        self.distance_mm = NAN
        self._inside = TimeInside()

    def _took(self, t_ms: float, distance_mm: float) -> None:
        self.distance_mm = distance_mm
        self._inside.add(t_ms, distance_mm <= self.half_width_mm)

    @property
    def time_inside_share(self) -> float:
        return self._inside.share


class LivePath(_Banded):
    """Distance from `reference` and the time share inside a corridor `corridor_mm`
    wide (inside: distance at most half the width)."""

    def __init__(self, reference: Polyline, corridor_mm: float) -> None:
        super().__init__(corridor_mm)
        self.reference = reference
        self.segment = 0
        prepare(reference)

    def add(self, t_ms: float, x_mm: float, y_mm: float) -> float:
        """Take one sample; returns its distance from the reference."""
        if _finite(t_ms, x_mm, y_mm) and not self.reference.empty:
            # plain floats: arithmetic on numpy scalars is several times slower
            distance, self.segment = nearest_one(float(x_mm), float(y_mm), self.reference)
            self._took(t_ms, distance)
        return self.distance_mm


class LiveRing(_Banded):
    """Distance from the circle of `radius_mm` around `centre` and the time share inside
    a band `band_mm` wide centred on it (inside: distance at most half the width)."""

    def __init__(self, centre: tuple[float, float], radius_mm: float, band_mm: float) -> None:
        super().__init__(band_mm)
        self.centre = (float(centre[0]), float(centre[1]))
        self.radius_mm = float(radius_mm)

    def add(self, t_ms: float, x_mm: float, y_mm: float) -> float:
        """Take one sample; returns its distance from the circle."""
        if _finite(t_ms, x_mm, y_mm):
            radius = math.hypot(float(x_mm) - self.centre[0], float(y_mm) - self.centre[1])
            self._took(t_ms, abs(radius - self.radius_mm))
        return self.distance_mm


class LiveAperture:
    """The distance between two fingers, and its running mean, sample SD (NaN below two
    samples) and coefficient of variation, by Welford's update."""

    def __init__(self) -> None:
        self.samples = 0
        self.aperture_mm = NAN
        self.mean_mm = NAN
        self._squares = 0.0   # sum of squared differences from the mean

    def add(self, x1_mm: float, y1_mm: float, x2_mm: float, y2_mm: float) -> float:
        """Take the two fingers' positions; returns the aperture."""
        if not _finite(x1_mm, y1_mm, x2_mm, y2_mm):
            return self.aperture_mm
        self.aperture_mm = math.hypot(float(x2_mm) - float(x1_mm), float(y2_mm) - float(y1_mm))
        self.samples += 1
        previous = 0.0 if self.samples == 1 else self.mean_mm
        self.mean_mm = previous + (self.aperture_mm - previous) / self.samples
        self._squares += (self.aperture_mm - previous) * (self.aperture_mm - self.mean_mm)
        return self.aperture_mm

    @property
    def sd_mm(self) -> float:
        return math.sqrt(max(self._squares, 0.0) / (self.samples - 1)) \
            if self.samples >= 2 else NAN

    @property
    def cv(self) -> float:
        """SD over mean (a share, not per cent); NaN when the mean is 0."""
        return ratio(self.sd_mm, self.mean_mm)


class RunningSpeed:
    """Speed over the last `window_ms`: the path length between the samples no older
    than `window_ms` before the newest, over the time between the first and the newest
    of them, in mm/s (NaN while no time has passed)."""

    def __init__(self, window_ms: float) -> None:
        self.window_ms = float(window_ms)
        self._times: deque[float] = deque()
        self._steps: deque[float] = deque()   # step into each sample from the one before
        self._length_mm = 0.0
        self._last: tuple[float, float] | None = None

    def add(self, t_ms: float, x_mm: float, y_mm: float) -> float:
        """Take one sample; returns the speed over the window."""
        if _finite(t_ms, x_mm, y_mm):
            t_ms, x_mm, y_mm = float(t_ms), float(x_mm), float(y_mm)
            step = 0.0 if self._last is None else math.hypot(x_mm - self._last[0],
                                                             y_mm - self._last[1])
            self._last = (x_mm, y_mm)
            self._times.append(t_ms)
            self._steps.append(step)
            self._length_mm += step
            while self._times[0] < t_ms - self.window_ms:
                self._times.popleft()
                self._steps.popleft()
                self._length_mm -= self._steps[0]   # the step into the new first sample
        return self.speed_mm_per_s

    @property
    def speed_mm_per_s(self) -> float:
        if len(self._times) < 2:
            return NAN
        return ratio(max(self._length_mm, 0.0), (self._times[-1] - self._times[0]) / 1000.0)
