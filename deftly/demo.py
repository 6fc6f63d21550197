"""Demo data for screenshots and golden images: a temporary folder with simulated play."""

from __future__ import annotations

import atexit
import hashlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from functools import cache
from pathlib import Path

from deftly.context import Shell
from deftly.simulate import fill_days
from engine.app import App
from engine.clock import SetWallClock
from engine.store.store import Store

DEMO_TODAY = datetime.fromisoformat("2026-11-21T09:00:00+01:00")
DEMO_CREATED = datetime.fromisoformat("2026-10-01T10:00:00+01:00")
DEMO_DEVICE = "demo"


Key = tuple[int, tuple[str, ...], str, tuple[str, ...]]
_TEMPLATES: dict[Key, Path] = {}
_SHARED = [True]
"""Whether templates may come from (and go to) the cache shared between processes."""
CACHE_ENV = "DEFTLY_DEMO_CACHE"
"""A folder for demo templates shared by processes (the test workers, `deftly shot`), kept
per version of the code; "off" builds them in every process."""
STALE_S = 3600.0


def _template(days: int, players: tuple[str, ...], patient: str) -> Path:
    """A demo data folder built once (simulating weeks of play takes many seconds): per
    process, and shared between processes through a cache keyed by the code that made it,
    for the games registered now (a test may register one more)."""
    from games.registry import all_specs

    key: Key = (days, players, patient, tuple(spec.id for spec in all_specs()))
    if key in _TEMPLATES and not _TEMPLATES[key].is_dir():   # removed by another process
        del _TEMPLATES[key]
    if key not in _TEMPLATES:
        cached = _cached(key) if _SHARED[0] else None
        if cached is not None and cached.is_dir():
            _TEMPLATES[key] = cached
            return cached
        folder = Path(tempfile.mkdtemp(prefix="deftly-demo-template-"))
        atexit.register(shutil.rmtree, folder, True)
        _build(folder, days, players, patient)
        _TEMPLATES[key] = _share(folder, cached) if cached is not None else folder
    return _TEMPLATES[key]


def _build(folder: Path, days: int, players: tuple[str, ...], patient: str) -> None:
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


def _cached(key: Key) -> Path | None:
    """Where the shared template for `key` is (or would go); None when sharing is off."""
    root = os.environ.get(CACHE_ENV, "")
    if root == "off":
        return None
    base = Path(root) if root else Path(tempfile.gettempdir()) / "deftly-demo-cache"
    name = hashlib.sha256(repr(key).encode("utf-8")).hexdigest()[:16]
    return base / _code_version() / name


def _share(folder: Path, target: Path) -> Path:
    """Move a template just built into the shared cache (another process may have put one
    there first: then that one is used); never fails, at worst it stays private."""
    staged: Path | None = None
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        _forget_stale(target.parent.parent, keep=target.parent)
        staged = Path(tempfile.mkdtemp(prefix=".staged-", dir=target.parent))
        shutil.copytree(folder, staged / "data", ignore=shutil.ignore_patterns("deftly.lock"))
        os.replace(staged / "data", target)
    except OSError:
        return target if target.is_dir() else folder
    finally:
        if staged is not None:
            shutil.rmtree(staged, ignore_errors=True)
    return target


def _forget_stale(root: Path, keep: Path) -> None:
    """Remove the templates of other code versions made an hour or more before the newest
    (file times only: the calendar is read by engine/clock.py alone)."""
    versions = [p for p in root.iterdir() if p.is_dir()] if root.is_dir() else []
    newest = max((p.stat().st_mtime for p in versions), default=0.0)
    for old in versions:
        if old != keep and newest - old.stat().st_mtime > STALE_S:
            shutil.rmtree(old, ignore_errors=True)


@cache
def _code_version() -> str:
    """A digest of the code and data a demo folder is simulated with."""
    top = Path(__file__).resolve().parent.parent
    digest = hashlib.sha256()
    for pattern in ("engine/**/*.py", "games/**/*.py", "deftly/**/*.py", "levels/*.toml",
                    "games/**/*.toml"):
        for path in sorted(top.glob(pattern)):
            digest.update(str(path.relative_to(top)).encode("utf-8"))
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


@contextmanager
def templates_built_anew() -> Iterator[None]:
    """Inside the block, demo folders are simulated again instead of taken from the ones
    built earlier (a test that moves the machine's clock needs that)."""
    saved, shared = dict(_TEMPLATES), _SHARED[0]
    _TEMPLATES.clear()
    _SHARED[0] = False
    try:
        yield
    finally:
        _SHARED[0] = shared
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
