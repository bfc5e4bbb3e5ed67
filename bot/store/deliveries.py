"""The outbox's queue in SQLite: deliveries of concerns, replies, acknowledgements and notes, with retries.

Mixed into `SqliteStore`, which provides the connection helpers (`_tx`, `_one`, `_all`, `_run`).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from contextlib import AbstractContextManager
from datetime import datetime
from typing import Any

from bot.store.base import StoreError
from bot.store.records import PRIORITY_RANK, Delivery, OutboxHealth, utc_now
from bot.store.rows import delivery_from_row, optional_time, to_text

ERASED_NOTE = "erased at the person's request"


class DeliveryQueue:
    """Queue, claim, settle and report deliveries (the `Store` methods the outbox uses)."""

    def _tx(self) -> AbstractContextManager[sqlite3.Connection]:
        raise NotImplementedError  # provided by SqliteStore

    def _one(self, sql: str, params: Sequence[Any] = ()) -> sqlite3.Row | None:
        raise NotImplementedError

    def _all(self, sql: str, params: Sequence[Any] = ()) -> list[sqlite3.Row]:
        raise NotImplementedError

    def _run(self, sql: str, params: Sequence[Any] = ()) -> int:
        raise NotImplementedError

    def _insert_deliveries(
        self,
        conn: sqlite3.Connection,
        concern_id: int,
        destinations: Sequence[str],
        reply_id: int,
        priority: int,
        now: datetime,
        purpose: str = "",
        detail: str = "",
        due: datetime | None = None,
    ) -> int:
        added = 0
        for destination in destinations:
            added += conn.execute(
                "INSERT OR IGNORE INTO deliveries (concern_id, reply_id, destination, purpose, detail, "
                "priority, next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    concern_id,
                    reply_id,
                    destination,
                    purpose,
                    detail,
                    priority,
                    to_text(due or now),
                    to_text(now),
                ),
            ).rowcount
        return added

    def add_deliveries(
        self,
        concern_id: int,
        destinations: Sequence[str],
        reply_id: int = 0,
        now: datetime | None = None,
        *,
        purpose: str = "",
        detail: str = "",
        due: datetime | None = None,
    ) -> int:
        """Queue a concern (or a reply, acknowledgement or note about it) for destinations not yet queued.

        `due` holds a delivery back until then (an acknowledgement the channel is about to send itself).
        """
        now = now or utc_now()
        with self._tx() as conn:
            row = conn.execute("SELECT priority FROM concerns WHERE id = ?", (concern_id,)).fetchone()
            if row is None:
                raise StoreError(f"no concern with id {concern_id}")
            rank = PRIORITY_RANK[row["priority"]]
            return self._insert_deliveries(
                conn, concern_id, destinations, reply_id, rank, now, purpose, detail, due
            )

    def settle_acknowledgements(
        self, destination: str, concern_ids: Sequence[int], delivered: bool, now: datetime
    ) -> int:
        """The channel sent (or failed to send) these concerns' acknowledgements itself.

        Sent: their held-back ack deliveries are done. Not sent: they fall due now, for the outbox to retry.
        """
        if not concern_ids:
            return 0
        marks = ",".join("?" * len(concern_ids))
        change = "status = 'delivered', delivered_at = ?" if delivered else "next_attempt_at = ?"
        return self._run(
            f"UPDATE deliveries SET {change} WHERE purpose = 'ack' AND status = 'pending' "
            f"AND destination = ? AND concern_id IN ({marks})",
            (to_text(now), destination, *concern_ids),
        )

    def outbox_health(self) -> OutboxHealth:
        """How many deliveries are still to go (and since when), and how many failed for good."""
        row = self._one(
            "SELECT SUM(status IN ('pending', 'sending')) AS undelivered, "
            "MIN(CASE WHEN status IN ('pending', 'sending') THEN created_at END) AS oldest, "
            "SUM(status = 'failed' AND last_error != ?) AS failed FROM deliveries",
            (ERASED_NOTE,),
        )
        assert row is not None
        return OutboxHealth(row["undelivered"] or 0, optional_time(row["oldest"]), row["failed"] or 0)

    def deliveries_for(self, concern_id: int) -> list[Delivery]:
        """Every delivery of a concern and its replies."""
        return self._deliveries("WHERE d.concern_id = ? ORDER BY d.id", (concern_id,))

    def due_deliveries(
        self, now: datetime, limit: int = 50, kinds: Sequence[str] | None = None
    ) -> list[Delivery]:
        """Pending deliveries whose time has come, urgent ones first; only `kinds` of destination if given."""
        only = ""
        params: list[Any] = [to_text(now)]
        if kinds is not None:
            only = " AND (" + " OR ".join("d.destination LIKE ?" for _ in kinds) + ")" if kinds else " AND 0"
            params += [f"{kind}:%" for kind in kinds]
        return self._deliveries(
            f"WHERE d.status = 'pending' AND d.next_attempt_at <= ?{only} "
            "ORDER BY d.priority DESC, d.next_attempt_at, d.id LIMIT ?",
            (*params, limit),
        )

    def _deliveries(self, where: str, params: Sequence[Any]) -> list[Delivery]:
        rows = self._all(
            "SELECT d.*, r.concern_id AS r_concern_id, r.text AS r_text, r.from_whom AS r_from_whom, "
            "r.created_at AS r_created_at FROM deliveries d "
            f"LEFT JOIN office_replies r ON r.id = d.reply_id {where}",
            params,
        )
        return [delivery_from_row(row) for row in rows]

    def next_due_at(self) -> datetime | None:
        """When the next pending delivery falls due."""
        row = self._one("SELECT MIN(next_attempt_at) AS due FROM deliveries WHERE status = 'pending'")
        return optional_time(row["due"]) if row else None

    def claim_delivery(self, delivery_id: int) -> bool:
        """Start an attempt: pending → sending. False when someone else has it or it is no longer pending."""
        return bool(
            self._run(
                "UPDATE deliveries SET status = 'sending', attempts = attempts + 1 "
                "WHERE id = ? AND status = 'pending'",
                (delivery_id,),
            )
        )

    def mark_delivered(self, delivery_id: int, now: datetime) -> None:
        """The destination has it."""
        self._run(
            "UPDATE deliveries SET status = 'delivered', delivered_at = ?, last_error = '' WHERE id = ?",
            (to_text(now), delivery_id),
        )

    def mark_retry(self, delivery_id: int, error: str, next_attempt_at: datetime) -> None:
        """The attempt failed; try again at `next_attempt_at`."""
        self._run(
            "UPDATE deliveries SET status = 'pending', last_error = ?, next_attempt_at = ? "
            "WHERE id = ? AND status = 'sending'",
            (error, to_text(next_attempt_at), delivery_id),
        )

    def mark_failed(self, delivery_id: int, error: str) -> None:
        """Give up on this delivery."""
        self._run(
            "UPDATE deliveries SET status = 'failed', last_error = ? WHERE id = ? AND status != 'delivered'",
            (error, delivery_id),
        )

    def postpone_destination(self, destination: str, until: datetime) -> int:
        """Hold back a destination's pending deliveries that would fall due before `until`."""
        return self._run(
            "UPDATE deliveries SET next_attempt_at = ? "
            "WHERE destination = ? AND status = 'pending' AND next_attempt_at < ?",
            (to_text(until), destination, to_text(until)),
        )

    def reset_sending(self) -> int:
        """After a crash, attempts that were under way go back to pending."""
        return self._run("UPDATE deliveries SET status = 'pending' WHERE status = 'sending'")
