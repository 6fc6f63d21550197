"""Which fingers the pads ask for, cue after cue: drawn fairly, or in a fixed order."""

from __future__ import annotations

import random
from itertools import combinations

from engine.input.placement import FINGERS, Finger

PADS: dict[int, tuple[Finger, ...]] = {
    5: FINGERS,
    4: ("index", "middle", "ring", "little"),
    3: ("index", "middle", "ring"),
    2: ("index", "middle"),
}
"""The fingers a level with this many pads places: a weak hand starts with the index and
middle fingers, which lift most easily on their own."""


def fingers_for(pads: int) -> tuple[Finger, ...]:
    return PADS[pads]


def there_and_back(fingers: tuple[Finger, ...]) -> list[tuple[Finger, ...]]:
    """Thumb to little finger and back, without repeating the turning points."""
    forward: list[tuple[Finger, ...]] = [(f,) for f in fingers]
    return forward + forward[-2:0:-1]


def cue_list(task: str, fingers: tuple[Finger, ...], count: int,
             rng: random.Random) -> list[tuple[Finger, ...]]:
    """`count` cues for a round. Drawn cues come in shuffled blocks, so that every finger
    (or pair) is asked equally often, and never twice in a row."""
    if task == "order":
        cycle = there_and_back(fingers)
        return [cycle[k % len(cycle)] for k in range(count)]
    if task == "pair" and len(fingers) >= 3:
        block: list[tuple[Finger, ...]] = list(combinations(fingers, 2))
    else:
        block = [(f,) for f in fingers]
    cues: list[tuple[Finger, ...]] = []
    while len(cues) < count:
        fresh = block[:]
        rng.shuffle(fresh)
        if cues and len(fresh) > 1 and fresh[0] == cues[-1]:
            fresh[0], fresh[-1] = fresh[-1], fresh[0]
        cues += fresh
    return cues[:count]
