"""The office dashboard: login, and the concerns inbox (read, search, reply, close, export)."""

from __future__ import annotations

import asyncio
import io
import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from aiohttp import web

from bot.channels.web.auth import (
    LoginLimiter,
    OfficeSession,
    OfficeSessions,
    csrf_ok,
    dummy_verify,
    verify_password,
)
from bot.channels.web.pages import Pages
from bot.concerns.export import write_csv
from bot.concerns.outbox import reply_destination

if TYPE_CHECKING:
    from bot.config import Config
    from bot.store.base import Store
    from bot.store.records import Concern

log = logging.getLogger("bot.web.office")

COOKIE = "pb_office"
# Newer aiohttp wants typed request keys (and warns about plain strings); older versions take a string.
SESSION_KEY: Any = (
    web.RequestKey("office_session", object) if hasattr(web, "RequestKey") else "office_session"
)
RELAYED_CHANNELS = ("telegram", "web")  # channels whose people get the office's reply through the outbox
MAX_REPLY = 4000


def visible(concern: Concern, session: OfficeSession) -> bool:
    """Safeguarding alerts are for the DSL only."""
    return concern.kind != "safeguarding" or session.role == "dsl"


def matches(concern: Concern, query: str) -> bool:
    """Whether a search finds this concern (reference, text, class, name, contact)."""
    haystack = " ".join([concern.reference, concern.text, concern.child_class, concern.name, concern.contact])
    return query.casefold() in haystack.casefold()


