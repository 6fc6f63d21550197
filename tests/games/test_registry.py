"""Games are found through the `deftly.games` entry points, not a list in the shell."""

from importlib.metadata import EntryPoint, entry_points

import pytest

from games import registry


@pytest.fixture
def fresh_discovery():
    registry._discovered.cache_clear()
    yield
    registry._discovered.cache_clear()


def test_the_installed_games_are_the_entry_points_in_their_order(fresh_discovery):
    names = {p.name for p in entry_points(group=registry.ENTRY_POINTS)}
    specs = registry.all_specs()
    assert names == {s.id for s in specs} >= {"tap", "trace", "pinch"}
    assert [s.order for s in specs] == sorted(s.order for s in specs)
    assert registry.discovery_problems() == []


def test_a_broken_game_is_one_line_and_the_others_still_load(fresh_discovery, monkeypatch):
    good = list(entry_points(group=registry.ENTRY_POINTS))
    bad = [EntryPoint("nope", "games.no_such_game.spec:SPEC", registry.ENTRY_POINTS),
           EntryPoint("odd", "games.registry:ENTRY_POINTS", registry.ENTRY_POINTS),
           EntryPoint("again", "games.tap.spec:SPEC", registry.ENTRY_POINTS)]
    monkeypatch.setattr(registry, "entry_points", lambda group: [*good, *bad])
    assert {s.id for s in registry.all_specs()} == {p.name for p in good}
    problems = registry.discovery_problems()
    assert len(problems) == 3 and all("\n" not in p for p in problems)
    assert any("'nope' could not be loaded" in p for p in problems)
    assert any("is not a GameSpec" in p for p in problems)
    assert any("registered twice" in p for p in problems)


def test_a_source_checkout_without_metadata_finds_the_game_packages(fresh_discovery,
                                                                     monkeypatch):
    monkeypatch.setattr(registry, "entry_points", lambda group: [])
    assert [s.id for s in registry.all_specs()][:3] == ["tap", "trace", "pinch"]
