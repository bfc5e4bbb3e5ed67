"""PolicyBot on Telegram: build the Application (every handler in one place) and run it.

Long polling by default; webhook mode when `telegram.webhook` is set. Start-up problems raise
`TelegramStartupError` with one line saying what to fix; `policybot run` prints it and exits 2.
"""

from __future__ import annotations

import asyncio
import logging
import signal
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from telegram import BotCommand, BotCommandScopeChat, Update
from telegram.error import InvalidToken, NetworkError, TelegramError
from telegram.ext import (
    AIORateLimiter,
    Application,
    ApplicationBuilder,
    BaseUpdateProcessor,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    MessageHandler,
    TypeHandler,
    filters,
)

from bot.channels.telegram.format import TelegramTexts
from bot.channels.telegram.handlers import (
    CHANNEL_KEY,
    Channel,
    RateGate,
    asked,
    commanded,
    failed,
    gate,
    send_replies,
    sent_media,
    tapped,
)
from bot.channels.telegram.office import (
    TELEGRAM_KINDS,
    TelegramSender,
    close_command,
    office_replied,
    reload_command,
    reload_knowledge_now,
    reply_command,
    when_stored,
)
from bot.channels.telegram.startup import (
    ALLOWED_UPDATES,
    QuietBootstrap,
    TelegramStartupError,
    check_destinations,
    check_token,
    guard_library_logs,
    webhook_settings,
)
from bot.core.dialogue import COMMANDS
from bot.store.records import utc_now

if TYPE_CHECKING:
    from bot.config import Config
    from bot.core.dialogue import Dialogue
    from bot.store.base import Store

log = logging.getLogger("bot.telegram")

OFFICE_COMMANDS = ("reply", "close")
EXPIRE_EVERY = timedelta(minutes=1)
PURGE_EVERY = timedelta(days=1)
# Chats handled at once; a few more HTTP connections than that (httpcore slows down with huge pools).
CONCURRENT_UPDATES = 32
BOOTSTRAP_RETRIES = 5  # ride out a short network blip at start-up before giving up with exit status 2
COMPANIONS_KEY = "companions"
MENU_ORDER = ("start", "help", "topics", "concern", "cancel", "contact", "role", "privacy", "forget")


class PerChatUpdateProcessor(BaseUpdateProcessor):
    """Handle different chats concurrently but each chat's updates one at a time, in order."""

    def __init__(self, max_concurrent_updates: int = 64) -> None:
        super().__init__(max_concurrent_updates)
        self._locks: dict[int, asyncio.Lock] = {}
        self._users: dict[int, int] = {}

    async def do_process_update(self, update: object, coroutine: Any) -> None:
        """Wait for the chat's earlier updates, then process this one."""
        chat = update.effective_chat if isinstance(update, Update) else None
        if chat is None:
            await coroutine
            return
        lock = self._locks.setdefault(chat.id, asyncio.Lock())
        self._users[chat.id] = self._users.get(chat.id, 0) + 1
        try:
            async with lock:
                await coroutine
        finally:
            self._users[chat.id] -= 1
            if not self._users[chat.id]:
                del self._users[chat.id], self._locks[chat.id]

    async def initialize(self) -> None:
        """Nothing to set up."""

    async def shutdown(self) -> None:
        """Nothing to release."""


def _renderer(dialogue: Any) -> Any:
    if hasattr(dialogue, "messages") and hasattr(dialogue, "engine"):
        return dialogue.messages  # follows the engine through /reload and SIGHUP
    return getattr(getattr(dialogue, "engine", None), "renderer", None)


