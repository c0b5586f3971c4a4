"""Right-to-left PDF documents (invoices, receipts, statements) with correctly shaped Arabic.

A document is a list of blocks (a title, lines of text, label/value lines, a table, a QR code),
laid out from the right edge, on an A4 page or an 80 mm receipt roll whose length fits its content.
Text is shaped by HarfBuzz (`uharfbuzz`, through fpdf2's `set_text_shaping`): Arabic letters are
joined, and each line's direction follows its first strong character (the Unicode bidirectional
algorithm), so an Arabic line with a Latin number in it reads right to left with the number intact,
and text extracted from the file (`pdftotext`) comes out in logical order.

The font is Amiri (`core/fonts/`, SIL Open Font License, see `OFL.txt` there): Arabic and Latin in
one face, regular and bold.

    document = RtlDocument(page=A4, title="فاتورة ضريبية مبسطة")
    document.heading("فاتورة ضريبية مبسطة", "Simplified tax invoice")
    document.key_values([("رقم الفاتورة Invoice no.", "INV-12-000001")])
    document.table(Table(headers=("الخدمة", "المبلغ"), rows=[("قص شعر", "115.00")], widths=(3, 1)))
    document.qr_code(payload)
    pdf_bytes = document.render()
"""

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import segno
from fpdf import FPDF

# fontTools logs every table it subsets at INFO: not worth a line per document.
logging.getLogger("fontTools").setLevel(logging.WARNING)

FONTS_DIR = Path(__file__).resolve().parent / "fonts"
FONT_FAMILY = "Amiri"
FONT_FILES = {"": FONTS_DIR / "Amiri-Regular.ttf", "B": FONTS_DIR / "Amiri-Bold.ttf"}


@dataclass(frozen=True)
class PageSize:
    """A page: width in mm, height in mm (None: a roll, as long as the content), margin, font sizes."""

    name: str
    width: float
    height: float | None
    margin: float
    font_size: float
    title_size: float
    qr_size: float


A4 = PageSize("a4", 210, 297, margin=15, font_size=10.5, title_size=17, qr_size=38)
RECEIPT = PageSize("receipt", 80, None, margin=4, font_size=8.5, title_size=12, qr_size=34)
PAGE_SIZES = {size.name: size for size in (A4, RECEIPT)}
_ROLL_MEASURE_HEIGHT = 3000  # mm: a page long enough to lay a receipt out once and measure it


@dataclass(frozen=True)
class Table:
    """Columns from the right (the first is the rightmost). `widths` are relative weights;
    `align` per column: "R" (default), "L" or "C"."""

    headers: Sequence[str]
    rows: Sequence[Sequence[str]]
    widths: Sequence[float]
    align: Sequence[str] = ()
    bold_last_row: bool = False


