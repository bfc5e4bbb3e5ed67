"""The web channel's aiohttp application: routes, security headers, errors, and running it.

aiohttp.web runs on asyncio, so `policybot run` serves it on the same event loop as the Telegram
Application (see `WebCompanion`); `policybot web` runs it alone with its own outbox worker.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from aiohttp import web

from bot.channels.web.auth import LoginLimiter, OfficeSessions
from bot.channels.web.chat import ApiError, ChatApi, WebSender
from bot.channels.web.office import OfficeDashboard
from bot.channels.web.pages import STATIC, Pages
from bot.channels.web.review import ReviewPages
from bot.store.records import utc_now

if TYPE_CHECKING:
    from bot.config import Config
    from bot.core.dialogue import Dialogue
    from bot.store.base import Store

log = logging.getLogger("bot.web")

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]
MAX_REQUEST = 64 * 1024  # forms on the dashboard; the chat API refuses more than 16 KB itself
HOUSEKEEPING_SECONDS = 60.0
CHANNEL_KEY = web.AppKey("policybot_web", object)


def content_security_policy(config: Config) -> str:
    """Scripts, styles and images only from this server; framing only by the configured school sites."""
    ancestors = " ".join(["'self'", *config.web.embed_origins])
    return (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "connect-src 'self'; form-action 'self'; base-uri 'none'; object-src 'none'; "
        f"frame-ancestors {ancestors}"
    )


@web.middleware
async def _errors(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Refusals as friendly JSON on the API; never a traceback to anyone."""
    api: ChatApi = request.app[CHANNEL_KEY].api  # type: ignore[attr-defined]
    try:
        return await handler(request)
    except ApiError as err:
        body = {"error": err.message, "replies": [api.notice(err.message, **err.context)]}
        return web.json_response(body, status=err.status)
    except web.HTTPException:
        raise
    except Exception:
        log.exception("%s %s failed", request.method, request.path)
        if request.path.startswith("/api/"):
            return web.json_response({"error": "web_error", "replies": [api.notice("web_error")]}, status=500)
        return web.Response(text="Sorry, something went wrong — please try again.", status=500)


@dataclass
class WebChannel:
    """Everything the web handlers share."""

    config: Config
    dialogue: Dialogue
    store: Store
    outbox: Any = None
    pages: Pages = field(init=False)
    api: ChatApi = field(init=False)
    office: OfficeDashboard = field(init=False)
    review: ReviewPages = field(init=False)

    def __post_init__(self) -> None:
        renderer = self.dialogue.engine.renderer
        self.pages = Pages(renderer)
        self.api = ChatApi(self.config, self.dialogue, self.store)
        web_config = self.config.web
        self.office = OfficeDashboard(
            self.config,
            self.store,
            self.pages,
            OfficeSessions(web_config.office_session_minutes * 60.0),
            LoginLimiter(web_config.login_attempts),
            self.outbox,
        )
        self.review = ReviewPages(self.config, self.store, self.pages, self.dialogue)
        # The hook for knowledge reloading (the policies issue): when the dialogue can reload its knowledge,
        # an example added from the dashboard takes effect at once; otherwise the office is told to restart.
        self.review.reload = getattr(self.dialogue, "reload", None)

    def attach_outbox(self, outbox: Any) -> None:
        """Use this outbox for office replies, and give it the web sender for `user-web:` deliveries."""
        self.outbox = outbox
        self.office.outbox = outbox
        if outbox is not None:
            outbox.senders.setdefault("user-web", WebSender(self.store, self.dialogue.engine.renderer))

    async def chat_page(self, request: web.Request) -> web.Response:
        """The chat page (also shown inside the widget's frame with ?embed=1)."""
        return self.pages.render("chat.html.j2", embed=request.query.get("embed") == "1")

    def housekeeping(self) -> None:
        """Time out idle conversations, drop expired sessions and old unanswered questions."""
        now = utc_now()
        for user, reply in self.dialogue.expire_idle(now):
            if user.channel == "web" and user.chat_id:
                self.store.add_web_message(user.chat_id, reply.text, reply.html)
        idle = now - timedelta(minutes=self.config.web.session_idle_minutes)
        for session in self.store.expired_web_sessions(idle):
            self.store.forget_user(f"web:{session}")
            self.store.drop_web_session(session)
        self.store.purge_unanswered(now - timedelta(days=self.config.insights.retention_days))
        self.store.purge_closed(now - timedelta(days=self.config.concerns.retention_days))


