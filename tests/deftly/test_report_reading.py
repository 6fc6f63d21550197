"""The plain reading's sentences: amounts from the values printed, percentages in points,
short spans in days, the direction of a measure where smaller is better."""

from deftly.detectable import checkup_change
from deftly.report_reading import sentence
from deftly.trends import metrics_of
from engine.store.store import Profile

TAP = {m.key: m for m in metrics_of("tap")}


def test_a_change_that_rounds_away_is_unchanged_never_by_zero():
    rt = TAP["reaction_ms_median"]
    said = sentence(rt, checkup_change([600.2, 600.4], higher_is_better=False), 14)
    assert "unchanged from 600 ms to 600 ms over 2 weeks" in said and "by 0" not in said


def test_a_smaller_time_is_better_and_the_amount_is_of_the_printed_values():
    rt = TAP["reaction_ms_median"]
    said = sentence(rt, checkup_change([640.4, 600.0, 580.0, 560.0, 519.6],   # 120.8 apart
                                       higher_is_better=False), 56)
    assert said.startswith("Reaction time (median), check-ups: improved by 120 ms from "
                           "640 ms to 520 ms over 8 weeks")
    slower = sentence(rt, checkup_change([500.0, 530.0], higher_is_better=False), 3)
    assert "worsened by 30 ms from 500 ms to 530 ms over 3 days" in slower


def test_a_percentage_changes_by_points_and_short_spans_say_days():
    hits = TAP["hit_rate"]
    said = sentence(hits, checkup_change([72.4, 94.4]), 1, hand="Left hand")
    assert said.startswith("Hits (Left hand), check-ups: improved by 22 percentage points "
                           "from 72 % to 94 % over 1 day")
    assert "too few to tell" in said


def test_an_old_profile_without_the_report_details_reads_as_unset():
    old = {"id": "a" * 32, "name": "Ann", "affected_hand": "left", "prefs": {}}
    profile = Profile.from_doc(old)
    assert (profile.record_number, profile.clinician) == ("", "")
