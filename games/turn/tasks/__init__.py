"""The five exercises, each with its own rules and measures (`base.Task` is what they share)."""
