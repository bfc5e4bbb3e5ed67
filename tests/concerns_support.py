"""Real parts for the concern tests: an SMTP server and a chat endpoint on 127.0.0.1, a clock, messages.

Messages come from the real renderer over the bundled knowledge folder.
"""

from __future__ import annotations

import asyncio
import dataclasses
import email
import email.policy
import json
import socket
import threading
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, cast

from aiosmtpd.controller import Controller

from bot.concerns.office_messages import telegram_parts
from bot.config import BUNDLED_KNOWLEDGE, Config, OfficeConfig, SmtpConfig, StoreConfig, load_config
from bot.core.replies import UserContext
from bot.knowledge.loading import load_knowledge
from bot.knowledge.render import Renderer
from bot.store.records import Concern, Delivery

START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
PARENT = UserContext("telegram:1001", role="parent", channel="telegram", chat_id="1001")


def messages_for(config: Config) -> Renderer:
    """The real renderer over the bundled knowledge's messages."""
    return Renderer(load_knowledge(BUNDLED_KNOWLEDGE), config)


class Clock:
    """A clock the test moves by hand."""

    def __init__(self, now: datetime = START) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> datetime:
        self.now += timedelta(**delta)
        return self.now


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def make_config(
    tmp_path: Path,
    smtp_port: int = 0,
    chat_ids: list[int] | None = None,
    email_to: list[str] | None = None,
    dsl_email_to: list[str] | None = None,
) -> Config:
    """The example config with the store in tmp_path and the office reachable on 127.0.0.1."""
    base = load_config()
    smtp = SmtpConfig(
        host="127.0.0.1",
        port=smtp_port,
        security="none",
        from_address="policybot@school.example",
        timeout_seconds=5.0,
        username_env="POLICYBOT_TEST_NO_USER",
        password_env="POLICYBOT_TEST_NO_PASSWORD",
    )
    office = OfficeConfig(telegram_chat_ids=chat_ids or [], email_to=email_to or [])
    concerns = dataclasses.replace(
        base.concerns, backoff_initial_seconds=5, backoff_max_seconds=60, max_attempts=5
    )
    safeguarding = dataclasses.replace(base.safeguarding, dsl_email_to=dsl_email_to or [])
    return dataclasses.replace(
        base,
        store=StoreConfig(path=str(tmp_path / "data" / "policybot.sqlite3")),
        smtp=smtp,
        office=office,
        concerns=concerns,
        safeguarding=safeguarding,
    )


class _Collect:
    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []
        self.lock = threading.Lock()

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # aiosmtpd's hook name
        parsed = email.message_from_bytes(envelope.content, policy=email.policy.default)
        with self.lock:
            self.messages.append(cast(EmailMessage, parsed))
        return "250 Message accepted for delivery"


@dataclass
class SmtpSink:
    """A running SMTP server: its port and the messages it has received."""

    port: int
    received: list[EmailMessage]


@contextmanager
def smtp_server(port: int | None = None) -> Iterator[SmtpSink]:
    """A real SMTP server on 127.0.0.1 (aiosmtpd) collecting what it receives."""
    handler = _Collect()
    port = port or free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield SmtpSink(port, handler.messages)
    finally:
        controller.stop()


class _ChatHandler(BaseHTTPRequestHandler):
    def do_POST(self) -> None:  # http.server's hook name
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        self.server.received.append(body)  # type: ignore[attr-defined]
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b"{}")

    def log_message(self, format: str, *args: Any) -> None:  # quiet
        pass


@dataclass
class ChatSink:
    """A running chat endpoint: its port and the JSON bodies posted to it."""

    port: int
    posted: list[dict[str, Any]]


@contextmanager
def chat_server(port: int | None = None) -> Iterator[ChatSink]:
    """An HTTP endpoint on 127.0.0.1 standing in for the office's chat, recording what is posted."""
    port = port or free_port()
    server = ThreadingHTTPServer(("127.0.0.1", port), _ChatHandler)
    server.received = []  # type: ignore[attr-defined]
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield ChatSink(port, server.received)  # type: ignore[attr-defined]
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


class HttpChatSender:
    """A Sender for `office-telegram:` destinations that posts each part to a local HTTP endpoint."""

    def __init__(self, port: int, messages: Renderer) -> None:
        self.url = f"http://127.0.0.1:{port}/sendMessage"
        self.messages = messages

    async def send(self, delivery: Delivery, concern: Concern) -> None:
        for _, html in telegram_parts(self.messages, delivery, concern):
            body = json.dumps({"chat_id": delivery.target, "text": html, "parse_mode": "HTML"}).encode()
            request = urllib.request.Request(self.url, body, {"Content-Type": "application/json"})
            await asyncio.to_thread(_post, request)


_OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # loopback: never via a proxy


def _post(request: urllib.request.Request) -> None:
    with _OPENER.open(request, timeout=5) as response:
        response.read()
