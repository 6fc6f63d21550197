"""The round's scheduler on model time, and what RoundModel builds on it."""

from engine.game import RoundModel, RoundSetup
from engine.levels.difficulty import Fixed
from engine.levels.schema import Level
from engine.schedule import Schedule


def run_due(schedule, t_ms):
    """Run everything due by `t_ms`, as a model's tick does."""
    while (due := schedule.pop_due(t_ms)) is not None:
        due.run()


def test_actions_run_in_time_order_and_equal_times_in_the_order_scheduled():
    schedule, ran = Schedule(), []
    for t, name in [(30.0, "c"), (10.0, "a"), (20.0, "b1"), (20.0, "b2"), (20.0, "b3")]:
        schedule.schedule(t, lambda at, name=name: ran.append((name, at)))
    assert schedule.next_ms() == 10.0
    run_due(schedule, 100.0)
    assert ran == [("a", 10.0), ("b1", 20.0), ("b2", 20.0), ("b3", 20.0), ("c", 30.0)]
    assert schedule.next_ms() is None


def test_a_tick_runs_only_what_is_due_by_then_including_its_own_instant():
    schedule, ran = Schedule(), []
    for t in (5.0, 10.0, 10.5):
        schedule.schedule(t, ran.append)
    run_due(schedule, 10.0)
    assert ran == [5.0, 10.0]
    assert schedule.next_ms() == 10.5
    run_due(schedule, 10.4)
    assert ran == [5.0, 10.0]


def test_cancelled_by_handle_or_by_key_never_runs():
    schedule, ran = Schedule(), []
    first = schedule.schedule(10.0, lambda at: ran.append("first"))
    schedule.schedule(20.0, lambda at: ran.append("keyed"), key="end")
    schedule.schedule(30.0, lambda at: ran.append("last"))
    first.cancel()
    schedule.cancel("end")
    schedule.cancel("no such key")           # nothing to cancel: fine
    assert not first.pending and schedule.get("end") is None
    assert schedule.next_ms() == 30.0
    run_due(schedule, 100.0)
    assert ran == ["last"]


def test_a_key_names_one_action_and_scheduling_again_replaces_it():
    schedule, ran = Schedule(), []
    old = schedule.schedule(10.0, lambda at: ran.append(("old", at)), key="idle")
    new = schedule.schedule(25.0, lambda at: ran.append(("new", at)), key="idle")
    assert not old.pending and new.pending and schedule.get("idle") is new
    assert schedule.next_ms() == 25.0
    run_due(schedule, 100.0)
    assert ran == [("new", 25.0)]
    assert not new.pending and schedule.get("idle") is None
    new.cancel()                               # after it ran: no effect
    assert schedule.next_ms() is None


def test_an_action_may_schedule_more_which_run_in_the_same_tick_when_due():
    schedule, ran = Schedule(), []

    def chain(at):
        ran.append(at)
        if at < 40.0:
            schedule.schedule(at + 10.0, chain)

    schedule.schedule(10.0, chain)
    schedule.schedule(25.0, lambda at: ran.append(("other", at)))
    run_due(schedule, 35.0)
    assert ran == [10.0, 20.0, ("other", 25.0), 30.0]
    assert schedule.next_ms() == 40.0
    run_due(schedule, 100.0)
    assert ran == [10.0, 20.0, ("other", 25.0), 30.0, 40.0]


def test_an_action_scheduled_for_now_by_another_runs_after_those_already_due_then():
    schedule, ran = Schedule(), []
    schedule.schedule(10.0, lambda at: (ran.append("a"),
                                        schedule.schedule(at, lambda t: ran.append("a+"))))
    schedule.schedule(10.0, lambda at: ran.append("b"))
    run_due(schedule, 10.0)
    assert ran == ["a", "b", "a+"]


def test_an_action_may_cancel_another_due_at_the_same_time():
    schedule, ran = Schedule(), []
    schedule.schedule(10.0, lambda at: (ran.append("a"), schedule.cancel("b")))
    schedule.schedule(10.0, lambda at: ran.append("b"), key="b")
    run_due(schedule, 10.0)
    assert ran == ["a"] and schedule.next_ms() is None


def test_clear_drops_everything():
    schedule = Schedule()
    handle = schedule.schedule(1.0, print, key="k")
    schedule.clear()
    assert schedule.next_ms() is None and not handle.pending and schedule.get("k") is None


# -- RoundModel -------------------------------------------------------------------------

class Counting(RoundModel):
    """A model that only keeps time: it notes each action with the model's time then."""

    total = 2

    def __init__(self):
        level = Level("g", "l", "L", "", {})
        super().__init__(RoundSetup("g", "l", 1), Fixed(level))
        self.log = []

    def note(self, name):
        return lambda at: self.log.append((name, at, self.now))


def test_a_model_ticking_past_several_actions_runs_each_at_its_own_time():
    model = Counting()
    model.schedule(300.0, model.note("c"))
    model.schedule(100.0, model.note("a"))
    model.schedule(200.0, model.note("b"))
    assert model.next_change_ms() == 100.0
    model.tick(250.0)
    assert model.log == [("a", 100.0, 100.0), ("b", 200.0, 200.0)]
    assert model.now == 250.0 and model.next_change_ms() == 300.0
    model.tick(1000.0)
    assert model.log[-1] == ("c", 300.0, 300.0) and model.now == 1000.0
    assert model.next_change_ms() is None


def test_a_model_cancels_by_handle_or_key_and_can_ask_what_is_pending():
    model = Counting()
    handle = model.schedule(100.0, model.note("a"))
    model.schedule(200.0, model.note("b"), key="end")
    assert model.scheduled("end") is not None
    model.cancel(handle)
    model.cancel("end")
    assert model.scheduled("end") is None and model.next_change_ms() is None
    model.tick(500.0)
    assert model.log == []


def test_an_action_due_in_the_past_runs_at_once_with_its_own_time():
    model = Counting()
    model.tick(500.0)
    model.schedule(100.0, model.note("late"))
    model.tick(500.0)
    assert model.log == [("late", 100.0, 500.0)]   # the model's time never goes back


def test_record_moves_the_staircase_keeps_the_trial_and_ends_the_round():
    model = Counting()
    updates = []
    model.difficulty.update = updates.append
    assert model.record({"success": True, "level_value": 1.0})
    assert model.progress() == (1, 2) and not model.finished
    assert not model.record({"success": False, "level_value": 1.0, "counts_for_staircase": False})
    assert updates == [True]                           # the second does not count
    assert model.finished and model.progress() == (2, 2)
    assert [t["success"] for t in model.results] == [True, False]
    assert [t["success"] for t in model.take_trials()] == [True, False]
    assert model.take_trials() == []


def test_a_finished_model_runs_nothing_more_and_expects_no_change():
    model = Counting()
    model.schedule(100.0, lambda at: (model.record({"success": True, "level_value": 1.0}),
                                      model.record({"success": True, "level_value": 1.0})))
    model.schedule(100.0, model.note("after the end"))
    model.tick(200.0)
    assert model.finished and model.log == [] and model.next_change_ms() is None
