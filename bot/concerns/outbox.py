"""The outbox: delivers stored concerns (and the office's replies) to their destinations, with retries.

A concern is stored together with its deliveries before the person is told "sent"; this worker then
sends each delivery at most once successfully, urgent ones first, and picks up where it left off after
a restart.
"""

from __future__ import annotations

import asyncio
import json
import logging
import threading
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Protocol

from bot.config import Config
from bot.store.base import Store, StoreError
from bot.store.records import Concern, ConcernKind, Delivery, OfficeReply, OutboxHealth, utc_now

log = logging.getLogger(__name__)

ERROR_BACKOFF = 1.0
"""Seconds before the worker tries again after a round failed (doubling, up to ERROR_BACKOFF_MAX)."""
ERROR_BACKOFF_MAX = 60.0
HEALTH_EVERY = timedelta(minutes=15)
"""How often the worker logs its health line (a warning while anything is undelivered or failed)."""
ACK_HOLD = timedelta(minutes=2)
"""How long a held acknowledgement waits for its channel before the outbox sends it instead."""


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
    if isinstance(err, PermanentDeliveryError) and err.__cause__ is not None:
        err = err.__cause__  # the chat service's own refusal says more
    first_line = str(err).strip().splitlines()[0] if str(err).strip() else ""
    return f"{type(err).__name__}: {first_line}"[:300].rstrip(": ")


def describe_health(health: OutboxHealth, now: datetime) -> str:
    """One line for `concerns list` and the logs: what is still to be delivered, and since when."""
    if not health.undelivered:
        line = "outbox: everything delivered"
    else:
        age = _age(now - health.oldest) if health.oldest else "?"
        line = f"outbox: {health.undelivered} undelivered, the oldest waiting {age}"
    if health.failed:
        line += f"; {health.failed} failed for good (see `policybot concerns show REF`)"
    return line


