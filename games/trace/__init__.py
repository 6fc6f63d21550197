"""Trace: pencil-control practice on lines, curves, spirals and letters."""
