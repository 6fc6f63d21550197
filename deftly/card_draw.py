"""The weekly progress card drawn as one A4 page, written as a PDF or a PNG.

One drawing for both files (the report's matplotlib machinery and its font, Atkinson
Hyperlegible), in the app's calm colours: large type for the family's fridge or phone.
"""

from __future__ import annotations

import io
import textwrap
from pathlib import Path

from deftly.card import Card
from deftly.report import ReportError, _setup_matplotlib, _write
from engine import __version__
from engine.i18n import t
from engine.ui.theme import CALM, Color

PAGE_IN = (8.27, 11.69)          # A4 portrait
MARGIN_IN = 0.75
PNG_DPI = 120
SIZES = {"title": 40, "dates": 20, "number": 72, "words": 20, "heading": 26, "game": 19,
         "text": 21, "message": 22, "footer": 12}
CHAR_EM = 0.5                    # the font's mean character width, as a share of its em
LAST_ITEM_IN = 2.4               # what got better stops above this height (message below)


class CardError(ReportError):
    """A card that cannot be written, in one line (a wrong file type, a bad path)."""


def _hex(color: Color) -> str:
    return "#{:02X}{:02X}{:02X}".format(*color)


INK, MUTED, PRIMARY, GOOD = (_hex(c) for c in (CALM.ink, CALM.muted, CALM.primary, CALM.good))
PANEL = _hex(CALM.background)


def check_out(out: Path) -> None:
    """Refuse a file type the card is not written as."""
    if out.suffix.lower() not in (".pdf", ".png"):
        raise CardError(f"{out}: the card is written as .pdf or .png")


def write_card(card: Card, out: Path) -> Path:
    """Write the card as `out` (.pdf: one page; .png: one image); returns `out`."""
    check_out(out)
    figure = draw(card)
    buffer = io.BytesIO()
    if out.suffix.lower() == ".pdf":
        figure.savefig(buffer, format="pdf", metadata={
            "Title": card.title, "Creator": f"Deftly {__version__}"})
    else:
        figure.savefig(buffer, format="png", dpi=PNG_DPI)
    try:
        _write(out, buffer.getvalue())
    except ReportError as error:
        raise CardError(str(error)) from error
    return out


class _Page:
    """Text placed top-down on the page, in inches from the top left."""

    def __init__(self) -> None:
        _setup_matplotlib()
        from matplotlib.figure import Figure

        self.figure = Figure(figsize=PAGE_IN, facecolor="white")
        self.y = MARGIN_IN
        self.width = PAGE_IN[0] - 2 * MARGIN_IN

    def text(self, text: str, size: str, *, x: float = MARGIN_IN, bold: bool = False,
             color: str = INK, width: float | None = None, gap: float = 0.12) -> None:
        """Text wrapped to `width` inches, its top at the cursor, which then moves below."""
        points = SIZES[size]
        chars = max(8, int((width or self.width) * 72 / (points * CHAR_EM)))
        wrapped = textwrap.fill(text, chars)
        self.figure.text(x, PAGE_IN[1] - self.y, wrapped, fontsize=points, color=color,
                         fontweight="bold" if bold else "normal", va="top", ha="left",
                         linespacing=1.25, transform=self.figure.dpi_scale_trans)
        self.y += (wrapped.count("\n") + 1) * points * 1.25 / 72 + gap

    def space(self, inches: float) -> None:
        self.y += inches

    def tile(self, x: float, w: float, number: int, words: str) -> float:
        """A soft panel with a big number and its words; returns its height."""
        from matplotlib.patches import FancyBboxPatch

        h = 1.9
        top = PAGE_IN[1] - self.y
        self.figure.patches.append(FancyBboxPatch(
            (x, top - h), w, h, boxstyle="round,pad=0,rounding_size=0.18", facecolor=PANEL,
            edgecolor="none", transform=self.figure.dpi_scale_trans))
        middle = x + w / 2
        self.figure.text(middle, top - 0.2, str(number), fontsize=SIZES["number"],
                         fontweight="bold", color=PRIMARY, ha="center", va="top",
                         transform=self.figure.dpi_scale_trans)
        self.figure.text(middle, top - h + 0.25, words, fontsize=SIZES["words"], color=INK,
                         ha="center", va="bottom", transform=self.figure.dpi_scale_trans)
        return h

    def tick(self, x: float, size: float = 0.32) -> None:
        """A green disc with a white tick, its top at the cursor."""
        from matplotlib.lines import Line2D
        from matplotlib.patches import Circle

        r = size / 2
        cx, cy = x + r, PAGE_IN[1] - self.y - r - 0.02
        trans = self.figure.dpi_scale_trans
        self.figure.patches.append(Circle((cx, cy), r, facecolor=GOOD, transform=trans))
        self.figure.lines.append(Line2D(
            [cx - r * 0.45, cx - r * 0.1, cx + r * 0.5], [cy, cy - r * 0.38, cy + r * 0.38],
            color="white", linewidth=3.2, solid_capstyle="round", transform=trans))


def draw(card: Card):  # noqa: ANN201  (a matplotlib Figure, imported only when drawn)
    """The card's page: title and dates, days and repetitions, what got better, a kind
    sentence, and a small footer."""
    page = _Page()
    page.text(card.title, "title", bold=True)
    page.text(card.dates, "dates", color=MUTED, gap=0.45)
    if card.days_played:
        w = (page.width - 0.4) / 2
        page.tile(MARGIN_IN, w, card.days_played, card.days_words)
        page.space(page.tile(MARGIN_IN + w + 0.4, w, card.repetitions,
                             card.repetitions_words) + 0.5)
    if card.better:
        page.text(t("card.better_title"), "heading", bold=True, gap=0.2)
        _better(page, card)
    page.space(0.2)
    page.text(card.message, "message", color=INK)
    page.figure.text(MARGIN_IN, MARGIN_IN * 0.6, t("card.footer"), fontsize=SIZES["footer"],
                     color=MUTED, transform=page.figure.dpi_scale_trans)
    return page.figure


def _better(page: _Page, card: Card) -> None:
    """Each game's heading once, then a ticked line for each thing that got better; what
    does not fit is counted in one line."""
    indent = 0.5
    heading = ""
    for shown, item in enumerate(card.better):
        if PAGE_IN[1] - page.y < LAST_ITEM_IN:
            page.text(t("card.and_more", count=len(card.better) - shown), "text",
                      x=MARGIN_IN + indent, color=MUTED)
            return
        if item.heading != heading:
            heading = item.heading
            page.space(0.08)
            page.text(heading, "game", bold=True, color=MUTED, gap=0.06)
        page.tick(MARGIN_IN)
        page.text(item.text, "text", x=MARGIN_IN + indent, width=page.width - indent)
