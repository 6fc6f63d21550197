"""Golden images of the player's screens at a 7-inch panel size and a tablet size.

Regenerate after an intended change with `make golden`, then look at the new PNGs.
"""

import pytest

from deftly.shots import render_shot_with_text
from tests.golden_scenes import PLAYER, golden_name, golden_params
from tests.goldens import assert_matches_golden


@pytest.mark.parametrize(("scene", "size"), golden_params(PLAYER))
def test_golden(scene, size):
    image, texts = render_shot_with_text(scene, size)
    assert_matches_golden(image, golden_name(scene, size), texts)
