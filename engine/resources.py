"""Find the data folders (`levels/`, `assets/`) in a source checkout or an installed wheel."""

from __future__ import annotations

import os
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def resource_root() -> Path:
    """The folder that holds `levels/` and `assets/`.

    Order: the DEFTLY_RESOURCES environment variable, the source checkout
    (the repository root next to the `engine` package), then the copy packed
    into the wheel under `engine/_resources`.
    """
    override = os.environ.get("DEFTLY_RESOURCES")
    if override:
        return Path(override)
    checkout = _PACKAGE_DIR.parent
    if (checkout / "levels").is_dir() and (checkout / "assets").is_dir():
        return checkout
    return _PACKAGE_DIR / "_resources"


def resource_path(*parts: str) -> Path:
    """A path below the resource root, e.g. `resource_path("assets", "fonts")`."""
    return resource_root().joinpath(*parts)
