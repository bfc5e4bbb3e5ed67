"""`policybot check`: validate config, knowledge and templates, and flag examples that overlap topics."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from bot.common.text import fold
from bot.config import Config, ConfigError, load_config
from bot.core.engine import SAFEGUARDING_FILE
from bot.knowledge.loading import Knowledge, KnowledgeError, load_knowledge, uncovered_rules
from bot.knowledge.render import Renderer, TemplateError
from bot.matching.matcher import Matcher
from bot.matching.rules import out_of_scope_answered
from bot.safeguarding.detector import SafeguardingDetector
from bot.safeguarding.detector import check_file as check_safeguarding
from bot.safeguarding.examples import EXAMPLES_FILE, example_texts

OVERLAP_CONFIDENCE = 0.9
"""An example that scores this high for another topic than its own is probably in the wrong place."""


@dataclass
class CheckResult:
    """Errors stop the bot from starting; warnings are worth a look."""

    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    summary: str = ""


def run_check(config_path: str | Path | None, knowledge_dir: str | Path | None) -> CheckResult:
    """Validate everything; never raises for bad input, reports it."""
    result = CheckResult()
    try:
        config = load_config(config_path)
    except ConfigError as err:
        result.errors.extend(err.problems)
        return result
    _check_delivery(config, result)
    folder = Path(knowledge_dir) if knowledge_dir else config.knowledge_path()
    try:
        knowledge = load_knowledge(folder)
    except KnowledgeError as err:
        result.errors.extend(err.problems)
        result.errors.extend(check_safeguarding(folder / SAFEGUARDING_FILE))
        return result
    detector: SafeguardingDetector | None = None
    try:
        detector = SafeguardingDetector.from_file(folder / SAFEGUARDING_FILE)
    except KnowledgeError as err:
        result.errors.extend(err.problems)
    try:
        renderer = Renderer(knowledge, config)
    except TemplateError as err:
        result.errors.extend(err.problems)
        return result
    result.errors.extend(renderer.check_all())
    result.errors.extend(_check_messages(renderer))
    matcher = Matcher(knowledge, config.matching)
    result.warnings.extend(_overlaps(knowledge, matcher))
    result.warnings.extend(_duplicates(knowledge))
    result.warnings.extend(_needs_warnings(knowledge, matcher))
    result.warnings.extend(uncovered_rules(knowledge))
    result.warnings.extend(out_of_scope_warnings(knowledge))
    if detector is not None:
        result.warnings.extend(safeguarding_warnings(knowledge, detector))
    examples = sum(len(t.examples) for t in knowledge.topics.values())
    titles = "; ".join(
        f"{p.title}: {len(p.sections)} sections, {sum(len(s.rules) for s in p.sections)} rules, "
        f"{sum(t.policy == p.id for t in knowledge.topics.values())} topics"
        for p in knowledge.policies.values()
    )
    result.summary = (
        f"{titles} — {len(knowledge.policies)} policies, "
        f"{sum(len(p.sections) for p in knowledge.policies.values())} sections, "
        f"{len(knowledge.topics)} topics, {examples} example questions, "
        f"{len(renderer.messages)} messages"
    )
    examples_only = [p.title for p in knowledge.policies.values() if p.example]
    if examples_only:
        result.summary += (
            ". Marked as examples to replace with the school's own (policybot import): "
            + ", ".join(examples_only)
        )
    return result


def _check_delivery(config: Config, result: CheckResult) -> None:
    """Concerns and alerts with nowhere to go are an error, unless the config explicitly allows it."""
    where = config.source or "the config"
    for problem in config.delivery_problems():
        if config.concerns.allow_no_destination:
            result.warnings.append(
                f"{where}: {problem} (allowed by concerns.allow_no_destination: people are told that "
                "nothing can be sent)"
            )
        else:
            result.errors.append(
                f"{where}: {problem} — or set concerns.allow_no_destination: true to try PolicyBot "
                "out without delivery"
            )


REQUIRED_MESSAGES = (
    "start",
    "role_prompt",
    "role_set",
    "help",
    "contact",
    "topics",
    "topics_policies",
    "section_topics",
    "clarify",
    "forward_options",
    "fallback",
    "rule_answer",
    "empty_message",
    "no_words",
    "no_forwarding",
    "feedback_thanks",
    "stale_button",
    "unknown_command",
    "safeguarding",
    "sg_alert_sent",
    "sg_not_sent",
    "sg_offer",
    "sg_button_offer",
    "privacy",
    "forget_confirm",
    "forget_done",
    "forget_cancelled",
)


def _check_messages(renderer: Renderer) -> list[str]:
    folder = renderer.knowledge.folder / "messages"
    return [
        f"{folder}: message '{name}' is missing — add it to one of the files there"
        for name in REQUIRED_MESSAGES
        if not renderer.has(name)
    ]


def _overlaps(knowledge: Knowledge, matcher: Matcher) -> list[str]:
    """Examples that another topic claims more strongly than their own (Dialogflow-style validation)."""
    warnings = []
    for topic in knowledge.topics.values():
        for example in topic.examples:
            ranked = matcher.match(example, "any").ranked
            if not ranked or ranked[0].key == topic.id:
                continue
            own = next((s.confidence for s in ranked if s.key == topic.id), 0.0)
            if ranked[0].confidence >= OVERLAP_CONFIDENCE * max(own, 1e-9) and ranked[0].confidence > own:
                rival = knowledge.topics[ranked[0].key]
                clash = (
                    f" of another policy, the {knowledge.policies[rival.policy].title} "
                    "(the two policies clash "
                    "here: say in the examples which one people mean)"
                    if rival.policy != topic.policy
                    else ""
                )
                warnings.append(
                    f"{topic.file}:{topic.line}: topics.{topic.id}.examples: “{example}” scores higher for "
                    f"'{ranked[0].key}'{clash} ({ranked[0].confidence:.2f}) than for its own topic "
                    f"({own:.2f}) — reword it or move it"
                )
    return warnings


def _needs_warnings(knowledge: Knowledge, matcher: Matcher) -> list[str]:
    """A topic's `needs:` entry that reads as no word, and examples of its own it would never answer."""
    warnings = []
    for topic in knowledge.topics.values():
        where = f"{topic.file}:{topic.line}: topics.{topic.id}.needs"
        for word in topic.needs:
            if not word.endswith("*") and not matcher.normaliser.tokens(word, correct=False):
                warnings.append(
                    f"{where}: “{word}” reads as no word (a stop word?) — remove it or write another"
                )
        for example in topic.examples if topic.needs else ():
            if not matcher.needs.answerable(topic.id, matcher.normaliser.tokens(example), fold(example)):
                warnings.append(
                    f"{where}: its example “{example}” uses none of these words, so it is only ever offered "
                    "— add the word it uses, or move the example"
                )
    return warnings


