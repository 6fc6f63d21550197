"""Tap: precise tapping at targets (finger tapping, thumb-to-finger precision)."""
