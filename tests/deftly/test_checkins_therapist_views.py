"""The therapist's views of the check-ins, on scripted play: the export's checkins.csv, the
high-pain days marked on the Days tab, change markers that do not read a slow day of high
pain as a change in the hand, the pain and tiredness chart after a game's charts on the
Trends tab, and the pain column in the report. A player who never answered one sees
nothing new anywhere."""

import csv
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pygame
import pytest
from pypdf import PdfReader

from deftly import checkins, days, trends
from deftly.context import Shell, prefs_of
from deftly.export import CHECKIN_COLUMNS, export
from deftly.launch import headless_app
from deftly.report import write_report
from deftly.scenes.calendar import CalendarGrid
from deftly.scenes.therapist.area import TherapistArea
from deftly.scenes.therapist.trends_tab import Colors, TrendsTab
from engine.clock import ManualClock, SetWallClock
from engine.progress import PlayerProgress
from engine.sim.hand import PRESETS, SimPatient
from engine.sim.session import play
from engine.store.store import Store
from engine.ui.widgets import Label
from games.registry import spec

MONDAY = date(2026, 3, 2)
PAINS = [8, 3, 7, 2, 2, 2, 4]       # a week: mean 4.0, most 8; days 0 and 2 at 7 or more
REACTION = trends.metrics_of("tap")[1]


@pytest.fixture(scope="module")
def played(tmp_path_factory):
    """A week of tap rounds for Ann (a check-in each day) and the same for Bo (none)."""
    clock = SetWallClock(datetime(2026, 3, 2, 10, tzinfo=UTC))
    store = Store.open(tmp_path_factory.mktemp("views"), clock=clock)
    ann, bo = store.add_profile("Ann", "right"), store.add_profile("Bo", "right")
    tap = spec("tap")
    for profile in (ann, bo):
        progress = PlayerProgress(store, profile.id, "tap", "right", tap.levels)
        for k in range(len(PAINS)):
            clock.set(datetime(2026, 3, 2, 10, tzinfo=UTC) + timedelta(days=k))
            if profile is ann:
                checkins.record(store, ann.id, clock().date(), "before", pain=PAINS[k],
                                fatigue=None if k == 3 else 1 + k)
            play(tap, progress.current().id, SimPatient(PRESETS["mild"], k), progress, k,
                 store=store)
    checkins.record(store, ann.id, MONDAY, "after", feeling="worse")
    yield store, ann, bo
    store.close()


# -- the export ----------------------------------------------------------------------------
def test_checkins_csv_names_the_scale_and_has_a_row_per_day(played, tmp_path):
    store, ann, _ = played
    written = export(store, ann, "csv", tmp_path / "out")
    assert [p.name for p in written] == ["sessions.csv", "trials.csv", "checkins.csv"]
    first, *rest = (tmp_path / "out" / "checkins.csv").read_text("utf-8").splitlines()
    assert first.startswith("#") and "0-10 numeric rating scale" in first
    assert "," not in first                           # one cell in a spreadsheet
    rows = list(csv.DictReader(rest))
    assert CHECKIN_COLUMNS == ["date", "pain_0_10", "fatigue_0_10", "feeling_after"]
    assert list(rows[0]) == CHECKIN_COLUMNS
    assert [r["date"] for r in rows] == [(MONDAY + timedelta(days=k)).isoformat()
                                         for k in range(len(PAINS))]
    assert [int(r["pain_0_10"]) for r in rows] == PAINS
    assert rows[0]["feeling_after"] == "worse" and rows[1]["feeling_after"] == ""
    assert rows[3]["fatigue_0_10"] == "" and rows[4]["fatigue_0_10"] == "5"   # skipped


def test_no_checkins_no_new_file(played, tmp_path):
    store, _, bo = played
    assert checkins.record(store, bo.id, MONDAY, "before") is False     # all skipped
    assert [p.name for p in export(store, bo, "csv", tmp_path / "csv")] == [
        "sessions.csv", "trials.csv"]
    assert [p.name for p in export(store, bo, "json", tmp_path / "json")] == [
        "sessions.json", "trials.json"]


# -- the change markers --------------------------------------------------------------------
def _steady_then_two_slow_days():
    """Four steady weeks of reaction times, two slow days, then a steady week."""
    points = [trends.Point(MONDAY + timedelta(days=i), 800.0 + (i % 2) * 10) for i in range(28)]
    slow = [MONDAY + timedelta(days=28), MONDAY + timedelta(days=29)]
    points += [trends.Point(d, 1100.0) for d in slow]
    points += [trends.Point(MONDAY + timedelta(days=35 + i), 800.0 + (i % 2) * 10)
               for i in range(7)]
    return points, set(slow)


def test_a_slow_day_of_high_pain_is_not_a_change_in_the_hand():
    points, slow = _steady_then_two_slow_days()
    flagged = trends.change_markers(points, 7.0, REACTION)
    # the slow week reads as worse, and the week after it as a recovery
    assert [(m.day, m.better) for m in flagged] == [(MONDAY + timedelta(days=28), False),
                                                    (MONDAY + timedelta(days=35), True)]
    assert trends.change_markers(points, 7.0, REACTION, left_out=slow) == []
    assert trends.change_markers(points, 7.0, REACTION, left_out=set()) == flagged


