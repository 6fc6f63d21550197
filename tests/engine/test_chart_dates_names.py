"""The chart's date labels (never touching, at every width and text size), its change
markers as the legend draws them, and its level names in a band over the plot (all of
them, none over the data or another)."""

import itertools
from datetime import date, timedelta

import pygame
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from engine.display import DisplayProfile, RectMM
from engine.ui.chart import (
    ChartData,
    Flag,
    Layer,
    arrow_points,
    date_ticks,
    draw_chart,
    stack_names,
)
from engine.ui.theme import Theme

DAY0 = date(2026, 9, 20)


def test_date_ticks_step_from_days_to_weeks_to_months():
    assert [s for _, s in date_ticks(date(2026, 10, 1), date(2026, 10, 4), 7)] == [
        "1 Oct", "2 Oct", "3 Oct", "4 Oct"]
    assert [s for _, s in date_ticks(date(2026, 10, 1), date(2026, 10, 26), 7)] == [
        "5 Oct", "12 Oct", "19 Oct", "26 Oct"]          # Mondays
    assert [s for _, s in date_ticks(DAY0, DAY0 + timedelta(days=60), 7)] == [
        "21 Sep", "5 Oct", "19 Oct", "2 Nov", "16 Nov"]  # every other Monday
    assert [s for _, s in date_ticks(DAY0, DAY0 + timedelta(days=60), 4)] == [
        "Oct 2026", "Nov"]
    assert [s for _, s in date_ticks(DAY0, DAY0 + timedelta(days=60), 4, years=False)] == [
        "Oct", "Nov"]
    year = date_ticks(date(2025, 11, 20), date(2026, 11, 20), 7)
    assert [s for _, s in year] == ["Dec 2025", "Feb 2026", "Apr", "Jun", "Aug", "Oct"]
    assert [s for _, s in date_ticks(date(2024, 1, 1), date(2026, 11, 19), 3)] == [
        "Jan 2024", "Jan 2025", "Jan 2026"]
    assert date_ticks(DAY0, DAY0, 5) == [(DAY0, "20 Sep")]


@given(st.integers(0, 1200), st.integers(0, 800), st.integers(1, 30))
def test_date_ticks_are_in_range_in_order_and_never_too_many(offset, span, most):
    first = date(2024, 1, 1) + timedelta(days=offset)
    last = first + timedelta(days=span)
    ticks = date_ticks(first, last, most)
    assert 1 <= len(ticks) <= most
    days = [d for d, _ in ticks]
    assert days == sorted(set(days))
    assert len(ticks) == 1 or all(first <= d <= last for d in days)


def _chart(theme, w_mm, h_mm, data):
    surface = pygame.Surface((theme.px(w_mm) + 4, theme.px(h_mm) + 4))
    surface.fill(theme.palette.background)
    return surface, draw_chart(surface, theme, RectMM(0, 0, w_mm, h_mm), data)


def _day_ticks(first, last):
    return lambda most, short: [(d.toordinal(), s) for d, s in
                                date_ticks(first, last, most, years=not short)]


@settings(max_examples=25, deadline=None)
@given(st.sampled_from([40.0, 70.0, 120.0, 220.0]), st.sampled_from([1.0, 1.4, 1.8]),
       st.sampled_from([14, 60, 91, 365, 800]))
def test_date_labels_never_touch_at_any_width_and_text_size(w_mm, scale, span):
    theme = Theme(DisplayProfile(5.0)).with_preferences(text_scale=scale)
    first = DAY0
    last = first + timedelta(days=span)
    data = ChartData([Layer("dots", [(first.toordinal(), 1.0), (last.toordinal(), 2.0)],
                            (0, 0, 0))], x_range=(first.toordinal(), last.toordinal()),
                     x_ticks=_day_ticks(first, last))
    _, drawn = _chart(theme, w_mm, 40.0, data)
    labels = [r for _, r in drawn.x_labels]
    assert labels, "no date at all"
    assert len(labels) >= 2 or w_mm < 120 or span < 30   # months: two dates or more
    for a, b in itertools.pairwise(labels):
        assert a.right < b.x
    wide = labels[0].w > drawn.plot.w             # a plot narrower than one date
    assert all(drawn.plot.x <= r.x and r.right <= drawn.plot.right for r in labels) or wide


