"""Delivery through real parts: SQLite file, SMTP server and a chat endpoint on 127.0.0.1, real crashes."""

from __future__ import annotations

import asyncio
import logging
import os
import sqlite3
import subprocess
import sys
import textwrap
from datetime import timedelta
from pathlib import Path

import pytest
from concerns_support import (
    START,
    HttpChatSender,
    chat_server,
    free_port,
    make_config,
    messages_for,
    smtp_server,
)

from bot.cli.concerns import purge_due
from bot.concerns.mailer import SmtpSender, message_id
from bot.concerns.office_messages import TELEGRAM_LIMIT
from bot.concerns.outbox import Outbox, PermanentDeliveryError, describe_health, destinations_for
from bot.config import PROJECT_ROOT, Config
from bot.store.records import Concern, NewConcern
from bot.store.sqlite import SqliteStore

OFFICE_EMAIL = "office@school.example"


def store_concern(
    store: SqliteStore, config: Config, n: int = 1, text: str = "The gate was open", kind: str = "concern"
) -> Concern:
    new = NewConcern(
        submission_id=f"s{n}",
        user_id="telegram:1001",
        text=text,
        channel="telegram",
        chat_id="1001",
        role="parent",
        child_class="Oak",
        name="Sam Parent",
        contact="07700 900123",
        kind=kind,  # type: ignore[arg-type]
        priority="high" if kind == "safeguarding" else "normal",
    )
    return store.create_concern(new, destinations_for(config, new.kind), "MM", START)


def outbox_for(config: Config, store: SqliteStore, chat_port: int | None = None) -> Outbox:
    messages = messages_for(config)
    assert config.smtp is not None
    senders: dict = {
        "office-email": SmtpSender(config.smtp, messages, environ={}),
        "dsl-email": SmtpSender(config.smtp, messages, environ={}),
    }
    if chat_port is not None:
        chat = HttpChatSender(chat_port, messages)
        senders.update({"office-telegram": chat, "user-telegram": chat})
    return Outbox(store, senders, config, clock=lambda: START)


def run(outbox: Outbox, at: timedelta = timedelta(0)) -> int:
    return asyncio.run(outbox.run_once(START + at))


def test_smtp_down_concern_is_kept_retried_with_backoff_and_delivered_once(tmp_path: Path) -> None:
    port = free_port()
    config = make_config(tmp_path, smtp_port=port, email_to=[OFFICE_EMAIL])
    store = SqliteStore(config.store_path())
    concern = store_concern(store, config)
    outbox = outbox_for(config, store)

    assert run(outbox) == 0
    (first,) = store.deliveries_for(concern.id)
    assert run(outbox, timedelta(seconds=4)) == 0  # not due yet: nothing attempted
    assert run(outbox, timedelta(seconds=5)) == 0
    (second,) = store.deliveries_for(concern.id)
    with smtp_server(port) as smtp:
        assert run(outbox, timedelta(seconds=14)) == 0  # the second backoff is 10 s
        assert run(outbox, timedelta(seconds=15)) == 1
        assert run(outbox, timedelta(hours=1)) == 0
    (done,) = store.deliveries_for(concern.id)
    store.close()
    assert (first.status, first.attempts) == ("pending", 1)
    assert first.next_attempt_at == START + timedelta(seconds=5)
    assert first.last_error.startswith("ConnectionRefusedError") and "gate" not in first.last_error
    assert (second.attempts, second.next_attempt_at) == (2, START + timedelta(seconds=15))
    assert (done.status, done.attempts, done.last_error) == ("delivered", 3, "")
    assert [m["Subject"] for m in smtp.received] == ["[PolicyBot] Concern MM-2026-0001"]


def _crash_after(config: Config, steps: str) -> subprocess.CompletedProcess[str]:
    script = textwrap.dedent(f"""
        import os
        from datetime import datetime, timezone
        from bot.store.records import NewConcern
        from bot.store.sqlite import SqliteStore
        store = SqliteStore({str(config.store_path())!r})
        new = NewConcern(submission_id="crash", user_id="telegram:1001", text="Stored, then the power went")
        concern = store.create_concern(new, ["office-email:{OFFICE_EMAIL}"], "MM",
                                       datetime(2026, 3, 2, 9, 0, tzinfo=timezone.utc))
        {steps}
        os.kill(os.getpid(), 9)
    """)
    return subprocess.run(
        [sys.executable, "-c", script],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "PYTHONPATH": str(PROJECT_ROOT)},
    )