@dataclass
class RtlDocument:
    """Blocks added in reading order, rendered by `render()` to the PDF's bytes."""

    page: PageSize = A4
    title: str = ""  # the file's metadata title
    author: str = ""
    created_at: datetime | None = None  # the file's creation date (fixed: the same input gives the same bytes)
    _blocks: list[Callable[[FPDF], None]] = field(default_factory=list)

    # --- Blocks ---------------------------------------------------------------------------------

    def heading(self, text: str, subtitle: str = "") -> None:
        """The document's title, centred, with an optional second line (e.g. its English name)."""

        def draw(pdf: FPDF) -> None:
            pdf.set_font(FONT_FAMILY, "B", self.page.title_size)
            pdf.multi_cell(0, _line_height(self.page.title_size), text, align="C", new_x="LMARGIN", new_y="NEXT")
            if subtitle:
                pdf.set_font(FONT_FAMILY, "", self.page.font_size)
                pdf.multi_cell(0, _line_height(self.page.font_size), subtitle, align="C", new_x="LMARGIN", new_y="NEXT")
            pdf.ln(_line_height(self.page.font_size) / 2)

        self._blocks.append(draw)

    def text(self, text: str, *, bold: bool = False, size: float | None = None, align: str = "R") -> None:
        """A paragraph, wrapped to the page's width."""

        def draw(pdf: FPDF) -> None:
            font_size = size or self.page.font_size
            pdf.set_font(FONT_FAMILY, "B" if bold else "", font_size)
            pdf.multi_cell(0, _line_height(font_size), text, align=align, new_x="LMARGIN", new_y="NEXT")

        self._blocks.append(draw)

    def key_values(self, pairs: Sequence[tuple[str, str]], *, label_share: float = 0.45) -> None:
        """Label on the right, its value beside it on the left (both wrapped when long)."""

        def draw(pdf: FPDF) -> None:
            width = pdf.epw
            label_width = width * label_share
            for label, value in pairs:
                _row(
                    pdf,
                    self.page,
                    [label, value],
                    [label_width, width - label_width],
                    aligns=["R", "R"],
                    styles=["B", ""],
                )

        self._blocks.append(draw)

    def table(self, table: Table) -> None:
        def draw(pdf: FPDF) -> None:
            total = sum(table.widths)
            widths = [pdf.epw * weight / total for weight in table.widths]
            aligns = list(table.align) or ["R"] * len(widths)
            pdf.set_draw_color(160, 160, 160)
            _row(pdf, self.page, list(table.headers), widths, aligns=aligns, styles=["B"] * len(widths), border=True)
            for index, row in enumerate(table.rows):
                bold = table.bold_last_row and index == len(table.rows) - 1
                _row(
                    pdf,
                    self.page,
                    list(row),
                    widths,
                    aligns=aligns,
                    styles=["B" if bold else ""] * len(widths),
                    border=True,
                )
            pdf.ln(_line_height(self.page.font_size) / 2)

        self._blocks.append(draw)

    def qr_code(self, payload: str, *, caption: str = "") -> None:
        """A QR code of `payload` (byte mode, error correction M), drawn as vector squares, centred."""
        matrix = [
            list(row) for row in segno.make(payload, error="m", micro=False, boost_error=False).matrix_iter(border=0)
        ]

        def draw(pdf: FPDF) -> None:
            size = self.page.qr_size
            quiet = size * 4 / (len(matrix) + 8)
            module = (size - 2 * quiet) / len(matrix)
            if _needs_new_page(pdf, self.page, size + _line_height(self.page.font_size)):
                pdf.add_page()
            left, top = (pdf.w - size) / 2, pdf.get_y()
            pdf.set_fill_color(0, 0, 0)
            for y, row in enumerate(matrix):
                x = 0
                while x < len(row):
                    if not row[x]:
                        x += 1
                        continue
                    run = x
                    while run < len(row) and row[run]:
                        run += 1
                    pdf.rect(left + quiet + x * module, top + quiet + y * module, (run - x) * module, module, style="F")
                    x = run
            pdf.set_y(top + size)
            if caption:
                pdf.set_font(FONT_FAMILY, "", self.page.font_size * 0.85)
                pdf.multi_cell(0, _line_height(self.page.font_size), caption, align="C", new_x="LMARGIN", new_y="NEXT")

        self._blocks.append(draw)

    def rule(self) -> None:
        """A thin line across the page."""

        def draw(pdf: FPDF) -> None:
            pdf.set_draw_color(160, 160, 160)
            y = pdf.get_y() + 1
            pdf.line(pdf.l_margin, y, pdf.w - pdf.r_margin, y)
            pdf.set_y(y + 2)

        self._blocks.append(draw)

    def page_break(self) -> None:
        """A new page on A4; on a roll, a rule and some space."""

        def draw(pdf: FPDF) -> None:
            if self.page.height is None:
                pdf.ln(3)
                pdf.set_draw_color(120, 120, 120)
                pdf.dashed_line(pdf.l_margin, pdf.get_y(), pdf.w - pdf.r_margin, pdf.get_y(), 1, 1)
                pdf.ln(4)
            else:
                pdf.add_page()

        self._blocks.append(draw)

    def space(self, mm: float) -> None:
        self._blocks.append(lambda pdf: pdf.ln(mm))

    # --- Rendering -------------------------------------------------------------------------------

    def render(self) -> bytes:
        """The PDF. A receipt roll is laid out twice: once to measure, then on a page that fits."""
        if self.page.height is not None:
            return bytes(self._draw(self.page.height).output())
        measured = self._draw(_ROLL_MEASURE_HEIGHT)
        return bytes(self._draw(measured.get_y() + self.page.margin).output())

    def _draw(self, height: float) -> FPDF:
        pdf = FPDF(unit="mm", format=(self.page.width, height))
        pdf.set_margins(self.page.margin, self.page.margin, self.page.margin)
        # A roll is one page, as long as its content (measured first): it never breaks.
        pdf.set_auto_page_break(auto=self.page.height is not None, margin=self.page.margin)
        pdf.c_margin = 1
        for style, path in FONT_FILES.items():
            pdf.add_font(FONT_FAMILY, style, str(path))
        pdf.set_text_shaping(use_shaping_engine=True)
        pdf.set_lang("ar")
        pdf.set_title(self.title)
        pdf.set_author(self.author)
        pdf.set_creator("Salon")
        pdf.set_creation_date(self.created_at or datetime.now(UTC))
        pdf.add_page()
        pdf.set_font(FONT_FAMILY, "", self.page.font_size)
        for block in self._blocks:
            block(pdf)
        return pdf


def _needs_new_page(pdf: FPDF, page: PageSize, height: float) -> bool:
    """Whether a block `height` tall must start on a new page (never on a roll)."""
    return page.height is not None and pdf.will_page_break(height)


def _line_height(font_size: float) -> float:
    """A comfortable line for Arabic (tall ascenders and descenders): 1.6 × the size, in mm."""
    return font_size * 0.3528 * 1.6


def _row(
    pdf: FPDF,
    page: PageSize,
    cells: list[str],
    widths: list[float],
    *,
    aligns: list[str],
    styles: list[str],
    border: bool = False,
) -> None:
    """One row of cells from the right edge, each wrapped, all as tall as the tallest."""
    line = _line_height(page.font_size)
    heights = []
    for text, width, style in zip(cells, widths, styles, strict=True):
        pdf.set_font(FONT_FAMILY, style, page.font_size)
        lines = pdf.multi_cell(width, line, text, dry_run=True, output="LINES")
        heights.append(max(len(lines), 1) * line)
    height = max(heights)
    if _needs_new_page(pdf, page, height):
        pdf.add_page()
    top = pdf.get_y()
    right = pdf.w - pdf.r_margin
    for text, width, align, style in zip(cells, widths, aligns, styles, strict=True):
        right -= width
        pdf.set_font(FONT_FAMILY, style, page.font_size)
        if border:
            pdf.rect(right, top, width, height)
        pdf.set_xy(right, top)
        pdf.multi_cell(width, line, text, align=align, new_x="RIGHT", new_y="TOP")
    pdf.set_xy(pdf.l_margin, top + height)
