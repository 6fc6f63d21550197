"""The minigames. Each package knows the engine, never the shell, never another game."""
