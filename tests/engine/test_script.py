"""The scripted-touch helper itself."""

import itertools

from engine.input.script import finger, merge
from engine.touch import Phase


def test_a_story_reads_in_order_and_samples_moves():
    story = finger(1).down(40, 30).move_to(80, 30, ms=300).up()
    touches = story.touches
    assert touches[0].phase is Phase.DOWN and touches[-1].phase is Phase.UP
    moves = [t for t in touches if t.phase is Phase.MOVE]
    assert len(moves) == round(300 / 8)
    assert moves[-1].x_mm == 80 and touches[-1].t_ms == 300
    assert all(b.t_ms > a.t_ms for a, b in itertools.pairwise(moves))


def test_merge_interleaves_fingers_by_time():
    touches = merge(finger(1).down(0, 0).wait(10).up(), finger(2, at=5).down(1, 1).up())
    assert [(t.finger, t.t_ms) for t in touches] == [(1, 0), (2, 5), (2, 5), (1, 10)]
