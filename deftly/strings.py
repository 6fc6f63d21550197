"""Every text a player or therapist reads, in one place so it can be translated.

Use `t("key", name=...)`; a missing key shows the key itself rather than failing.
"""

from __future__ import annotations

EN: dict[str, str] = {
    # general
    "app.name": "Deftly",
    "app.tagline": "Games that help your hands",
    "button.back": "Back",
    "button.done": "Done",
    "button.ok": "OK",
    "button.cancel": "Cancel",
    "button.next": "Next",
    "button.skip": "Skip",
    "button.start": "Start",
    "button.yes": "Yes",
    "button.no": "No",
    # calibration
    "calibration.title": "Match the card",
    "calibration.help": "Lay a bank card on the blue card. Press + or − until they match.",
    "calibration.smaller": "Smaller",
    "calibration.bigger": "Bigger",
    "calibration.saved": "Screen size saved. Targets are now true to size.",
    # widgets gallery
    "gallery.title": "Deftly widgets",
    "gallery.primary": "Start",
    "gallery.secondary": "Settings",
    "gallery.quiet": "Back",
    "gallery.selected": "Right hand",
    "gallery.disabled": "Locked",
    "gallery.with_detail": "Tap the dots",
    "gallery.detail": "Level 3",
    "gallery.label": "Calm, clear and big enough to hit.",
    "gallery.progress": "{done} of {total}",
    "gallery.toast": "Well done! 3 more hits than yesterday.",
    # problems
    "problem.too_small": ("the window is too small ({w}x{h} pixels); "
                          "Deftly needs at least {min_w}x{min_h}"),
}


def t(key: str, **values: object) -> str:
    """The text for `key`, with `{placeholders}` filled in."""
    text = EN.get(key, key)
    return text.format(**values) if values else text
