"""The channel-agnostic dialogue core: one entry point per thing a person can do, replies as data."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from functools import wraps
from typing import TYPE_CHECKING, Any

from bot.common.text import clean
from bot.core.engine import Engine
from bot.core.replies import Option, Reply, UserContext

if TYPE_CHECKING:
    from bot.core.ports import Concerns
    from bot.safeguarding.detector import Detection
    from bot.store.base import Store

log = logging.getLogger(__name__)

ROLES = ("parent", "staff", "pupil")
COMMANDS = ("start", "help", "topics", "contact", "privacy", "forget", "role", "concern")


OutcomeObserver = Callable[[UserContext, str, str, list[Reply]], None]
"""Told of every message ("text", text) and tap ("payload", payload) with the replies it got (insights)."""


def _observed(kind: str) -> Callable[[Any], Any]:
    """Tell `on_outcome` what happened; an observer's failure never costs the person their reply."""

    def wrap(method: Callable[[Dialogue, UserContext, str], list[Reply]]) -> Any:
        @wraps(method)
        def observed(self: Dialogue, user: UserContext, value: str) -> list[Reply]:
            replies = method(self, user, value)
            if self.on_outcome is not None:
                try:
                    self.on_outcome(user, kind, value, replies)
                except Exception:
                    log.exception("recording an outcome failed")
            return replies

        return observed

    return wrap


