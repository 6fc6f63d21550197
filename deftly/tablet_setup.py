"""`deftly setup-tablet`: this user's session starts Deftly full screen at login, by the
freedesktop conventions (an XDG autostart entry, a desktop launcher, Deftly's icon in
the user's icon theme). No system file is touched and no root is needed; what is written
is listed in a manifest, so `--undo` removes exactly that, and only if unchanged."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shlex
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

from engine.resources import resource_path
from engine.store.atomic import write_atomic

ICON_SIZES = (32, 48, 64, 128, 256)
MANIFEST = "setup-tablet.json"


class SetupError(Exception):
    """Something in the way, said in one line; nothing was written."""


@dataclass(frozen=True)
class Planned:
    """A file to write: where, and its bytes."""

    path: Path
    data: bytes


def _home_dir(env: dict[str, str], name: str, default: str) -> Path:
    value = env.get(name, "")
    if value and os.path.isabs(value):
        return Path(value)
    return Path(env.get("HOME") or Path.home()) / default


def config_home(env: dict[str, str]) -> Path:
    return _home_dir(env, "XDG_CONFIG_HOME", ".config")


def data_home(env: dict[str, str]) -> Path:
    return _home_dir(env, "XDG_DATA_HOME", ".local/share")


def command() -> list[str]:
    """How to start this Deftly: its own `deftly` program if it is one, else Python's."""
    program = Path(sys.argv[0]).resolve() if sys.argv and sys.argv[0] else None
    if program is not None and program.name == "deftly" and program.is_file():
        return [str(program)]
    found = shutil.which("deftly")
    return [found] if found else [sys.executable, "-m", "deftly"]


def desktop_entry(start: list[str], *, autostart: bool) -> bytes:
    """A freedesktop .desktop entry that starts Deftly full screen."""
    lines = ["[Desktop Entry]", "Type=Application", "Version=1.5", "Name=Deftly",
             "GenericName=Hand therapy games",
             "Comment=Touchscreen games for getting your hands back",
             f"Exec={shlex.join([*start, '--fullscreen'])}", "Icon=deftly", "Terminal=false",
             "Categories=Education;MedicalSoftware;Game;", "StartupNotify=false"]
    if autostart:
        lines += ["X-GNOME-Autostart-enabled=true", "X-GNOME-Autostart-Delay=2"]
    return ("\n".join(lines) + "\n").encode("utf-8")


def plan(env: dict[str, str]) -> list[Planned]:
    """Every file setup writes, with its contents."""
    start = command()
    data = data_home(env)
    icons = data / "icons" / "hicolor"
    files = [Planned(config_home(env) / "autostart" / "deftly.desktop",
                     desktop_entry(start, autostart=True)),
             Planned(data / "applications" / "deftly.desktop",
                     desktop_entry(start, autostart=False)),
             Planned(icons / "scalable" / "apps" / "deftly.svg",
                     resource_path("assets", "icons", "deftly.svg").read_bytes())]
    files += [Planned(icons / f"{n}x{n}" / "apps" / "deftly.png",
                      resource_path("assets", "icons", f"deftly-{n}.png").read_bytes())
              for n in ICON_SIZES]
    return files


def manifest_path(env: dict[str, str]) -> Path:
    return data_home(env) / "deftly" / MANIFEST


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _manifest(env: dict[str, str]) -> tuple[dict[str, str], list[str]]:
    """The files setup wrote (with their digests) and the folders it made."""
    path = manifest_path(env)
    try:
        known = json.loads(path.read_text("utf-8"))
        files = {str(k): str(v) for k, v in known.get("files", {}).items()}
        return files, [str(f) for f in known.get("folders", [])]
    except FileNotFoundError:
        return {}, []
    except (OSError, ValueError, AttributeError) as error:
        raise SetupError(f"{path}: cannot be read ({error}); remove it by hand") from error


def _make_folder(folder: Path, made: list[str]) -> None:
    """Make `folder` and its missing parents, noting each one made."""
    missing = [p for p in [folder, *folder.parents] if not p.exists()]
    for path in reversed(missing):
        path.mkdir()
        made.append(str(path))


def setup(env: dict[str, str]) -> list[Path]:
    """Write the files (each atomically) and the manifest; returns what was written. A
    file already there that setup did not write stops it before anything is written."""
    files, (ours, made) = plan(env), _manifest(env)
    for planned in files:
        if planned.path.exists() and str(planned.path) not in ours:
            raise SetupError(f"{planned.path} is already there and Deftly did not write it; "
                             "move it away first")
    record = dict(ours)
    try:
        _make_folder(manifest_path(env).parent, made)
        for planned in files:
            _make_folder(planned.path.parent, made)
            write_atomic(planned.path, planned.data)
            record[str(planned.path)] = _digest(planned.data)
    finally:
        if manifest_path(env).parent.is_dir():
            write_atomic(manifest_path(env), json.dumps(
                {"files": record, "folders": made}, indent=1).encode("utf-8"))
    return [p.path for p in files]


def undo(env: dict[str, str]) -> tuple[list[Path], list[Path]]:
    """Remove what setup wrote, if it is as written, and the folders it made once empty:
    (removed, kept because changed since)."""
    files, made = _manifest(env)
    removed, kept = [], []
    for name, digest in files.items():
        path = Path(name)
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            continue
        if _digest(data) != digest:
            kept.append(path)
            continue
        path.unlink()
        removed.append(path)
    if not kept:
        manifest_path(env).unlink(missing_ok=True)
    for folder in sorted(made, key=len, reverse=True):   # the deepest first
        with contextlib.suppress(OSError):    # not empty: something else is in it now
            Path(folder).rmdir()
    return removed, kept
