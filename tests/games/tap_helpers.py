"""Building tap rounds for tests."""

from engine.game import RoundSetup
from engine.levels.difficulty import Fixed
from engine.levels.schema import Level
from games.tap.model import make_model
from games.tap.params import PARAMS


def tap_round(layout="ring", hand="right", self_paced=False, seed=1, **params):
    values = {name: spec.default for name, spec in PARAMS.items() if spec.default is not None}
    values.update(layout=layout, **params)
    level = Level("tap", "test", "Test", "", values)
    setup = RoundSetup("tap", "test", seed, hand, "training", 200.0, 120.0, self_paced)
    return make_model(setup, Fixed(level))


def shown(model):
    """Let time run until the next target is on screen; returns it."""
    model.tick(model.next_change_ms())
    assert model.target is not None
    return model.target
