"""Golden images of the foundation's screens, at a small panel and a large tablet size."""

import pygame
import pytest

from deftly.shots import render_shot
from tests.goldens import assert_matches_golden, compare


@pytest.mark.parametrize("scene", ["calibration", "widgets"])
@pytest.mark.parametrize("size", [(800, 480), (1280, 800)])
def test_golden(scene, size):
    assert_matches_golden(render_shot(scene, size), f"{scene}-{size[0]}x{size[1]}")


def test_the_comparison_notices_a_real_change():
    a = render_shot("widgets", (800, 480))
    b = a.copy()
    pygame.draw.rect(b, (255, 0, 0), (100, 100, 200, 100))
    share, _ = compare(b, a)
    assert share > 0.04
    assert compare(a, a.copy())[0] == 0.0
