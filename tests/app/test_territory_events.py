"""The pilot territory page shows its events: the GLocal launch on the locator map's hover and
legend (with the number of findings recorded for the territory) and as a card below the header,
the region's other events listed apart."""

from __future__ import annotations

import json
import re
from datetime import date

import pandas as pd
import pytest

from sdgdash.i18n import LANGS, t
from sdgdash.store import FindingInput
from tests.conftest import REPO

PAGE = "app_pages/territory.py"
PILOTS = {"karkaraly_district": "kamystybas_village", "kamystybas_village": "karkaraly_district"}
EVENTS = pd.read_csv(REPO / "data" / "curated" / "events.csv").set_index("event_id")
GLOCAL = EVENTS.loc["2024_glocal_launch"]
SEMINARS = EVENTS.loc["2022_field_seminars"]


def _add(store, territory_id: str, text: str) -> None:
    """A TEST finding (made up for the test) recorded for ``territory_id``."""
    editor = store.user("aigerim") or store.create_user("aigerim", "correct horse battery")
    store.add_finding(
        FindingInput(
            finding_date=date(2024, 6, 6),
            text=text,
            source="TEST minutes",
            territory_id=territory_id,
        ),
        editor,
    )


def _locator(at) -> dict:
    """The locator map's figure (the one geo chart on the page)."""
    specs = [json.loads(c.proto.spec) for c in at.get("plotly_chart")]
    geo = [s for s in specs if "geo" in s["layout"]]
    assert len(geo) == 1
    return geo[0]


def _unescape(markdown: str) -> str:
    """Markdown as the reader sees it (the page escapes data text)."""
    return re.sub(r"\\(.)", r"\1", markdown)


def _hovers(fig: dict) -> set[str]:
    out = set()
    for trace in fig["data"]:
        text = trace.get("hovertext")
        out |= {text} if isinstance(text, str) else set(text or [])
    return out


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("tid", list(PILOTS))
def test_glocal_event_and_findings_on_the_map_and_below_the_header(app, store, tid, lang):
    _add(store, tid, "TEST finding one")
    _add(store, tid, "TEST finding two")
    _add(store, PILOTS[tid], "TEST finding of the other pilot")  # not counted here
    at = app(PAGE, lang=lang, territory=tid)
    assert not at.exception, [e.value for e in at.exception]

    fig = _locator(at)
    hovers = _hovers(fig)
    assert len(hovers) == 1, hovers
    hover = hovers.pop().replace("<br>\u00a0\u00a0\u00a0", " ")
    assert GLOCAL[f"title_{lang}"] in hover
    assert t("terr_map_findings", lang, n=2) in hover
    legend = [d["name"] for d in fig["data"] if d.get("showlegend")]
    note = f"{t('terr_map_events', lang, n=1)} · {t('terr_map_findings', lang, n=2)}"
    assert len(legend) == 1 and legend[0].endswith(note), legend

    headings = [h.value for h in at.subheader]
    assert t("terr_events_heading", lang) in headings
    shown = [_unescape(m.value) for m in at.markdown]
    cards = [m for m in shown if m.startswith("**") and " — " in m]
    assert any(GLOCAL[f"title_{lang}"] in c for c in cards), cards
    # The region's other events are listed apart (all-region seminars included), not the launch.
    region_list = next(m for m in shown if m.startswith("- **"))
    assert SEMINARS[f"title_{lang}"] in region_list
    assert GLOCAL[f"title_{lang}"] not in region_list


def test_without_findings_the_map_counts_only_events(app):
    at = app(PAGE, lang="en", territory="kamystybas_village")
    assert not at.exception
    fig = _locator(at)
    legend = [d["name"] for d in fig["data"] if d.get("showlegend")]
    assert legend == ["Kamystybas village — Events: 1"]
    assert all("Seminar findings" not in h for h in _hovers(fig))
