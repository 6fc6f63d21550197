"""A player stuck in a variant is offered the other way in one tap: a finger alone on a peg
in two-finger play shows "Play with: One finger"; pressing it ends the round (kept as
quit) and starts the same game played with one finger."""

from deftly.demo import demo_shell, demo_store
from deftly.launch import headless_app
from deftly.scenes.home import HomeScene
from deftly.scenes.start import StartChoice
from engine.clock import ManualClock
from engine.round_scene import RoundScene
from engine.testing.pilot import Pilot


def test_a_lonely_finger_on_a_peg_is_offered_one_finger_play():
    app = headless_app((1280, 800), ManualClock())
    with demo_store() as store:
        shell = demo_shell(app, store)
        home = HomeScene(shell)
        app.scenes.push(home)
        pinch = next(g for g in shell.games if len(g.spec.variants) > 1)
        home.play(pinch, StartChoice(pinch.levels.levels[0].id, "right", "training", ""))
        pilot = Pilot(app)
        pilot.run(100)
        assert pilot.skip_demo()                     # the level's first round: shown first
        scene = pilot.top
        assert isinstance(scene, RoundScene)
        peg = scene.controller.model.movable()[0]
        board = scene.board_rect
        finger = pilot.down([(board.x + peg.x_mm, board.y + peg.y_mm)])
        pilot.run(900)
        pilot.up(finger)
        pilot.press("Play with: One finger")
        assert pilot.skip_demo()                     # the new way's first round: shown first
        again = pilot.top
        assert isinstance(again, RoundScene) and again is not scene
        assert again.controller.setup.variant == "one-finger"
        first = store.sessions(shell.profile.id, pinch.spec.id)[-1]
        assert first["status"] == "quit" and (first.get("variant") or "") == ""
