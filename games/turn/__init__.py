"""The turn game: thumb circles, side to side, a dial, wringing and rolling a pencil."""
