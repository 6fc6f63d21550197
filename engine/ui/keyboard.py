"""On-screen keys: a keyboard for typing a name and a keypad for a PIN, with big keys."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

import pygame

from engine.display import RectMM
from engine.touch import Touch
from engine.ui.theme import Theme
from engine.ui.widgets import Button, Widget

ROWS = ("QWERTYUIOP", "ASDFGHJKL'", "ZXCVBNM-")
DIGITS = "1234567890"


class KeyGroup(Widget):
    """Buttons that act as one widget; every key sees every touch."""

    def __init__(self, rect: RectMM) -> None:
        super().__init__(rect)
        self.keys: list[Button] = []

    def on_touch(self, touch: Touch) -> bool:
        changed = False
        for key in self.keys:  # every key sees every touch (to release its pressed look)
            changed = key.on_touch(touch) or changed
        return changed

    def draw(self, surface: pygame.Surface, theme: Theme) -> None:
        for key in self.keys:
            key.draw(surface, theme)


class Keyboard(KeyGroup):
    """Letters in three rows, then Space and Erase; with `digits`, a row of digits on top
    and Space and Erase at the end of the last row of letters (four rows either way, so
    the keys stay as big). Calls `on_key` with a character, " " or "\\b" (erase)."""

    def __init__(self, rect: RectMM, on_key: Callable[[str], None], gap_mm: float = 2.0,
                 space_label: str = "Space", erase_label: str = "Erase",
                 digits: bool = False) -> None:
        super().__init__(rect)
        keys = (DIGITS, ROWS[0], ROWS[1], ROWS[2].rstrip("-")) if digits else ROWS
        rows = rect.rows(4, gap_mm)
        width = (rect.w - gap_mm * 9) / 10
        for chars, row in zip(keys, rows, strict=False):
            wide = 3.0 if digits and chars is keys[-1] else 0.0     # Space and Erase after
            used = width * (len(chars) + wide) + gap_mm * (len(chars) - 1 + (2 if wide else 0))
            x = row.x + (row.w - used) / 2
            for ch in chars:
                box = RectMM(x, row.y, width, row.h)
                self.keys.append(Button(box, ch, partial(on_key, ch), slop_mm=1.0, key=True))
                x = box.right + gap_mm
        if digits:     # narrower: their marks over their words (the words may give way)
            space = RectMM(x, rows[3].y, width * 1.5, rows[3].h)
            erase = RectMM(space.right + gap_mm, rows[3].y, width * 1.5, rows[3].h)
        else:
            space, erase = rows[3].columns(2, gap_mm * 4)
        self.keys.append(Button(space, space_label, lambda: on_key(" "), slop_mm=1.0,
                                key=True, icon="space" if digits else None))
        self.keys.append(Button(erase, erase_label, lambda: on_key("\b"), icon="back",
                                slop_mm=1.0, key=True))


class Keypad(KeyGroup):
    """Digits like a phone (1-2-3 on top), then Erase, 0 and OK. Calls `on_key` with a
    digit, "\\b" (erase) or "\\n" (OK)."""

    def __init__(self, rect: RectMM, on_key: Callable[[str], None], *, gap_mm: float = 2.0,
                 erase_label: str = "Erase", ok_label: str = "OK", enabled: bool = True
                 ) -> None:
        super().__init__(rect)
        labels = [*"123456789", "\b", "0", "\n"]
        cells = [c for row in rect.rows(4, gap_mm) for c in row.columns(3, gap_mm)]
        for cell, key in zip(cells, labels, strict=True):
            text = {"\b": erase_label, "\n": ok_label}.get(key, key)
            self.keys.append(Button(cell, text, partial(on_key, key), slop_mm=1.0, key=True,
                                    style="primary" if key == "\n" else "secondary",
                                    icon="back" if key == "\b" else None,
                                    enabled=enabled))
