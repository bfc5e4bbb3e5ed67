"""The insight figures: questions per day by outcome, top topics, helpful vs not per topic; text and CSV."""

from __future__ import annotations

import csv
import io
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

from bot.store.records import OutcomeCount

OUTCOMES = ("answered", "clarified", "fallback", "forwarded", "safeguarding")
TOPIC_OUTCOMES = ("answered", "answered_by_tap")


@dataclass
class Insights:
    """Figures over a period (days with no questions included, so charts show gaps)."""

    since: date
    until: date
    per_day: dict[str, dict[str, int]] = field(default_factory=dict)  # day -> outcome -> count
    top_topics: list[tuple[str, int]] = field(default_factory=list)
    feedback: dict[str, tuple[int, int]] = field(default_factory=dict)  # topic -> (helpful, not helpful)

    @property
    def totals(self) -> dict[str, int]:
        """Questions per outcome over the period."""
        total: Counter[str] = Counter()
        for counts in self.per_day.values():
            total.update(counts)
        return {outcome: total[outcome] for outcome in OUTCOMES}


def build_insights(counts: list[OutcomeCount], since: date, until: date, top: int = 10) -> Insights:
    """Fold the store's per-day counts into the figures."""
    per_day: dict[str, dict[str, int]] = {}
    day = since
    while day <= until:
        per_day[day.isoformat()] = dict.fromkeys(OUTCOMES, 0)
        day += timedelta(days=1)
    topics: Counter[str] = Counter()
    feedback: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for c in counts:
        if c.outcome in OUTCOMES and c.day in per_day:
            per_day[c.day][c.outcome] += c.count
        if c.outcome in TOPIC_OUTCOMES and c.topic:
            topics[c.topic] += c.count
        if c.outcome in ("helpful", "unhelpful") and c.topic:
            feedback[c.topic][0 if c.outcome == "helpful" else 1] += c.count
    return Insights(
        since,
        until,
        per_day,
        topics.most_common(top),
        {topic: (pair[0], pair[1]) for topic, pair in sorted(feedback.items())},
    )


def as_text(insights: Insights) -> str:
    """A plain-text report (for cron and e-mail)."""
    lines = [f"PolicyBot insights {insights.since} to {insights.until}", ""]
    totals = insights.totals
    lines.append("Questions: " + ", ".join(f"{outcome} {totals[outcome]}" for outcome in OUTCOMES))
    lines += ["", "Per day:", "  day         " + "  ".join(f"{o:>12}" for o in OUTCOMES)]
    for day, counts in insights.per_day.items():
        lines.append(f"  {day}  " + "  ".join(f"{counts[o]:>12}" for o in OUTCOMES))
    lines += ["", "Top topics:"]
    lines += [f"  {count:>5}  {topic}" for topic, count in insights.top_topics] or ["  (none)"]
    lines += ["", "Helpful / not helpful:"]
    lines += [f"  {yes:>5} / {no:<5} {topic}" for topic, (yes, no) in insights.feedback.items()] or [
        "  (none)"
    ]
    return "\n".join(lines) + "\n"


def as_csv(insights: Insights) -> str:
    """One row per figure: section, key (day or topic), measure, value."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["section", "key", "measure", "value"])
    for day, counts in insights.per_day.items():
        for outcome in OUTCOMES:
            writer.writerow(["per_day", day, outcome, counts[outcome]])
    for topic, count in insights.top_topics:
        writer.writerow(["top_topics", topic, "questions", count])
    for topic, (yes, no) in insights.feedback.items():
        writer.writerow(["feedback", topic, "helpful", yes])
        writer.writerow(["feedback", topic, "not_helpful", no])
    return out.getvalue()
