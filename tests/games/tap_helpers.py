"""Building tap rounds for tests."""

from games.tap.model import make_model
from games.tap.params import PARAMS
from tests.games.fixed import fixed_round


def tap_round(layout="ring", hand="right", self_paced=False, seed=1, **params):
    return fixed_round("tap", PARAMS, make_model, {"layout": layout, **params}, seed=seed,
                       hand=hand, self_paced=self_paced)


def shown(model):
    """Let time run until the next target is on screen; returns it."""
    model.tick(model.next_change_ms())
    assert model.target is not None
    return model.target
