"""The words a delivery carries: a concern for the office or DSL, or the office's reply for the person."""

from __future__ import annotations

import json
from collections.abc import Callable
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
    """(subject, plain text, html) for one delivery, chosen by what it carries."""
    context = concern_context(concern)
    if delivery.purpose == "ack":
        name = "sg_alert_sent" if concern.kind == "safeguarding" else "concern_sent"
        text, html = messages.render(name, reference=concern.reference, role=concern.role)
        return "", text, html
    if delivery.purpose == "note":
        note = json.loads(delivery.detail or "{}")
        subject, _ = messages.render("office_delivery_failed_subject", concern=context)
        text, html = messages.render(
            "office_delivery_failed_note",
            concern=context,
            what=note.get("what", "concern"),
            destination=note.get("destination", ""),
            error=note.get("error", ""),
        )
        return subject.strip(), text, html
    subject, _ = messages.render("concern_email_subject", concern=context)
    if delivery.reply is not None:
        text, html = _reply_message(messages, delivery.reply.text, delivery.reply.from_whom, context)
    else:
        text, html = messages.render("concern_office_message", concern=context)
    return subject.strip(), text, html


def _reply_message(
    messages: Messages, text: str, from_whom: str, context: dict[str, Any], part: int = 1
) -> tuple[str, str]:
    name = "office_reply_relay" if part == 1 else "office_reply_continued"
    return messages.render(name, concern=context, reply_text=text, from_whom=from_whom, part=part)


def telegram_parts(
    messages: Messages, delivery: Delivery, concern: Concern, limit: int = TELEGRAM_LIMIT
) -> list[tuple[str, str]]:
    """A delivery as one or more (plain, html) chat messages, each html at most `limit` characters.

    A long concern, or a long reply from the office, is cut at line breaks or spaces into parts; each
    part after the first says which part it is.
    """
    _, text, html = delivery_message(messages, delivery, concern)
    if len(html) <= limit or delivery.purpose:
        return [(text, html)]
    reply = delivery.reply
    if reply is not None:
        context = concern_context(concern)

        def render(piece: str, part: int) -> tuple[str, str]:
            return _reply_message(messages, piece, reply.from_whom, context, part)

        return _split(reply.text, render, limit)

    def render_concern(piece: str, part: int) -> tuple[str, str]:
        context = concern_context(concern, text=piece)
        if part == 1:
            return messages.render("concern_office_message", concern=context)
        return messages.render("concern_office_continued", concern=context, part=part)

    return _split(concern.text, render_concern, limit)


def _split(body: str, render: Callable[[str, int], tuple[str, str]], limit: int) -> list[tuple[str, str]]:
    parts: list[tuple[str, str]] = []
    rest = body
    while rest:
        size = max(200, limit - 1000)  # room for the header; shrinks when escaping makes a part too long
        while True:
            piece, after = _cut(rest, size)
            rendered = render(piece, len(parts) + 1)
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
