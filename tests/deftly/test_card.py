"""The weekly progress card: its contents from a known history (days, repetitions, what got
better only beyond the noise, something kind for a quiet week), and the files and command
that write it."""

import random
from datetime import date, datetime, timedelta

import pygame
import pytest
from pypdf import PdfReader

from deftly.card import card_for, card_of
from deftly.card_draw import PAGE_IN, PNG_DPI, CardError, write_card
from deftly.cli import main
from deftly.demo import demo_shell, demo_store
from deftly.export import CARD_FILES, export_card
from deftly.launch import headless_app
from deftly.scenes.therapist.area import TherapistArea
from engine.clock import ManualClock, SetWallClock
from engine.progress import PlayerProgress
from engine.sim.hand import PRESETS, SimPatient
from engine.sim.session import play
from engine.store.store import Store
from engine.testing.pilot import Pilot
from games.registry import spec

END = date(2026, 3, 11)          # a Wednesday: the card's week need not be a calendar week
FIRST = END - timedelta(days=6)
QUICKER = "Tap the dots: You reacted more quickly"
HITS = "Tap the dots: You hit more of the targets"


def session(day, *, reaction=800.0, hits=0.8, trials=12, mode="training",
            status="complete", hand="right"):
    return {"game": "tap", "level": "big", "hand": hand, "mode": mode, "status": status,
            "variant": "", "started_at": f"{day.isoformat()}T10:00:00+01:00",
            "duration_ms": 120_000, "trial_count": trials,
            "summary": {"reaction_ms_median": reaction, "hit_rate": hits, "trials": trials}}


def history(*, reaction_step=0.0, hits_step=0.0, weeks=5, skip=()):
    """A round a day for `weeks` weeks up to END (none on the days of `skip`); in the
    card's week, reaction time and hits moved by the steps. Day-to-day noise: 40 ms and
    3 points of hits."""
    rng = random.Random(3)
    days = [END - timedelta(days=n) for n in range(weeks * 7 - 1, -1, -1)]
    return [session(day, reaction=800 + rng.gauss(0, 40) + (reaction_step if day >= FIRST
                                                           else 0),
                    hits=0.8 + rng.gauss(0, 0.03) + (hits_step if day >= FIRST else 0))
            for day in days if day not in skip]


def test_the_card_counts_days_played_and_repetitions_of_the_week():
    skipped = {END - timedelta(days=2), END - timedelta(days=4)}
    rounds = [
        *history(skip=skipped),
        session(END, status="quit", trials=3),              # stopped early: still practice
        session(END, status="interrupted", trials=5),       # not the player's choice
        session(END - timedelta(days=2), mode="checkup", trials=9),    # a day, no reps
        session(END + timedelta(days=1), trials=40),        # after the week
        session(FIRST - timedelta(days=1), trials=40)]      # before it
    card = card_for(rounds, "Ann", END)
    assert (card.first, card.last) == (FIRST, END)
    assert card.days_played == 6
    assert card.repetitions == 5 * 12 + 3
    assert card.lines()[:4] == ["Ann's week", "5 March to 11 March 2026", "6 days played",
                                "63 repetitions"]


def test_an_improvement_beyond_the_noise_is_claimed_in_plain_words():
    card = card_for(history(reaction_step=-200), "Ann", END)
    assert [b.text for b in card.better] == ["You reacted more quickly"]
    assert QUICKER in card.lines() and "What got better" in card.lines()
    assert card.message == "Well done! Every bit of practice helps."
    assert not any("ms" in line or "noise" in line for line in card.lines())   # no jargon


def test_a_change_within_the_noise_is_not_claimed():
    rounds = history(hits_step=0.01)       # a point more hits: well inside 3 points of noise
    week = [s["summary"]["hit_rate"] for s in rounds if s["started_at"] >= FIRST.isoformat()]
    before = [s["summary"]["hit_rate"] for s in rounds[-21:-7]]
    assert sum(week) / len(week) > sum(before) / len(before)      # up, but not beyond noise
    card = card_for(rounds, "Ann", END)
    assert card.better == ()
    assert HITS not in card.lines() and "What got better" not in card.lines()
    assert card.message == "You kept practising: that is how hands get better."


def test_a_worse_week_is_never_named_and_a_big_gain_is_named_once():
    assert card_for(history(reaction_step=+200), "Ann", END).better == ()
    card = card_for(history(reaction_step=-200, hits_step=0.12), "Ann", END)
    assert [b.text for b in card.better] == ["You hit more of the targets",
                                             "You reacted more quickly"]


def test_the_weeks_of_learning_a_game_claim_nothing():
    card = card_for(history(reaction_step=-200, weeks=2), "Ann", END)
    assert card.days_played == 7 and card.better == ()


