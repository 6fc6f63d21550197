"""What a research file looks like, from its first lines: so that a file that is not what
`--format` says is refused in one line naming what was found, instead of being scored as
something it is not (an accelerometer file read as tapping gives 0 taps)."""

from __future__ import annotations

import gzip
import json
import re
from dataclasses import dataclass
from pathlib import Path

HEAD_LINES = 12
HEAD_BYTES = 65536
"""The text layouts are told from the start of a file (JSON is read whole)."""
NUMBER = r"-?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?"


@dataclass(frozen=True)
class Found:
    """What a file appears to be: in words, and the `--format` that reads it (None when
    Deftly has no reader for it)."""

    what: str
    format: str | None = None


JSON_KINDS: list[tuple[frozenset[str], Found]] = [
    (frozenset({"TapTimeStamp", "TapCoordinate"}),
     Found("mPower tapping samples", "mpower-tapping")),
    (frozenset({"timestamp", "x", "y", "z"}),
     Found("mPower accelerometer samples (timestamp, x, y, z: a walking or tremor test)")),
    (frozenset({"attitude", "rotationRate", "userAcceleration"}),
     Found("mPower device-motion samples (attitude, rotation rate, acceleration)")),
    (frozenset({"numberOfSteps"}), Found("mPower pedometer records (numberOfSteps)")),
]


def identify(path: Path) -> Found | None:
    """What `path` looks like, or None when its first lines fit no layout Deftly knows."""
    try:
        with open(path, "rb") as raw:
            start = raw.read(2)
    except OSError:
        return None
    if start == b"\x1f\x8b":
        return _gzip(path)
    try:
        with open(path, "rb") as raw:
            head = raw.read(HEAD_BYTES).decode("utf-8-sig", "replace")
        if head.lstrip()[:1] in ("[", "{"):
            return _json(Path(path).read_text("utf-8-sig"))
    except (OSError, UnicodeDecodeError):
        return None
    lines = head.splitlines()[:-1] if len(head) == HEAD_BYTES else head.splitlines()
    return _text([line.strip() for line in lines if line.strip()][:HEAD_LINES])


def _gzip(path: Path) -> Found | None:
    try:
        with gzip.open(path, "rt", encoding="utf-8") as file:
            head = json.loads(file.readline())
    except (OSError, EOFError, ValueError):
        return Found("a gzip-compressed file")
    if isinstance(head, dict) and "format" in head:
        return Found("a Deftly round recording", "deftly")
    return Found("a gzip-compressed file")


def _json(text: str) -> Found | None:
    try:
        data = json.loads(text)
    except ValueError:
        return None          # the reader says where the JSON breaks
    records = data if isinstance(data, list) else [data]
    keys = {k for r in records[:20] if isinstance(r, dict) for k in r}
    if not keys:
        return None          # an empty list, or no objects: nothing to go by
    for needed, found in JSON_KINDS:
        if needed <= keys:
            return found
    shown = ", ".join(sorted(keys)[:6]) + (", ..." if len(keys) > 6 else "")
    return Found(f"{'JSON records' if isinstance(data, list) else 'a JSON object'} with "
                 f"the keys {shown}")


def _numbers(line: str, separator: str) -> int | None:
    """How many numbers the line holds, split by `separator`; None if not all numbers."""
    parts = [p.strip() for p in re.split(separator, line.strip().rstrip(",")) if p.strip()]
    return len(parts) if parts and all(re.fullmatch(NUMBER, p) for p in parts) else None


def _text(lines: list[str]) -> Found | None:
    body = [line for line in lines if not line.startswith("#")]
    if not body:
        return None
    first = body[0]
    if _numbers(first, r"\s+") == 1 and body[1:] and \
            all(_numbers(line, r"\s+") == 7 for line in body[1:]):
        return Found("a handwriting-tablet SVC file (a sample count, then 7 columns)", "svc")
    if all(_numbers(line, ",") == 9 for line in body[:-1] or body):
        return Found("a cloudUPDRS tapping CSV (9 columns)", "cloudupdrs")
    header = {h.strip().lower() for h in first.split(",")}
    if {"t_ms", "x", "y"} <= header:
        return Found("a points CSV (t_ms, x, y)", "points")
    if len(body) >= 6 and _numbers(body[2], ",") == 2 and _numbers(body[3], ",") == 2 and \
            _numbers(body[4], ",") == 1 and (_numbers(body[5], ",") or 0) > 2:
        return Found("AccuracyMeasures cursor paths", "accuracymeasures")
    if len(body) >= 4 and re.fullmatch(r"[12]D\s*,\s*(Serial|Discrete)", body[3], re.I):
        return Found("FittsTaskTwo sequences", "fittstasktwo")
    return None
