"""The knowledge base: policies and their sections, topics, intents and language data, loaded from YAML."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from bot.common.schema import Problems, ProblemsError, build
from bot.common.text import fold
from bot.common.yamlfile import YamlDoc, YamlError, load_yaml
from bot.knowledge.language_checks import language_problems
from bot.knowledge.requests import asking_for_problems, request_problems

Audience = Literal["parent", "staff", "pupil", "any"]
CHOSEN_ROLES = ("parent", "staff", "pupil")
"""The roles a person can tell the bot they have (/role); "any" is someone who has not said."""
ROLES = (*CHOSEN_ROLES, "any")


class KnowledgeError(ProblemsError):
    """The knowledge folder has problems."""


@dataclass(frozen=True)
class Rule:
    """One rule of a policy section, verbatim."""

    id: str
    text: str


@dataclass(frozen=True)
class Section:
    """A section of a policy: its heading exactly as written and its rules verbatim."""

    id: str
    heading: str
    rules: list[Rule]
    summary: str = ""


@dataclass(frozen=True)
class Policy:
    """A policy document. `example` marks a bundled sample the school should replace with its own."""

    id: str
    title: str
    school: str
    source: str
    sections: list[Section]
    source_date: str = ""
    example: bool = False
    file: str = ""

    def section(self, section_id: str) -> Section | None:
        """The section with this id, if any."""
        return next((s for s in self.sections if s.id == section_id), None)


@dataclass(frozen=True)
class Topic:
    """Something people ask about, answered from one section of one policy."""

    id: str
    section: str
    title: str
    audience: list[Audience]
    rules: list[str]
    examples: list[str]
    answer: str
    keywords: list[str] = field(default_factory=list)
    related: list[str] = field(default_factory=list)
    stories: list[str] = field(default_factory=list)  # longer messages, the way people write them
    needs: list[str] = field(default_factory=list)  # a word it needs to be answered (matching/needs.py)
    policy: str = ""
    file: str = ""
    line: int = 0


@dataclass(frozen=True)
class TopicFile:
    """A file of topics for one policy."""

    policy: str
    topics: list[Topic]


@dataclass(frozen=True)
class Intent:
    """Something that is not a policy question: greetings, thanks, asking for a human."""

    id: str
    action: Literal["smalltalk", "forward"]
    examples: list[str]
    reply: str = ""
    cues: list[str] = field(default_factory=list)
    # said outright in the first person ("i want to report"): forwarded however little else the message
    # scores for the intent, unless it asks a question of its own (see bot/matching/cues.py)
    firm_cues: list[str] = field(default_factory=list)
    firm_requests: list[str] = field(default_factory=list)  # as patterns: bot/knowledge/requests.py
    stories: list[str] = field(default_factory=list)  # longer messages, the way people write them


@dataclass(frozen=True)
class IntentFile:
    """knowledge/intents.yaml."""

    intents: list[Intent]
    out_of_scope: list[str] = field(default_factory=list)
    out_of_scope_stories: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Language:
    """knowledge/language.yaml: synonyms (canonical word → variants), stop words, role cues and text-speak.

    `role_cues` are phrases that show who is asking ("my son" → parent, "my pupils" → staff); they are used
    only when the person has not said who they are, and only when they point to one role. `text_speak` maps
    a word to the ways people type it on phones ("someone": sum1, some1): the cues are read with them.
    `other_languages` are common words of the languages families write in besides English ("hai", "nie",
    "nao"): a message full of them is one the safeguarding check cannot read (bot/core/other_language.py).
    """

    synonyms: dict[str, list[str]] = field(default_factory=dict)
    stopwords: list[str] = field(default_factory=list)
    role_cues: dict[Literal["parent", "staff", "pupil"], list[str]] = field(default_factory=dict)
    text_speak: dict[str, list[str]] = field(default_factory=dict)
    other_languages: list[str] = field(default_factory=list)  # words that mark a message in another language
    writer_roles: list[str] = field(default_factory=list)  # "Governor here. …": who writes (intro.py)
    letter_greetings: list[str] = field(default_factory=list)  # "Dear Sir/Madam," (letter.py)
    letter_sign_offs: list[str] = field(default_factory=list)  # "Kind regards, Sam" (letter.py)
    asking_for: dict[Literal["parent", "staff", "pupil"], list[str]] = field(default_factory=dict)  # cues.py
    name_titles: list[str] = field(default_factory=list)  # "Mrs Patel": the name is left out (normalise.py)


@dataclass
class Knowledge:
    """Everything in a knowledge folder, cross-checked."""

    folder: Path
    policies: dict[str, Policy]
    topics: dict[str, Topic]
    intents: dict[str, Intent]
    out_of_scope: list[str]
    language: Language
    templates: Path
    docs: dict[str, YamlDoc] = field(default_factory=dict)
    out_of_scope_stories: list[str] = field(default_factory=list)

    def section_of(self, topic: Topic) -> Section:
        """The section a topic is answered from."""
        section = self.policies[topic.policy].section(topic.section)
        assert section is not None  # checked at load time
        return section

    def policy_of(self, topic: Topic) -> Policy:
        """The policy a topic belongs to."""
        return self.policies[topic.policy]

    def rules_of(self, topic: Topic) -> list[Rule]:
        """The verbatim rules a topic quotes, in the topic's order."""
        by_id = {rule.id: rule for rule in self.section_of(topic).rules}
        return [by_id[rule_id] for rule_id in topic.rules]


