"""The most fingers seen at once: kept in the data folder, shown by `deftly doctor`."""

from datetime import UTC, datetime

from deftly import touch_seen
from deftly.doctor import _fingers_seen

NOW = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)


def test_a_new_most_is_kept_and_a_smaller_one_never_replaces_it(tmp_path):
    assert touch_seen.load(tmp_path) is None
    assert touch_seen.note(tmp_path, 5, NOW)
    assert not touch_seen.note(tmp_path, 3, NOW)
    assert not touch_seen.note(tmp_path, 0, NOW)
    assert touch_seen.load(tmp_path) == touch_seen.TouchSeen(5, "2026-03-02T10:00:00+00:00")
    assert "at most 5 seen" in _fingers_seen(tmp_path)


def test_a_damaged_statistic_reads_as_nothing_seen_and_is_replaced(tmp_path):
    (tmp_path / touch_seen.FILE).write_text("{not json", "utf-8")
    assert touch_seen.load(tmp_path) is None
    assert "none seen yet" in _fingers_seen(tmp_path)
    assert touch_seen.note(tmp_path, 2, NOW) and touch_seen.load(tmp_path).most_fingers == 2


def test_a_folder_that_cannot_be_written_loses_nothing_but_the_statistic(tmp_path, monkeypatch):
    def refuse(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(touch_seen, "write_atomic", refuse)
    assert not touch_seen.note(tmp_path, 4, NOW)
    assert touch_seen.load(tmp_path) is None
