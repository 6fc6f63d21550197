"""Display profile and layout rectangles."""

import pytest

from engine.display import BANK_CARD_MM, DisplayProfile, RectMM, guess_profile, profile_from_card


def test_mm_and_px_convert_both_ways():
    p = DisplayProfile(5.0)
    assert p.px(10) == 50 and p.mm(50) == 10
    assert p.board_mm((1000, 600)) == (200, 120)


def test_card_calibration_gives_px_per_mm():
    p = profile_from_card(BANK_CARD_MM[0] * 6.25)
    assert p.px_per_mm == pytest.approx(6.25) and p.calibrated


@pytest.mark.parametrize("bad", [0.0, -1.0, float("nan"), 1000.0])
def test_absurd_profiles_are_refused(bad):
    with pytest.raises(ValueError):
        DisplayProfile(bad)


def test_guess_is_plausible_for_a_pi_panel_and_a_big_tablet():
    pi = guess_profile((800, 480))
    tablet = guess_profile((2560, 1600))
    assert 4.5 < pi.px_per_mm < 6.0  # a 7-inch panel is about 155 x 86 mm
    assert 10.5 < tablet.px_per_mm < 13.0
    assert not pi.calibrated


def test_rect_splitting_and_mirroring():
    r = RectMM(10, 10, 100, 50)
    top, rest = r.take_top(20)
    assert top == RectMM(10, 10, 100, 20) and rest == RectMM(10, 30, 100, 30)
    cols = r.columns(2, gap=10)
    assert cols[1] == RectMM(65, 10, 45, 50)
    assert r.mirrored(200) == RectMM(90, 10, 100, 50)
    assert r.contains(112, 30, slop_mm=3) and not r.contains(114, 30, slop_mm=3)
