"""Scene stack: push / pop / replace, hooks, typed results."""

from deftly.launch import headless_app
from engine.scene import Scene


class Recorder(Scene[str]):
    def __init__(self, name, log):
        super().__init__()
        self.name, self.log = name, log

    def enter(self):
        self.log.append(f"enter {self.name}")

    def exit(self):
        self.log.append(f"exit {self.name}")

    def on_result(self, child, result):
        self.log.append(f"{self.name} got {result!r} from {child.name}")


def test_push_pop_hands_the_result_down():
    app = headless_app((800, 480))
    log = []
    home = app.scenes.push(Recorder("home", log))
    game = app.scenes.push(Recorder("game", log))
    assert app.scenes.top is game
    game.finish("3 stars")
    assert log == ["enter home", "enter game", "exit game", "home got '3 stars' from game"]
    assert app.scenes.top is home


def test_replace_does_not_wake_the_scene_below():
    app = headless_app((800, 480))
    log = []
    app.scenes.push(Recorder("home", log))
    app.scenes.push(Recorder("a", log))
    app.scenes.replace(Recorder("b", log))
    assert log == ["enter home", "enter a", "exit a", "enter b"]


def test_popping_a_scene_below_the_top_removes_everything_above_it():
    app = headless_app((800, 480))
    log = []
    home = app.scenes.push(Recorder("home", log))
    middle = app.scenes.push(Recorder("middle", log))
    app.scenes.push(Recorder("top", log))
    middle.finish("x")
    assert app.scenes.top is home and len(app.scenes) == 1


def test_the_last_scene_leaving_ends_the_app():
    app = headless_app((800, 480))
    only = app.scenes.push(Recorder("only", []))
    only.finish()
    assert not app.running


def test_overlays_draw_over_the_topmost_opaque_scene():
    app = headless_app((800, 480))
    a = app.scenes.push(Recorder("a", []))
    b = app.scenes.push(Recorder("b", []))
    overlay = Recorder("overlay", [])
    overlay.opaque = False
    app.scenes.push(overlay)
    assert app.scenes.visible() == [b, overlay]
    assert a not in app.scenes.visible()
