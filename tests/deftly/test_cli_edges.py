"""Every argument is checked at the edge: a wrong or absurd one is one line and exit 2,
a problem with the machine is one line and exit 1; never a traceback."""

import pytest

from deftly.cli import main


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("DEFTLY_HOME", str(tmp_path / "home"))
    a_file = tmp_path / "a-file"
    a_file.write_text("not a folder")
    binary = tmp_path / "binary.txt"
    binary.write_bytes(bytes(range(256)) * 4)
    (tmp_path / "a-dir").mkdir()
    assert main(["profiles", "add", "Ann"]) == 0
    return tmp_path


CASES = [
    (["sim", "--game", "tap", "--seed", "-1"], 2, "--seed"),
    (["sim", "--game", "tap", "--seed", str(2**64)], 2, "--seed"),
    (["sim", "--days", "1000000", "--save", "--profile", "Ann"], 2, "--days"),
    (["sim", "--days", "100000", "--save", "--profile", "Ann"], 2, "--days"),
    (["sim", "--game", "tap", "--rounds", "100000"], 2, "--rounds"),
    (["sim", "--game", "tap", "--save", "--profile", "   "], 2, "name"),
    (["sim", "--game", "tap", "--save", "--profile", "Ann\nBo"], 2, "name"),
    (["report", "--profile", "Ann", "--out", "{tmp}/r.pdf", "--from", "0001-01-01",
      "--to", "9999-12-31"], 2, "--from"),
    (["profiles", "rename", "Ann", ""], 2, "name"),
    (["profiles", "add", "x" * 500], 2, "name"),
    (["profiles", "add", "Bo\tBo"], 2, "name"),
    (["profiles", "list", "--data-dir", "{tmp}/a-file"], 1, "a-file"),
    (["export", "--profile", "Ann", "--out", "{tmp}/a-file/out"], 1, "a-file"),
    (["shot", "widgets", "--out", "{tmp}/a-dir"], 1, "a-dir"),
    (["analyze", "{tmp}/binary.txt", "--format", "points"], 1, "binary.txt"),
    (["analyze", "{tmp}/binary.txt", "--format", "svc"], 1, "binary.txt"),
    (["analyze", "{tmp}/binary.txt", "--format", "fittstasktwo"], 1, "binary.txt"),
    (["replay", "{tmp}/binary.txt", "--json"], 1, "binary.txt"),
]


@pytest.mark.parametrize(("args", "code", "named"), CASES,
                         ids=[" ".join(c[0])[:60] for c in CASES])
def test_a_wrong_argument_is_one_line(home, capsys, args, code, named):
    args = [a.replace("{tmp}", str(home)) for a in args]
    try:
        got = main(args)
    except SystemExit as exit_:
        got = exit_.code
    err = capsys.readouterr().err
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert got == code and len(lines) == 1 and named in lines[0], err
