"""The main loop: input stamped by the injected clock, frames paced, drawing only on change."""

import asyncio

import pygame

from deftly.launch import headless_app
from engine.clock import ManualClock
from engine.input.sdl import Command
from engine.scene import Scene
from engine.touch import Phase


class Probe(Scene[None]):
    def __init__(self):
        super().__init__()
        self.touches, self.commands, self.draws, self.updates = [], [], 0, 0

    def on_touch(self, touch):
        self.touches.append(touch)

    def on_command(self, command):
        self.commands.append(command)

    def update(self, t_ms):
        self.updates += 1

    def draw(self, surface):
        self.draws += 1


def post_finger(kind, x=0.5, y=0.5):
    pygame.event.post(pygame.event.Event(kind, touch_id=1, finger_id=4, x=x, y=y, dx=0, dy=0))


def test_input_is_stamped_with_the_injected_clock_at_drain_time():
    pygame.event.clear()
    clock = ManualClock(1000.0)
    app = headless_app((800, 480), clock=clock)
    probe = app.scenes.push(Probe())
    post_finger(pygame.FINGERDOWN)
    app.step()
    clock.advance(3.0)
    post_finger(pygame.FINGERUP)
    app.step()
    assert [(t.phase, t.t_ms) for t in probe.touches] == [(Phase.DOWN, 1000.0),
                                                          (Phase.UP, 1003.0)]


def test_frames_are_paced_and_drawn_only_when_dirty():
    pygame.event.clear()
    clock = ManualClock()
    app = headless_app((800, 480), clock=clock)
    probe = app.scenes.push(Probe())
    assert app.step() is True           # first frame draws
    assert probe.draws == 1
    clock.advance(4)
    assert app.step() is False          # polled, but no frame due yet
    clock.advance(14)
    assert app.step() is False          # frame due, but nothing changed
    assert probe.updates == 2 and probe.draws == 1
    probe.dirty = True
    clock.advance(17)
    assert app.step() is True and probe.draws == 2
    assert app.stats.polls == 4


def test_commands_reach_the_top_scene_and_quit_stops_the_loop():
    pygame.event.clear()
    app = headless_app((800, 480))
    probe = app.scenes.push(Probe())
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_ESCAPE))
    pygame.event.post(pygame.event.Event(pygame.QUIT))
    app.step()
    assert probe.commands == [Command.BACK] and not app.running


def test_run_is_a_coroutine_that_ends_when_the_last_scene_leaves():
    pygame.event.clear()

    class Brief(Probe):
        def update(self, t_ms):
            super().update(t_ms)
            if self.updates == 3:
                self.finish()

    app = headless_app((800, 480))
    app.frame_ms = 0.0
    brief = app.scenes.push(Brief())
    asyncio.run(asyncio.wait_for(app.run(), timeout=10))
    assert brief.updates == 3 and not app.running


def test_a_toast_shows_then_goes_away_by_itself():
    pygame.event.clear()
    clock = ManualClock()
    app = headless_app((800, 480), clock=clock)
    probe = app.scenes.push(Probe())
    app.show_toast("Saved", ms=1000)
    app.step()
    assert app.toast is not None
    clock.advance(1500)
    app.step()
    assert app.toast is None and probe.draws == 2
