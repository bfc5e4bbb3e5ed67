"""The chat API the page and widget use: sessions, rate limits, and the core's replies as JSON."""

from __future__ import annotations

import asyncio
import json
import logging
import re
import secrets
from dataclasses import dataclass, field
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from aiohttp import web

from bot.common.ratelimit import SlidingWindow
from bot.concerns.office_messages import delivery_message
from bot.core.dialogue import COMMANDS
from bot.core.replies import Reply, UserContext
from bot.knowledge.loading import CHOSEN_ROLES
from bot.store.records import utc_now

if TYPE_CHECKING:
    from bot.config import Config
    from bot.core.dialogue import Dialogue
    from bot.knowledge.render import Renderer
    from bot.store.base import Store
    from bot.store.records import Concern, Delivery

log = logging.getLogger("bot.web")

MAX_BODY = 16 * 1024
MAX_TEXT = 4000
SESSION = re.compile(r"^[A-Za-z0-9_-]{20,64}$")
PAYLOAD = re.compile(r"^[a-z]+(:[A-Za-z0-9_.\-]+)*$")
FEEDBACK = "fb:"


class ApiError(Exception):
    """A request the API refuses: HTTP status and the message to show the person."""

    def __init__(self, status: int, message: str, **context: Any) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.context = context


@dataclass
class ChatApi:
    """`POST /api/chat` and `POST /api/inbox`: one person's chat session at a time, in order."""

    config: Config
    dialogue: Dialogue
    store: Store
    sessions_by_address: SlidingWindow = field(init=False)
    messages_by_session: SlidingWindow = field(init=False)
    _locks: dict[str, asyncio.Lock] = field(default_factory=dict)

    def __post_init__(self) -> None:
        limit, per_address = self.config.web.rate_limit, self.config.web.address_rate_limit
        self.messages_by_session = SlidingWindow(limit.messages, limit.per_seconds)
        self.sessions_by_address = SlidingWindow(per_address.messages, per_address.per_seconds)

    @property
    def renderer(self) -> Renderer:
        return self.dialogue.engine.renderer

    # -- handlers ---------------------------------------------------------------------------------------

    async def chat(self, request: web.Request) -> web.Response:
        """A message or a tapped option; answers with the core's replies."""
        body = await self._body(request)
        session, notices = await self._session(body.get("session"))
        self._limit(request, session)
        text, payload = body.get("text"), body.get("payload")
        if (
            not isinstance(text, str | None)
            or not isinstance(payload, str | None)
            or (text is None) == (payload is None)
        ):
            raise ApiError(400, "web_bad_request")
        if text is not None and len(text) > MAX_TEXT:
            raise ApiError(413, "web_too_long")
        if len(self._locks) > 1000:  # keep memory flat: drop the locks nobody holds
            self._locks = {k: v for k, v in self._locks.items() if v.locked()}
        async with self._locks.setdefault(session, asyncio.Lock()):
            replies = await asyncio.to_thread(self._dialogue_call, session, text, payload)
        kinds = ",".join(r.action for r in replies)
        log.info("web session %s… %s -> %s", session[:6], "text" if text is not None else "tap", kinds)
        return web.json_response(
            {"session": session, "replies": notices + [self.as_json(r) for r in replies]}
        )

    async def inbox(self, request: web.Request) -> web.Response:
        """Messages waiting for the page: the office's replies to a concern sent from this session."""
        body = await self._body(request)
        session = body.get("session")
        if not isinstance(session, str) or not SESSION.match(session):
            raise ApiError(400, "web_bad_request")
        key = f"inbox:{_address(request)}"
        if not self.sessions_by_address.allow(key):
            raise ApiError(429, "web_rate_limited", seconds=self.sessions_by_address.wait_seconds(key))
        waiting = await asyncio.to_thread(self.store.take_web_messages, session)
        replies = [{"text": m.text, "html": m.html, "options": []} for m in waiting]
        return web.json_response({"session": session, "replies": replies})

    # -- pieces -----------------------------------------------------------------------------------------

    async def _body(self, request: web.Request) -> dict[str, Any]:
        if request.content_length is not None and request.content_length > MAX_BODY:
            raise ApiError(413, "web_too_long")
        try:
            raw = await request.read()
        except web.HTTPRequestEntityTooLarge:
            raise ApiError(413, "web_too_long") from None
        if len(raw) > MAX_BODY:
            raise ApiError(413, "web_too_long")
        try:
            body = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            raise ApiError(400, "web_bad_request") from None
        if not isinstance(body, dict):
            raise ApiError(400, "web_bad_request")
        return body

    async def _session(self, given: Any) -> tuple[str, list[dict[str, Any]]]:
        """The caller's live session, or a new one (with a notice if theirs had expired)."""
        now = utc_now()
        idle_before = now - timedelta(minutes=self.config.web.session_idle_minutes)
        known = isinstance(given, str) and SESSION.match(given)
        if known and await asyncio.to_thread(self.store.web_session_seen, given, now, idle_before, False):
            return given, []
        session = secrets.token_urlsafe(24)
        await asyncio.to_thread(self.store.web_session_seen, session, now, idle_before, True)
        notices = [self.notice("web_new_session")] if given else []
        return session, notices

    def _limit(self, request: web.Request, session: str) -> None:
        address = _address(request)
        if not self.sessions_by_address.allow(address):
            raise ApiError(429, "web_rate_limited", seconds=self.sessions_by_address.wait_seconds(address))
        if not self.messages_by_session.allow(session):
            raise ApiError(429, "web_rate_limited", seconds=self.messages_by_session.wait_seconds(session))

    def _user(self, session: str) -> UserContext:
        user_id = f"web:{session}"
        stored = self.store.get_role(user_id)
        role = stored if stored in CHOSEN_ROLES else "any"
        return UserContext(user_id=user_id, role=role, channel="web", chat_id=session)  # type: ignore[arg-type]

    def _dialogue_call(self, session: str, text: str | None, payload: str | None) -> list[Reply]:
        """In a worker thread: the store and the engine are blocking."""
        user = self._user(session)
        if payload is not None:
            if payload.startswith("cmd:") and payload[4:] in COMMANDS:
                return self.dialogue.command(user, payload[4:])
            if len(payload) > 64 or not PAYLOAD.match(payload):
                return [self.dialogue.engine.reply("info", "stale_button")]
            return self.dialogue.choose(user, payload)
        assert text is not None
        stripped = text.strip()
        if stripped.startswith("/"):
            name, _, args = stripped[1:].partition(" ")
            if name.lower() in COMMANDS:
                return self.dialogue.command(user, name.lower(), args)
        return self.dialogue.handle(user, text)

    def as_json(self, reply: Reply) -> dict[str, Any]:
        """One reply as the API returns it; answers get 👍 / 👎 options like on Telegram."""
        options = [{"label": o.label, "payload": o.payload} for o in reply.options]
        html = reply.html
        if (
            reply.action == "answer"
            and reply.topic
            and not any(o.payload.startswith(FEEDBACK) for o in reply.options)
        ):
            options += [
                {"label": self.text("web_feedback_yes"), "payload": f"{FEEDBACK}{reply.topic}:1"},
                {"label": self.text("web_feedback_no"), "payload": f"{FEEDBACK}{reply.topic}:0"},
            ]
            html = f"{html}\n\n{self.renderer.message('web_feedback_prompt').html}"
        return {"text": reply.text, "html": html, "options": options}

    def notice(self, name: str, **context: Any) -> dict[str, Any]:
        """A message of the web channel's own (knowledge/messages/web.yaml) as an API reply."""
        rendered = self.renderer.message(name, **context)
        return {"text": rendered.text, "html": rendered.html, "options": []}

    def text(self, name: str, **context: Any) -> str:
        return self.renderer.message(name, **context).text


def _address(request: web.Request) -> str:
    """The client's address (the proxy's X-Forwarded-For is honoured only from loopback)."""
    peer = request.remote or ""
    forwarded = request.headers.get("X-Forwarded-For", "")
    if forwarded and peer in ("127.0.0.1", "::1"):
        return forwarded.split(",")[-1].strip() or peer
    return peer


class WebSender:
    """The outbox's Sender for `user-web:<session>`: the office's reply waits in the store for the page."""

    def __init__(self, store: Store, renderer: Renderer) -> None:
        self.store = store
        self.renderer = renderer

    async def send(self, delivery: Delivery, concern: Concern) -> None:
        """Keep the message for the session's page; raises on failure so the outbox retries."""
        _, text, html = delivery_message(self.renderer, delivery, concern)
        await asyncio.to_thread(self.store.add_web_message, delivery.target, text, html)