def load_knowledge(folder: str | Path) -> Knowledge:
    """Load and cross-check a knowledge folder; raises KnowledgeError listing every problem."""
    folder = Path(folder)
    problems: list[str] = []
    if not folder.is_dir():
        raise KnowledgeError([f"{folder}: knowledge folder not found — check knowledge_dir in the config"])
    docs: dict[str, YamlDoc] = {}
    broken: set[str] = set()  # folders whose files could not be read in full: skip checks that need them

    def read(path: Path, schema: type, at: tuple = ()):  # type: ignore[no-untyped-def]
        try:
            doc = load_yaml(path)
        except YamlError as err:
            problems.append(str(err))
            broken.add(path.parent.name)
            return None
        docs[str(path)] = doc
        sink = Problems(doc)
        result = build(schema, doc.data, at, sink)
        problems.extend(sink.items)
        if sink.items:
            broken.add(path.parent.name)
        return result, doc

    policies: dict[str, Policy] = {}
    for path in sorted((folder / "policies").glob("*.yaml")):
        got = read(path, Policy)
        if got and got[0]:
            policy, doc = got
            if policy.id in policies:
                problems.append(
                    f"{doc.where(('id',))}: id: policy '{policy.id}' is defined twice — rename one"
                )
            policies[policy.id] = Policy(**{**policy.__dict__, "file": str(path)})
    if not policies and not problems:
        problems.append(f"{folder / 'policies'}: no policy files (*.yaml) — add at least one policy")

    topics: dict[str, Topic] = {}
    for path in sorted((folder / "topics").glob("*.yaml")):
        got = read(path, TopicFile)
        if not got or not got[0]:
            continue
        topic_file, doc = got
        for index, topic in enumerate(topic_file.topics):
            at = ("topics", index)
            if topic is None:
                continue
            if topic.id in topics:
                other = topics[topic.id]
                problems.append(
                    f"{doc.where((*at, 'id'))}: {_dot(at)}.id: topic '{topic.id}' is defined twice"
                    + (
                        f" (also in {other.file}, policy '{other.policy}') — topic ids are shared by all "
                        f"policies: rename one, e.g. {topic_file.policy.replace('-', '_')}_{topic.id}"
                        if other.file != str(path)
                        else ""
                    )
                )
            topics[topic.id] = Topic(
                **{**topic.__dict__, "policy": topic_file.policy, "file": str(path), "line": doc.line(at)}
            )

    intents: dict[str, Intent] = {}
    out_of_scope: list[str] = []
    out_of_scope_stories: list[str] = []
    intents_path = folder / "intents.yaml"
    if intents_path.exists():
        got = read(intents_path, IntentFile)
        if got and got[0]:
            intents = {intent.id: intent for intent in got[0].intents if intent}
            problems.extend(request_problems(got[0].intents, got[1].where))
            out_of_scope = list(got[0].out_of_scope)
            out_of_scope_stories = list(got[0].out_of_scope_stories)

    language = Language()
    language_path = folder / "language.yaml"
    if language_path.exists():
        got = read(language_path, Language)
        if got and got[0]:
            language = got[0]
            problems.extend(asking_for_problems(language.asking_for, got[1].where))

    knowledge = Knowledge(
        folder=folder,
        policies=policies,
        topics=topics,
        intents=intents,
        out_of_scope=out_of_scope,
        language=language,
        templates=folder / "templates",
        docs=docs,
        out_of_scope_stories=out_of_scope_stories,
    )
    # A broken file would make every rule it answers look unanswered: report its own problem, not the echo.
    problems.extend(
        cross_check(
            knowledge, topics_complete="topics" not in broken, policies_complete="policies" not in broken
        )
    )
    if problems:
        raise KnowledgeError(problems)
    return knowledge


