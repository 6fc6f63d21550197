"""Rounds: every round played, newest first; open one to see its trials and replay it."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from deftly.days import session_day
from deftly.scenes.therapist.area import Tab
from deftly.scenes.therapist.sections import CHOICE_H_MM, ChoicesScene
from deftly.scenes.therapist.session import SessionScene, headline_value
from engine.display import RectMM
from engine.i18n import t
from engine.spec import GameSpec
from engine.ui.grid import button_grid
from engine.ui.table import Column, Table, one_line, pager
from engine.ui.widgets import Button, Label, Widget, button_width

FULL, SHORT, SHORTEST = 0, 1, 2
"""How much of a round a row says: everything; the day, the hand in a word and no minutes;
that without the level (a narrow screen: the round's own page names it)."""


def round_row(session: dict[str, Any], spec: GameSpec | None, detail: int = FULL
              ) -> list[str]:
    """A round in one table row: when, what, hand, kind, minutes, headline result (less
    with less `detail`)."""
    label = str(session.get("started_at") or "")
    day = session_day(session)
    when = "?" if not day else f"{day:%d %b %Y} {label[11:16]}" if detail == FULL \
        else f"{day:%d %b}"
    game = str(session.get("game"))
    name = game if spec is None else spec.name if detail == FULL else spec.short_name
    level = session.get("level_name") or session.get("level") or ""
    what = name if detail == SHORTEST else f"{name} · {level}"
    kind = t("rounds.checkup") if session.get("mode") == "checkup" else t("rounds.training")
    if session.get("status") != "complete":
        kind += f" · {t('rounds.stopped')}"
    hand = f"hand.{session.get('hand')}"
    minutes = float(session.get("duration_ms") or 0) / 60_000.0
    return [when, what, t(hand if detail == FULL else f"{hand}.short"), kind] + \
        ([f"{minutes:.1f}"] if detail == FULL else []) + [headline_value(session)]


def round_columns(detail: int) -> list[Column]:
    """The columns of `round_row`'s cells."""
    what = t("rounds.game") if detail == SHORTEST else t("rounds.what")
    minutes = [Column(t("rounds.minutes"), 0.6, "right")] if detail == FULL else []
    return [Column(t("rounds.when"), 1.3), Column(what, 1.8), Column(t("rounds.hand"), 0.6),
            Column(t("rounds.kind"), 0.9), *minutes, Column(t("rounds.result"), 1.0, "right")]


HANDS = ("", "left", "right")
MODES = ("", "training", "checkup")


def week_of(session: dict[str, Any]) -> date | None:
    """The Monday of the week the round was played in."""
    day = session_day(session)
    return None if day is None else day - timedelta(days=day.weekday())


def matches(session: dict[str, Any], game: str, hand: str, mode: str) -> bool:
    """Whether the round passes the filters ("": any)."""
    kind = "checkup" if session.get("mode") == "checkup" else "training"
    return (not game or str(session.get("game")) == game) and \
        (not hand or session.get("hand") == hand) and (not mode or kind == mode)


def jumps(sessions: list[dict[str, Any]], room: int, month: str = ""
          ) -> dict[str, tuple[str, int]]:
    """Where the week chooser can jump in `sessions` (newest first): key -> (label, index of
    its newest round); weeks (those with a round in `month`, "YYYY-MM", if given), or months
    ("YYYY-MM" keys, each opening its weeks) when there are more weeks than `room` buttons."""
    weeks: dict[str, tuple[str, int]] = {}
    months: dict[str, tuple[str, int]] = {}
    in_month: set[str] = set()
    for i, session in enumerate(sessions):
        monday, day = week_of(session), session_day(session)
        if monday is None or day is None:
            continue
        key = f"{monday:%Y-%m-%d}"
        weeks.setdefault(key, (t("rounds.week_of", day=f"{monday:%d %b %Y}"), i))
        months.setdefault(f"{day:%Y-%m}", (f"{day:%B %Y}", i))
        if f"{day:%Y-%m}" == month:
            in_month.add(key)
    if month:
        return {k: v for k, v in weeks.items() if k in in_month}
    return weeks if len(weeks) <= room else months


class RoundsTab(Tab):
    key = "rounds"

    def __init__(self, area) -> None:  # noqa: ANN001
        super().__init__(area)
        self.first = 0                     # the row at the top of the page shown
        self.per_page = 1
        self.game, self.hand, self.mode = "", "", ""
        self.shown: list[dict[str, Any]] = []
        self.sessions: list[dict[str, Any]] = []

    def build(self, content: RectMM) -> list[Widget]:
        every = list(reversed(self.area.sessions))
        if not every:
            return [Label(content, t("rounds.none"), muted=True)]
        sizes = self.app.theme.sizes
        self.room = content
        bar, rest = content.take_top(sizes.touch_min)
        content = rest.take_bottom(rest.h - sizes.gap)[1]
        sessions = [s for s in every if matches(s, self.game, self.hand, self.mode)]
        self.sessions = sessions
        self.weeks = jumps(sessions, self._buttons_fitting(
            [t("rounds.week_of", day="30 Sep 2026")] * 60))
        widgets = self._filters(bar, bool(self.weeks))
        if not sessions:
            self.shown = []
            return [*widgets, Label(content, t("rounds.none_match"), muted=True)]
        table = self._table(content, sessions)
        return widgets + self._page(content, table)

    def _page(self, content: RectMM, table: Table) -> list[Widget]:
        """`table` from row `first` (a chosen week's newest round stays at the top), with
        Previous / Next under it when its rows take more than a page."""
        theme = self.app.theme
        sizes = theme.sizes
        rows = len(table.rows)
        per_page = table.fit(theme).rows_in(content.h)
        pager_widgets: list[Widget] = []
        if rows > per_page:
            above, nav = content.take_bottom(max(sizes.touch_min, sizes.button_h * 0.7))
            table.rect = above.take_top(above.h - sizes.gap)[0]
            per_page = table.fit(theme).rows_in(table.rect.h)
        self.per_page = per_page
        self.first = max(0, min(self.first, rows - 1))
        before = -(-self.first // per_page)            # pages above, the first one short
        pages = before + -(-(rows - self.first) // per_page)
        if rows > per_page:
            pager_widgets = pager(nav.centered(min(nav.w, 120.0), nav.h), before, pages,
                                  self.turn, sizes.gap)
        table.first, table.count = self.first, per_page
        self.shown = self.sessions[table.first:table.first + table.count]
        return [table, *pager_widgets]

    def _filters(self, bar: RectMM, weeks: bool) -> list[Widget]:
        """Game, hand, kind (each tap of hand or kind the next choice) and the week chooser."""
        games = {g.spec.id: g.spec.short_name for g in self.area.shell.games}
        labels = [games.get(self.game, self.game) if self.game else t("rounds.all_games"),
                  t(f"hand.{self.hand}.short") if self.hand else t("rounds.both_hands"),
                  t(f"rounds.{self.mode}") if self.mode else t("rounds.all_kinds"),
                  t("rounds.jump")]
        short = [games.get(self.game, self.game) if self.game else t("rounds.game"),
                 t(f"hand.{self.hand}.short") if self.hand else t("rounds.hand"),
                 t(f"rounds.{self.mode}") if self.mode else t("rounds.kind"),
                 t("rounds.week")]
        boxes = bar.columns(4, self.app.theme.sizes.gap)
        theme = self.app.theme
        if any(button_width(theme, x) > b.w for x, b in zip(labels, boxes, strict=True)):
            labels = short          # narrow: a filter not set names what it filters
        presses = [self.choose_game, lambda: self.cycle("hand", HANDS),
                   lambda: self.cycle("mode", MODES), self.choose_week]
        return [Button(box, label, press, selected=bool(value), enabled=weeks or i < 3)
                for i, (box, label, press, value) in enumerate(zip(
                    boxes, labels, presses, [self.game, self.hand, self.mode, ""],
                    strict=True))]

    def _buttons_fitting(self, labels: list[str]) -> int:
        """How many of `labels` a chooser's grid of buttons shows without spilling."""
        boxes = button_grid(self.app.theme, self.room, labels, max_h=CHOICE_H_MM)
        return sum(1 for box in boxes if box.bottom <= self.room.bottom + 1e-6)

    def cycle(self, name: str, values: tuple[str, ...]) -> None:
        value = getattr(self, name)
        setattr(self, name, values[(values.index(value) + 1) % len(values)])
        self.first = 0
        self.area.refresh()

    def choose_game(self) -> None:

        choices = {"": t("rounds.all_games")} | {
            g.spec.id: g.spec.short_name for g in self.area.shell.games
            if any(str(s.get("game")) == g.spec.id for s in self.area.sessions)}
        scene = ChoicesScene(self.area.shell, t("rounds.choose_game"), choices,
                             lambda: {self.game})
        self.app.scenes.push(scene, self._game_chosen)

    def _game_chosen(self, key: str | None) -> None:
        if key is not None:
            self.game, self.first = key, 0
        self.area.refresh()

    def choose_week(self) -> None:
        here = {k for k, (_, i) in self.weeks.items()
                if self.shown and self.sessions[i] is self.shown[0]}
        scene = ChoicesScene(self.area.shell, t("rounds.jump_to"),
                             {k: label for k, (label, _) in self.weeks.items()},
                             lambda: here)
        self.app.scenes.push(scene, self._week_chosen)

    def _week_chosen(self, key: str | None) -> None:
        if key in self.weeks and len(key) == len("2026-01"):    # a month: then its weeks
            self.weeks = jumps(self.sessions, 0, month=key)
            self.choose_week()
            return
        if key in self.weeks:
            self.first = self.weeks[key][1]
        self.area.refresh()

    def _table(self, content: RectMM, sessions: list[dict[str, Any]]) -> Table:
        """The rounds with as much detail as lets every row fit on one line (else the
        least, each cell cut with an ellipsis to its column)."""
        games = {g.spec.id: g.spec for g in self.area.shell.games}
        for detail in (FULL, SHORT, SHORTEST):
            rows = [round_row(s, games.get(str(s.get("game"))), detail) for s in sessions]
            columns = round_columns(detail)
            if one_line(self.app.theme, content.w - 5.0, columns, rows):
                break
        return Table(content, columns, rows, on_row=self.open, clip=True)

    def turn(self, step: int) -> None:
        self.first = max(0, self.first + step * self.per_page) if step > 0 or \
            self.first >= self.per_page else 0
        self.area.refresh()

    def open(self, index: int) -> None:
        session = self.sessions[index]
        self.app.scenes.push(SessionScene(self.area.shell, session))
