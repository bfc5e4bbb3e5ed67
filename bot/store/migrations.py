"""The store's schema as numbered migration steps; `PRAGMA user_version` records how many have run."""

from __future__ import annotations

import sqlite3

from bot.store.base import StoreError

MIGRATIONS: list[str] = [
    # 1: who chose which role, pending conversations, per-topic feedback (no user ids).
    """
    CREATE TABLE roles (
        user_id TEXT PRIMARY KEY,
        role TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    CREATE TABLE conversation_state (
        user_id TEXT PRIMARY KEY,
        state TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    CREATE TABLE feedback (
        topic TEXT PRIMARY KEY,
        helpful INTEGER NOT NULL DEFAULT 0,
        unhelpful INTEGER NOT NULL DEFAULT 0
    );
    """,
    # 2: concerns, their deliveries to the office (or DSL) and the office's replies.
    """
    CREATE TABLE reference_counters (
        year INTEGER PRIMARY KEY,
        last INTEGER NOT NULL
    );
    CREATE TABLE concerns (
        id INTEGER PRIMARY KEY,
        reference TEXT NOT NULL UNIQUE,
        submission_id TEXT UNIQUE,
        user_id TEXT,
        channel TEXT NOT NULL DEFAULT '',
        chat_id TEXT NOT NULL DEFAULT '',
        role TEXT NOT NULL DEFAULT 'any',
        text TEXT NOT NULL DEFAULT '',
        child_class TEXT NOT NULL DEFAULT '',
        name TEXT NOT NULL DEFAULT '',
        contact TEXT NOT NULL DEFAULT '',
        anonymous INTEGER NOT NULL DEFAULT 0,
        kind TEXT NOT NULL CHECK (kind IN ('concern', 'safeguarding')),
        priority TEXT NOT NULL CHECK (priority IN ('normal', 'high')),
        route TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
        created_at TEXT NOT NULL,
        closed_at TEXT,
        redacted_at TEXT
    );
    CREATE INDEX concerns_by_user ON concerns (user_id);
    CREATE TABLE office_replies (
        id INTEGER PRIMARY KEY,
        concern_id INTEGER NOT NULL REFERENCES concerns (id) ON DELETE CASCADE,
        text TEXT NOT NULL,
        from_whom TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL
    );
    CREATE TABLE deliveries (
        id INTEGER PRIMARY KEY,
        concern_id INTEGER NOT NULL REFERENCES concerns (id) ON DELETE CASCADE,
        reply_id INTEGER NOT NULL DEFAULT 0,
        destination TEXT NOT NULL,
        priority INTEGER NOT NULL DEFAULT 0,
        status TEXT NOT NULL DEFAULT 'pending'
            CHECK (status IN ('pending', 'sending', 'delivered', 'failed')),
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at TEXT NOT NULL,
        last_error TEXT NOT NULL DEFAULT '',
        delivered_at TEXT,
        created_at TEXT NOT NULL,
        UNIQUE (concern_id, reply_id, destination)
    );
    CREATE INDEX deliveries_due ON deliveries (status, priority, next_attempt_at);
    """,
    # 3: deliveries with a purpose: '' the concern or reply itself, 'ack' the person's "sent" message,
    # 'note' a note to the office that something could not be delivered (detail says what, never user text).
    """
    CREATE TABLE deliveries_3 (
        id INTEGER PRIMARY KEY,
        concern_id INTEGER NOT NULL REFERENCES concerns (id) ON DELETE CASCADE,
        reply_id INTEGER NOT NULL DEFAULT 0,
        destination TEXT NOT NULL,
        purpose TEXT NOT NULL DEFAULT '' CHECK (purpose IN ('', 'ack', 'note')),
        detail TEXT NOT NULL DEFAULT '',
        priority INTEGER NOT NULL DEFAULT 0,
        status TEXT NOT NULL DEFAULT 'pending'
            CHECK (status IN ('pending', 'sending', 'delivered', 'failed')),
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at TEXT NOT NULL,
        last_error TEXT NOT NULL DEFAULT '',
        delivered_at TEXT,
        created_at TEXT NOT NULL,
        UNIQUE (concern_id, reply_id, destination, purpose)
    );
    INSERT INTO deliveries_3 (id, concern_id, reply_id, destination, priority, status, attempts,
        next_attempt_at, last_error, delivered_at, created_at)
    SELECT id, concern_id, reply_id, destination, priority, status, attempts,
        next_attempt_at, last_error, delivered_at, created_at FROM deliveries;
    DROP TABLE deliveries;
    ALTER TABLE deliveries_3 RENAME TO deliveries;
    CREATE INDEX deliveries_due ON deliveries (status, priority, next_attempt_at);
    """,
    # 4: the web chat (sessions, replies waiting for the page), office accounts, and insights: counts per
    # day and outcome (no user ids) and unanswered question text (no user ids, purged after retention).
    """
    CREATE TABLE web_sessions (
        id TEXT PRIMARY KEY,
        created_at TEXT NOT NULL,
        last_seen TEXT NOT NULL
    );
    CREATE TABLE web_inbox (
        id INTEGER PRIMARY KEY,
        session TEXT NOT NULL,
        text TEXT NOT NULL,
        html TEXT NOT NULL,
        created_at TEXT NOT NULL
    );
    CREATE INDEX web_inbox_by_session ON web_inbox (session);
    CREATE TABLE office_users (
        name TEXT PRIMARY KEY,
        password_hash TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('office', 'dsl')),
        created_at TEXT NOT NULL
    );
    CREATE TABLE outcome_counts (
        day TEXT NOT NULL,
        outcome TEXT NOT NULL,
        topic TEXT NOT NULL DEFAULT '',
        count INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (day, outcome, topic)
    );
    CREATE TABLE unanswered (
        id INTEGER PRIMARY KEY,
        text TEXT NOT NULL,
        reason TEXT NOT NULL CHECK (reason IN ('fallback', 'none_of_these', 'unhelpful')),
        topic TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'dismissed', 'added', 'new_topic')),
        created_at TEXT NOT NULL
    );
    CREATE INDEX unanswered_by_status ON unanswered (status, created_at);
    """,
]


def schema_version(conn: sqlite3.Connection) -> int:
    """How many migrations this database has had."""
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: sqlite3.Connection, upto: int | None = None) -> int:
    """Run the migrations the database has not had yet (each in its own transaction); returns the version."""
    target = len(MIGRATIONS) if upto is None else upto
    current = schema_version(conn)
    if current > len(MIGRATIONS):
        raise StoreError(
            f"the database is at schema version {current}, newer than this PolicyBot knows "
            f"({len(MIGRATIONS)}) — upgrade PolicyBot or restore a backup"
        )
    for number in range(current + 1, target + 1):
        try:
            # executescript commits first, so the BEGIN here makes the step and its version one transaction.
            conn.executescript(
                f"BEGIN IMMEDIATE;\n{MIGRATIONS[number - 1]}\nPRAGMA user_version = {number};\nCOMMIT;"
            )
        except sqlite3.Error as err:
            if conn.in_transaction:
                conn.rollback()
            raise StoreError(f"migration {number} failed: {err}") from err
    return schema_version(conn)
