"""What the dialogue needs from the concern flow, as an interface: the core never imports bot.concerns."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any, Protocol

from bot.core.replies import Reply, UserContext


class Concerns(Protocol):
    """The concern flow as the dialogue drives it (bot/concerns/flow.py's ConcernFlow implements it)."""

    on_stored: Callable[[Any], None] | None

    def active(self, user_id: str) -> bool: ...
    def start(self, user: UserContext, initial_text: str | None = None) -> list[Reply]: ...
    def handle_text(self, user: UserContext, text: str) -> list[Reply]: ...
    def choose(self, user: UserContext, payload: str) -> list[Reply]: ...
    def expire_idle(self, now: datetime) -> list[tuple[UserContext, Reply]]: ...
    def raise_alert(
        self, user: UserContext, text: str, route: str = "dsl", share_identity: bool = False
    ) -> str: ...
