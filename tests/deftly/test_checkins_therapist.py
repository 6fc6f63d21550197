"""What the therapist sees of the check-ins: high-pain days marked on the calendar, left
out of the change markers (a bad day is not a change in the hand), the week's pain in the
report, a pain and tiredness chart in Trends; a player who never answered sees nothing new."""

from datetime import UTC, date, datetime, timedelta

import pytest
from pypdf import PdfReader

from deftly import checkins, days, trends
from deftly.context import Shell
from deftly.demo import demo_shell, demo_store
from deftly.launch import headless_app
from deftly.report import write_report
from deftly.scenes.therapist.area import TherapistArea
from engine.clock import ManualClock, SetWallClock
from engine.progress import PlayerProgress
from engine.sim.hand import PRESETS, SimPatient
from engine.sim.session import play
from engine.spec import Metric
from engine.store.store import Store
from engine.ui.draw import recording_text
from games.registry import spec

MONDAY = date(2026, 11, 2)


def test_the_calendar_marks_exactly_the_days_of_high_pain():
    high = {MONDAY + timedelta(days=2)}
    rows = days.calendar({MONDAY: 6.0}, MONDAY + timedelta(days=6), weeks=2, high_pain=high)
    marked = [d.day for row in rows for d in row if d.high_pain]
    assert marked == sorted(high)
    recorded = {MONDAY: checkins.Day(MONDAY, 7), MONDAY + timedelta(days=1):
                checkins.Day(MONDAY + timedelta(days=1), 6)}
    assert checkins.high_pain_days(recorded) == {MONDAY}
    assert checkins.high_pain_days(recorded, threshold=6) == set(recorded)


def test_a_bad_day_of_pain_is_not_read_as_a_change_in_the_hand():
    metric = Metric("hit_rate", "tap.trend.hits", "%", higher_is_better=True)
    start = MONDAY - timedelta(weeks=3)
    points = [trends.Point(start + timedelta(days=k), 80.0 + (k % 2)) for k in range(28)]
    bad = start + timedelta(days=23)
    points = [trends.Point(p.day, 20.0) if p.day == bad else p for p in points]
    noise = trends.day_to_day_noise([p for p in points if p.day != bad])
    flagged = trends.change_markers(points, noise, metric, first_day=start - timedelta(30))
    assert flagged, "the scripted drop must be large enough to be flagged"
    assert trends.change_markers(points, noise, metric, first_day=start - timedelta(30),
                                 left_out={bad}) == []


@pytest.fixture(scope="module")
def answered(tmp_path_factory):
    """Two weeks of tap rounds, a check-in each day, pain 8 on one of them."""
    clock = SetWallClock(datetime(2026, 11, 2, 10, tzinfo=UTC))
    store = Store.open(tmp_path_factory.mktemp("checkins"), clock=clock)
    profile = store.add_profile("Ann", affected_hand="right")
    game = spec("tap")
    progress = PlayerProgress(store, profile.id, "tap", "right", game.levels)
    for day in range(14):
        clock.set(datetime(2026, 11, 2, 10, tzinfo=UTC) + timedelta(days=day))
        checkins.record(store, profile.id, clock().date(), "before",
                        pain=8 if day == 9 else 2, fatigue=4)
        play(game, progress.current().id, SimPatient(PRESETS["mild"], day), progress, day,
             store=store)
    yield store, profile
    store.close()


def test_the_report_has_the_weeks_pain_and_names_the_scale(answered, tmp_path):
    store, profile = answered
    (pdf,) = write_report(store, profile, tmp_path / "report.pdf")
    pages = [" ".join(page.extract_text().split()) for page in PdfReader(pdf).pages]
    text = next(p for p in pages if "week by week" in p)                 # tap's weeks
    assert "Pain (mean / most)" in text
    assert "2.9 / 8" in text and "2.0 / 2" in text       # the weeks' mean and highest
    assert "0-10" in text


def test_trends_draw_a_pain_and_tiredness_chart_only_when_there_are_answers(answered):
    store, profile = answered
    for player, expect in ((profile, True), (store.add_profile("Bo"), False)):
        app = headless_app((1280, 800), ManualClock())
        shell = Shell(store, "test")
        shell.profile = player
        area = TherapistArea(shell, player, "trends")
        app.scenes.push(area)
        texts: list[str] = []
        for _ in range(12):                           # every page of charts
            with recording_text() as drawn:
                app.render()
            texts += [d.text for d in drawn]
            more = [w for w in area.widgets if getattr(w, "label", "").startswith("More")]
            if not more or (more[0].label.startswith("More (") and \
                    more[0].label.split("(")[1].split("/")[0] == \
                    more[0].label.split("/")[1].rstrip(")")):
                break
            more[0].on_press()
        assert any("Pain and tiredness" in text for text in texts) is expect


def test_the_demo_player_has_plausible_check_ins():
    app = headless_app((800, 480), ManualClock())
    with demo_store(days=10) as store:
        shell = demo_shell(app, store)
        seen = checkins.days_of(store, shell.profile.id)
        played = days.minutes_by_day(store.sessions(shell.profile.id))
        assert set(seen) <= set(played) and len(seen) >= len(played) // 2
        assert all(d.pain is None or d.pain in checkins.FACES for d in seen.values())
