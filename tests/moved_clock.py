"""Moving the process's own clock (and time zone) for tests: `time-machine`.

A fixed clock injected into the code would prove nothing about what the code does with
the real one: these tests move the real one.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from zoneinfo import ZoneInfo

import time_machine

FAR_AWAY = datetime(2031, 6, 15, 23, 50, tzinfo=ZoneInfo("America/Santiago"))
"""Years after the goldens were made, just before midnight, in a zone behind UTC (UTC-4):
UTC is already on the next day."""

NEAR_MIDNIGHT = {
    "after-midnight-utc+14": datetime(2031, 3, 9, 0, 10, tzinfo=ZoneInfo("Pacific/Kiritimati")),
    "before-midnight-utc-11": datetime(2030, 12, 31, 23, 55,
                                       tzinfo=ZoneInfo("Pacific/Pago_Pago")),
}
"""Local dates that differ from the UTC date: "today" computed in UTC would be wrong."""


@contextmanager
def clock_moved_to(when: datetime | None) -> Iterator[None]:
    """The machine's clock and zone moved to `when` (None: left alone)."""
    if when is None:
        yield
        return
    with time_machine.travel(when, tick=False):
        yield
