"""The lift game in the running app, played with several fingers posted as SDL finger
events: a touch panel (forced; CI has none) lays the hand down and lifts the lit finger;
with only a mouse the home screen says the game needs a touchscreen."""

from deftly.demo import demo_shell, demo_store
from deftly.launch import headless_app
from deftly.scenes.home import HomeScene
from deftly.scenes.start import StartChoice
from engine.clock import ManualClock
from engine.i18n import t
from engine.input.capability import force_capability
from engine.round_scene import RoundScene
from engine.testing.pilot import Pilot
from engine.ui.draw import recording_text
from games.lift.hand_shape import fingertips
from games.lift.model import READY_MS, SETTLE_MS


def _lift(shell):
    return next(g for g in shell.games if g.spec.id == "lift")


def test_a_hand_on_a_touch_panel_plays_a_cue_through_the_whole_app():
    app = headless_app((1280, 800), ManualClock())
    with demo_store() as store, force_capability(10):
        shell = demo_shell(app, store)
        home = HomeScene(shell)
        app.scenes.push(home)
        lift = _lift(shell)
        assert shell.can_play(lift)
        home.play(lift, StartChoice("one-up", "right", "training", ""))
        pilot = Pilot(app)
        pilot.run(100)
        assert pilot.skip_demo()
        scene = pilot.top
        assert isinstance(scene, RoundScene)
        model, board = scene.controller.model, scene.board_rect
        tips = fingertips(model.fingers, "right", board.w, board.h)
        ids = dict(zip(tips, pilot.down([(board.x + x, board.y + y)
                                          for x, y in tips.values()]), strict=True))
        pilot.run(SETTLE_MS + READY_MS + 100)
        assert model.placement is not None and model.phase == "cue"
        cued = model.cue.fingers[0]
        with recording_text() as drawn:
            app.render()
        assert t("lift.cue", finger=t(f"lift.finger.{cued}")) in [d.text for d in drawn]
        pilot.run(400)
        point = pilot.position(ids[cued])
        pilot.up([ids[cued]])
        pilot.run(300)
        pilot.down([point])
        pilot.run(50)
        (trial,) = model.results
        assert trial["finger"] == cued and trial["outcome"] == "alone" and trial["success"]
        assert 400 <= trial["reaction_ms"] <= 400 + 100 + 8   # the cue lit up to 100 ms early


def test_with_only_a_mouse_the_game_is_shown_as_needing_a_touchscreen():
    app = headless_app((1280, 800), ManualClock())
    with demo_store() as store, force_capability("mouse"):
        shell = demo_shell(app, store)
        assert not shell.can_play(_lift(shell))
        assert "lift" not in {g.spec.id for g in shell.playable()}
        app.scenes.push(HomeScene(shell))
        pilot = Pilot(app)
        pilot.run(100)
        tile = next(b for b in pilot.buttons() if b.label == _lift(shell).spec.name)
        assert not tile.enabled
        with recording_text() as drawn:
            app.render()
        said = any(t("home.needs_touch") in d.text for d in drawn)
        if not said:                     # a short tile shows a lock; a press says why
            pilot.tap_mm(*tile.rect.center)
            said = app.toast is not None and app.toast.message == t("home.needs_touch")
        assert said
