"""Texts by key, from `assets/strings/<language>.toml` and each game's own strings folder
(English by default).

`t("key", name=...)` fills `{placeholders}`; a missing key shows the key itself, so a
forgotten text is visible rather than fatal. DEFTLY_LANG picks another language file;
keys it lacks fall back to English.

A text that depends on a number is a table of plural forms, chosen by the `count` value
with the language's CLDR plural rules (Babel): `"home.streak" = { one = "{count} day in a
row", other = "{count} days in a row" }` (French says "one" for 0 and 1, Polish has
"few" and "many"); a form the table lacks falls back to `other`.
"""

from __future__ import annotations

import math
import os
import tomllib
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from engine.resources import resource_path

_folders: list[Path] = []


def add_strings(folder: Path) -> None:
    """Read texts from `folder/<language>.toml` too (a game's own strings)."""
    if folder not in _folders:
        _folders.append(folder)
        catalogue.cache_clear()


Text = str | dict[str, str]


@lru_cache(maxsize=4)
def catalogue(language: str = "en") -> dict[str, Text]:
    texts: dict[str, Text] = {}
    for lang in dict.fromkeys(["en", language]):
        for folder in [resource_path("assets", "strings"), *_folders]:
            path = folder / f"{lang}.toml"
            if path.is_file():
                texts.update({k: {f: str(x) for f, x in v.items()} if isinstance(v, dict)
                              else str(v)
                              for k, v in tomllib.loads(path.read_text("utf-8")).items()})
    return texts


def plural_form(language: str, count: object) -> str:
    """The CLDR plural category of `count` in `language` ("one", "few", "other"...)."""
    if isinstance(count, bool) or not isinstance(count, (int, float)) or \
            not math.isfinite(count):
        return "other"
    return str(_plural_rule(language)(abs(count)))


@lru_cache(maxsize=8)
def _plural_rule(language: str) -> Callable[[float], str]:
    from babel import Locale, UnknownLocaleError  # only when a text has plural forms

    try:
        rule: Callable[[float], str] = Locale.parse(language).plural_form
    except (ValueError, UnknownLocaleError):
        rule = Locale("en").plural_form
    return rule


def language() -> str:
    """The language texts are shown (and spoken) in: DEFTLY_LANG, else English."""
    return os.environ.get("DEFTLY_LANG", "en")


def t(key: str, /, **values: object) -> str:
    """The text for `key`, with its placeholders filled in (a plural table by `count`)."""
    lang = language()
    entry = catalogue(lang).get(key, key)
    if isinstance(entry, dict):
        form = plural_form(lang, values.get("count"))
        text = entry.get(form) or entry.get("other") or next(iter(entry.values()), key)
    else:
        text = entry
    if not values:
        return text
    try:
        return text.format(**values)
    except (KeyError, IndexError, ValueError):
        return text
