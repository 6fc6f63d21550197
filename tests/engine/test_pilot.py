"""The pilot posts real SDL finger events; the engine's input layer sees the gesture asked for."""

import math
from itertools import groupby, pairwise

import pygame
import pytest

from engine.app import App
from engine.clock import ManualClock
from engine.display import DisplayProfile, RectMM
from engine.input.gestures import Contacts, PinchRecognizer, two_finger_pose
from engine.input.rotation import RotationTracker
from engine.scene import Scene
from engine.testing import Pilot
from engine.touch import Phase
from engine.ui.keyboard import Keyboard
from engine.ui.theme import Theme
from engine.ui.widgets import Button

PPM = 5.9                 # an awkward calibration, so unit conversions are really exercised
WINDOW = (1280, 800)      # about 216.9 x 135.6 mm
EXACT = 1e-6              # mm; a pixel is 0.17 mm


class Recorder(Scene[None]):
    """Keeps every touch the engine hands to the top scene."""

    def __init__(self):
        super().__init__()
        self.touches = []

    def on_touch(self, touch):
        self.touches.append(touch)
        super().on_touch(touch)


@pytest.fixture
def pilot():
    pygame.event.clear()
    clock = ManualClock(1000.0)
    app = App(pygame.Surface(WINDOW), clock=clock, theme=Theme(DisplayProfile(PPM)))
    app.scenes.push(Recorder())
    return Pilot(app, clock)


def seen(pilot):
    return pilot.top.touches


def batches(touches):
    """Downs and moves grouped by the time they were drained (the lift comes in the same
    batch as the last move)."""
    held = [t for t in touches if t.phase is not Phase.UP]
    return [list(group) for _, group in groupby(held, key=lambda t: t.t_ms)]


def near(a, b, tol=EXACT):
    return math.dist(a, b) <= tol


def test_events_are_real_sdl_finger_events_in_normalised_window_coordinates(pilot,
                                                                            monkeypatch):
    raw = []
    read = pilot.app.reader.read
    monkeypatch.setattr(pilot.app.reader, "read",
                        lambda events, t: (raw.extend(events), read(events, t))[1])
    (finger,) = pilot.down([(50.0, 40.0)])
    pilot.move([finger], [(60.0, 45.0)])
    pilot.up([finger])
    raw = [e for e in raw if e.type in {pygame.FINGERDOWN, pygame.FINGERMOTION, pygame.FINGERUP}]
    assert [e.type for e in raw] == [pygame.FINGERDOWN, pygame.FINGERMOTION, pygame.FINGERUP]
    assert {(e.touch_id, e.finger_id) for e in raw} == {(1, finger)}
    assert raw[0].x == pytest.approx(50.0 * PPM / 1280) and raw[0].y == pytest.approx(
        40.0 * PPM / 800)
    assert (raw[1].dx, raw[1].dy) == pytest.approx((10.0 * PPM / 1280, 5.0 * PPM / 800))
    assert [e.pressure for e in raw] == [1.0, 1.0, 0.0]


def test_a_tap_is_one_finger_down_then_up_where_asked(pilot):
    t0 = pilot.clock.t_ms
    pilot.tap_mm(33.3, 77.7, hold_ms=120)
    down, up = seen(pilot)
    assert (down.phase, up.phase) == (Phase.DOWN, Phase.UP)
    assert down.finger == up.finger
    assert near((down.x_mm, down.y_mm), (33.3, 77.7)) and near((up.x_mm, up.y_mm), (33.3, 77.7))
    assert (down.t_ms, up.t_ms) == (t0, t0 + 120)


def arc_position(points, p):
    """How far along the polyline `points` the point `p` lies (it must lie on it)."""
    done = 0.0
    for a, b in pairwise(points):
        length = math.dist(a, b)
        if abs(math.dist(a, p) + math.dist(p, b) - length) < EXACT:
            return done + math.dist(a, p)
        done += length
    raise AssertionError(f"{p} is not on {points}")


