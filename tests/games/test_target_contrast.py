"""The target to touch now stands out from the others by more than colour or line weight,
in every theme: measured on rendered pixels.

For each game view that shows active and inactive targets, a model state is drawn and,
at each target's centre, its fill (the commonest colour within 0.8 of its radius) and its
filled share (pixels within 0.85 of its radius that differ from the ground around it)
are measured. The active fill must contrast with the inactive fill by 3:1 or more (WCAG
relative luminance, as for graphics), the active target must be filled and the inactive
ones hollow, and the active one carries a mark that shows in luminance alone (so it
survives any colour blindness). The halo of the active target breathes, unless calm
motion is on.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pygame
import pytest

from engine.display import DisplayProfile, RectMM
from engine.game import RoundSetup
from engine.levels.difficulty import Fixed
from engine.levels.schema import Level
from engine.touch import Phase, Touch
from engine.ui.theme import PALETTES, Color, Theme
from games.pinch.model import make_model as make_pinch
from games.pinch.params import PARAMS as PINCH_PARAMS
from games.pinch.pegs import PegModel
from games.pinch.view import PinchView
from games.tap.view import TapView
from games.trace.view import TraceView
from tests.games.tap_helpers import shown, tap_round
from tests.games.test_trace_model import shown as trace_shown
from tests.games.test_trace_model import trace_round

PPM = 6.0
W_MM, H_MM = 200.0, 120.0
BOARD = RectMM(0, 0, W_MM, H_MM)
MIN_CONTRAST = 3.0


@dataclass(frozen=True)
class Spot:
    """A target as drawn: centre and radius in board mm, and the colour around it."""

    x_mm: float
    y_mm: float
    r_mm: float
    ground: Color


@dataclass
class Scene:
    image: np.ndarray          # (w, h, 3) as pygame.surfarray gives it
    active: list[Spot]
    idle: list[Spot]


def theme_for(name: str, *, calm_motion: bool = False) -> Theme:
    return Theme(DisplayProfile(PPM), palette=PALETTES[name], reduced_motion=calm_motion)


def render(view: object, model: object, theme: Theme, now_ms: float) -> np.ndarray:
    surface = pygame.Surface((theme.px(W_MM), theme.px(H_MM)))
    surface.fill(theme.palette.background)
    view.draw(surface, theme, model, BOARD, now_ms)  # type: ignore[attr-defined]
    return pygame.surfarray.array3d(surface)


def _inside(image: np.ndarray, spot: Spot, share: float) -> np.ndarray:
    """The pixels within `share` of the spot's radius."""
    cx, cy, r = spot.x_mm * PPM, spot.y_mm * PPM, spot.r_mm * share * PPM
    x0, y0 = max(0, int(cx - r)), max(0, int(cy - r))
    window = image[x0:int(cx + r) + 2, y0:int(cy + r) + 2]
    xs, ys = np.ogrid[x0:x0 + window.shape[0], y0:y0 + window.shape[1]]
    return window[(xs - cx) ** 2 + (ys - cy) ** 2 <= r ** 2]


def commonest(pixels: np.ndarray) -> Color:
    packed = pixels.reshape(-1, 3).astype(np.int64) @ np.array([1 << 16, 1 << 8, 1])
    values, counts = np.unique(packed, return_counts=True)
    value = int(values[counts.argmax()])
    return (value >> 16, (value >> 8) & 255, value & 255)


def fill_of(image: np.ndarray, spot: Spot) -> Color:
    return commonest(_inside(image, spot, 0.8))


def filled_share(image: np.ndarray, spot: Spot) -> float:
    inside = _inside(image, spot, 0.85).astype(int)
    differs = np.abs(inside - np.array(spot.ground)).max(axis=1) > 40
    return float(differs.mean())


def centre_of(image: np.ndarray, spot: Spot) -> Color:
    red, green, blue = (int(c) for c in image[round(spot.x_mm * PPM), round(spot.y_mm * PPM)])
    return (red, green, blue)


