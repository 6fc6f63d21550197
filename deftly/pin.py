"""The therapist PIN: stored only as a salted scrypt hash, with a growing wait after
wrong attempts.

The record in the store's settings is {"scheme", "salt", "hash", and the cost
parameters}; the PIN itself is never written anywhere. After FREE_ATTEMPTS wrong
attempts each further attempt waits, doubling from FIRST_WAIT_S up to MAX_WAIT_S. The
count of wrong attempts is stored too, so closing the app does not reset the wait.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import time
from collections.abc import Callable
from typing import Any

from engine.store.store import Store

SETTING = "therapist_pin"
FAILURES = "therapist_pin_failures"
MIN_DIGITS = 4
MAX_DIGITS = 8
FREE_ATTEMPTS = 3
FIRST_WAIT_S = 5.0
MAX_WAIT_S = 300.0
SCRYPT = {"n": 2**14, "r": 8, "p": 1}      # about 16 MB and 50 ms per check
PBKDF2_ITERATIONS = 600_000


def valid_pin(pin: str) -> bool:
    return pin.isdigit() and pin.isascii() and MIN_DIGITS <= len(pin) <= MAX_DIGITS


def hash_pin(pin: str, salt: bytes | None = None) -> dict[str, Any]:
    """A salted hash record for `pin` (scrypt; PBKDF2-SHA256 where scrypt is missing)."""
    salt = salt if salt is not None else os.urandom(16)
    if hasattr(hashlib, "scrypt"):
        digest = hashlib.scrypt(pin.encode(), salt=salt, dklen=32, **SCRYPT)
        return {"scheme": "scrypt", **SCRYPT, "salt": salt.hex(), "hash": digest.hex()}
    digest = hashlib.pbkdf2_hmac("sha256", pin.encode(), salt, PBKDF2_ITERATIONS)
    return {"scheme": "pbkdf2_sha256", "iterations": PBKDF2_ITERATIONS, "salt": salt.hex(),
            "hash": digest.hex()}


def check_pin(pin: str, record: dict[str, Any]) -> bool:
    """True if `pin` matches the record (compared in constant time)."""
    try:
        salt = bytes.fromhex(record["salt"])
        expected = bytes.fromhex(record["hash"])
        if record["scheme"] == "scrypt":
            digest = hashlib.scrypt(pin.encode(), salt=salt, dklen=len(expected),
                                    n=int(record["n"]), r=int(record["r"]),
                                    p=int(record["p"]))
        elif record["scheme"] == "pbkdf2_sha256":
            digest = hashlib.pbkdf2_hmac("sha256", pin.encode(), salt,
                                         int(record["iterations"]), len(expected))
        else:
            return False
    except (KeyError, TypeError, ValueError):
        return False
    return hmac.compare_digest(digest, expected)


def wait_after(failures: int) -> float:
    """Seconds to wait before the next attempt after `failures` wrong ones in a row."""
    if failures < FREE_ATTEMPTS:
        return 0.0
    return min(FIRST_WAIT_S * 2 ** (failures - FREE_ATTEMPTS), MAX_WAIT_S)


class PinGuard:
    """Checks attempts against the stored hash and enforces the wait between them."""

    def __init__(self, store: Store, clock: Callable[[], float] = time.monotonic) -> None:
        self.store = store
        self.clock = clock
        self._last_failure = clock()   # after a restart the wait starts again, never shorter

    @property
    def is_set(self) -> bool:
        return isinstance(self.store.get_setting(SETTING), dict)

    @property
    def failures(self) -> int:
        value = self.store.get_setting(FAILURES, 0)
        return value if isinstance(value, int) and value > 0 else 0

    def set_pin(self, pin: str) -> None:
        if not valid_pin(pin):
            raise ValueError(f"a PIN has {MIN_DIGITS} to {MAX_DIGITS} digits")
        self.store.put_setting(SETTING, hash_pin(pin))
        self.store.put_setting(FAILURES, 0)

    def clear(self) -> None:
        """Forget the PIN (from the command line, for a forgotten PIN)."""
        self.store.put_setting(SETTING, None)
        self.store.put_setting(FAILURES, 0)

    def wait_s(self) -> float:
        """Seconds before the next attempt is allowed (0 if it is allowed now)."""
        remaining = wait_after(self.failures) - (self.clock() - self._last_failure)
        return max(0.0, remaining)

    def attempt(self, pin: str) -> str:
        """"ok", "wrong", or "wait" (too soon after wrong attempts; not checked)."""
        if self.wait_s() > 0:
            return "wait"
        record = self.store.get_setting(SETTING)
        if isinstance(record, dict) and check_pin(pin, record):
            self.store.put_setting(FAILURES, 0)
            return "ok"
        self.store.put_setting(FAILURES, self.failures + 1)
        self._last_failure = self.clock()
        return "wrong"