def test_series_charts_the_day_but_leaves_it_out_of_markers_and_noise():
    points, slow = _steady_then_two_slow_days()
    sessions = [{"game": "tap", "level": "big", "hand": "right", "mode": "training",
                 "status": "complete", "started_at": f"{p.day.isoformat()}T10:00:00+01:00",
                 "summary": {"reaction_ms_median": p.value}} for p in points]
    plain = trends.series(sessions, REACTION)
    calm = trends.series(sessions, REACTION, left_out=slow)
    assert plain.markers and not calm.markers
    assert [p.day for p in calm.training] == [p.day for p in plain.training]   # charted
    assert calm.noise < plain.noise
    assert all(not s.markers for s in trends.game_trends(sessions, "tap", left_out=slow))


# -- the Days tab --------------------------------------------------------------------------
def test_the_calendar_marks_exactly_the_given_days():
    today = MONDAY + timedelta(days=17)
    high = {MONDAY + timedelta(days=3), MONDAY + timedelta(days=10)}
    rows = days.calendar({}, today, 3, high)
    assert {d.day for row in rows for d in row if d.high_pain} == high
    assert not any(d.high_pain for row in days.calendar({}, today, 3) for d in row)


def _area(store, profile, tab):
    pygame.event.clear()
    app = headless_app((1280, 800), ManualClock())
    shell = Shell(store, "test")
    shell.profile = profile
    area = TherapistArea(shell, profile, tab)
    app.scenes.push(area)
    app.frame(force=True)
    return app, area


def _marked(area):
    grid = next(w for w in area.widgets if isinstance(w, CalendarGrid))
    return {d.day for row in grid.rows for d in row if d.high_pain}


def _labels(area):
    return [w.text for w in area.widgets if isinstance(w, Label)]


def test_the_days_tab_marks_the_days_at_or_above_the_players_threshold(played):
    store, ann, bo = played
    _, area = _area(store, ann, "days")
    assert _marked(area) == {MONDAY, MONDAY + timedelta(days=2)}
    assert "! pain 7 or more" in _labels(area)
    area.save_prefs(replace(prefs_of(ann), pain_threshold=8))
    try:
        area.refresh()
        assert _marked(area) == {MONDAY}
        assert "! pain 8 or more" in _labels(area)
    finally:
        area.save_prefs(prefs_of(ann))
    _, plain = _area(store, bo, "days")
    assert _marked(plain) == set() and not any("pain" in text for text in _labels(plain))


# -- the Trends tab ------------------------------------------------------------------------
def _pages(app, area):
    """Each page of the tab's charts, drawn: (the metrics charted, the check-ins' box)."""
    tab = area.tab
    assert isinstance(tab, TrendsTab)
    seen = []
    for page in range(12):
        tab.page = page
        area.refresh()
        app.frame(force=True)
        if page and tab.page == 0:      # back to the first: every page seen
            break
        seen.append(([s.metric.key for _, s in tab.charts], tab.pain_chart))
    return seen


def _pixels(surface, theme, box, color):
    rect = pygame.Rect(theme.profile.rect_px(box)).clip(surface.get_rect())
    return sum(1 for x in range(rect.x, rect.right) for y in range(rect.y, rect.bottom)
               if tuple(surface.get_at((x, y)))[:3] == tuple(color))


def test_the_trends_tab_draws_pain_and_tiredness_after_the_games_charts(played):
    store, ann, bo = played
    app, area = _area(store, bo, "trends")
    plain = _pages(app, area)
    assert all(box is None for _, box in plain)          # no check-ins: nothing new
    app, area = _area(store, ann, "trends")
    pages = _pages(app, area)
    assert [keys for keys, _ in pages if keys] == [keys for keys, _ in plain]
    assert pages[-1][1] is not None and sum(box is not None for _, box in pages) == 1
    tab = area.tab
    tab.page = len(pages) - 1
    area.refresh()
    app.frame(force=True)
    colors = Colors.of(tab.chart_theme)
    assert _pixels(app.screen, tab.chart_theme, tab.pain_chart, colors.pain) > 50
    assert _pixels(app.screen, tab.chart_theme, tab.pain_chart, colors.fatigue) > 50
    shown = tab.checkins_shown()
    assert [d.pain for d in shown] == PAINS and shown[3].fatigue is None


# -- the report ----------------------------------------------------------------------------
def _report_text(store, profile, path):
    (written,) = write_report(store, profile, path)
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(written).pages)


def test_the_report_has_a_pain_column_and_names_the_scale(played, tmp_path):
    store, ann, bo = played
    text = _report_text(store, ann, tmp_path / "ann.pdf")
    assert "Pain (mean / most)" in text
    assert "4.0 / 8" in text                  # the week's mean and highest
    assert "numeric rating scale" in text and "pain 7 or more" in text
    plain = _report_text(store, bo, tmp_path / "bo.pdf")
    assert "Pain" not in plain and "numeric rating" not in plain
