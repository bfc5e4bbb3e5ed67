"""What PolicyBot does when someone writes, taps or commands on Telegram: thin calls into the core."""

from __future__ import annotations

import asyncio
import logging
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from telegram import LinkPreviewOptions, Message, MessageEntity, ReplyParameters, Update
from telegram.constants import ChatType, ParseMode
from telegram.error import BadRequest, TelegramError
from telegram.ext import ApplicationHandlerStop, ContextTypes

from bot.channels.telegram.format import (
    FEEDBACK_PREFIX,
    TelegramTexts,
    safe_payload,
    to_messages,
    without_feedback,
)
from bot.common.ratelimit import SlidingWindow
from bot.core.dialogue import COMMANDS
from bot.core.replies import Reply, UserContext
from bot.knowledge.loading import CHOSEN_ROLES

if TYPE_CHECKING:
    from bot.config import Config
    from bot.core.dialogue import Dialogue
    from bot.store.base import Store

log = logging.getLogger("bot.telegram")

CHANNEL_KEY = "policybot"
_PAYLOAD = re.compile(r"^[a-z]+(:[A-Za-z0-9_.\-]+)*$")
_NO_PREVIEW = LinkPreviewOptions(is_disabled=True)


@dataclass
class RateGate:
    """Per-user sliding-window limit: `messages` per `per_seconds`, with one notice per blocked spell."""

    messages: int
    per_seconds: float
    clock: Callable[[], float] = time.monotonic
    _window: SlidingWindow = field(init=False)
    _noticed: set[int] = field(default_factory=set)

    def __post_init__(self) -> None:
        self._window = SlidingWindow(self.messages, self.per_seconds, self.clock)

    def check(self, user_id: int) -> str:
        """'ok' to go ahead, 'notify' for the first blocked update of a spell, 'drop' after that."""
        if self._window.allow(user_id):
            self._noticed.discard(user_id)
            return "ok"
        if user_id in self._noticed:
            return "drop"
        self._noticed.add(user_id)
        return "notify"

    def wait_seconds(self, user_id: int) -> int:
        """Roughly how long until `user_id` may ask again."""
        return self._window.wait_seconds(user_id)

    def prune(self) -> None:
        """Forget people whose window is empty (keeps memory flat)."""
        self._noticed.difference_update(self._window.prune())


@dataclass
class Channel:
    """Everything the handlers share, kept in `application.bot_data[CHANNEL_KEY]`."""

    config: Config
    dialogue: Dialogue
    store: Store | None
    texts: TelegramTexts
    gate: RateGate
    outbox: Any = None

    def user_context(self, update: Update) -> UserContext:
        """Who is asking, with their stored role (or 'any')."""
        user, chat = update.effective_user, update.effective_chat
        assert user is not None
        user_id = f"telegram:{user.id}"
        stored = self.store.get_role(user_id) if self.store is not None else None
        return UserContext(
            user_id=user_id,
            role=stored if stored in CHOSEN_ROLES else "any",  # type: ignore[arg-type]
            channel="telegram",
            display_name=user.full_name,
            chat_id=str(chat.id if chat is not None else user.id),
        )

    def loggable(self, text: str | None) -> str:
        """Message text for logs only when `logging.content` allows it."""
        return f" text={text!r}" if self.config.logging.content and text else ""


def channel(context: ContextTypes.DEFAULT_TYPE) -> Channel:
    """The shared Channel of this application."""
    return context.bot_data[CHANNEL_KEY]


async def send_replies(
    context: ContextTypes.DEFAULT_TYPE, chat_id: int, replies: list[Reply], quote: Message | None = None
) -> None:
    """Send the core's replies in order, each split under Telegram's limit with its buttons last."""
    prompt = channel(context).texts.html("telegram_feedback_prompt")
    for reply in replies:
        for outgoing in to_messages(reply, prompt):
            reply_to = ReplyParameters(quote.message_id, allow_sending_without_reply=True) if quote else None
            try:
                await context.bot.send_message(
                    chat_id,
                    outgoing.html,
                    parse_mode=ParseMode.HTML,
                    reply_markup=outgoing.keyboard,
                    link_preview_options=_NO_PREVIEW,
                    reply_parameters=reply_to,
                )
            except BadRequest as err:
                if "parse" not in str(err).lower():
                    raise
                log.warning("chat %s: Telegram rejected our HTML (%s); sent as plain text", chat_id, err)
                await context.bot.send_message(chat_id, reply.text[:4096], reply_markup=outgoing.keyboard)
            quote = None


