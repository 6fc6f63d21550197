"""Tones are synthesised; with no sound device the game stays silent and never fails."""

import numpy as np
import pygame

from engine.audio import TONES, Audio, synthesise


def test_tones_are_short_bounded_and_not_silent():
    for name, notes in TONES.items():
        wave = synthesise(notes)
        assert 0.03 < len(wave) / 44100 < 1.0, name
        assert np.max(np.abs(wave)) <= 1.0 and np.max(np.abs(wave)) > 0.1, name


def test_playing_with_the_dummy_driver_works_and_mute_is_respected():
    audio = Audio()
    assert audio.available
    audio.play("hit")
    audio.configure(enabled=False, volume=0.5)
    audio.play("hit")
    audio.play("no-such-sound")


def test_no_audio_device_means_silence_not_an_error(monkeypatch):
    pygame.mixer.quit()

    def no_device(*args, **kwargs):
        raise pygame.error("No available audio device")

    monkeypatch.setattr(pygame.mixer, "init", no_device)
    audio = Audio()
    assert not audio.available and "audio device" in (audio.problem or "")
    audio.play("hit")
