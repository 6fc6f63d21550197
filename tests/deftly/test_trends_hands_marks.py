"""The trends tab's change markers drawn as the legend shows them, and the affected hand
beside the other (recent means and their ratio)."""

from datetime import date, timedelta

import pygame
import pytest

from deftly import trends
from deftly.scenes.therapist.trends_tab import MARKS, Colors, _arrows, _symbol, hands_text
from engine.display import DisplayProfile
from engine.ui.chart import Plot, _arrow
from engine.ui.theme import Theme

REACTION = trends.metrics_of("tap")[1]
HITS = trends.metrics_of("tap")[0]
DAY = date(2026, 11, 16)


@pytest.fixture
def theme():
    return Theme(DisplayProfile(5.0))


def _shape(surface, color):
    """The rows of `color`'s pixels: widths from top to bottom."""
    w, h = surface.get_size()
    rows = [sum(1 for x in range(w) if surface.get_at((x, y))[:3] == color[:3])
            for y in range(h)]
    return [r for r in rows if r]


@pytest.mark.parametrize("metric", [REACTION, HITS])
@pytest.mark.parametrize("better", [True, False])
def test_the_chart_draws_a_change_as_the_legend_does(theme, metric, better):
    colors = Colors.of(theme)
    rose = better == metric.higher_is_better       # reaction time: better is smaller
    change = trends.Change(DAY, 30.0 if rose else -30.0, False, better)
    (flag,) = _arrows([change], DAY, DAY, colors)
    kind = "up" if better else "down"
    assert (flag.up, flag.filled) == MARKS[kind]
    assert flag.color == (colors.better if better else colors.worse)
    chart = pygame.Surface((60, 60))
    chart.fill(theme.palette.background)
    _arrow(chart, theme, Plot(pygame.Rect(0, 40, 60, 10), (DAY.toordinal() - 1,
                                                           DAY.toordinal() + 1), (0, 1)), flag)
    legend = pygame.Surface((60, 60))
    legend.fill(theme.palette.background)
    _symbol(legend, theme, kind, flag.color, (6.0, 6.0), theme.sizes.small * 0.8)
    drawn, shown = _shape(chart, flag.color), _shape(legend, flag.color)
    assert drawn and shown
    # the same way up: widening downwards for up, narrowing for down (both are drawn by
    # engine.ui.chart.draw_arrow with MARKS' fill)
    assert (drawn[0] < drawn[-1]) == (shown[0] < shown[-1]) == better


def session(day, value, hand, *, mode="training", key="reaction_ms_median", variant=""):
    return {"game": "tap", "level": "big", "hand": hand, "mode": mode, "status": "complete",
            "started_at": f"{day.isoformat()}T10:00:00+01:00", "variant": variant,
            "summary": {key: value}}


def test_the_affected_hand_beside_the_other_over_the_last_two_weeks():
    last = DAY
    sessions = [session(last, 600, "left"), session(last - timedelta(days=3), 624, "left"),
                session(last - timedelta(days=13), 612, "left"),
                session(last - timedelta(days=14), 9999, "left"),      # before the window
                session(last - timedelta(days=1), 400, "right"),
                session(last - timedelta(days=5), 440, "right"),
                session(last, 100, "left", mode="checkup"),           # not training
                session(last - timedelta(days=3), 624, "left"),       # that day's median
                session(last - timedelta(days=3), 900, "left"),
                session(last, 100, "right", variant="one-finger")]
    c = trends.hand_comparison(sessions, "tap", REACTION, "left", variant="")
    assert c is not None
    assert (c.affected, c.other) == ("left", "right")
    assert c.affected_mean == 612 and c.other_mean == 420
    assert (c.affected_days, c.other_days) == (3, 2)
    assert c.ratio == pytest.approx(612 / 420)
    assert (c.first, c.last) == (last - timedelta(days=13), last)
    assert hands_text(c) == ("Last 14 days: Left (affected) 612 ms · Right 420 ms · "
                             "ratio 1.46")
    everything = trends.hand_comparison(sessions, "tap", REACTION, "left")
    assert everything is not None and everything.other_mean == pytest.approx(940 / 3)


def test_no_comparison_without_both_hands_or_a_side():
    one = [session(DAY, 500, "left")]
    assert trends.hand_comparison(one, "tap", REACTION, "left") is None
    both = [*one, session(DAY, 400, "right")]
    assert trends.hand_comparison(both, "tap", REACTION, "both") is None
    assert trends.hand_comparison(both, "trace", REACTION, "left") is None
    shares = [session(DAY, 0.6, "right", key="hit_rate"), session(DAY, 0.8, "left",
                                                                  key="hit_rate")]
    c = trends.hand_comparison(shares, "tap", HITS, "right", days=1)
    assert c is not None and c.affected_mean == pytest.approx(60) and c.ratio == 0.75
    pain = trends.hand_comparison([*both, session(DAY - timedelta(days=1), 900, "left")],
                                  "tap", REACTION, "left", left_out={DAY - timedelta(days=1)})
    assert pain is not None and pain.affected_mean == 500
