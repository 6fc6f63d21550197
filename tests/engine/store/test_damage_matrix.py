"""Every kind of file in the data folder, damaged every way: no traceback, one sentence,
and no trial lost (a newer version is refused with nothing changed)."""

import pathlib
import shutil

import pytest

from deftly.cli import main
from engine.store import store as store_module

KINDS = ["empty", "truncated", "garbage", "wrong shape", "newer version", "directory",
         "unreadable"]


def _files(folder):
    """The files of a used data folder, by the name the matrix gives them."""
    db = folder / "db"
    (profile,) = list((db / "sessions").iterdir())
    archives = sorted((folder / "journal-archive").glob("*.jsonl"))
    return {
        "core": db / "core.json", "core backup": db / "core.json.bak",
        "core history": db / "core-history.jsonl",
        "sessions": next(profile.glob("*.json")),
        "sessions backup": next(profile.glob("*.json.bak")),
        "trials": next((db / "trials" / profile.name).glob("*.json")),
        "journal": folder / "journal.jsonl", "journal archive": archives[-1],
        "recording": next((folder / "recordings" / profile.name).glob("*.gz")),
    }


@pytest.fixture(scope="module")
def used_folder(tmp_path_factory):
    folder = tmp_path_factory.mktemp("template") / "data"
    assert main(["sim", "--game", "tap", "--rounds", "3", "--save", "--profile", "Ann",
                 "--data-dir", str(folder)]) == 0
    # a round begun and not ended leaves records in the journal
    s = store_module.Store.open(folder)
    ann = s.find_profile("Ann")
    session = s.begin_session(ann.id, "tap", "big", hand="right")
    s.add_trial(session, 0, {"success": True, "level_value": 1.0})
    s._journal.close()
    s._lock.release()
    return folder


def damage(path: pathlib.Path, kind: str, monkeypatch) -> None:
    raw = path.read_bytes() if path.is_file() else b""
    if kind == "empty":
        path.write_bytes(b"")
    elif kind == "truncated":
        path.write_bytes(raw[: max(1, len(raw) // 3)])
    elif kind == "garbage":
        path.write_bytes(bytes((i * 37 + 11) % 256 for i in range(400)))
    elif kind == "wrong shape":
        path.write_bytes(b'{"op":"session","doc":{}}\n' if path.suffix == ".jsonl"
                         else b'{"sessions": [1, 2, 3], "meta": {"1": {"version": "one"}}}')
    elif kind == "newer version":
        text = raw.decode("utf-8", "replace").replace('"version":1', '"version":99')
        path.write_text(text, encoding="utf-8")
    elif kind == "directory":
        path.unlink()
        path.mkdir()
        (path / "inside").write_text("x")
    elif kind == "unreadable":
        real = pathlib.Path.read_bytes

        def refuse(self):
            if self == path:
                raise PermissionError(13, "Permission denied", str(self))
            return real(self)

        monkeypatch.setattr(pathlib.Path, "read_bytes", refuse)


def trials_exported(folder, out, capsys):
    code = main(["export", "--profile", "Ann", "--out", str(out), "--data-dir", str(folder)])
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    if code != 0:
        return code, None, captured.err
    rows = (out / "trials.csv").read_text(encoding="utf-8").splitlines() \
        if (out / "trials.csv").exists() else []
    return code, len(rows), captured.err


@pytest.mark.slow
@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("which", ["core", "core backup", "core history", "sessions",
                                   "sessions backup", "trials", "journal",
                                   "journal archive", "recording"])
def test_damage_is_survived_in_one_sentence(used_folder, tmp_path, which, kind, monkeypatch,
                                            capsys):
    folder, reference = tmp_path / "data", tmp_path / "reference"
    shutil.copytree(used_folder, folder)
    shutil.copytree(used_folder, reference)
    _, before, _ = trials_exported(reference, tmp_path / "before", capsys)
    target = _files(folder)[which]
    damage(target, kind, monkeypatch)
    code, after, err = trials_exported(folder, tmp_path / "after", capsys)
    lines = [line for line in err.splitlines() if line.strip()]
    assert all(line.startswith("deftly: ") for line in lines), err
    if kind == "newer version" and which == "core":
        assert code == 1 and "newer Deftly" in err
        return
    assert code == 0, err
    # no trial lost, but for the one trial of a round still being played when the journal,
    # its only copy, was damaged
    assert after == before or (which == "journal" and after == before - 1), err
    for args in (["profiles", "list"], ["doctor"],
                 ["sim", "--game", "tap", "--rounds", "1", "--save", "--profile", "Ann"]):
        assert main([*args, "--data-dir", str(folder)]) == 0, args
        assert "Traceback" not in capsys.readouterr().err
