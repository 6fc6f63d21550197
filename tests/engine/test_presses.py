"""A bouncing finger presses once: the app ignores a second activation of any button within
its refractory time; a press still needs the lift inside the button."""

import pygame

from deftly.launch import headless_app
from engine.clock import ManualClock
from engine.display import RectMM
from engine.scene import Scene
from engine.testing.pilot import Pilot
from engine.ui.presses import PressGuard
from engine.ui.widgets import Button


class TwoButtons(Scene[None]):
    def __init__(self) -> None:
        super().__init__()
        self.pressed: list[str] = []
        self.widgets = [Button(RectMM(10, 10, 40, 20), "A", lambda: self.pressed.append("A")),
                        Button(RectMM(60, 10, 40, 20), "B", lambda: self.pressed.append("B"))]

    def draw(self, surface: pygame.Surface) -> None:
        surface.fill((0, 0, 0))


def _scene():
    app = headless_app((800, 480), ManualClock())
    scene = TwoButtons()
    app.scenes.push(scene)
    return Pilot(app), scene


def test_a_bounce_80_ms_after_a_press_does_nothing_on_the_same_or_another_button():
    pilot, scene = _scene()
    pilot.tap_mm(30, 20, hold_ms=60)        # the press
    pilot.tap_mm(30, 20, hold_ms=40)        # the bounce, about 80 ms later
    pilot.tap_mm(80, 20, hold_ms=40)        # a tremor's touch on the neighbour
    assert scene.pressed == ["A"]
    pilot.run(300)
    pilot.tap_mm(80, 20)
    assert scene.pressed == ["A", "B"]


def test_the_refractory_time_is_a_setting_and_zero_turns_it_off():
    pilot, scene = _scene()
    pilot.app.presses.refractory_ms = 0.0
    for _ in range(3):
        pilot.tap_mm(30, 20, hold_ms=30)
    assert scene.pressed == ["A", "A", "A"]


def test_a_finger_that_slides_off_does_not_press():
    pilot, scene = _scene()
    finger = pilot.down([(30, 20)])
    pilot.move(finger, [(30, 60)], duration_ms=100)
    pilot.up(finger)
    assert scene.pressed == []


def test_the_guard_counts_from_the_last_press_that_counted():
    guard = PressGuard(300)
    assert guard.allow(1000) and not guard.allow(1200) and not guard.allow(1299)
    assert guard.allow(1300) and guard.remaining_ms(1400) == 200
    assert guard.allow(50)          # a clock that starts again (a new app) is not blocked


def test_typing_at_a_steady_pace_loses_no_letter_but_a_key_bounce_is_ignored():
    from engine.ui.keyboard import Keyboard

    app = headless_app((1280, 800), ManualClock())
    typed: list[str] = []
    scene = TwoButtons()
    scene.widgets = [Keyboard(RectMM(10, 10, 180, 80), typed.append)]
    app.scenes.push(scene)
    pilot = Pilot(app)
    keys = {k.label: k for k in scene.widgets[0].keys}
    for label in "ABA":                                  # about 200 ms apart
        pilot.tap_mm(*keys[label].rect.center, hold_ms=60)
        pilot.run(100)
    pilot.tap_mm(*keys["R"].rect.center, hold_ms=50)
    pilot.tap_mm(*keys["R"].rect.center, hold_ms=30)     # the bounce: "Roose" for "Rose"
    assert "".join(typed) == "ABAR"


def test_a_dialog_takes_no_press_just_after_it_opens():
    from engine.ui.overlay import ARM_MS, confirm

    app = headless_app((800, 480), ManualClock())
    scene = TwoButtons()
    app.scenes.push(scene)
    pilot = Pilot(app)
    app.presses.refractory_ms = 0.0                      # the guard off: the dialog still waits
    said: list[str] = []
    confirm(app, "Sure?", "", "Yes", "No", lambda: said.append("yes"))
    yes = pilot.button("Yes")
    pilot.tap_mm(*yes.rect.center, hold_ms=50)
    assert said == [] and type(pilot.top).__name__ == "ChoiceOverlay"
    pilot.run(ARM_MS)
    pilot.tap_button(yes)
    assert said == ["yes"]