def test_a_drag_follows_the_polyline_at_constant_speed_and_a_steady_rate(pilot):
    path = [(20.0, 20.0), (80.0, 20.0), (80.0, 100.0)]      # 60 + 80 = 140 mm
    t0 = pilot.clock.t_ms
    pilot.drag_mm(path, duration_ms=350)
    touches = seen(pilot)
    assert touches[0].phase is Phase.DOWN and touches[-1].phase is Phase.UP
    assert {t.phase for t in touches[1:-1]} == {Phase.MOVE}
    assert len({t.finger for t in touches}) == 1
    assert near((touches[0].x_mm, touches[0].y_mm), path[0])
    assert near((touches[-1].x_mm, touches[-1].y_mm), path[-1])
    assert (touches[0].t_ms, touches[-1].t_ms) == pytest.approx((t0, t0 + 350))
    for move in touches[1:-1]:
        assert arc_position(path, (move.x_mm, move.y_mm)) == pytest.approx(
            140.0 * (move.t_ms - t0) / 350, abs=EXACT)
    gaps = [b.t_ms - a.t_ms for a, b in pairwise(touches[:-1])]
    assert max(gaps) <= 8.0 + 1e-9 and max(gaps) - min(gaps) < 1e-9
    assert len(gaps) >= 350 / 8


def test_a_pinch_closes_from_40_to_10_mm_through_the_engines_two_finger_code(pilot):
    t0 = pilot.clock.t_ms
    pilot.pinch_mm((100.0, 60.0), 40.0, 10.0, duration_ms=400, angle_deg=30.0)
    touches = seen(pilot)
    contacts, poses = Contacts(), []
    for batch in batches(touches):
        for touch in batch:
            contacts.update(touch)
        if len(contacts) == 2:
            poses.append((batch[0].t_ms, two_finger_pose(*contacts.all)))
    (start_t, start), (end_t, end) = poses[0], poses[-1]
    assert start.aperture_mm == pytest.approx(40.0, abs=EXACT)
    assert end.aperture_mm == pytest.approx(10.0, abs=EXACT)
    assert all(p.angle_deg == pytest.approx(30.0, abs=1e-6) for _, p in poses)
    assert all(near((p.center_x_mm, p.center_y_mm), (100.0, 60.0)) for _, p in poses)
    assert (start_t, end_t) == pytest.approx((t0, t0 + 400))
    apertures = [p.aperture_mm for _, p in poses]
    assert apertures == sorted(apertures, reverse=True)          # closes steadily
    recognizer = PinchRecognizer()
    pinch = [e for t in touches if (e := recognizer.feed(t)) is not None]
    assert pinch[0].phase is Phase.DOWN and pinch[-1].phase is Phase.UP
    assert pinch[-1].scale == pytest.approx(0.25, abs=1e-6)


def test_a_pinch_can_open_as_well(pilot):
    pilot.pinch_mm((100.0, 60.0), 12.0, 50.0, duration_ms=200)
    recognizer = PinchRecognizer()
    events = [e for t in seen(pilot) if (e := recognizer.feed(t)) is not None]
    assert events[0].pose.aperture_mm == pytest.approx(12.0, abs=EXACT)
    assert events[-1].pose.aperture_mm == pytest.approx(50.0, abs=EXACT)
    assert events[0].pose.angle_deg == pytest.approx(0.0, abs=1e-9)


def test_a_rotation_turns_two_fingers_about_the_centre_past_180_degrees(pilot):
    t0 = pilot.clock.t_ms
    pilot.rotate_mm((100.0, 60.0), 20.0, 10.0, 280.0, duration_ms=600)
    touches = seen(pilot)
    assert all(math.dist((t.x_mm, t.y_mm), (100.0, 60.0)) == pytest.approx(20.0, abs=EXACT)
               for t in touches)
    assert [t.phase for t in touches[:2]] == [Phase.DOWN, Phase.DOWN]
    assert [t.phase for t in touches[-2:]] == [Phase.UP, Phase.UP]
    assert touches[0].t_ms == touches[1].t_ms == t0
    assert touches[-1].t_ms == touches[-2].t_ms == pytest.approx(t0 + 600)
    contacts, tracker = Contacts(), RotationTracker()
    for batch in batches(touches):
        for touch in batch:
            contacts.update(touch)
        turn = tracker.feed(two_finger_pose(*contacts.all))
    assert turn.turned_deg == pytest.approx(270.0, abs=1e-6)
    assert turn.aperture_mm == pytest.approx(40.0, abs=EXACT)
    recognizer = PinchRecognizer()
    pinch = [e for t in touches if (e := recognizer.feed(t)) is not None]
    assert pinch[-1].rotation_deg == pytest.approx(270.0, abs=1e-6)


