"""The safeguarding alert question: after a flagged message, send an urgent alert — with the person's name,
without it, or not at all — without losing a concern that was being written.

The question is kept under `alert` in the person's pending state, beside a concern in progress (which the
flagged message joins when the concern's text is being written). The alert carries the whole conversation
so far: the concern's messages and any flagged ones. Its buttons carry a menu token (bot/core/menus.py),
so a choice from an earlier question never acts on this one.
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

    def choose(self, user: UserContext, choice: str, token: str) -> list[Reply]:
        """A tapped (or typed) answer to the alert question; stale unless it answers the current one."""
        engine = self.engine
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

    def _clear(self, user: UserContext, state: dict[str, Any]) -> None:
        assert self.store is not None
        rest = {k: v for k, v in state.items() if k != KEY}
        if rest:
            self.store.set_state(user.user_id, rest)
        else:
            self.store.clear_state(user.user_id)

    def _option(self, choice: str, token: str, role: str) -> Option:
        label = self.engine.renderer.message(_LABELS[choice], role=role).text
        return Option(label, tokened("sg", choice, token))