def test_killed_after_storing_is_delivered_exactly_once_after_restart(tmp_path: Path) -> None:
    with smtp_server() as smtp:
        config = make_config(tmp_path, smtp_port=smtp.port, email_to=[OFFICE_EMAIL])
        crashed = _crash_after(config, "pass")
        store = SqliteStore(config.store_path())
        outbox = outbox_for(config, store)
        outbox.recover()
        delivered = [run(outbox), run(outbox, timedelta(minutes=5))]
        store.close()
    assert crashed.returncode == -9, crashed.stderr
    assert delivered == [1, 0] and len(smtp.received) == 1
    assert "Stored, then the power went" in smtp.received[0].get_body(("plain",)).get_content()


def test_killed_mid_send_is_resent_with_the_same_message_id(tmp_path: Path) -> None:
    with smtp_server() as smtp:
        config = make_config(tmp_path, smtp_port=smtp.port, email_to=[OFFICE_EMAIL])
        crashed = _crash_after(config, "store.claim_delivery(store.deliveries_for(concern.id)[0].id)")
        store = SqliteStore(config.store_path())
        outbox = outbox_for(config, store)
        before_recovery = run(outbox)
        recovered = outbox.recover()
        delivered = [run(outbox), run(outbox, timedelta(minutes=5))]
        concern = store.get_concern("MM-2026-0001")
        assert concern is not None
        (delivery,) = store.deliveries_for(concern.id)
        store.close()
    assert crashed.returncode == -9, crashed.stderr
    assert (before_recovery, recovered, delivered, len(smtp.received)) == (0, 1, [1, 0], 1)
    assert smtp.received[0]["Message-ID"] == message_id(delivery, concern, "school.example")


def test_unreachable_office_chat_does_not_hold_up_the_email(tmp_path: Path) -> None:
    chat_port = free_port()
    with smtp_server() as smtp:
        config = make_config(tmp_path, smtp_port=smtp.port, chat_ids=[-100123], email_to=[OFFICE_EMAIL])
        store = SqliteStore(config.store_path())
        concern = store_concern(store, config)
        outbox = outbox_for(config, store, chat_port=chat_port)
        first_round = run(outbox)
        statuses = {d.destination: d.status for d in store.deliveries_for(concern.id)}
        with chat_server(chat_port) as chat:
            second_round = run(outbox, timedelta(seconds=5))
        store.close()
    assert (first_round, second_round, len(smtp.received)) == (1, 1, 1)
    assert statuses == {"office-telegram:-100123": "pending", f"office-email:{OFFICE_EMAIL}": "delivered"}
    assert [p["chat_id"] for p in chat.posted] == ["-100123"]
    assert "The gate was open" in chat.posted[0]["text"]


def test_user_text_is_verbatim_in_plain_email_and_escaped_in_html_part(tmp_path: Path) -> None:
    text = "<b>bold</b> <script>alert(1)</script> {{ 7*7 }} {% if x %}y{% endif %} 😀 & more"
    with smtp_server() as smtp:
        config = make_config(tmp_path, smtp_port=smtp.port, email_to=[OFFICE_EMAIL])
        store = SqliteStore(config.store_path())
        concern = store_concern(store, config, text=text)
        run(outbox_for(config, store))
        store.close()
    (mail,) = smtp.received
    plain = mail.get_body(("plain",)).get_content()
    html = mail.get_body(("html",)).get_content()
    assert store_text(config, concern.reference) == text
    assert text in plain and "49" not in plain
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script>" not in html and "<b>bold" not in html
    assert "{{ 7*7 }}" in html and "&amp; more" in html
    assert (mail["To"], mail["From"], mail["Auto-Submitted"]) == (
        OFFICE_EMAIL,
        "policybot@school.example",
        "auto-generated",
    )


def store_text(config: Config, reference: str) -> str:
    store = SqliteStore(config.store_path())
    concern = store.get_concern(reference)
    store.close()
    return concern.text if concern else ""


def test_safeguarding_alert_queued_after_five_concerns_is_delivered_first(tmp_path: Path) -> None:
    with smtp_server() as smtp:
        config = make_config(
            tmp_path, smtp_port=smtp.port, email_to=[OFFICE_EMAIL], dsl_email_to=["dsl@school.example"]
        )
        store = SqliteStore(config.store_path())
        for n in range(1, 6):
            store_concern(store, config, n=n)
        store_concern(store, config, n=6, text="A child is scared to go home", kind="safeguarding")
        delivered = run(outbox_for(config, store))
        store.close()
    subjects = [m["Subject"] for m in smtp.received]
    assert delivered == 6
    assert subjects[0] == "URGENT safeguarding alert MM-2026-0006"
    assert (smtp.received[0]["To"], smtp.received[0]["Importance"]) == ("dsl@school.example", "high")
    assert subjects[1:] == [f"[PolicyBot] Concern MM-2026-000{n}" for n in range(1, 6)]


