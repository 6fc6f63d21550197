"""Hands compared for a one-sided condition: each main measure's mean over the last two
weeks, the affected hand beside the other, and their ratio; in the report too."""

from datetime import UTC, date, datetime, timedelta

from pypdf import PdfReader

from deftly.report import write_report
from deftly.report_reading import hands_said
from engine.clock import SetWallClock
from engine.progress import PlayerProgress
from engine.sim.hand import PRESETS, SimPatient
from engine.sim.session import play
from engine.store.store import Store
from games.registry import spec


def _round(day, hand, reaction, hits=0.8, mode="training"):
    return {"game": "tap", "hand": hand, "mode": mode, "status": "complete",
            "level": "big", "started_at": f"{day.isoformat()}T10:00:00+00:00",
            "summary": {"reaction_ms_median": reaction, "hit_rate": hits,
                        "throughput_bits_per_s": 2.0}}


def test_both_hands_are_averaged_over_the_same_last_fourteen_days():
    start = date(2026, 10, 1)
    rounds = [_round(start + timedelta(days=d), "left", 900.0 if d < 16 else 600.0)
              for d in range(30)]
    rounds += [_round(start + timedelta(days=d), "right", 400.0) for d in range(0, 30, 3)]
    said = hands_said(rounds, "tap", "left")
    assert "Reaction time (median), hands compared: Left hand (needs practice) 600 ms, " \
           "Right hand 400 ms, ratio 1.50 (the last two weeks)." in said
    assert any(line.startswith("Hits, hands compared") and "ratio 1.00" in line
               for line in said)


def test_a_hand_not_played_in_the_last_two_weeks_is_not_compared():
    start = date(2026, 10, 1)
    rounds = [_round(start + timedelta(days=d), "left", 900.0) for d in range(40)]
    rounds += [_round(start + timedelta(days=d), "right", 400.0) for d in range(10)]
    assert hands_said(rounds, "tap", "left") == []


def test_no_ratio_where_a_value_is_at_or_below_zero():
    rounds = [_round(date(2026, 10, d), "left", 700.0, hits=0.0) for d in range(1, 10)]
    rounds += [_round(date(2026, 10, d), "right", 500.0, hits=0.5) for d in range(1, 10)]
    hits = next(line for line in hands_said(rounds, "tap", "left") if line.startswith("Hits"))
    assert "ratio" not in hits and "Left hand (needs practice) 0 %" in hits


def test_no_comparison_without_both_hands_or_a_single_affected_hand():
    rounds = [_round(date(2026, 10, d), "left", 700.0) for d in range(1, 10)]
    assert hands_said(rounds, "tap", "left") == []
    both = [*rounds, _round(date(2026, 10, 2), "right", 500.0)]
    assert hands_said(both, "tap", "both") == []


def test_the_report_compares_the_hands_of_a_player_who_practises_both(tmp_path):
    clock = SetWallClock(datetime(2026, 11, 2, 10, tzinfo=UTC))
    with Store.open(tmp_path / "data", clock=clock) as store:
        profile = store.add_profile("Lou", affected_hand="left")
        tap = spec("tap")
        for hand, preset in (("left", "severe"), ("right", "healthy")):
            progress = PlayerProgress(store, profile.id, "tap", hand, tap.levels)
            for day in range(6):
                clock.set(datetime(2026, 11, 2, 10, tzinfo=UTC) + timedelta(days=day))
                play(tap, "big", SimPatient(PRESETS[preset], day), progress, day,
                     store=store, hand=hand)
        (path,) = write_report(store, profile, tmp_path / "lou.pdf")
        sessions = store.sessions(profile.id)
    pages = [" ".join(p.extract_text().split()) for p in PdfReader(path).pages]
    expected = hands_said(sessions, "tap", "left")
    assert expected and all(line in pages[0] for line in expected)
    assert all(line in pages[1] for line in expected)              # and on tap's page
