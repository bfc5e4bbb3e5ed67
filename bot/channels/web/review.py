"""The dashboard's unanswered questions (add as example, dismiss, needs a new topic) and insights pages."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from aiohttp import web
from markupsafe import Markup

from bot.channels.web.office import SESSION_KEY
from bot.channels.web.pages import Pages
from bot.core.engine import Engine
from bot.insights.charts import insight_charts
from bot.insights.examples import ExampleError, add_example
from bot.insights.figures import OUTCOMES, build_insights
from bot.insights.grouping import group_questions
from bot.store.records import utc_now

if TYPE_CHECKING:
    from bot.config import Config
    from bot.core.dialogue import Dialogue
    from bot.store.base import Store

log = logging.getLogger("bot.web.office")

ACTIONS = {"dismiss": "dismissed", "new_topic": "new_topic", "example": "added"}
MAX_DAYS = 366


@dataclass
class ReviewPages:
    """What the office learns from: questions the bot could not answer, and how it is being used."""

    config: Config
    store: Store
    pages: Pages
    dialogue: Dialogue
    reload: Callable[[], object] | None = None  # set when the running bot can reload its knowledge

    async def unanswered(self, request: web.Request) -> web.Response:
        """Open unanswered questions, grouped, each group with its nearest topic."""
        return await self._page(request, 200, [])

    async def _page(self, request: web.Request, status: int, problems: list[str]) -> web.Response:
        questions = await asyncio.to_thread(self.store.list_unanswered, "open")
        topics = self.dialogue.engine.knowledge.topics
        return self.pages.render(
            "office_unanswered.html.j2",
            http_status=status,
            session=request[SESSION_KEY],
            groups=group_questions(questions),
            topics=sorted(topics.values(), key=lambda t: t.title),
            titles={t.id: t.title for t in topics.values()},
            note=request.query.get("note", ""),
            problems=problems,
            new_topics=await asyncio.to_thread(self.store.list_unanswered, "new_topic", 100),
            page="unanswered",
        )

    async def act(self, request: web.Request) -> web.StreamResponse:
        """Dismiss a group, mark it as needing a new topic, or add its question as an example to a topic."""
        form = await request.post()
        action = str(form.get("action", ""))
        ids = [int(v) for v in form.getall("id", []) if str(v).isdigit()]
        if action not in ACTIONS or not ids:
            raise web.HTTPSeeOther("/office/unanswered?note=nothing")
        session = request[SESSION_KEY]
        if action == "example":
            problems = await asyncio.to_thread(self._add_example, str(form.get("topic", "")), ids)
            if problems:
                return await self._page(request, 422, problems)
        await asyncio.to_thread(self.store.set_unanswered_status, ids, ACTIONS[action])
        log.info("office %s marked %d unanswered question(s) %s", session.name, len(ids), ACTIONS[action])
        note = "added" if action == "example" and self.reload is not None else action
        if action == "example" and self.reload is None:
            note = "added_restart"
        raise web.HTTPSeeOther(f"/office/unanswered?note={note}")

    def _add_example(self, topic: str, ids: list[int]) -> list[str]:
        """Write the group's first question into the topic's examples, check the knowledge, reload."""
        chosen = [q for q in self.store.list_unanswered("open") if q.id in ids]
        if not chosen:
            return ["those questions were already dealt with — reload the page"]
        knowledge = self.dialogue.engine.knowledge
        try:
            add_example(knowledge, topic, chosen[0].text, self._check)  # the one shown as the group's heading
        except ExampleError as err:
            return err.problems
        if self.reload is not None:
            self.reload()
        return []

    def _check(self, folder: Path) -> None:
        Engine.load(self.config, folder)  # raises KnowledgeError / TemplateError with file:line problems

    async def insights(self, request: web.Request) -> web.Response:
        """Questions per day by outcome, top topics, helpful vs not per topic, as SVG charts and tables."""
        days = request.query.get("since", "30")
        since_days = min(int(days), MAX_DAYS) if days.isdigit() and int(days) > 0 else 30
        until = utc_now()
        since = until - timedelta(days=since_days - 1)
        counts = await asyncio.to_thread(self.store.outcome_counts, since)
        figures = build_insights(counts, since.date(), until.date())
        titles = {t.id: t.title for t in self.dialogue.engine.knowledge.topics.values()}
        charts = insight_charts(figures, titles)
        return self.pages.render(
            "office_insights.html.j2",
            session=request[SESSION_KEY],
            figures=figures,
            outcomes=OUTCOMES,
            titles=titles,
            since=since_days,
            per_day_svg=Markup(charts.per_day),
            top_svg=Markup(charts.top_topics),
            helpful_svg=Markup(charts.helpful),
            page="insights",
        )