async def ask_core(func: Callable[..., list[Reply]], *args: Any) -> list[Reply]:
    """Run a dialogue call off the event loop (the store writes to disk)."""
    return await asyncio.to_thread(func, *args)


async def who(ch: Channel, update: Update) -> UserContext:
    """The person's context, read from the store off the event loop (a locked file must not stall it)."""
    return await asyncio.to_thread(ch.user_context, update)


def _ack_destination(chat_id: int) -> str:
    return f"user-telegram:{chat_id}"  # where bot.concerns.outbox.reply_destination sends to this chat


async def respond(
    context: ContextTypes.DEFAULT_TYPE, chat_id: int, replies: list[Reply], quote: Message | None = None
) -> None:
    """Send the core's replies; a "sent, your reference is …" among them no longer needs the outbox.

    If sending fails, the error handler hands any held acknowledgement to the outbox to resend.
    """
    await send_replies(context, chat_id, replies, quote)
    outbox = channel(context).outbox
    if outbox is not None:
        await outbox.settle_acknowledgements(_ack_destination(chat_id), sent=True)


def _log_replies(update: Update, what: str, replies: list[Reply], extra: str = "") -> None:
    first = replies[0] if replies else None
    log.info(
        "update %s user %s %s -> %s topic=%s confidence=%.2f%s",
        update.update_id,
        update.effective_user.id if update.effective_user else "-",
        what,
        first.action if first else "nothing",
        first.topic if first else None,
        first.confidence if first else 0.0,
        extra,
    )


# -- protection (group -1) -----------------------------------------------------------------------------


def is_addressed(message: Message, bot_username: str, group_mode: str) -> bool:
    """In a group, whether a message is for the bot: commanded, mentioned, a reply to it, or mode 'all'."""
    if message.chat.type == ChatType.PRIVATE or group_mode == "all":
        return True
    replied = message.reply_to_message
    if replied and replied.from_user and replied.from_user.username == bot_username:
        return True
    mention = "@" + bot_username.lower()
    entities = {**message.parse_entities(), **message.parse_caption_entities()}
    for entity, text in entities.items():
        if entity.type == MessageEntity.BOT_COMMAND and entity.offset == 0:
            return True
        if entity.type == MessageEntity.MENTION and text.lower() == mention:
            return True
    return False


