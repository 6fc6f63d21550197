"""Round recordings: everything needed to replay a round exactly.

A recording is gzip-compressed JSON lines. The first line is the header (game, level
parameters, seed, hand, mode, display profile, board size, app version); each further
line is an event: ["t", finger, phase, x_mm, y_mm, t_ms] for a touch, or
["m", name, t_ms] for a marker such as the end of the round.
"""

from __future__ import annotations

import gzip
import io
import json
import queue
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from math import isfinite
from pathlib import Path
from typing import Any

from engine.store.atomic import write_atomic
from engine.store.jsonfile import json_safe
from engine.touch import Phase, Touch

FORMAT = "deftly-recording"
VERSION = 1


class RecordingError(Exception):
    """A recording that cannot be read; the message names the file and line."""


@dataclass(frozen=True)
class Marker:
    name: str
    t_ms: float


Event = Touch | Marker


@dataclass(frozen=True)
class Recording:
    header: dict[str, Any]
    events: list[Event] = field(default_factory=list)

    @property
    def touches(self) -> list[Touch]:
        return [e for e in self.events if isinstance(e, Touch)]

    @property
    def end_ms(self) -> float | None:
        ends = [e.t_ms for e in self.events if isinstance(e, Marker) and e.name == "end"]
        return ends[-1] if ends else None


COMPRESS_LEVEL = 6   # gzip's default 9 takes three times as long for 2 % less


CHUNK_EVENTS = 4096
"""Events encoded per piece; a long recording's pieces are compressed on a second thread
while the next ones are encoded (zlib lets go of the interpreter while it works), and
deflate makes the same bytes however its input is cut."""


def encode(header: dict[str, Any], events: Iterable[Event]) -> bytes:
    head = json.dumps({"format": FORMAT, "version": VERSION, **json_safe(header)},
                      separators=(",", ":"), allow_nan=False)
    items = events if isinstance(events, list) else list(events)
    pieces = [head.encode("utf-8") + b"\n"]
    buffer = io.BytesIO()
    with gzip.GzipFile(fileobj=buffer, mode="wb", mtime=0, compresslevel=COMPRESS_LEVEL) as gz:
        if len(items) <= 2 * CHUNK_EVENTS:
            pieces.append(_lines(items))
            gz.write(b"".join(pieces))
        else:
            _write_while_encoding(gz, pieces, items)
    return buffer.getvalue()


def _lines(events: list[Event]) -> bytes:
    """Events as their JSON lines, each ended by a newline."""
    lines = [_touch_line(e) if type(e) is Touch else _event_line(e) for e in events]
    lines.append("")
    return "\n".join(lines).encode("utf-8")


def _event_line(event: Event) -> str:
    if isinstance(event, Touch):
        return _touch_line(event)
    return json.dumps(["m", event.name, event.t_ms], separators=(",", ":"), allow_nan=False)


def _write_while_encoding(gz: gzip.GzipFile, first: list[bytes], items: list[Event]) -> None:
    """Encode `items` piece by piece on this thread while another compresses the pieces
    already encoded, in order."""
    pieces: queue.Queue[bytes | None] = queue.Queue(maxsize=4)
    failed: list[BaseException] = []

    def compress() -> None:
        while (piece := pieces.get()) is not None:
            if not failed:
                try:
                    gz.write(piece)
                except BaseException as error:  # handed back to the encoding thread
                    failed.append(error)

    worker = threading.Thread(target=compress, name="recording-gzip", daemon=True)
    worker.start()
    try:
        pieces.put(b"".join(first))
        for start in range(0, len(items), CHUNK_EVENTS):
            if failed:
                break
            pieces.put(_lines(items[start:start + CHUNK_EVENTS]))
    finally:
        pieces.put(None)
        worker.join()
    if failed:
        raise failed[0]


_PHASE_TEXT = {phase: f',"{phase.value}",' for phase in Phase}


def _touch_line(touch: Touch) -> str:
    """A touch as its JSON row, written directly (five times faster than `json.dumps`)."""
    x, y, t = touch.x_mm, touch.y_mm, touch.t_ms
    if type(x) is not float or type(y) is not float or type(t) is not float:
        x, y, t = float(x), float(y), float(t)
    if not (isfinite(x) and isfinite(y) and isfinite(t)):
        raise ValueError(f"a touch must have finite numbers, not {touch}")
    finger = touch.finger
    if type(finger) is not int:
        finger = int(finger)
    return f'["t",{finger}{_PHASE_TEXT[touch.phase]}{x!r},{y!r},{t!r}]'


def write_recording(path: Path, header: dict[str, Any], events: Iterable[Event], *,
                    sync: bool = True) -> Path:
    """Write a recording atomically (and durably, with `sync`)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, encode(header, events), sync=sync)
    return path


def read_recording(path: Path) -> Recording:
    """Read a recording; any problem raises RecordingError with file and line."""
    try:
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            text = handle.read()
    except FileNotFoundError as error:
        raise RecordingError(f"{path}: no such file") from error
    except (OSError, EOFError, UnicodeDecodeError) as error:
        raise RecordingError(f"{path}: expected a gzip-compressed Deftly recording "
                             f"({error})") from error
    lines = text.splitlines()
    if not lines:
        raise RecordingError(f"{path}:1: expected a recording header")
    try:
        header = json.loads(lines[0])
    except json.JSONDecodeError as error:
        raise RecordingError(f"{path}:1: expected a JSON header") from error
    if not isinstance(header, dict) or header.get("format") != FORMAT:
        raise RecordingError(f"{path}:1: expected a header with format {FORMAT!r}")
    if int(header.get("version", 0)) > VERSION:
        raise RecordingError(f"{path}:1: recording version {header.get('version')} is newer "
                             f"than this Deftly reads ({VERSION})")
    events: list[Event] = []
    for number, line in enumerate(lines[1:], start=2):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            if row[0] == "t":
                events.append(Touch(int(row[1]), Phase(row[2]), float(row[3]), float(row[4]),
                                    float(row[5])))
            elif row[0] == "m":
                events.append(Marker(str(row[1]), float(row[2])))
            else:
                raise ValueError(row[0])
        except (json.JSONDecodeError, ValueError, IndexError, TypeError, KeyError) as error:
            raise RecordingError(f"{path}:{number}: expected a touch [\"t\", finger, phase, "
                                 f"x, y, t] or a marker [\"m\", name, t]") from error
    return Recording(header, events)
