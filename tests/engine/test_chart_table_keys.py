"""Charts, tables, the keypad and the replay clock: the pieces the therapist area uses."""

import math

import pygame
import pytest
from hypothesis import given
from hypothesis import strategies as st

from engine.display import DisplayProfile, RectMM
from engine.replay_scene import ReplayClock
from engine.touch import Phase, Touch
from engine.ui.chart import ChartData, Flag, Layer, Plot, draw_chart, nice_ticks, y_ticks
from engine.ui.keyboard import Keypad
from engine.ui.table import Column, Table, page_count
from engine.ui.theme import Theme

finite = st.floats(-1e6, 1e6, allow_nan=False)


@given(finite, finite, st.integers(2, 6))
def test_nice_ticks_cover_the_range_in_round_steps(a, b, count):
    lo, hi = min(a, b), max(a, b)
    ticks = nice_ticks(lo, hi, count)
    assert ticks[0] <= lo + 1e-9 * max(1, abs(lo)) and ticks[-1] >= hi - 1e-9 * max(1, abs(hi))
    step = ticks[1] - ticks[0]
    mantissa = step / 10 ** math.floor(math.log10(step))
    assert any(math.isclose(mantissa, m, rel_tol=1e-6) for m in (1, 2, 2.5, 5, 10))
    assert len(ticks) <= 2 * count + 2


def test_nice_ticks_of_a_range_too_small_to_divide_still_cover_both_ends():
    ticks = nice_ticks(-8.693921701974857e-102, 1e-09, 2)    # found by Hypothesis
    assert ticks[0] <= -8.693921701974857e-102 and ticks[-1] >= 1e-09


def test_nice_ticks_examples():
    assert nice_ticks(0, 100, 4) == [0, 25, 50, 75, 100]
    assert nice_ticks(812, 1034, 3) == [800, 900, 1000, 1100]
    assert nice_ticks(5, 5) and nice_ticks(math.nan, 1) == []


def test_y_ticks_ignore_missing_values():
    data = ChartData([Layer("dots", [(0, math.nan), (1, 3.0), (2, 7.0)], (0, 0, 0))])
    assert y_ticks(data)[0] <= 3 and y_ticks(data)[-1] >= 7
    assert y_ticks(ChartData()) == [0.0, 1.0]


def test_plot_maps_data_to_pixels_with_y_up():
    plot = Plot(pygame.Rect(10, 20, 100, 50), (0, 10), (0, 5))
    assert plot.px(0, 0) == (10, 70) and plot.px(10, 5) == (110, 20)


@pytest.fixture
def theme():
    return Theme(DisplayProfile(5.0))


def test_a_chart_draws_its_points_where_they_belong(theme):
    surface = pygame.Surface((600, 300))
    surface.fill((255, 255, 255))
    red = (200, 0, 0)
    data = ChartData([Layer("diamonds", [(0, 0.0), (10, 100.0)], red)],
                     [Flag(5, "new", (0, 0, 255)), Flag(7, "", (0, 160, 0), up=True)],
                     (-1, 11), [(0, "a"), (10, "b")])
    draw_chart(surface, theme, RectMM(0, 0, 120, 60), data)
    reds = [(x, y) for x in range(600) for y in range(300) if surface.get_at((x, y))[:3] == red]
    assert reds, "the diamonds were not drawn"
    left = min(x for x, _ in reds)
    right = max(x for x, _ in reds)
    assert right - left > 400                           # one at each end of the x range
    low_y = max(y for x, y in reds if x < left + 20)
    high_y = min(y for x, y in reds if x > right - 20)
    assert low_y > high_y + 100                         # 0 drawn below 100


def test_a_chart_with_nothing_to_show_still_draws(theme):
    surface = pygame.Surface((300, 200))
    draw_chart(surface, theme, RectMM(0, 0, 60, 40), ChartData())
    draw_chart(surface, theme, RectMM(0, 0, 60, 40),
               ChartData([Layer("line", [(0, 1.0)], (0, 0, 0))], x_range=(0, 0)))


def test_a_table_row_is_chosen_by_lifting_on_the_same_row(theme):
    chosen = []
    table = Table(RectMM(0, 0, 100, 50), [Column("a"), Column("b", 2, "right")],
                  [["1", "x"], ["2", "y"], ["3", "z"]], row_h=10, on_row=chosen.append)
    table.draw(pygame.Surface((500, 250)), theme)
    top = table._header_mm
    table.on_touch(Touch(1, Phase.DOWN, 20, top + 15, 0))
    table.on_touch(Touch(1, Phase.UP, 21, top + 16, 80))
    table.on_touch(Touch(2, Phase.DOWN, 20, top + 5, 100))
    table.on_touch(Touch(2, Phase.UP, 20, top + 25, 180))   # slid to another row: nothing
    assert chosen == [1]
    assert page_count(0, 5) == 1 and page_count(11, 5) == 3


def test_the_keypad_sends_digits_erase_and_ok(theme):
    keys = []
    pad = Keypad(RectMM(0, 0, 60, 80), keys.append)
    for label in ("7", "0", "Erase", "OK"):
        key = next(k for k in pad.keys if k.label == label)
        x, y = key.rect.center
        pad.on_touch(Touch(1, Phase.DOWN, x, y, 0))
        pad.on_touch(Touch(1, Phase.UP, x, y, 50))
    assert keys == ["7", "0", "\b", "\n"]
    off = Keypad(RectMM(0, 0, 60, 80), keys.append, enabled=False)
    x, y = off.keys[0].rect.center
    off.on_touch(Touch(1, Phase.DOWN, x, y, 0))
    off.on_touch(Touch(1, Phase.UP, x, y, 50))
    assert len(keys) == 4


def test_the_replay_clock_runs_at_its_speed_and_stops_at_the_end():
    clock = ReplayClock(1000.0)
    assert clock.advance(100) == 100
    clock.speed = 4.0
    assert clock.advance(100) == 500
    clock.playing = False
    assert clock.advance(100) == 500
    clock.playing = True
    assert clock.advance(1000) == 1000 and clock.done and not clock.playing