@dataclass
class OfficeDashboard:
    """The dashboard's guard and its concern pages; the unanswered and insights pages are in review.py."""

    config: Config
    store: Store
    pages: Pages
    sessions: OfficeSessions
    limiter: LoginLimiter
    outbox: Any = None

    # -- the guard ----------------------------------------------------------------------------------------

    @web.middleware
    async def guard(self, request: web.Request, handler: Any) -> web.StreamResponse:
        """Every /office page needs a login (but the login form); every form needs its CSRF token."""
        if not request.path.startswith("/office"):
            return await handler(request)
        token = request.cookies.get(COOKIE)
        session = self.sessions.get(token)
        if request.method == "POST":
            form = await request.post()
            submitted = form.get("csrf")
            if not csrf_ok(session, submitted if isinstance(submitted, str) else None):
                log.warning(
                    "refused a form without a valid CSRF token: %s %s from %s",
                    request.method,
                    request.path,
                    request.remote,
                )
                return self.pages.render(
                    "office_refused.html.j2", http_status=403, reason="csrf", session=None
                )
        if request.path == "/office/login":
            if session is None:
                token, session = self.sessions.new()
                request[SESSION_KEY] = session
                response = await handler(request)
                self.set_cookie(response, token)
                return response
            request[SESSION_KEY] = session
            return await handler(request)
        if session is None or not session.logged_in:
            log.warning(
                "refused %s %s to someone not logged in, from %s",
                request.method,
                request.path,
                request.remote,
            )
            if request.method == "GET":
                raise web.HTTPSeeOther("/office/login")
            return self.pages.render("office_refused.html.j2", http_status=403, reason="login", session=None)
        request[SESSION_KEY] = session
        return await handler(request)

    def set_cookie(self, response: web.StreamResponse, token: str) -> None:
        """The session cookie: HttpOnly, SameSite=Strict, Secure (unless configured off), /office only."""
        response.set_cookie(
            COOKIE,
            token,
            path="/office",
            httponly=True,
            secure=self.config.web.secure_cookies,
            samesite="Strict",
            max_age=self.config.web.office_session_minutes * 60,
        )

    # -- login -----------------------------------------------------------------------------------------------

    async def login_form(self, request: web.Request) -> web.Response:
        """The login form (or straight to the inbox when already logged in)."""
        session: OfficeSession = request[SESSION_KEY]
        if session.logged_in:
            raise web.HTTPSeeOther("/office")
        return self.pages.render("office_login.html.j2", session=session, error="")

    async def login(self, request: web.Request) -> web.StreamResponse:
        """Check the name and password; a new session id on success; failures are limited and logged."""
        session: OfficeSession = request[SESSION_KEY]
        form = await request.post()
        name, password = str(form.get("name", "")).strip()[:100], str(form.get("password", ""))[:1000]
        keys = (f"name:{name.casefold()}", f"addr:{request.remote}")
        if self.limiter.blocked(*keys):
            log.warning(
                "office login for %r refused: too many failed attempts (from %s)", name, request.remote
            )
            return self.pages.render(
                "office_login.html.j2", http_status=429, session=session, error="limited"
            )
        user = await asyncio.to_thread(self.store.get_office_user, name) if name else None
        if user is None:
            await asyncio.to_thread(dummy_verify, password)
            good = False
        else:
            good = await asyncio.to_thread(verify_password, password, user.password_hash)
        if not good or user is None:
            self.limiter.failed(*keys)
            log.warning("office login failed for %r from %s", name, request.remote)
            return self.pages.render("office_login.html.j2", http_status=401, session=session, error="wrong")
        self.limiter.succeeded(*keys)
        self.sessions.end(request.cookies.get(COOKIE))
        token, _ = self.sessions.new(user.name, user.role)
        log.info("office login: %s (%s)", user.name, user.role)
        response = web.HTTPSeeOther("/office")
        self.set_cookie(response, token)
        raise response

    async def logout(self, request: web.Request) -> web.StreamResponse:
        """End the session."""
        self.sessions.end(request.cookies.get(COOKIE))
        response = web.HTTPSeeOther("/office/login")
        response.del_cookie(COOKIE, path="/office")
        raise response

    # -- concerns --------------------------------------------------------------------------------------------

    def _listed(self, session: OfficeSession, status: str, query: str) -> list[Concern]:
        concerns = [c for c in self.store.list_concerns() if visible(c, session)]
        if status in ("open", "closed"):
            concerns = [c for c in concerns if c.status == status]
        if query:
            concerns = [c for c in concerns if matches(c, query)]
        return list(reversed(concerns))

    async def inbox(self, request: web.Request) -> web.Response:
        """Concerns, newest first: open or closed, with a search box."""
        session: OfficeSession = request[SESSION_KEY]
        status = request.query.get("status", "open")
        query = request.query.get("q", "").strip()[:200]
        concerns = await asyncio.to_thread(self._listed, session, status, query)
        return self.pages.render(
            "office_inbox.html.j2",
            session=session,
            concerns=concerns,
            status=status,
            query=query,
            page="inbox",
        )

    async def _concern(self, request: web.Request) -> Concern:
        session: OfficeSession = request[SESSION_KEY]
        concern = await asyncio.to_thread(self.store.get_concern, request.match_info["reference"])
        if concern is None or not visible(concern, session):
            raise web.HTTPNotFound(text="No such concern.")
        return concern

    async def concern(self, request: web.Request) -> web.Response:
        """One concern in full, with its replies and deliveries, a reply box and a close button."""
        session: OfficeSession = request[SESSION_KEY]
        concern = await self._concern(request)
        replies = await asyncio.to_thread(self.store.office_replies, concern.id)
        deliveries = await asyncio.to_thread(self.store.deliveries_for, concern.id)
        return self.pages.render(
            "office_concern.html.j2",
            session=session,
            concern=concern,
            replies=replies,
            deliveries=deliveries,
            relayed=concern.channel in RELAYED_CHANNELS and reply_destination(concern) is not None,
            note=request.query.get("note", ""),
            page="inbox",
        )

    async def reply(self, request: web.Request) -> web.StreamResponse:
        """The office answers: stored, then queued for the person on their channel (same as /reply)."""
        session: OfficeSession = request[SESSION_KEY]
        concern = await self._concern(request)
        text = str((await request.post()).get("text", "")).strip()
        where = f"/office/concerns/{concern.reference}"
        if not text or len(text) > MAX_REPLY:
            raise web.HTTPSeeOther(f"{where}?note={'empty' if not text else 'long'}")
        if concern.status != "open":
            raise web.HTTPSeeOther(f"{where}?note=closed")
        reply = await asyncio.to_thread(self.store.add_office_reply, concern.reference, text, session.name)
        log.info("office %s replied to %s", session.name, concern.reference)
        if concern.channel in RELAYED_CHANNELS and reply_destination(concern) and self.outbox is not None:
            await self.outbox.queue_reply(concern, reply)
            raise web.HTTPSeeOther(f"{where}?note=sent")
        raise web.HTTPSeeOther(f"{where}?note=not_relayed")

    async def close(self, request: web.Request) -> web.StreamResponse:
        """Close a concern and tell the person (same as /close)."""
        session: OfficeSession = request[SESSION_KEY]
        concern = await self._concern(request)
        where = f"/office/concerns/{concern.reference}"
        if not await asyncio.to_thread(self.store.close_concern, concern.reference):
            raise web.HTTPSeeOther(f"{where}?note=closed")
        log.info("office %s closed %s", session.name, concern.reference)
        if concern.channel in RELAYED_CHANNELS and reply_destination(concern) and self.outbox is not None:
            note = self.pages.message_text("web_concern_closed_note", reference=concern.reference)
            reply = await asyncio.to_thread(
                self.store.add_office_reply, concern.reference, note, session.name
            )
            await self.outbox.queue_reply(concern, reply)
        raise web.HTTPSeeOther(f"{where}?note=closed_now")

    async def export(self, request: web.Request) -> web.Response:
        """The concerns this person may see, as CSV (same columns as `policybot concerns export`)."""
        session: OfficeSession = request[SESSION_KEY]
        concerns = list(reversed(await asyncio.to_thread(self._listed, session, "all", "")))
        out = io.StringIO()
        await asyncio.to_thread(write_csv, self.store, concerns, out)
        log.info("office %s exported %d concerns", session.name, len(concerns))
        return web.Response(
            text=out.getvalue(),
            content_type="text/csv",
            charset="utf-8",
            headers={"Content-Disposition": 'attachment; filename="concerns.csv"'},
        )
