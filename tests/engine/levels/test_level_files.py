"""Level files: valid ones parse into frozen dataclasses; every mistake is one clear line."""

import dataclasses
import textwrap
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from engine.levels.schema import LevelError, ParamSpec, load_levels, parse_levels
from games.registry import all_specs, available

SPECS = {
    "width_mm": ParamSpec(float, 3, 80, default=20.0, harder="smaller"),
    "distance_mm": ParamSpec(float, 10, 200, default=60.0, harder="larger"),
    "layout": ParamSpec(str, choices=("ring", "random")),
    "trials": ParamSpec(int, 1, 100, default=20),
    "time_limit_ms": ParamSpec(float, 0, 20000, default=0.0, harder="smaller"),
}

GOOD = """
game = "demo"
[checkup]
name = "Check-up"
description = "Same every week."
params = { layout = "ring", width_mm = 14 }

[[levels]]
id = "one"
name = "One"
description = "First."
params = { layout = "ring" }
unlock = { success = 0.75, at = 0.5, rounds = 2, of_last = 4 }

[levels.adapt]
param = "width_mm"
easy = 30
hard = 8
step = 1.1
scale = "log"
linked = { time_limit_ms = [3000, 1000] }

[[levels]]
id = "two"
name = "Two"
description = "Second."
params = { layout = "random", distance_mm = 90 }
"""


def write(tmp_path, text):
    path = tmp_path / "demo.toml"
    path.write_text(textwrap.dedent(text))
    return path


def test_a_good_file_parses_into_frozen_levels(tmp_path):
    levels = load_levels(write(tmp_path, GOOD), SPECS, "demo")
    one, two = levels.levels
    assert one.adapt.param == "width_mm" and one.adapt.first == 30 and one.unlock.of_days == 4
    assert two.adapt is None and two.params["distance_mm"] == 90 and two.params["trials"] == 20
    assert levels.checkup.checkup and levels.checkup.params["width_mm"] == 14
    values = one.values(one.adapt.easy * 0 + 8.0)
    assert values["width_mm"] == 8.0 and values["time_limit_ms"] == pytest.approx(1000)
    with pytest.raises(dataclasses.FrozenInstanceError):
        one.id = "x"


@pytest.mark.parametrize("change, message", [
    (('params = { layout = "ring" }', 'params = { layout = "ring", widht_mm = 3 }'),
     "level 'one': key 'params.widht_mm': unknown key (did you mean 'width_mm'?)"),
    (('params = { layout = "random", distance_mm = 90 }',
      'params = { layout = "random", distance_mm = "far" }'),
     "level 'two': key 'params.distance_mm': expected a number from 10 to 200, got 'far'"),
    (("distance_mm = 90", "distance_mm = 900"),
     "level 'two': key 'params.distance_mm': expected a number from 10 to 200, got 900"),
    (("easy = 30\nhard = 8", "easy = 8\nhard = 30"),
     "level 'one': key 'adapt.easy': the easy bound (8) is harder than the hard one (30)"),
    (('id = "two"', 'id = "one"'), "level 'one': key 'id': is used twice"),
    (("unlock = { success = 0.75", "unlok = { success = 0.75"),
     "level 'one': key 'unlok': unknown key (did you mean 'unlock'?)"),
    (('layout = "random"', 'layout = "spiral"'),
     "key 'params.layout': expected one of ring, random, got 'spiral'"),
    (('game = "demo"', 'game = "other"'), "key 'game': expected 'demo', got 'other'"),
    (('[checkup]', '[chekup]'), "key 'chekup': unknown key (did you mean 'checkup'?)"),
    (('step = 1.1', 'step = "big"'), "key 'adapt.step': expected a number"),
    (('params = { layout = "ring" }\nunlock', 'params = { }\nunlock'),
     "level 'one': key 'params.layout': is missing"),
])
def test_mistakes_give_one_line_naming_file_level_and_key(tmp_path, change, message):
    path = write(tmp_path, GOOD.replace(*change, 1))
    with pytest.raises(LevelError) as error:
        load_levels(path, SPECS, "demo")
    text = str(error.value)
    assert "\n" not in text and text.startswith(str(path)) and message in text


def test_broken_toml_is_one_line(tmp_path):
    with pytest.raises(LevelError, match="not valid TOML"):
        load_levels(write(tmp_path, "game = \n"), SPECS)
    with pytest.raises(LevelError, match="no such level file"):
        load_levels(tmp_path / "none.toml", SPECS)


