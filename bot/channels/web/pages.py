"""The web channel's HTML: one jinja2 environment over the package's templates (autoescaped, strict)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jinja2
from aiohttp import web
from markupsafe import Markup

from bot.knowledge.render import Renderer

HERE = Path(__file__).resolve().parent
TEMPLATES = HERE / "templates"
STATIC = HERE / "static"


class Pages:
    """Renders the chat page and the dashboard; wording a school may edit comes from knowledge/messages."""

    def __init__(self, renderer: Renderer) -> None:
        self.renderer = renderer
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(str(TEMPLATES)),
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
        )
        self.env.globals.update(t=self.message, t_text=self.message_text)

    def message(self, name: str, **context: Any) -> Markup:
        """A knowledge message as safe HTML (it was rendered with autoescape)."""
        return Markup(self.renderer.message(name, **context).html)

    def message_text(self, name: str, **context: Any) -> str:
        """A knowledge message as plain text (attributes, titles)."""
        return self.renderer.message(name, **context).text

    def render(self, template: str, http_status: int = 200, **context: Any) -> web.Response:
        """A page as an HTML response."""
        html = self.env.get_template(template).render(**context)
        return web.Response(text=html, status=http_status, content_type="text/html", charset="utf-8")
