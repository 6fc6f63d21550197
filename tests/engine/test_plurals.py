"""Plural forms come from the text catalogue with the language's CLDR rules (Babel), not
from code: "1 day", "2 days"; French says "0 jour" and "1 jour"."""

import pytest

from engine.i18n import catalogue, plural_form, t


@pytest.fixture
def french(monkeypatch):
    monkeypatch.setenv("DEFTLY_LANG", "fr")
    catalogue.cache_clear()
    yield
    catalogue.cache_clear()


def test_english_counts_one_and_other():
    assert t("home.streak", count=1) == "1 day in a row"
    assert t("home.streak", count=0) == "0 days in a row"
    assert t("home.streak", count=7) == "7 days in a row"
    assert t("praise.more_hits", change=1, count=1) == "You hit 1 more target than last time."


def test_a_second_language_uses_its_own_rules_and_falls_back_to_english(french):
    assert t("home.streak", count=0) == "0 jour d'affilée"
    assert t("home.streak", count=1) == "1 jour d'affilée"
    assert t("home.streak", count=2) == "2 jours d'affilée"
    assert t("calendar.best", count=1) == "Best run: 1 day"     # not translated yet
    assert t("button.back") == "Retour"


def test_languages_with_more_forms_and_unknown_ones():
    assert [plural_form("pl", n) for n in (1, 3, 5)] == ["one", "few", "many"]
    assert plural_form("xx-nowhere", 1) == "one"                 # English rules
    assert plural_form("en", None) == "other"


def test_every_plural_table_has_the_other_form():
    tables = {k: v for k, v in catalogue("en").items() if isinstance(v, dict)}
    assert len(tables) >= 6
    assert [k for k, v in tables.items() if "other" not in v] == []
