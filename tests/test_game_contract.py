"""Every registered game passes through the whole product with no game-specific code: played
by simulation for each patient preset, its results screen, trends, report page, trial table
and a replay, and its shots. A minimal example game from outside `games/` (in
tests/example_game, found through its `.dist-info` the way an installed package is) takes
part and appears on the home screen without any edit outside its own files."""

from __future__ import annotations

import importlib
import math
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader

from deftly.context import Shell
from deftly.launch import headless_app
from deftly.report import write_report
from deftly.results_format import result_lines
from deftly.scenes.home import HomeScene
from deftly.scenes.replay import replay_scene
from deftly.scenes.results import ResultsScene
from deftly.scenes.therapist.area import TherapistArea
from deftly.scenes.therapist.session import MAX_COLUMNS, SessionScene, _metric_title
from engine.clock import ManualClock, SetWallClock
from engine.i18n import t
from engine.progress import PlayerProgress
from engine.rounds import replay_model
from engine.scene import Scene
from engine.sim.hand import PRESETS, SimPatient
from engine.sim.session import play
from engine.spec import GameSpec, Shows
from engine.store.recording import read_recording
from engine.store.store import Store
from engine.testing.pilot import Pilot
from engine.trial import trial_problems
from engine.ui.draw import recording_text
from games import registry

EXAMPLE = Path(__file__).parent / "example_game"


@contextmanager
def example_installed() -> Iterator[None]:
    """The example game's folder on sys.path: importlib.metadata finds its entry point."""
    sys.path.insert(0, str(EXAMPLE))
    importlib.invalidate_caches()
    registry._discovered.cache_clear()
    try:
        yield
    finally:
        sys.path.remove(str(EXAMPLE))
        for name in [m for m in sys.modules if m.startswith("deftly_example_hold")]:
            del sys.modules[name]
        registry._discovered.cache_clear()


with example_installed():
    GAMES = [spec.id for spec in registry.all_specs()]


@pytest.fixture(scope="module", autouse=True)
def _example():
    with example_installed():
        yield


def test_the_example_game_is_found_as_an_installed_package_would_be():
    assert "hold" in GAMES and {"tap", "trace", "pinch"} <= set(GAMES)
    assert registry.discovery_problems() == []
    hold = registry.spec("hold")
    assert hold.name == "Hold the circle" and hold.levels.get("steady") is not None


@pytest.mark.parametrize("game", GAMES)
def test_every_text_the_spec_names_is_in_the_strings(game):
    from engine.i18n import catalogue

    spec = registry.spec(game)
    keys = [f"{game}.name", f"{game}.short", f"{game}.blurb",
            *(m.label for m in spec.metrics), *(m.text for m in spec.metrics if m.text),
            *(m.praise.text for m in spec.metrics if m.praise), *(v.label for v in spec.variants),
            *(m.group for m in spec.metrics if m.group), *([spec.note] if spec.note else [])]
    assert [key for key in keys if key not in catalogue()] == []


@pytest.mark.parametrize("preset", sorted(PRESETS))
@pytest.mark.parametrize("game", GAMES)
def test_every_preset_plays_every_level_and_fills_the_trial_base(game, preset):
    spec = registry.spec(game)
    hand = PRESETS[preset]
    variant = spec.sim_variant(hand)
    assert variant in {v.id for v in spec.variants}
    from engine.progress import MemoryBackend

    for n, level in enumerate([*spec.levels.levels, spec.levels.checkup]):
        progress = PlayerProgress(MemoryBackend(), "p", game, "right", spec.levels, variant)
        mode = "checkup" if level is spec.levels.checkup else "training"
        result = play(spec, level.id, SimPatient(hand, n), progress, n, mode=mode,
                      variant=variant)
        assert result.trials, f"{game}/{level.id}: no trials"
        assert [p for tr in result.trials if (p := trial_problems(tr))] == []
        rate = result.summary.get("success_rate")
        assert isinstance(rate, float) and 0.0 <= rate <= 1.0


@pytest.fixture(scope="module")
def played(tmp_path_factory):
    """Per game: a player with a check-up, a round of every level (each kind of exercise
    reaches the trends) and a day at the current level."""
    out = {}
    for game in GAMES:
        spec = registry.spec(game)
        clock = SetWallClock(datetime(2026, 3, 2, 10, tzinfo=UTC))
        store = Store.open(tmp_path_factory.mktemp(game), clock=clock)
        profile = store.add_profile("Ann", affected_hand="right")
        variant = spec.sim_variant(PRESETS["mild"])
        progress = PlayerProgress(store, profile.id, game, "right", spec.levels, variant)
        results = []
        days = [("checkup", spec.levels.checkup.id)] + \
            [("training", level.id) for level in spec.levels.levels] + [("training", "")]
        for day, (mode, level_id) in enumerate(days):
            clock.set(clock() + timedelta(days=1))
            level = level_id or progress.current().id
            results.append(play(spec, level, SimPatient(PRESETS["mild"], day), progress,
                                day, mode=mode, store=store, variant=variant))
        out[game] = (store, profile, results)
    yield out
    for store, _, _ in out.values():
        store.close()


def _drawn(store: Store, scene_for, size=(1280, 800)) -> tuple[Scene, list[str]]:
    app = headless_app(size)
    shell = Shell(store, "test")
    shell.profile = store.profiles()[0]
    scene = scene_for(shell)
    app.scenes.push(scene)
    with recording_text() as texts:
        app.render()
    return scene, [d.text for d in texts]


