"""The schema of knowledge/safeguarding.yaml: settings, categories and their rules (see the file's header and
docs/safeguarding-notes.md for the pattern language), and compiling one rule."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from bot.common.schema import build
from bot.common.yamlfile import Path_
from bot.knowledge.loading import CHOSEN_ROLES
from bot.safeguarding.patterns import Compiler, Rule

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
    # the writer says the message is about these people ("it's about the headteacher"): a concern found
    # anywhere in it goes to this route, unless `someone_else:` names another person just before the concern
    said_about: str = ""
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
    someone_else: str = ""
    not_people: list[str] = field(default_factory=list)
    settings: Settings = field(default_factory=Settings)


def compile_rule(
    raw: Any, at: Path_, compiler: Compiler, settings: Settings, examples: list[tuple[Rule, Path_, list[str]]]
) -> Rule | None:
    """Compile one rule (a phrase string or a mapping) with its location for problems; its `matches:` are
    added to `examples`, to be read once every rule and exclusion is compiled."""
    problems = compiler.problems
    if isinstance(raw, str):
        spec = RuleSpec(phrase=raw)
    else:
        built = build(RuleSpec, raw, at, problems)
        if built is None:
            return None
        spec = built
    if bool(spec.phrase) == bool(spec.all):
        problems.add(at, "give either a phrase (text) or `all:` with a list of parts, not both or neither")
        return None
    texts = [spec.phrase] if spec.phrase else spec.all
    where = [at] if spec.phrase else [(*at, "all", i) for i in range(len(texts))]
    parts = [compiler.pattern(t, w) for t, w in zip(texts, where, strict=True)]
    unless = [compiler.pattern(t, (*at, "unless", i)) for i, t in enumerate(spec.unless)]
    wrong_roles = sorted(set(spec.unless_writer) - set(CHOSEN_ROLES))
    if wrong_roles:
        problems.add(
            (*at, "unless_writer"),
            f"unknown role {', '.join(wrong_roles)}: use one or more of {', '.join(CHOSEN_ROLES)}",
        )
        return None
    if None in parts or None in unless:
        return None
    within = spec.within or (settings.within if spec.all else 0)
    needs = tuple(k for p in parts if p for k in p.needs)
    source = spec.phrase or "all: " + " + ".join(spec.all) + f" (within {within})"
    kept = tuple(u for u in unless if u)
    rule = Rule(source, tuple(p for p in parts if p), within, kept, needs, frozenset(spec.unless_writer))
    if spec.matches:
        examples.append((rule, at, spec.matches))
    return rule
