"""Demo data for screenshots and golden images: a temporary folder with simulated play."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from deftly.context import Shell
from deftly.simulate import fill_days
from engine.app import App
from engine.store.store import Store

DEMO_TODAY = datetime.fromisoformat("2026-11-21T09:00:00+01:00")
DEMO_DEVICE = "demo"


@contextmanager
def demo_store(days: int = 0, players: tuple[str, ...] = ("Ann",),
               patient: str = "moderate") -> Iterator[Store]:
    """A store in a temporary folder; the first player has `days` days of simulated play."""
    with tempfile.TemporaryDirectory(prefix="deftly-demo-") as folder:
        store = Store.open(Path(folder))
        try:
            store.label = lambda: "2026-10-01T10:00:00+01:00"
            first = None
            for i, name in enumerate(players):
                colors = ("blue", "orange", "bluish_green", "reddish_purple")
                profile = store.add_profile(name, "left" if i == 0 else "right",
                                            color=colors[i % len(colors)])
                first = first or profile
            if days and first is not None:
                for _ in fill_days(store, first.id, patient, days, seed=3, hand="left",
                                   today=DEMO_TODAY):
                    pass
            yield store
        finally:
            store.close()


def demo_shell(app: App, store: Store) -> Shell:
    shell = Shell(store, DEMO_DEVICE)
    shell.profile = store.profiles()[0] if store.profiles() else None
    shell.today = lambda: DEMO_TODAY
    return shell
