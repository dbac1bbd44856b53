"""The brief as the region and territory pages build it (build_brief over the real data and a
store with the EXAMPLE plan file, a finding and a local-data upload), read back from the DOCX
with python-docx section by section and from the PDF with pypdf, every figure checked against
what the pages show (the plans view's display table, the index, the territory's local data)."""

from __future__ import annotations

import datetime as dt
import io
import re

import pandas as pd
import pypdf
import pytest

from sdgdash.config import Settings
from sdgdash.data.source import Source
from sdgdash.features.brief import blocks as bl
from sdgdash.features.brief.docx_file import write_docx
from sdgdash.features.brief.pdf_file import write_pdf
from sdgdash.features.brief.view import build_brief
from sdgdash.features.distance import view as distance_view
from sdgdash.features.distance.display import score1
from sdgdash.features.index import view as index_view
from sdgdash.features.localdata import uploads as localdata
from sdgdash.features.plans import tables as plan_tables
from sdgdash.features.plans import view as plans_view
from sdgdash.features.plans.validate import validate_file
from sdgdash.features.territory import view as territory_view
from sdgdash.i18n import LANGS, fmt_number, t
from sdgdash.store import FindingInput
from tests.conftest import REPO
from tests.core.features.brief.test_brief import docx_sections
from tests.core.store.test_store import PASSWORD, fast_store

EXAMPLE = REPO / "examples" / "plan_targets_example_KZKAR.csv"
TODAY = dt.date(2026, 6, 1)
# TEST FIXTURE texts and upload values (made up for the test, never shipped as data).
FINDING = "Test fixture finding: waste is collected twice a month in the villages."
UPLOAD = b"Year,UNIT_MEASURE,SEX,URBANISATION,Value\n2022,PT,,,4.5\n2023,PT,,,4.25\n"


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    s = fast_store(f"sqlite:///{tmp_path_factory.mktemp('brief') / 'store.sqlite3'}")
    editor = s.create_user("aigerim", PASSWORD)
    result = validate_file(EXAMPLE.read_bytes(), EXAMPLE.name, "KZKAR", s.plan_catalogue)
    s.save_plan_file("KZKAR", EXAMPLE.name, EXAMPLE.read_bytes(), result.entries, editor)
    s.add_finding(
        FindingInput(
            dt.date(2022, 3, 15),
            FINDING,
            "Test fixture minutes",
            ref_area="KZKAR",
            tags=("household_waste",),
            priority_goals=(11,),
        ),
        editor,
    )
    data = Source(Settings.from_env({}))
    rows = localdata.validate(
        UPLOAD, "karkaraly.csv", "1.2.1", localdata.upload_catalogue(data)
    ).store_rows()
    s.save_upload("karkaraly_district", "1.2.1", "karkaraly.csv", UPLOAD, rows, editor)
    yield s
    s.dispose()


@pytest.fixture(scope="module")
def data(store) -> Source:
    return Source(Settings.from_env({}), uploads=store)


def table_of(items: list) -> tuple:
    return next(i for i in items if isinstance(i, tuple))


