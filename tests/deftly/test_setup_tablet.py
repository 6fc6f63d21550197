"""`deftly setup-tablet` writes an XDG autostart entry, a launcher and the icon into a
user's own folders; `--undo` leaves the home as it was; `--dry-run` writes nothing."""

import configparser
import os

import pytest

from deftly.cli import main


def tree(home):
    """Every file and folder under `home`, with file contents."""
    out = {}
    for root, dirs, files in os.walk(home):
        for name in dirs:
            out[os.path.relpath(os.path.join(root, name), home)] = None
        for name in files:
            path = os.path.join(root, name)
            with open(path, "rb") as file:
                out[os.path.relpath(path, home)] = file.read()
    return out


@pytest.fixture
def home(tmp_path, monkeypatch):
    home = tmp_path / "home"
    (home / ".config").mkdir(parents=True)
    (home / ".config" / "user-dirs.dirs").write_text("XDG_DESKTOP_DIR=$HOME/Desktop\n")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("XDG_CONFIG_HOME", raising=False)
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    return home


def entry(path):
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(path)
    return parser["Desktop Entry"]


def test_setup_then_undo_leaves_the_home_as_it_was(home, capsys):
    before = tree(home)
    assert main(["setup-tablet"]) == 0
    autostart = home / ".config" / "autostart" / "deftly.desktop"
    launcher = home / ".local" / "share" / "applications" / "deftly.desktop"
    for path in (autostart, launcher):
        fields = entry(path)
        assert fields["Type"] == "Application" and fields["Icon"] == "deftly"
        assert fields["Exec"].endswith("--fullscreen") and fields["Terminal"] == "false"
    icons = home / ".local" / "share" / "icons" / "hicolor"
    assert (icons / "scalable" / "apps" / "deftly.svg").read_bytes().startswith(b"<svg")
    assert (icons / "256x256" / "apps" / "deftly.png").read_bytes()[:4] == b"\x89PNG"
    out = capsys.readouterr().out
    assert "wrote " in out and "full screen at the next login" in out
    assert main(["setup-tablet"]) == 0          # again: the same files, no complaint
    assert main(["setup-tablet", "--undo"]) == 0
    assert tree(home) == before
    assert "removed " in capsys.readouterr().out


def test_dry_run_writes_nothing_and_says_what_it_would(home, capsys):
    before = tree(home)
    assert main(["setup-tablet", "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "would write" in out and "autostart/deftly.desktop" in out and "Exec=" in out
    assert tree(home) == before


def test_a_launcher_that_is_not_deftlys_is_never_overwritten(home, capsys):
    mine = home / ".config" / "autostart" / "deftly.desktop"
    mine.parent.mkdir(parents=True)
    mine.write_text("[Desktop Entry]\nName=my own\n")
    before = tree(home)
    assert main(["setup-tablet"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Deftly did not write it" in err
    assert tree(home) == before


def test_undo_keeps_a_file_changed_since(home, capsys):
    assert main(["setup-tablet"]) == 0
    launcher = home / ".local" / "share" / "applications" / "deftly.desktop"
    launcher.write_text(launcher.read_text() + "NoDisplay=true\n")
    assert main(["setup-tablet", "--undo"]) == 0
    out = capsys.readouterr().out
    assert launcher.is_file() and "kept " in out and "changed after" in out
    assert not (home / ".config" / "autostart" / "deftly.desktop").exists()


@pytest.mark.parametrize("touch, size, full", [(True, None, True), (False, None, False),
                                                (True, (800, 600), False)])
def test_a_touch_screen_starts_full_screen_by_default(monkeypatch, touch, size, full):
    import pygame

    from deftly import launch

    monkeypatch.setattr(launch, "has_touch_screen", lambda: touch)
    screen = launch.open_window(size, None)
    try:
        assert bool(screen.get_flags() & pygame.FULLSCREEN) is full
        assert pygame.display.get_caption()[0] == "Deftly"
    finally:
        pygame.display.quit()
        pygame.display.init()       # as the session's fixture left it
