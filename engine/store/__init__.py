"""Durable storage: tinydb files written atomically, a fsynced trial journal, recordings."""
