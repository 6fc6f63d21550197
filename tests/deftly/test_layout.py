"""The layout check finds what a shaky finger and poor eyesight would trip on; on the
smallest panel, at 100 % and 180 % text, no text is cut, every button is 12 mm and none
touches another, and at 100 % every text is big enough. (`make layout`: every screen.)"""

import pygame
import pytest

from deftly.launch import headless_app
from deftly.shots import all_shots
from engine.display import RectMM
from engine.scene import Scene
from engine.ui import draw
from engine.ui.widgets import Button
from tests import layout_check


class Crowded(Scene[None]):
    def __init__(self) -> None:
        super().__init__()
        self.widgets = [Button(RectMM(10, 10, 40, 20), "A"), Button(RectMM(51, 10, 40, 20), "B"),
                        Button(RectMM(30, 25, 40, 20), "C"), Button(RectMM(100, 10, 8, 20), "D")]

    def draw(self, surface: pygame.Surface) -> None:
        surface.fill((255, 255, 255))
        super().draw(surface)
        theme = self.app.theme
        draw.text_in(surface, theme, "Supercalifragilistic", RectMM(10, 60, 12, 4),
                     theme.sizes.body, (0, 0, 0))


def test_the_check_finds_touching_overlapping_and_small_buttons_and_clipped_text():
    app = headless_app((800, 480))
    app.scenes.push(Crowded())
    with layout_check.watching() as texts:
        app.render()
    found = layout_check.problems_on(app, texts, "crowded", full_size=True)
    assert "crowded: buttons 'A' and 'B' are 1.0 mm apart" in found
    assert "crowded: buttons 'A' and 'C' overlap" in found
    assert any("button 'D' is 8.0x20.0 mm" in p for p in found)
    assert any("'Supercalifragilistic' does not fit its box" in p for p in found)
    assert not any("'A' and 'D'" in p for p in found)


@pytest.mark.slow
@pytest.mark.parametrize("scale", [1.0, 1.8])
def test_the_smallest_panel_keeps_every_rule_at_normal_and_large_text(scale):
    """800x480 is the tightest screen and the palette does not move anything, so this is
    the worst case of `make layout`'s rules: no text cut, buttons of 12 mm 2 mm apart, and
    at 100 % text every text 4 mm capitals high (main labels 5 mm). `make layout` checks
    every size, text size and contrast (0 problems when this was written)."""
    from deftly.shots import render_scene

    found = []
    for shot in sorted(all_shots()):
        where = f"{shot} 800x480"
        with layout_check.watching() as texts:
            app = render_scene(shot, (800, 480), text_scale=scale)
        found += layout_check.problems_on(app, texts, where, full_size=scale == 1.0)
    assert found == []
