"""Telegram start-up checks: the token, the webhook settings, delivery destinations and library logs.

Each check raises TelegramStartupError with one line saying what to fix; bot/cli turns it into exit 2.
"""

from __future__ import annotations

import logging
import re
from typing import TYPE_CHECKING, Any

from telegram import Update

if TYPE_CHECKING:
    from bot.config import Config

log = logging.getLogger("bot.telegram")

TOKEN_FORMAT = re.compile(r"^\d+:[A-Za-z0-9_-]{20,}$")
SECRET_FORMAT = re.compile(r"^[A-Za-z0-9_-]{1,256}$")
ALLOWED_UPDATES = [Update.MESSAGE, Update.CALLBACK_QUERY]


class TelegramStartupError(Exception):
    """The Telegram channel cannot start; the message is one line saying what to fix."""


class QuietBootstrap(logging.Filter):
    """PTB logs a traceback when start-up fails; run_telegram reports it as one line instead."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not (record.levelno >= logging.ERROR and "Bootstrap" in record.getMessage())


def check_token(token: str) -> str:
    """The token if it looks like one; otherwise TelegramStartupError saying how to provide it."""
    if not token:
        raise TelegramStartupError(
            "no Telegram bot token — set telegram.token in the config or the TELEGRAM_BOT_TOKEN environment "
            "variable (BotFather gives you one)"
        )
    if not TOKEN_FORMAT.match(token.strip()):
        raise TelegramStartupError(
            "the Telegram bot token is malformed — it should look like 123456789:AAE… exactly as BotFather "
            "gave it (no quotes or spaces)"
        )
    return token.strip()


def check_destinations(config: Config) -> None:
    """Refuse to run when concerns or alerts have nowhere to go, unless the config allows it."""
    problems = config.delivery_problems()
    if not problems:
        return
    if not config.concerns.allow_no_destination:
        raise TelegramStartupError(
            f"{'; '.join(problems)} — or set concerns.allow_no_destination: true to run without delivery"
        )
    log.warning("running without delivery (concerns.allow_no_destination): %s", "; ".join(problems))


def guard_library_logs(config: Config) -> None:
    """Keep secrets and message text out of library logs.

    httpx logs every request URL (which contains the bot token) at INFO; PTB logs whole updates, with the
    message text, at DEBUG — allowed only when `logging.content` is on.
    """
    for name in ("httpx", "httpcore"):
        logger = logging.getLogger(name)
        if logger.getEffectiveLevel() < logging.WARNING:
            logger.setLevel(logging.WARNING)
    telegram = logging.getLogger("telegram")
    if not config.logging.content and telegram.getEffectiveLevel() < logging.INFO:
        telegram.setLevel(logging.INFO)


def webhook_settings(config: Config) -> dict[str, Any] | None:
    """The arguments for run_webhook/start_webhook, or None in polling mode."""
    hook = config.telegram.webhook
    if hook is None:
        return None
    if not SECRET_FORMAT.match(hook.secret_token):
        raise TelegramStartupError(
            "telegram.webhook.secret_token must be set to 1–256 characters of A-Z, a-z, 0-9, _ or - "
            "(a long random string) so that only Telegram can post updates"
        )
    if not hook.url.startswith("https://") and not config.telegram.base_url:
        raise TelegramStartupError(
            f"telegram.webhook.url must be an https:// address Telegram can reach (got {hook.url!r})"
        )
    return {
        "listen": hook.listen,
        "port": hook.port,
        "url_path": hook.path.strip("/"),
        "secret_token": hook.secret_token,
        "webhook_url": hook.url,
        "allowed_updates": ALLOWED_UPDATES,
    }
