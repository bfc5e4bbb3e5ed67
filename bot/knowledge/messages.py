"""What the concern flow and the outbox need to turn a message name into words: the `Messages` protocol."""

from __future__ import annotations

from typing import Any, Protocol


class Messages(Protocol):
    """Renders a named template from `knowledge/messages/*.yaml` (bot/render.py's Renderer implements it).

    Returns (plain text, html): user text given as context is HTML-escaped in the html and verbatim in the
    plain text. `school` and `concerns` (from the config) are available in every template.
    """

    def render(self, name: str, **context: Any) -> tuple[str, str]: ...
