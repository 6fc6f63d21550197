"""Helpers for storage tests."""

from engine.store.store import Store


def play_round(store: Store, profile_id: str, trials: int = 5, game: str = "tap",
               metrics=None) -> str:
    session = store.begin_session(profile_id, game, "easy", hand="right")
    for i in range(trials):
        store.add_trial(session, i, metrics(i) if metrics else {"success": i % 2 == 0,
                                                                "reaction_ms": 300.0 + i})
    store.end_session(session, summary={"hit_rate": 0.6}, duration_ms=1000.0 * trials)
    return session
