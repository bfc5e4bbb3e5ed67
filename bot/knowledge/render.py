"""Render answers and messages from the knowledge folder's jinja2 templates, as HTML and as plain text."""

from __future__ import annotations

import dataclasses
import difflib
import html
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
from jinja2 import nodes
from markupsafe import Markup

from bot.common.schema import Problems, ProblemsError, build
from bot.common.yamlfile import YamlError, load_yaml
from bot.config import Config
from bot.knowledge.loading import ROLES, Knowledge, Topic

ANSWER_LAYOUT = "answer.html.j2"


class TemplateError(ProblemsError):
    """A template is missing or broken."""


@dataclass(frozen=True)
class Rendered:
    """One piece of output in both forms."""

    text: str
    html: str


@dataclass(frozen=True)
class Reachable:
    """Templates' `delivery.concerns` / `delivery.alerts`: whether they have somewhere to go."""

    concerns: bool
    alerts: bool


@dataclass(frozen=True)
class MessageFile:
    """A knowledge/messages/*.yaml file: message name → jinja2 template."""

    messages: dict[str, str]


_TAG = re.compile(r"<[^>]+>")
_BLOCKQUOTE = re.compile(r"<blockquote>(.*?)</blockquote>", re.S)
_BLANKS = re.compile(r"\n{3,}")


def html_to_text(markup: str) -> str:
    """Plain text from our small HTML subset (b, i, u, a, code, blockquote): quotes are indented."""
    markup = _BLOCKQUOTE.sub(lambda m: "\n".join("  " + line for line in m.group(1).split("\n")), markup)
    markup = markup.replace("<br>", "\n").replace("<br/>", "\n")
    return _BLANKS.sub("\n\n", html.unescape(_TAG.sub("", markup))).strip()


def escape(text: str) -> str:
    """HTML-escape text a person wrote."""
    return html.escape(text, quote=False)


