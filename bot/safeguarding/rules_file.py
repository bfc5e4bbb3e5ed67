"""The schema of knowledge/safeguarding.yaml: settings, categories and their rules (see the file's header and
docs/safeguarding-notes.md for the pattern language)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

Route = Literal["dsl", "headteacher", "chair_of_governors"]


@dataclass(frozen=True)
class Settings:
    """Tuning knobs a school rarely needs to change."""

    fuzzy_score: int = 85
    fuzzy_min_letters: int = 5
    gap: int = 3
    within: int = 10
    near: int = 6


@dataclass(frozen=True)
class RuleSpec:
    """One rule: a phrase, or several parts that must all occur within `within` words."""

    phrase: str = ""
    all: list[str] = field(default_factory=list)
    within: int = 0
    unless: list[str] = field(default_factory=list)
    unless_writer: list[str] = field(default_factory=list)
    # messages this rule must find, each read as written (exclusions, `unless:`): `policybot check` fails on
    # one it does not, so a pattern that says something other than its author meant is caught at once
    matches: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class CategorySpec:
    """A kind of concern, who it goes to, and the rules that recognise it."""

    id: str
    route: Route
    rules: list[Any] = field(default_factory=list)
    about: str = ""
    note: str = ""


@dataclass(frozen=True)
class SafeguardingSpec:
    """knowledge/safeguarding.yaml."""

    categories: list[CategorySpec]
    groups: dict[str, list[str]] = field(default_factory=dict)
    spellings: dict[str, list[str]] = field(default_factory=dict)
    exclude: list[str] = field(default_factory=list)
    ordinary_words: list[str] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)
    head_words: list[str] = field(default_factory=list)
    relatives: str = ""
    reporter: str = ""
    not_people: list[str] = field(default_factory=list)
    settings: Settings = field(default_factory=Settings)