@pytest.mark.parametrize("lang", LANGS)
def test_the_region_brief_says_what_the_pages_show(data, store, lang):
    model = build_brief(data, store, "KZKAR", lang, TODAY)
    title, sections = docx_sections(write_docx(model))
    name = data.labels().region_name("KZKAR", lang)
    assert title[0] == t("brief_title", lang, name=name)
    assert list(sections) == [t(f"brief_h_{s}", lang) for s in bl.SECTIONS if s != "local"]

    # Headline: the region page's index line and goal scores.
    year = index_view.latest_year(data)
    result = index_view.index_result(data, year)
    row = result.index[result.index["ref_area"] == "KZKAR"].iloc[0]
    line = t(
        "index_rank_line",
        lang,
        year=year,
        value=fmt_number(row["index"], lang, 1),
        rank=int(row["rank"]),
        n=int(result.index["rank"].notna().sum()),
    )
    head = sections[t("brief_h_headline", lang)]
    assert head[0].startswith(line + " [")
    # Goal scores: the region page's distance-to-2030 block (region, Kazakhstan, peers' mean).
    block = distance_view.region_distance(data, "KZKAR")
    peers = ", ".join(data.labels().region_name(c, lang) for c in block.peers.codes)
    assert head[1:3] == [t("brief_goals_note", lang), t("brief_peers", lang, names=peers)]
    goals = table_of(head)
    assert goals[0][1:4] == (name, t("national", lang), t("brief_col_peers", lang))
    mine = block.goals.sort_values("goal")
    for got, want in zip(goals[1:], mine.to_dict("records"), strict=True):
        assert got[0].startswith(f"{int(want['goal'])}. ")
        assert got[1:4] == tuple(
            fmt_number(score1(want[k]), lang, 1) for k in ("score", "national_score", "peer_score")
        )

    # Furthest behind: the plans page's rows and numbers, in its order.
    table = plans_view.place_status(data, store, "KZKAR")
    behind = plans_view.furthest_behind(table)
    shown = plan_tables.status_display(data, behind, lang)
    cells = table_of(sections[t("brief_h_behind", lang)])
    assert len(cells) == 1 + len(behind) >= 2
    for got, want in zip(cells[1:], shown.to_dict("records"), strict=True):
        assert got[0].startswith(want[t("indicator", lang)])
        assert got[1] == str(want[t("year", lang)])
        assert got[2] == fmt_number(want[t("brief_col_actual", lang)], lang)
        assert got[3].startswith(fmt_number(want[t("brief_col_expected", lang)], lang))
        assert got[4] == bl.signed(want[t("brief_col_gap", lang)], lang)
        final = f"{want[t('plan_col_final_year', lang)]}: "
        assert got[5] == final + fmt_number(want[t("plan_col_final_value", lang)], lang)

    # Trends: the index scores' base and latest values of the region (the profile's trends).
    scores = result.scores[result.scores["ref_area"] == "KZKAR"].set_index("indicator_id")
    for section in ("improvements", "deteriorations"):
        rows = table_of(sections[t(f"brief_h_{section}", lang)])[1:]
        assert rows
        for r in rows:
            ind = r[0].split(" ", 1)[0]
            s = scores.loc[ind]
            assert r[2] == f"{int(s['base_year'])}: {fmt_number(s['base_value'], lang)}"
            assert r[3] == f"{int(s['value_year'])}: {fmt_number(s['value'], lang)}"
            assert (s["observed"] > 0) == (section == "improvements")

    # Tags (the field seminars named household waste; so does the finding) and the finding.
    tags = table_of(sections[t("brief_h_tags", lang)])
    waste = data.tag_vocabulary().name("household_waste", lang)
    assert waste in [r[0] for r in tags[1:]]
    findings = table_of(sections[t("brief_h_findings", lang)])
    assert findings[1][:3] == ("2022-03-15", "–", FINDING)

    # Every number cited has its source listed.
    sources = sections[t("brief_h_sources", lang)]
    cited = {
        n
        for items in sections.values()
        for i in items
        if isinstance(i, tuple)
        for r in i[1:]
        for n in _refs(r[-1])
    }
    # The index line cites in running text.
    cited |= {int(n) for n in re.findall(r"\[(\d+)\]", head[0])}
    assert cited == {int(s.split("]", 1)[0][1:]) for s in sources}
    assert any("EXAMPLE" in s for s in sources) == any(behind["basis"] == "regional_plan")


def _refs(cell: str) -> list[int]:
    return [int(x.strip("[]")) for x in cell.split() if x.startswith("[")]


@pytest.mark.parametrize("lang", LANGS)
def test_the_pdf_has_the_region_and_its_figures(data, store, lang):
    model = build_brief(data, store, "KZKAR", lang, TODAY)
    text = " ".join(
        " ".join(p.extract_text().split())
        for p in pypdf.PdfReader(io.BytesIO(write_pdf(model))).pages
    )
    assert data.labels().region_name("KZKAR", lang) in text
    assert fmt_number(model.headline.index_score, lang, 1) in text
    for r in model.furthest_behind:
        assert fmt_number(r.actual, lang) in text
    for r in (*model.improvements, *model.deteriorations):
        assert f"{r.to_year}: {fmt_number(r.to_value, lang)}" in text
    assert "waste is collected twice a month" in text


def test_a_territory_brief_has_its_local_data_and_its_regions_figures(data, store):
    model = build_brief(data, store, "karkaraly_district", "ru", TODAY)
    _, sections = docx_sections(write_docx(model))
    assert t("brief_h_local", "ru") in sections
    local = table_of(sections[t("brief_h_local", "ru")])
    terr = data.territories()["karkaraly_district"]
    (item,) = territory_view.local_indicators(data, terr, "ru")
    latest = item.table[item.table[t("year", "ru")] == 2023].iloc[0]
    region_col = f"{t('terr_col_region', 'ru')}: {data.labels().region_name('KZKAR', 'ru')}"
    assert local[1][1:5] == (
        "2023",
        "4,25",
        fmt_number(latest[region_col], "ru"),
        fmt_number(latest[t("terr_col_national", "ru")], "ru"),
    )
    head = sections[t("brief_h_headline", "ru")]
    assert head[0] == t("brief_scope_region", "ru", region=data.labels().region_name("KZKAR", "ru"))
    # The region's targets are ranked with the territory's, named as the region's.
    region = data.labels().region_name("KZKAR", "ru")
    assert all(r.label.endswith(f"({region})") for r in model.furthest_behind)
    assert not pd.isna(model.headline.index_score)