def test_the_hand_is_named_when_both_were_played():
    rounds = [*history(reaction_step=-200), *({**s, "hand": "left"} for s in history())]
    (better,) = card_for(rounds, "Ann", END).better
    assert better.heading == "Tap the dots · Right hand"


def test_a_high_pain_day_is_not_counted_as_a_change():
    rounds = history(reaction_step=-200, skip={END - timedelta(days=n) for n in range(1, 7)})
    assert card_for(rounds, "Ann", END).better                   # one good day
    assert card_for(rounds, "Ann", END, left_out={END}).better == ()


def test_a_quiet_week_gets_something_kind():
    card = card_for(history(weeks=5, skip={FIRST + timedelta(days=n) for n in range(7)}),
                    "Ann", END)
    assert (card.days_played, card.repetitions, card.better) == (0, 0, ())
    assert card.lines() == ["Ann's week", "5 March to 11 March 2026", card.message]
    assert card.message.startswith("A quiet week.") and "help your hand" in card.message
    assert card_for([], "Ann", END).lines() == card.lines()


def test_one_day_and_one_repetition_are_singular():
    card = card_for([session(END, trials=1)], "Ann", END)
    assert card.lines()[2:4] == ["1 day played", "1 repetition"]


def test_the_card_is_one_pdf_page_and_one_png(tmp_path):
    card = card_for(history(reaction_step=-200), "Ann", END)
    pdf = write_card(card, tmp_path / "card.pdf")
    (page,) = PdfReader(pdf).pages
    text = page.extract_text()
    assert "Ann's week" in text and "You reacted more quickly" in text
    png = write_card(card, tmp_path / "card.png")
    assert pygame.image.load(str(png)).get_size() == (int(PAGE_IN[0] * PNG_DPI),
                                                      int(PAGE_IN[1] * PNG_DPI))
    with pytest.raises(CardError, match=r"\.pdf or \.png"):
        write_card(card, tmp_path / "card.docx")


@pytest.fixture
def data(tmp_path):
    """A store whose clock says END: two rounds of tap played that day."""
    folder = tmp_path / "data"
    clock = SetWallClock(datetime.fromisoformat(f"{END.isoformat()}T10:00:00+01:00"))
    with Store.open(folder, clock=clock) as store:
        profile = store.add_profile("Una", "left")
        tap = spec("tap")
        progress = PlayerProgress(store, profile.id, "tap", "left", tap.levels)
        for seed in range(2):
            play(tap, "big", SimPatient(PRESETS["mild"], seed), progress, seed, store=store,
                 hand="left")
        card = card_of(store, profile)
    assert (card.last, card.days_played) == (END, 1) and card.repetitions > 10
    return folder


def test_the_command_writes_png_and_pdf(data, tmp_path, capsys):
    for name in ("una.png", "una.pdf"):
        out = tmp_path / name
        assert main(["card", "--profile", "Una", "--out", str(out), "--data-dir", str(data),
                     "--week-ending", END.isoformat()]) == 0
        assert capsys.readouterr().out.strip() == str(out) and out.stat().st_size > 10_000
    assert "1\nday played" in PdfReader(tmp_path / "una.pdf").pages[0].extract_text()


@pytest.mark.parametrize(("args", "said"), [
    (["--profile", "Una", "--out", "card.docx"], "written as .pdf or .png"),
    (["--profile", "Nobody", "--out", "card.png"], "no player called 'Nobody'"),
    (["--profile", "Una", "--out", "file/card.png"], "cannot write"),
])
def test_the_command_refuses_in_one_line(data, tmp_path, capsys, args, said):
    (tmp_path / "file").write_text("not a folder")
    args = [str(tmp_path / a) if a.startswith(("card", "file")) else a for a in args]
    assert main(["card", *args, "--data-dir", str(data)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and said in err and "Traceback" not in err


def test_the_export_tab_writes_the_card(tmp_path):
    with demo_store(4) as store:
        clock = ManualClock()
        pilot = Pilot(headless_app((1280, 800), clock), clock)
        shell = demo_shell(pilot.app, store)
        area = TherapistArea(shell, shell.profile, "export")
        pilot.app.scenes.push(area)
        pilot.run(20)
        area.tab.folders = [tmp_path / "stick"]
        pilot.button("Progress card").on_press()
        assert "Writing the progress card…" in [getattr(w, "text", "") for w in area.widgets]
        pilot.run(100)
        assert area.tab.status.startswith("Progress card saved in")
        (made,) = (tmp_path / "stick").iterdir()
        assert sorted(p.name for p in made.iterdir()) == sorted(CARD_FILES)
        assert made.name.startswith("deftly-Ann-card-")
        again = export_card(store, shell.profile, tmp_path / "stick", END)
        assert again != made and len(list(again.iterdir())) == 2
