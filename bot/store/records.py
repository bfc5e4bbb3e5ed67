"""What the store keeps about concerns and their delivery: typed records shared by store, flow, outbox."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Literal

ConcernKind = Literal["concern", "safeguarding"]
Priority = Literal["normal", "high"]
ConcernStatus = Literal["open", "closed"]
DeliveryStatus = Literal["pending", "sending", "delivered", "failed"]
Purpose = Literal["", "ack", "note"]
"""What a delivery carries: '' the concern (or the office's reply), 'ack' the person's "sent, your
reference is …", 'note' a note to the office that a delivery failed for good."""

PRIORITY_RANK: dict[str, int] = {"normal": 0, "high": 1}


def utc_now() -> datetime:
    """The current time, timezone-aware in UTC."""
    return datetime.now(UTC)


@dataclass(frozen=True)
class NewConcern:
    """A concern as the person submitted it, before the store gives it a reference.

    `submission_id` is unique per filled-in form: submitting the same one twice returns the first concern.
    """

    submission_id: str
    user_id: str
    text: str
    channel: str = "console"
    chat_id: str = ""
    role: str = "any"
    child_class: str = ""
    name: str = ""
    contact: str = ""
    anonymous: bool = False
    kind: ConcernKind = "concern"
    priority: Priority = "normal"
    route: str = ""  # safeguarding alerts: dsl | headteacher | chair_of_governors


@dataclass(frozen=True)
class Concern:
    """A stored concern. After `forget_user` it is a redacted stub: reference, status and dates only."""

    id: int
    reference: str
    user_id: str
    channel: str
    chat_id: str
    role: str
    text: str
    child_class: str
    name: str
    contact: str
    anonymous: bool
    kind: ConcernKind
    priority: Priority
    status: ConcernStatus
    created_at: datetime
    closed_at: datetime | None = None
    redacted: bool = False
    route: str = ""


@dataclass(frozen=True)
class OfficeReply:
    """The office's answer to a concern, relayed to the person who raised it."""

    id: int
    concern_id: int
    text: str
    from_whom: str
    created_at: datetime


@dataclass(frozen=True)
class Delivery:
    """One concern (or one office reply, when `reply` is set) on its way to one destination.

    `destination` is `<kind>:<target>`, e.g. `office-email:office@x`, `office-telegram:-100123`,
    `user-telegram:4567`; the part before the colon chooses the sender. `purpose` says what it carries
    (see `Purpose`); a note's `detail` says what failed (no user text).
    """

    id: int
    concern_id: int
    destination: str
    status: DeliveryStatus
    attempts: int
    next_attempt_at: datetime
    priority: Priority = "normal"
    last_error: str = ""
    delivered_at: datetime | None = None
    reply: OfficeReply | None = None
    purpose: Purpose = ""
    detail: str = ""

    @property
    def kind(self) -> str:
        """The destination's kind, e.g. `office-email`."""
        return self.destination.split(":", 1)[0]

    @property
    def target(self) -> str:
        """The destination's address or chat id (empty for e.g. `user-console`)."""
        return self.destination.split(":", 1)[1] if ":" in self.destination else ""


@dataclass(frozen=True)
class OutboxHealth:
    """What is still to be delivered: how many, the oldest one's creation time, and how many failed."""

    undelivered: int
    oldest: datetime | None
    failed: int


@dataclass(frozen=True)
class FeedbackCount:
    """How often a topic's answer was marked helpful or not (no user ids kept)."""

    helpful: int = 0
    unhelpful: int = 0


UnansweredReason = Literal["fallback", "none_of_these", "unhelpful"]
UnansweredStatus = Literal["open", "dismissed", "added", "new_topic"]
OfficeRole = Literal["office", "dsl"]


@dataclass(frozen=True)
class OfficeUser:
    """An account for the office dashboard; `password_hash` is a scrypt hash, never the password."""

    name: str
    password_hash: str
    role: OfficeRole


@dataclass(frozen=True)
class WebMessage:
    """A message waiting for a web chat page to fetch it (the office's reply to a concern)."""

    id: int
    text: str
    html: str
    created_at: datetime


@dataclass(frozen=True)
class Unanswered:
    """A question the bot could not answer well, kept without who asked; `topic` is the nearest one."""

    id: int
    text: str
    reason: UnansweredReason
    topic: str
    status: UnansweredStatus
    created_at: datetime


@dataclass(frozen=True)
class OutcomeCount:
    """How many times an outcome (answered, fallback, helpful…) happened on a day, per topic."""

    day: str
    outcome: str
    topic: str
    count: int