def _age(delta: timedelta) -> str:
    minutes = max(0, int(delta.total_seconds() // 60))
    if minutes < 1:
        return "under a minute"
    if minutes < 120:
        return f"{minutes} min"
    if minutes < 48 * 60:
        return f"{minutes // 60} h {minutes % 60} min"
    return f"{minutes // (24 * 60)} days"


class PermanentDeliveryError(Exception):
    """The destination refused the delivery in a way retrying cannot fix (blocked, no such chat, too long)."""


class Outbox:
    """Delivers pending deliveries with the sender chosen by the destination's kind.

    Every store call runs in a worker thread, so a locked database file never stalls the event loop.
    """

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
        self.error_backoff = ERROR_BACKOFF
        self.health_every = HEALTH_EVERY
        self._wake = asyncio.Event()
        self._held: dict[str, list[int]] = {}  # destination -> concerns whose acknowledgement is held
        self._held_lock = threading.Lock()

    def enqueue_concern(self, concern: Concern) -> int:
        """Queue a concern for its configured destinations (ones already queued are left alone)."""
        added = self.store.add_deliveries(
            concern.id, destinations_for(self.config, concern.kind, concern.route), now=self.clock()
        )
        self.wake()
        return added

    def enqueue_reply(self, concern: Concern, reply: OfficeReply) -> int:
        """Queue the office's reply for the person who raised the concern (blocking: call from a thread)."""
        destination = reply_destination(concern)
        if destination is None:
            return 0
        return self.store.add_deliveries(concern.id, [destination], reply_id=reply.id, now=self.clock())

    async def queue_reply(self, concern: Concern, reply: OfficeReply) -> int:
        """`enqueue_reply` from the event loop: the store call runs in a thread, then the worker wakes."""
        added = await asyncio.to_thread(self.enqueue_reply, concern, reply)
        self.wake()
        return added

    def hold_acknowledgement(self, concern: Concern, hold: timedelta = ACK_HOLD) -> int:
        """Keep the person's "sent, your reference is …" in the outbox while their channel sends it.

        The channel then settles it (`settle_acknowledgements`): sent, it is done; not sent (the chat
        service is down), the outbox sends it. If the process dies in between, it goes after `hold`.
        """
        destination = reply_destination(concern)
        if destination is None or destination.split(":", 1)[0] not in self.senders:
            return 0
        now = self.clock()
        added = self.store.add_deliveries(concern.id, [destination], now=now, purpose="ack", due=now + hold)
        with self._held_lock:
            self._held.setdefault(destination, []).append(concern.id)
        return added

    async def settle_acknowledgements(self, destination: str, sent: bool) -> int:
        """The channel sent the acknowledgements held for `destination`, or not (then the outbox will)."""
        with self._held_lock:
            concern_ids = self._held.pop(destination, [])
        if not concern_ids:
            return 0
        settled = await asyncio.to_thread(
            self.store.settle_acknowledgements, destination, concern_ids, sent, self.clock()
        )
        if not sent:
            log.warning("could not acknowledge %d concern(s) directly; the outbox will resend", settled)
            self.wake()
        return settled

    def wake(self) -> None:
        """Look for due deliveries now rather than at the next poll (call on the outbox's event loop)."""
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
            candidates = await asyncio.to_thread(
                self.store.due_deliveries, current, limit=window, kinds=kinds
            )
            due = [d for d in candidates if d.destination not in failed and d.id not in attempted]
            if not due:
                break
            delivery = due[0]
            attempted.add(delivery.id)
            if not await asyncio.to_thread(self.store.claim_delivery, delivery.id):
                continue
            attempts = delivery.attempts + 1
            try:
                await self._send(delivery)
            except Exception as err:  # any sender failure means "try again later" (or never, if permanent)
                failed.add(delivery.destination)
                await asyncio.to_thread(self._record_failure, delivery, attempts, err, current)
                continue
            await asyncio.to_thread(self.store.mark_delivered, delivery.id, current)
            delivered += 1
            log.info("delivered %s to %s", delivery.concern_id, delivery.kind)
        return delivered

    async def _send(self, delivery: Delivery) -> None:
        concern = await asyncio.to_thread(self.store.concern_by_id, delivery.concern_id)
        if concern is None:
            raise LookupError(f"concern {delivery.concern_id} no longer exists")
        sender = self.senders.get(delivery.kind)
        if sender is None:
            raise NoSenderError(f"no sender for {delivery.kind} destinations")
        await sender.send(delivery, concern)

    def _record_failure(self, delivery: Delivery, attempts: int, err: Exception, now: datetime) -> None:
        error = describe_error(err)
        permanent = isinstance(err, PermanentDeliveryError)
        if permanent or attempts >= self.config.concerns.max_attempts:
            self.store.mark_failed(delivery.id, error)
            log.error(
                "gave up on delivery %s to %s after %d attempts%s: %s",
                delivery.id,
                delivery.kind,
                attempts,
                " (refused for good)" if permanent else "",
                error,
            )
            self._note_failure(delivery, error, now)
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

    def _note_failure(self, delivery: Delivery, error: str, now: datetime) -> None:
        """Tell the office (on its other destinations) that something could not be delivered."""
        if delivery.purpose == "note":
            return  # a note about a failed note would go round in circles; the log and health line show it
        office = [d for d in destinations_for(self.config, "concern") if d != delivery.destination]
        if not office:
            return
        what = "ack" if delivery.purpose == "ack" else ("reply" if delivery.reply else "concern")
        detail = json.dumps({"what": what, "destination": delivery.destination, "error": error})
        reply_id = delivery.reply.id if delivery.reply else 0
        self.store.add_deliveries(
            delivery.concern_id, office, reply_id=reply_id, now=now, purpose="note", detail=detail
        )

    async def run_forever(self, stop_event: asyncio.Event) -> None:
        """Deliver until `stop_event` is set, waking for new deliveries and when retries fall due.

        Nothing ends the worker but `stop_event`: an error (a locked or unreadable database, a sender bug)
        is logged and the round is tried again after a growing pause (1 s, 2 s, … up to a minute).
        """
        recovered = False
        failures = 0
        next_health = self.clock()
        while not stop_event.is_set():
            self._wake.clear()
            try:
                if not recovered:
                    count = await asyncio.to_thread(self.recover)
                    recovered = True
                    if count:
                        log.warning("%d deliveries were interrupted by a restart; retrying them", count)
                if self.clock() >= next_health:
                    next_health = self.clock() + self.health_every
                    await self._log_health()
                delivered = await self.run_once()
                pause = 0 if delivered else await self._idle_seconds()
                failures = 0
            except Exception as err:  # e.g. the database is locked: log it, keep the worker alive, try again
                failures += 1
                pause = min(self.error_backoff * 2 ** (failures - 1), ERROR_BACKOFF_MAX)
                why = "outbox round failed (%d in a row); trying again in %.0f s"
                if isinstance(err, StoreError):  # a known storage problem: one line saying what it is
                    log.warning(why + ": %s", failures, pause, err)
                else:  # a bug: the traceback is for the logs (the person never sees it)
                    log.exception(why, failures, pause)
            await self._sleep(stop_event, pause)

    async def _log_health(self) -> None:
        health = await asyncio.to_thread(self.store.outbox_health)
        if health.undelivered or health.failed:
            log.warning(describe_health(health, self.clock()))
        else:
            log.info(describe_health(health, self.clock()))

    async def _idle_seconds(self) -> float:
        due = await asyncio.to_thread(self.store.next_due_at)
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
