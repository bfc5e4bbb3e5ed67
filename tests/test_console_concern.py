"""A concern sent from the console chat is stored, acknowledged and e-mailed by the background outbox."""

from __future__ import annotations

import io
import time
from pathlib import Path

from bot.channels.console import ConsoleChat
from bot.core.replies import UserContext
from bot.store.sqlite import SqliteStore
from bot.wiring import build_dialogue, close_store, outbox_in_background
from tests.concerns_support import make_config, smtp_server
from tests.conftest import run_cli


def test_console_concern_reaches_the_office_by_email_once(tmp_path: Path) -> None:
    with smtp_server() as smtp:
        config = make_config(tmp_path, smtp_port=smtp.port, email_to=["office@school.example"])
        store = SqliteStore(config.store_path())
        dialogue = None
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
            close_store(store, dialogue)


def test_console_without_destinations_says_nothing_can_be_sent_instead_of_sent(tmp_path: Path) -> None:
    config = make_config(tmp_path)  # no office chat, no office or DSL address
    store = SqliteStore(config.store_path())
    dialogue = None
    try:
        dialogue = build_dialogue(config, store)
        out = io.StringIO()
        lines = iter(
            [
                "/concern",
                "The gate was open",
                "1",
                "1",
                "1",
                "1",
                "1",
                "my uncle hits me and I'm scared to go home",
                "1",
                "/quit",
            ]
        )
        ConsoleChat(dialogue, UserContext("console:local", role="parent"), out=out).run(
            lambda _prompt: next(lines)
        )
        said = out.getvalue()
    finally:
        close_store(store, dialogue)
    assert "Sent." not in said and "I've sent an urgent alert" not in said, said
    assert "I could not send this" in said and "nobody there has seen it" in said
    assert "I could not send an alert" in said


def test_console_chat_warns_at_start_when_nothing_can_be_delivered() -> None:
    result = run_cli("chat", "--role", "parent", stdin="/quit\n")
    assert result.returncode == 0, result.stderr
    assert "concerns and safeguarding alerts cannot be delivered" in result.stdout
