"""The Store on one SQLite file: roles, pending conversations, feedback counts, concerns and deliveries."""

from __future__ import annotations

import json
import logging
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

from bot.store.base import StoreError
from bot.store.deliveries import ERASED_NOTE, DeliveryQueue
from bot.store.files import check_file, create_private_file, explain
from bot.store.migrations import migrate
from bot.store.records import (
    PRIORITY_RANK,
    Concern,
    FeedbackCount,
    NewConcern,
    OfficeReply,
    utc_now,
)
from bot.store.rows import concern_from_row, optional_time, to_text, to_time
from bot.store.sqlite_web import WebTablesMixin

log = logging.getLogger(__name__)

__all__ = ["ERASED_NOTE", "SqliteStore"]

BUSY_TIMEOUT_SECONDS = 2.0
"""How long a call waits for another process's write lock before failing (the outbox retries; a person's
message gets an apology) — short, so a locked file never stalls the bot for long."""


class SqliteStore(DeliveryQueue, WebTablesMixin):
    """The Store on one SQLite file in WAL mode, safe to share between the event loop and worker threads.

    The deliveries table's queries are in `DeliveryQueue` (bot/store/deliveries.py).

    Each thread gets its own connection, so a reader never waits behind a write (WAL lets readers go on
    while a writer holds the lock). Writers in this process take turns on a lock of their own rather than
    polling SQLite's busy handler; only another process's lock makes them wait, for `busy_timeout` at most.
    """

    def __init__(
        self, path: str | Path, create: bool = True, busy_timeout: float = BUSY_TIMEOUT_SECONDS
    ) -> None:
        """Open (with `create`, create if missing) the database; raises StoreError saying what to fix."""
        self.path = Path(path)
        self.busy_timeout = busy_timeout
        self._local = threading.local()
        self._connections: list[sqlite3.Connection] = []
        self._connections_lock = threading.Lock()
        self._write_lock = threading.Lock()
        try:
            check_file(self.path, create)
            create_private_file(self.path)
        except OSError as err:
            raise StoreError(explain(self.path, err)) from err
        try:
            conn = self._conn
            conn.execute("PRAGMA journal_mode = WAL")
            self.version = migrate(conn)
        except sqlite3.Error as err:
            raise StoreError(explain(self.path, err)) from err
        except StoreError as err:
            raise StoreError(f"{self.path}: {err}") from err

    @property
    def _conn(self) -> sqlite3.Connection:
        """This thread's connection, opened on first use."""
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            conn = self._connect()
            self._local.conn = conn
        return conn

    def _connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(
            self.path, timeout=self.busy_timeout, isolation_level=None, check_same_thread=False
        )
        conn.row_factory = sqlite3.Row
        # FULL: a concern acknowledged to a parent survives a power cut, not just a crash.
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
        # Erased or purged text is overwritten with zeros, not left in free pages of the file.
        conn.execute("PRAGMA secure_delete = ON")
        with self._connections_lock:
            self._connections.append(conn)
        return conn

    def close(self) -> None:
        """Close every thread's connection (waiting for a write under way in another thread to finish:
        closing a connection while another thread writes through it crashes the sqlite3 module)."""
        with self._write_lock, self._connections_lock:
            connections, self._connections = self._connections, []
            for conn in connections:
                conn.close()

    @contextmanager
    def _tx(self) -> Iterator[sqlite3.Connection]:
        with self._write_lock, self._errors():
            conn = self._conn
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
            except BaseException:
                conn.rollback()
                raise
            conn.commit()

    @contextmanager
    def _errors(self) -> Iterator[None]:
        """SQLite's errors (a lock held too long, a file made read-only) as StoreError naming the file."""
        try:
            yield
        except sqlite3.Error as err:
            raise StoreError(explain(self.path, err)) from err

    def _one(self, sql: str, params: Sequence[Any] = ()) -> sqlite3.Row | None:
        with self._errors():
            return self._conn.execute(sql, params).fetchone()

    def _all(self, sql: str, params: Sequence[Any] = ()) -> list[sqlite3.Row]:
        with self._errors():
            return self._conn.execute(sql, params).fetchall()

    def _run(self, sql: str, params: Sequence[Any] = ()) -> int:
        """One writing statement."""
        with self._write_lock, self._errors():
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
        self._scrub_wal()
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
        purged = self._run(
            "DELETE FROM concerns WHERE status = 'closed' AND "
            "((kind != 'safeguarding' AND closed_at < ?) OR (kind = 'safeguarding' AND closed_at < ?))",
            (cutoff, alerts),
        )
        if purged:
            self._scrub_wal()
        return purged

    def _scrub_wal(self) -> None:
        """Copy the erased pages into the file and empty the WAL, which still holds the old text."""
        with self._errors():
            busy, _, _ = self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        if busy:  # a reader in another process holds an old snapshot; the next checkpoint finishes it
            log.warning("could not fully checkpoint %s after an erase; it completes later", self.path.name)
