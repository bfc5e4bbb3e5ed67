"""Converting between SQLite rows and the store's records: timestamps as sortable UTC text."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime

from bot.store.records import Concern, Delivery, OfficeReply


def to_text(when: datetime) -> str:
    """Timestamps are stored as UTC ISO text, so they sort as text."""
    if when.tzinfo is None:
        raise ValueError("timestamps must be timezone-aware")
    return when.astimezone(UTC).isoformat(timespec="microseconds")


def optional_time(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


def to_time(text: str) -> datetime:
    return datetime.fromisoformat(text)


def concern_from_row(row: sqlite3.Row) -> Concern:
    return Concern(
        id=row["id"],
        reference=row["reference"],
        user_id=row["user_id"] or "",
        channel=row["channel"],
        chat_id=row["chat_id"],
        role=row["role"],
        text=row["text"],
        child_class=row["child_class"],
        name=row["name"],
        contact=row["contact"],
        anonymous=bool(row["anonymous"]),
        kind=row["kind"],
        priority=row["priority"],
        status=row["status"],
        created_at=to_time(row["created_at"]),
        closed_at=optional_time(row["closed_at"]),
        redacted=row["redacted_at"] is not None,
        route=row["route"],
    )


def delivery_from_row(row: sqlite3.Row) -> Delivery:
    reply = None
    if row["reply_id"] and row["r_concern_id"] is not None:
        reply = OfficeReply(
            row["reply_id"],
            row["r_concern_id"],
            row["r_text"],
            row["r_from_whom"],
            to_time(row["r_created_at"]),
        )
    return Delivery(
        id=row["id"],
        concern_id=row["concern_id"],
        destination=row["destination"],
        status=row["status"],
        attempts=row["attempts"],
        next_attempt_at=to_time(row["next_attempt_at"]),
        priority="high" if row["priority"] else "normal",
        last_error=row["last_error"],
        delivered_at=optional_time(row["delivered_at"]),
        reply=reply,
        purpose=row["purpose"],
        detail=row["detail"],
    )
