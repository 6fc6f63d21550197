"""A progress bar for long work on a terminal (tqdm), and nothing at all otherwise: not
when the output goes to a file or a pipe, not with --json."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, Protocol


class Bar(Protocol):
    """What long work tells its bar: more done, or how much there is in all."""

    def update(self, n: float = 1) -> Any: ...

    def reset(self, total: float | None = None) -> Any: ...


class Quiet:
    """A bar that shows nothing."""

    def update(self, n: float = 1) -> None:
        pass

    def reset(self, total: float | None = None) -> None:
        pass


def on_terminal() -> bool:
    """Both the output and the messages go to a terminal."""
    return sys.stdout.isatty() and sys.stderr.isatty()


@contextmanager
def progress(total: int, what: str, unit: str, *, shown: bool) -> Iterator[Bar]:
    """A bar of `total` `unit`s on stderr when `shown`, gone when the work is done."""
    if not shown:
        yield Quiet()
        return
    from tqdm import tqdm

    columns, lines = _size()
    with tqdm(total=total, desc=what, unit=f" {unit}", file=sys.stderr, leave=False,
              ncols=columns, nrows=lines) as bar:
        yield bar


def _size() -> tuple[int, int]:
    """The terminal's columns and lines; 80 by 24 where it reports none (a fresh
    pseudo-terminal says 0 by 0, and tqdm then draws nothing)."""
    try:
        size = os.get_terminal_size(sys.stderr.fileno())
    except OSError:
        return 80, 24
    return size.columns or 80, size.lines or 24
