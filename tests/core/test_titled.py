"""maps.titled: the title and source sit on top of the figure, escaped, without eating the plot."""

from __future__ import annotations

import plotly.graph_objects as go

from sdgdash.maps import SOURCE_LINE_PX, TITLE_LINE_PX, titled


def test_title_and_source_go_on_top_and_a_fixed_height_grows() -> None:
    fig = go.Figure(go.Bar(x=[1], y=["a"]), layout={"height": 200, "margin": {"t": 30}})
    titled(fig, "Goal 5: <b>women</b> & men", "Source: data/indicator_5-5-2.csv")
    title = fig.layout.title
    assert title.text == "Goal 5: &lt;b&gt;women&lt;/b&gt; &amp; men"  # text, never markup
    assert title.subtitle.text == "Source: data/indicator_5-5-2.csv"
    assert (title.yref, title.y, title.yanchor, title.automargin) == ("container", 1, "top", True)
    assert fig.layout.height == 200 + TITLE_LINE_PX + SOURCE_LINE_PX
    assert fig.layout.margin.t == 30


def test_no_title_no_change_and_auto_height_stays_auto() -> None:
    fig = go.Figure(go.Bar(x=[1], y=["a"]))
    titled(fig, "", "")
    assert fig.layout.title.text is None and fig.layout.height is None
    titled(fig, "A long title " * 20, "src", width=40)
    assert fig.layout.height is None
    assert fig.layout.title.text.count("<br>") >= 5
