"""Which hand: the values a player's affected and dominant hand can take."""

HANDS = ("left", "right", "both", "none")