def luminance(colour: Color) -> float:
    def linear(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.04045 else ((s + 0.055) / 1.055) ** 2.4
    red, green, blue = (linear(c) for c in colour)
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(a: Color, b: Color) -> float:
    """The WCAG 2 contrast ratio of two colours (1 to 21)."""
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


# -- model states -------------------------------------------------------------------------

def tap_ring(theme: Theme) -> Scene:
    model = tap_round(layout="ring", width_mm=14.0)
    target = shown(model)
    image = render(TapView(), model, theme, model.now + 10.0)
    ground = commonest(image)
    r = target.width_mm / 2
    active = [Spot(target.x_mm, target.y_mm, r, ground)]
    idle = [Spot(x, y, model.shown_width_mm / 2, ground)
            for x, y in model.spots(model.shown_width_mm)
            if np.hypot(x - target.x_mm, y - target.y_mm) > r]
    return Scene(image, active, idle)


def tap_rhythm(theme: Theme) -> Scene:
    model = tap_round(layout="rhythm", width_mm=20.0, duration_ms=10_000.0)
    model.tick(model.next_change_ms())
    rh = model.rhythm
    assert rh is not None
    (x0, y0), (x1, y1) = rh.pads
    t = model.now + 50.0
    model.on_touch(Touch(1, Phase.DOWN, x0, y0, t))
    model.on_touch(Touch(1, Phase.UP, x0, y0, t + 80.0))
    assert rh.expected == 1
    image = render(TapView(), model, theme, t + 700.0)   # the hit ring has faded
    ground = commonest(image)
    r = rh.width_mm / 2
    return Scene(image, [Spot(x1, y1, r, ground)], [Spot(x0, y0, r, ground)])


def tap_sequence(theme: Theme) -> Scene:
    model = tap_round(layout="sequence", width_mm=20.0, pads=4)
    model.tick(model.next_change_ms())
    seq = model.sequence
    assert seq is not None
    at = seq.demo_start_ms + seq.show_ms / 2
    lit = seq.lit(at)
    assert lit is not None
    image = render(TapView(), model, theme, at)
    ground = commonest(image)
    r = seq.width_mm / 2
    spots = [Spot(x, y, r, ground) for x, y in seq.pads]
    return Scene(image, [spots[lit]], [s for i, s in enumerate(spots) if i != lit])


def pinch_pegs(theme: Theme) -> Scene:
    """Two pegs placed, three still in the tray (to move next)."""
    values = {n: s.default for n, s in PINCH_PARAMS.items() if s.default is not None}
    values.update(layout="pegs", pegs=5, peg_mm=14.0, tolerance_mm=4.0)
    setup = RoundSetup("pinch", "test", 5, "right", "training", W_MM, H_MM)
    model = make_pinch(setup, Fixed(Level("pinch", "test", "Test", "", values)))
    assert isinstance(model, PegModel)
    for hole, peg in enumerate(model.pegs[:2]):
        peg.hole = hole
    image = render(PinchView(), model, theme, model.now)
    r = model.layout.peg_mm / 2
    tray = model.layout.tray
    tray_px = image[round(tray.x * PPM):round(tray.right * PPM),
                    round(tray.y * PPM):round(tray.bottom * PPM)]
    empty = model.empty_holes()[0]
    hx, hy = model.hole_at(empty)
    hole_ground = fill_of(image, Spot(hx, hy, r, (0, 0, 0)))
    active = [Spot(*model.peg_position(p), r, commonest(tray_px)) for p in model.movable()]
    idle = [Spot(*model.peg_position(p), r, hole_ground) for p in model.pegs
            if p not in model.movable()]
    assert len(active) == 3 and len(idle) == 2
    return Scene(image, active, idle)


CASES: dict[str, Callable[[Theme], Scene]] = {
    "tap-ring": tap_ring, "tap-rhythm": tap_rhythm, "tap-sequence": tap_sequence,
    "pinch-pegs": pinch_pegs,
}


@pytest.mark.parametrize("palette", list(PALETTES))
@pytest.mark.parametrize("case", list(CASES))
def test_the_active_target_is_filled_marked_and_contrasts_with_the_inactive_ones(
        case: str, palette: str) -> None:
    scene = CASES[case](theme_for(palette))
    image = scene.image
    for on in scene.active:
        fill = fill_of(image, on)
        assert filled_share(image, on) >= 0.6, f"{case} {palette}: active not filled"
        centre = centre_of(image, on)
        assert contrast(centre, fill) >= MIN_CONTRAST, (
            f"{case} {palette}: the active target's mark {centre} does not show on its fill "
            f"{fill} in luminance ({contrast(centre, fill):.2f}:1)")
        for off in scene.idle:
            ratio = contrast(fill, fill_of(image, off))
            assert ratio >= MIN_CONTRAST, (
                f"{case} {palette}: active fill {fill} against inactive "
                f"{fill_of(image, off)} is {ratio:.2f}:1")
            gap = filled_share(image, on) - filled_share(image, off)
            assert gap >= 0.4, f"{case} {palette}: filled share differs by only {gap:.2f}"
    for off in scene.idle:
        assert filled_share(image, off) <= 0.3, f"{case} {palette}: inactive is filled"


def _trace_start(theme: Theme, now_ms: float) -> tuple[np.ndarray, Spot]:
    model = trace_round(shapes="line-right", corridor=12.0)
    trial = trace_shown(model)
    view = TraceView()
    image = render(view, model, theme, now_ms)
    x, y = trial.resume_point
    return image, Spot(x, y, 4.0, theme.palette.background)


@pytest.mark.parametrize("palette", list(PALETTES))
def test_the_trace_start_dot_is_filled_and_marked(palette: str) -> None:
    image, spot = _trace_start(theme_for(palette), 100.0)
    fill = fill_of(image, spot)
    assert filled_share(image, spot) >= 0.6
    assert contrast(centre_of(image, spot), fill) >= MIN_CONTRAST


def _tap_frames(theme: Theme) -> tuple[TapView, list[object], list[np.ndarray]]:
    model = tap_round(layout="ring", width_mm=14.0)
    shown(model)
    view = TapView()
    start = model.now + 600.0            # past any effect
    signatures, images = [], []
    for step in range(4):
        now = start + step * 400.0
        images.append(render(view, model, theme, now))
        signatures.append(view.signature(model, now))
    return view, signatures, images


@pytest.mark.parametrize("palette", list(PALETTES))
def test_the_active_target_pulses_gently_unless_motion_is_calm(palette: str) -> None:
    _, signatures, images = _tap_frames(theme_for(palette))
    assert len(set(map(repr, signatures))) > 1, "the signature never changes: no pulse"
    assert any((a != images[0]).any() for a in images[1:]), "the picture never moves"
    _, signatures, images = _tap_frames(theme_for(palette, calm_motion=True))
    assert len(set(map(repr, signatures))) == 1, "calm motion still redraws the pulse"
    assert all((a == images[0]).all() for a in images[1:])
