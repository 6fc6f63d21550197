"""The start screen offers a game's variants from its spec and preselects one the screen can
play: a mouse or a one-finger panel cannot pinch."""

from deftly.demo import demo_shell, demo_store
from deftly.launch import headless_app
from deftly.scenes.start import StartChoice, StartScene
from engine.i18n import t
from engine.input.capability import force_capability
from games.registry import all_specs


def _start(game_id: str) -> StartScene:
    app = headless_app((1280, 800))
    with demo_store() as store:
        shell = demo_shell(app, store)
        scene = StartScene(shell, shell.game(game_id))
        app.scenes.push(scene)
        app.render()
        return scene


def _with_variants() -> str:
    return next(spec.id for spec in all_specs() if len(spec.variants) > 1)


def test_a_mouse_gets_the_variant_for_one_finger():
    with force_capability("mouse"):
        scene = _start(_with_variants())
    needs = {v.id: v.fingers for v in scene.variants}
    assert needs[scene.variant] == 1 and max(needs.values()) >= 2


def test_a_touch_panel_keeps_the_usual_way_and_every_variant_has_a_labelled_button():
    with force_capability(10):
        scene = _start(_with_variants())
    assert scene.variant == scene.variants[0].id
    labels = {b.label for b in scene.widgets if hasattr(b, "label")}
    from engine.i18n import t

    assert {t(v.label) for v in scene.variants} <= labels


def test_go_finishes_with_a_typed_choice():
    got: list[object] = []
    app = headless_app((1280, 800))
    with demo_store() as store:
        shell = demo_shell(app, store)
        game = shell.game(all_specs()[0].id)
        scene = StartScene(shell, game)
        app.scenes.push(scene)
        app.scenes.push(scene2 := StartScene(shell, game), got.append)
        scene2.go()
    assert got == [StartChoice(scene2.level_id, scene2.hand, "training", scene2.variant)]


def test_a_game_needing_several_fingers_waits_for_a_touchscreen():
    from dataclasses import replace

    from deftly.scenes.home import HomeScene
    from engine.spec import Variant
    from engine.ui.draw import recording_text
    from games.registry import Available

    first = all_specs()[0]
    two_hands = replace(first, variants=(Variant("", "start.usual", fingers=4),))
    app = headless_app((1920, 1200))
    with demo_store() as store:
        shell = demo_shell(app, store)
        shell.games = [Available(two_hands, first.levels)]
        for capability, playable in (("mouse", False), (3, False), (4, True)):
            with force_capability(capability):
                assert bool(shell.playable()) is playable
                assert bool(shell.plan().items) is playable
                app.scenes.push(scene := HomeScene(shell))
                with recording_text() as texts:
                    app.render()
                app.scenes.pop(scene)
                shown = {d.text for d in texts}
                assert ("Needs a touchscreen" in shown) is not playable


def test_a_locked_level_says_why_when_tapped_and_stays_unchosen():
    from engine.clock import ManualClock
    from engine.i18n import t
    from engine.testing.pilot import Pilot

    app = headless_app((1280, 800), ManualClock())
    with demo_store() as store:
        shell = demo_shell(app, store)
        scene = StartScene(shell, shell.game(all_specs()[0].id))
        app.scenes.push(scene)
        pilot = Pilot(app)
        pilot.run(20)
        if not [b for b in pilot.buttons() if not b.enabled]:   # levels on their own screen
            pilot.tap_button(next(b for b in pilot.buttons() if b.label.startswith(
                t("start.level_named", name="").strip())))
            pilot.run(20)
        locked = [b for b in pilot.buttons() if not b.enabled]
        assert locked and app.toast is None
        chosen = scene.level_id
        pilot.settle()                         # past the shaky-finger pause after a press
        pilot.tap_mm(*locked[0].rect.center)
        assert app.toast is not None and "opens when" in app.toast.message
        assert scene.level_id == chosen


def test_on_a_mouse_a_way_of_playing_with_several_fingers_is_locked_and_says_why():
    from engine.i18n import t

    for game in [s.id for s in all_specs() if len(s.variants) > 1]:
        with force_capability("mouse"):
            scene = _start(game)
            buttons = {b.label: b for b in scene.widgets if hasattr(b, "enabled")}
            for variant in scene.variants:
                button = buttons[t(variant.label)]
                assert button.enabled is (variant.fingers <= 1), (game, variant.id)
            several = next(v for v in scene.variants if v.fingers > 1)
            locked = buttons[t(several.label)]
            assert locked.why_not is not None
            locked.why_not()
            assert scene.app.toast is not None and \
                scene.app.toast.message == t("home.needs_touch")




class _ReachedTheDial:
    """A player's progress in the turn game: circles, side to side and the dial open."""

    def __init__(self, levels) -> None:
        from engine.levels.progression import LevelState

        self.levels = levels
        self._states = [LevelState(lv, lv.id in ("circles", "side", "dial"))
                        for lv in levels.levels]

    def states(self):
        return self._states

    def current(self):
        return self.levels.get("dial")


def test_levels_needing_two_fingers_are_locked_on_a_mouse_and_open_on_a_touchscreen(
        monkeypatch):
    """The turn game's dial, towel and pencil need two contacts, its circles one: with a
    mouse the start screen picks the last open level it can play and locks the others."""
    for capability in ("mouse", 10):
        app = headless_app((1920, 1200))
        with demo_store() as store, force_capability(capability):
            shell = demo_shell(app, store)
            game = shell.game("turn")
            spec, levels = game.spec, game.levels
            assert [spec.fingers_for(lv) for lv in levels.levels] == [1, 1, 2, 2, 2]
            assert spec.fingers_for(levels.checkup) == 2          # circles and the dial
            progress = _ReachedTheDial(levels)
            monkeypatch.setattr(StartScene, "_progress", lambda _self, p=progress: p)
            scene = StartScene(shell, game)
            app.scenes.push(scene)
            app.render()
            chooser = scene.level_chooser()           # every level, on a screen of its own
            app.scenes.push(chooser)
            app.render()
            buttons = {b.label: b for b in chooser.widgets if hasattr(b, "enabled")}
            dial, checkup = buttons["Turn the dial"], buttons[t("start.checkup")]
            if capability == "mouse":
                assert scene.level_id == "side"
                assert not dial.enabled and not checkup.enabled
                assert buttons["Side to side"].enabled
            else:
                assert scene.level_id == "dial" and dial.enabled and checkup.enabled
