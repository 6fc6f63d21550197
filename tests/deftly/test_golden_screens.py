"""Golden images of the player's screens at a 7-inch panel size and a tablet size.

Regenerate after an intended change with `make golden`, then look at the new PNGs.
"""

import pytest

from deftly.shots import render_shot
from tests.goldens import assert_matches_golden

SCREENS = ["welcome", "profiles", "new-player", "home", "plan", "calendar", "settings",
           "start", "tap", "pause", "tap-results", "trace", "trace-results", "pinch",
           "pinch-size", "pinch-results", "therapist-pin", "therapist", "therapist-trends",
           "therapist-round", "replay"]


@pytest.mark.parametrize("scene", SCREENS)
@pytest.mark.parametrize("size", [(800, 480), (1920, 1200)])
def test_golden(scene, size):
    assert_matches_golden(render_shot(scene, size), f"{scene}-{size[0]}x{size[1]}")
