"""Testing the app as a person would use it: real posted SDL events on a manual clock."""

from engine.testing.pilot import Pilot

__all__ = ["Pilot"]
