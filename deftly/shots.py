"""Named screens rendered headless to PNG: `deftly shot SCENE --out FILE.png`.

Screens with data use a temporary demo folder with simulated play (fixed seeds and a
fixed "today"), so the same command draws the same picture.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

import pygame

from deftly.context import prefs_of, save_prefs
from deftly.demo import demo_shell, demo_store
from deftly.launch import headless_app
from deftly.play import demo_scene, previous_summaries, progress_for, round_scene
from deftly.scenes.calendar import CalendarScene
from deftly.scenes.calibration import CalibrationScene
from deftly.scenes.checkin import CheckInScene
from deftly.scenes.gallery import GalleryScene
from deftly.scenes.home import HomeScene
from deftly.scenes.profiles import NewProfileScene, ProfilesScene
from deftly.scenes.results import ResultsScene
from deftly.scenes.settings import SettingsScene
from deftly.scenes.start import StartScene
from deftly.scenes.therapist.area import TherapistArea
from deftly.scenes.welcome import WelcomeScene
from engine.app import App
from engine.round_scene import RoundScene
from engine.scene import Scene
from engine.sim.hand import PRESETS, SimPatient
from engine.sim.session import play
from engine.spec import GameShot, GameSpec
from engine.store.store import Store
from engine.touch import Phase, Touch
from engine.ui.draw import DrawnText, recording_text
from games.registry import all_specs, spec


@dataclass(frozen=True)
class Shot:
    make: Callable[[App, Store], Scene[object]]
    days: int = 0
    players: tuple[str, ...] = ("Ann",)


def _mid_round(app: App, store: Store, game_id: str, level: str, trials: int,
               seed: int = 5) -> RoundScene:
    """A round scene part-way through, played by a simulated patient."""
    shell = demo_shell(app, store)
    scene = round_scene(shell, shell.game(game_id), level, "right", seed=seed)
    app.scenes.push(scene)
    controller = scene.controller
    assert controller is not None
    policy = controller.spec.make_policy(SimPatient(PRESETS["mild"], seed))
    t = 0.0
    while controller.model.progress()[0] < trials and not controller.model.finished:
        gesture = policy.plan(controller.model, t)
        for touch in gesture:
            t = max(t, touch.t_ms)
            controller.on_touch(touch.at(t))
        if not gesture:
            upcoming = controller.model.next_change_ms()
            t = max(t + 1.0, upcoming) if upcoming else t + 50.0
            controller.tick(t)
    upcoming = controller.model.next_change_ms()
    if upcoming is not None:
        controller.tick(upcoming)
    scene._start_ms = app.now_ms() - controller.model.now - 120.0
    scene._update_progress()
    return scene


def _partway(scene: RoundScene, share: float, lift: bool) -> None:
    """The next gesture played `share` of the way (fingers still down), and with `lift`
    the last finger then lifted (a trace half drawn)."""
    controller = scene.controller
    assert controller is not None
    model = controller.model
    policy = controller.spec.make_policy(SimPatient(PRESETS["moderate"], 4))
    gesture = policy.plan(model, model.now)
    played = gesture[: max(1, int(len(gesture) * share))] if gesture else []
    for touch in played:
        controller.on_touch(touch)
    if played and lift:
        last = played[-1]
        controller.on_touch(Touch(last.finger, Phase.UP, last.x_mm, last.y_mm,
                                  last.t_ms + 10))
    scene._start_ms = scene.app.now_ms() - model.now - 200.0


def _results(app: App, store: Store, game_id: str, level: str) -> Scene[object]:
    """The results of today's first set, just played by a simulated patient after a few
    days of play, with the rest of the plan to come."""
    shell = demo_shell(app, store)
    game = shell.game(game_id)
    assert shell.profile is not None
    progress = progress_for(shell, game, "left")
    result = play(game.spec, level, SimPatient(PRESETS["mild"], 11), progress, 11,
                  store=store, hand="left", reps=shell.dose(game).reps)
    previous = previous_summaries(shell, game_id, "left", "training", result.session_id)
    return ResultsScene(shell, result, previous, next_in_plan=True, animate=False)


def _first_game() -> GameSpec:
    return all_specs()[0]


def _start(app: App, store: Store) -> StartScene:
    shell = demo_shell(app, store)
    return StartScene(shell, shell.game(_first_game().id))


def _new_player(app: App, store: Store) -> Scene[object]:
    scene = NewProfileScene(demo_shell(app, store))
    scene.name = "Rosa"
    return scene


def _paused(app: App, store: Store) -> Scene[object]:
    game = _first_game()
    scene = _mid_round(app, store, game.id, game.shots[0].level, 6)
    scene.pause()
    return app.scenes.top  # the overlay over the round


def _profiles(app: App, store: Store) -> Scene[object]:
    shell = demo_shell(app, store)
    shell.profile = None
    return ProfilesScene(shell, lambda profile: None)


def _therapist(app: App, store: Store, tab: str = "trends") -> TherapistArea:
    shell = demo_shell(app, store)
    assert shell.profile is not None
    return TherapistArea(shell, shell.profile, tab)


def _therapist_players(app: App, store: Store) -> Scene[object]:
    from deftly.scenes.therapist.players import TherapistPlayers

    return TherapistPlayers(demo_shell(app, store))


def _therapist_record(app: App, store: Store) -> Scene[object]:
    """Typing the clinician's name for the report, half typed."""
    from deftly.scenes.therapist.record_entry import RecordEntryScene

    scene = RecordEntryScene(_therapist(app, store, "programme"), "clinician")
    scene.text = "Dr Imani C"
    return scene


