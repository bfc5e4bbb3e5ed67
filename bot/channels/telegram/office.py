"""The school office's side on Telegram: concerns arrive in the office chat, staff answer and close them."""

from __future__ import annotations

import asyncio
import logging
import re
from typing import TYPE_CHECKING, Any

from telegram import Bot, LinkPreviewOptions, Update
from telegram.constants import ParseMode
from telegram.error import BadRequest, ChatMigrated, Forbidden
from telegram.ext import ContextTypes

from bot.channels.telegram.handlers import Channel, asked, channel
from bot.concerns.office_messages import telegram_parts
from bot.concerns.outbox import PermanentDeliveryError, reply_destination

if TYPE_CHECKING:
    from collections.abc import Callable

    from bot.concerns.outbox import Outbox
    from bot.knowledge.messages import Messages
    from bot.store.records import Concern, Delivery

log = logging.getLogger("bot.telegram.office")

TELEGRAM_KINDS = ("office-telegram", "dsl-telegram", "user-telegram")


class TelegramSender:
    """The outbox's Sender for `office-telegram:`, `dsl-telegram:` and `user-telegram:` destinations."""

    def __init__(self, bot: Bot, messages: Messages) -> None:
        self.bot = bot
        self.messages = messages

    async def send(self, delivery: Delivery, concern: Concern) -> None:
        """Send one delivery (in parts if long); raises on failure so the outbox retries.

        Refusals that retrying cannot fix — blocked by the person, no such chat, message too long —
        raise PermanentDeliveryError, so the outbox gives up at once and tells the office.
        """
        chat_id = int(delivery.target)
        for _, html in telegram_parts(self.messages, delivery, concern):
            try:
                await self.bot.send_message(
                    chat_id,
                    html,
                    parse_mode=ParseMode.HTML,
                    link_preview_options=LinkPreviewOptions(is_disabled=True),
                )
            except (Forbidden, BadRequest, ChatMigrated) as err:  # 403 / 400: the same answer next time
                raise PermanentDeliveryError(str(err)) from err


def when_stored(outbox: Outbox, loop: asyncio.AbstractEventLoop) -> Callable[[Concern], None]:
    """The concern flow's `on_stored` hook: hold the person's acknowledgement, start delivery at once.

    It runs in the flow's worker thread just after the concern was stored.
    """

    def stored(concern: Concern) -> None:
        try:
            if concern.channel == "telegram":  # held in the outbox until the handler has sent it
                outbox.hold_acknowledgement(concern)
        except Exception:  # the concern is stored; the person still gets the handler's reply
            log.exception("could not hold the acknowledgement of %s in the outbox", concern.reference)
        loop.call_soon_threadsafe(outbox.wake)

    return stored


def reference_pattern(prefix: str) -> re.Pattern[str]:
    """Concern references such as MM-2026-0042."""
    return re.compile(rf"\b{re.escape(prefix)}-\d{{4}}-\d{{3,}}\b", re.IGNORECASE)


def is_office(update: Update, ch: Channel) -> bool:
    """Whether the update comes from a configured office chat or an office admin."""
    office = ch.config.office
    chat, user = update.effective_chat, update.effective_user
    return bool(
        (chat is not None and chat.id in office.telegram_chat_ids)
        or (user is not None and user.id in office.admin_user_ids)
    )


async def _say(update: Update, ch: Channel, name: str, **context: Any) -> None:
    message = update.effective_message
    if message is not None:
        await message.reply_html(ch.texts.html(name, **context), do_quote=False)


async def _open_concern(update: Update, ch: Channel, reference: str) -> Concern | None:
    assert ch.store is not None
    concern = await asyncio.to_thread(ch.store.get_concern, reference)
    if concern is None or concern.status != "open":
        await _say(update, ch, "telegram_office_unknown_reference", reference=reference.upper())
        return None
    return concern


async def relay(update: Update, ch: Channel, reference: str, text: str) -> None:
    """Record the office's answer to a concern and queue it for the person who raised it."""
    assert ch.store is not None
    concern = await _open_concern(update, ch, reference)
    if concern is None:
        return
    staff = update.effective_user.full_name if update.effective_user else "the school office"
    reply = await asyncio.to_thread(ch.store.add_office_reply, concern.reference, text, staff)
    log.info("update %s: office replied to %s%s", update.update_id, concern.reference, ch.loggable(text))
    if not _relayable(concern, ch):
        await _say(update, ch, "telegram_office_reply_not_telegram", reference=concern.reference)
        return
    await ch.outbox.queue_reply(concern, reply)
    await _say(update, ch, "telegram_office_reply_sent", reference=concern.reference)


