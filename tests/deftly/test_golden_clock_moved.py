"""Shots are a pure function of the code: with the machine's clock moved years ahead, to
just before midnight in a zone behind UTC, every golden screen renders the same pixels
and the same text (its demo data simulated again under that clock)."""

import os

import pytest

from deftly.demo import templates_built_anew
from deftly.shots import render_shot_with_text
from tests.golden_scenes import ALL, golden_name
from tests.goldens import assert_matches_golden
from tests.moved_clock import FAR_AWAY, clock_moved_to

pytestmark = [pytest.mark.slow, pytest.mark.skipif(
    os.environ.get("DEFTLY_REGEN_GOLDEN") == "1",
    reason="`make golden` writes the goldens; `make test` compares them")]


@pytest.fixture(scope="module")
def far_away():
    with clock_moved_to(FAR_AWAY), templates_built_anew():
        yield


@pytest.mark.parametrize(("scene", "size"), ALL, ids=[golden_name(*p) for p in ALL])
def test_golden_with_the_clock_moved(far_away, scene, size):
    image, texts = render_shot_with_text(scene, size)
    assert_matches_golden(image, golden_name(scene, size), texts)
