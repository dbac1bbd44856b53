"""The region brief: DOCX read back with python-docx section by section, PDF text extracted with
pypdf, in kk, ru and en; its plan section filled from a real store and the real data."""

from __future__ import annotations

import datetime as dt
import io
import json
import socket

import docx
import pandas as pd
import pypdf
import pytest

from sdgdash.config import Settings
from sdgdash.data import directions as direction
from sdgdash.data import targets
from sdgdash.data.labels import Labels
from sdgdash.data.source import Source
from sdgdash.features.brief import blocks as bl
from sdgdash.features.brief.docx_file import write_docx
from sdgdash.features.brief.model import (
    BriefModel,
    ChangeRow,
    FindingRow,
    GoalScore,
    Headline,
    LocalRow,
    SourceBook,
    TagRow,
    gap_rows,
    platform_source,
)
from sdgdash.features.brief.pdf_file import KAZAKH_LETTERS, missing_glyphs, write_pdf
from sdgdash.features.plans import view
from sdgdash.features.plans.status import decimals
from sdgdash.features.plans.validate import validate_file
from sdgdash.i18n import LANGS, fmt_number, messages, t
from tests.conftest import REPO
from tests.core.store.test_store import PASSWORD, fast_store

DATA = REPO / "data"
# Test fixture text (not data): every Kazakh letter, to see each one come out of the PDF.
KAZAKH_TEXT = (
    "Әкімдіктің әлеуметтік ғимараты, қала, оңтүстік, өзен, ұлттық, үй, жаһандық, іс (тест)"
)


@pytest.fixture(scope="module")
def data():
    obs = pd.read_parquet(DATA / "observations.parquet")
    labels = Labels.from_tables(
        *(
            pd.read_parquet(DATA / f"{n}.parquet")
            for n in ("goals", "indicators", "regions", "codes")
        )
    )
    dirs = direction.load_directions(DATA / "curated" / "indicator_direction.csv")
    tgts = targets.load_targets(DATA / "curated" / "indicator_targets.csv")
    build = json.loads((DATA / "build_report.json").read_text(encoding="utf-8"))["source"]
    return obs, labels, dirs, tgts, build


@pytest.fixture(scope="module")
def status(data, tmp_path_factory):
    """KZKAR's plan status (the plans view's table) from a store holding the EXAMPLE file, with
    2030 end-value stand-ins for its other headlines."""
    url = f"sqlite:///{tmp_path_factory.mktemp('brief') / 'store.sqlite3'}"
    store = fast_store(url)
    editor = store.create_user("aigerim", PASSWORD)
    path = REPO / "examples" / "plan_targets_example_KZKAR.csv"
    result = validate_file(path.read_bytes(), path.name, "KZKAR", store.plan_catalogue)
    store.save_plan_file("KZKAR", path.name, path.read_bytes(), result.entries, editor)
    table = view.place_status(Source(Settings.from_env({}), uploads=store), store, "KZKAR")
    store.dispose()
    assert (table["basis"] == "regional_plan").sum() == 5
    # Karaganda region's one SDG-target headline (1.2.1) has an EXAMPLE plan: end values stand in.
    assert set(table["basis"]) == {"regional_plan", "end_2030"}
    return table


def value(obs: pd.DataFrame, indicator: str, year: int, **sel) -> tuple[float, str]:
    rows = obs[(obs["ref_area"] == "KZKAR") & (obs["indicator_id"] == indicator)]
    rows = rows[(rows["year"] == year)]
    for col, code in {"series": "", "sex": "", "urbanisation": "", **sel}.items():
        rows = rows[rows[col] == code]
    (row,) = rows.itertuples()
    return float(row.value), f"{row.source_file}:{row.source_row}"