def _relayable(concern: Concern, ch: Channel) -> bool:
    """Whether the person can get a reply: raised on Telegram, or on a channel served beside it (web)."""
    destination = reply_destination(concern)
    if destination is None or ch.outbox is None:
        return False
    return concern.channel == "telegram" or destination.split(":", 1)[0] in ch.outbox.senders


def _refuse(update: Update, command: str) -> None:
    log.warning(
        "update %s: user %s in chat %s tried /%s but is not office staff",
        update.update_id,
        update.effective_user.id if update.effective_user else "-",
        update.effective_chat.id if update.effective_chat else "-",
        command,
    )


async def _office_only(update: Update, ch: Channel, command: str) -> bool:
    """Whether the office may use this command here; anyone else is refused politely and logged."""
    if is_office(update, ch) and ch.store is not None:
        return True
    _refuse(update, command)
    await _say(update, ch, "telegram_office_refused")
    return False


async def reply_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/reply REF text — the office answers a concern by its reference."""
    ch = channel(context)
    if not await _office_only(update, ch, "reply"):
        return
    args = context.args or []
    if len(args) < 2:
        await _say(update, ch, "telegram_office_reply_usage")
        return
    message = update.effective_message
    assert message is not None and message.text is not None
    text = message.text.split(maxsplit=2)[2]
    await relay(update, ch, args[0], text)


async def close_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/close REF — the office closes a concern and the person is told."""
    ch = channel(context)
    if not await _office_only(update, ch, "close"):
        return
    if not context.args:
        await _say(update, ch, "telegram_office_reply_usage")
        return
    concern = await _open_concern(update, ch, context.args[0])
    if concern is None:
        return
    await asyncio.to_thread(ch.store.close_concern, concern.reference)
    log.info("update %s: office closed %s", update.update_id, concern.reference)
    if _relayable(concern, ch):
        note = ch.texts.text("telegram_concern_closed_note", reference=concern.reference)
        staff = update.effective_user.full_name if update.effective_user else "the school office"
        reply = await asyncio.to_thread(ch.store.add_office_reply, concern.reference, note, staff)
        await ch.outbox.queue_reply(concern, reply)
    await _say(update, ch, "telegram_office_closed", reference=concern.reference)


async def reload_knowledge_now(ch: Channel, why: str) -> tuple[bool, str]:
    """Reload the knowledge off the event loop: (True, summary) or (False, the problems, one a line)."""
    from bot.common.schema import ProblemsError
    from bot.wiring import reload_knowledge

    try:
        summary = await asyncio.to_thread(reload_knowledge, ch.dialogue, ch.config)
    except (ProblemsError, OSError) as err:
        problems = getattr(err, "problems", None) or [str(err)]
        log.error("reload (%s) failed — still running the previous knowledge: %s", why, "; ".join(problems))
        return False, "\n".join(problems)
    log.info("reload (%s): knowledge loaded again: %s", why, summary)
    return True, summary


async def reload_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/reload — an office admin loads edited knowledge without a restart."""
    ch = channel(context)
    user = update.effective_user
    if user is None or user.id not in ch.config.office.admin_user_ids:
        _refuse(update, "reload")
        await _say(update, ch, "telegram_office_refused")
        return
    ok, details = await reload_knowledge_now(ch, f"/reload by {user.id}")
    problems = details.splitlines()
    if ok:
        await _say(update, ch, "telegram_reload_done", summary=details)
    else:
        await _say(
            update, ch, "telegram_reload_failed", problems=problems[:10], more=max(0, len(problems) - 10)
        )


async def office_replied(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """In an office chat, a reply to the bot's message about a concern answers that concern."""
    ch, message = channel(context), update.effective_message
    assert message is not None and message.text is not None
    replied = message.reply_to_message
    quoted = (replied.text or replied.caption or "") if replied is not None else ""
    found = reference_pattern(ch.config.concerns.reference_prefix).search(quoted)
    from_bot = (
        replied is not None and replied.from_user is not None and replied.from_user.id == context.bot.id
    )
    if found is None or not from_bot or ch.store is None:
        await asked(update, context)
        return
    await relay(update, ch, found.group(0), message.text)