async def gate(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Drop what isn't for us (edits, unaddressed group chatter) and rate-limit each person."""
    ch = channel(context)
    if update.edited_message or update.edited_channel_post or update.effective_user is None:
        raise ApplicationHandlerStop
    message = update.message
    if message is not None and not is_addressed(message, context.bot.username, ch.config.telegram.group_mode):
        raise ApplicationHandlerStop
    user_id = update.effective_user.id
    verdict = ch.gate.check(user_id)
    if verdict == "ok":
        return
    log.info("update %s user %s rate-limited (%s)", update.update_id, user_id, verdict)
    notice = ch.texts.html("telegram_rate_limited", seconds=ch.gate.wait_seconds(user_id))
    if update.callback_query is not None:
        await update.callback_query.answer(
            ch.texts.text("telegram_rate_limited", seconds=ch.gate.wait_seconds(user_id))
        )
    elif verdict == "notify" and update.effective_chat is not None:
        await context.bot.send_message(update.effective_chat.id, notice, parse_mode=ParseMode.HTML)
    raise ApplicationHandlerStop


# -- what people do ------------------------------------------------------------------------------------


def _strip_mention(text: str, bot_username: str) -> str:
    return re.sub(rf"@{re.escape(bot_username)}\b", "", text, flags=re.IGNORECASE).strip()


async def asked(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A text message: a question (or a step of a concern) for the dialogue core."""
    ch, message = channel(context), update.effective_message
    assert message is not None and message.text is not None
    text = _strip_mention(message.text, context.bot.username)
    user = await who(ch, update)
    replies = await ask_core(ch.dialogue.handle, user, text)
    _log_replies(update, "asked", replies, ch.loggable(text))
    quote = message if message.chat.type != ChatType.PRIVATE else None
    await respond(context, message.chat_id, replies, quote)


async def commanded(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/start, /help, /topics, /contact, /privacy, /forget, /role, /concern; unknown ones in private."""
    ch, message = channel(context), update.effective_message
    assert message is not None and message.text is not None
    head, *rest = message.text.split(maxsplit=1)
    args = rest[0] if rest else ""
    name, _, addressee = head.lstrip("/").partition("@")
    if addressee and addressee.lower() != context.bot.username.lower():
        return  # meant for another bot in the group
    if name.lower() not in COMMANDS and message.chat.type != ChatType.PRIVATE:
        return
    user = await who(ch, update)
    replies = await ask_core(ch.dialogue.command, user, name.lower(), args.strip())
    _log_replies(update, f"/{name.lower()}", replies, ch.loggable(args))
    await respond(context, message.chat_id, replies)


async def tapped(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A button: feedback is acknowledged in place; anything else goes to the dialogue core."""
    ch, query = channel(context), update.callback_query
    assert query is not None
    payload = query.data if isinstance(query.data, str) else ""
    stale = ch.texts.text("stale_button")
    if not payload or not safe_payload(payload) or not _PAYLOAD.match(payload):
        log.info("update %s user %s tapped an unknown button", update.update_id, query.from_user.id)
        await query.answer(stale, show_alert=True)
        return
    user = await who(ch, update)
    replies = await ask_core(ch.dialogue.choose, user, payload)
    _log_replies(update, f"tapped {payload.split(':')[0]}", replies)
    if [r.text for r in replies] == [stale]:
        await query.answer(stale, show_alert=True)
        return
    if payload.startswith(FEEDBACK_PREFIX) and len(replies) == 1 and not replies[0].options:
        await query.answer(replies[0].text[:200])
        await _drop_keyboard(query, feedback_only=True)
        return
    await query.answer()
    # Browsing buttons stay usable; one-shot steps (role, concern, alert, forget) lose theirs.
    await _drop_keyboard(query, feedback_only=payload.startswith(("t:", "s:", "p:")))
    chat_id = query.message.chat.id if query.message is not None else query.from_user.id
    await respond(context, chat_id, replies)


async def _drop_keyboard(query: Any, feedback_only: bool) -> None:
    """Remove a message's buttons (or just its 👍 / 👎 row) once used, so a step can't run twice."""
    message = query.message
    if message is None or not isinstance(message, Message) or message.reply_markup is None:
        return
    markup = without_feedback(message.reply_markup) if feedback_only else None
    if feedback_only and markup == message.reply_markup:
        return
    try:
        await query.edit_message_reply_markup(reply_markup=markup)
    except TelegramError as err:  # the message is too old or unchanged: harmless
        log.debug("could not update buttons: %s", err)


async def sent_media(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A photo, sticker, voice note or file: explain that only text can be read."""
    ch, message = channel(context), update.effective_message
    assert message is not None
    log.info(
        "update %s user %s sent a non-text message",
        update.update_id,
        update.effective_user.id if update.effective_user else "-",
    )
    await message.reply_html(ch.texts.html("telegram_not_text"), do_quote=False)


async def failed(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    """The one error handler: log the update id and traceback; the person gets a short apology."""
    update_id = update.update_id if isinstance(update, Update) else "-"
    log.error("update %s failed", update_id, exc_info=context.error)
    if not isinstance(update, Update):
        return
    ch = channel(context)
    if ch.outbox is not None and update.effective_chat is not None:
        try:  # a "sent, your reference is …" that did not get out: the outbox resends it
            await ch.outbox.settle_acknowledgements(_ack_destination(update.effective_chat.id), sent=False)
        except Exception as err:  # the store too is failing; the held acknowledgement goes after its hold
            log.error("update %s: could not hand the acknowledgement to the outbox: %s", update_id, err)
    try:
        if update.callback_query is not None:
            await update.callback_query.answer()
        if update.effective_chat is not None:
            await context.bot.send_message(
                update.effective_chat.id, ch.texts.html("telegram_error"), parse_mode=ParseMode.HTML
            )
    except TelegramError as err:
        log.error("update %s: could not send the apology: %s", update_id, err)
