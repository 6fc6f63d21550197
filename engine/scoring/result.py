"""Plain result values: frozen dataclasses that turn into JSON-friendly dicts."""

from __future__ import annotations

import math
from dataclasses import fields
from typing import Any


def clean(value: Any) -> Any:
    """NaN and infinities become None; numpy scalars become Python numbers."""
    if hasattr(value, "item") and not isinstance(value, (list, tuple, dict)):
        value = value.item()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {k: clean(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [clean(v) for v in value]
    return value


class Metrics:
    """Mixin for result dataclasses."""

    def to_dict(self, prefix: str = "") -> dict[str, Any]:
        out: dict[str, Any] = {}
        for f in fields(self):  # type: ignore[arg-type]
            value = getattr(self, f.name)
            if isinstance(value, Metrics):
                out.update(value.to_dict(f"{prefix}{f.name}_"))
            else:
                out[f"{prefix}{f.name}"] = clean(value)
        return out
