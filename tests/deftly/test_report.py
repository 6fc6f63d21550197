"""The report file: it opens, and has for each game played its charts and its weeks (PDF
pages, or PNG images), then the notes on the methods."""

from datetime import date

import pygame
import pytest
from pypdf import PdfReader

from deftly.cli import main
from deftly.demo import demo_store
from deftly.report import PAGE_IN, Period, ReportError, write_report
from engine.progress import PlayerProgress
from engine.sim.hand import PRESETS, SimPatient
from engine.sim.session import play
from engine.store.store import Store
from games.registry import all_specs, spec

GAMES = {game.id: game.name for game in all_specs()}


@pytest.fixture(scope="module")
def played():
    """Four days of every game (a check-up of each on the first day)."""
    with demo_store(4) as store:
        yield store


def test_the_pdf_opens_with_one_page_per_game_played(played, tmp_path):
    profile = played.profiles()[0]
    (path,) = write_report(played, profile, tmp_path / "report.pdf")
    reader = PdfReader(path)
    texts = [page.extract_text() for page in reader.pages]
    for name in GAMES.values():       # its charts (one page or more), then its weeks
        first = next(i for i, text in enumerate(texts) if f"{profile.name} · {name} ·" in text)
        assert "In plain words" in texts[first]
        weeks = next(i for i, text in enumerate(texts) if f"{name} · week by week" in text)
        assert weeks > first and "Days played" in texts[weeks]
        assert all(f"{name} · charts, continued" in text for text in texts[first + 1:weeks])
    assert "Notes on the methods" in texts[-1]
    assert all(name in texts[0] for name in GAMES.values())    # the summary names each game
    assert reader.metadata.title == f"Deftly report: {profile.name}"


@pytest.mark.slow
def test_png_gives_one_image_per_page(played, tmp_path):
    profile = played.profiles()[0]
    paths = write_report(played, profile, tmp_path / "ann.png")
    names = [p.name for p in paths]
    assert names[0] == "ann-summary.png" and names[-1] == "ann-notes.png"
    for game in GAMES:
        charts, weeks = names.index(f"ann-{game}.png"), names.index(f"ann-{game}-weeks.png")
        assert all(n.startswith(f"ann-{game}-charts-") for n in names[charts + 1:weeks])
    for path in paths:
        image = pygame.image.load(str(path))
        assert image.get_size() == (int(PAGE_IN[0] * 110), int(PAGE_IN[1] * 110))


def test_only_games_played_in_the_period_get_a_page(tmp_path):
    with Store.open(tmp_path / "data") as store:
        profile = store.add_profile("Tess", "right")
        tap = spec("tap")
        progress = PlayerProgress(store, profile.id, "tap", "right", tap.levels)
        for seed in range(2):
            play(tap, "big", SimPatient(PRESETS["mild"], seed), progress, seed, store=store)
        (path,) = write_report(store, profile, tmp_path / "tess.pdf")
        assert len(PdfReader(path).pages) == 4     # the summary, tap's charts and weeks, notes
        with pytest.raises(ReportError, match="no finished rounds from 2001-01-01"):
            write_report(store, profile, tmp_path / "old.pdf",
                         Period(date(2001, 1, 1), date(2001, 12, 31)))
        assert not (tmp_path / "old.pdf").exists()


def test_other_file_types_are_refused_in_one_line(played, tmp_path):
    with pytest.raises(ReportError, match=r"\.pdf or \.png"):
        write_report(played, played.profiles()[0], tmp_path / "report.docx")


def test_the_command_writes_the_report_and_explains_problems(tmp_path, capsys):
    data = tmp_path / "data"
    with Store.open(data) as store:
        profile = store.add_profile("Una", "left")
        pinch = spec("pinch")
        progress = PlayerProgress(store, profile.id, "pinch", "left", pinch.levels)
        play(pinch, "big-pegs", SimPatient(PRESETS["mild"], 1), progress, 1, store=store,
             hand="left")
    out = tmp_path / "una.pdf"
    assert main(["report", "--profile", "Una", "--out", str(out), "--data-dir", str(data)]) == 0
    assert capsys.readouterr().out.strip() == str(out)
    assert len(PdfReader(out).pages) == 4
    code = main(["report", "--profile", "Una", "--out", str(out), "--data-dir", str(data),
                 "--from", "2030-01-01"])
    err = capsys.readouterr().err
    assert code == 1 and err.count("\n") == 1 and "nothing to report" in err
    code = main(["report", "--profile", "Nobody", "--out", str(out), "--data-dir", str(data)])
    assert code == 1 and "no player called 'Nobody'" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exit_:
        main(["report", "--profile", "Una", "--out", str(out), "--from", "yesterday"])
    assert exit_.value.code == 2


def test_level_names_take_the_lowest_row_where_they_overlap_no_other():
    from deftly.report import name_rows

    # three names close together, then one far off: rows 0, 1, 2, then back to 0
    assert name_rows([0.0, 20.0, 40.0, 400.0], [60.0, 60.0, 60.0, 60.0]) == [0, 1, 2, 0]
    assert name_rows([0.0, 70.0], [60.0, 60.0]) == [0, 0]      # room between: one row
    starts, widths = [0.0, 30.0, 62.0, 65.0, 200.0], [50.0, 50.0, 50.0, 50.0, 50.0]
    rows = name_rows(starts, widths)
    for i in range(len(starts)):
        for j in range(i):
            if rows[i] == rows[j]:
                assert starts[i] >= starts[j] + widths[j]


def test_weekly_date_labels_name_the_year_where_one_starts():
    from datetime import datetime

    from deftly.report import date_ticks

    locator, formatter = date_ticks(date(2026, 12, 1), date(2027, 1, 31))
    ticks = locator.tick_values(datetime(2026, 12, 1), datetime(2027, 1, 31))
    labels = [formatter(value, k) for k, value in enumerate(ticks)]
    assert "04 Jan 2027" in labels and "07 Dec" in labels
    assert all(len(label.split()) == 2 for label in labels if "Jan" not in label)
