"""The report as a clinical document, read back by PDF text extraction: who and for whom,
when written, the period equal to the data's, every played day in a row of the weekly
table, page n of m, the version, a plain reading and the MDC95 beside the check-ups."""

import re
from dataclasses import replace
from datetime import date, datetime, timedelta

import pytest
from pypdf import PdfReader

from deftly.days import session_day
from deftly.demo import demo_store
from deftly.report import write_report
from deftly.shots import THERAPIST_DAYS, THERAPIST_PLAYERS
from engine import __version__
from games.registry import all_specs

pytestmark = pytest.mark.slow     # a six-week report of six games: `make test`, not `check`

SPAN = re.compile(r"(\d\d \w{3} \d{4}) – (\d\d \w{3} \d{4})")
WRITTEN = datetime(2026, 11, 21, 9, 30)


def _day(text):
    return datetime.strptime(text, "%d %b %Y").date()


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    """Six weeks of the therapist demo's first player, with a record number and a
    clinician; the PDF's pages as text, and the player's sessions."""
    with demo_store(THERAPIST_DAYS, THERAPIST_PLAYERS) as store:
        profile = replace(store.profiles()[0], record_number="MRN 0042",
                          clinician="Dr Imani Cole")
        store.update_profile(profile)
        path = tmp_path_factory.mktemp("report") / "ann.pdf"
        write_report(store, store.profile(profile.id), path, written=WRITTEN)
        sessions = [s for s in store.sessions(profile.id) if s.get("status") == "complete"]
        reader = PdfReader(path)
        yield reader, [page.extract_text() for page in reader.pages], sessions, profile


def test_every_page_names_the_patient_record_clinician_version_and_page(report):
    reader, pages, _, _ = report
    for n, text in enumerate(pages, 1):
        assert "Patient: Ann" in text and "Record no.: MRN 0042" in text
        assert "Clinician: Dr Imani Cole" in text
        assert f"Page {n} of {len(pages)}" in text
        assert "Written 21 Nov 2026, 09:30" in text and f"Deftly {__version__}" in text
    meta = reader.metadata
    assert meta.title == "Deftly report: Ann" and meta.author == "Dr Imani Cole"
    assert "Hand practice from" in meta.subject and "Tap the dots" in meta.subject


def test_the_period_in_the_header_is_the_datas(report):
    _, pages, sessions, _ = report
    days = sorted({session_day(s) for s in sessions})
    for text in pages:
        (first, last), = re.findall(r"Period " + SPAN.pattern, text)
        assert (_day(first), _day(last)) == (days[0], days[-1])
    for game in all_specs():
        played = sorted({session_day(s) for s in sessions if s.get("game") == game.id})
        charts = next(p for p in pages if f"Ann · {game.name} ·" in p)
        assert f"{played[0]:%d %b %Y} – {played[-1]:%d %b %Y}" in charts


def test_every_played_day_falls_in_a_row_of_its_games_weekly_table(report):
    _, pages, sessions, _ = report
    for game in all_specs():
        rows = [(_day(a), _day(b)) for text in pages if f"{game.name} · week by week" in text
                for a, b in SPAN.findall(text.split("Period ")[0])]
        assert rows, game.id
        played = {session_day(s) for s in sessions if s.get("game") == game.id}
        for day in played:
            assert any(a <= day <= b for a, b in rows), (game.id, day)
        for a, b in rows:       # a row never runs past the data, and is at most a week
            assert min(played) <= a <= b <= max(played) and (b - a).days <= 6
            assert a.weekday() == 0 or a == min(played)


def test_a_week_the_period_cuts_says_so(report):
    _, pages, sessions, _ = report
    first = min(session_day(s) for s in sessions if s.get("game") == "tap")
    weeks = next(p for p in pages if "Tap the dots · week by week" in p)
    monday = first - timedelta(days=first.weekday())
    cut = (monday + timedelta(days=6) - first).days + 1
    row = re.search(rf"{first:%d %b %Y} – \S+ \S+ \S+\s+\d of (\d)(, part week)?", weeks)
    assert row and int(row.group(1)) == cut                  # the days of the week it holds
    assert bool(row.group(2)) == (cut < 7)                   # and says so when it is cut


def test_each_game_reads_in_plain_words_and_gives_the_mdc_beside_its_checkups(report):
    _, pages, sessions, profile = report
    checkups = {session_day(s) for s in sessions if s.get("mode") == "checkup"
                and s.get("game") == "tap" and s.get("hand") == profile.affected_hand}
    tap = next(p for p in pages if "Ann · Tap the dots ·" in p)
    assert "In plain words" in tap
    assert re.search(r"Reaction time \(median\), check-ups: (improved|worsened) by \d+ ms", tap)
    weeks = next(p for p in pages if "Tap the dots · week by week" in p)
    assert len(checkups) >= 5 and "MDC95" in weeks     # six weeks: six check-ups
    assert "Notes on the methods" in pages[-1] and "1.96" in pages[-1]


def test_the_first_page_reads_alone_with_every_games_plain_reading(report):
    _, pages, sessions, _ = report
    summary = pages[0]
    assert "Ann · hand practice ·" in summary
    for game in all_specs():
        assert game.name in summary
    played = len({session_day(s) for s in sessions})
    assert f"Played on {played} of" in summary
    tap = next(p for p in pages if "Ann · Tap the dots ·" in p)
    reading = re.search(r"Reaction time \(median\), check-ups: [^\n]*", tap).group(0)
    assert reading in summary


def test_an_unnamed_clinician_leaves_a_line_to_sign(tmp_path):
    with demo_store(4) as store:
        profile = store.profiles()[0]
        (path,) = write_report(store, profile, tmp_path / "r.pdf",
                               written=datetime(2026, 11, 21, 9, 30))
        text = PdfReader(path).pages[0].extract_text()
    assert "Clinician: ____" in text and "Record no." not in text
    assert date(2026, 11, 21).strftime("%d %b %Y") in text