def out_of_scope_warnings(knowledge: Knowledge) -> list[str]:
    """Out-of-scope examples that a policy's rules answer: they keep the bot from quoting those rules."""
    where = knowledge.folder / "intents.yaml"
    return [
        f"{where}: out_of_scope: “{example}” looks answered by the {knowledge.policies[quote.policy].title} "
        f"(section “{knowledge.policies[quote.policy].section(quote.section).heading}”) — "  # type: ignore[union-attr]
        "if it is, remove it from out_of_scope so such questions get that answer; if not, keep it"
        for example, quote in out_of_scope_answered(knowledge)
    ]


def safeguarding_warnings(knowledge: Knowledge, detector: SafeguardingDetector) -> list[str]:
    """Topic examples, new since the safeguarding check's ordinary copy was made, that it would flag.

    The check compares messages with its own ordinary examples (knowledge/safeguarding_ordinary.yaml), not
    the topics' (round 45), so a new example never changes what is flagged; one that is itself flagged is
    a question people will ask and be interrupted for. Examples already in the copy were measured when it
    was made and are skipped."""
    texts = example_texts(knowledge.folder / EXAMPLES_FILE, detector.by_id)
    known = {fold(text) for text in texts.ordinary} if texts is not None else set()
    warnings = []
    for topic in knowledge.topics.values():
        for example in topic.examples:
            if fold(example) in known or (found := detector.detect(example)) is None:
                continue
            similar = found.matched.startswith(("similar to", "close in meaning"))
            fix = (
                "if it is an ordinary question, add it to knowledge/safeguarding_ordinary.yaml"
                if similar
                else f"a rule of {SAFEGUARDING_FILE} reads it ({found.matched[:60]}): reword the example or "
                "narrow the rule"
            )
            warnings.append(
                f"{topic.file}:{topic.line}: topics.{topic.id}.examples: “{example}” reads as a safeguarding "
                f"disclosure ({found.category}) — people who ask it this way will get an alert; {fix}"
            )
    return warnings


def _duplicates(knowledge: Knowledge) -> list[str]:
    seen: dict[str, str] = {}
    warnings = []
    for topic in knowledge.topics.values():
        for example in topic.examples:
            key = fold(example)
            if key in seen and seen[key] != topic.id:
                other = knowledge.topics[seen[key]]
                clash = (
                    f", a topic of another policy, the {knowledge.policies[other.policy].title} (the two "
                    "policies clash here)"
                    if other.policy != topic.policy and other.policy in knowledge.policies
                    else ""
                )
                warnings.append(
                    f"{topic.file}:{topic.line}: topics.{topic.id}.examples: “{example}” is also an example "
                    f"of '{seen[key]}'{clash} — keep it in one topic"
                )
            seen.setdefault(key, topic.id)
    return warnings
