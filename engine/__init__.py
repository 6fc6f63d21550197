"""Deftly's reusable core: loop, scenes, input, display units, UI kit, audio,
levels and difficulty, scoring metrics, storage and simulation.

The engine knows nothing about any particular game or about the product shell.
"""

import os

os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

__version__ = "0.1.0"
