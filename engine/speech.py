"""Spoken prompts through the system's speech engine, never waiting and never failing."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys

ENV_COMMAND = "DEFTLY_SPEECH_COMMAND"
_LINUX = ("espeak-ng", "espeak", "spd-say")
_POWERSHELL = ("Add-Type -AssemblyName System.Speech; "
               "(New-Object System.Speech.Synthesis.SpeechSynthesizer).Speak($args[0])")


def _find() -> tuple[str, list[str]]:
    """The engine's name and command line (the text goes last); ("", []) when none."""
    override = os.environ.get(ENV_COMMAND)
    if override:
        words = shlex.split(override)
        found = bool(words) and shutil.which(words[0]) is not None
        return (os.path.basename(words[0]), words) if found else ("", [])
    if sys.platform == "darwin":
        names: tuple[str, ...] = ("say",)
    elif sys.platform == "win32":
        shell = shutil.which("powershell") or shutil.which("pwsh")
        return ("powershell", [shell, "-NoProfile", "-Command", _POWERSHELL]) if shell \
            else ("", [])
    else:
        names = _LINUX
    for name in names:
        path = shutil.which(name)
        if path:
            return name, [path]
    return "", []


class Speech:
    """Says texts in the background; disabled or without an engine, every call does nothing."""

    def __init__(self) -> None:
        self.engine_name, self._command = _find()
        self.enabled = False
        self.language = "en"
        self._process: subprocess.Popen[bytes] | None = None
        self._text = ""

    @property
    def available(self) -> bool:
        return bool(self._command)

    def configure(self, enabled: bool, language: str = "en") -> None:
        self.enabled = enabled
        self.language = language
        if not enabled:
            self.stop()

    def _speaking(self) -> bool:
        if self._process is not None and self._process.poll() is not None:
            self._process = None   # finished: reaped
        return self._process is not None

    def say(self, text: str) -> None:
        """Start saying `text` (stopping what is still being said); returns at once."""
        if not (self.enabled and self.available and text):
            return
        if self._speaking() and text == self._text:
            return
        self.stop()
        command = list(self._command)
        if self.engine_name in ("espeak", "espeak-ng"):
            command += ["-v", self.language]
        try:
            self._process = subprocess.Popen(
                [*command, text], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL)
        except OSError:
            self._command = []
            self._process = None
            return
        self._text = text

    def stop(self) -> None:
        """Stop what is being said (without waiting for it to end)."""
        if self._process is not None:
            try:
                if self._process.poll() is None:
                    self._process.terminate()
            except OSError:
                pass
            self._process = None