def _number_with(unit: str, texts: list[str]) -> bool:
    """Some text shows a number followed by `unit` ("84 %", "1.2 s")."""
    pattern = re.compile(rf"\d\s?{re.escape(unit)}(?![\w/])")
    return any(pattern.search(text) for text in texts)


def _with_unit(spec: GameSpec, texts: list[str], summary: dict) -> list[str]:
    """Result metrics whose value is there but whose label, value or unit is not shown."""
    missing = []
    kind = str(summary.get("layout") or summary.get("kind") or "")
    for metric in spec.shown(Shows.RESULTS, kind):
        value = metric.result_text(summary)
        if value is None:
            continue
        if t(metric.label) not in texts or not any(value in text for text in texts):
            missing.append(f"{metric.key}: {t(metric.label)!r} {value!r} not shown")
        elif metric.unit and not _number_with(metric.unit, [value]):
            missing.append(f"{metric.key}: {value!r} has no unit {metric.unit!r}")
    return missing


@pytest.mark.parametrize("game", GAMES)
def test_the_results_screen_shows_every_result_metric_with_its_unit(game, played):
    store, _, results = played[game]
    spec = registry.spec(game)
    result = results[-1]
    _, texts = _drawn(store, lambda shell: ResultsScene(shell, result, [r.summary for r in
                                                                         results[:-1]],
                                                        animate=False))
    assert result_lines(spec, result.summary), "the results screen shows none of its numbers"
    assert _with_unit(spec, texts, result.summary) == []
    assert any(t("results.title") in text for text in texts)


@pytest.mark.parametrize("game", GAMES)
def test_the_trends_show_every_trend_metric_and_the_report_has_its_page(game, played,
                                                                       tmp_path):
    store, profile, _ = played[game]
    spec = registry.spec(game)
    app = headless_app((1280, 800))
    shell = Shell(store, "test")
    shell.profile = profile
    area = TherapistArea(shell, profile, "trends")
    app.scenes.push(area)
    pilot = Pilot(app, app.clock if isinstance(app.clock, ManualClock) else None)
    pilot.run(50)
    texts: list[str] = []
    for _ in range(len(spec.shown(Shows.TRENDS))):   # every page of charts
        with recording_text() as drawn:
            app.render()
        texts += [d.text for d in drawn]
        more_charts = t("trend.more_charts", page="", pages="").split("(")[0]
        more = [b for b in pilot.buttons() if b.label.startswith(more_charts)]
        if not more:
            break
        pilot.tap_button(more[0])
        pilot.run(50)
    for metric in spec.shown(Shows.TRENDS):
        assert any(t(metric.label) in text for text in texts), (metric.key, texts)
        if metric.unit:      # (a unitless index shows as a plain number: nothing to find)
            assert _number_with(metric.unit, texts), (metric.key, metric.unit, texts)
    (pdf,) = write_report(store, profile, tmp_path / "report.pdf")
    pages = [p.extract_text() for p in PdfReader(pdf).pages]
    weeks = next(i for i, p in enumerate(pages) if "week by week" in p)
    page = "\n".join(pages[1:weeks + 1])    # the charts, then the weeks (the units)
    assert spec.name in page
    for metric in spec.shown(Shows.TRENDS):
        assert t(metric.label) in " ".join(page.split()), metric.key
        assert not metric.unit or f"({metric.unit})" in page.replace("\n", " "), metric.key
    assert "()" not in page


@pytest.mark.parametrize("game", GAMES)
def test_the_trial_table_and_a_replay_of_a_round(game, played):
    store, profile, _ = played[game]
    spec = registry.spec(game)
    session = store.sessions(profile.id, game)[-1]
    trials = store.trials(str(session["id"]), session)
    _, texts = _drawn(store, lambda shell: SessionScene(shell, session))
    shown = [m for m in spec.shown(Shows.TRIALS)
             if any(isinstance(tr.get(m.key), (int, float)) for tr in trials)]
    titles = [_metric_title(m) for m in shown][:MAX_COLUMNS - 1]   # after the adapted value
    assert titles and all(title in texts for title in titles), (titles, texts)
    assert all(f"({m.unit})" in _metric_title(m) for m in shown if m.unit)
    recording = read_recording(store.recording_path(session))
    _, replayed = replay_model(spec, recording.header, recording.touches, recording.end_ms)
    def outcome(trial: dict) -> tuple:
        value = trial.get("level_value")   # NaN is stored as null
        return trial["success"], None if value is None or math.isnan(value) else value

    assert [outcome(tr) for tr in replayed] == [outcome(tr) for tr in trials]
    _, texts = _drawn(store, lambda shell: replay_scene(spec, recording))
    assert any(spec.short_name in text for text in texts)


@pytest.mark.parametrize("game", GAMES)
def test_the_home_screen_offers_the_game_and_its_shots_render(game, played):
    store, _, _ = played[game]
    spec = registry.spec(game)
    home, texts = _drawn(store, HomeScene, size=(1920, 1200))
    if not any(spec.name in text for text in texts):   # too many games: the Games screen
        assert isinstance(home, HomeScene)
        home.app.scenes.push(home.games_chooser())
        with recording_text() as drawn:
            home.app.render()
        texts = [d.text for d in drawn]
    assert any(spec.name in text for text in texts), texts
    from deftly.shots import all_shots, render_shot_with_text

    names = [name for name in all_shots() if name == game or name.startswith(f"{game}-")]
    assert len(names) == len(spec.shots) + 1 >= 2          # its own, and its demonstration
    assert f"{game}-demo" in names
    for name in names:
        image, drawn = render_shot_with_text(name, (800, 480))
        assert image.get_size() == (800, 480) and drawn