def test_every_shipped_level_file_is_valid():
    for game in all_specs():
        levels = game.levels
        assert levels.levels and levels.checkup.checkup
        assert all(level.adapt is not None for level in levels.levels), game.id


def test_a_broken_file_makes_only_that_game_unavailable(tmp_path, monkeypatch):
    root = tmp_path / "res"
    (root / "levels").mkdir(parents=True)
    (root / "assets").symlink_to(Path(__file__).resolve().parents[3] / "assets")
    (root / "levels" / "tap.toml").write_text('game = "tap"\nlevels = 3\n')
    monkeypatch.setenv("DEFTLY_RESOURCES", str(root))
    fresh = [dataclasses.replace(s) for s in all_specs()]
    monkeypatch.setattr("games.registry.all_specs", lambda: fresh)
    (tap,) = [a for a in available() if a.spec.id == "tap"]
    assert tap.levels is None and "levels" in tap.problem and "\n" not in tap.problem


def test_parse_levels_accepts_a_dict():
    data = {"game": "demo", "checkup": {"name": "C", "description": "d",
                                        "params": {"layout": "ring"}},
            "levels": [{"id": "a", "name": "A", "description": "a",
                        "params": {"layout": "ring"}}]}
    assert parse_levels(data, SPECS, Path("x.toml")).levels[0].id == "a"


def _level_data(game: str) -> dict:
    import tomllib

    from engine.resources import resource_path

    return tomllib.loads(resource_path("levels", f"{game}.toml").read_text("utf-8"))


def _places(data, path=()):
    """Every key path in parsed TOML data."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield (*path, key)
            yield from _places(value, (*path, key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield (*path, i)
            yield from _places(value, (*path, i))


BAD_VALUES = st.one_of(st.none(), st.booleans(), st.integers(-10**400, 10**400),
                       st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=5),
                       st.lists(st.integers(), max_size=3),
                       st.dictionaries(st.text(max_size=3), st.integers(), max_size=2))


@settings(max_examples=300, deadline=None)
@given(st.sampled_from([s.id for s in all_specs()]), st.data())
def test_any_one_bad_value_anywhere_is_one_line_never_a_crash(game, data):
    import copy

    level_data = _level_data(game)
    places = sorted(_places(level_data), key=str)
    place = data.draw(st.sampled_from(places))
    broken = copy.deepcopy(level_data)
    holder = broken
    for step in place[:-1]:
        holder = holder[step]
    if data.draw(st.booleans()) and isinstance(holder, dict):
        del holder[place[-1]]
    else:
        holder[place[-1]] = data.draw(BAD_VALUES)
    spec = next(s for s in all_specs() if s.id == game)
    try:
        parse_levels(broken, spec.params, Path(f"{game}.toml"), game)
    except LevelError as error:
        assert "\n" not in str(error) and len(str(error)) < 400


def test_a_level_may_not_take_the_checkups_id():
    data = _level_data("tap")
    data["levels"][0]["id"] = data["checkup"].get("id", "checkup")
    spec = next(s for s in all_specs() if s.id == "tap")
    with pytest.raises(LevelError, match="check-up's id"):
        parse_levels(data, spec.params, Path("tap.toml"), "tap")


def test_a_broken_level_file_is_one_line_in_sim_and_named_by_doctor(tmp_path):
    import os
    import shutil
    import subprocess
    import sys

    from engine.resources import resource_path

    root = tmp_path / "resources"
    for part in ("levels", "assets"):
        shutil.copytree(resource_path(part), root / part)
    tap = root / "levels" / "tap.toml"
    tap.write_text(tap.read_text("utf-8").replace("target_success = 0.8",
                                                  "target_success = 1" + "0" * 400))
    env = {**os.environ, "DEFTLY_RESOURCES": str(root), "SDL_VIDEODRIVER": "dummy",
           "SDL_AUDIODRIVER": "dummy"}
    sim = subprocess.run([sys.executable, "-m", "deftly", "sim", "--game", "tap"],
                         capture_output=True, text=True, env=env)
    assert sim.returncode == 1 and "Traceback" not in sim.stderr
    (line,) = sim.stderr.strip().splitlines()
    assert "tap.toml" in line and "target_success" in line and len(line) < 300
    doctor = subprocess.run([sys.executable, "-m", "deftly", "doctor", "--data-dir",
                             str(tmp_path / "data")], capture_output=True, text=True, env=env)
    assert doctor.returncode == 0 and "Tap the dots cannot be played" in doctor.stdout
