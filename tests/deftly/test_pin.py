"""The therapist PIN: only a salted hash is stored, and wrong attempts make you wait."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from deftly import pin
from deftly.pin import PinGuard, check_pin, hash_pin, valid_pin, wait_after
from engine.store.store import Store


class FakeClock:
    def __init__(self) -> None:
        self.t = 1000.0

    def __call__(self) -> float:
        return self.t


@pytest.fixture
def store(tmp_path):
    with Store.open(tmp_path / "data") as opened:
        yield opened


def all_bytes(folder) -> bytes:
    return b"".join(p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file())


def test_the_hash_is_stored_and_never_the_pin(store, tmp_path):
    PinGuard(store).set_pin("482613")
    store.fold()
    record = store.get_setting(pin.SETTING)
    assert record["scheme"] in ("scrypt", "pbkdf2_sha256")
    assert len(bytes.fromhex(record["salt"])) == 16 and len(bytes.fromhex(record["hash"])) == 32
    assert "482613" not in repr(record)
    raw = all_bytes(tmp_path / "data")      # database, journal, backups: everything on disk
    assert b"482613" not in raw
    assert record["hash"].encode() in raw


def test_the_same_pin_hashes_differently_with_another_salt():
    first, second = hash_pin("1234"), hash_pin("1234")
    assert first["salt"] != second["salt"] and first["hash"] != second["hash"]
    assert check_pin("1234", first) and check_pin("1234", second)
    assert hash_pin("1234", bytes(16)) == hash_pin("1234", bytes(16))


def test_check_pin_rejects_wrong_pins_and_damaged_records():
    record = hash_pin("2468")
    assert not check_pin("2469", record)
    assert not check_pin("2468", {**record, "hash": "zz"})
    assert not check_pin("2468", {**record, "scheme": "md5"})
    assert not check_pin("2468", {})


def test_pbkdf2_records_are_checked_too():
    salt = bytes(range(16))
    import hashlib

    digest = hashlib.pbkdf2_hmac("sha256", b"9999", salt, 1000)
    record = {"scheme": "pbkdf2_sha256", "iterations": 1000, "salt": salt.hex(),
              "hash": digest.hex()}
    assert check_pin("9999", record) and not check_pin("9998", record)


@given(st.text(alphabet="0123456789", min_size=6, max_size=8))
def test_six_to_eight_digits_make_a_new_pin(text):
    assert valid_pin(text)


@pytest.mark.parametrize("text", ["", "123", "1234", "12345", "123456789", "12a456",
                                  "１２３４５６", "123 456"])
def test_other_text_is_not_a_pin(text):
    assert not valid_pin(text)


def test_the_wait_doubles_after_three_wrong_attempts_and_has_a_ceiling():
    assert [wait_after(n) for n in range(7)] == [0, 0, 0, 5, 10, 20, 40]
    assert wait_after(50) == pin.MAX_WAIT_S


def test_wrong_attempts_make_the_next_one_wait(store):
    clock = FakeClock()
    guard = PinGuard(store, clock)
    guard.set_pin("135792")
    assert [guard.attempt("0000") for _ in range(3)] == ["wrong"] * 3
    assert guard.wait_s() == pytest.approx(5.0)
    assert guard.attempt("135792") == "wait"          # not even checked while waiting
    clock.t += 4.9
    assert guard.attempt("135792") == "wait"
    clock.t += 0.2
    assert guard.attempt("0000") == "wrong"          # a fourth wrong one: now 10 s
    clock.t += 9.0
    assert guard.attempt("135792") == "wait"
    clock.t += 1.1
    assert guard.attempt("135792") == "ok"
    assert guard.failures == 0 and guard.wait_s() == 0


def test_closing_the_app_does_not_reset_the_wait(store):
    clock = FakeClock()
    guard = PinGuard(store, clock)
    guard.set_pin("135792")
    for _ in range(4):
        clock.t += 60
        guard.attempt("0000")
    clock.t += 3600
    restarted = PinGuard(store, clock)               # a new start, hours later
    assert restarted.failures == 4
    assert restarted.wait_s() == pytest.approx(10.0)
    assert restarted.attempt("135792") == "wait"


def test_clearing_forgets_the_pin(store):
    guard = PinGuard(store)
    guard.set_pin("123456")
    assert guard.is_set
    guard.clear()
    assert not guard.is_set and guard.attempt("123456") == "wrong"


def test_the_cost_is_calibrated_so_one_check_takes_half_a_second_here():
    """With one check at p = 1 measured at 50 ms, p is raised until a check takes 0.5 s;
    memory (n, r) stays the same."""
    seen = []

    def measure(cost):
        seen.append(cost)
        return 0.05 * cost["p"]

    cost = pin.calibrated_cost(0.5, measure)
    assert seen == [pin.SCRYPT]
    assert 0.05 * cost["p"] >= 0.5 and cost["n"] == pin.SCRYPT["n"] and cost["r"] == 8
    assert pin.calibrated_cost(0.5, lambda c: 5.0)["p"] == 1      # a slow device: p = 1
    assert pin.calibrated_cost(0.5, lambda c: 1e-9)["p"] == pin.MAX_P


def test_the_cost_is_stored_with_the_hash_and_used_to_check(store):
    record = hash_pin("482613", cost={**pin.SCRYPT, "p": 3})
    assert record["p"] == 3 and check_pin("482613", record)
    assert not check_pin("482613", {**record, "p": 2})


def test_new_pins_have_six_to_eight_digits(store):
    guard = PinGuard(store)
    for short in ("1234", "12345", "123456789"):
        with pytest.raises(ValueError, match="6 to 8"):
            guard.set_pin(short)
    guard.set_pin("123456")
    assert guard.is_set and not guard.too_short


def test_a_reset_pin_leaves_its_old_hash_in_no_file(store, tmp_path):
    guard = PinGuard(store)
    guard.set_pin("482613")
    old = store.get_setting(pin.SETTING)["hash"]
    store.fold()
    store.put_setting("volume", 0.5)
    store.fold()
    assert old.encode() in all_bytes(tmp_path / "data")
    guard.clear()
    assert not guard.is_set
    assert old.encode() not in all_bytes(tmp_path / "data")
