"""Short feedback tones synthesised with numpy: no sound files, no failure without a sound card."""

from __future__ import annotations

import numpy as np
import pygame

from engine.quiet import silenced_stderr

SAMPLE_RATE = 44100

# name -> list of (frequency Hz, start ms, duration ms, loudness 0..1)
TONES: dict[str, list[tuple[float, float, float, float]]] = {
    "hit": [(659.3, 0, 110, 0.55), (987.8, 40, 140, 0.4)],
    "miss": [(246.9, 0, 160, 0.25)],
    "click": [(880.0, 0, 45, 0.3)],
    "done": [(523.3, 0, 140, 0.5), (659.3, 110, 140, 0.5), (784.0, 220, 260, 0.5)],
    "unlock": [(523.3, 0, 120, 0.5), (659.3, 100, 120, 0.5), (784.0, 200, 120, 0.5),
               (1046.5, 300, 380, 0.55)],
    "grab": [(440.0, 0, 70, 0.35), (554.4, 30, 70, 0.3)],
    "drop": [(329.6, 0, 120, 0.25)],
}


def synthesise(notes: list[tuple[float, float, float, float]],
               sample_rate: int = SAMPLE_RATE) -> np.ndarray:
    """Mono float samples in [-1, 1]: soft sine notes with a short attack and a smooth decay."""
    end_ms = max(start + dur for _, start, dur, _ in notes)
    out = np.zeros(int(sample_rate * end_ms / 1000) + 1)
    for freq, start_ms, dur_ms, loud in notes:
        n = int(sample_rate * dur_ms / 1000)
        t = np.arange(n) / sample_rate
        attack = np.minimum(1.0, t / 0.008)
        decay = np.exp(-t / (dur_ms / 1000 / 3.0))
        wave = np.sin(2 * np.pi * freq * t) + 0.25 * np.sin(4 * np.pi * freq * t)
        begin = int(sample_rate * start_ms / 1000)
        out[begin:begin + n] += loud * attack * decay * wave / 1.25
    return np.clip(out, -1.0, 1.0)


class Audio:
    """Plays named tones. With no audio device, or muted, every call is a silent no-op."""

    def __init__(self, enabled: bool = True, volume: float = 0.7) -> None:
        self.enabled = enabled
        self.volume = volume
        self.problem: str | None = None
        self._sounds: dict[str, pygame.mixer.Sound] = {}
        self._ready = self._open()

    @property
    def available(self) -> bool:
        return self._ready

    def _open(self) -> bool:
        try:
            if not pygame.mixer.get_init():
                with silenced_stderr():
                    pygame.mixer.init(SAMPLE_RATE, -16, 2, 512)
            opened = pygame.mixer.get_init()
            if opened is None:
                raise pygame.error("the sound device did not open")
            _, _, channels = opened
            for name, notes in TONES.items():
                pcm = (synthesise(notes) * 32767 * 0.8).astype(np.int16)
                frames = np.repeat(pcm[:, None], channels, axis=1) if channels > 1 else pcm
                self._sounds[name] = pygame.sndarray.make_sound(np.ascontiguousarray(frames))
        except (pygame.error, ValueError, TypeError) as error:
            self.problem = str(error)
            return False
        return True

    def play(self, name: str) -> None:
        if not (self.enabled and self._ready) or self.volume <= 0:
            return
        sound = self._sounds.get(name)
        if sound is None:
            return
        try:
            sound.set_volume(self.volume)
            sound.play()
        except pygame.error:
            self._ready = False

    def configure(self, enabled: bool, volume: float) -> None:
        self.enabled = enabled
        self.volume = min(max(volume, 0.0), 1.0)