def build_web_app(config: Config, dialogue: Dialogue, store: Store, outbox: Any = None) -> web.Application:
    """The aiohttp application with every route registered."""
    channel = WebChannel(config, dialogue, store)
    channel.attach_outbox(outbox)
    csp = content_security_policy(config)

    @web.middleware
    async def headers(request: web.Request, handler: Handler) -> web.StreamResponse:
        try:
            response = await handler(request)
        except web.HTTPException as err:
            response = err
            _secure(response, csp)
            raise
        _secure(response, csp)
        return response

    app = web.Application(client_max_size=MAX_REQUEST, middlewares=[headers, _errors, channel.office.guard])
    app[CHANNEL_KEY] = channel
    office, review = channel.office, channel.review
    app.router.add_get("/", channel.chat_page)
    app.router.add_post("/api/chat", channel.api.chat)
    app.router.add_post("/api/inbox", channel.api.inbox)
    app.router.add_get("/widget.js", _widget)
    app.router.add_static("/static/", STATIC, append_version=False)
    app.router.add_get("/office", office.inbox)
    app.router.add_get("/office/login", office.login_form)
    app.router.add_post("/office/login", office.login)
    app.router.add_post("/office/logout", office.logout)
    app.router.add_get("/office/concerns.csv", office.export)
    app.router.add_get("/office/concerns/{reference}", office.concern)
    app.router.add_post("/office/concerns/{reference}/reply", office.reply)
    app.router.add_post("/office/concerns/{reference}/close", office.close)
    app.router.add_get("/office/unanswered", review.unanswered)
    app.router.add_post("/office/unanswered", review.act)
    app.router.add_get("/office/insights", review.insights)
    return app


def _secure(response: web.StreamResponse, csp: str) -> None:
    response.headers.setdefault("Content-Security-Policy", csp)
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("Referrer-Policy", "same-origin")
    response.headers.setdefault("Cache-Control", "no-store")


async def _widget(request: web.Request) -> web.FileResponse:
    """The one-line embed script (served from the root so the snippet stays short)."""
    return web.FileResponse(STATIC / "widget.js", headers={"Content-Type": "text/javascript"})


def web_channel(app: web.Application) -> WebChannel:
    """The shared WebChannel of an application."""
    return app[CHANNEL_KEY]  # type: ignore[return-value]


class WebCompanion:
    """Serves the web channel inside another channel's event loop (Telegram's), sharing its outbox."""

    def __init__(self, config: Config, host: str | None = None, port: int | None = None) -> None:
        self.config = config
        self.host = host or config.web.host
        self.port = config.web.port if port is None else port
        self.runner: web.AppRunner | None = None
        self.site: web.TCPSite | None = None
        self._housekeeping: asyncio.Task[None] | None = None

    async def start(self, dialogue: Dialogue, store: Store, outbox: Any) -> None:
        """Build the application on the running loop and start listening."""
        app = build_web_app(self.config, dialogue, store, outbox)
        self.runner = web.AppRunner(app, access_log=None)
        await self.runner.setup()
        self.site = web.TCPSite(self.runner, self.host, self.port)
        await self.site.start()
        self._housekeeping = asyncio.create_task(_housekeep(web_channel(app)), name="policybot-web-jobs")
        log.info("web chat and office dashboard on http://%s:%s/", self.host, self.bound_port)

    @property
    def bound_port(self) -> int:
        """The port actually listened on (useful with port 0)."""
        server = getattr(self.site, "_server", None)
        sockets = getattr(server, "sockets", None) or []
        return int(sockets[0].getsockname()[1]) if sockets else self.port

    async def stop(self) -> None:
        """Stop listening (requests under way finish first)."""
        if self._housekeeping is not None:
            self._housekeeping.cancel()
        if self.runner is not None:
            await self.runner.cleanup()


async def _housekeep(channel: WebChannel) -> None:
    while True:
        await asyncio.sleep(HOUSEKEEPING_SECONDS)
        # In-memory limits and sessions are pruned here on the loop, where they are used; the store work
        # runs in a thread.
        channel.api.messages_by_session.prune()
        channel.api.sessions_by_address.prune()
        channel.office.sessions.prune()
        channel.office.limiter.prune()
        try:
            await asyncio.to_thread(channel.housekeeping)
        except Exception:
            log.exception("web housekeeping failed")
