"""Journal records: the shapes this version writes (anything else is skipped), and the
JSON-lines form they are written in."""

from __future__ import annotations

import json
import re
from typing import Any

from engine.store.jsonfile import Tables

Doc = dict[str, Any]

CORE_TABLES = ("meta", "profiles", "settings", "state", "overrides", "events")
CORE_OPS = ("put", "del", "drop")
FIXED_SESSION_KEYS = ("id", "profile", "started_at", "trials_file")
DROP_PREFIX = b'{"op":"drop"'
"""How a player's drop record starts in a journal file (the one record that keeps a
deleted player's id)."""


def is_player_id(value: object) -> bool:
    """A player id as `new_id` makes them: 32 lowercase hex digits."""
    return isinstance(value, str) and re.fullmatch(r"[0-9a-f]{32}", value) is not None


def safe_name(value: object) -> bool:
    """A non-empty id or file name that stays inside its folder (no separators, no "..")."""
    return isinstance(value, str) and bool(value.strip()) and value not in (".", "..") and \
        not any(ch in value for ch in "/\\\0")


def valid_record(record: Doc) -> bool:
    """Whether a journal record has the shape this version writes (others are skipped)."""
    op = record.get("op")
    if op in ("put", "del"):
        return record.get("table") in CORE_TABLES and isinstance(record.get("key"), str) \
            and (op == "del" or isinstance(record.get("doc"), dict))
    if op == "drop":
        return is_player_id(record.get("profile"))
    if op == "session":
        doc = record.get("doc")
        return isinstance(doc, dict) and all(safe_name(doc.get(k)) for k in (
            FIXED_SESSION_KEYS)) and len(doc["started_at"]) >= 7
    if op == "trial":
        doc = record.get("doc")
        return isinstance(record.get("session"), str) and isinstance(doc, dict) and \
            isinstance(doc.get("id"), str)
    if op == "end":
        patch = record.get("patch")
        return isinstance(record.get("session"), str) and isinstance(patch, dict) and \
            not any(k in patch for k in FIXED_SESSION_KEYS)
    return False


def mentions(line: bytes, marks: list[bytes]) -> bool:
    """Whether a journal line holds one of `marks`, a drop record apart."""
    return any(m in line for m in marks) and not line.startswith(DROP_PREFIX)


def snapshot(tables: Tables) -> list[Doc]:
    """The core tables as "put" records: the compacted history of every core change."""
    return [{"op": "put", "table": table, "key": doc["key"],
             "doc": {k: v for k, v in doc.items() if k != "key"}}
            for table in CORE_TABLES for doc in tables.get(table, {}).values() if "key" in doc]


def jsonl(records: list[Doc]) -> bytes:
    return b"".join(json.dumps(r, separators=(",", ":"), ensure_ascii=False,
                               allow_nan=False).encode("utf-8") + b"\n" for r in records)
