"""What every shell screen shares: the store, the games, the player, their preferences."""

from __future__ import annotations

import copy
import math
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field, fields, replace
from datetime import date
from typing import Any

from deftly import checkins, days
from deftly import dose as dose_module
from deftly import plan as plan_module
from engine import i18n
from engine.app import App
from engine.clock import WallClock
from engine.levels.schema import Dose
from engine.store.store import Profile, Store
from engine.ui.presses import REFRACTORY_RANGE_MS
from games.registry import Available, available


@dataclass(frozen=True)
class Preferences:
    """A player's settings (kept with the player, so each player on a tablet has their own)."""

    sound: bool = True
    volume: float = 0.7
    text_scale: float = 1.0
    high_contrast: bool = False
    reduced_motion: bool = False
    self_paced: bool = False
    tap_gap_ms: float = 300.0             # a second press sooner than this is a bounce
    plan_minutes: int = 8                 # older folders' plan length (the dose replaced it)
    plan_games: tuple[str, ...] = ()      # empty: every available game
    checkins: bool = True                 # ask how the hand feels before and after the day
    pain_threshold: int = 7               # pain at or above this halves the day's plan
    doses: Mapping[str, Dose] = field(default_factory=dict)
    """The therapist's starting dose per game (others: their level file's)."""
    dose_grows: bool = False              # a step more each week the player keeps up
    days_asked: int = dose_module.DAYS_ASKED   # days a week the programme asks for
    dose_since: str = ""                  # the day the dose was set (growth counts from it)
    speech: bool = False                  # spoken prompts, where the device can speak

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> Preferences:
        known = {f.name for f in fields(cls)}
        values = {k: v for k, v in (data or {}).items() if k in known}
        if "plan_games" in values:
            values["plan_games"] = tuple(values["plan_games"])
        if "tap_gap_ms" in values:   # a hand-edited value must not lock every button
            gap = values["tap_gap_ms"]
            low, high = REFRACTORY_RANGE_MS
            values["tap_gap_ms"] = min(max(float(gap), low), high) \
                if isinstance(gap, (int, float)) and not math.isnan(gap) else cls.tap_gap_ms
        values["doses"] = dose_module.parse_doses(values.get("doses"))
        if "days_asked" in values:
            values["days_asked"] = _whole(values["days_asked"], 1, 7, cls.days_asked)
        if not isinstance(values.get("dose_since", ""), str) or not _is_day(
                values.get("dose_since", "")):
            values["dose_since"] = ""
        if "pain_threshold" in values:  # a hand-edited value stays on the scale
            values["pain_threshold"] = _whole(values["pain_threshold"], 1, 10,
                                              cls.pain_threshold)
        return cls(**values)

    def planned(self, games: Sequence[str]) -> list[str]:
        """The games of `games` in the daily plan (all of them unless some were chosen)."""
        return [g for g in games if g in self.plan_games] or list(games)

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["plan_games"] = list(self.plan_games)
        out["doses"] = {game: [d.sets, d.reps] for game, d in self.doses.items()}
        return out


def _whole(value: Any, low: int, high: int, default: int) -> int:
    """A hand-edited whole number held within [low, high] (else the default)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or \
            not math.isfinite(value):
        return default
    return min(max(int(value), low), high)


def _is_day(text: str) -> bool:
    try:
        date.fromisoformat(text)
    except ValueError:
        return not text
    return True


def prefs_of(profile: Profile | None) -> Preferences:
    return Preferences.from_dict(profile.prefs if profile else None)


def save_prefs(store: Store, profile: Profile, prefs: Preferences) -> Profile:
    """Store a player's new preferences; returns the updated profile."""
    profile = replace(profile, prefs=prefs.to_dict())
    store.update_profile(profile)
    return profile


def minutes_per_set(game: Available, dose: Dose) -> float:
    """About how long a set takes: the game's minutes per round, scaled by its repetitions
    against its first level's (the count the dose is measured in)."""
    assert game.levels is not None
    first = game.levels.levels[0].params
    count = first.get(game.spec.reps_key(first)) or dose.reps
    return game.spec.minutes_per_round * dose.reps / float(count)


