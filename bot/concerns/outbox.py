"""The outbox: delivers stored concerns (and the office's replies) to their destinations, with retries.

A concern is stored together with its deliveries before the person is told "sent"; this worker then
sends each delivery at most once successfully, urgent ones first, and picks up where it left off after
a restart.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Protocol

from bot.config import Config
from bot.store.base import Store
from bot.store.records import Concern, ConcernKind, Delivery, OfficeReply, utc_now

log = logging.getLogger(__name__)


class Sender(Protocol):
    """Sends one delivery to its destination; raises on failure."""

    async def send(self, delivery: Delivery, concern: Concern) -> None: ...


class NoSenderError(Exception):
    """No sender is configured for a destination's kind."""


def destinations_for(config: Config, kind: ConcernKind, route: str = "dsl") -> list[str]:
    """Where a concern goes: the office's chats and addresses; safeguarding alerts go to the DSL's.

    An alert's route picks the people: allegations about staff go to the headteacher's destinations,
    about the headteacher to the chair of governors'; each falls back to the DSL's when not configured.
    When no DSL destination is configured either, an alert goes to the office rather than nowhere.
    """
    office = [f"office-telegram:{chat}" for chat in config.office.telegram_chat_ids] + [
        f"office-email:{address}" for address in config.office.email_to
    ]
    if kind != "safeguarding":
        return office
    sg = config.safeguarding
    dsl = [f"dsl-telegram:{chat}" for chat in sg.dsl_telegram_chat_ids] + [
        f"dsl-email:{address}" for address in sg.dsl_email_to
    ]
    if route == "headteacher":
        head = [f"dsl-telegram:{chat}" for chat in sg.headteacher_telegram_chat_ids] + [
            f"dsl-email:{address}" for address in sg.headteacher_email_to
        ]
        return head or dsl or office
    if route == "chair_of_governors":
        return [f"dsl-email:{address}" for address in sg.chair_email_to] or dsl or office
    return dsl or office


def reply_destination(concern: Concern) -> str | None:
    """Where the office's reply to a concern goes: back to the person on their channel (None if erased)."""
    if concern.redacted or not concern.user_id:
        return None
    if concern.channel == "telegram" and concern.chat_id:
        return f"user-telegram:{concern.chat_id}"
    return f"user-{concern.channel}:{concern.chat_id or concern.user_id}"


def describe_error(err: BaseException) -> str:
    """An error for the deliveries table: its type and first line, never the message being sent."""
    first_line = str(err).strip().splitlines()[0] if str(err).strip() else ""
    return f"{type(err).__name__}: {first_line}"[:300].rstrip(": ")


