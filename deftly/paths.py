"""Where Deftly keeps its data."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """`--data-dir`, else the DEFTLY_HOME environment variable, else the user data folder."""
    if override:
        return Path(override).expanduser()
    env = os.environ.get("DEFTLY_HOME")
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_data_dir("deftly", appauthor=False))
