"""The minimal detectable change of a check-up measure, and whether a change exceeds it.

The check-up is the same fixed task every week, so its successive results differ by the
measurement's own noise plus whatever the hand changed in a week. From the successive
differences d_i of n check-ups (n >= MIN_CHECKUPS):

    SEM   = SD(d_i) / sqrt(2)              (the SD subtracts the mean difference, so a
                                            steady improvement does not count as noise)
    MDC95 = 1.96 * sqrt(2) * SEM

A change from the first check-up to the last beyond MDC95 is larger than two results of
an unchanged hand would differ by, 19 times in 20 (Haley & Fragala-Pinkham 2006; Weir
2005 for the SEM). Fewer than MIN_CHECKUPS check-ups give no MDC: too few to tell.
"""

from __future__ import annotations

import itertools
import math
import statistics
from collections.abc import Sequence
from dataclasses import dataclass

MIN_CHECKUPS = 5
Z95 = 1.96


def sem(values: Sequence[float]) -> float | None:
    """The standard error of measurement from successive differences (None: too few)."""
    if len(values) < MIN_CHECKUPS:
        return None
    diffs = [b - a for a, b in itertools.pairwise(values)]
    return statistics.stdev(diffs) / math.sqrt(2)


def mdc95(values: Sequence[float]) -> float | None:
    """The smallest change between two check-ups that is beyond their noise (95 %)."""
    error = sem(values)
    return None if error is None else Z95 * math.sqrt(2) * error


@dataclass(frozen=True)
class CheckupChange:
    """From the first check-up to the last: how much, and whether beyond the MDC95."""

    first: float
    last: float
    count: int
    mdc: float | None
    higher_is_better: bool = True

    @property
    def change(self) -> float:
        return self.last - self.first

    @property
    def better(self) -> bool:
        return (self.change > 0) == self.higher_is_better and self.change != 0

    @property
    def beyond(self) -> bool | None:
        """True beyond the MDC95, False within it, None with too few check-ups."""
        return None if self.mdc is None else abs(self.change) > self.mdc


def checkup_change(values: Sequence[float], higher_is_better: bool = True
                   ) -> CheckupChange | None:
    """The change over the check-ups, in the order played (None: fewer than two)."""
    if len(values) < 2:
        return None
    return CheckupChange(values[0], values[-1], len(values), mdc95(values), higher_is_better)
