"""Real pygame events, posted to SDL's queue under the dummy driver, become touches in mm."""

import math

import pygame
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from engine.display import DisplayProfile
from engine.input.sdl import Command, InputReader, TextTyped
from engine.touch import MOUSE_FINGER, Phase, Touch

PROFILE = DisplayProfile(5.0)
WINDOW = (1000, 600)  # 200 x 120 mm


@pytest.fixture
def reader():
    pygame.event.clear()
    return InputReader(PROFILE, WINDOW)


def drain(reader, t):
    return reader.read(pygame.event.get(), t)


def finger_event(kind, fid, x, y, touch_id=7):
    return pygame.event.Event(kind, touch_id=touch_id, finger_id=fid, x=x, y=y, dx=0.0,
                              dy=0.0, pressure=0.0)


def test_finger_events_become_touches_in_mm_stamped_at_drain_time(reader):
    pygame.event.post(finger_event(pygame.FINGERDOWN, 11, 0.5, 0.25))
    pygame.event.post(finger_event(pygame.FINGERMOTION, 11, 0.6, 0.25))
    pygame.event.post(finger_event(pygame.FINGERUP, 11, 0.6, 0.25))
    events = drain(reader, 1234.0)
    assert events == [
        Touch(1, Phase.DOWN, 100.0, 30.0, 1234.0),
        Touch(1, Phase.MOVE, 120.0, 30.0, 1234.0),
        Touch(1, Phase.UP, 120.0, 30.0, 1234.0),
    ]


def test_ten_fingers_at_once(reader):
    for fid in range(10):
        pygame.event.post(finger_event(pygame.FINGERDOWN, 100 + fid, 0.05 + fid * 0.09, 0.5))
    touches = drain(reader, 0.0)
    assert sorted(t.finger for t in touches) == list(range(1, 11))
    assert len(reader.tracker.fingers_down) == 10


def test_the_mouse_is_one_finger(reader):
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=(100, 50), button=1,
                                         touch=False))
    pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=(150, 50), rel=(50, 0),
                                         buttons=(1, 0, 0), touch=False))
    pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=(160, 50), rel=(10, 0),
                                         buttons=(0, 0, 0), touch=False))
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=(150, 50), button=1,
                                         touch=False))
    touches = drain(reader, 5.0)
    assert [(t.finger, t.phase, t.x_mm) for t in touches] == [
        (MOUSE_FINGER, Phase.DOWN, 20.0), (MOUSE_FINGER, Phase.MOVE, 30.0),
        (MOUSE_FINGER, Phase.UP, 30.0)]


def test_mouse_events_synthesised_from_touch_are_dropped(reader):
    pygame.event.post(finger_event(pygame.FINGERDOWN, 1, 0.5, 0.5))
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=(500, 300), button=1,
                                         touch=True))
    touches = drain(reader, 0.0)
    assert [t.finger for t in touches] == [1]


def test_the_mouse_is_ignored_while_a_finger_is_down(reader):
    pygame.event.post(finger_event(pygame.FINGERDOWN, 1, 0.5, 0.5))
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=(10, 10), button=1,
                                         touch=False))
    assert [t.finger for t in drain(reader, 0.0)] == [1]


def test_right_click_is_not_a_finger(reader):
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=(10, 10), button=3,
                                         touch=False))
    assert drain(reader, 0.0) == []


def test_keys_focus_and_close_become_commands(reader):
    pygame.event.post(finger_event(pygame.FINGERDOWN, 3, 0.1, 0.1))
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_ESCAPE))
    pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text="é"))
    pygame.event.post(pygame.event.Event(pygame.WINDOWFOCUSLOST))
    pygame.event.post(pygame.event.Event(pygame.QUIT))
    events = drain(reader, 9.0)
    assert events[1:] == [Command.BACK, TextTyped("é"), Touch(1, Phase.UP, 20.0, 12.0, 9.0),
                          Command.FOCUS_LOST, Command.QUIT]


def test_events_with_missing_or_odd_fields_do_not_raise(reader):
    pygame.event.post(pygame.event.Event(pygame.FINGERDOWN))
    pygame.event.post(pygame.event.Event(pygame.FINGERDOWN, finger_id=2, x="left", y=None))
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos="nowhere", button=1))
    pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=(1, 1)))
    assert drain(reader, 0.0) == []


finger_events = st.tuples(
    st.sampled_from([pygame.FINGERDOWN, pygame.FINGERMOTION, pygame.FINGERUP,
                     pygame.MOUSEBUTTONDOWN, pygame.MOUSEMOTION, pygame.MOUSEBUTTONUP]),
    st.integers(0, 14),
    st.floats(-3, 3) | st.sampled_from([math.inf, math.nan]),
    st.floats(-3, 3) | st.just(math.nan),
    st.booleans(),
    st.floats(0, 1e7),
)


@settings(max_examples=150, deadline=None)
@given(st.lists(finger_events, max_size=120), st.lists(st.floats(0.0, 5000.0), min_size=1,
                                                       max_size=8))
def test_posted_event_streams_never_raise_and_keep_fingers_consistent(stream, gaps):
    pygame.event.clear()
    reader = InputReader(PROFILE, WINDOW)
    down: set[int] = set()
    t = 0.0
    batch = 0
    for i, (kind, fid, x, y, synth, _) in enumerate(stream):
        if kind in (pygame.FINGERDOWN, pygame.FINGERMOTION, pygame.FINGERUP):
            pygame.event.post(finger_event(kind, fid, x, y))
        else:
            pos = (x * WINDOW[0], y * WINDOW[1])
            pygame.event.post(pygame.event.Event(kind, pos=pos, button=1, buttons=(1, 0, 0),
                                                 touch=synth))
        if i % 5 == 4 or i == len(stream) - 1:
            t += gaps[batch % len(gaps)]
            batch += 1
            for event in drain(reader, t):
                assert isinstance(event, Touch)
                assert 0 <= event.x_mm <= 200 and 0 <= event.y_mm <= 120
                if event.phase is Phase.DOWN:
                    assert event.finger not in down
                    down.add(event.finger)
                else:
                    assert event.finger in down
                    if event.phase is Phase.UP:
                        down.discard(event.finger)
            assert reader.tracker.fingers_down == down
    pygame.event.clear()
