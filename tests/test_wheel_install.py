"""A plain `pip install .` into a fresh virtual environment finds levels and assets."""

import os
import subprocess
import sys
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_wheel_installs_and_runs_headless(tmp_path):
    dist = tmp_path / "dist"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w",
                    str(dist), str(ROOT)], check=True, timeout=600)
    (wheel,) = dist.glob("deftly-*.whl")
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    python = env_dir / "bin" / "python"
    subprocess.run([str(python), "-m", "pip", "install", "--quiet", str(wheel)], check=True,
                   timeout=900)
    run_env = {**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy",
               "DEFTLY_HOME": str(tmp_path / "home")}
    run_env.pop("DEFTLY_RESOURCES", None)
    deftly = env_dir / "bin" / "deftly"
    version = subprocess.run([str(deftly), "--version"], capture_output=True, text=True,
                             cwd=tmp_path, env=run_env, timeout=120)
    assert version.returncode == 0 and version.stdout.startswith("deftly ")
    out = tmp_path / "shot.png"
    shot = subprocess.run([str(deftly), "shot", "widgets", "--out", str(out)],
                          capture_output=True, text=True, cwd=tmp_path, env=run_env,
                          timeout=120)
    assert shot.returncode == 0, shot.stderr
    assert out.stat().st_size > 10_000
    where = subprocess.run([str(python), "-c", "from engine.resources import resource_root; "
                            "print(resource_root())"], capture_output=True, text=True,
                           cwd=tmp_path, env=run_env, timeout=60)
    assert "_resources" in where.stdout and str(ROOT) not in where.stdout
