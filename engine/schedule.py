"""What a model will do by itself, and when: actions due at times on the model's clock.

A small heap-based clock in the manner of Pygame Zero's, but on model time: nothing here
reads a clock. `Schedule.pop_due(t)` hands out the actions due by `t` one at a time,
earliest first and, at equal times, in the order they were scheduled; an action may
schedule or cancel others as it runs.
"""

from __future__ import annotations

import heapq
import itertools
from collections.abc import Callable, Hashable

Action = Callable[[float], object]
"""Called with the time it was scheduled for (in ms)."""


class Scheduled:
    """One action waiting for its time. `cancel()` stops it if it has not run yet."""

    __slots__ = ("action", "key", "pending", "t_ms")

    def __init__(self, t_ms: float, action: Action, key: Hashable | None) -> None:
        self.t_ms = t_ms
        self.action = action
        self.key = key
        self.pending = True

    def cancel(self) -> None:
        self.pending = False

    def run(self) -> None:
        self.action(self.t_ms)

    def __repr__(self) -> str:
        state = "pending" if self.pending else "done"
        return f"Scheduled({self.t_ms!r}, {self.key!r}, {state})"


class Schedule:
    """Actions in time order. A key names an action so that scheduling another under the
    same key replaces it, and `cancel(key)` stops it without keeping its handle."""

    def __init__(self) -> None:
        self._heap: list[tuple[float, int, Scheduled]] = []
        self._order = itertools.count()
        self._keyed: dict[Hashable, Scheduled] = {}

    def schedule(self, t_ms: float, action: Action, key: Hashable | None = None
                 ) -> Scheduled:
        """Run `action(t_ms)` once time reaches `t_ms` (replacing what `key` names)."""
        if key is not None:
            self.cancel(key)
        entry = Scheduled(t_ms, action, key)
        if key is not None:
            self._keyed[key] = entry
        heapq.heappush(self._heap, (t_ms, next(self._order), entry))
        return entry

    def cancel(self, what: Scheduled | Hashable) -> None:
        """Stop an action, given its handle or its key (nothing if it is not pending)."""
        entry = what if isinstance(what, Scheduled) else self._keyed.get(what)
        if entry is None:
            return
        entry.pending = False
        if entry.key is not None and self._keyed.get(entry.key) is entry:
            del self._keyed[entry.key]

    def get(self, key: Hashable) -> Scheduled | None:
        """The action waiting under `key`, if any."""
        return self._keyed.get(key)

    def next_ms(self) -> float | None:
        """When the earliest pending action is due (None: nothing is scheduled)."""
        self._drop_cancelled()
        return self._heap[0][0] if self._heap else None

    def pop_due(self, t_ms: float) -> Scheduled | None:
        """The earliest pending action due at or before `t_ms`, taken off the schedule for
        the caller to `run()`; None when nothing is due yet."""
        self._drop_cancelled()
        if not self._heap or self._heap[0][0] > t_ms:
            return None
        entry = heapq.heappop(self._heap)[2]
        self.cancel(entry)
        return entry

    def clear(self) -> None:
        for _, _, entry in self._heap:
            entry.pending = False
        self._heap.clear()
        self._keyed.clear()

    def _drop_cancelled(self) -> None:
        while self._heap and not self._heap[0][2].pending:
            heapq.heappop(self._heap)
