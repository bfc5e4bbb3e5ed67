"""Deliver concerns by e-mail over SMTP (STARTTLS, SSL or plain), from a worker thread."""

from __future__ import annotations

import asyncio
import hashlib
import os
import smtplib
import ssl
from collections.abc import Mapping
from email.message import EmailMessage
from email.utils import format_datetime

from bot.concerns.office_messages import delivery_message
from bot.config import SmtpConfig
from bot.knowledge.messages import Messages
from bot.store.records import Concern, Delivery, utc_now


class MailerError(Exception):
    """The SMTP settings cannot work (e.g. a user name without a password)."""


def message_id(delivery: Delivery, concern: Concern, domain: str) -> str:
    """A Message-ID that is the same on every attempt, so a receiver can drop a resend after a crash."""
    reply = delivery.reply.id if delivery.reply else 0
    seed = f"{delivery.destination}\n{reply}"
    if delivery.purpose:  # a note to the same address is another e-mail (concerns keep their old ids)
        seed += f"\n{delivery.purpose}"
    digest = hashlib.sha256(seed.encode()).hexdigest()[:16]
    return f"<{concern.reference}.{reply}.{digest}@{domain}>"


def build_email(messages: Messages, smtp: SmtpConfig, delivery: Delivery, concern: Concern) -> EmailMessage:
    """One delivery as e-mail: plain text (user text as written) plus HTML (user text escaped)."""
    subject, text, html = delivery_message(messages, delivery, concern)
    domain = smtp.from_address.rpartition("@")[2] or "policybot.invalid"
    msg = EmailMessage()
    msg["From"] = smtp.from_address
    msg["To"] = delivery.target
    msg["Subject"] = subject
    msg["Date"] = format_datetime(utc_now())
    msg["Message-ID"] = message_id(delivery, concern, domain)
    msg["Auto-Submitted"] = "auto-generated"  # RFC 3834: no out-of-office replies to the bot
    msg["X-PolicyBot-Reference"] = concern.reference
    if concern.priority == "high":
        msg["Importance"] = "high"
        msg["X-Priority"] = "1"
    msg.set_content(text)
    msg.add_alternative(f"<!DOCTYPE html>\n<html><body>\n{html}\n</body></html>\n", subtype="html")
    return msg


class SmtpSender:
    """A Sender for `office-email:` and `dsl-email:` destinations."""

    def __init__(
        self, smtp: SmtpConfig, messages: Messages, environ: Mapping[str, str] | None = None
    ) -> None:
        environ = os.environ if environ is None else environ
        if not smtp.from_address:
            raise MailerError("smtp.from_address is required — set the address e-mails come from")
        self.smtp = smtp
        self.messages = messages
        self.username = environ.get(smtp.username_env, "")
        self.password = environ.get(smtp.password_env, "")
        if self.username and not self.password:
            raise MailerError(f"{smtp.password_env} is not set but {smtp.username_env} is — set both")

    async def send(self, delivery: Delivery, concern: Concern) -> None:
        """Send one delivery; raises on any failure (the outbox retries)."""
        msg = build_email(self.messages, self.smtp, delivery, concern)
        await asyncio.to_thread(self._send_blocking, msg)

    def _send_blocking(self, msg: EmailMessage) -> None:
        smtp = self.smtp
        context = ssl.create_default_context()
        client: smtplib.SMTP
        if smtp.security == "ssl":
            client = smtplib.SMTP_SSL(smtp.host, smtp.port, timeout=smtp.timeout_seconds, context=context)
        else:
            client = smtplib.SMTP(smtp.host, smtp.port, timeout=smtp.timeout_seconds)
        with client:
            if smtp.security == "starttls":
                client.starttls(context=context)
            if self.username:
                client.login(self.username, self.password)
            client.send_message(msg)