@dataclass
class Dialogue:
    """Turns a person's messages, taps and commands into replies; knows nothing of any channel."""

    engine: Engine
    store: Store | None = None
    concerns: Concerns | None = None
    on_outcome: OutcomeObserver | None = None

    # -- entry points -------------------------------------------------------------------------------

    @_observed("text")
    def handle(self, user: UserContext, text: str) -> list[Reply]:
        """A text message."""
        user = self._with_role(user)
        cleaned = clean(text)
        if cleaned:
            detection = self.engine.detector.detect(cleaned)
            if detection is not None:
                return [self._safeguarding(user, cleaned, detection)]
        if self.concerns is not None and self.concerns.active(user.user_id):
            return self.concerns.handle_text(user, text)
        reply = self.engine.ask(text, user.role, screened=True)
        if reply.action == "forward" and self.concerns is not None:
            return [reply, *self.concerns.start(user, initial_text=cleaned)]
        return [reply]

    @_observed("payload")
    def choose(self, user: UserContext, payload: str) -> list[Reply]:
        """A tapped option (or its number typed in the console)."""
        user = self._with_role(user)
        kind, _, value = payload.partition(":")
        if kind == "t" and value in self.engine.knowledge.topics:
            return [self.engine.answer(value)]
        if kind == "s":
            return self._section(value)
        if kind == "r" and value in ROLES:
            return [self._set_role(user, value)]
        if kind == "fwd" or (kind == "c" and self.concerns is not None):
            if self.concerns is None:
                return [self.engine.reply("info", "no_forwarding")]
            if kind == "fwd":
                return self.concerns.start(user)
            return self.concerns.choose(user, payload)
        if kind == "fb" and self.store is not None:
            topic, _, helpful = value.partition(":")
            if topic in self.engine.knowledge.topics and helpful in ("0", "1"):
                self.store.record_feedback(topic, helpful == "1")
                return [self.engine.reply("info", "feedback_thanks")]
        if kind == "sg":
            return self._safeguarding_choice(user, value)
        if kind == "forget":
            return self._forget(user, value)
        return [self.engine.reply("info", "stale_button")]

    def command(self, user: UserContext, name: str, args: str = "") -> list[Reply]:
        """A command such as /start or /topics."""
        user = self._with_role(user)
        name = name.lower().lstrip("/")
        if name == "start":
            return [self._role_prompt("start")]
        if name == "role":
            return [self._role_prompt("role_prompt")]
        if name == "help":
            return [self.engine.reply("info", "help")]
        if name == "contact":
            return [self.engine.reply("info", "contact")]
        if name == "topics":
            return [self._sections()]
        if name == "privacy":
            return [self.engine.reply("info", "privacy")]
        if name == "forget":
            return [self._forget(user, "ask")[0]]
        if name == "concern":
            if self.concerns is None:
                return [self.engine.reply("info", "no_forwarding")]
            return self.concerns.start(user, initial_text=clean(args) or None)
        return [self.engine.reply("info", "unknown_command", command=name)]

    def expire_idle(self, now: datetime) -> list[tuple[UserContext, Reply]]:
        """Time out pending conversations; returns the notices to send."""
        return self.concerns.expire_idle(now) if self.concerns is not None else []

    # -- pieces ---------------------------------------------------------------------------------------

    def _with_role(self, user: UserContext) -> UserContext:
        if self.store is None:
            return user
        stored = self.store.get_role(user.user_id)
        return replace(user, role=stored) if stored in ROLES else user  # type: ignore[arg-type]

    def _role_prompt(self, message: str) -> Reply:
        reply = self.engine.reply("role", message)
        return replace(
            reply, options=[self.engine.option(f"role_button_{role}", f"r:{role}") for role in ROLES]
        )

    def _set_role(self, user: UserContext, role: str) -> Reply:
        if self.store is not None:
            self.store.set_role(user.user_id, role)
        return self.engine.reply("role", "role_set", role=role)

    def _sections(self) -> Reply:
        reply = self.engine.reply("info", "topics")
        options = [
            Option(section.heading, f"s:{section.id}")
            for policy in self.engine.knowledge.policies.values()
            for section in policy.sections
        ]
        return replace(reply, options=options)

    def _section(self, section_id: str) -> list[Reply]:
        knowledge = self.engine.knowledge
        for policy in knowledge.policies.values():
            section = policy.section(section_id)
            if section is None:
                continue
            topics = [
                t for t in knowledge.topics.values() if t.policy == policy.id and t.section == section.id
            ]
            reply = self.engine.reply(
                "info", "section_topics", heading=section.heading, summary=section.summary
            )
            return [replace(reply, options=[Option(t.title, f"t:{t.id}") for t in topics])]
        return [self.engine.reply("info", "stale_button")]

    def _safeguarding(self, user: UserContext, text: str, detection: Detection) -> Reply:
        can_alert = self.concerns is not None
        if self.concerns is not None and self.engine.config.safeguarding.alert_immediately:
            self.concerns.raise_alert(user, text, route=detection.route, share_identity=False)
            return self.engine.safeguarding_reply(detection, alert_sent=True)
        reply = self.engine.safeguarding_reply(detection, can_alert=can_alert)
        if not can_alert or self.store is None:
            return reply
        self.store.set_state(user.user_id, {"flow": "safeguarding", "text": text, "route": detection.route})
        return replace(
            reply,
            options=[
                self.engine.option("sg_button_named", "sg:named"),
                self.engine.option("sg_button_anonymous", "sg:anon"),
                self.engine.option("sg_button_no", "sg:no"),
            ],
        )

    def _safeguarding_choice(self, user: UserContext, value: str) -> list[Reply]:
        if self.store is None or self.concerns is None:
            return [self.engine.reply("info", "stale_button")]
        state = self.store.get_state(user.user_id) or {}
        if state.get("flow") != "safeguarding":
            return [self.engine.reply("info", "stale_button")]
        self.store.clear_state(user.user_id)
        if value == "no":
            return [self.engine.reply("safeguarding", "sg_not_sent")]
        reference = self.concerns.raise_alert(
            user, state["text"], route=state.get("route", "dsl"), share_identity=value == "named"
        )
        return [self.engine.reply("safeguarding", "sg_alert_sent", reference=reference)]

    def _forget(self, user: UserContext, value: str) -> list[Reply]:
        if value == "ask":
            reply = self.engine.reply("info", "forget_confirm")
            return [
                replace(
                    reply,
                    options=[
                        Option(self.engine.renderer.message("forget_button_yes").text, "forget:yes"),
                        Option(self.engine.renderer.message("forget_button_no").text, "forget:no"),
                    ],
                )
            ]
        if value != "yes":
            return [self.engine.reply("info", "forget_cancelled")]
        erased = self.store.forget_user(user.user_id) if self.store is not None else {}
        return [self.engine.reply("info", "forget_done", erased=erased)]
