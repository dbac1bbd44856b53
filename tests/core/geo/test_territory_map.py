"""The territory locator map: the territory's hover lists its events and findings, a legend line
counts them, and nothing is added when there are none (pure plotly, no Streamlit)."""

from __future__ import annotations

import json

import pytest
from shapely.geometry import Point, shape

from sdgdash.data.territories import features_by_id
from sdgdash.geo.locator import activity_note, territory_hover, territory_locator
from sdgdash.i18n import t
from tests.conftest import REPO

GEOJSON = json.loads((REPO / "geodata" / "regions_2022.geojson").read_text(encoding="utf-8"))
PILOTS = features_by_id(
    json.loads((REPO / "geodata" / "pilot_territories.geojson").read_text(encoding="utf-8"))
)
CASES = {"karkaraly_district": "KZKAR", "kamystybas_village": "KZKZY"}
GLOCAL = (
    "6 June 2024",
    "Launch of the “GLocal” project: pilot territories Karkaraly and Kamystybas",
)


def _locator(territory_id: str, **kw):
    return territory_locator(
        GEOJSON,
        CASES[territory_id],
        PILOTS[territory_id],
        names={},
        territory_name="Territory <i>T</i>",
        **kw,
    )


def _hovers(fig) -> list[str]:
    """Hover texts of the territory's traces (the outline, the star, a polygon's centre)."""
    out = []
    for trace in fig.data:
        if trace.type != "scattergeo" or trace.hovertext is None:
            continue
        texts = [trace.hovertext] if isinstance(trace.hovertext, str) else list(trace.hovertext)
        out += texts
    return out


@pytest.mark.parametrize("territory_id", list(CASES))
def test_hover_lists_events_and_counts_findings(territory_id):
    fig = _locator(territory_id, events=[GLOCAL], findings=3, lang="en")
    hovers = _hovers(fig)
    assert hovers and len(set(hovers)) == 1, "outline, star and centre say the same"
    hover = hovers[0]
    # Broken into lines for the hover box; the words are all there, escaped.
    flat = hover.replace("<br>\u00a0\u00a0\u00a0", " ")
    assert "6 June 2024 — Launch of the “GLocal” project: pilot territories Karkaraly" in flat
    assert t("terr_map_findings", "en", n=3) in hover
    assert t("terr_map_events", "en", n=1) in hover
    assert "Territory &lt;i&gt;T&lt;/i&gt;" in hover and "<i>" not in hover
    legend = [d for d in fig.data if d.showlegend]
    assert fig.layout.showlegend is True and len(legend) == 1
    assert legend[0].name == "Territory &lt;i&gt;T&lt;/i&gt; — Events: 1 · Seminar findings: 3"
    symbol = "square" if territory_id == "karkaraly_district" else "star"
    assert legend[0].marker.symbol == symbol


@pytest.mark.parametrize("territory_id", list(CASES))
def test_no_legend_or_annotation_when_there_is_nothing(territory_id):
    fig = _locator(territory_id, lang="ru")
    assert not fig.layout.annotations
    assert not fig.layout.showlegend and not [d for d in fig.data if d.showlegend]
    assert _hovers(fig) and set(_hovers(fig)) == {"<b>Territory &lt;i&gt;T&lt;/i&gt;</b>"}


def test_a_polygon_answers_hover_inside_not_only_on_its_outline():
    fig = _locator("karkaraly_district", events=[GLOCAL], lang="en")
    centre = [d for d in fig.data if d.type == "scattergeo" and d.mode == "markers" and d.hovertext]
    assert len(centre) == 1 and centre[0].marker.opacity == 0
    lon, lat = centre[0].lon[0], centre[0].lat[0]
    assert shape(PILOTS["karkaraly_district"]["geometry"]).contains(Point(lon, lat))


@pytest.mark.parametrize(
    ("events", "findings", "lang", "note"),
    [
        (2, 3, "en", "Events: 2 · Seminar findings: 3"),
        (1, 0, "ru", "События: 1"),
        (0, 4, "kk", "Семинар қорытындылары: 4"),
        (0, 0, "en", ""),
    ],
)
def test_note_counts_only_what_exists(events, findings, lang, note):
    assert activity_note(events, findings, lang) == note


def test_hover_escapes_titles_and_wraps_long_ones():
    title = "<script>x</script> " + "word " * 30
    hover = territory_hover("T", [("2024", title)], 0, "en")
    assert "<script>" not in hover and "&lt;script&gt;" in hover
    assert all(len(line) < 80 for line in hover.split("<br>"))
    assert t("terr_map_findings", "en", n=0) not in hover


def test_neighbour_names_take_two_short_lines_and_the_region_one():
    names = {
        "KZKAR": "Карагандинская область",
        "KZALM": "Алматинская область",
        "KZZHS": "область Жетісу",
    }
    fig = territory_locator(
        GEOJSON,
        "KZKAR",
        PILOTS["karkaraly_district"],
        names=names,
        territory_name="Каркаралинский район",
        lang="ru",
    )
    labels = {
        d.text[0]
        for d in fig.data
        if d.type == "scattergeo" and d.mode == "text" and d.hoverinfo == "skip"
    }
    assert "Карагандинская область" in labels  # the region itself, bold, on one line
    assert {"Алматинская<br>область", "область<br>Жетісу"} <= labels
