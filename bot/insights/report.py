"""The insights as one self-contained HTML page (SVG charts inline, no scripts), for e-mail or a browser."""

from __future__ import annotations

import jinja2
from markupsafe import Markup

from bot.insights.charts import insight_charts
from bot.insights.figures import OUTCOMES, Insights

_PAGE = """<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><title>PolicyBot insights — {{ school }}</title></head>
<body style="font-family: sans-serif; max-width: 700px; margin: auto">
<h1>PolicyBot insights</h1>
<p>{{ school }}, {{ f.since }} to {{ f.until }}.</p>
<h2>Questions per day by outcome</h2>
<p>{% for o in outcomes %}{{ o }}: {{ f.totals[o] }}{{ ", " if not loop.last }}{% endfor %}</p>
{{ per_day }}
<h2>Top topics</h2>
{{ top }}
<h2>Helpful vs not helpful</h2>
{{ helpful }}
</body></html>
"""


def as_html(insights: Insights, school: str) -> str:
    """The page; topic ids label the bars (the CLI has no knowledge loaded)."""
    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)
    charts = insight_charts(insights)
    return env.from_string(_PAGE).render(
        school=school,
        f=insights,
        outcomes=OUTCOMES,
        per_day=Markup(charts.per_day),
        top=Markup(charts.top_topics),
        helpful=Markup(charts.helpful),
    )