def test_sixty_days_get_several_dates_not_one():
    theme = Theme(DisplayProfile(5.0))
    first, last = DAY0, DAY0 + timedelta(days=60)
    data = ChartData([], x_range=(first.toordinal(), last.toordinal()),
                     x_ticks=_day_ticks(first, last))
    _, drawn = _chart(theme, 160.0, 40.0, data)
    assert len(drawn.x_labels) >= 3


LEVELS = ["Big dots", "Far apart", "Quick dots", "Turn to fit", "Nine pegs", "Keyed holes",
          "A level with a rather long name indeed"]


@settings(max_examples=30, deadline=None)
@given(st.lists(st.integers(0, 90), min_size=1, max_size=7),
       st.sampled_from([60.0, 120.0, 200.0]), st.sampled_from([1.0, 1.8]),
       st.sampled_from([45.0, 60.0]))
def test_every_level_is_named_over_the_plot_never_over_another_name(days, w_mm, scale, h_mm):
    theme = Theme(DisplayProfile(5.0)).with_preferences(text_scale=scale)
    flags = [Flag(day, LEVELS[i % len(LEVELS)], (90, 90, 90)) for i, day in enumerate(days)]
    flags.append(Flag(45, "", (0, 160, 0), up=True))
    data = ChartData([Layer("dots", [(d, float(d % 7)) for d in range(91)], (0, 0, 0))],
                     flags, (0, 90))
    _, drawn = _chart(theme, w_mm, h_mm, data)
    shown = " · ".join(text for text, _ in drawn.names)
    # none hidden, none missing: each whole, or cut where they cannot all fit whole
    assert 1 <= len(drawn.names) <= len(days)     # names of a day (or a mm) are joined
    assert all(f.label in shown for f in flags if f.label) or "…" in shown
    assert drawn.plot.h > 0
    for i, (text, rect) in enumerate(drawn.names):
        assert text
        assert not rect.colliderect(drawn.plot)
        assert rect.bottom <= drawn.plot.y
        for _, other in drawn.names[i + 1:]:
            assert not rect.colliderect(other)


def test_level_names_are_whole_where_there_is_room():
    theme = Theme(DisplayProfile(5.0))
    flags = [Flag(10, "Turn to fit", (90, 90, 90)), Flag(12, "Nine pegs", (90, 90, 90))]
    _, drawn = _chart(theme, 200.0, 60.0, ChartData([], flags, (0, 90)))
    assert sorted(text for text, _ in drawn.names) == ["Nine pegs", "Turn to fit"]


def test_names_stack_in_rows_where_they_would_touch():
    # three close names: the first ends at its x (it would reach the next), the second
    # starts at its x, the third goes up a row
    placed = stack_names([100, 130, 135], [50, 40, 40], 0, 400, 5)
    assert placed == [(50, 0), (130, 0), (135, 1)]
    rows = {}
    for (left, row), w in zip(placed, [50, 40, 40], strict=False):
        for other in rows.get(row, []):
            assert left + w + 5 <= other[0] or other[1] + 5 <= left
        rows.setdefault(row, []).append((left, left + w))
    assert stack_names([390], [50], 0, 400, 5) == [(350, 0)]   # moved in, not cut off


@pytest.mark.parametrize("up", [True, False])
def test_an_arrow_points_the_way_it_says(up):
    top, bottom = arrow_points((50, 50), 10, up), None
    apex = min(top, key=lambda p: p[1]) if up else max(top, key=lambda p: p[1])
    assert apex[0] == 50
    assert bottom is None
