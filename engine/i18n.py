"""Texts by key, from `assets/strings/<language>.toml` and each game's own strings folder
(English by default).

`t("key", name=...)` fills `{placeholders}`; a missing key shows the key itself, so a
forgotten text is visible rather than fatal. DEFTLY_LANG picks another language file;
keys it lacks fall back to English.
"""

from __future__ import annotations

import os
import tomllib
from functools import lru_cache
from pathlib import Path

from engine.resources import resource_path

_folders: list[Path] = []


def add_strings(folder: Path) -> None:
    """Read texts from `folder/<language>.toml` too (a game's own strings)."""
    if folder not in _folders:
        _folders.append(folder)
        catalogue.cache_clear()


@lru_cache(maxsize=4)
def catalogue(language: str = "en") -> dict[str, str]:
    texts: dict[str, str] = {}
    for lang in dict.fromkeys(["en", language]):
        for folder in [resource_path("assets", "strings"), *_folders]:
            path = folder / f"{lang}.toml"
            if path.is_file():
                texts.update({k: str(v)
                              for k, v in tomllib.loads(path.read_text("utf-8")).items()})
    return texts


def t(key: str, **values: object) -> str:
    """The text for `key`, with its placeholders filled in."""
    text = catalogue(os.environ.get("DEFTLY_LANG", "en")).get(key, key)
    if not values:
        return text
    try:
        return text.format(**values)
    except (KeyError, IndexError, ValueError):
        return text
