"""The standalone build (PyInstaller's one folder) runs with no Python and no venv: its
version, the doctor (which finds every game) and a headless screenshot, from a clean
environment with an empty home."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_the_built_folder_runs_by_itself(tmp_path):
    pyinstaller = Path(sys.executable).with_name("pyinstaller")
    subprocess.run([str(pyinstaller), "--noconfirm", "--log-level", "ERROR", "--distpath",
                    str(tmp_path / "dist"), "--workpath", str(tmp_path / "work"),
                    str(ROOT / "packaging" / "deftly.spec")], check=True, cwd=tmp_path,
                   capture_output=True, env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path),
                                             "SDL_VIDEODRIVER": "dummy"})
    built = tmp_path / "dist" / "deftly"
    moved = tmp_path / "elsewhere" / "deftly"     # as if copied onto another machine
    shutil.move(built, moved)
    home = tmp_path / "empty-home"
    home.mkdir()
    clean = {"PATH": "/usr/bin:/bin", "HOME": str(home), "SDL_VIDEODRIVER": "dummy",
             "SDL_AUDIODRIVER": "dummy"}

    def run(*args):
        done = subprocess.run([str(moved / "deftly"), *args], capture_output=True, text=True,
                              env=clean, cwd=home, timeout=120)
        assert done.returncode == 0, done.stderr
        return done.stdout + done.stderr

    assert run("--version").strip() == f"deftly {_version()}"
    doctor = run("doctor")
    for name in ("Tap the dots", "Trace the lines", "Pegs and pinches", "Lift one finger",
                 "Squeeze the ball", "Turn and roll"):
        assert name in doctor
    assert "ready to play" in doctor
    run("shot", "home", "--out", str(home / "home.png"))
    assert (home / "home.png").read_bytes()[:4] == b"\x89PNG"


def _version():
    namespace: dict[str, str] = {}
    exec((ROOT / "engine" / "__init__.py").read_text(), namespace)
    return namespace["__version__"]