def model(data, status, lang: str, territory: bool = False) -> BriefModel:
    obs, labels, _, tgts, build = data
    book = SourceBook()
    behind = gap_rows(status, labels, lang, book, build, tgts)

    def change(indicator: str, unit: str, y0: int, y1: int) -> ChangeRow:
        (v0, s0), (v1, s1) = (
            value(obs, indicator, y0, unit=unit),
            value(obs, indicator, y1, unit=unit),
        )
        refs = tuple(platform_source(book, s, build, lang, indicator) for s in (s0, s1))
        label = labels.indicator_label(indicator, lang)
        return ChangeRow(
            indicator, label, labels.code_label("unit", unit, lang), y0, v0, y1, v1, refs
        )

    fixture = book.cite("Test fixture (not data)")
    return BriefModel(
        lang=lang,
        place="karkaraly_district" if territory else "KZKAR",
        place_kind="territory" if territory else "region",
        place_name="Karkaraly (test)" if territory else labels.region_name("KZKAR", lang),
        parent_name=labels.region_name("KZKAR", lang) if territory else "",
        generated_on=dt.date(2026, 6, 1),
        data_commit=build["commit"],
        headline=Headline(
            2023,
            61.3,
            7,
            20,
            goals=(GoalScore(1, labels.goal_short(1, lang), 70.5, 66.0, 68.25, (fixture,)),),
            sources=(fixture,),
        ),
        furthest_behind=behind,
        improvements=(change("17.8.1", "PT", 2018, 2023),),
        deteriorations=(change("1.2.1", "PT", 2018, 2023),),
        tags=(TagRow("household_waste", "Household waste (test)", KAZAKH_TEXT, (fixture,)),),
        findings=(FindingRow(dt.date(2022, 10, 12), "Seminar (test)", KAZAKH_TEXT, (fixture,)),),
        local_data=(LocalRow("6.1.1", "6.1.1 (test)", "%", 2023, 81.5, 90.25, 95.0, (fixture,)),),
        sources=book.sources(),
    )


def docx_sections(content: bytes) -> tuple[list[str], dict[str, list]]:
    """(title paragraphs, heading -> items) read back with python-docx; items are paragraph
    texts and tables as tuples of row tuples."""
    document = docx.Document(io.BytesIO(content))
    title: list[str] = []
    sections: dict[str, list] = {}
    current: list | None = None
    for item in document.iter_inner_content():
        if isinstance(item, docx.table.Table):
            current.append(tuple(tuple(c.text for c in row.cells) for row in item.rows))
        elif item.style.name == "Heading 1":
            current = sections.setdefault(item.text, [])
        elif item.text.strip():
            (title if current is None else current).append(item.text)
    return title, sections


def block_sections(blocks: list) -> tuple[list[str], dict[str, list]]:
    title: list[str] = []
    sections: dict[str, list] = {}
    current: list | None = None
    for b in blocks:
        if isinstance(b, bl.Title):
            title += [b.text, b.subtitle]
        elif isinstance(b, bl.Heading):
            current = sections.setdefault(b.text, [])
        elif isinstance(b, bl.Para):
            current.append(b.text)
        else:
            current.append((b.header, *b.rows))
    return title, sections


@pytest.mark.parametrize("lang", LANGS)
def test_the_docx_says_section_by_section_what_the_status_table_says(data, status, lang):
    brief = model(data, status, lang)
    content = write_docx(brief)
    title, sections = docx_sections(content)
    want_title, want = block_sections(bl.brief_blocks(brief))
    assert title == want_title and sections == want
    assert data[1].region_name("KZKAR", lang) in title[0]
    assert list(sections) == [t(f"brief_h_{s}", lang) for s in bl.SECTIONS if s != "local"]

    # The "behind" table against the status table itself (not the model).
    behind_rows = view.furthest_behind(status)
    assert len(behind_rows) == 5 and set(behind_rows["status"]) == {"behind_plan"}
    marks = {
        "regional_plan": "",
        "national_2030": f" ({t('brief_mark_2030', lang)})",
        "end_2030": f" ({t('brief_mark_end', lang)})",
    }
    table = next(i for i in sections[t("brief_h_behind", lang)] if isinstance(i, tuple))
    assert len(table) == 1 + len(behind_rows)
    for cells, row in zip(table[1:], behind_rows.itertuples(), strict=True):
        assert cells[0].startswith(row.indicator_id)
        assert cells[1] == str(int(row.year))
        assert cells[2] == fmt_number(row.actual, lang)
        # One decimal finer than the finest published figure, actual or base (12.99 -> 3).
        digits = max(decimals(row.actual), decimals(row.baseline_value)) + 1
        expected = fmt_number(round(row.expected, digits), lang)
        assert cells[3] == f"{expected}{marks[row.basis]}"
        assert cells[4] == ("+" if row.gap > 0 else "") + fmt_number(round(row.gap, digits), lang)
        final = row.final_value if row.basis == "regional_plan" else round(row.final_value, digits)
        assert cells[5] == f"{row.final_year}: {fmt_number(final, lang)}"
        assert cells[6].startswith("[")
    # The first row as the platform publishes it (year, value of its source row).
    first = behind_rows.iloc[0]
    path, row_number = first["actual_source"].rsplit(":", 1)
    obs = data[0]
    published = obs[(obs["source_file"] == path) & (obs["source_row"] == int(row_number))]
    assert table[1][1:3] == (str(int(first["year"])), fmt_number(published["value"].iloc[0], lang))

    improve = next(i for i in sections[t("brief_h_improvements", lang)] if isinstance(i, tuple))
    assert improve[1][2:5] == (
        f"2018: {fmt_number(73.9, lang)}",
        f"2023: {fmt_number(97.6, lang)}",
        "+" + fmt_number(23.7, lang),
    )
    sources = sections[t("brief_h_sources", lang)]
    assert any("blob/" + data[4]["commit"] + "/data/indicator_17-8-1.csv" in s for s in sources)
    planned_behind = (behind_rows["basis"] == "regional_plan").any()
    assert any(s.startswith("[") and "EXAMPLE" in s for s in sources) == planned_behind


