"""Demo data for screenshots and golden images: a temporary folder with simulated play."""

from __future__ import annotations

import atexit
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from deftly.context import Shell
from deftly.simulate import fill_days
from engine.app import App
from engine.clock import SetWallClock
from engine.store.store import Store

DEMO_TODAY = datetime.fromisoformat("2026-11-21T09:00:00+01:00")
DEMO_CREATED = datetime.fromisoformat("2026-10-01T10:00:00+01:00")
DEMO_DEVICE = "demo"


_TEMPLATES: dict[tuple[int, tuple[str, ...], str, tuple[str, ...]], Path] = {}


def _template(days: int, players: tuple[str, ...], patient: str) -> Path:
    """A demo data folder built once per process (simulating days of play takes seconds),
    for the games registered now (a test may register one more)."""
    from games.registry import all_specs

    key = (days, players, patient, tuple(spec.id for spec in all_specs()))
    if key not in _TEMPLATES:
        folder = Path(tempfile.mkdtemp(prefix="deftly-demo-template-"))
        atexit.register(shutil.rmtree, folder, True)
        clock = SetWallClock(DEMO_CREATED)
        store = Store.open(folder, clock=clock)
        try:
            first = None
            for i, name in enumerate(players):
                colors = ("blue", "orange", "bluish_green", "reddish_purple")
                profile = store.add_profile(name, "left" if i == 0 else "right",
                                            color=colors[i % len(colors)])
                first = first or profile
            if days and first is not None:
                clock.set(DEMO_TODAY)
                for _ in fill_days(store, first.id, patient, days, seed=3, hand="left"):
                    pass
        finally:
            store.close()
        _TEMPLATES[key] = folder
    return _TEMPLATES[key]


@contextmanager
def templates_built_anew() -> Iterator[None]:
    """Inside the block, demo folders are simulated again instead of taken from the ones
    built earlier in this process (a test that moves the machine's clock needs that)."""
    saved = dict(_TEMPLATES)
    _TEMPLATES.clear()
    try:
        yield
    finally:
        _TEMPLATES.clear()
        _TEMPLATES.update(saved)


@contextmanager
def demo_store(days: int = 0, players: tuple[str, ...] = ("Ann",),
               patient: str = "moderate") -> Iterator[Store]:
    """A store in a fresh temporary folder; the first player has `days` days of
    simulated play (copied from a template built once per process)."""
    with tempfile.TemporaryDirectory(prefix="deftly-demo-") as folder:
        target = Path(folder) / "data"
        shutil.copytree(_template(days, players, patient), target,
                        ignore=shutil.ignore_patterns("deftly.lock"))
        store = Store.open(target, clock=SetWallClock(DEMO_TODAY))
        try:
            yield store
        finally:
            store.close()


def demo_shell(app: App, store: Store) -> Shell:
    shell = Shell(store, DEMO_DEVICE)
    shell.profile = store.profiles()[0] if store.profiles() else None
    return shell
