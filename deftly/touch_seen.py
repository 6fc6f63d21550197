"""A small statistic kept in the data folder: the most fingers this screen has reported
down at once, and when. `deftly doctor` shows it; a therapist can tell from it whether a
tablet follows enough fingers for the games that need several."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from engine.store.atomic import write_atomic

FILE = "touch-seen.json"


@dataclass(frozen=True)
class TouchSeen:
    most_fingers: int
    when: str          # ISO date and time of the first time that many were seen


def load(folder: Path) -> TouchSeen | None:
    """What was seen, or None if nothing was (or the file is not readable: a statistic,
    never worth a failure)."""
    try:
        data = json.loads((folder / FILE).read_text("utf-8"))
        most = data["most_fingers"]
        if isinstance(most, bool) or not isinstance(most, int) or most < 0:
            return None
        return TouchSeen(most, str(data.get("when", "")))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def note(folder: Path, fingers: int, now: datetime) -> bool:
    """Keep `fingers` if it beats what was seen before; True if it was written. A folder
    that cannot be written is left as it is."""
    known = load(folder)
    if fingers <= 0 or (known is not None and fingers <= known.most_fingers):
        return False
    record = {"most_fingers": fingers, "when": now.isoformat(timespec="seconds")}
    try:
        write_atomic(folder / FILE, json.dumps(record).encode("utf-8"))
    except OSError:
        return False
    return True
