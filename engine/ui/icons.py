"""Simple vector icons drawn with pygame.draw, sized in mm. Every icon sits beside a word."""

from __future__ import annotations

import math
from collections.abc import Callable

import pygame

from engine.display import RectMM
from engine.ui.theme import Color, Theme


def _box(theme: Theme, rect: RectMM) -> pygame.Rect:
    return pygame.Rect(theme.profile.rect_px(rect))


def star_points(cx: float, cy: float, outer: float, inner_ratio: float = 0.45
                ) -> list[tuple[float, float]]:
    """The ten corners of a five-pointed star, pointing up."""
    points = []
    for i in range(10):
        radius = outer if i % 2 == 0 else outer * inner_ratio
        angle = -math.pi / 2 + i * math.pi / 5
        points.append((cx + radius * math.cos(angle), cy + radius * math.sin(angle)))
    return points


def draw_star(surface: pygame.Surface, theme: Theme, rect: RectMM, color: Color,
              filled: bool = True) -> None:
    box = _box(theme, rect)
    points = star_points(box.centerx, box.centery + box.height * 0.04, min(box.size) / 2)
    if filled:
        pygame.draw.polygon(surface, color, points)
    pygame.draw.polygon(surface, color if filled else theme.palette.muted, points,
                        0 if filled else max(1, theme.px(0.5)))


