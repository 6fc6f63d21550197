"""Deleting a player erases them from every file of the folder at once."""

from deftly.cli import main
from engine.store.store import Store
from tests.engine.store.helpers import play_round

NAME = "Annabelle Zwickmaier"


def mentions(folder, *marks):
    """Files of the folder that still hold one of `marks` (other than a drop record)."""
    found = []
    for path in folder.rglob("*"):
        if not path.is_file() or path.name == "deftly.lock":
            continue
        for line in path.read_bytes().split(b"\n"):
            if line.startswith(b'{"op":"drop"'):
                continue
            if any(m.encode() in line for m in marks):
                found.append(str(path.relative_to(folder)))
                break
    return found


def two_players(folder):
    with Store.open(folder) as s:
        ann = s.add_profile(NAME)
        bo = s.add_profile("Bo")
        for _ in range(3):
            play_round(s, ann.id, trials=3)
            play_round(s, bo.id, trials=3)
        s.update_profile(s.profile(ann.id))   # another put with her name
    (folder / "damaged").mkdir()
    (folder / "damaged" / "db__core.json.old").write_text(
        f'{{"profiles": {{"1": {{"key": "{ann.id}", "name": "{NAME}"')
    return ann.id, bo.id


def test_deleting_a_player_leaves_no_trace_in_any_file(tmp_path, capsys):
    folder = tmp_path / "data"
    ann, bo = two_players(folder)
    assert mentions(folder, ann, NAME)           # before: her name is in many files
    assert main(["profiles", "delete", NAME, "--yes", "--data-dir", str(folder)]) == 0
    assert mentions(folder, ann, NAME) == []
    with Store.open(folder) as s:
        assert [p.name for p in s.profiles()] == ["Bo"]
        assert len(s.sessions(bo)) == 3 and all(len(s.trials(d["id"])) == 3
                                                 for d in s.sessions(bo))


def test_an_erasure_cut_short_is_finished_at_the_next_opening(tmp_path, monkeypatch):
    folder = tmp_path / "data"
    ann, _ = two_players(folder)
    monkeypatch.setattr(Store, "forget", lambda self, *marks: None)   # killed right after
    with Store.open(folder) as s:
        s.delete_profile(ann)
    monkeypatch.undo()
    assert mentions(folder, ann)
    Store.open(folder).close()
    assert mentions(folder, ann) == []
