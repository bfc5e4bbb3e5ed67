"""SQLite tables for the web chat, office accounts and insights (mixed into SqliteStore)."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

from bot.store.records import OfficeUser, OutcomeCount, Unanswered, WebMessage, utc_now
from bot.store.rows import to_text, to_time


class WebTablesMixin:
    """Web sessions, the web inbox, office users, outcome counts and unanswered questions."""

    def _one(self, sql: str, params: Sequence[Any] = ()) -> sqlite3.Row | None: ...
    def _all(self, sql: str, params: Sequence[Any] = ()) -> list[sqlite3.Row]: ...
    def _run(self, sql: str, params: Sequence[Any] = ()) -> int: ...

    _write_lock: Any
    _conn: sqlite3.Connection

    def _errors(self) -> Any: ...
    def _tx(self) -> Any: ...

    def _run_relaxed(self, sql: str, params: Sequence[Any] = ()) -> int:
        """A write that may be lost in a power cut (counts, last-seen times): no fsync on this commit.

        Concerns keep `synchronous = FULL`; in WAL mode NORMAL still survives a crash of the process.
        """
        with self._write_lock, self._errors():
            conn = self._conn  # this thread's own connection: the setting touches no other thread
            conn.execute("PRAGMA synchronous = NORMAL")
            try:
                return conn.execute(sql, params).rowcount
            finally:
                conn.execute("PRAGMA synchronous = FULL")

    # Web chat sessions

    def web_session_seen(self, session: str, now: datetime, idle_before: datetime, create: bool) -> bool:
        """Touch a live session (or create it); False when unknown or idle since before `idle_before`.

        The last-seen time is written at most once a minute per session (it only decides expiry).
        """
        row = self._one("SELECT last_seen FROM web_sessions WHERE id = ?", (session,))
        if row is not None and row["last_seen"] >= to_text(idle_before):
            if row["last_seen"] < to_text(now - timedelta(minutes=1)):
                self._run_relaxed(
                    "UPDATE web_sessions SET last_seen = ? WHERE id = ?", (to_text(now), session)
                )
            return True
        if not create:
            return False
        self._run_relaxed(
            "INSERT OR REPLACE INTO web_sessions (id, created_at, last_seen) VALUES (?, ?, ?)",
            (session, to_text(now), to_text(now)),
        )
        return True

    def expired_web_sessions(self, idle_before: datetime) -> list[str]:
        """Sessions idle since before `idle_before` (to erase with forget_user)."""
        rows = self._all("SELECT id FROM web_sessions WHERE last_seen < ?", (to_text(idle_before),))
        return [row["id"] for row in rows]

    def drop_web_session(self, session: str) -> None:
        """Forget a session and anything waiting for it."""
        self._run("DELETE FROM web_inbox WHERE session = ?", (session,))
        self._run("DELETE FROM web_sessions WHERE id = ?", (session,))

    def add_web_message(self, session: str, text: str, html: str, now: datetime | None = None) -> int:
        """Keep a message until the session's page fetches it."""
        with self._tx() as conn:
            cursor = conn.execute(
                "INSERT INTO web_inbox (session, text, html, created_at) VALUES (?, ?, ?, ?)",
                (session, text, html, to_text(now or utc_now())),
            )
        return int(cursor.lastrowid or 0)

    def take_web_messages(self, session: str) -> list[WebMessage]:
        """The messages waiting for a session, removed as they are handed over."""
        with self._tx() as conn:  # read and delete together, so a message is handed over exactly once
            rows = conn.execute(
                "SELECT * FROM web_inbox WHERE session = ? ORDER BY id", (session,)
            ).fetchall()
            if rows:
                conn.execute("DELETE FROM web_inbox WHERE session = ? AND id <= ?", (session, rows[-1]["id"]))
        return [WebMessage(r["id"], r["text"], r["html"], to_time(r["created_at"])) for r in rows]

    # Office accounts

    def set_office_user(self, name: str, password_hash: str, role: str) -> None:
        """Create an office account or change its password and role."""
        self._run(
            "INSERT INTO office_users (name, password_hash, role, created_at) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (name) DO UPDATE SET password_hash = excluded.password_hash, role = excluded.role",
            (name, password_hash, role, to_text(utc_now())),
        )

    def get_office_user(self, name: str) -> OfficeUser | None:
        """An office account by name."""
        row = self._one("SELECT * FROM office_users WHERE name = ?", (name,))
        return OfficeUser(row["name"], row["password_hash"], row["role"]) if row else None

    # Insights

    def count_outcome(self, outcome: str, topic: str = "", now: datetime | None = None) -> None:
        """Add one to today's count of an outcome (answered, fallback, helpful…), per topic."""
        day = (now or utc_now()).date().isoformat()
        self._run_relaxed(
            "INSERT INTO outcome_counts (day, outcome, topic, count) VALUES (?, ?, ?, 1) "
            "ON CONFLICT (day, outcome, topic) DO UPDATE SET count = count + 1",
            (day, outcome, topic),
        )

    def outcome_counts(self, since: datetime) -> list[OutcomeCount]:
        """Counts per day, outcome and topic from `since` on."""
        rows = self._all(
            "SELECT * FROM outcome_counts WHERE day >= ? ORDER BY day, outcome, topic",
            (since.date().isoformat(),),
        )
        return [OutcomeCount(r["day"], r["outcome"], r["topic"], r["count"]) for r in rows]

    def add_unanswered(self, text: str, reason: str, topic: str, now: datetime | None = None) -> int:
        """Keep an unanswered question's text (never who asked) for the office to review."""
        with self._tx() as conn:
            cursor = conn.execute(
                "INSERT INTO unanswered (text, reason, topic, created_at) VALUES (?, ?, ?, ?)",
                (text, reason, topic, to_text(now or utc_now())),
            )
        return int(cursor.lastrowid or 0)

    def list_unanswered(self, status: str = "open", limit: int = 500) -> list[Unanswered]:
        """Unanswered questions with a status, newest first (at most `limit`)."""
        rows = self._all(
            "SELECT * FROM unanswered WHERE status = ? ORDER BY id DESC LIMIT ?", (status, limit)
        )
        return [
            Unanswered(r["id"], r["text"], r["reason"], r["topic"], r["status"], to_time(r["created_at"]))
            for r in rows
        ]

    def set_unanswered_status(self, ids: Sequence[int], status: str) -> int:
        """Mark questions dismissed, added as examples, or needing a new topic."""
        if not ids:
            return 0
        marks = ",".join("?" * len(ids))
        return self._run(f"UPDATE unanswered SET status = ? WHERE id IN ({marks})", (status, *ids))

    def purge_unanswered(self, older_than: datetime) -> int:
        """Delete unanswered question text older than the insights retention."""
        return self._run("DELETE FROM unanswered WHERE created_at < ?", (to_text(older_than),))
