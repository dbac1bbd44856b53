"""The region brief as PDF (fpdf2), offline: the DejaVu Sans fonts that matplotlib ships are
embedded, so Kazakh letters (ә ғ қ ң ө ұ ү һ і) print on any machine without a network (pure)."""

from __future__ import annotations

import functools
from pathlib import Path

import matplotlib
from fpdf import FPDF
from fpdf.fonts import FontFace

from sdgdash.features.brief.blocks import Heading, Para, Table, Title, brief_blocks
from sdgdash.features.brief.model import BriefModel

PDF_MIME = "application/pdf"
FAMILY = "DejaVu"
KAZAKH_LETTERS = "ӘәҒғҚқҢңӨөҰұҮүҺһІі"
_MARGIN = 18.0


def font_path(bold: bool = False) -> Path:
    """DejaVu Sans (or its bold) from matplotlib's own data folder."""
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    return Path(matplotlib.get_data_path()) / "fonts" / "ttf" / name


@functools.cache
def _cmap(bold: bool) -> frozenset[int]:
    from fontTools.ttLib import TTFont

    with TTFont(font_path(bold), lazy=True) as font:
        return frozenset(font.getBestCmap())


def missing_glyphs(text: str, bold: bool = False) -> set[str]:
    """Characters of ``text`` the embedded font cannot draw (spaces and controls aside)."""
    cmap = _cmap(bold)
    return {ch for ch in text if ch.isprintable() and not ch.isspace() and ord(ch) not in cmap}


class _BriefPDF(FPDF):
    def __init__(self, footer_text: str) -> None:
        super().__init__(orientation="P", unit="mm", format="A4")
        self._footer_text = footer_text

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font(FAMILY, size=8)
        self.set_text_color(90)
        self.cell(0, 5, f"{self._footer_text} · {self.page_no()}/{{nb}}", align="C")
        self.set_text_color(0)


def _table(pdf: FPDF, block: Table) -> None:
    total = sum(block.widths)
    pdf.set_font(FAMILY, size=8)
    with pdf.table(
        col_widths=tuple(w / total for w in block.widths),
        width=pdf.epw,
        text_align="LEFT",
        line_height=4,
        padding=1,
        headings_style=FontFace(emphasis="BOLD", fill_color=(235, 235, 235)),
        repeat_headings=1,
    ) as table:
        for values in (block.header, *block.rows):
            row = table.row()
            for text in values:
                row.cell(text)
    pdf.ln(3)


def write_pdf(model: BriefModel) -> bytes:
    """The brief as PDF bytes, with a bookmark per section and page numbers."""
    blocks = brief_blocks(model)
    title = blocks[0].text if isinstance(blocks[0], Title) else model.place_name
    pdf = _BriefPDF(title)
    pdf.add_font(FAMILY, "", font_path())
    pdf.add_font(FAMILY, "B", font_path(bold=True))
    pdf.set_margins(_MARGIN, _MARGIN, _MARGIN)
    pdf.set_auto_page_break(True, margin=16)
    pdf.set_lang(model.lang)
    pdf.set_title(title)
    pdf.set_author("sdgdash")
    pdf.set_subject(model.place)
    pdf.set_creator("sdgdash")
    pdf.add_page()
    for block in blocks:
        if isinstance(block, Title):
            pdf.set_font(FAMILY, "B", 16)
            pdf.multi_cell(0, 8, block.text, align="L", new_x="LMARGIN", new_y="NEXT")
            pdf.set_font(FAMILY, size=9)
            pdf.multi_cell(0, 5, block.subtitle, align="L", new_x="LMARGIN", new_y="NEXT")
            pdf.ln(3)
        elif isinstance(block, Heading):
            if pdf.will_page_break(20):
                pdf.add_page()
            pdf.start_section(block.text, level=0)
            pdf.set_font(FAMILY, "B", 12)
            pdf.multi_cell(0, 7, block.text, align="L", new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1)
        elif isinstance(block, Para):
            pdf.set_font(FAMILY, size=9)
            pdf.multi_cell(0, 5, block.text, align="L", new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1)
        elif isinstance(block, Table):
            _table(pdf, block)
    return bytes(pdf.output())