class Renderer:
    """One jinja2 environment (StrictUndefined, HTML autoescape) for every template in a knowledge folder."""

    def __init__(self, knowledge: Knowledge, config: Config) -> None:
        self.knowledge = knowledge
        self.config = config
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(str(knowledge.templates)),
            undefined=jinja2.StrictUndefined,
            autoescape=True,
            keep_trailing_newline=False,
            trim_blocks=True,
            lstrip_blocks=True,
        )
        self.env.filters["paragraphs"] = _paragraphs
        self.globals: dict[str, Any] = {
            "school": config.school,
            "concerns": config.concerns,
            "safeguarding": config.safeguarding,
            "insights": config.insights,
            # Whether concerns / alerts have somewhere to go: never tell a person "sent" when they can't.
            "delivery": Reachable(config.can_deliver("concern"), config.can_deliver("safeguarding")),
        }
        self.problems: list[str] = []
        self.messages: dict[str, jinja2.Template] = {}
        self.message_sources: dict[str, str] = {}
        self.answers: dict[str, jinja2.Template] = {}
        self._compile()
        if self.problems:
            raise TemplateError(self.problems)

    def _compile(self) -> None:
        for path in sorted((self.knowledge.folder / "messages").glob("*.yaml")):
            self._compile_messages(path)
        for topic in self.knowledge.topics.values():
            where = f"{topic.file}:{topic.line}: topics.{topic.id}.answer"
            template = self._compile_one(topic.answer, where)
            if template is not None:
                self.answers[topic.id] = template
        for intent in self.knowledge.intents.values():
            if intent.reply:
                template = self._compile_one(
                    intent.reply, f"{self.knowledge.folder / 'intents.yaml'}: intents.{intent.id}.reply"
                )
                if template is not None:
                    self.messages[f"intent.{intent.id}"] = template
        try:
            self.layout = self.env.get_template(ANSWER_LAYOUT)
        except jinja2.TemplateNotFound:
            self.problems.append(
                f"{self.knowledge.templates / ANSWER_LAYOUT}: missing — add the answer layout"
            )
        except jinja2.TemplateSyntaxError as err:
            self.problems.append(f"{err.filename}:{err.lineno}: {err.message} — fix the template syntax")

    def _compile_messages(self, path: Path) -> None:
        try:
            doc = load_yaml(path)
        except YamlError as err:
            self.problems.append(str(err))
            return
        sink = Problems(doc)
        data = doc.data if isinstance(doc.data, dict) and "messages" in doc.data else {"messages": doc.data}
        built = build(MessageFile, data, (), sink)
        self.problems.extend(sink.items)
        if built is None:
            return
        for name, source in built.messages.items():
            if name in self.messages:
                self.problems.append(f"{doc.where((name,))}: message '{name}' is defined twice — rename one")
            template = self._compile_one(source, f"{doc.where(('messages', name))}: messages.{name}")
            if template is not None:
                self.messages[name] = template
                self.message_sources[name] = str(path)

    def _compile_one(self, source: str, where: str) -> jinja2.Template | None:
        unknown = []
        try:
            tree = self.env.parse(source)
            # Read before compiling: compiling may rewrite parts of the tree. Parsed once, used for both.
            for node in tree.find_all(nodes.Getattr):
                name = f"{getattr(node.node, 'name', '')}.{node.attr}"
                in_globals = isinstance(node.node, nodes.Name) and node.node.name in self.globals
                if in_globals and name not in self.variables():
                    unknown.append(f"{where}: {unknown_variable(name, self.variables())}")
            template = self.env.from_string(tree)
        except jinja2.TemplateSyntaxError as err:
            self.problems.append(
                f"{where}: template line {err.lineno}: {err.message} — fix the template syntax"
            )
            return None
        self.problems.extend(unknown)
        return template

    def variables(self) -> list[str]:
        """The settings templates may use: `school.name`, `concerns.response_time`…"""
        return [
            f"{prefix}.{f.name}" for prefix, value in self.globals.items() for f in dataclasses.fields(value)
        ]

    def _render(self, template: jinja2.Template, context: dict[str, Any]) -> str:
        return template.render({**self.globals, **context}).strip()

    def message(self, name: str, /, **context: Any) -> Rendered:
        """Render a named message. Context values a person wrote are escaped in the HTML form."""
        template = self.messages.get(name)
        if template is None:
            raise TemplateError([f"message '{name}' is not defined in {self.knowledge.folder / 'messages'}"])
        markup = self._render(template, context)
        return Rendered(text=html_to_text(markup), html=markup)

    def render(self, name: str, /, **context: Any) -> tuple[str, str]:
        """(plain text, html) of a named message — the `Messages` protocol the concern flow uses."""
        rendered = self.message(name, **context)
        return rendered.text, rendered.html

    def has(self, name: str) -> bool:
        """Whether a message of this name exists."""
        return name in self.messages

    def answer(self, topic: Topic, role: str = "any") -> Rendered:
        """A topic's full answer: guidance first (its template may word it for `role`: pupils get their
        own), then the verbatim rules and the section they come from."""
        guidance = Markup(self._render(self.answers[topic.id], {"topic": topic, "role": role}))
        policy = self.knowledge.policies[topic.policy]
        markup = self._render(
            self.layout,
            {
                "guidance": guidance,
                "topic": topic,
                "policy": policy,
                "section": self.knowledge.section_of(topic),
                "rules": self.knowledge.rules_of(topic),
            },
        )
        return Rendered(text=html_to_text(markup), html=markup)

    def check_all(self) -> list[str]:
        """Render every answer and every message that needs no extra context; return problems found."""
        problems = []
        for topic in self.knowledge.topics.values():
            try:
                for role in ROLES:
                    self.answer(topic, role)
            except jinja2.UndefinedError as err:
                name = _UNDEFINED.search(err.message or "")
                problems.append(
                    f"{topic.file}:{topic.line}: topics.{topic.id}.answer: "
                    + unknown_variable(name.group(1) if name else str(err.message), self.variables())
                )
            except jinja2.TemplateError as err:
                problems.append(f"{topic.file}:{topic.line}: topics.{topic.id}.answer: {err}")
        return problems


_UNDEFINED = re.compile(r"'(\w+)' is undefined")


def unknown_variable(name: str, known: list[str]) -> str:
    """What to say about a misspelt template variable: the nearest known name, and all of them."""
    close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
    hint = f"did you mean {close[0]}? " if close else ""
    return f"unknown variable '{name}' — {hint}Templates may use: {', '.join(known)}"


def _paragraphs(text: str) -> Markup:
    """Escape text a person wrote and keep its line breaks."""
    return Markup("\n".join(escape(line) for line in str(text).splitlines()))
