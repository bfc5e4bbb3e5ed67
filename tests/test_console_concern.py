"""A concern sent from the console chat is stored, acknowledged and e-mailed by the background outbox."""

from __future__ import annotations

import io
import time
from pathlib import Path

from bot.channels.console import ConsoleChat
from bot.core.replies import UserContext
from bot.store.sqlite import SqliteStore
from bot.wiring import build_dialogue, outbox_in_background
from tests.concerns_support import make_config, smtp_server


def test_console_concern_reaches_the_office_by_email_once(tmp_path: Path) -> None:
    with smtp_server() as smtp:
        config = make_config(tmp_path, smtp_port=smtp.port, email_to=["office@school.example"])
        store = SqliteStore(config.store_path())
        try:
            dialogue = build_dialogue(config, store)
            out = io.StringIO()
            # /concern, the text, Done, skip class/name/contact, Send
            lines = iter(
                ["/concern", "The <b>gate</b> code {{ 7*7 }} is broken 😀", "1", "1", "1", "1", "1", "/quit"]
            )
            with outbox_in_background(dialogue, config):
                ConsoleChat(dialogue, UserContext("console:local", role="parent"), out=out).run(
                    lambda _prompt: next(lines)
                )
                deadline = time.monotonic() + 10
                while not smtp.received and time.monotonic() < deadline:
                    time.sleep(0.05)
            assert "MM-" in out.getvalue()
            assert len(smtp.received) == 1
            body = smtp.received[0].get_body(preferencelist=("plain",)).get_content()
            assert "The <b>gate</b> code {{ 7*7 }} is broken 😀" in body
            (concern,) = store.list_concerns()
            assert concern.reference in smtp.received[0]["Subject"]
        finally:
            store.close()
