"""What the pointing device can do: a mouse (one finger) or a touch panel with N fingers.

Read in this order: a value forced by a test or a shot (`force_capability`), the
`DEFTLY_TOUCH` environment variable (`mouse`, or a number of fingers such as `1`, `2`,
`10`), and what SDL reports once a display is up. SDL says whether a touch device is
there, not how many fingers it follows, so a touch panel is taken to follow
`PANEL_FINGERS`. Without a display, and under SDL's dummy or offscreen drivers
(headless CI, shots), the answer is always the mouse.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from types import TracebackType
from typing import Literal

import pygame
import pygame._sdl2.touch as sdl_touch

ENV_VAR = "DEFTLY_TOUCH"
MAX_FINGERS = 20
"""The most fingers the input layer tracks at once (see `FingerTracker`)."""
PANEL_FINGERS = 10
"""Fingers assumed for a touch panel SDL found (it does not tell); most panels follow 10."""
HEADLESS_DRIVERS = frozenset({"dummy", "offscreen"})

Kind = Literal["mouse", "touch"]


class CapabilityError(ValueError):
    """A touch setting that cannot be understood, told in one line."""


@dataclass(frozen=True, slots=True)
class TouchCapability:
    """How many fingers can be down at once, and whether they are fingers or a mouse."""

    fingers: int
    kind: Kind

    def __post_init__(self) -> None:
        if self.kind not in ("mouse", "touch"):
            raise CapabilityError(f"touch kind must be 'mouse' or 'touch', not {self.kind!r}")
        if self.kind == "mouse" and self.fingers != 1:
            raise CapabilityError(f"a mouse is one finger, not {self.fingers}")
        if not 1 <= self.fingers <= MAX_FINGERS:
            raise CapabilityError(f"fingers must be 1 to {MAX_FINGERS}, not {self.fingers}")

    @property
    def multi_touch(self) -> bool:
        return self.fingers >= 2

    def allows(self, fingers: int) -> bool:
        """True if a task needing `fingers` at once can be played."""
        return fingers <= self.fingers

    def __str__(self) -> str:
        if self.kind == "mouse":
            return "mouse"
        return f"touch, {self.fingers} finger{'s' if self.fingers > 1 else ''}"


MOUSE = TouchCapability(1, "mouse")


def parse_capability(text: str) -> TouchCapability:
    """`mouse` or a number of fingers (`1` to `MAX_FINGERS`); anything else is a
    `CapabilityError` naming the value and what is expected."""
    value = text.strip().lower()
    if value == "mouse":
        return MOUSE
    if value.isascii() and value.isdigit() and 1 <= int(value) <= MAX_FINGERS:
        return TouchCapability(int(value), "touch")
    raise CapabilityError(f"{text!r} is not a touch setting: use 'mouse' or a number of "
                          f"fingers from 1 to {MAX_FINGERS}")


def from_environment() -> TouchCapability | None:
    """The capability `DEFTLY_TOUCH` asks for, None if it is unset or empty; a value that
    cannot be understood is a one-line `CapabilityError`."""
    text = os.environ.get(ENV_VAR, "")
    if not text.strip():
        return None
    try:
        return parse_capability(text)
    except CapabilityError as error:
        raise CapabilityError(f"{ENV_VAR}: {error}") from None


def detect() -> TouchCapability:
    """What SDL reports: the mouse without a display or under a headless driver, else a
    touch panel if SDL found one."""
    if not pygame.display.get_init() or pygame.display.get_driver() in HEADLESS_DRIVERS:
        return MOUSE
    try:
        devices = sdl_touch.get_num_devices()
    except pygame.error:
        return MOUSE
    return TouchCapability(PANEL_FINGERS, "touch") if devices > 0 else MOUSE


_forced: list[_Forcing] = []
_warned: set[str] = set()


def touch_capability() -> TouchCapability:
    """The capability to use now: forced, else `DEFTLY_TOUCH`, else detected.

    A `DEFTLY_TOUCH` that cannot be understood is reported once, in one line on stderr,
    and detection is used instead: never a traceback.
    """
    if _forced:
        return _forced[-1].capability
    try:
        chosen = from_environment()
    except CapabilityError as error:
        if str(error) not in _warned:
            _warned.add(str(error))
            print(f"deftly: {error}; using the detected input instead", file=sys.stderr)
        chosen = None
    return chosen if chosen is not None else detect()


class _Forcing:
    """Returned by `force_capability`: leaving its `with` block undoes the forcing."""

    def __init__(self, capability: TouchCapability) -> None:
        self.capability = capability
        _forced.append(self)

    def __enter__(self) -> TouchCapability:
        return self.capability

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.undo()

    def undo(self) -> None:
        """Stop this forcing (and any made after it)."""
        if self in _forced:
            del _forced[_forced.index(self):]


def force_capability(capability: TouchCapability | str | int) -> _Forcing:
    """Make `touch_capability()` return `capability` (a value, `"mouse"`, or a number of
    fingers) until `release_capability()`, or until the `with` block it opens ends."""
    if isinstance(capability, bool) or not isinstance(capability, TouchCapability | str | int):
        raise CapabilityError(f"not a touch capability: {capability!r}")
    if not isinstance(capability, TouchCapability):
        capability = parse_capability(str(capability))
    return _Forcing(capability)


def release_capability() -> None:
    """Undo every forcing."""
    _forced.clear()
