"""A simulated patient: a model of a hand that plays the games headless."""
