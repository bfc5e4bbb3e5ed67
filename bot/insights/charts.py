"""Server-side SVG charts for the insights: no scripts, no third-party chart library, escaped labels."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from html import escape

from bot.insights.figures import OUTCOMES, Insights

COLOURS = {
    "answered": "#2e7d32",
    "clarified": "#f9a825",
    "fallback": "#c62828",
    "forwarded": "#1565c0",
    "safeguarding": "#6a1b9a",
    "helpful": "#2e7d32",
    "not helpful": "#c62828",
}
WIDTH = 640


def _svg(height: int, title: str, body: list[str]) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" role="img" '
        f'aria-label="{escape(title)}" class="chart"><title>{escape(title)}</title>{"".join(body)}</svg>'
    )


def _legend(keys: list[str], y: int) -> list[str]:
    out = []
    for i, key in enumerate(keys):
        x = 10 + i * 120
        out.append(f'<rect x="{x}" y="{y}" width="12" height="12" fill="{COLOURS[key]}"/>')
        out.append(f'<text x="{x + 16}" y="{y + 11}" font-size="12">{escape(key)}</text>')
    return out


def per_day_chart(insights: Insights, title: str = "Questions per day by outcome") -> str:
    """Stacked bars, one per day, coloured by outcome."""
    days = list(insights.per_day.items())
    height, top, bottom = 240, 10, 190
    peak = max([sum(c.values()) for _, c in days] + [1])
    step = (WIDTH - 50) / max(len(days), 1)
    body = [f'<line x1="40" y1="{bottom}" x2="{WIDTH - 5}" y2="{bottom}" stroke="#555"/>']
    body.append(f'<text x="0" y="{top + 10}" font-size="12">{peak}</text>')
    for i, (day, counts) in enumerate(days):
        x, y = 45 + i * step, float(bottom)
        for outcome in OUTCOMES:
            h = (bottom - top) * counts[outcome] / peak
            if h > 0:
                y -= h
                body.append(
                    f'<rect x="{x:.1f}" y="{y:.1f}" width="{max(step - 2, 1):.1f}" height="{h:.1f}" '
                    f'fill="{COLOURS[outcome]}"><title>{day} {outcome}: {counts[outcome]}</title></rect>'
                )
        if len(days) <= 14 or i % max(1, len(days) // 7) == 0:
            body.append(f'<text x="{x:.1f}" y="{bottom + 14}" font-size="10">{day[5:]}</text>')
    return _svg(height, title, body + _legend(list(OUTCOMES), 215))


def bar_chart(rows: list[tuple[str, list[tuple[str, int]]]], title: str) -> str:
    """Horizontal bars, one row per label, each split into coloured parts (e.g. helpful / not helpful)."""
    height = 30 + 24 * max(len(rows), 1) + 20
    peak = max([sum(v for _, v in parts) for _, parts in rows] + [1])
    body = []
    keys: list[str] = []
    for i, (label, parts) in enumerate(rows):
        y = 10 + i * 24
        body.append(f'<text x="0" y="{y + 13}" font-size="12">{escape(label[:40])}</text>')
        x = 260.0
        for key, value in parts:
            if key not in keys:
                keys.append(key)
            w = (WIDTH - 300) * value / peak
            if w > 0:
                colour = COLOURS.get(key, "#1565c0")
                body.append(
                    f'<rect x="{x:.1f}" y="{y}" width="{w:.1f}" height="16" fill="{colour}">'
                    f"<title>{escape(label)} {escape(key)}: {value}</title></rect>"
                )
                x += w
        body.append(f'<text x="{x + 4:.1f}" y="{y + 13}" font-size="12">{sum(v for _, v in parts)}</text>')
    if not rows:
        body.append('<text x="0" y="24" font-size="12">No data yet.</text>')
    legend = [k for k in keys if k in COLOURS]
    return _svg(height, title, body + _legend(legend, height - 16))


@dataclass(frozen=True)
class Charts:
    """The three insight charts as SVG text: questions per day, top topics, helpful vs not per topic."""

    per_day: str
    top_topics: str
    helpful: str


def insight_charts(insights: Insights, titles: Mapping[str, str] | None = None) -> Charts:
    """Every chart the dashboard and `policybot insights` show; bars are labelled with the topics' titles
    where `titles` has them, else with the topic ids."""
    names = titles or {}
    top = [(names.get(topic, topic), [("answered", n)]) for topic, n in insights.top_topics]
    helpful = [
        (names.get(topic, topic), [("helpful", yes), ("not helpful", no)])
        for topic, (yes, no) in insights.feedback.items()
    ]
    return Charts(
        per_day_chart(insights),
        bar_chart(top, "Top topics"),
        bar_chart(helpful, "Helpful vs not helpful per topic"),
    )
