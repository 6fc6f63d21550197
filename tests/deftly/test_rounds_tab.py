"""The therapist's Rounds tab: filters by game, hand and kind, cells cut with an ellipsis to
their columns, and any week of rounds two taps away."""

import pytest

from deftly.demo import demo_shell, demo_store
from deftly.scenes.therapist.area import TherapistArea
from deftly.scenes.therapist.rounds_tab import matches, week_of
from deftly.scenes.therapist.sections import ChoicesScene
from engine.ui import draw
from engine.ui.table import PAD_MM, Column, Table, cell_text
from tests.deftly.test_therapist_area import _pilot, open_tab


@pytest.fixture(params=[(1280, 800), (800, 480)])
def rounds(request):
    with demo_store(15) as store:
        pilot = _pilot(store, request.param)
        shell = demo_shell(pilot.app, store)
        scene = TherapistArea(shell, shell.profile)
        pilot.app.scenes.push(scene)
        pilot.run(20)
        open_tab(pilot, "Rounds")
        pilot.app.render()
        yield pilot, scene


def table_of(scene):
    return next(w for w in scene.widgets if isinstance(w, Table))


def filter_button(pilot, index):
    """The filter bar's buttons, left to right: game, hand, kind, week."""
    bar = sorted((b for b in pilot.buttons() if b.icon is None), key=lambda b: b.rect.x)
    top = min(b.rect.y for b in bar)
    return [b for b in bar if b.rect.y == top][index]


def test_hand_and_kind_filters_narrow_the_rows_to_their_rounds(rounds):
    pilot, scene = rounds
    tab = scene.tab
    every = list(tab.sessions)
    pilot.tap_button(filter_button(pilot, 2))          # training only
    pilot.tap_button(filter_button(pilot, 2))          # check-ups only
    assert tab.mode == "checkup"
    assert tab.sessions == [s for s in every if s.get("mode") == "checkup"]
    assert 0 < len(tab.sessions) < len(every)
    assert {r[3] for r in table_of(scene).rows} == {"Check-up"}
    pilot.tap_button(filter_button(pilot, 1))          # and the left hand
    assert tab.hand == "left"
    assert tab.sessions == [s for s in every if s.get("mode") == "checkup"
                            and s.get("hand") == "left"]
    assert all(matches(s, "", "left", "checkup") for s in tab.shown)
    pilot.tap_button(filter_button(pilot, 1))          # the right hand
    assert tab.sessions == [s for s in every if s.get("mode") == "checkup"
                            and s.get("hand") == "right"]
    for _ in range(2):
        pilot.tap_button(filter_button(pilot, 1))      # both hands, then every kind
    pilot.tap_button(filter_button(pilot, 2))
    assert tab.sessions == every


def test_a_game_filter_and_a_filter_leaving_nothing_say_so(rounds):
    pilot, scene = rounds
    tab = scene.tab
    every = list(tab.sessions)
    game = str(every[0]["game"])
    pilot.tap_button(filter_button(pilot, 0))
    chooser = pilot.top
    assert isinstance(chooser, ChoicesScene)
    pilot.press(chooser.choices[game])
    assert tab.game == game
    assert tab.sessions == [s for s in every if str(s["game"]) == game]
    tab.game = "no-such-game"
    scene.refresh()
    pilot.run(20)
    assert tab.sessions == [] and tab.shown == []
    assert not any(isinstance(w, Table) for w in scene.widgets)
    with draw.recording_text() as drawn:
        pilot.app.render()
    assert "No rounds match these filters." in {d.text for d in drawn}


def test_any_week_is_two_taps_away(rounds):
    pilot, scene = rounds
    tab = scene.tab
    weeks = sorted({week_of(s) for s in tab.sessions}, reverse=True)
    assert len(weeks) >= 3
    for monday in weeks:
        pilot.tap_button(filter_button(pilot, 3))       # tap 1: the week chooser
        chooser = pilot.top
        assert isinstance(chooser, ChoicesScene)
        pilot.press(chooser.choices[f"{monday:%Y-%m-%d}"])   # tap 2: the week
        assert pilot.top is scene
        assert week_of(tab.shown[0]) == monday
        newest = next(s for s in tab.sessions if week_of(s) == monday)
        assert newest in tab.shown                     # its newest round is on the page