def _therapist_round(app: App, store: Store) -> Scene[object]:
    from deftly.scenes.therapist.session import SessionScene

    shell = demo_shell(app, store)
    sessions = [s for s in shell.sessions() if s.get("game") == _first_game().id]
    return SessionScene(shell, sessions[-1])


def _pin(app: App, store: Store) -> Scene[object]:
    from deftly.scenes.pin import PinScene

    scene = PinScene(demo_shell(app, store))
    scene.entered = "12"
    return scene


def _replay(app: App, store: Store) -> Scene[object]:
    """The last recorded round, watched from the middle."""
    from deftly.scenes.replay import replay_scene
    from engine.store.recording import read_recording

    shell = demo_shell(app, store)
    session = [s for s in shell.sessions() if s.get("recording")][-1]
    path = store.recording_path(session)
    assert path is not None
    scene = replay_scene(spec(str(session["game"])), read_recording(path))
    app.scenes.push(scene)
    scene.clock.playing = False
    scene.clock.t_ms = scene.clock.end_ms * 0.4
    scene.update(0.0)
    return scene


THERAPIST_DAYS = 42
THERAPIST_PLAYERS = ("Ann", "Bertrand", "Chloé")   # one demo folder for all these shots


def _therapist_shot(make: Callable[[App, Store], Scene[object]]) -> Shot:
    return Shot(make, days=THERAPIST_DAYS, players=THERAPIST_PLAYERS)


SHOTS: dict[str, Shot] = {
    "calibration": Shot(lambda app, store: CalibrationScene()),
    "widgets": Shot(lambda app, store: GalleryScene()),
    "profiles": Shot(_profiles, players=("Ann", "Bertrand", "Chloé", "Dev")),
    "home": Shot(lambda app, store: HomeScene(demo_shell(app, store)), days=3),
    "settings": Shot(lambda app, store: SettingsScene(demo_shell(app, store))),
    "plan": Shot(lambda app, store: HomeScene(demo_shell(app, store)), days=10),
    "calendar": _therapist_shot(lambda app, store: CalendarScene(demo_shell(app, store))),
    "welcome": Shot(lambda app, store: WelcomeScene(demo_shell(app, store))),
    "start": Shot(_start, days=3),
    "new-player": Shot(_new_player),
    "pause": Shot(_paused),
    "therapist": _therapist_shot(_therapist_players),
    "therapist-trends": _therapist_shot(_therapist),
    "therapist-days": _therapist_shot(lambda app, store: _therapist(app, store, "days")),
    "therapist-levels": _therapist_shot(lambda app, store: _therapist(app, store, "levels")),
    "therapist-rounds": _therapist_shot(lambda app, store: _therapist(app, store, "rounds")),
    "therapist-programme": _therapist_shot(
        lambda app, store: _therapist(app, store, "programme")),
    "therapist-export": _therapist_shot(lambda app, store: _therapist(app, store, "export")),
    "therapist-round": _therapist_shot(_therapist_round),
    "therapist-record": _therapist_shot(_therapist_record),
    "therapist-pin": Shot(_pin),
    "replay": Shot(_replay, days=2),
    "choose-game": Shot(lambda app, store: HomeScene(demo_shell(app, store)).games_chooser(),
                        days=3),
    "choose-level": Shot(lambda app, store: _start(app, store).level_chooser(), days=3),
    "checkin": Shot(lambda app, store: CheckInScene(demo_shell(app, store), "before",
                                                    store.clock().date())),
    "checkin-after": Shot(lambda app, store: CheckInScene(demo_shell(app, store), "after",
                                                          store.clock().date())),
}