def _pause(surface: pygame.Surface, box: pygame.Rect, color: Color) -> None:
    w = max(2, box.width // 4)
    for x in (box.left + box.width // 6, box.right - box.width // 6 - w):
        pygame.draw.rect(surface, color, (x, box.top, w, box.height), border_radius=w // 3)


def _play(surface: pygame.Surface, box: pygame.Rect, color: Color) -> None:
    pygame.draw.polygon(surface, color, [(box.left + box.width // 6, box.top),
                                         (box.right, box.centery),
                                         (box.left + box.width // 6, box.bottom)])


def _back(surface: pygame.Surface, box: pygame.Rect, color: Color) -> None:
    w = max(2, box.width // 7)
    tip = (box.left, box.centery)
    pygame.draw.line(surface, color, tip, (box.right, box.centery), w)
    pygame.draw.line(surface, color, tip, (box.centerx, box.top), w)
    pygame.draw.line(surface, color, tip, (box.centerx, box.bottom), w)
    pygame.draw.circle(surface, color, tip, w // 2)


def _next(surface: pygame.Surface, box: pygame.Rect, color: Color) -> None:
    """A chevron pointing right: this opens something."""
    w = max(2, box.width // 6)
    left = box.left + box.width // 4
    pygame.draw.lines(surface, color, False, [(left, box.top), (box.right - box.width // 4,
                                                               box.centery),
                                              (left, box.bottom)], w)


def _check(surface: pygame.Surface, box: pygame.Rect, color: Color) -> None:
    w = max(2, box.width // 6)
    points = [(box.left, box.centery), (box.left + box.width // 3, box.bottom),
              (box.right, box.top)]
    pygame.draw.lines(surface, color, False, points, w)


def _close(surface: pygame.Surface, box: pygame.Rect, color: Color) -> None:
    w = max(2, box.width // 7)
    pygame.draw.line(surface, color, box.topleft, box.bottomright, w)
    pygame.draw.line(surface, color, box.bottomleft, box.topright, w)


def _plus(surface: pygame.Surface, box: pygame.Rect, color: Color) -> None:
    w = max(2, box.width // 6)
    pygame.draw.line(surface, color, (box.left, box.centery), (box.right, box.centery), w)
    pygame.draw.line(surface, color, (box.centerx, box.top), (box.centerx, box.bottom), w)


def _minus(surface: pygame.Surface, box: pygame.Rect, color: Color) -> None:
    w = max(2, box.width // 6)
    pygame.draw.line(surface, color, (box.left, box.centery), (box.right, box.centery), w)


def _sound(surface: pygame.Surface, box: pygame.Rect, color: Color) -> None:
    body = [(box.left, box.top + box.height // 3), (box.left + box.width // 4,
            box.top + box.height // 3), (box.centerx, box.top), (box.centerx, box.bottom),
            (box.left + box.width // 4, box.bottom - box.height // 3),
            (box.left, box.bottom - box.height // 3)]
    pygame.draw.polygon(surface, color, body)
    w = max(2, box.width // 12)
    for k in (1, 2):
        arc = pygame.Rect(0, 0, box.width * k // 2, box.height * k // 2 + box.height // 4)
        arc.center = (box.centerx, box.centery)
        pygame.draw.arc(surface, color, arc, -0.9, 0.9, w)


def _gear(surface: pygame.Surface, box: pygame.Rect, color: Color) -> None:
    r = min(box.size) / 2
    cx, cy = box.center
    teeth = []
    for i in range(16):
        rad = r if i % 2 == 0 else r * 0.72
        a = i * math.pi / 8
        teeth.append((cx + rad * math.cos(a), cy + rad * math.sin(a)))
    width = max(2, box.width // 10)
    pygame.draw.polygon(surface, color, teeth, width)
    pygame.draw.circle(surface, color, box.center, int(r * 0.3), width)


def _home(surface: pygame.Surface, box: pygame.Rect, color: Color) -> None:
    roof = [(box.left, box.centery), (box.centerx, box.top), (box.right, box.centery)]
    pygame.draw.polygon(surface, color, roof)
    pygame.draw.rect(surface, color, (box.left + box.width // 6, box.centery - 1,
                                      box.width * 2 // 3, box.height // 2 + 1))


def _calendar(surface: pygame.Surface, box: pygame.Rect, color: Color) -> None:
    w = max(2, box.width // 10)
    page = pygame.Rect(box.left, box.top + box.height // 8, box.width, box.height * 7 // 8)
    pygame.draw.rect(surface, color, page, w, border_radius=w)
    pygame.draw.rect(surface, color, (page.left, page.top, page.width, page.height // 4))
    cell = max(2, box.width // 7)
    for row in range(2):
        for col in range(3):
            x = page.left + page.width * (col + 1) // 4 - cell // 2
            y = page.top + page.height * (row * 3 + 5) // 10
            pygame.draw.rect(surface, color, (x, y, cell, cell))


def _lock(surface: pygame.Surface, box: pygame.Rect, color: Color) -> None:
    w = max(2, box.width // 8)
    body = pygame.Rect(box.left + box.width // 8, box.centery - box.height // 10,
                       box.width * 3 // 4, box.height * 6 // 10)
    shackle = pygame.Rect(box.left + box.width // 4, box.top, box.width // 2,
                          box.height * 3 // 5)
    pygame.draw.rect(surface, color, shackle, w, border_radius=box.width // 4)
    pygame.draw.rect(surface, color, body, border_radius=w)


def _menu(surface: pygame.Surface, box: pygame.Rect, color: Color) -> None:
    """Three bars: a list of places to go to."""
    bar = max(2, box.height // 7)
    for i in range(3):
        y = box.top + box.height // 6 + i * (box.height * 2 // 6) - bar // 2
        pygame.draw.rect(surface, color, (box.left, y, box.width, bar), border_radius=bar // 2)


def _space(surface: pygame.Surface, box: pygame.Rect, color: Color) -> None:
    """A space bar's mark: a wide open bracket, ⎵."""
    w = max(2, box.w // 10)
    left, right, bottom = box.left + box.w // 8, box.right - box.w // 8, box.bottom - box.h // 4
    top = box.top + box.h // 2
    pygame.draw.lines(surface, color, False, [(left, top), (left, bottom), (right, bottom),
                                              (right, top)], w)


ICONS: dict[str, Callable[[pygame.Surface, pygame.Rect, Color], None]] = {
    "pause": _pause, "play": _play, "back": _back, "check": _check, "close": _close,
    "plus": _plus, "minus": _minus, "sound": _sound, "gear": _gear, "home": _home,
    "calendar": _calendar, "lock": _lock, "next": _next,
    "menu": _menu, "space": _space,
}


def draw_icon(surface: pygame.Surface, theme: Theme, name: str, rect: RectMM,
              color: Color) -> None:
    """Draw the named icon inside `rect` (unknown names draw nothing)."""
    if name == "star":
        draw_star(surface, theme, rect, color)
        return
    painter = ICONS.get(name)
    if painter is not None:
        painter(surface, _box(theme, rect), color)
