"""Texts come from assets/strings/en.toml through `engine.i18n.t`."""

from engine.i18n import t

__all__ = ["t"]
