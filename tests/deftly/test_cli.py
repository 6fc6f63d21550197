"""The command line: version, shots, doctor, and one-line errors with exit code 2."""

import subprocess
import sys

import pygame
import pytest

from deftly.cli import main


def run(*args, env_home=None):
    return subprocess.run([sys.executable, "-m", "deftly", *args], capture_output=True,
                          text=True, timeout=120)


def test_version(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.startswith("deftly ")


def test_shot_writes_a_png_of_the_asked_size(tmp_path):
    out = tmp_path / "w.png"
    assert main(["shot", "widgets", "--out", str(out), "--size", "800x480"]) == 0
    assert pygame.image.load(str(out)).get_size() == (800, 480)


@pytest.mark.parametrize("args, fragment", [
    (["shot", "nowhere", "--out", "x.png"], "unknown scene 'nowhere'"),
    (["shot", "widgets", "--out", "x.png", "--size", "big"], "size must look like"),
    (["--bogus"], "unrecognized arguments"),
    (["shot", "widgets"], "needs --out"),
])
def test_wrong_arguments_give_one_line_and_exit_2(args, fragment):
    result = run(*args)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and fragment in lines[0]


def test_a_tiny_screen_is_refused_in_one_line(tmp_path):
    result = run("shot", "widgets", "--out", str(tmp_path / "t.png"), "--size", "200x100")
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "too small" in result.stderr


def test_every_command_has_help():
    for args in (["--help"], ["shot", "--help"], ["doctor", "--help"]):
        result = run(*args)
        assert result.returncode == 0 and "usage" in result.stdout


def test_doctor_speaks_plainly(tmp_path, monkeypatch):
    monkeypatch.setenv("DEFTLY_HOME", str(tmp_path / "home"))
    result = run("doctor")
    assert result.returncode == 0
    assert "Sound:" in result.stdout and "Data folder:" in result.stdout
    assert "Display" in result.stdout and "Touch:" in result.stdout
    assert "Fingers at once:" in result.stdout or "will be created" in result.stdout


@pytest.mark.parametrize("args", [["--version"], ["--help"], ["sim", "--help"]])
def test_a_quick_command_imports_only_what_it_runs(args):
    """`deftly --version` must not pay for pygame, numpy or tinydb (start-up time)."""
    probe = ("import sys\nfrom deftly.cli import main\ntry:\n    main(sys.argv[1:])\n"
             "except SystemExit:\n    pass\n"
             "heavy = [m for m in ('pygame', 'numpy', 'tinydb', 'matplotlib') "
             "if m in sys.modules]\nprint('HEAVY', heavy, file=sys.stderr)\n")
    done = subprocess.run([sys.executable, "-c", probe, *args], capture_output=True,
                          text=True, check=True)
    assert "HEAVY []" in done.stderr
