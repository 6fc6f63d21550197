"""Texts by key, from `assets/strings/<language>.toml` (English by default).

`t("key", name=...)` fills `{placeholders}`; a missing key shows the key itself, so a
forgotten text is visible rather than fatal. DEFTLY_LANG picks another language file;
keys it lacks fall back to English.
"""

from __future__ import annotations

import os
import tomllib
from functools import lru_cache

from engine.resources import resource_path


@lru_cache(maxsize=4)
def catalogue(language: str = "en") -> dict[str, str]:
    texts: dict[str, str] = {}
    for lang in dict.fromkeys(["en", language]):
        path = resource_path("assets", "strings", f"{lang}.toml")
        if path.is_file():
            texts.update({k: str(v) for k, v in tomllib.loads(path.read_text("utf-8")).items()})
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
