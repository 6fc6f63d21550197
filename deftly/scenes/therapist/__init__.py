"""The therapist area: behind a PIN, per player: trends, days, levels, rounds, the
programme, and export."""