@pytest.mark.parametrize("text_scale", [1.0, 1.4, 1.8])
def test_cells_are_cut_with_an_ellipsis_never_wider_than_their_column(rounds, text_scale):
    pilot, scene = rounds
    app = pilot.app
    app.set_theme(app.theme.with_preferences(text_scale=text_scale, high_contrast=True))
    scene.refresh()
    pilot.run(20)
    table = table_of(scene)
    with draw.recording_text() as drawn:
        app.render()
    texts = {d.text for d in drawn}
    for row in table.shown():
        for text, width in zip(row, table.widths, strict=False):
            shown = cell_text(app.theme, text, width)
            assert shown in texts
            assert draw.text_width(app.theme, shown) <= width - 2 * PAD_MM + 1e-6
            assert shown == text or shown.endswith("…")


def test_a_long_cell_is_cut_with_an_ellipsis_in_a_narrow_table(rounds):
    pilot, _ = rounds
    theme = pilot.app.theme
    long = "Pegs and pinches · Moving holes, keyed and fast"
    table = Table(pilot.app.board.inset(0, 0).take_top(60)[0].columns(3)[0],
                  [Column("What", 3.0), Column("Hand"), Column("Kind")],
                  [[long, "Right hand", "Training"]] * 3, clip=True)
    table.fit(theme)
    for text, width in zip([long, "Right hand", "Training"], table.widths, strict=True):
        shown = cell_text(theme, text, width)
        assert draw.text_width(theme, shown) <= width - 2 * PAD_MM + 1e-6
    assert cell_text(theme, long, table.widths[0]).endswith("…")
    assert table.row_h == pytest.approx(theme.line_mm(theme.sizes.small) + 1.6, abs=0.01) \
        or table.row_h == table.min_row_h


def test_a_year_of_weeks_is_chosen_by_month_then_week():
    from datetime import date, timedelta

    from deftly.scenes.therapist.rounds_tab import jumps

    first = date(2025, 12, 1)
    sessions = [{"started_at": f"{first + timedelta(days=d):%Y-%m-%d}T10:00:00",
                 "game": "tap", "hand": "left", "mode": "training"}
                for d in range(364, -1, -1)]                 # newest first
    assert len(jumps(sessions, 60)) == 53                    # weeks, when they fit
    months = jumps(sessions, 12)
    assert list(months)[:2] == ["2026-11", "2026-10"] and len(months) == 12
    weeks = jumps(sessions, 12, month="2026-03")
    assert 4 <= len(weeks) <= 6 and all(len(k) == 10 for k in weeks)
    for key, (_, index) in weeks.items():                    # each its newest round
        assert str(week_of(sessions[index])) == key
        assert all(week_of(s) != week_of(sessions[index]) for s in sessions[:index])


def test_when_weeks_do_not_fit_the_chooser_a_month_then_its_week(rounds, monkeypatch):
    pilot, scene = rounds
    tab = scene.tab
    monkeypatch.setattr(tab, "_buttons_fitting", lambda labels: 1)   # as with a year
    scene.refresh()
    pilot.run(20)
    oldest = tab.sessions[-1]
    month, monday = f"{oldest['started_at'][:7]}", week_of(oldest)
    pilot.tap_button(filter_button(pilot, 3))
    assert month in pilot.top.choices                   # months offered
    pilot.press(pilot.top.choices[month])
    assert isinstance(pilot.top, ChoicesScene)          # then that month's weeks
    pilot.press(pilot.top.choices[f"{monday:%Y-%m-%d}"])
    assert pilot.top is scene and week_of(tab.shown[0]) == monday
