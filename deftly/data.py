"""Opening the store for the shell and the commands, with plain-words errors."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from deftly.commands.common import CommandError
from deftly.paths import data_dir
from engine.clock import WallClock, system_time
from engine.store.errors import StoreError
from engine.store.store import Profile, Store


@contextmanager
def opened_store(folder: str | Path | None, clock: WallClock = system_time) -> Iterator[Store]:
    """The store for `--data-dir` (or the default folder); problems become CommandError.

    Recovery notes (a damaged file put aside) are printed to stderr, one line each.
    """
    try:
        store = Store.open(data_dir(folder), clock=clock)
    except StoreError as error:
        raise CommandError(str(error)) from error
    store.watch_problems(lambda problem: print(f"deftly: note: {problem}", file=sys.stderr))
    try:
        yield store
    finally:
        store.close()


def require_profile(store: Store, name: str) -> Profile:
    profile = store.find_profile(name)
    if profile is None:
        names = ", ".join(p.name for p in store.profiles()) or "none yet"
        raise CommandError(f"no player called {name!r} (players: {names})")
    return profile
