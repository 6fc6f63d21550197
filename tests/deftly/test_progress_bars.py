"""Long work shows a bar on a terminal, and nothing extra when the output is not one or
with --json."""

import os
import pty
import subprocess
import sys

import pytest


def run_on_a_terminal(args, cwd):
    """Run `deftly ARGS` with its output and messages on a pseudo-terminal; all it wrote."""
    leader, follower = pty.openpty()
    env = {**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy",
           "COLUMNS": "100"}
    process = subprocess.Popen([sys.executable, "-m", "deftly", *args], stdin=follower,
                               stdout=follower, stderr=follower, cwd=cwd, env=env)
    os.close(follower)
    out = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:      # the terminal closed: the program ended
            break
        if not chunk:
            break
        out += chunk
    process.wait(timeout=120)
    os.close(leader)
    return process.returncode, out.decode("utf-8", "replace")


def test_a_simulation_shows_a_bar_on_a_terminal_and_no_day_lines(tmp_path):
    code, out = run_on_a_terminal(["sim", "--days", "3", "--save", "--profile", "Ann",
                                   "--data-dir", str(tmp_path / "d")], tmp_path)
    assert code == 0
    assert "Simulating" in out and "3/3" in out and " days" in out
    assert "rounds" not in out          # the day lines ("2026-11-29: 13 rounds") give way


def test_no_bar_with_json_or_when_the_output_is_not_a_terminal(tmp_path):
    code, out = run_on_a_terminal(["sim", "--days", "2", "--save", "--profile", "Ann",
                                   "--json", "--data-dir", str(tmp_path / "d")], tmp_path)
    assert code == 0 and "Simulating" not in out and "%|" not in out
    piped = subprocess.run([sys.executable, "-m", "deftly", "sim", "--days", "2", "--save",
                            "--profile", "Ann", "--data-dir", str(tmp_path / "e")],
                           capture_output=True, text=True, cwd=tmp_path,
                           env={**os.environ, "SDL_VIDEODRIVER": "dummy"})
    assert piped.returncode == 0 and "Simulating" not in piped.stderr + piped.stdout
    assert piped.stdout.splitlines()[0].endswith("rounds")     # the day lines, as before


@pytest.mark.slow
def test_a_report_and_a_fhir_export_show_their_bars_on_a_terminal(tmp_path):
    data = str(tmp_path / "d")
    subprocess.run([sys.executable, "-m", "deftly", "sim", "--days", "2", "--save",
                    "--profile", "Ann", "--data-dir", data], check=True, capture_output=True,
                   env={**os.environ, "SDL_VIDEODRIVER": "dummy"})
    code, out = run_on_a_terminal(["report", "--profile", "Ann", "--out",
                                   str(tmp_path / "r.pdf"), "--data-dir", data], tmp_path)
    assert code == 0 and "Writing the report" in out and "r.pdf" in out
    code, out = run_on_a_terminal(["export", "--profile", "Ann", "--format", "fhir", "--out",
                                   str(tmp_path / "f"), "--data-dir", data], tmp_path)
    assert code == 0 and "Writing" in out and " rounds" in out and "codesystem.json" in out
    piped = subprocess.run([sys.executable, "-m", "deftly", "export", "--profile", "Ann",
                            "--format", "fhir", "--out", str(tmp_path / "g"),
                            "--data-dir", data], capture_output=True, text=True)
    assert piped.returncode == 0 and "Writing" not in piped.stderr
