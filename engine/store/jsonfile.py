"""Reading a tinydb JSON file strictly: anything but {table: {id: {document}}} is damage."""

from __future__ import annotations

import json
import math
from math import isfinite
from pathlib import Path
from typing import Any

from engine.store.errors import DamagedFileError

Tables = dict[str, dict[str, dict[str, Any]]]


def load_tables(path: Path) -> Tables | None:
    """The file's tables; None if the file does not exist. Raises DamagedFileError otherwise."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as error:
        raise DamagedFileError(f"cannot be read ({error.strerror})") from error
    if not raw.strip():
        raise DamagedFileError("is empty")
    try:
        data = json.loads(raw)
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise DamagedFileError("is not valid JSON (cut short or overwritten)") from error
    if not isinstance(data, dict) or not all(
            isinstance(table, dict) and all(isinstance(doc, dict) for doc in table.values())
            for table in data.values()):
        raise DamagedFileError("does not hold tables of documents")
    return data


def dump_tables(tables: Tables) -> bytes:
    """Compact JSON; NaN and infinities are stored as null."""
    return json.dumps(tables, separators=(",", ":"), ensure_ascii=False, allow_nan=False,
                      default=_default).encode("utf-8")


def _default(value: Any) -> Any:
    if hasattr(value, "item"):
        return value.item()
    raise TypeError(f"cannot store {type(value).__name__}")


_NUMBERS = frozenset((float, int))


def json_safe(value: Any) -> Any:
    """A copy of `value` with NaN/inf as None and numpy scalars as Python numbers."""
    kind = type(value)
    if kind is float:
        return value if isfinite(value) else None
    if kind is str or kind is int or kind is bool or value is None:
        return value
    if kind is dict:
        out = {}
        for k, v in value.items():   # plain values inline: a trial is mostly numbers
            key = k if type(k) is str else str(k)
            vk = type(v)
            if vk is str or vk is int or vk is bool or v is None:
                out[key] = v
            elif vk is float:
                out[key] = v if isfinite(v) else None
            else:
                out[key] = json_safe(v)
        return out
    if kind is list or kind is tuple:
        if _NUMBERS.issuperset(map(type, value)):   # a point or a path: numbers only
            try:
                if isfinite(sum(value)):   # no NaN or infinity among them
                    return list(value)
            except OverflowError:   # an int too large for a float: look at each
                pass
            return [v if type(v) is int or isfinite(v) else None for v in value]
        return [json_safe(v) for v in value]
    return _json_safe_other(value)


def _json_safe_other(value: Any) -> Any:
    """`json_safe` for everything but plain Python values (numpy, subclasses)."""
    if hasattr(value, "item") and not isinstance(value, (list, tuple, dict)):
        value = value.item()
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {str(k): json_safe(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [json_safe(v) for v in value]
    return value
