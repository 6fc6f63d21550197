"""Helpers shared by the commands: one-line failures and argument types."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import date
from typing import TypeVar

Bound = TypeVar("Bound", int, date)


class CommandError(Exception):
    """A problem told to the user in one line; `code` is the exit status."""

    def __init__(self, message: str, code: int = 1) -> None:
        super().__init__(message)
        self.code = code


def fail(message: str, code: int = 1) -> int:
    print(f"deftly: {message}", file=sys.stderr)
    return code


def point(text: str) -> tuple[float, float]:
    """'12.5,40' -> (12.5, 40.0)."""
    try:
        x, y = (float(v) for v in text.split(","))
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"expected X,Y, got {text!r}") from error
    return (x, y)


def positive(text: str) -> float:
    try:
        value = float(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"expected a number, got {text!r}") from error
    if not value > 0:
        raise argparse.ArgumentTypeError(f"expected a positive number, got {text!r}")
    return value


def add_data_dir(parser: argparse.ArgumentParser) -> None:
    """Accept --data-dir after the sub-command too (without overriding one given before it)."""
    parser.add_argument("--data-dir", metavar="DIR", default=argparse.SUPPRESS,
                        help="where profiles and results are kept")


def bounded(convert: Callable[[str], Bound], lo: Bound, hi: Bound, what: str
            ) -> Callable[[str], Bound]:
    """An argument type: `what` (read by `convert`) from `lo` to `hi`, which bounds what
    is plainly absurd."""

    def parse(text: str) -> Bound:
        try:
            value = convert(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"expected {what}, got {text[:20]!r}") from None
        if not lo <= value <= hi:
            raise argparse.ArgumentTypeError(f"expected {what} from {lo} to {hi}, "
                                             f"got {text[:20]!r}")
        return value

    return parse


def whole(lo: int, hi: int) -> Callable[[str], int]:
    """An argument type: a whole number from `lo` to `hi`."""
    return bounded(int, lo, hi, "a whole number")


NAME_LIMIT = 40


def name(text: str) -> str:
    """An argument type: a player's name, one line of at most NAME_LIMIT characters."""
    cleaned = text.strip()
    if not cleaned:
        raise argparse.ArgumentTypeError("a player's name needs at least one letter")
    if any(not ch.isprintable() for ch in cleaned):
        raise argparse.ArgumentTypeError("a player's name must be one line without tabs "
                                         "or control characters")
    if len(cleaned) > NAME_LIMIT:
        raise argparse.ArgumentTypeError(f"a player's name can have at most {NAME_LIMIT} "
                                         f"characters")
    return cleaned


FIRST_DAY, LAST_DAY = date(2000, 1, 1), date(2199, 12, 31)
day_argument = bounded(date.fromisoformat, FIRST_DAY, LAST_DAY, "a date like 2026-11-21")
"""An argument type: a calendar day (a report's period, a card's week)."""
