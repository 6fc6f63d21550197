"""The squeeze game: a soft ball to grip and let go, to hold in a pinch, to squeeze between
two fingers."""
