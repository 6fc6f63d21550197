"""Golden images of the foundation's screens, at a small panel and a large tablet size."""

import pygame
import pytest

from deftly.shots import render_shot, render_shot_with_text
from engine.ui.draw import DrawnText
from tests.golden_scenes import FOUNDATION, golden_name, golden_params
from tests.goldens import assert_matches_golden, compare


@pytest.mark.parametrize(("scene", "size"), golden_params(FOUNDATION))
def test_golden(scene, size):
    image, texts = render_shot_with_text(scene, size)
    assert_matches_golden(image, golden_name(scene, size), texts)


def test_a_changed_number_fails_though_its_pixels_pass(monkeypatch):
    """"84 %" turning into "85 %" moves too few pixels for the image check: the text
    check catches it."""
    monkeypatch.delenv("DEFTLY_REGEN_GOLDEN", raising=False)
    image, texts = render_shot_with_text("widgets", (800, 480))
    assert texts, "the widgets scene draws text"
    first = texts[0]
    changed = [DrawnText(first.y_mm, first.x_mm, first.text + "5"), *texts[1:]]
    assert_matches_golden(image, "widgets-800x480", texts)
    with pytest.raises(AssertionError, match="text drawn differs"):
        assert_matches_golden(image, "widgets-800x480", changed)


def test_the_comparison_notices_a_real_change():
    a = render_shot("widgets", (800, 480))
    b = a.copy()
    pygame.draw.rect(b, (255, 0, 0), (100, 100, 200, 100))
    share, _ = compare(b, a)
    assert share > 0.04
    assert compare(a, a.copy())[0] == 0.0
