"""Where the therapist can save an export: the data folder, Documents, and any USB stick
or card that is plugged in. Each export goes into a new folder of its own, so nothing
already there is ever overwritten."""

from __future__ import annotations

import getpass
import os
from datetime import date
from pathlib import Path


def _user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return os.environ.get("USER", "")


def removable_roots(user: str | None = None, roots: tuple[Path, ...] = (
        Path("/media"), Path("/run/media"), Path("/Volumes"))) -> list[Path]:
    """Mounted drives we may write to: /media/<user>/*, /media/*, /run/media/<user>/*,
    /Volumes/* (macOS)."""
    user = _user() if user is None else user
    found: list[Path] = []
    for root in roots:
        for base in ([root / user, root] if user and root.name == "media" else [root]):
            try:
                children = sorted(p for p in base.iterdir() if p.is_dir())
            except OSError:
                continue
            found += [p for p in children if p.name not in (user, "Macintosh HD")
                      and os.access(p, os.W_OK) and p not in found]
    return found


def export_folders(data_dir: Path, home: Path | None = None,
                   removable: list[Path] | None = None) -> list[Path]:
    """Folders to offer, most likely wanted first (a plugged-in drive)."""
    home = Path.home() if home is None else home
    folders = list(removable_roots() if removable is None else removable)
    documents = home / "Documents"
    if documents.is_dir():
        folders.append(documents / "Deftly")
    folders.append(data_dir / "exports")
    return folders


def new_export_dir(parent: Path, player: str, today: date) -> Path:
    """A fresh folder `deftly-<player>-<date>` (with -2, -3... if taken), created."""
    safe = "".join(c if c.isalnum() or c in "-_" else "-" for c in player).strip("-") or "player"
    base = f"deftly-{safe}-{today.isoformat()}"
    for n in range(1, 1000):
        candidate = parent / (base if n == 1 else f"{base}-{n}")
        try:
            candidate.mkdir(parents=True, exist_ok=False)
            return candidate
        except FileExistsError:
            continue
    raise OSError(f"too many exports in {parent} today")
