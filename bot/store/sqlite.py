"""The Store on one SQLite file: roles, pending conversations, feedback counts, concerns and deliveries."""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

from bot.store.base import StoreError
from bot.store.files import check_file, create_private_file, explain
from bot.store.migrations import migrate
from bot.store.records import (
    PRIORITY_RANK,
    Concern,
    Delivery,
    FeedbackCount,
    NewConcern,
    OfficeReply,
    utc_now,
)
from bot.store.rows import concern_from_row, delivery_from_row, optional_time, to_text, to_time

ERASED_NOTE = "erased at the person's request"


class SqliteStore:
    """The Store on one SQLite file in WAL mode, safe to share between the event loop and worker threads."""

    def __init__(self, path: str | Path, create: bool = True) -> None:
        """Open (with `create`, create if missing) the database; raises StoreError saying what to fix."""
        self.path = Path(path)
        self._lock = threading.RLock()
        try:
            check_file(self.path, create)
            create_private_file(self.path)
        except OSError as err:
            raise StoreError(explain(self.path, err)) from err
        try:
            self._conn = sqlite3.connect(
                self.path, timeout=10.0, isolation_level=None, check_same_thread=False
            )
            self._conn.row_factory = sqlite3.Row
            self._conn.execute("PRAGMA journal_mode = WAL")
            # FULL: a concern acknowledged to a parent survives a power cut, not just a crash.
            self._conn.execute("PRAGMA synchronous = FULL")
            self._conn.execute("PRAGMA foreign_keys = ON")
            self.version = migrate(self._conn)
        except sqlite3.Error as err:
            raise StoreError(explain(self.path, err)) from err
        except StoreError as err:
            raise StoreError(f"{self.path}: {err}") from err

    def close(self) -> None:
        """Close the database connection."""
        with self._lock:
            self._conn.close()

    @contextmanager
    def _tx(self) -> Iterator[sqlite3.Connection]:
        with self._lock, self._errors():
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield self._conn
            except BaseException:
                self._conn.rollback()
                raise
            self._conn.commit()

    @contextmanager
    def _errors(self) -> Iterator[None]:
        """SQLite's errors (a lock held too long, a file made read-only) as StoreError naming the file."""
        try:
            yield
        except sqlite3.Error as err:
            raise StoreError(explain(self.path, err)) from err

    def _one(self, sql: str, params: Sequence[Any] = ()) -> sqlite3.Row | None:
        with self._lock, self._errors():
            return self._conn.execute(sql, params).fetchone()

    def _all(self, sql: str, params: Sequence[Any] = ()) -> list[sqlite3.Row]:
        with self._lock, self._errors():
            return self._conn.execute(sql, params).fetchall()

    def _run(self, sql: str, params: Sequence[Any] = ()) -> int:
        with self._lock, self._errors():
            return self._conn.execute(sql, params).rowcount

    # Roles

    def get_role(self, user_id: str) -> str | None:
        """The role the person chose, if any."""
        row = self._one("SELECT role FROM roles WHERE user_id = ?", (user_id,))
        return row["role"] if row else None

    def set_role(self, user_id: str, role: str) -> None:
        """Remember the person's role."""
        self._run(
            "INSERT INTO roles (user_id, role, updated_at) VALUES (?, ?, ?) "
            "ON CONFLICT (user_id) DO UPDATE SET role = excluded.role, updated_at = excluded.updated_at",
            (user_id, role, to_text(utc_now())),
        )

    # Pending conversation state

    def get_state(self, user_id: str) -> dict[str, Any] | None:
        """The person's pending conversation, if any."""
        row = self._one("SELECT state FROM conversation_state WHERE user_id = ?", (user_id,))
        return json.loads(row["state"]) if row else None

    def state_updated_at(self, user_id: str) -> datetime | None:
        """When the person's pending conversation last changed."""
        row = self._one("SELECT updated_at FROM conversation_state WHERE user_id = ?", (user_id,))
        return optional_time(row["updated_at"]) if row else None

    def set_state(self, user_id: str, state: dict[str, Any], now: datetime | None = None) -> None:
        """Save the person's pending conversation (JSON-serialisable)."""
        self._run(
            "INSERT INTO conversation_state (user_id, state, updated_at) VALUES (?, ?, ?) "
            "ON CONFLICT (user_id) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at",
            (user_id, json.dumps(state, ensure_ascii=False), to_text(now or utc_now())),
        )

    def clear_state(self, user_id: str) -> None:
        """Drop the person's pending conversation."""
        self._run("DELETE FROM conversation_state WHERE user_id = ?", (user_id,))

    def idle_states(self, before: datetime) -> list[tuple[str, dict[str, Any]]]:
        """Pending conversations last changed before `before`."""
        rows = self._all(
            "SELECT user_id, state FROM conversation_state WHERE updated_at < ? ORDER BY updated_at",
            (to_text(before),),
        )
        return [(row["user_id"], json.loads(row["state"])) for row in rows]

    # Feedback

    def record_feedback(self, topic: str, helpful: bool) -> None:
        """Count one helpful / not helpful mark for a topic (who marked it is not kept)."""
        self._run(
            "INSERT INTO feedback (topic, helpful, unhelpful) VALUES (?, ?, ?) ON CONFLICT (topic) DO UPDATE "
            "SET helpful = helpful + excluded.helpful, unhelpful = unhelpful + excluded.unhelpful",
            (topic, int(helpful), int(not helpful)),
        )

    def feedback_counts(self) -> dict[str, FeedbackCount]:
        """Helpful / not helpful counts per topic."""
        rows = self._all("SELECT topic, helpful, unhelpful FROM feedback ORDER BY topic")
        return {row["topic"]: FeedbackCount(row["helpful"], row["unhelpful"]) for row in rows}

    # Concerns

    def create_concern(
        self, new: NewConcern, destinations: Sequence[str], reference_prefix: str, now: datetime | None = None
    ) -> Concern:
        """Store a concern and its pending deliveries in one transaction; the same submission stores once.

        The reference is `<prefix>-<year>-<number>`, numbered from 1 each year and never reused.
        """
        now = now or utc_now()
        with self._tx() as conn:
            row = conn.execute("SELECT * FROM concerns WHERE submission_id = ?", (new.submission_id,))
            existing = row.fetchone()
            if existing:
                return concern_from_row(existing)
            (number,) = conn.execute(
                "INSERT INTO reference_counters (year, last) VALUES (?, 1) "
                "ON CONFLICT (year) DO UPDATE SET last = last + 1 RETURNING last",
                (now.year,),
            ).fetchone()
            reference = f"{reference_prefix}-{now.year}-{number:04d}"
            cursor = conn.execute(
                "INSERT INTO concerns (reference, submission_id, user_id, channel, chat_id, role, text, "
                "child_class, name, contact, anonymous, kind, priority, route, created_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    reference,
                    new.submission_id,
                    new.user_id,
                    new.channel,
                    new.chat_id,
                    new.role,
                    new.text,
                    new.child_class,
                    new.name,
                    new.contact,
                    int(new.anonymous),
                    new.kind,
                    new.priority,
                    new.route,
                    to_text(now),
                ),
            )
            concern_id = int(cursor.lastrowid or 0)
            self._insert_deliveries(conn, concern_id, destinations, 0, PRIORITY_RANK[new.priority], now)
            stored = conn.execute("SELECT * FROM concerns WHERE id = ?", (concern_id,)).fetchone()
        return concern_from_row(stored)

    def get_concern(self, reference: str) -> Concern | None:
        """A concern by its reference (case-insensitive)."""
        row = self._one("SELECT * FROM concerns WHERE reference = ? COLLATE NOCASE", (reference.strip(),))
        return concern_from_row(row) if row else None

    def concern_by_id(self, concern_id: int) -> Concern | None:
        """A concern by its row id."""
        row = self._one("SELECT * FROM concerns WHERE id = ?", (concern_id,))
        return concern_from_row(row) if row else None

    def list_concerns(self, open_only: bool = False) -> list[Concern]:
        """All concerns (or the open ones), oldest first."""
        where = "WHERE status = 'open'" if open_only else ""
        return [concern_from_row(row) for row in self._all(f"SELECT * FROM concerns {where} ORDER BY id")]

    def concerns_for_user(self, user_id: str) -> list[Concern]:
        """The person's concerns, oldest first."""
        rows = self._all("SELECT * FROM concerns WHERE user_id = ? ORDER BY id", (user_id,))
        return [concern_from_row(row) for row in rows]

    def close_concern(self, reference: str, now: datetime | None = None) -> bool:
        """Mark an open concern closed; False when there is no such open concern."""
        return bool(
            self._run(
                "UPDATE concerns SET status = 'closed', closed_at = ? "
                "WHERE reference = ? COLLATE NOCASE AND status = 'open'",
                (to_text(now or utc_now()), reference.strip()),
            )
        )

    # Deliveries

    def _insert_deliveries(
        self,
        conn: sqlite3.Connection,
        concern_id: int,
        destinations: Sequence[str],
        reply_id: int,
        priority: int,
        now: datetime,
    ) -> int:
        added = 0
        for destination in destinations:
            added += conn.execute(
                "INSERT OR IGNORE INTO deliveries "
                "(concern_id, reply_id, destination, priority, next_attempt_at, created_at) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (concern_id, reply_id, destination, priority, to_text(now), to_text(now)),
            ).rowcount
        return added

    def add_deliveries(
        self, concern_id: int, destinations: Sequence[str], reply_id: int = 0, now: datetime | None = None
    ) -> int:
        """Queue a concern (or one of its replies) for destinations it is not already queued for."""
        with self._tx() as conn:
            row = conn.execute("SELECT priority FROM concerns WHERE id = ?", (concern_id,)).fetchone()
            if row is None:
                raise StoreError(f"no concern with id {concern_id}")
            rank = PRIORITY_RANK[row["priority"]]
            return self._insert_deliveries(conn, concern_id, destinations, reply_id, rank, now or utc_now())

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

    # Office replies

    def add_office_reply(
        self, reference: str, text: str, from_whom: str, now: datetime | None = None
    ) -> OfficeReply:
        """Record the office's reply to a concern."""
        concern = self.get_concern(reference)
        if concern is None:
            raise StoreError(f"no concern with reference {reference}")
        now = now or utc_now()
        with self._tx() as conn:
            cursor = conn.execute(
                "INSERT INTO office_replies (concern_id, text, from_whom, created_at) VALUES (?, ?, ?, ?)",
                (concern.id, text, from_whom, to_text(now)),
            )
        return OfficeReply(int(cursor.lastrowid or 0), concern.id, text, from_whom, now)

    def office_replies(self, concern_id: int) -> list[OfficeReply]:
        """The office's replies to a concern, oldest first."""
        rows = self._all("SELECT * FROM office_replies WHERE concern_id = ? ORDER BY id", (concern_id,))
        return [
            OfficeReply(
                row["id"], row["concern_id"], row["text"], row["from_whom"], to_time(row["created_at"])
            )
            for row in rows
        ]

    # Erasure and retention

    def forget_user(self, user_id: str) -> dict[str, int]:
        """Erase what is kept about a person; their concerns stay as stubs so references and audit survive.

        Safeguarding alerts are child-protection records: they are not erased or cancelled, but delivered
        and kept for the school's retention period (counted as `safeguarding_kept`).
        """
        now = to_text(utc_now())
        with self._tx() as conn:
            role = conn.execute("DELETE FROM roles WHERE user_id = ?", (user_id,)).rowcount
            state = conn.execute("DELETE FROM conversation_state WHERE user_id = ?", (user_id,)).rowcount
            rows = conn.execute("SELECT id, kind FROM concerns WHERE user_id = ?", (user_id,)).fetchall()
            ids = [row["id"] for row in rows if row["kind"] != "safeguarding"]
            kept = len(rows) - len(ids)
            marks = ",".join("?" * len(ids))
            replies = 0
            if ids:
                replies = conn.execute(
                    f"UPDATE office_replies SET text = '', from_whom = '' WHERE concern_id IN ({marks})", ids
                ).rowcount
                conn.execute(
                    f"UPDATE deliveries SET status = 'failed', last_error = ? "
                    f"WHERE concern_id IN ({marks}) AND status IN ('pending', 'sending')",
                    [ERASED_NOTE, *ids],
                )
                conn.execute(
                    "UPDATE concerns SET user_id = NULL, chat_id = '', text = '', child_class = '', "
                    f"name = '', contact = '', redacted_at = ? WHERE id IN ({marks})",
                    [now, *ids],
                )
        return {
            "role": role,
            "conversation": state,
            "concerns": len(ids),
            "office_replies": replies,
            "safeguarding_kept": kept,
        }

    def purge_closed(self, older_than: datetime, safeguarding_older_than: datetime | None = None) -> int:
        """Delete concerns (with their deliveries and replies) closed before `older_than`; safeguarding
        alerts only when closed before `safeguarding_older_than` (never when it is None)."""
        cutoff = to_text(older_than)
        alerts = to_text(safeguarding_older_than) if safeguarding_older_than is not None else ""
        return self._run(
            "DELETE FROM concerns WHERE status = 'closed' AND "
            "((kind != 'safeguarding' AND closed_at < ?) OR (kind = 'safeguarding' AND closed_at < ?))",
            (cutoff, alerts),
        )
