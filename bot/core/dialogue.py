"""The channel-agnostic dialogue core: one entry point per thing a person can do, replies as data."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from typing import TYPE_CHECKING, Any

from bot.common.text import clean
from bot.core.engine import Engine
from bot.core.replies import Option, Reply, UserContext

if TYPE_CHECKING:
    from bot.core.ports import Concerns
    from bot.safeguarding.detector import Detection
    from bot.store.base import Store

ROLES = ("parent", "staff", "pupil")


class CurrentMessages:
    """The `Messages` of whatever engine the dialogue runs now, so a reload reaches every user of them.

    The concern flow, the outbox's senders and the channels hold this instead of a renderer.
    """

    def __init__(self, dialogue: Dialogue) -> None:
        self.dialogue = dialogue

    def render(self, name: str, **context: Any) -> tuple[str, str]:
        """(plain text, html) of a named message, from the current knowledge."""
        return self.dialogue.engine.renderer.render(name, **context)

    def has(self, name: str) -> bool:
        """Whether the current knowledge has a message of this name."""
        return self.dialogue.engine.renderer.has(name)


COMMANDS = ("start", "help", "topics", "contact", "privacy", "forget", "role", "concern")


@dataclass
class Dialogue:
    """Turns a person's messages, taps and commands into replies; knows nothing of any channel."""

    engine: Engine
    store: Store | None = None
    concerns: Concerns | None = None

    @property
    def messages(self) -> CurrentMessages:
        """Messages that follow the engine through reloads."""
        return CurrentMessages(self)

    def reload(self, engine: Engine) -> None:
        """Switch to a newly loaded engine (one assignment: each message is answered by one or the other)."""
        self.engine = engine

    # -- entry points -------------------------------------------------------------------------------

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

    def choose(self, user: UserContext, payload: str) -> list[Reply]:
        """A tapped option (or its number typed in the console)."""
        user = self._with_role(user)
        kind, _, value = payload.partition(":")
        if kind == "t" and value in self.engine.knowledge.topics:
            return [self.engine.answer(value)]
        if kind == "p":
            return [self._sections(value)]
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

    def _sections(self, policy_id: str = "") -> Reply:
        """/topics: the policies to browse (or, with one policy or one chosen, its sections)."""
        policies = self.engine.knowledge.policies
        if not policy_id and len(policies) > 1:
            reply = self.engine.reply("info", "topics_policies")
            return replace(reply, options=[Option(p.title, f"p:{p.id}") for p in policies.values()])
        policy = policies.get(policy_id) or next(iter(policies.values()))
        if policy_id and policy_id not in policies:
            return self.engine.reply("info", "stale_button")
        reply = self.engine.reply("info", "topics", policy=policy)
        options = [Option(section.heading, f"s:{policy.id}.{section.id}") for section in policy.sections]
        return replace(reply, options=options)

    def _section(self, value: str) -> list[Reply]:
        knowledge = self.engine.knowledge
        policy_id, _, section_id = value.rpartition(".")
        for policy in knowledge.policies.values():
            if policy_id and policy.id != policy_id:
                continue
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