def _game_trends(app: App, store: Store, game_id: str) -> Scene[object]:
    from deftly.scenes.therapist.trends_tab import TrendsTab

    area = _therapist(app, store, "trends")
    assert isinstance(area.tab, TrendsTab)
    area.tab.select(game_id)
    return area


def _game_shot(game: GameSpec, shot: GameShot) -> Shot:
    if shot.trends:
        return _therapist_shot(lambda app, store: _game_trends(app, store, game.id))

    def make(app: App, store: Store) -> Scene[object]:
        if shot.results:
            return _results(app, store, game.id, shot.level)
        scene = _mid_round(app, store, game.id, shot.level, shot.trials, shot.seed)
        if shot.lifted or shot.partway:
            _partway(scene, shot.partway or 0.6, shot.lifted)
        return scene
    return Shot(make, days=shot.days)


def _demo_shot(game: GameSpec) -> Shot:
    """The middle of the demonstration of the game's first level."""
    def make(app: App, store: Store) -> Scene[object]:
        shell = demo_shell(app, store)
        available = shell.game(game.id)
        assert available.levels is not None
        scene = demo_scene(available, available.levels.levels[0].id, "right")
        app.scenes.push(scene)
        assert scene.demo is not None and scene.replayer is not None
        scene.clock.t_ms = scene.demo.end_ms / 2
        scene.update(0.0)
        return scene
    return Shot(make)


def all_shots() -> dict[str, Shot]:
    """The product's shots and every game's own (named "<game>" or "<game>-<name>", and
    "<game>-demo": its first level's demonstration)."""
    shots = dict(SHOTS)
    for game in all_specs():
        for shot in game.shots:
            shots[game.id + (f"-{shot.name}" if shot.name else "")] = _game_shot(game, shot)
        shots[f"{game.id}-demo"] = _demo_shot(game)
    return shots


def render_shot(name: str, size: tuple[int, int]) -> pygame.Surface:
    """Build the named scene on a headless app and draw it."""
    return render_shot_with_text(name, size)[0]


def render_shot_with_text(name: str, size: tuple[int, int]
                          ) -> tuple[pygame.Surface, list[DrawnText]]:
    """The named scene drawn, and every string it drew (for the golden tests)."""
    with recording_text() as texts:
        app = render_scene(name, size)
    return app.screen, sorted(texts)


def render_scene(name: str, size: tuple[int, int], *, text_scale: float = 1.0,
                 high_contrast: bool = False) -> App:
    """An app with the named scene drawn on it, every player set to this text size and
    contrast (the layout check draws every shot so)."""
    shots = all_shots()
    if name not in shots:
        raise KeyError(name)
    shot = shots[name]
    app = headless_app(size)
    app.set_theme(app.theme.with_preferences(text_scale=text_scale,
                                             high_contrast=high_contrast))
    with demo_store(shot.days, shot.players) as store:
        if (text_scale, high_contrast) != (1.0, False):
            for profile in store.profiles():
                save_prefs(store, profile, replace(prefs_of(profile), text_scale=text_scale,
                                                   high_contrast=high_contrast))
        scene = shot.make(app, store)
        if app.scenes.top is not scene:
            app.scenes.push(scene)
        app.render()
    return app


def save_shot(name: str, size: tuple[int, int], out: Path) -> Path:
    image = render_shot(name, size)
    out.parent.mkdir(parents=True, exist_ok=True)
    pygame.image.save(image, str(out))
    return out