class Outbox:
    """Delivers pending deliveries with the sender chosen by the destination's kind."""

    def __init__(
        self,
        store: Store,
        senders: dict[str, Sender],
        config: Config,
        clock: Callable[[], datetime] = utc_now,
        poll_seconds: float = 2.0,
        batch: int = 50,
    ) -> None:
        self.store = store
        self.senders = senders
        self.config = config
        self.clock = clock
        self.poll_seconds = poll_seconds
        self.batch = batch
        self._wake = asyncio.Event()

    def enqueue_concern(self, concern: Concern) -> int:
        """Queue a concern for its configured destinations (ones already queued are left alone)."""
        added = self.store.add_deliveries(
            concern.id, destinations_for(self.config, concern.kind, concern.route), now=self.clock()
        )
        self.wake()
        return added

    def enqueue_reply(self, concern: Concern, reply: OfficeReply) -> int:
        """Queue the office's reply for the person who raised the concern."""
        destination = reply_destination(concern)
        if destination is None:
            return 0
        added = self.store.add_deliveries(concern.id, [destination], reply_id=reply.id, now=self.clock())
        self.wake()
        return added

    def wake(self) -> None:
        """Look for due deliveries now rather than at the next poll."""
        self._wake.set()

    def recover(self) -> int:
        """After a crash: attempts that were under way are pending again (e-mail Message-IDs are stable)."""
        return self.store.reset_sending()

    def backoff(self, attempts: int) -> timedelta:
        """How long to wait after the `attempts`-th failed attempt."""
        cfg = self.config.concerns
        seconds = cfg.backoff_initial_seconds * 2 ** max(0, attempts - 1)
        return timedelta(seconds=min(seconds, cfg.backoff_max_seconds))

    async def run_once(self, now: datetime | None = None) -> int:
        """Attempt every delivery that is due, urgent first; returns how many were delivered.

        The queue is read again after every attempt, so an urgent alert stored while a long round is under
        way (a slow mail server, many concerns) goes next rather than after the round.
        """
        delivered = 0
        failed: set[str] = set()
        attempted: set[int] = set()
        kinds = sorted(self.senders)
        for _ in range(self.batch):
            current = now or self.clock()
            # Only what this process can send: the console has no Telegram sender, so Telegram deliveries
            # wait (without using up attempts) until the Telegram bot runs.
            window = len(attempted) + len(failed) + 1
            due = [
                d
                for d in self.store.due_deliveries(current, limit=window, kinds=kinds)
                if d.destination not in failed and d.id not in attempted
            ]
            if not due:
                break
            delivery = due[0]
            attempted.add(delivery.id)
            if not self.store.claim_delivery(delivery.id):
                continue
            attempts = delivery.attempts + 1
            try:
                await self._send(delivery)
            except Exception as err:  # any sender failure means "try again later"
                failed.add(delivery.destination)
                self._record_failure(delivery, attempts, err, current)
                continue
            self.store.mark_delivered(delivery.id, current)
            delivered += 1
            log.info("delivered %s to %s", delivery.concern_id, delivery.kind)
        return delivered

    async def _send(self, delivery: Delivery) -> None:
        concern = self.store.concern_by_id(delivery.concern_id)
        if concern is None:
            raise LookupError(f"concern {delivery.concern_id} no longer exists")
        sender = self.senders.get(delivery.kind)
        if sender is None:
            raise NoSenderError(f"no sender for {delivery.kind} destinations")
        await sender.send(delivery, concern)

    def _record_failure(self, delivery: Delivery, attempts: int, err: Exception, now: datetime) -> None:
        error = describe_error(err)
        if attempts >= self.config.concerns.max_attempts:
            self.store.mark_failed(delivery.id, error)
            log.error(
                "gave up on delivery %s to %s after %d attempts: %s",
                delivery.id,
                delivery.kind,
                attempts,
                error,
            )
            return
        retry_at = now + self.backoff(attempts)
        self.store.mark_retry(delivery.id, error, retry_at)
        # The rest of this destination's queue waits too, so a dead server costs one attempt per backoff.
        self.store.postpone_destination(delivery.destination, retry_at)
        log.warning(
            "delivery %s to %s failed (attempt %d), retrying at %s: %s",
            delivery.id,
            delivery.kind,
            attempts,
            retry_at.isoformat(),
            error,
        )

    async def run_forever(self, stop_event: asyncio.Event) -> None:
        """Deliver until `stop_event` is set, waking for new deliveries and when retries fall due."""
        recovered = self.recover()
        if recovered:
            log.warning("%d deliveries were interrupted by a restart; retrying them", recovered)
        while not stop_event.is_set():
            self._wake.clear()
            delivered = 0
            try:
                delivered = await self.run_once()
            except Exception:  # e.g. the database is locked: log it and keep the worker alive
                log.exception("outbox round failed")
            await self._sleep(stop_event, 0 if delivered else self._idle_seconds())

    def _idle_seconds(self) -> float:
        due = self.store.next_due_at()
        if due is None:
            return self.poll_seconds
        return min(self.poll_seconds, max(0.05, (due - self.clock()).total_seconds()))

    async def _sleep(self, stop_event: asyncio.Event, seconds: float) -> None:
        waiters = [asyncio.ensure_future(stop_event.wait()), asyncio.ensure_future(self._wake.wait())]
        try:
            await asyncio.wait(waiters, timeout=seconds, return_when=asyncio.FIRST_COMPLETED)
        finally:
            for waiter in waiters:
                waiter.cancel()
