"""'Today' is the player's local date, on any date and in any zone: the real clock is moved
to just after or before midnight far from UTC, and a round played then counts for the
local day everywhere a day is shown (plan, streak, calendar, report, export)."""

from datetime import datetime

import pytest

from deftly import days
from deftly.context import Shell
from deftly.export import export_everything
from deftly.report import Period, sessions_in
from engine.progress import PlayerProgress
from engine.sim.hand import PRESETS, SimPatient
from engine.sim.session import play
from engine.store.store import Store
from games.registry import spec
from tests.moved_clock import NEAR_MIDNIGHT, clock_moved_to

MOMENTS = {"real-clock": None, **NEAR_MIDNIGHT}


@pytest.mark.parametrize("when", MOMENTS.values(), ids=MOMENTS.keys())
def test_a_round_played_near_midnight_counts_for_the_local_day(tmp_path, when):
    with clock_moved_to(when):
        local_today = datetime.now().astimezone().date()
        if when is not None:
            assert local_today == when.date()
            assert datetime.now().astimezone().utcoffset() == when.utcoffset()
        with Store.open(tmp_path / "data") as store:
            profile = store.add_profile("Ann")
            tap = spec("tap")
            progress = PlayerProgress(store, profile.id, "tap", "right", tap.levels)
            play(tap, tap.levels.levels[0].id, SimPatient(PRESETS["mild"], 1), progress, 1,
                 store=store, hand="right")
            shell = Shell(store, "test")
            shell.profile = profile

            assert shell.today().date() == local_today
            (session,) = shell.sessions()
            assert session["started_at"][:10] == local_today.isoformat()
            assert days.session_day(session) == local_today
            assert len(shell.today_sessions()) == 1
            assert shell.plan_progress().done.get(("tap", "right")) == 1
            assert shell.streak() == 1
            calendar = days.calendar(days.minutes_by_day(shell.sessions()), local_today)
            (today,) = [d for row in calendar for d in row if d.is_today]
            assert today.day == local_today and today.minutes > 0
            assert sessions_in(store, profile, Period(local_today, local_today)) == [session]
            folder = export_everything(store, profile, tmp_path / "out", local_today)
            assert local_today.isoformat() in folder.name