def _dot(at: tuple) -> str:
    return "".join(f"[{p}]" if isinstance(p, int) else (f".{p}" if i else str(p)) for i, p in enumerate(at))


def _topic_where(knowledge: Knowledge, topic: Topic, key: str) -> str:
    doc = knowledge.docs.get(topic.file)
    listed = (doc.data or {}).get("topics", []) if doc else []
    found = (i for i, t in enumerate(listed) if isinstance(t, dict) and t.get("id") == topic.id)
    index = next(found, 0)
    where = doc.where(("topics", index, key)) if doc else topic.file
    return f"{where}: topics[{index}].{key}"


def cross_check(
    knowledge: Knowledge, topics_complete: bool = True, policies_complete: bool = True
) -> list[str]:
    """Cross-file problems: unknown policies, sections, rules and related topics, too few examples.

    When a topic or policy file could not be read, the checks that need it (related topics and topics'
    policies exist) are skipped: they would only echo that file's own problem. Rules no topic answers are
    not a problem (they are quoted): `uncovered_rules` lists them for `policybot check` to warn about.
    """
    problems: list[str] = []
    missing: set[str] = set()
    for topic in knowledge.topics.values():
        policy = knowledge.policies.get(topic.policy)
        if policy is None:
            if policies_complete and topic.policy not in missing:  # once per policy, not per topic
                problems.append(
                    f"{_topic_where(knowledge, topic, 'id')}: policy '{topic.policy}' does not exist — "
                    f"use one of: {', '.join(sorted(knowledge.policies))}"
                )
            missing.add(topic.policy)
            continue
        section = policy.section(topic.section)
        if section is None:
            ids = ", ".join(s.id for s in policy.sections)
            problems.append(
                f"{_topic_where(knowledge, topic, 'section')}: section '{topic.section}' is not in policy "
                f"'{policy.id}' — use one of: {ids}"
            )
            continue
        rule_ids = {rule.id for rule in section.rules}
        for rule_id in topic.rules:
            if rule_id not in rule_ids:
                problems.append(
                    f"{_topic_where(knowledge, topic, 'rules')}: rule '{rule_id}' is not in section "
                    f"'{section.id}' — use one of: {', '.join(sorted(rule_ids))}"
                )
        if not topic.rules:
            problems.append(
                f"{_topic_where(knowledge, topic, 'rules')}: list at least one rule the answer quotes"
            )
        if len(topic.examples) < 8:
            problems.append(
                f"{_topic_where(knowledge, topic, 'examples')}: {len(topic.examples)} example questions — "
                "give at least 8, phrased in different ways"
            )
        for related in topic.related:
            if related not in knowledge.topics and topics_complete:
                problems.append(
                    f"{_topic_where(knowledge, topic, 'related')}: related topic '{related}' does not exist"
                )
        if not fold(topic.title):
            problems.append(f"{_topic_where(knowledge, topic, 'title')}: the title is empty")
    for policy in knowledge.policies.values():
        for section in policy.sections:
            if not section.rules:
                problems.append(
                    f"{policy.file}: sections.{section.id}.rules: a section needs at least one rule"
                )
            seen: set[str] = set()
            for rule in section.rules:
                if rule.id in seen:
                    problems.append(
                        f"{policy.file}: sections.{section.id}.rules.{rule.id}: rule id used twice in the "
                        "section — rename one"
                    )
                seen.add(rule.id)
    problems.extend(language_problems(knowledge.language, knowledge.folder / "language.yaml"))
    return problems


def uncovered_rules(knowledge: Knowledge) -> list[str]:
    """Rules no topic quotes: PolicyBot answers them only by quoting them (a warning, not an error)."""
    covered = {
        (topic.policy, topic.section, rule_id)
        for topic in knowledge.topics.values()
        for rule_id in topic.rules
    }
    return [
        f"{policy.file}: sections.{section.id}.rules.{rule.id}: no topic answers this rule — questions "
        "about it get the rule quoted; add a topic that lists it under rules for a plainer answer"
        for policy in knowledge.policies.values()
        for section in policy.sections
        for rule in section.rules
        if (policy.id, section.id, rule.id) not in covered
    ]
