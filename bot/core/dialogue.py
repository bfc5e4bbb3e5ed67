"""The channel-agnostic dialogue core: one entry point per thing a person can do, replies as data."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from functools import wraps
from typing import TYPE_CHECKING, Any

from bot.common.schema import ProblemsError
from bot.common.text import MAX_INPUT_CHARS, clean, fold, has_letters
from bot.core.alerts import KEY as ALERT_KEY
from bot.core.alerts import OFFER as OFFER_KEY
from bot.core.alerts import AlertQuestion
from bot.core.engine import Engine
from bot.core.menus import split, tokened
from bot.core.misses import Misses
from bot.core.other_language import written_in_another_language
from bot.core.replies import Option, Reply, UserContext
from bot.knowledge.loading import CHOSEN_ROLES

if TYPE_CHECKING:
    from bot.core.ports import Concerns
    from bot.store.base import Store

log = logging.getLogger(__name__)


class CurrentMessages:
    """The `Messages` of whatever engine the dialogue runs now, so a reload reaches every user of them.

    The concern flow, the outbox's senders and the channels hold this instead of a renderer.
    """

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._dialogue: Dialogue | None = None

    def follow(self, dialogue: Dialogue) -> None:
        """From now on, use the engine the dialogue runs (which a reload replaces)."""
        self._dialogue = dialogue

    def _renderer(self) -> Any:
        return (self._dialogue.engine if self._dialogue is not None else self._engine).renderer

    def render(self, name: str, **context: Any) -> tuple[str, str]:
        """(plain text, html) of a named message, from the current knowledge."""
        return self._renderer().render(name, **context)

    def has(self, name: str) -> bool:
        """Whether the current knowledge has a message of this name."""
        return self._renderer().has(name)


COMMANDS = ("start", "help", "topics", "contact", "privacy", "forget", "role", "concern", "cancel")
FORGET_VALID_MINUTES = 10


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
    misses: Misses = field(default_factory=Misses)
    clock: Callable[[], datetime] = field(default=lambda: datetime.now(UTC))
    on_outcome: OutcomeObserver | None = None  # e.g. bot/insights' recorder; replies are not changed

    def __post_init__(self) -> None:
        self.alerts = AlertQuestion(self.engine, self.store, self.concerns)
        self.other_language = frozenset(self.engine.knowledge.language.other_languages)
        words = self.engine.renderer.message("cancel_words").text
        self.cancel_words = {fold(w) for w in words.replace("\n", ",").split(",") if fold(w)}

    @property
    def messages(self) -> CurrentMessages:
        """Messages that follow the engine through reloads."""
        messages = CurrentMessages(self.engine)
        messages.follow(self)
        return messages

    def reload(self, engine: Engine | None = None) -> None:
        """Switch to a newly loaded engine (by default: the same knowledge folder, loaded again); the parts
        made from the engine are made again from it.

        Raises (and keeps the engine it had) if the new knowledge has problems or lacks what those parts need.
        """
        if engine is None:
            engine = Engine.load(self.engine.config, self.engine.knowledge.folder)
        previous, self.engine = self.engine, engine
        try:
            self.__post_init__()
        except ProblemsError:
            self.engine = previous
            self.__post_init__()
            raise

    # -- entry points -------------------------------------------------------------------------------

    @_observed("text")
    def handle(self, user: UserContext, text: str) -> list[Reply]:
        """A text message."""
        user = self._with_role(user)
        cleaned = clean(text)
        if fold(cleaned) in self.cancel_words:
            return self._cancel(user)
        near = False  # not flagged, but near the example disclosures in meaning: offered, not interrupting
        if cleaned and self._screens(user, cleaned):
            assessment = self.engine.detector.assess(cleaned, role=user.role)
            if assessment.detection is not None:
                self.misses.helped(user.user_id)
                return self.alerts.flagged(user, cleaned, assessment.detection)
            # near in meaning to a disclosure, or written in a language the check cannot read
            near = assessment.near or written_in_another_language(cleaned, self.other_language)
        if self.concerns is not None and self.concerns.active(user.user_id):
            return self._concern_text(user, text, cleaned)
        reply = self.engine.ask(text, user.role, screened=True)
        if near and reply.action != "smalltalk":
            reply = self.alerts.offer(user, cleaned, reply)
        if reply.action == "fallback" and has_letters(cleaned):
            return [reply, *self._missed(user)]
        if reply.action in ("answer", "forward"):
            self.misses.helped(user.user_id)  # a forward reply offers a person itself
        return [reply]

    @_observed("payload")
    def choose(self, user: UserContext, payload: str) -> list[Reply]:
        """A tapped option (or its number typed in the console)."""
        user = self._with_role(user)
        kind, _, value = payload.partition(":")
        if kind == "t" and value in self.engine.knowledge.topics:
            self.misses.helped(user.user_id)
            return [self.engine.answer(value, role=user.role), *self._concern_reminder(user)]
        if kind == "p":
            return [self._sections(value)]
        if kind == "s":
            return self._section(value)
        if kind == "r" and value in CHOSEN_ROLES:
            return [self._set_role(user, value)]
        if kind == "fwd" or (kind == "c" and self.concerns is not None):
            if self.concerns is None:
                return [self.engine.reply("info", "no_forwarding")]
            if kind == "fwd":
                self.misses.helped(user.user_id)
                return self.concerns.start(user)
            return self.concerns.choose(user, payload)
        if kind == "fb" and self.store is not None:
            return self._feedback(user, value)
        if kind == "sg":
            return self.alerts.choose(user, *split(value))
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
        if name == "cancel":
            return self._cancel(user)
        if name == "concern":
            if self.concerns is None:
                return [self.engine.reply("info", "no_forwarding")]
            self.misses.helped(user.user_id)
            return self.concerns.start(user, initial_text=clean(args) or None)
        return [self.engine.reply("info", "unknown_command", command=name)]

    def expire_idle(self, now: datetime) -> list[tuple[UserContext, Reply]]:
        """Time out pending conversations; returns the notices to send.

        An alert question left unanswered is dropped silently after the same idle timeout (the reply that
        asked it already said whom to call), so a disclosure nobody chose to send is not kept; so is a
        message kept for an offer to alert that was not taken.
        """
        if self.concerns is None or self.store is None:
            return []
        notices = self.concerns.expire_idle(now)
        timeout = timedelta(minutes=self.engine.config.concerns.idle_timeout_minutes)
        for user_id, state in self.store.idle_states(now - timeout):
            if (ALERT_KEY in state or OFFER_KEY in state) and state.get("flow") is None:
                self.store.clear_state(user_id)
            elif OFFER_KEY in state:
                self.store.set_state(user_id, {k: v for k, v in state.items() if k != OFFER_KEY})
        return notices

    # -- pieces ---------------------------------------------------------------------------------------

    def _with_role(self, user: UserContext) -> UserContext:
        if self.store is None:
            return user
        stored = self.store.get_role(user.user_id)
        return replace(user, role=stored) if stored in CHOSEN_ROLES else user  # type: ignore[arg-type]

    def _screens(self, user: UserContext, cleaned: str) -> bool:
        """Every message is screened, except a plain class, name or contact at a concern's details step."""
        return self.concerns is None or self.concerns.screens(user.user_id, cleaned)

    def _concern_text(self, user: UserContext, text: str, cleaned: str) -> list[Reply]:
        """A message mid-concern. While the concern is being written, greetings and thanks are not added to
        it; everything else is (nothing a person writes for the office is dropped), and when it is also a
        clear policy question, the answer is offered as a button beside Done."""
        assert self.concerns is not None
        writing = self.concerns.step(user.user_id) == "text"
        if not writing or not has_letters(cleaned) or self.concerns.finishes(cleaned):
            return self.concerns.handle_text(user, text)
        match = self.engine.matcher.match(cleaned[:MAX_INPUT_CHARS], user.role)
        if match.decision == "smalltalk":
            return [self.engine.reply_for(match, user.role), *self.concerns.prompt(user)]
        replies = self.concerns.handle_text(user, text)
        if match.decision != "answer" or match.best is None or not replies or not replies[-1].options:
            return replies
        title = self.engine.knowledge.topics[match.best.key].title
        note = self.engine.renderer.message("concern_offer_answer", title=title)
        last = replies[-1]
        offered = replace(
            last,
            text=f"{last.text}\n\n{note.text}",
            html=f"{last.html}\n\n{note.html}",
            options=[Option(title, f"t:{match.best.key}"), *last.options],
        )
        return [*replies[:-1], offered]

    def _concern_reminder(self, user: UserContext) -> list[Reply]:
        if self.concerns is None or not self.concerns.active(user.user_id):
            return []
        return self.concerns.prompt(user)

    def _cancel(self, user: UserContext) -> list[Reply]:
        """Typed cancel / stop or /cancel: leave whatever is pending; nothing is sent."""
        had_concern = self.concerns.cancel(user) if self.concerns is not None else False
        had_alert = self.alerts.drop(user)
        if not (had_concern or had_alert):
            return [self.engine.reply("info", "nothing_to_cancel")]
        replies = [self.engine.reply("concern", "concern_cancelled")]
        if had_alert:
            replies.append(self.engine.reply("safeguarding", "sg_not_sent", role=user.role))
        return replies

    def _missed(self, user: UserContext) -> list[Reply]:
        """Count a miss; the second in a row brings an offer of a person at the school."""
        if self.concerns is None or not self.misses.missed(user.user_id):
            return []
        reply = self.engine.reply("info", "offer_person", role=user.role)
        return [replace(reply, options=[self.engine.option("button_offer_person", "fwd")])]

    def _feedback(self, user: UserContext, value: str) -> list[Reply]:
        assert self.store is not None
        topic, _, helpful = value.partition(":")
        if topic not in self.engine.knowledge.topics or helpful not in ("0", "1"):
            return [self.engine.reply("info", "stale_button")]
        self.store.record_feedback(topic, helpful == "1")
        thanks = self.engine.reply("info", "feedback_thanks")
        if helpful == "1":
            self.misses.helped(user.user_id)
            return [thanks]
        return [thanks, *self._missed(user)]

    def _role_prompt(self, message: str) -> Reply:
        reply = self.engine.reply("role", message)
        return replace(
            reply, options=[self.engine.option(f"role_button_{role}", f"r:{role}") for role in CHOSEN_ROLES]
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

    def _forget(self, user: UserContext, value: str) -> list[Reply]:
        """/forget asks first; its Yes acts only within `FORGET_VALID` of being offered (a stateless menu:
        the minute it was offered is its token), so an old confirmation scrolled back to never erases."""
        now = int(self.clock().timestamp() // 60)
        if value == "ask":
            reply = self.engine.reply("info", "forget_confirm")
            return [
                replace(
                    reply,
                    options=[
                        self.engine.option("forget_button_yes", tokened("forget", "yes", str(now))),
                        self.engine.option("forget_button_no", "forget:no"),
                    ],
                )
            ]
        choice, offered_at = split(value)
        if choice != "yes":
            return [self.engine.reply("info", "forget_cancelled")]
        if not offered_at.isdigit() or not 0 <= now - int(offered_at) <= FORGET_VALID_MINUTES:
            return [self.engine.reply("info", "stale_button")]
        erased = self.store.forget_user(user.user_id) if self.store is not None else {}
        self.misses.helped(user.user_id)
        return [self.engine.reply("info", "forget_done", erased=erased)]
