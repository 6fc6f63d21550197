"""Pinch: a virtual 9-hole peg board and pinch-to-size, with a one-finger mode."""