def test_delivery_gives_up_after_max_attempts(tmp_path: Path) -> None:
    config = make_config(tmp_path, smtp_port=free_port(), email_to=[OFFICE_EMAIL])
    store = SqliteStore(config.store_path())
    concern = store_concern(store, config)
    outbox = outbox_for(config, store)
    for minute in range(config.concerns.max_attempts + 2):
        run(outbox, timedelta(minutes=minute))
    (delivery,) = store.deliveries_for(concern.id)
    store.close()
    assert (delivery.status, delivery.attempts) == ("failed", config.concerns.max_attempts)


def test_long_concern_reaches_the_chat_in_parts_and_the_email_whole(tmp_path: Path) -> None:
    text = "\n\n".join(f"Paragraph {n}: " + "<details> & more " * 60 for n in range(20))[:20_000]
    with smtp_server() as smtp, chat_server() as chat:
        config = make_config(tmp_path, smtp_port=smtp.port, chat_ids=[-100123], email_to=[OFFICE_EMAIL])
        store = SqliteStore(config.store_path())
        store_concern(store, config, text=text)
        delivered = run(outbox_for(config, store, chat_port=chat.port))
        store.close()
    assert delivered == 2 and len(chat.posted) > 1
    assert all(len(p["text"]) <= TELEGRAM_LIMIT for p in chat.posted)
    assert text in smtp.received[0].get_body(("plain",)).get_content().replace("\r\n", "\n")


def test_office_reply_is_relayed_to_the_person_chat(tmp_path: Path) -> None:
    with chat_server() as chat:
        config = make_config(tmp_path, email_to=[])
        store = SqliteStore(config.store_path())
        concern = store_concern(store, config)
        reply = store.add_office_reply(concern.reference, "We've fixed the <gate>.", "Mrs Office")
        outbox = outbox_for(config, store, chat_port=chat.port)
        queued = outbox.enqueue_reply(concern, reply)
        delivered = run(outbox)
        store.close()
    assert (queued, delivered) == (1, 1)
    assert chat.posted[0]["chat_id"] == "1001" and "fixed the &lt;gate&gt;." in chat.posted[0]["text"]


def test_run_forever_delivers_new_concerns_and_stops_when_asked(tmp_path: Path) -> None:
    with smtp_server() as smtp:
        config = make_config(tmp_path, smtp_port=smtp.port, email_to=[OFFICE_EMAIL])
        store = SqliteStore(config.store_path())
        outbox = Outbox(store, outbox_for(config, store).senders, config, poll_seconds=5)

        async def scenario() -> None:
            stop = asyncio.Event()
            worker = asyncio.create_task(outbox.run_forever(stop))
            await asyncio.sleep(0.05)
            store_concern(store, config)
            outbox.wake()
            for _ in range(100):
                if smtp.received:
                    break
                await asyncio.sleep(0.02)
            stop.set()
            await asyncio.wait_for(worker, 2)

        asyncio.run(scenario())
        store.close()
    assert len(smtp.received) == 1


def test_daily_retention_purges_concerns_closed_longer_ago_than_configured(tmp_path: Path) -> None:
    config = make_config(tmp_path)
    store = SqliteStore(config.store_path())
    old, recent = store_concern(store, config, n=1), store_concern(store, config, n=2)
    store.close_concern(old.reference, START)
    store.close_concern(recent.reference, START + timedelta(days=300))
    purged = purge_due(store, config, START + timedelta(days=config.concerns.retention_days + 1))
    left = [c.reference for c in store.list_concerns()]
    store.close()
    assert (purged, left) == (1, [recent.reference])


