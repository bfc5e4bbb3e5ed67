"""End to end: a disclosure on Telegram reaches the DSL's chat and e-mail ahead of concerns already queued."""

from __future__ import annotations

import asyncio
import dataclasses
import email
import email.policy
import threading
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller

from bot.channels.telegram.app import build_application, serving
from bot.concerns.outbox import destinations_for
from bot.config import SmtpConfig
from bot.store.records import NewConcern
from bot.store.sqlite import SqliteStore
from bot.wiring import build_dialogue, close_store
from tests.concerns_support import free_port
from tests.fake_botapi import FakeBotApi
from tests.telegram_harness import DSL_CHAT, OFFICE_CHAT, TOKEN, Bot, make_config

pytestmark = pytest.mark.anyio

PARENT = 777
OFFICE_MAIL = "office@school.example"
DSL_MAIL = "dsl@school.example"
QUEUED = 5
DISCLOSURE = (
    "my daughter says her mums boyfriend comes into her room at night and tells her to keep it secret"
)


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


class SlowOfficeInbox:
    """An SMTP handler that takes its time over office mail, as a busy mail server does."""

    def __init__(self) -> None:
        self.received: list[tuple[str, str]] = []  # (recipient, subject), in arrival order
        self.lock = threading.Lock()

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # aiosmtpd's hook name
        if OFFICE_MAIL in envelope.rcpt_tos:
            await asyncio.sleep(0.3)
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        with self.lock:
            self.received.append((envelope.rcpt_tos[0], str(message["Subject"])))
        return "250 OK"


async def test_disclosure_alert_reaches_dsl_chat_and_email_ahead_of_queued_concerns(tmp_path: Path) -> None:
    inbox = SlowOfficeInbox()
    port = free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        async with FakeBotApi(token=TOKEN) as api:
            base = make_config(tmp_path, api)
            config = dataclasses.replace(
                base,
                smtp=SmtpConfig(
                    host="127.0.0.1",
                    port=port,
                    security="none",
                    from_address="bot@school.example",
                    username_env="POLICYBOT_TEST_NO_USER",
                    password_env="POLICYBOT_TEST_NO_PASSWORD",
                ),
                office=dataclasses.replace(base.office, email_to=[OFFICE_MAIL]),
                safeguarding=dataclasses.replace(base.safeguarding, dsl_email_to=[DSL_MAIL]),
            )
            store = SqliteStore(config.store_path())
            dialogue = None
            try:
                for n in range(QUEUED):  # concerns waiting for the office when the disclosure arrives
                    store.create_concern(
                        NewConcern(submission_id=f"queued-{n}", user_id=f"telegram:{n}", text=f"Concern {n}"),
                        destinations_for(config, "concern"),
                        "MM",
                    )
                dialogue = build_dialogue(config, store)
                app = build_application(config, dialogue, store)
                async with serving(app, poll_interval=0.0):
                    bot = Bot(api, store, config, app)
                    warning = await bot.ask(PARENT, DISCLOSURE)
                    assert "999" in warning.text
                    sent = await bot.tap(PARENT, "sg:named", on=warning)
                    alert = await api.next_message(DSL_CHAT, timeout=10)
                    for _ in range(200):
                        if any(rcpt == DSL_MAIL for rcpt, _ in inbox.received):
                            break
                        await asyncio.sleep(0.05)
            finally:
                close_store(store, dialogue)
    finally:
        controller.stop()

    assert "URGENT" in alert.text
    assert "keep it secret" in alert.text
    reference = next(c.reference for c in store_concerns(config) if c.kind == "safeguarding")
    assert reference in sent.text and reference in alert.text
    order = [rcpt for rcpt, _ in inbox.received]
    assert DSL_MAIL in order, inbox.received
    dsl_subject = next(subject for rcpt, subject in inbox.received if rcpt == DSL_MAIL)
    assert "URGENT" in dsl_subject
    # The alert jumped the queue: it did not wait for the five office e-mails queued before it.
    assert order.index(DSL_MAIL) < QUEUED, order
    assert [m for m in api.messages_to(OFFICE_CHAT) if "URGENT" in m.text] == []


def store_concerns(config: Any) -> list[Any]:
    """The concerns in the (closed) store, reopened."""
    store = SqliteStore(config.store_path())
    try:
        return store.list_concerns()
    finally:
        store.close()