def build_application(
    config: Config, dialogue: Dialogue, store: Store | None, outbox: Any = None, *, flood_limit: bool = True
) -> Application:
    """The Application with every handler registered; `outbox` defaults to Telegram/e-mail senders."""
    token = check_token(config.telegram.resolved_token())
    guard_library_logs(config)
    builder = (
        ApplicationBuilder()
        .token(token)
        .concurrent_updates(PerChatUpdateProcessor(CONCURRENT_UPDATES))
        .connection_pool_size(CONCURRENT_UPDATES + 8)
        .post_init(_started)
        .post_stop(_stopping)
    )
    if flood_limit:  # Telegram's own limits (30 messages/s, 20/min per group); off only for benchmarks
        builder = builder.rate_limiter(AIORateLimiter(max_retries=3))
    if config.telegram.base_url:
        builder = builder.base_url(config.telegram.base_url.rstrip("/"))
    app = builder.build()

    renderer = _renderer(dialogue)
    texts = TelegramTexts.load(
        config.knowledge_path(), {"school": config.school, "concerns": config.concerns}, renderer
    )
    if store is not None and renderer is not None:
        outbox = _with_telegram_senders(config, store, outbox, app, renderer)
    limit = config.telegram.rate_limit
    app.bot_data[CHANNEL_KEY] = Channel(
        config, dialogue, store, texts, RateGate(limit.messages, limit.per_seconds), outbox
    )

    app.add_handler(TypeHandler(Update, gate), group=-1)
    app.add_handler(CommandHandler(list(COMMANDS), commanded))
    app.add_handler(CommandHandler("reply", reply_command))
    app.add_handler(CommandHandler("close", close_command))
    app.add_handler(CommandHandler("reload", reload_command))
    app.add_handler(CallbackQueryHandler(tapped))
    message = filters.UpdateType.MESSAGE
    if config.office.telegram_chat_ids:
        office_chats = filters.Chat(chat_id=config.office.telegram_chat_ids)
        app.add_handler(
            MessageHandler(
                message & filters.TEXT & ~filters.COMMAND & filters.REPLY & office_chats, office_replied
            )
        )
    app.add_handler(MessageHandler(message & filters.TEXT & ~filters.COMMAND, asked))
    app.add_handler(MessageHandler(message & filters.COMMAND & filters.ChatType.PRIVATE, commanded))
    app.add_handler(MessageHandler(message & ~filters.TEXT & ~filters.StatusUpdate.ALL, sent_media))
    app.add_error_handler(failed)
    return app


def _with_telegram_senders(config: Config, store: Store, outbox: Any, app: Application, renderer: Any) -> Any:
    from bot.wiring import build_outbox

    if outbox is None:
        outbox = build_outbox(config, store, renderer)
    telegram = TelegramSender(app.bot, renderer)
    for kind in TELEGRAM_KINDS:
        outbox.senders.setdefault(kind, telegram)
    return outbox


async def _started(app: Application) -> None:
    """After initialize: publish the command menu, start the outbox worker and the periodic jobs."""
    ch: Channel = app.bot_data[CHANNEL_KEY]
    await _publish_commands(app, ch)
    _reload_on_sighup(app, ch)
    if ch.outbox is not None:
        loop, outbox = asyncio.get_running_loop(), ch.outbox
        concerns = getattr(ch.dialogue, "concerns", None)
        if concerns is not None and concerns.on_stored is None:
            concerns.on_stored = when_stored(outbox, loop)
        stop = asyncio.Event()
        app.bot_data["outbox_stop"] = stop
        app.bot_data["outbox_task"] = asyncio.create_task(
            ch.outbox.run_forever(stop), name="policybot-outbox"
        )
    for companion in app.bot_data.get(COMPANIONS_KEY, []):
        await companion.start(ch.dialogue, ch.store, ch.outbox)  # e.g. the web chat on this event loop
    if app.job_queue is not None:
        app.job_queue.run_repeating(
            _expire_idle, interval=EXPIRE_EVERY, first=EXPIRE_EVERY, name="expire-idle"
        )
        if ch.store is not None:
            app.job_queue.run_repeating(
                _purge_closed, interval=PURGE_EVERY, first=timedelta(minutes=5), name="purge-closed"
            )


async def _publish_commands(app: Application, ch: Channel) -> None:
    names = [n for n in MENU_ORDER if n in COMMANDS] + [n for n in COMMANDS if n not in MENU_ORDER]
    menu = [BotCommand(name, ch.texts.text(f"telegram_command_{name}")) for name in names]
    await app.bot.set_my_commands(menu)
    office_menu = [
        *menu,
        BotCommand("reply", "Answer a concern: /reply REFERENCE text"),
        BotCommand("close", "Close a concern: /close REFERENCE"),
    ]
    for chat_id in ch.config.office.telegram_chat_ids:
        try:
            await app.bot.set_my_commands(office_menu, scope=BotCommandScopeChat(chat_id))
        except TelegramError as err:
            log.warning("office chat %s: cannot set its command menu (%s) — is the bot in it?", chat_id, err)


def _reload_on_sighup(app: Application, ch: Channel) -> None:
    """`kill -HUP` (systemctl reload) loads the knowledge again; a broken edit keeps the old one."""
    if not hasattr(signal, "SIGHUP"):
        return
    loop = asyncio.get_running_loop()

    def hup() -> None:
        app.bot_data["reload_task"] = loop.create_task(reload_knowledge_now(ch, "SIGHUP"))

    try:
        loop.add_signal_handler(signal.SIGHUP, hup)
    except (RuntimeError, ValueError):  # not the main thread: no signals here
        return
    app.bot_data["sighup"] = True