def test_worker_survives_a_database_locked_at_start_up_and_delivers_when_it_frees(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with smtp_server() as smtp:
        config = make_config(tmp_path, smtp_port=smtp.port, email_to=[OFFICE_EMAIL])
        store = SqliteStore(config.store_path(), busy_timeout=0.1)
        concern = store_concern(store, config)
        store.claim_delivery(store.deliveries_for(concern.id)[0].id)  # a crash left it "sending"
        outbox = Outbox(store, outbox_for(config, store).senders, config, poll_seconds=0.2)
        outbox.error_backoff = 0.1
        locker = sqlite3.connect(config.store_path(), isolation_level=None, timeout=0)
        locker.execute("BEGIN IMMEDIATE")  # another process holds the write lock for longer than any timeout

        async def scenario() -> bool:
            stop = asyncio.Event()
            worker = asyncio.create_task(outbox.run_forever(stop))
            await asyncio.sleep(1.0)
            alive = not worker.done()
            locker.execute("ROLLBACK")
            for _ in range(100):
                if smtp.received:
                    break
                await asyncio.sleep(0.05)
            stop.set()
            await asyncio.wait_for(worker, 2)
            return alive

        with caplog.at_level(logging.INFO, logger="bot.concerns.outbox"):
            alive = asyncio.run(scenario())
        locker.close()
        status = store.deliveries_for(concern.id)[0].status
        store.close()
    assert alive and len(smtp.received) == 1 and status == "delivered"
    failures = [r for r in caplog.records if "outbox round failed" in r.getMessage()]
    assert failures and "the database is busy" in caplog.text  # the cause, in one line
    assert all(r.exc_info is None for r in failures)  # a known storage problem logs no traceback
    health = [r.getMessage() for r in caplog.records if r.getMessage().startswith("outbox: ")]
    assert health and health[0].startswith("outbox: 1 undelivered, the oldest waiting")


def test_health_line_counts_what_is_undelivered_and_what_failed(tmp_path: Path) -> None:
    config = make_config(tmp_path, email_to=[OFFICE_EMAIL])
    store = SqliteStore(config.store_path())
    first, second = store_concern(store, config, n=1), store_concern(store, config, n=2)
    store.mark_failed(store.deliveries_for(first.id)[0].id, "SMTPRecipientsRefused: no such mailbox")
    health = store.outbox_health()
    store.close()
    line = describe_health(health, START + timedelta(hours=3, minutes=5))
    assert line == (
        "outbox: 1 undelivered, the oldest waiting 3 h 5 min; 1 failed for good "
        "(see `policybot concerns show REF`)"
    )
    assert second.reference.endswith("0002")


def test_acknowledgement_held_for_a_channel_that_died_is_sent_by_the_outbox_later(tmp_path: Path) -> None:
    with chat_server() as chat:
        config = make_config(tmp_path, chat_ids=[-100123])
        store = SqliteStore(config.store_path())
        concern = store_concern(store, config)
        outbox = outbox_for(config, store, chat_port=chat.port)
        held = outbox.hold_acknowledgement(concern, hold=timedelta(minutes=2))
        early = run(outbox, timedelta(minutes=1))  # the office's copy; the channel may still be acknowledging
        later = run(outbox, timedelta(minutes=2))  # it never settled the acknowledgement: the process died
        again = run(outbox, timedelta(minutes=10))
        store.close()
    assert (held, early, later, again) == (1, 1, 1, 0)
    assert [p["chat_id"] for p in chat.posted] == ["-100123", "1001"]
    assert "Sent. Your reference is" in chat.posted[1]["text"] and concern.reference in chat.posted[1]["text"]


class RefusingChat:
    """The office chat as Telegram answers for a group the bot was removed from."""

    async def send(self, delivery, concern) -> None:
        raise PermanentDeliveryError("Forbidden: bot was kicked from the group chat")


def test_office_chat_refusing_for_good_is_noted_to_the_office_by_email_with_its_own_message_id(
    tmp_path: Path,
) -> None:
    with smtp_server() as smtp:
        config = make_config(tmp_path, smtp_port=smtp.port, chat_ids=[-100123], email_to=[OFFICE_EMAIL])
        store = SqliteStore(config.store_path())
        concern = store_concern(store, config)
        outbox = outbox_for(config, store)
        outbox.senders["office-telegram"] = RefusingChat()
        first = run(outbox)
        second = run(outbox)
        deliveries = {(d.destination, d.purpose): d for d in store.deliveries_for(concern.id)}
        store.close()
    chat = deliveries[("office-telegram:-100123", "")]
    assert (chat.status, chat.attempts) == ("failed", 1)
    assert deliveries[(f"office-email:{OFFICE_EMAIL}", "note")].status == "delivered"
    assert first + second == 2 and len(smtp.received) == 2
    note = next(m for m in smtp.received if "Could not deliver" in m["Subject"])
    body = note.get_body(("plain",)).get_content()
    assert concern.reference in note["Subject"] and "bot was kicked from the group chat" in body
    assert "The gate was open" not in body  # a note never carries the concern's text
    assert len({m["Message-ID"] for m in smtp.received}) == 2
