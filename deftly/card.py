"""The weekly progress card for the player and their family: days played, repetitions, and
what got better, in plain words.

A repetition is a trial of a training round (finished or stopped early). "What got better"
is the trends' own rule (`deftly.trends.series`: beyond the day-to-day noise, never while
learning a game or across a change of level, high-pain days left out), with the card's 7
days as the week compared with the two before it: the days are moved so that the card's
last day falls on a Sunday, the end of a trends week. Only what is beyond the noise is
claimed; a week without that gets a kind and true sentence instead.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from deftly import trends
from deftly.days import session_day
from engine.i18n import catalogue, t
from engine.spec import Metric

if TYPE_CHECKING:
    from engine.store.store import Profile, Store

WEEK_DAYS = 7
PLAYED = ("complete", "quit")
"""A round that counts as played (an interrupted one was not the player's choice to end)."""


@dataclass(frozen=True)
class Better:
    """One thing that got better: the game's name, the sentence saying what, and the
    hand (named only when the game was played with more than one)."""

    game: str
    text: str
    hand: str = ""

    @property
    def heading(self) -> str:
        return t("card.game_hand", game=self.game, hand=self.hand) if self.hand else self.game


@dataclass(frozen=True)
class Card:
    player: str
    first: date
    last: date
    days_played: int
    repetitions: int
    better: tuple[Better, ...] = field(default=())

    @property
    def title(self) -> str:
        return t("card.title", name=self.player)

    @property
    def dates(self) -> str:
        """"2 March to 8 March 2026"."""
        return t("card.dates", first=f"{self.first.day} {self.first:%B}",
                 last=f"{self.last.day} {self.last:%B %Y}")

    @property
    def days_words(self) -> str:
        return t("card.days", count=self.days_played)

    @property
    def repetitions_words(self) -> str:
        return t("card.repetitions", count=self.repetitions)

    @property
    def message(self) -> str:
        """The sentence under what got better (or in its place)."""
        if not self.days_played:
            return t("card.rest_week")
        return t("card.more_to_come") if self.better else t("card.kept_going")

    def lines(self) -> list[str]:
        """Everything the card says, top to bottom, as plain text."""
        numbers = [] if not self.days_played else [
            f"{self.days_played} {self.days_words}",
            f"{self.repetitions} {self.repetitions_words}"]
        better = [t("card.better_title")] if self.better else []
        return [self.title, self.dates, *numbers, *better,
                *(f"{b.heading}: {b.text}" for b in self.better), self.message]


def week_of(week_ending: date) -> tuple[date, date]:
    """The card's first and last day."""
    return week_ending - timedelta(days=WEEK_DAYS - 1), week_ending


def card_for(sessions: Iterable[dict[str, Any]], player: str, week_ending: date,
             left_out: Collection[date] = ()) -> Card:
    """The card for the 7 days ending on `week_ending`, from the player's rounds (the
    days of `left_out`, high pain, not counted as a change)."""
    first, last = week_of(week_ending)
    dated = [(day, s) for s in sessions if s.get("status") in PLAYED
             and (day := session_day(s)) is not None and day <= last]
    week = [(day, s) for day, s in dated if day >= first]
    reps = sum(repetitions(s) for _, s in week if s.get("mode") == "training")
    better = improvements([s for _, s in dated], week_ending, left_out)
    return Card(player, first, last, len({day for day, _ in week}), reps,
                tuple(dict.fromkeys(better)))


def card_of(store: Store, profile: Profile, week_ending: date | None = None) -> Card:
    """The player's card for the week ending on `week_ending` (by default today, by the
    store's clock), their high-pain days left out as the trends leave them out."""
    from deftly import checkins
    from deftly.context import prefs_of

    high = checkins.high_pain_days(checkins.days_of(store, profile.id),
                                   prefs_of(profile).pain_threshold)
    return card_for(store.sessions(profile.id), profile.name,
                    week_ending or store.clock().date(), high)


def repetitions(session: dict[str, Any]) -> int:
    """The round's saved trials (older rounds: the count in their summary)."""
    count = session.get("trial_count")
    if not isinstance(count, int):
        count = (session.get("summary") or {}).get("trials")
    return count if isinstance(count, int) and not isinstance(count, bool) and count > 0 else 0


def improvements(sessions: list[dict[str, Any]], week_ending: date,
                 left_out: Collection[date] = ()) -> Iterator[Better]:
    """What got better in the week ending on `week_ending`, by the trends' rule, game by
    game in the home screen's order (check-up rounds as well as training)."""
    from games.registry import all_specs

    shift = timedelta(days=6 - week_ending.weekday())      # the card's last day: a Sunday
    moved = [_moved(s, shift) for s in sessions if s.get("status") == "complete"]
    moved_out = {d + shift for d in left_out}
    start, end = (d + shift for d in week_of(week_ending))
    for spec in all_specs():
        mine = [s for s in moved if s.get("game") == spec.id]
        hands = trends.hands_played(mine, spec.id)
        for hand in hands:
            for variant in trends.variants_played(mine, spec.id):
                for series in trends.game_trends(mine, spec.id, hand, variant, moved_out):
                    if any(m.better and start <= m.day <= end for m in series.markers):
                        yield Better(spec.name, _said(series.metric),
                                     t(f"hand.{hand}") if len(hands) > 1 else "")


def _moved(session: dict[str, Any], shift: timedelta) -> dict[str, Any]:
    """The session as if it started `shift` later (its wall-clock label's date moved)."""
    day = session_day(session)
    if day is None or not shift:
        return session
    return {**session, "started_at": (day + shift).isoformat() + session["started_at"][10:]}


def _said(metric: Metric) -> str:
    """The metric's plain sentence (its label's key + ".card", if the game gives one), else
    a plain one about the game (a label can be a therapist's word)."""
    key = f"{metric.label}.card"
    return t(key) if key in catalogue() else t("card.better_game")
