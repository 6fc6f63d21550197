"""The layout check: every shot drawn at several screen sizes, text sizes and in high
contrast, with what it drew measured: text that overflows or is clipped by its box,
buttons that overlap or touch (a 2 mm gap at least), and at 100 % text buttons under
12 mm and text under 4 mm capital height (main labels 5 mm), on the calibrated scale.

A main label is what a person reads to find their way: a button's own words (not its
line of detail under them; its words and detail run together on one line count) and a
screen's title (a label drawn at the theme's heading size or larger).

`python -m tests.layout_check` prints every problem; tests/deftly/test_layout.py fails on
them. Drawing is watched by wrapping `engine.ui.draw`'s text functions for the duration.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import pygame

from engine.ui import draw
from engine.ui.widgets import Button, Label

SIZES = ((800, 480), (1280, 800), (1920, 1200))
TEXT_SCALES = (1.0, 1.4, 1.8)
MIN_BUTTON_MM = 12.0
MIN_GAP_MM = 2.0
MIN_CAP_MM = 4.0
MIN_MAIN_CAP_MM = 5.0
SLACK_PX = 1
TITLE_SIZES = ("heading", "title", "huge")


@dataclass(frozen=True)
class Drawn:
    text: str
    box: pygame.Rect | None      # the box it had to fit (None: placed at a point)
    dest: pygame.Rect
    size_px: int                 # the font's em size in pixels
    clipped: bool


@contextmanager
def watching() -> Iterator[list[Drawn]]:
    """Record every text drawn inside the block, with its box and font size."""
    found: list[Drawn] = []
    sizes: dict[int, int] = {}
    real_render, real_blit, real_text_in = draw.render_text, draw.blit_text, draw.text_in
    boxes: list[pygame.Rect] = []

    def render_text(theme: Any, text: str, size_mm: float, *args: Any, **kw: Any
                    ) -> pygame.Surface:
        image = real_render(theme, text, size_mm, *args, **kw)
        sizes[id(image)] = max(6, theme.px(size_mm * theme.text_scale))
        return image

    def text_in(surface: pygame.Surface, theme: Any, text: str, rect: Any, *args: Any,
                **kw: Any) -> pygame.Rect:
        boxes.append(pygame.Rect(theme.profile.rect_px(rect)))
        try:
            return real_text_in(surface, theme, text, rect, *args, **kw)
        finally:
            boxes.pop()

    def blit_text(surface: pygame.Surface, theme: Any, text: str, image: pygame.Surface,
                  dest: Any, *args: Any, **kw: Any) -> Any:
        placed = kw.get("full") or image.get_rect(   # where the whole text is, cut or not
            topleft=dest if isinstance(dest, tuple) else dest.topleft)
        box = boxes[-1] if boxes else None
        clipped = box is not None and (placed.width > box.width + SLACK_PX or
                                       placed.height > box.height + SLACK_PX)
        found.append(Drawn(text, box, placed, sizes.get(id(image), 0), clipped))
        return real_blit(surface, theme, text, image, dest, *args, **kw)

    draw.render_text, draw.blit_text, draw.text_in = render_text, blit_text, text_in
    try:
        yield found
    finally:
        draw.render_text, draw.blit_text, draw.text_in = real_render, real_blit, real_text_in


def buttons_of(app: Any) -> list[Button]:
    """The visible buttons of the top scene, which alone takes touches (a dialog's, not
    those of the round dimmed under it), keyboard keys included."""
    found: list[Button] = []
    for scene in app.scenes.visible()[-1:]:
        for widget in getattr(scene, "widgets", []):
            found.extend(k for k in getattr(widget, "keys", []) if k.visible)
            if isinstance(widget, Button) and widget.visible:
                found.append(widget)
    return found


def main_labels(app: Any) -> list[tuple[str, pygame.Rect]]:
    """The main labels of the top scene, each with the pixel box it is drawn in: buttons'
    words and titles (see the module's docstring)."""
    rect_px = app.profile.rect_px
    found = [(b.label, pygame.Rect(rect_px(b.rect))) for b in buttons_of(app) if b.label]
    for scene in app.scenes.visible()[-1:]:
        found += [(w.text, pygame.Rect(rect_px(w.rect))) for w in getattr(scene, "widgets", [])
                  if isinstance(w, Label) and w.visible and w.size in TITLE_SIZES]
    return found


def is_main(d: Drawn, labels: list[tuple[str, pygame.Rect]]) -> bool:
    """Whether drawn text `d` is one of the main `labels` (its words, inside its box)."""
    return any((d.text == text or d.text.startswith(f"{text} · ")) and
               box.collidepoint(d.dest.center) for text, box in labels)


def _gap_mm(a: Button, b: Button) -> float:
    ra, rb = a.rect, b.rect
    dx = max(rb.x - ra.right, ra.x - rb.right, 0.0)
    dy = max(rb.y - ra.bottom, ra.y - rb.bottom, 0.0)
    overlap = dx == 0.0 and dy == 0.0
    return -1.0 if overlap else max(dx, dy)


def cap_mm(size_px: int, px_per_mm: float) -> float:
    """The capital height of the font at `size_px`, in mm."""
    font = draw.font_at(max(6, size_px), False)
    metrics = font.metrics("H")[0]
    return metrics[3] / px_per_mm if metrics else 0.0


def problems(scene: str, size: tuple[int, int], scale: float, contrast: bool) -> list[str]:
    """Every problem of one shot at one size, text size and contrast."""
    from deftly.shots import render_scene

    where = f"{scene} {size[0]}x{size[1]} text {scale:.0%}{' contrast' if contrast else ''}"
    with watching() as texts:
        app = render_scene(scene, size, text_scale=scale, high_contrast=contrast)
    return problems_on(app, texts, where, full_size=scale == 1.0 and not contrast)


def button_problems(buttons: list[Button], where: str) -> list[str]:
    """Buttons that overlap or stand closer than MIN_GAP_MM."""
    found = []
    for i, a in enumerate(buttons):
        for b in buttons[i + 1:]:
            gap = _gap_mm(a, b)
            if gap < MIN_GAP_MM - 1e-6:
                what = "overlap" if gap < 0 else f"are {gap:.1f} mm apart"
                found.append(f"{where}: buttons {a.label!r} and {b.label!r} {what}")
    return found


def problems_on(app: Any, texts: list[Drawn], where: str, *, full_size: bool) -> list[str]:
    """What is wrong with what `app` drew (`texts`); sizes are checked at 100 % text."""
    ppm = app.profile.px_per_mm
    found = []
    for d in texts:
        if d.clipped and d.box is not None:
            found.append(f"{where}: text {d.text!r} does not fit its box "
                         f"({d.dest.width}x{d.dest.height} px in {d.box.width}x{d.box.height})")
    buttons = buttons_of(app)
    found += button_problems(buttons, where)
    for b in buttons:   # larger text must never make a button smaller
        if min(b.rect.w, b.rect.h) < MIN_BUTTON_MM - 0.05:
            found.append(f"{where}: button {b.label!r} is {b.rect.w:.1f}x{b.rect.h:.1f} mm")
    if full_size:
        labels = main_labels(app)
        for d in texts:
            cap = cap_mm(d.size_px, ppm)
            main = is_main(d, labels)
            if d.size_px and cap < (MIN_MAIN_CAP_MM if main else MIN_CAP_MM) - 0.05:
                what = "main label" if main else "text"
                found.append(f"{where}: {what} {d.text!r} is {cap:.1f} mm high (capitals)")
    return found


def cases(shots: list[str]) -> list[tuple[str, tuple[int, int], float, bool]]:
    out = [(s, size, scale, False) for s in shots for size in SIZES for scale in TEXT_SCALES]
    return out + [(s, size, 1.0, True) for s in shots for size in SIZES]


def main() -> int:
    from deftly.shots import all_shots

    shots = sys.argv[1:] or sorted(all_shots())
    total = []
    for case in cases(shots):
        found = problems(*case)
        total += found
        for line in found:
            print(line)
    print(f"{len(total)} problems in {len(cases(shots))} screens", file=sys.stderr)
    return 1 if total else 0


if __name__ == "__main__":
    sys.exit(main())
