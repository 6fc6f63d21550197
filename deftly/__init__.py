"""Deftly's product shell: command line, menus, daily plan, results, settings, therapist area."""

from engine import __version__

__all__ = ["__version__"]
