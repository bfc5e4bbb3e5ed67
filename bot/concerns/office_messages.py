"""The words a delivery carries: a concern for the office or DSL, or the office's reply for the person."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.knowledge.messages import Messages
from bot.store.records import Concern, Delivery

TELEGRAM_LIMIT = 4096
"""Telegram's longest message, in characters; longer concerns go out in several parts."""


def _uk_time(when: datetime) -> str:
    try:
        zone: Any = ZoneInfo("Europe/London")  # UK schools; see docs/concerns-notes.md
    except ZoneInfoNotFoundError:
        zone = when.tzinfo
    return when.astimezone(zone).strftime("%d %b %Y %H:%M %Z")


def concern_context(concern: Concern, text: str | None = None) -> dict[str, Any]:
    """What templates see of a concern (`text` replaces the concern text, for one part of a long one)."""
    return {
        "reference": concern.reference,
        "kind": concern.kind,
        "urgent": concern.priority == "high",
        "role": concern.role,
        "text": concern.text if text is None else text,
        "child_class": concern.child_class,
        "name": concern.name,
        "contact": concern.contact,
        "anonymous": concern.anonymous,
        "channel": concern.channel,
        "created": _uk_time(concern.created_at),
        "redacted": concern.redacted,
        "route": concern.route,
    }


def delivery_message(messages: Messages, delivery: Delivery, concern: Concern) -> tuple[str, str, str]:
    """(subject, plain text, html) for one delivery; replies use `office_reply_relay`."""
    context = concern_context(concern)
    subject, _ = messages.render("concern_email_subject", concern=context)
    if delivery.reply is not None:
        text, html = messages.render(
            "office_reply_relay",
            concern=context,
            reply_text=delivery.reply.text,
            from_whom=delivery.reply.from_whom,
        )
    else:
        text, html = messages.render("concern_office_message", concern=context)
    return subject.strip(), text, html


def telegram_parts(
    messages: Messages, delivery: Delivery, concern: Concern, limit: int = TELEGRAM_LIMIT
) -> list[tuple[str, str]]:
    """A delivery as one or more (plain, html) chat messages, each html at most `limit` characters."""
    _, text, html = delivery_message(messages, delivery, concern)
    if len(html) <= limit or delivery.reply is not None:
        return [(text, html)]
    parts: list[tuple[str, str]] = []
    rest = concern.text
    while rest:
        size = max(200, limit - 1000)  # room for the header; shrinks when escaping makes a part too long
        while True:
            piece, after = _cut(rest, size)
            context = concern_context(concern, text=piece)
            if parts:
                rendered = messages.render("concern_office_continued", concern=context, part=len(parts) + 1)
            else:
                rendered = messages.render("concern_office_message", concern=context)
            if len(rendered[1]) <= limit or size <= 200:
                break
            size = size * 2 // 3
        parts.append(rendered)
        rest = after
    return parts


def _cut(text: str, size: int) -> tuple[str, str]:
    """Up to `size` characters of text (ending at a nearby line break or space), and the rest."""
    if len(text) <= size:
        return text, ""
    cut = max(text.rfind("\n", 0, size), text.rfind(" ", 0, size))
    cut = cut if cut > size // 2 else size
    return text[:cut], text[cut:].lstrip("\n ")