def test_a_territory_brief_has_its_local_data_section(data, status):
    brief = model(data, status, "ru", territory=True)
    _, sections = docx_sections(write_docx(brief))
    local = sections[t("brief_h_local", "ru")]
    assert local[0][0][2:5] == ("Karkaraly (test)", data[1].region_name("KZKAR", "ru"), "Казахстан")
    assert local[0][1][2:5] == ("81,5", "90,25", "95")


@pytest.mark.parametrize("lang", LANGS)
def test_the_pdf_text_has_the_region_its_figures_and_every_kazakh_letter(data, status, lang):
    brief = model(data, status, lang)
    text = "\n".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(write_pdf(brief))).pages)
    flat = " ".join(text.split())
    assert data[1].region_name("KZKAR", lang) in flat
    for section in bl.SECTIONS:
        if section != "local":
            assert t(f"brief_h_{section}", lang) in flat, section
    first_behind = view.furthest_behind(status).iloc[0]["actual"]
    for figure in (first_behind, 73.9, 97.6, 61.3, 70.5):
        assert fmt_number(figure, lang) in flat, figure
    for letter in KAZAKH_LETTERS.lower():
        assert letter in flat, letter
    meta = pypdf.PdfReader(io.BytesIO(write_pdf(brief))).metadata
    assert data[1].region_name("KZKAR", lang) in meta.title


def test_the_font_draws_every_kazakh_letter_and_every_brief_string():
    assert missing_glyphs(KAZAKH_LETTERS) == set()
    assert missing_glyphs(KAZAKH_LETTERS, bold=True) == set()
    for lang in LANGS:
        for key, forms in messages(lang).texts.items():
            for form in forms:
                assert missing_glyphs(form) == set(), (key, lang)
    assert missing_glyphs("✓漢") == {"漢"}


def test_both_writers_work_without_a_network(data, status, monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("the brief tried to open a network connection")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    brief = model(data, status, "kk")
    assert write_docx(brief)[:2] == b"PK"
    assert write_pdf(brief)[:5] == b"%PDF-"


def test_an_empty_brief_says_so_in_each_section():
    brief = BriefModel("en", "KZKAR", "region", "Karagandy", dt.date(2026, 6, 1))
    _, sections = docx_sections(write_docx(brief))
    assert sections == {
        "Where the region stands": ["No rank in the SDG index (not enough data)."],
        "Five indicators furthest behind their plan or 2030 end value": [
            "No indicator is behind its plan or its 2030 line."
        ],
        "Fastest improvements": ["No indicator improved."],
        "Fastest deteriorations": ["No indicator deteriorated."],
        "Problem tags": ["No problem tags for this place."],
        "Recent seminar findings": ["No seminar findings recorded."],
        "Sources": ["No sources."],
    }
