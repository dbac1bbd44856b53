"""maps.titled: the title and source sit on top of the figure, escaped, without eating the plot."""

from __future__ import annotations

import plotly.graph_objects as go

from sdgdash.figures import SOURCE_LINE_PX, TITLE_LINE_PX, titled


def test_title_and_source_go_on_top_and_a_fixed_height_grows() -> None:
    fig = go.Figure(go.Bar(x=[1], y=["a"]), layout={"height": 200, "margin": {"t": 30}})
    titled(fig, "Goal 5: <b>women</b> & men", "Source: data/indicator_5-5-2.csv")
    title = fig.layout.title
    assert title.text == "<b>Goal 5: &lt;b&gt;women&lt;/b&gt; &amp; men</b>"  # text, not markup
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
    # One title line; the rest open the subtitle (plotly cuts off a multi-line title's top).
    assert "<br>" not in fig.layout.title.text
    assert fig.layout.title.subtitle.text.count("font-size:15px") >= 5
    assert fig.layout.title.subtitle.text.endswith("<br>src")


def test_presentation_scale_grows_every_title_line() -> None:
    fig = go.Figure(go.Bar(x=[1], y=["a"]), layout={"height": 100})
    titled(fig, "word " * 30, "src", width=50, scale=1.5)
    assert fig.layout.title.font.size == 22
    assert "font-size:22px" in fig.layout.title.subtitle.text
    assert fig.layout.height == 100 + round((3 * TITLE_LINE_PX + SOURCE_LINE_PX) * 1.5)  # 3 lines
