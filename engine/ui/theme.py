"""Colours, fonts and sizes. Sizes are millimetres; the display profile turns them into pixels.

Colours come from the Okabe-Ito palette, which people with the common forms of
colour blindness can tell apart; meaning is never carried by colour alone.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

import pygame

from engine.display import DisplayProfile
from engine.resources import resource_path

Color = tuple[int, int, int]

# Okabe & Ito (2008), "Color Universal Design".
OKABE_ITO: dict[str, Color] = {
    "black": (0, 0, 0),
    "orange": (230, 159, 0),
    "sky_blue": (86, 180, 233),
    "bluish_green": (0, 158, 115),
    "yellow": (240, 228, 66),
    "blue": (0, 114, 178),
    "vermillion": (213, 94, 0),
    "reddish_purple": (204, 121, 167),
}


@dataclass(frozen=True, slots=True)
class Palette:
    background: Color
    panel: Color
    ink: Color
    muted: Color
    line: Color
    primary: Color
    on_primary: Color
    target: Color
    target_edge: Color
    active: Color        # the target to touch now: filled (3:1 or more on background,
    active_edge: Color   # panel and inactive targets), edged, with a bullseye mark
    active_mark: Color   # (3:1 or more on `active`)
    idle: Color          # outline of a target not to touch now (hollow)
    good: Color
    miss: Color
    highlight: Color
    star: Color
    shade: tuple[int, int, int, int]


CALM = Palette(
    background=(246, 243, 236),
    panel=(255, 255, 255),
    ink=(27, 34, 48),
    muted=(70, 78, 92),
    line=(196, 190, 178),
    primary=OKABE_ITO["blue"],
    on_primary=(255, 255, 255),
    target=OKABE_ITO["orange"],
    target_edge=(120, 72, 0),
    active=OKABE_ITO["blue"],
    active_edge=(0, 58, 96),
    active_mark=(255, 255, 255),
    idle=(132, 126, 116),
    good=OKABE_ITO["bluish_green"],
    miss=OKABE_ITO["vermillion"],
    highlight=OKABE_ITO["sky_blue"],
    star=(225, 170, 20),
    shade=(20, 24, 32, 150),
)

HIGH_CONTRAST = Palette(
    background=(0, 0, 0),
    panel=(24, 24, 24),
    ink=(255, 255, 255),
    muted=(225, 225, 225),
    line=(255, 255, 255),
    primary=OKABE_ITO["yellow"],
    on_primary=(0, 0, 0),
    target=OKABE_ITO["sky_blue"],
    target_edge=(255, 255, 255),
    active=OKABE_ITO["yellow"],
    active_edge=(255, 255, 255),
    active_mark=(0, 0, 0),
    idle=(160, 160, 160),
    good=OKABE_ITO["bluish_green"],
    miss=OKABE_ITO["vermillion"],
    highlight=OKABE_ITO["orange"],
    star=OKABE_ITO["yellow"],
    shade=(0, 0, 0, 200),
)

PALETTES: dict[str, Palette] = {"calm": CALM, "high_contrast": HIGH_CONTRAST}
"""Every theme's palette (the target-contrast test checks each)."""

FONT_FILES = {False: "AtkinsonHyperlegible_400Regular.ttf",
              True: "AtkinsonHyperlegible_700Bold.ttf"}


LINE_HEIGHT = 1.25
"""The font's line spacing as a share of its em."""
CAP_HEIGHT = 0.655
"""Atkinson Hyperlegible's capital height as a share of its em: 0.65 to 0.68 by pixel size,
so the least of those met at the sizes drawn (44 px: 29 px capitals)."""


def em_for_caps(cap_mm: float) -> float:
    """The em size, in mm to 0.1, whose capitals are `cap_mm` high."""
    return round(cap_mm / CAP_HEIGHT, 1)


@dataclass(frozen=True, slots=True)
class Sizes:
    """Default sizes in mm (text sizes are the font's em height). `small` is the least any
    text may be (4 mm capitals, for poor eyesight); `label`, a button's words and so the
    least a main label may be (5 mm capitals)."""

    small: float = em_for_caps(4.0)
    body: float = 6.5
    label: float = em_for_caps(5.0)
    heading: float = 9.0
    title: float = 12.0
    huge: float = 20.0
    touch_min: float = 12.0
    button_h: float = 16.0
    gap: float = 4.0
    margin: float = 6.0
    radius: float = 3.0
    slop: float = 4.0

    def line(self, size_mm: float, text_scale: float = 1.0) -> float:
        """The height of one line of text `size_mm` em at `text_scale`, in mm."""
        return size_mm * text_scale * LINE_HEIGHT


def sized_for(text_scale: float) -> Sizes:
    """The default sizes with the boxes that hold a line of text (buttons, rows) grown with
    larger text, so that the words still fit; text itself is scaled where it is drawn."""
    grow = 1.0 + max(0.0, text_scale - 1.0) * 0.35   # 180 % text: 28 % taller buttons
    base = Sizes()
    return replace(base, button_h=base.button_h * grow)


@dataclass(frozen=True, slots=True)
class Theme:
    """Everything a view needs to look right: palette, fonts, sizes, profile, preferences."""

    profile: DisplayProfile
    palette: Palette = CALM
    sizes: Sizes = Sizes()
    text_scale: float = 1.0
    reduced_motion: bool = False

    @property
    def high_contrast(self) -> bool:
        return self.palette is HIGH_CONTRAST

    def with_profile(self, profile: DisplayProfile) -> Theme:
        return replace(self, profile=profile)

    def with_preferences(self, *, text_scale: float | None = None,
                         high_contrast: bool | None = None,
                         reduced_motion: bool | None = None) -> Theme:
        """A copy with the player's accessibility settings applied."""
        palette = self.palette if high_contrast is None else (
            HIGH_CONTRAST if high_contrast else CALM)
        scale = self.text_scale if text_scale is None else text_scale
        return replace(self, palette=palette, text_scale=scale, sizes=sized_for(scale),
                       reduced_motion=(self.reduced_motion if reduced_motion is None
                                       else reduced_motion))

    def px(self, mm: float) -> int:
        return self.profile.px(mm)

    def line_mm(self, size_mm: float, lines: int = 1) -> float:
        """The height of `lines` lines of text `size_mm` em at this text size, in mm."""
        return self.sizes.line(size_mm, self.text_scale) * lines

    def font(self, size_mm: float, bold: bool = False) -> pygame.font.Font:
        """The font for text `size_mm` tall (scaled by the text-size setting)."""
        return font_at(max(6, self.px(size_mm * self.text_scale)), bold)


def font_path(bold: bool = False) -> Path:
    return resource_path("assets", "fonts", FONT_FILES[bold])


@lru_cache(maxsize=64)
def font_at(size_px: int, bold: bool) -> pygame.font.Font:
    """The Atkinson Hyperlegible font at `size_px` pixels (cached)."""
    if not pygame.font.get_init():
        pygame.font.init()
    return pygame.font.Font(font_path(bold), size_px)
