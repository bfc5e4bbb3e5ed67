"""Turn the core's replies into Telegram messages: HTML split under 4096 characters, inline keyboards."""

from __future__ import annotations

import html
import logging
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
import yaml
from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.config import PROJECT_ROOT
from bot.core.replies import Option, Reply

log = logging.getLogger(__name__)

MAX_TEXT = 4096  # Telegram's limit on a message's text (counted here in UTF-16 units of the HTML)
MAX_CALLBACK_BYTES = 64
MESSAGES_FILE = "telegram.yaml"
FEEDBACK_PREFIX = "fb:"

_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)[^>]*>")
_RESERVE = 200  # room for the tags closed at the end of a part and reopened at the start of the next


@dataclass(frozen=True)
class Outgoing:
    """One Telegram message ready to send."""

    html: str
    keyboard: InlineKeyboardMarkup | None = None


def units(text: str) -> int:
    """Length as Telegram counts it (UTF-16 code units)."""
    return len(text.encode("utf-16-le")) // 2


def escape(text: str) -> str:
    """HTML-escape text for Telegram's HTML parse mode."""
    return html.escape(text, quote=False)


def _cut_position(markup: str, budget: int) -> int:
    """Where to end the next part: a paragraph break, else a line break, else a space, else anywhere safe."""
    window = markup[:budget]
    while units(window) > budget:
        window = window[: len(window) - (units(window) - budget)]
    for separator in ("\n\n", "\n", " "):
        at = window.rfind(separator)
        if at > budget // 4:
            return at
    cut = len(window)
    lt, gt = window.rfind("<"), window.rfind(">")
    if lt > gt:
        cut = lt  # don't cut inside a tag
    amp = window.rfind("&", 0, cut)
    if amp != -1 and ";" not in window[amp:cut]:
        cut = amp  # nor inside an entity such as &amp;
    return max(cut, 1)


def _open_tags(markup: str, stack: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The (name, opening tag) stack after `markup`, starting from `stack`."""
    stack = list(stack)
    for match in _TAG.finditer(markup):
        closing, name = match.group(1), match.group(2).lower()
        if not closing:
            stack.append((name, match.group(0)))
        elif any(n == name for n, _ in stack):
            while stack and stack.pop()[0] != name:
                pass
    return stack


def split_html(markup: str, limit: int = MAX_TEXT) -> list[str]:
    """Split HTML into parts of at most `limit` units at paragraph/line boundaries, keeping tags balanced."""
    parts: list[str] = []
    remaining = markup.strip()
    while units(remaining) > limit:
        cut = _cut_position(remaining, limit - _RESERVE)
        part, remaining = remaining[:cut].rstrip(), remaining[cut:].lstrip()
        stack = _open_tags(part, [])
        parts.append(part + "".join(f"</{name}>" for name, _ in reversed(stack)))
        remaining = "".join(tag for _, tag in stack) + remaining
    if remaining:
        parts.append(remaining)
    return parts


def safe_payload(payload: str) -> bool:
    """Whether `payload` fits Telegram's 64-byte callback_data limit."""
    return 0 < len(payload.encode("utf-8")) <= MAX_CALLBACK_BYTES


def option_rows(options: Iterable[Option]) -> list[list[InlineKeyboardButton]]:
    """One button per row; options whose payload would not fit are left out (and logged)."""
    rows = []
    for option in options:
        if not safe_payload(option.payload):
            log.warning("dropped a button whose payload is over %d bytes", MAX_CALLBACK_BYTES)
            continue
        rows.append([InlineKeyboardButton(option.label, callback_data=option.payload)])
    return rows


def feedback_payloads(topic: str) -> tuple[str, str] | None:
    """The 👍 / 👎 payloads for a topic, or None if they would not fit."""
    yes, no = f"{FEEDBACK_PREFIX}{topic}:1", f"{FEEDBACK_PREFIX}{topic}:0"
    return (yes, no) if safe_payload(yes) else None


def wants_feedback(reply: Reply) -> bool:
    """Answers get 👍 / 👎 unless the core already offered feedback."""
    return (
        reply.action == "answer"
        and bool(reply.topic)
        and not any(o.payload.startswith(FEEDBACK_PREFIX) for o in reply.options)
    )


def to_messages(reply: Reply, feedback_prompt: str = "") -> list[Outgoing]:
    """The Telegram messages for one reply: buttons (and the feedback row) go on the last part."""
    rows = option_rows(reply.options)
    markup = reply.html or escape(reply.text)
    if wants_feedback(reply) and reply.topic and (payloads := feedback_payloads(reply.topic)):
        rows.append(
            [
                InlineKeyboardButton("👍", callback_data=payloads[0]),
                InlineKeyboardButton("👎", callback_data=payloads[1]),
            ]
        )
        if feedback_prompt:
            markup = f"{markup}\n\n{feedback_prompt}"
    parts = split_html(markup) or [escape("…")]
    keyboard = InlineKeyboardMarkup(rows) if rows else None
    return [Outgoing(part, keyboard if i == len(parts) - 1 else None) for i, part in enumerate(parts)]


def without_feedback(markup: InlineKeyboardMarkup | None) -> InlineKeyboardMarkup | None:
    """The same keyboard with the 👍 / 👎 row removed (after a tap)."""
    if markup is None:
        return None
    rows = [
        list(row)
        for row in markup.inline_keyboard
        if not any(str(b.callback_data or "").startswith(FEEDBACK_PREFIX) for b in row)
    ]
    return InlineKeyboardMarkup(rows) if rows else None


Render = Callable[..., tuple[str, str]]


@dataclass
class TelegramTexts:
    """The channel's own wording (knowledge/messages/telegram.yaml), rendered to HTML.

    Uses the core's renderer when it has the message (one shared environment); otherwise renders the file
    itself, so the channel keeps working while the knowledge folder lacks the file.
    """

    templates: dict[str, str]
    context: dict[str, Any]
    render_with: Render | None = None
    has: Callable[[str], bool] | None = None
    env: jinja2.Environment = field(
        default_factory=lambda: jinja2.Environment(
            autoescape=True, undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True
        )
    )

    @classmethod
    def load(cls, folder: Path, context: dict[str, Any], renderer: Any = None) -> TelegramTexts:
        """Read `folder/messages/telegram.yaml` (or the bundled one) and link to the core's renderer."""
        path = folder / "messages" / MESSAGES_FILE
        if not path.exists():
            path = PROJECT_ROOT / "knowledge" / "messages" / MESSAGES_FILE
        data = yaml.safe_load(path.read_text(encoding="utf-8")) if path.exists() else {}
        templates = dict((data or {}).get("messages", data) or {})
        render_with = getattr(renderer, "render", None)
        has = getattr(renderer, "has", None)
        return cls(templates, context, render_with, has)

    def html(self, name: str, **context: Any) -> str:
        """The named message as Telegram HTML; falls back to a neutral sentence if it is missing."""
        if self.render_with is not None and self.has is not None and self.has(name):
            return self.render_with(name, **context)[1]
        source = self.templates.get(name)
        if source is None:
            log.error("message %s is missing from messages/%s", name, MESSAGES_FILE)
            return escape("Sorry, something went wrong — please try again.")
        return self.env.from_string(source).render({**self.context, **context}).strip()

    def text(self, name: str, **context: Any) -> str:
        """The named message as plain text (for toasts such as answerCallbackQuery)."""
        return html.unescape(_TAG.sub("", self.html(name, **context)))
