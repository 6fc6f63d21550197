"""The turn of two fingers over time: accumulated angle, unwrapped, and their aperture.

Pure code over `TwoFingerPose` values (see `two_finger_pose`). The angle is that of the
line from the first finger to the second, x right and y down (positive turns clockwise on
the screen). Between two poses the line is taken to have turned the short way, so poses
must come less than 180 degrees apart; touch panels sample far finer than that.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from engine.input.gestures import TwoFingerPose, wrap_degrees


@dataclass(frozen=True, slots=True)
class Rotation:
    """The two fingers' turn since tracking began, and how far apart they are now."""

    turned_deg: float
    """Accumulated rotation, unwrapped: three quarter turns clockwise give 270, not -90."""
    aperture_mm: float
    """Distance between the two fingers."""
    angle_deg: float
    """The line's angle now, in [-180, 180)."""


class RotationTracker:
    """Feeds on poses and keeps the accumulated, unwrapped rotation.

    While the fingers are closer than `min_aperture_mm` their line has no reliable
    direction: the aperture follows, the angle holds.
    """

    def __init__(self, min_aperture_mm: float = 1.0) -> None:
        self.min_aperture_mm = min_aperture_mm
        self._start: float | None = None   # the first reliable angle
        self._angle = 0.0                  # the last reliable angle
        self._unwrapped = 0.0              # the same, plus whole turns
        self._last: Rotation | None = None

    @property
    def rotation(self) -> Rotation | None:
        """The latest rotation, None before the first pose."""
        return self._last

    def reset(self) -> None:
        """Forget the turn so far; the next pose starts at zero."""
        self._start, self._last = None, None

    def feed(self, pose: TwoFingerPose) -> Rotation:
        """Take the next pose; returns the rotation after it."""
        angle = wrap_degrees(pose.angle_deg)
        if pose.aperture_mm < self.min_aperture_mm:
            held = angle if self._start is None else self._angle
            return self._record(held, pose.aperture_mm)
        if self._start is None:
            self._start = self._unwrapped = angle
        else:
            step = wrap_degrees(angle - self._angle)
            # Snap to the nearest `angle + 360 k`: rounding never builds up over many steps.
            self._unwrapped = angle + 360.0 * round((self._unwrapped + step - angle) / 360.0)
        self._angle = angle
        return self._record(angle, pose.aperture_mm)

    def _record(self, angle: float, aperture_mm: float) -> Rotation:
        turned = 0.0 if self._start is None else self._unwrapped - self._start
        self._last = Rotation(turned, aperture_mm, angle)
        return self._last


def track_rotation(poses: Iterable[TwoFingerPose],
                   min_aperture_mm: float = 1.0) -> list[Rotation]:
    """The rotation after each pose of a sequence."""
    tracker = RotationTracker(min_aperture_mm)
    return [tracker.feed(pose) for pose in poses]