def test_a_fast_whole_turn_is_still_sampled_finely_enough_to_tell_its_direction(pilot):
    pilot.rotate_mm((100.0, 60.0), 20.0, 0.0, -360.0, duration_ms=10)
    recognizer = PinchRecognizer()
    pinch = [e for t in seen(pilot) if (e := recognizer.feed(t)) is not None]
    assert pinch[-1].rotation_deg == pytest.approx(-360.0, abs=1e-6)


def test_three_fingers_held_at_once_and_one_lifted(pilot):
    t0 = pilot.clock.t_ms
    fingers = pilot.down([(40.0, 50.0), (60.0, 50.0), (80.0, 50.0)])
    assert len(set(fingers)) == 3 and pilot.held == fingers
    downs = seen(pilot)
    assert [t.phase for t in downs] == [Phase.DOWN] * 3
    assert {t.t_ms for t in downs} == {t0}
    assert len({t.finger for t in downs}) == 3
    assert pilot.app.reader.tracker.fingers_down == {t.finger for t in downs}
    engine_id = {f: t.finger for f, t in zip(fingers, downs, strict=True)}

    pilot.run(200)
    pilot.up([fingers[1]])
    (lift,) = seen(pilot)[3:]
    assert (lift.phase, lift.finger, lift.t_ms) == (Phase.UP, engine_id[fingers[1]], t0 + 200)
    assert pilot.app.reader.tracker.fingers_down == {engine_id[fingers[0]],
                                                     engine_id[fingers[2]]}

    pilot.move([fingers[0], fingers[2]], [(45.0, 70.0), (85.0, 70.0)], duration_ms=80)
    moves = seen(pilot)[4:]
    assert all(t.phase is Phase.MOVE for t in moves)
    assert all(len(batch) == 2 for batch in batches(moves))       # the two move together
    assert near((moves[-2].x_mm, moves[-2].y_mm), (45.0, 70.0))
    assert near((moves[-1].x_mm, moves[-1].y_mm), (85.0, 70.0))
    assert moves[-1].t_ms == pytest.approx(t0 + 280)
    assert pilot.position(fingers[2]) == (85.0, 70.0)

    pilot.up([fingers[0], fingers[2]])
    assert pilot.held == [] and pilot.app.reader.tracker.fingers_down == frozenset()
    contacts, most = Contacts(), 0
    for touch in seen(pilot):
        contacts.update(touch)
        most = max(most, len(contacts))
    assert most == 3


def test_finger_ids_are_never_reused(pilot):
    ids = [pilot.drag_mm([(10.0, 10.0), (20.0, 10.0)], 50)]
    pilot.tap_mm(30.0, 30.0)
    ids += pilot.pinch_mm((100.0, 60.0), 30.0, 20.0, 50)
    ids += pilot.down([(10.0, 10.0), (20.0, 20.0)])
    pilot.up(ids[-2:])
    ids += pilot.down([(10.0, 10.0)])
    assert len(ids) == len(set(ids)) == 6


def test_mistakes_are_refused_before_anything_is_posted(pilot):
    with pytest.raises(ValueError, match="outside"):
        pilot.drag_mm([(10.0, 10.0), (300.0, 10.0)], 100)
    with pytest.raises(ValueError, match="outside"):
        pilot.rotate_mm((20.0, 60.0), 30.0, 0.0, 180.0)   # swings off the left edge
    with pytest.raises(ValueError, match="not all held"):
        pilot.move([12345], [(10.0, 10.0)])
    (finger,) = pilot.down([(10.0, 10.0)])
    pilot.up([finger])
    with pytest.raises(ValueError, match="not all held"):
        pilot.up([finger])
    assert [t.phase for t in seen(pilot)] == [Phase.DOWN, Phase.UP]


def test_the_loop_keeps_running_between_events(pilot):
    frames = pilot.app.stats.polls
    pilot.run(100)
    assert pilot.app.stats.polls - frames == 25                   # every 4 ms
    assert pilot.clock.t_ms == 1100.0


def test_press_and_type_find_buttons_and_keys(pilot):
    pressed, typed = [], []
    scene = pilot.top
    scene.widgets = [Button(RectMM(150, 10, 40, 15), "Go", lambda: pressed.append(1)),
                     Keyboard(RectMM(10, 40, 180, 80), typed.append)]
    pilot.press("Go")
    pilot.type("ab c")
    assert pressed == [1] and "".join(typed) == "AB C"
    with pytest.raises(AssertionError, match="no button 'Stop'"):
        pilot.button("Stop")
