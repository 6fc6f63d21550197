"""The door to the therapist area: a keypad for the PIN, or for choosing one (twice)."""

from __future__ import annotations

import math

import pygame

from deftly.pin import MAX_DIGITS, MIN_DIGITS, PinGuard, valid_pin
from deftly.scenes.base import Screen
from engine.display import RectMM
from engine.i18n import t
from engine.input.sdl import Command
from engine.ui import draw
from engine.ui.keyboard import Keypad
from engine.ui.stack import text_height
from engine.ui.widgets import Label, Widget


class PinScene(Screen[bool]):
    """Finishes with True once the right PIN is entered (or a new one chosen)."""

    def __init__(self, shell, guard: PinGuard | None = None) -> None:  # noqa: ANN001
        super().__init__(shell)
        self.guard = guard or PinGuard(shell.store)
        self.step = "check" if self.guard.is_set else "choose"
        self.entered = ""
        self.first = ""
        self.message = ""
        self._waiting = math.ceil(self.guard.wait_s())

    def heading(self) -> str:
        return t("pin.title")

    def prompt(self) -> str:
        return t({"check": "pin.enter", "choose": "pin.choose",
                  "confirm": "pin.confirm"}[self.step], low=MIN_DIGITS, high=MAX_DIGITS)

    def build(self, content: RectMM) -> list[Widget]:
        sizes = self.app.theme.sizes
        wide = content.w >= content.h * 1.3
        pad_w = min(content.w * (0.5 if wide else 1.0), 100.0)
        if wide:
            info = RectMM(content.x, content.y, content.w - pad_w - sizes.gap * 2, content.h)
            pad = RectMM(content.right - pad_w, content.y, pad_w, content.h)
        else:
            info, pad = content.take_top(content.h * 0.34)
            pad = pad.centered(pad_w, pad.h)
        theme = self.app.theme
        asked = self.prompt()
        dots_h = min(16.0, max(10.0, info.h * 0.2))
        prompt_h = min(text_height(theme, asked, info.w, sizes.body, bold=True),
                       info.h - dots_h - theme.line_mm(sizes.small))
        prompt, rest = info.take_top(prompt_h)
        self.dots_box, note = rest.take_top(min(rest.h * 0.4, dots_h))
        waiting = self._waiting > 0
        note_text = t("pin.wait", seconds=self._waiting) if waiting else self.message
        reminder = t("pin.choose_note") if self.step == "choose" else ""
        if not note_text and text_height(theme, reminder, note.w, sizes.small) <= note.h:
            note_text = reminder           # a reminder only where it fits whole
        return [Label(prompt, asked, bold=True, align="left", valign="bottom"),
                Label(note, note_text, size="small", align="left", valign="top",
                      muted=not waiting),
                Keypad(pad, self.key, erase_label=t("keyboard.erase"), ok_label=t("pin.ok"),
                       enabled=not waiting)]

    def draw(self, surface: pygame.Surface) -> None:
        super().draw(surface)
        theme = self.app.theme
        pal = theme.palette
        slots = max(MIN_DIGITS, len(self.entered))
        r = min(self.dots_box.h * 0.3, 3.5)
        y = self.dots_box.y + self.dots_box.h / 2
        for i in range(slots):
            x = self.dots_box.x + r + i * r * 3.2
            if i < len(self.entered):
                draw.circle(surface, theme, x, y, r, pal.ink)
            else:
                draw.circle(surface, theme, x, y, r, pal.line, width_mm=0.6)

    # -- input ------------------------------------------------------------------------------
    def key(self, key: str) -> None:
        if self._waiting > 0:
            return
        if key == "\b":
            self.entered = self.entered[:-1]
        elif key == "\n":
            self.submit()
            return
        elif len(self.entered) < MAX_DIGITS:
            self.entered += key
            self.message = ""
        self.refresh()

    def on_text(self, text: str) -> None:
        for char in text:
            if char.isdigit() and char.isascii():
                self.key(char)

    def on_command(self, command: Command) -> None:
        if command is Command.ERASE:
            self.key("\b")
        elif command is Command.CONFIRM:
            self.key("\n")
        else:
            super().on_command(command)

    def submit(self) -> None:
        pin, self.entered = self.entered, ""
        if self.step == "check":
            outcome = self.guard.attempt(pin)
            if outcome == "ok" and self.guard.too_short:
                self.step, self.message = "choose", t("pin.longer", low=MIN_DIGITS)
            elif outcome == "ok":
                self.finish(True)
                return
            else:
                self.message = t("pin.wrong") if outcome == "wrong" else ""
                self._waiting = math.ceil(self.guard.wait_s())
        elif not valid_pin(pin):
            self.message = t("pin.length", low=MIN_DIGITS, high=MAX_DIGITS)
        elif self.step == "choose":
            self.first, self.step, self.message = pin, "confirm", ""
        elif pin != self.first:
            self.first, self.step, self.message = "", "choose", t("pin.mismatch")
        else:
            self.guard.set_pin(pin)
            self.app.show_toast(t("pin.saved"))
            self.finish(True)
            return
        self.refresh()

    def update(self, t_ms: float) -> None:
        waiting = math.ceil(self.guard.wait_s())
        if waiting != self._waiting:
            self._waiting = waiting
            self.refresh()