async def _stopping(app: Application) -> None:
    """Before shutdown: stop companions, then the outbox worker (it finishes the delivery under way)."""
    if app.bot_data.pop("sighup", False):
        asyncio.get_running_loop().remove_signal_handler(signal.SIGHUP)
    for companion in app.bot_data.pop(COMPANIONS_KEY, []):
        await companion.stop()
    stop, task = app.bot_data.pop("outbox_stop", None), app.bot_data.pop("outbox_task", None)
    if stop is not None and task is not None:
        stop.set()
        try:
            await asyncio.wait_for(task, timeout=15)
        except TimeoutError:
            log.warning("the outbox did not stop within 15 s; pending deliveries resume at next start")


async def _expire_idle(context: ContextTypes.DEFAULT_TYPE) -> None:
    """Time out idle conversations and tell the Telegram users concerned."""
    ch: Channel = context.bot_data[CHANNEL_KEY]
    ch.gate.prune()
    for user, reply in await asyncio.to_thread(ch.dialogue.expire_idle, utc_now()):
        if user.channel == "telegram" and user.chat_id:
            try:
                await send_replies(context, int(user.chat_id), [reply])
            except TelegramError as err:
                log.warning("could not send an idle-timeout notice to %s: %s", user.user_id, err)


async def _purge_closed(context: ContextTypes.DEFAULT_TYPE) -> None:
    """Delete concerns closed longer ago than concerns.retention_days."""
    ch: Channel = context.bot_data[CHANNEL_KEY]
    assert ch.store is not None
    now = utc_now()
    cutoff = now - timedelta(days=ch.config.concerns.retention_days)
    alerts = now - timedelta(days=ch.config.safeguarding.retention_days)
    purged = await asyncio.to_thread(ch.store.purge_closed, cutoff, alerts)
    if purged:
        log.info("purged %d closed concerns older than %d days", purged, ch.config.concerns.retention_days)


@asynccontextmanager
async def serving(
    app: Application,
    poll_interval: float = 0.0,
    webhook: dict[str, Any] | None = None,
) -> AsyncIterator[Application]:
    """Run `app` inside an existing event loop (tests, benchmarks), like run_polling/run_webhook do."""
    async with app:
        if app.post_init:
            await app.post_init(app)
        assert app.updater is not None
        if webhook is not None:
            await app.updater.start_webhook(**webhook)
        else:
            await app.updater.start_polling(poll_interval=poll_interval, allowed_updates=ALLOWED_UPDATES)
        await app.start()
        try:
            yield app
        finally:
            await app.updater.stop()
            await app.stop()
            if app.post_stop:
                await app.post_stop(app)


def run_telegram(config: Config, companions: Sequence[Any] = ()) -> int:
    """Run the bot until SIGINT/SIGTERM; raises TelegramStartupError for problems the admin must fix.

    `companions` are other services on the same event loop (the web channel, when `web.enabled`): each has
    `async start(dialogue, store, outbox)` and `async stop()`, and shares this bot's outbox.
    """
    from bot.store.base import StoreError
    from bot.wiring import build_dialogue, close_store, open_store

    check_token(config.telegram.resolved_token())
    webhook = webhook_settings(config)
    try:
        store = open_store(config)
    except StoreError as err:
        raise TelegramStartupError(str(err)) from None  # it names the file and what to do
    dialogue = None
    try:
        check_destinations(config)
        dialogue = build_dialogue(config, store)
        app = build_application(config, dialogue, store)
        app.bot_data[COMPANIONS_KEY] = list(companions)
        where = config.telegram.base_url or "api.telegram.org"
        quiet = QuietBootstrap()
        logging.getLogger("telegram.ext").addFilter(quiet)
        try:
            if webhook is not None:
                log.info(
                    "starting in webhook mode on %s:%s/%s",
                    webhook["listen"],
                    webhook["port"],
                    webhook["url_path"],
                )
                app.run_webhook(**webhook, bootstrap_retries=BOOTSTRAP_RETRIES)
            else:
                log.info("starting in polling mode")
                app.run_polling(allowed_updates=ALLOWED_UPDATES, bootstrap_retries=BOOTSTRAP_RETRIES)
        except InvalidToken:
            raise TelegramStartupError(
                f"{where} refused the bot token — check telegram.token / TELEGRAM_BOT_TOKEN against BotFather"
            ) from None
        except NetworkError as err:
            raise TelegramStartupError(
                f"cannot reach the Bot API at {where} ({err}) — check the network and telegram.base_url"
            ) from None
        finally:
            logging.getLogger("telegram.ext").removeFilter(quiet)
    finally:
        if store is not None:
            close_store(store, dialogue)
    log.info("stopped")
    return 0
