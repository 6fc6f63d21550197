"""Physical units: the display profile (pixels per mm) and layout rectangles in mm.

Models work in millimetres; only the edges (input reading, drawing) convert.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

BANK_CARD_MM = (85.60, 53.98)
"""ISO/IEC 7810 ID-1: the card every player has at hand, used for calibration."""

MIN_PX_PER_MM = 1.5
MAX_PX_PER_MM = 40.0


@dataclass(frozen=True, slots=True)
class DisplayProfile:
    """How many pixels make a millimetre on this screen, and where that figure came from."""

    px_per_mm: float
    calibrated: bool = False

    def __post_init__(self) -> None:
        if not (math.isfinite(self.px_per_mm) and MIN_PX_PER_MM <= self.px_per_mm
                <= MAX_PX_PER_MM):
            raise ValueError(f"px_per_mm must be between {MIN_PX_PER_MM} and {MAX_PX_PER_MM}, "
                             f"got {self.px_per_mm}")

    def px(self, mm: float) -> int:
        """Millimetres to whole pixels (rounded)."""
        return round(mm * self.px_per_mm)

    def mm(self, px: float) -> float:
        """Pixels to millimetres."""
        return px / self.px_per_mm

    def point_px(self, x_mm: float, y_mm: float) -> tuple[int, int]:
        return (self.px(x_mm), self.px(y_mm))

    def rect_px(self, rect: RectMM) -> tuple[int, int, int, int]:
        """A mm rectangle as a pixel (x, y, w, h) tuple, edges rounded consistently."""
        x0, y0 = self.px(rect.x), self.px(rect.y)
        return (x0, y0, self.px(rect.right) - x0, self.px(rect.bottom) - y0)

    def board_mm(self, size_px: tuple[int, int]) -> tuple[float, float]:
        """The size in mm of a window of `size_px` pixels."""
        return (size_px[0] / self.px_per_mm, size_px[1] / self.px_per_mm)

    def to_dict(self) -> dict[str, object]:
        return {"px_per_mm": self.px_per_mm, "calibrated": self.calibrated}

    @classmethod
    def from_dict(cls, data: dict[str, object]) -> DisplayProfile:
        return cls(float(data["px_per_mm"]), bool(data.get("calibrated", False)))  # type: ignore[arg-type]


def guess_profile(screen_px: tuple[int, int]) -> DisplayProfile:
    """A sensible uncalibrated default from the screen's pixel size.

    Small screens (up to 1024 px wide) are taken as 7-inch touch panels,
    larger ones as 10-inch tablets. Calibration replaces the guess.
    """
    w, h = screen_px
    diagonal_px = math.hypot(w, h)
    inches = 7.0 if w <= 1024 else 10.1
    ppm = diagonal_px / (inches * 25.4)
    return DisplayProfile(min(max(ppm, MIN_PX_PER_MM), MAX_PX_PER_MM), calibrated=False)


def profile_from_card(card_width_px: float) -> DisplayProfile:
    """The profile that makes an on-screen card `card_width_px` wide match a real bank card."""
    return DisplayProfile(card_width_px / BANK_CARD_MM[0], calibrated=True)


@dataclass(frozen=True, slots=True)
class RectMM:
    """An axis-aligned rectangle in millimetres (origin top left, y down)."""

    x: float
    y: float
    w: float
    h: float

    @property
    def right(self) -> float:
        return self.x + self.w

    @property
    def bottom(self) -> float:
        return self.y + self.h

    @property
    def center(self) -> tuple[float, float]:
        return (self.x + self.w / 2, self.y + self.h / 2)

    def contains(self, x: float, y: float, slop_mm: float = 0.0) -> bool:
        """True if (x, y) lies inside, or within `slop_mm` of the edges."""
        return (self.x - slop_mm <= x <= self.right + slop_mm
                and self.y - slop_mm <= y <= self.bottom + slop_mm)

    def inset(self, dx: float, dy: float | None = None) -> RectMM:
        dy = dx if dy is None else dy
        return RectMM(self.x + dx, self.y + dy, max(0.0, self.w - 2 * dx),
                      max(0.0, self.h - 2 * dy))

    def take_top(self, h: float) -> tuple[RectMM, RectMM]:
        """Split into a band of height `h` at the top and the rest below."""
        h = min(h, self.h)
        return RectMM(self.x, self.y, self.w, h), RectMM(self.x, self.y + h, self.w, self.h - h)

    def take_bottom(self, h: float) -> tuple[RectMM, RectMM]:
        """Split into the rest above and a band of height `h` at the bottom."""
        h = min(h, self.h)
        return (RectMM(self.x, self.y, self.w, self.h - h),
                RectMM(self.x, self.bottom - h, self.w, h))

    def columns(self, n: int, gap: float = 0.0) -> list[RectMM]:
        """`n` equal columns side by side with `gap` between them."""
        w = (self.w - gap * (n - 1)) / n
        return [RectMM(self.x + i * (w + gap), self.y, w, self.h) for i in range(n)]

    def rows(self, n: int, gap: float = 0.0) -> list[RectMM]:
        """`n` equal rows one under the other with `gap` between them."""
        h = (self.h - gap * (n - 1)) / n
        return [RectMM(self.x, self.y + i * (h + gap), self.w, h) for i in range(n)]

    def centered(self, w: float, h: float) -> RectMM:
        """A `w` x `h` rectangle centred in this one (shrunk to fit)."""
        w, h = min(w, self.w), min(h, self.h)
        return RectMM(self.x + (self.w - w) / 2, self.y + (self.h - h) / 2, w, h)

    def mirrored(self, board_width: float) -> RectMM:
        """The rectangle mirrored left-right across a board `board_width` wide."""
        return RectMM(board_width - self.right, self.y, self.w, self.h)


def mirror_x(x_mm: float, board_width: float, mirrored: bool) -> float:
    """Mirror an x coordinate for left-hand play (identity when not mirrored)."""
    return board_width - x_mm if mirrored else x_mm
