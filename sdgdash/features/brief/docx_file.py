"""The region brief as a Word document (python-docx): real headings and tables in Word's own
styles, so an akim's office can edit it in Word or LibreOffice and circulate it (pure, offline)."""

from __future__ import annotations

import io

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from sdgdash.features.brief.blocks import Heading, Para, Table, Title, brief_blocks
from sdgdash.features.brief.model import BriefModel

DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
# Word's language tags, so spelling and hyphenation follow the brief's language.
WORD_LANG = {"kk": "kk-KZ", "ru": "ru-RU", "en": "en-GB"}
_TEXT_WIDTH_CM = 17.0  # A4 less 2 cm margins


def _set_language(document, lang: str) -> None:
    for name in ("Normal", "Heading 1", "Title"):
        rpr = document.styles[name].element.get_or_add_rPr()
        tag = rpr.find(qn("w:lang"))
        if tag is None:
            tag = OxmlElement("w:lang")
            rpr.append(tag)
        tag.set(qn("w:val"), WORD_LANG.get(lang, "ru-RU"))


def _repeat_header(row) -> None:
    # The header row repeats on every page a long table runs over.
    trpr = row._tr.get_or_add_trPr()
    flag = OxmlElement("w:tblHeader")
    flag.set(qn("w:val"), "true")
    trpr.append(flag)


def _table(document, block: Table) -> None:
    table = document.add_table(rows=1, cols=len(block.header))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    total = sum(block.widths)
    widths = [Cm(_TEXT_WIDTH_CM * w / total) for w in block.widths]
    for cell, text, width in zip(table.rows[0].cells, block.header, widths, strict=True):
        cell.width = width
        run = cell.paragraphs[0].add_run(text)
        run.bold = True
    _repeat_header(table.rows[0])
    for values in block.rows:
        cells = table.add_row().cells
        for cell, text, width in zip(cells, values, widths, strict=True):
            cell.width = width
            cell.paragraphs[0].add_run(text)
    document.add_paragraph()


def write_docx(model: BriefModel) -> bytes:
    """The brief as DOCX bytes (headings: Title, Heading 1; tables: Table Grid)."""
    document = Document()
    section = document.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(2))
    document.styles["Normal"].font.size = Pt(10)
    _set_language(document, model.lang)
    blocks = brief_blocks(model)
    for block in blocks:
        if isinstance(block, Title):
            document.add_heading(block.text, level=0)
            document.add_paragraph(block.subtitle)
        elif isinstance(block, Heading):
            document.add_heading(block.text, level=1)
        elif isinstance(block, Para):
            document.add_paragraph(block.text)
        elif isinstance(block, Table):
            _table(document, block)
    props = document.core_properties
    props.title = blocks[0].text if isinstance(blocks[0], Title) else model.place_name
    props.language = WORD_LANG.get(model.lang, "ru-RU")
    props.author = "sdgdash"
    props.subject = model.place
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()
