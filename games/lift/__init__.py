"""The lift game: the hand flat on the screen, one finger lifting at a time."""
