"""Levels and adaptive difficulty: TOML level files, the staircase, unlocks and check-ups."""
