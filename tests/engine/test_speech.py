"""Spoken prompts: a fake engine script stands in for espeak-ng."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from deftly.context import Preferences
from engine.speech import Speech


def _fake(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sleep: float = 0) -> Path:
    out = tmp_path / "said.txt"
    script = tmp_path / "espeak-ng"
    script.write_text(f'#!/bin/sh\necho "$@" >> "{out}"\nsleep {sleep}\n')
    script.chmod(0o755)
    monkeypatch.setenv("DEFTLY_SPEECH_COMMAND", str(script))
    return out


def _wait_for(path: Path) -> str:
    for _ in range(200):
        if path.exists() and path.read_text():
            return path.read_text()
        time.sleep(0.02)
    return ""


def test_text_and_language_reach_the_command(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    out = _fake(tmp_path, monkeypatch)
    speech = Speech()
    assert speech.available and speech.engine_name == "espeak-ng"
    speech.configure(True, "fr")
    speech.say("Bonjour")
    assert _wait_for(out).strip() == "-v fr Bonjour"


def test_say_returns_while_speaking_and_a_new_text_stops_the_old(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _fake(tmp_path, monkeypatch, sleep=5)
    speech = Speech()
    speech.configure(True)
    speech.say("one")
    first = speech._process
    assert first is not None and first.poll() is None   # still running: say() did not wait
    speech.say("one")                                     # the same text is not restarted
    assert speech._process is first
    speech.say("two")
    assert first.wait(timeout=5) is not None              # terminated
    speech.stop()


def test_disabled_or_missing_engine_does_nothing(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    out = _fake(tmp_path, monkeypatch)
    speech = Speech()
    speech.say("not enabled")
    assert speech._process is None and not out.exists()
    monkeypatch.setenv("DEFTLY_SPEECH_COMMAND", str(tmp_path / "no-such-engine"))
    missing = Speech()
    missing.configure(True)
    missing.say("hello")
    assert not missing.available
    missing.stop()


def test_old_stored_prefs_without_speech_still_read() -> None:
    assert Preferences.from_dict({"sound": False}).speech is False
    assert Preferences.from_dict({"speech": True}).speech is True
    assert Preferences(speech=True).to_dict()["speech"] is True
