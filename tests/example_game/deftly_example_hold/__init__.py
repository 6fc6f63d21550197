"""An example Deftly game from outside the `games` package: touch the circle and hold it."""
