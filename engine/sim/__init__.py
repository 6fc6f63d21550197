"""A simulated patient: a model of a hand that plays the games headless."""

PATIENTS = ("healthy", "mild", "moderate", "severe")
"""The simulated patients, mildest first (named here so the command line needs no numpy)."""
