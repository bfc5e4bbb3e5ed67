"""The safeguarding alert question: after a flagged message, send an urgent alert — with the person's name,
without it, or not at all — without losing a concern that was being written.

The question is kept under `alert` in the person's pending state, beside a concern in progress (which the
flagged message joins when the concern's text is being written). The alert carries the whole conversation
so far: the concern's messages and any flagged ones. Its buttons carry a menu token (bot/core/menus.py),
so a choice from an earlier question never acts on this one.

A message that was not flagged but comes near the example disclosures in meaning gets its ordinary reply with
an offer underneath ("If this is about a child's safety…") and a button. The message is kept under `offer`
until the button is tapped (then it is the alert question's, as a flagged message is) or the next offer
replaces it; /forget and the retention purge erase it with the rest of the pending state.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from bot.core.engine import Engine
from bot.core.menus import new_token, tokened
from bot.core.replies import Option, Reply, UserContext

if TYPE_CHECKING:
    from bot.core.ports import Concerns
    from bot.safeguarding.detector import Detection
    from bot.store.base import Store

KEY = "alert"
OFFER = "offer"
SEPARATOR = "\n\n"
CHOICES = ("named", "anon", "no")
_LABELS = {"named": "sg_button_named", "anon": "sg_button_anonymous", "no": "sg_button_no"}


@dataclass
class AlertQuestion:
    """Asks whether to send an urgent alert, and sends it."""

    engine: Engine
    store: Store | None
    concerns: Concerns | None

    def flagged(self, user: UserContext, text: str, detection: Detection) -> list[Reply]:
        """A message that may be about a child at risk: the safeguarding reply, and the alert question."""
        engine, concerns, store = self.engine, self.concerns, self.store
        if concerns is None or store is None:
            return [engine.safeguarding_reply(detection, role=user.role, can_alert=False)]
        absorbed = concerns.absorb(user, text)
        state = store.get_state(user.user_id) or {}
        alert: dict[str, Any] = state.get(KEY) or {"extra": [], "route": detection.route}
        if not absorbed:
            alert["extra"].append(text)
        alert["parts"] = concerns.conversation(user.user_id)
        if detection.route != "dsl":
            alert["route"] = detection.route  # about staff or the head: the more specific route wins
        if engine.config.safeguarding.alert_immediately:
            self._clear(user, state)
            concerns.raise_alert(user, self._text(user, alert), route=alert["route"])
            reply = engine.safeguarding_reply(detection, role=user.role, alert_sent=True)
            return [reply, *concerns.prompt(user)]
        alert["menu"] = new_token()
        store.set_state(user.user_id, {**state, KEY: alert})
        reply = engine.safeguarding_reply(detection, role=user.role)
        options = [self._option(choice, alert["menu"], user.role) for choice in CHOICES]
        return [replace(reply, options=options)]

    def offer(self, user: UserContext, text: str, reply: Reply) -> Reply:
        """`reply` with the offer to alert underneath, the message kept for the button (store first)."""
        engine, store = self.engine, self.store
        if store is None or self.concerns is None:
            return reply
        token = new_token()
        state = store.get_state(user.user_id) or {}
        store.set_state(user.user_id, {**state, OFFER: {"text": text, "menu": token}})
        line = engine.renderer.message("sg_offer", role=user.role)
        label = engine.renderer.message("sg_button_offer", role=user.role).text
        return replace(
            reply,
            text=f"{reply.text}\n\n{line.text}",
            html=f"{reply.html}\n\n{line.html}",
            options=[*reply.options, Option(label, tokened("sg", "ask", token))],
        )

    def choose(self, user: UserContext, choice: str, token: str) -> list[Reply]:
        """A tapped (or typed) answer to the alert question; stale unless it answers the current one."""
        engine = self.engine
        if choice == "ask":
            return self._taken(user, token)
        if self.store is None or self.concerns is None or choice not in CHOICES:
            return [engine.reply("info", "stale_button")]
        state = self.store.get_state(user.user_id) or {}
        alert = state.get(KEY)
        if not alert or not token or token != alert.get("menu"):
            return [engine.reply("info", "stale_button")]
        self._clear(user, state)
        if choice == "no":
            replies = [engine.reply("safeguarding", "sg_not_sent", role=user.role)]
        else:
            reference = self.concerns.raise_alert(
                user, self._text(user, alert), route=alert["route"], share_identity=choice == "named"
            )
            replies = [engine.reply("safeguarding", "sg_alert_sent", reference=reference, role=user.role)]
        return [*replies, *self.concerns.prompt(user)]

    def _taken(self, user: UserContext, token: str) -> list[Reply]:
        """The person tapped the offer: their message becomes a flagged one (the alert question follows)."""
        if self.store is None or self.concerns is None:
            return [self.engine.reply("info", "stale_button")]
        state = self.store.get_state(user.user_id) or {}
        kept = state.get(OFFER)
        if not kept or not token or token != kept.get("menu"):
            return [self.engine.reply("info", "stale_button")]
        self._clear(user, state, OFFER)
        text = kept["text"]
        return self.flagged(user, text, self.engine.detector.offered(text))

    def drop(self, user: UserContext) -> bool:
        """Forget an unanswered alert question (cancel); False when there was none."""
        state = self.store.get_state(user.user_id) if self.store is not None else None
        if not state or KEY not in state:
            return False
        self._clear(user, state)
        return True

    def _text(self, user: UserContext, alert: dict[str, Any]) -> str:
        """The whole conversation so far: the concern's messages (as they are now), then flagged ones."""
        assert self.concerns is not None
        parts = self.concerns.conversation(user.user_id) or alert.get("parts", [])
        return SEPARATOR.join([*parts, *alert.get("extra", [])])

    def _clear(self, user: UserContext, state: dict[str, Any], key: str = KEY) -> None:
        assert self.store is not None
        rest = {k: v for k, v in state.items() if k != key}
        if rest:
            self.store.set_state(user.user_id, rest)
        else:
            self.store.clear_state(user.user_id)

    def _option(self, choice: str, token: str, role: str) -> Option:
        label = self.engine.renderer.message(_LABELS[choice], role=role).text
        return Option(label, tokened("sg", choice, token))
