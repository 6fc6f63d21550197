"""The therapist PIN: stored only as a salted scrypt hash, with a growing wait after
wrong attempts.

The record in the store's settings is {"scheme", "salt", "hash", and the cost
parameters}; the PIN itself is never written anywhere. The cost is calibrated on the
device when a PIN is set, so that one check takes at least CHECK_S there: a copied data
folder then costs an attacker that long per guess (a million 6-digit PINs: days, not
minutes). Memory stays at 16 MB (scrypt n = 2^14, r = 8); the time comes from p.
After FREE_ATTEMPTS wrong attempts each further attempt waits, doubling from
FIRST_WAIT_S up to MAX_WAIT_S. The count of wrong attempts is stored too, so closing the
app does not reset the wait.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import math
import os
import time
from collections.abc import Callable
from typing import Any

from engine.store.store import Store

SETTING = "therapist_pin"
FAILURES = "therapist_pin_failures"
MIN_DIGITS = 6          # for a new PIN
MAX_DIGITS = 8
CHECK_S = 0.5
MAX_P = 64
FREE_ATTEMPTS = 3
FIRST_WAIT_S = 5.0
MAX_WAIT_S = 300.0
SCRYPT = {"n": 2**14, "r": 8, "p": 1}      # about 16 MB and 50 ms per check
PBKDF2_ITERATIONS = 600_000


def valid_pin(pin: str) -> bool:
    """Whether `pin` may be chosen as a new PIN."""
    return pin.isdigit() and pin.isascii() and MIN_DIGITS <= len(pin) <= MAX_DIGITS


def calibrated_cost(target_s: float | None = None,
                    measure: Callable[[dict[str, int]], float] | None = None
                    ) -> dict[str, int]:
    """scrypt parameters for which one check takes at least `target_s` (CHECK_S) on this
    device: p grows with the time one check with p = 1 takes here."""
    target_s = CHECK_S if target_s is None else target_s
    def timed(cost: dict[str, int]) -> float:
        start = time.perf_counter()
        hashlib.scrypt(b"000000", salt=b"calibrate-salt!!", dklen=32, **cost)
        return time.perf_counter() - start

    measure = measure or timed
    one = max(measure(SCRYPT), 1e-6)
    p = min(MAX_P, max(1, math.ceil(target_s / one * 1.1)))
    return {**SCRYPT, "p": p}


def hash_pin(pin: str, salt: bytes | None = None, cost: dict[str, int] | None = None
             ) -> dict[str, Any]:
    """A salted hash record for `pin` (scrypt, with `cost`, calibrated on this device if
    not given; PBKDF2-SHA256 where scrypt is missing)."""
    salt = salt if salt is not None else os.urandom(16)
    if hasattr(hashlib, "scrypt"):
        cost = cost or calibrated_cost()
        digest = hashlib.scrypt(pin.encode(), salt=salt, dklen=32, **cost)
        return {"scheme": "scrypt", **cost, "salt": salt.hex(), "hash": digest.hex()}
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
        old = self.store.get_setting(SETTING)
        self.store.put_setting(SETTING, {**hash_pin(pin), "digits": len(pin)})
        self.store.put_setting(FAILURES, 0)
        self._forget(old)

    @property
    def too_short(self) -> bool:
        """The PIN was chosen with fewer digits than a new one needs (or before this was
        recorded): ask for a longer one after it is entered."""
        record = self.store.get_setting(SETTING)
        digits = record.get("digits") if isinstance(record, dict) else MIN_DIGITS
        return not isinstance(digits, int) or digits < MIN_DIGITS

    def clear(self) -> None:
        """Forget the PIN (from the command line, for a forgotten PIN), and its hash from
        every file of the data folder (backups and journals too)."""
        old = self.store.get_setting(SETTING)
        self.store.put_setting(SETTING, None)
        self.store.put_setting(FAILURES, 0)
        self._forget(old)

    def _forget(self, old: object) -> None:
        """The old hash out of every file (backups and journals too)."""
        if isinstance(old, dict) and isinstance(old.get("hash"), str):
            with contextlib.suppress(OSError):   # a full disk: the new PIN holds anyway
                self.store.forget(old["hash"])

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