class Shell:
    """The product's state while it runs."""

    def __init__(self, store: Store, device: str) -> None:
        self.store = store
        self.device = device
        self.profile: Profile | None = None
        self.games: list[Available] = available()
        self.today: WallClock = store.clock
        """The calendar time, only for labels, streaks and the calendar: the store's."""
        self.offered: set[tuple[str, str, str]] = set()
        """What was offered while this runs (player, day, "before"/"after" for the
        check-ins, "said" for a bad day's toast): a skipped check-in stores nothing and
        is not asked again that day."""

    def with_levels(self) -> list[Available]:
        """Games whose level files load (the therapist plans them, whatever this screen)."""
        return [g for g in self.games if g.levels is not None]

    def playable(self) -> list[Available]:
        """Games with their levels that this screen can play (some need several fingers)."""
        return [g for g in self.games if g.levels is not None and self.can_play(g)]

    @staticmethod
    def can_play(game: Available) -> bool:
        from engine.input.capability import touch_capability

        return touch_capability().allows(game.spec.fewest_fingers)

    def game(self, game_id: str) -> Available:
        return next(g for g in self.games if g.spec.id == game_id)

    @property
    def prefs(self) -> Preferences:
        return prefs_of(self.profile)

    def save_prefs(self, prefs: Preferences) -> None:
        if self.profile is not None:
            self.profile = save_prefs(self.store, self.profile, prefs)

    # -- today ------------------------------------------------------------------------
    def sessions(self) -> list[dict[str, Any]]:
        return self.store.sessions(self.profile.id) if self.profile else []

    def today_sessions(self) -> list[dict[str, Any]]:
        today = self.today().date()
        return [s for s in self.sessions() if days.session_day(s) == today]

    def dose(self, game: Available) -> Dose:
        """Today's dose of `game`: the therapist's (or the level file's), grown by a step
        for each week the player kept up, when the programme lets it grow."""
        assert game.levels is not None
        prefs = self.prefs
        start = prefs.doses.get(game.spec.id, game.levels.dose)
        since = date.fromisoformat(prefs.dose_since) if prefs.dose_grows and \
            prefs.dose_since else None
        return dose_module.grown(start, since=since, today=self.today().date(),
                                 played=self.played_days(), days_asked=prefs.days_asked)

    def dose_settled(self, **changes: Any) -> Preferences:
        """The preferences with `changes` (a game's dose in `doses`, growth, the days asked),
        every game's dose as grown so far kept as its starting dose and growth counted from
        today: changing one thing never undoes what the others have grown."""
        prefs = self.prefs
        kept = {g.spec.id: self.dose(g) for g in self.with_levels()} if prefs.dose_grows \
            else dict(prefs.doses)
        return replace(prefs, **{**changes, "doses": {**kept, **changes.get("doses", {})},
                                 "dose_since": self.today().date().isoformat()})

    def played_days(self) -> set[date]:
        return set(days.minutes_by_day(self.sessions()))

    def usual_plan(self) -> plan_module.Plan:
        """Today's sets of every game in the plan that this screen can play. A plan length
        chosen before there were doses (an older folder's `plan_minutes`) still holds, cut
        to it, until the therapist sets a dose."""
        games = {g.spec.id: g for g in self.playable()}
        wanted = {game: self.dose(games[game]) for game in self.prefs.planned(list(games))}
        per_set = {game: minutes_per_set(games[game], dose) for game, dose in wanted.items()}
        hand = self.profile.affected_hand if self.profile else "right"
        plan = plan_module.make_plan(wanted, hand, per_set)
        prefs = self.prefs
        chosen = prefs.plan_minutes != Preferences.plan_minutes   # an older folder's length
        if not prefs.doses and chosen and plan.minutes > prefs.plan_minutes:
            return plan_module.cut_to(plan, prefs.plan_minutes / plan.minutes)
        return plan

    def plan(self) -> plan_module.Plan:
        """Today's sets: half of them on a day the hand hurts (never more because of an
        answer)."""
        share = checkins.plan_share(self.checkin_today(), self.prefs.pain_threshold)
        return plan_module.cut_to(self.usual_plan(), share)

    def for_player(self, profile: Profile) -> Shell:
        """This shell as `profile` sees it (the therapist area looks at a player's plan)."""
        other = copy.copy(self)
        other.profile = profile
        return other

    # -- how the hand feels ---------------------------------------------------------------
    def checkin_days(self) -> dict[date, checkins.Day]:
        return checkins.days_of(self.store, self.profile.id) if self.profile else {}

    def checkin_today(self) -> checkins.Day | None:
        return self.checkin_days().get(self.today().date())

    def checkin_due(self, when: str) -> bool:
        """Whether to ask now: check-ins on, not asked yet today; "before" ahead of the
        day's first round, "after" once the day's plan is done."""
        if self.profile is None or not self.prefs.checkins:
            return False
        day = self.today().date()
        if (self.profile.id, day.isoformat(), when) in self.offered:
            return False
        seen = self.checkin_today()
        if when == "before":
            return not self.today_sessions() and (seen is None or (
                seen.pain is None and seen.fatigue is None))
        progress = self.plan_progress()     # the plan done, or its minutes played any way
        done = progress.complete or (bool(self.today_sessions()) and
                                     progress.minutes_done >= progress.plan.minutes)
        return done and (seen is None or seen.feeling is None)

    def offer(self, when: str) -> None:
        """Remember that today's check-in `when` was offered (answered or skipped)."""
        if self.profile is not None:
            self.offered.add((self.profile.id, self.today().date().isoformat(), when))

    def pain_messages(self) -> list[str]:
        """What Home says about the hand today (text keys): rest is fine on a bad day;
        pain rising day after day is for the therapist (both, when both hold)."""
        days = self.checkin_days()
        today = self.today().date()
        out = []
        if checkins.high_pain(days.get(today), self.prefs.pain_threshold):
            out.append("home.pain_rest")
        if checkins.pain_rising(days, today):
            out.append("home.pain_rising")
        return out

    def plan_progress(self) -> plan_module.PlanProgress:
        return plan_module.progress(self.plan(), self.today_sessions())

    def streak(self) -> int:
        return days.streak(days.minutes_by_day(self.sessions()), self.today().date())

    def apply(self, app: App) -> None:
        """Put the player's preferences into effect (text size, contrast, motion, sound)."""
        prefs = self.prefs
        app.set_theme(app.theme.with_preferences(text_scale=prefs.text_scale,
                                                 high_contrast=prefs.high_contrast,
                                                 reduced_motion=prefs.reduced_motion))
        app.audio.configure(prefs.sound, prefs.volume)
        app.speech.configure(prefs.speech, i18n.language())
        app.presses.refractory_ms = prefs.tap_gap_ms
