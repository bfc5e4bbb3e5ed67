"""The stateless question answerer: safeguarding check, matching and rendering, one question at a time."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from bot.common.text import MAX_INPUT_CHARS, clean, has_words
from bot.config import Config
from bot.core.replies import Candidate, Option, Reply
from bot.knowledge.loading import Knowledge, load_knowledge
from bot.knowledge.render import Rendered, Renderer
from bot.matching.matcher import Match, Matcher
from bot.matching.rules import Quote, RuleIndex
from bot.matching.semantic import Embedder, load_embedder
from bot.safeguarding.detector import Detection, SafeguardingDetector
from bot.safeguarding.examples import EXAMPLES_FILE, example_texts
from bot.safeguarding.meaning import MeaningLayer

SAFEGUARDING_FILE = "safeguarding.yaml"

log = logging.getLogger(__name__)


def meaning_layer(
    knowledge: Path, embedder: Embedder, categories: Mapping[str, object]
) -> MeaningLayer | None:
    """The safeguarding check's third layer, from the examples file (its disclosures under `categories`,
    the detector's) and the matcher's sentence model; None without an examples file."""
    examples = knowledge / EXAMPLES_FILE
    if not examples.exists():
        return None
    layer = MeaningLayer.load(
        knowledge,
        lambda: example_texts(examples, categories),
        embed=embedder.embed,
        name=getattr(embedder, "identity", embedder.name),
    )
    if layer is not None:
        log.info("safeguarding: patterns, similar examples and meaning (%s)", embedder.name)
    return layer


@dataclass
class Engine:
    """Knowledge, matcher, renderer and safeguarding detector for one school."""

    config: Config
    knowledge: Knowledge
    matcher: Matcher
    renderer: Renderer
    detector: SafeguardingDetector
    rules: RuleIndex | None = None  # built on first need: most questions are answered by a topic

    @classmethod
    def load(cls, config: Config, knowledge_dir: str | Path | None = None) -> Engine:
        """Load and compile everything; raises KnowledgeError / TemplateError on problems."""
        knowledge = load_knowledge(knowledge_dir or config.knowledge_path())
        detector = SafeguardingDetector.from_file(knowledge.folder / SAFEGUARDING_FILE)
        embedder = load_embedder() if config.matching.semantic else None
        if embedder is not None:
            log.info("matching: words and meaning (semantic layer on, %s)", embedder.name)
        else:
            why = "switched off in the config" if not config.matching.semantic else "model unavailable"
            log.info("matching: words only (semantic layer off: %s)", why)
        matcher = Matcher(knowledge, config.matching, embedder)
        if embedder is not None:
            detector.attach_meaning(meaning_layer(knowledge.folder, embedder, detector.by_id))
        return cls(config, knowledge, matcher, Renderer(knowledge, config), detector)

    def ask(self, text: str, role: str = "any", screened: bool = False) -> Reply:
        """Answer one message as a stateless question (what `policybot ask` prints).

        `screened` says the caller has already run the safeguarding check on this text.
        """
        cleaned = clean(text)
        if not cleaned:
            return self.reply("fallback", "empty_message")
        detection = None if screened else self.detector.detect(cleaned, role=role)
        if detection is not None:
            return self.safeguarding_reply(detection, role=role)
        if not has_words(cleaned):
            return self.reply("fallback", "no_words")
        match = self.matcher.match(cleaned[:MAX_INPUT_CHARS], role)
        quote = self.quote_for(cleaned[:MAX_INPUT_CHARS], match)
        return self.quote(quote) if quote is not None else self.reply_for(match, role)

    def quote_for(self, text: str, match: Match) -> Quote | None:
        """The rules to quote when no curated topic fits the question but a rule does (else None).

        Only when the matcher would fall back, would offer the office without being asked to (no cue such
        as "I want to complain"), or would ask "Did you mean…" among topics that fit less well than a rule
        of a policy with no topics of its own; and the rule beats the out-of-scope examples and the forward
        intent.
        """
        unasked_forward = match.decision == "forward" and not match.cued
        unsure = match.decision == "clarify" and match.best is not None
        if not (match.decision == "fallback" or unasked_forward or unsure):
            return None
        if self.rules is None:
            self.rules = RuleIndex(self.knowledge)
        quote = self.rules.find(text)
        if quote is None or quote.confidence <= max(
            match.out_of_scope, match.forward if unasked_forward else 0
        ):
            return None
        if unsure and (quote.policy in self.rules.curated or quote.confidence < match.best.confidence):  # type: ignore[union-attr]
            return None
        return quote

    def reply(self, action: str, message: str, offer_forward: bool = False, **context: object) -> Reply:
        """A reply made from a named message template."""
        rendered = self.renderer.message(message, **context)
        options = [self.option("button_forward", "fwd")] if offer_forward else []
        return Reply(action, rendered.text, rendered.html, options=options, offer_forward=offer_forward)  # type: ignore[arg-type]

    def option(self, label_message: str, payload: str) -> Option:
        """A button whose label is the named message (labels are wording, so they live in knowledge/)."""
        return Option(self.renderer.message(label_message).text, payload)

    def safeguarding_reply(
        self, detection: Detection, role: str = "any", alert_sent: bool = False, can_alert: bool = True
    ) -> Reply:
        """The fixed safeguarding response (pupils get their own wording); the dialogue adds the alert
        buttons when it can send one."""
        rendered = self.renderer.message(
            "safeguarding", route=detection.route, role=role, alert_sent=alert_sent, can_alert=can_alert
        )
        return Reply("safeguarding", rendered.text, rendered.html, confidence=1.0)

    def answer(
        self,
        topic_id: str,
        confidence: float = 1.0,
        alternatives: list[Candidate] | None = None,
        role: str = "any",
    ) -> Reply:
        """The answer to one topic (worded for `role` where the topic says so), with its related topics and
        the forward option."""
        topic = self.knowledge.topics[topic_id]
        rendered = self.renderer.answer(topic, role)
        related = [
            Option(self.knowledge.topics[r].title, f"t:{r}")
            for r in topic.related
            if r in self.knowledge.topics
        ]
        return Reply(
            "answer",
            rendered.text,
            rendered.html,
            topic=topic.id,
            section=self.knowledge.section_of(topic).heading,
            policy=self.knowledge.policy_of(topic).title,
            confidence=round(confidence, 3),
            options=[*related, self.option("button_forward", "fwd")],
            alternatives=alternatives or [],
        )

    def quote(self, quote: Quote) -> Reply:
        """An answer that quotes the policy's rules directly (no curated topic covers the question)."""
        policy = self.knowledge.policies[quote.policy]
        section = policy.section(quote.section)
        assert section is not None
        by_id = {rule.id: rule for rule in section.rules}
        rendered = self.renderer.message(
            "rule_answer", policy=policy, section=section, rules=[by_id[r] for r in quote.rules]
        )
        return Reply(
            "answer",
            rendered.text,
            rendered.html,
            section=section.heading,
            policy=policy.title,
            rules=list(quote.rules),
            confidence=quote.confidence,
            options=[self.option("button_forward", "fwd")],
            offer_forward=True,
        )

    def candidates(self, match: Match) -> list[Candidate]:
        """Ranked topics as public candidates (topic, section heading, confidence)."""
        out = []
        for scored in match.ranked[: self.config.matching.max_options + 1]:
            topic = self.knowledge.topics[scored.key]
            out.append(
                Candidate(topic.id, self.knowledge.section_of(topic).heading, round(scored.confidence, 3))
            )
        return out

    def likely(self, candidates: list[Candidate], floor: float | None = None) -> list[Option]:
        """The topics worth offering, as options (labelled with their titles): those scoring `floor` or more,
        by default the ones "Did you mean…" lists."""
        if floor is None:
            floor = self.config.matching.clarify_threshold
        shown = [c for c in candidates if c.confidence >= floor][: self.config.matching.max_options]
        return [Option(self.knowledge.topics[c.topic].title, f"t:{c.topic}") for c in shown]

    def forward_reply(self, match: Match, candidates: list[Candidate]) -> Reply:
        """The offer to pass a message on. When the message also asks something ("who do I complain to
        about the head?") or only names a subject ("Making a complaint about a school"), the sections that
        may answer it are offered too: the person may want the
        answer rather than the office. On the development sets 41 of the 85 policy questions that were
        forwarded get their section this way; 31 of 136 messages that only wanted a person get options."""
        rendered = self.renderer.message(f"intent.{match.intent}")
        options = self.likely(candidates) if match.asks else []
        if options:
            extra = self.renderer.message("forward_options", titles=[o.label for o in options])
            rendered = Rendered(f"{rendered.text}\n\n{extra.text}", f"{rendered.html}\n\n{extra.html}")
        return Reply(
            "forward",
            rendered.text,
            rendered.html,
            confidence=1.0,
            options=[self.option("button_forward", "fwd"), *options],
            alternatives=candidates,
            offer_forward=True,
        )

    def reply_for(self, match: Match, role: str = "any") -> Reply:
        """Turn the matcher's decision into a reply."""
        candidates = self.candidates(match)
        confidence = round(match.best.confidence, 3) if match.best else 0.0
        if match.decision == "answer":
            assert match.best is not None
            return self.answer(match.best.key, match.best.confidence, candidates[1:], role)
        if match.decision == "smalltalk":
            rendered = self.renderer.message(f"intent.{match.intent}")
            return Reply("smalltalk", rendered.text, rendered.html, confidence=1.0)
        if match.decision == "forward":
            return self.forward_reply(match, candidates)
        if match.decision == "clarify":
            options = self.likely(candidates)
            rendered = self.renderer.message("clarify", titles=[o.label for o in options])
            return Reply(
                "clarify",
                rendered.text,
                rendered.html,
                confidence=confidence,
                options=[*options, self.option("button_none_of_these", "fwd:none")],
                alternatives=candidates,
                offer_forward=True,
            )
        related = self.related(match, candidates)
        rendered = self.renderer.message(
            "fallback",
            policies=[p.title for p in self.knowledge.policies.values()],
            titles=[o.label for o in related],
        )
        return Reply(
            "fallback",
            rendered.text,
            rendered.html,
            confidence=confidence,
            options=[self.option("button_ask_office", "fwd"), *related],
            alternatives=candidates,
            offer_forward=True,
        )

    def related(self, match: Match, candidates: list[Candidate]) -> list[Option]:
        """Sections listed under "I can't find an answer": those that came close to the question although
        the out-of-scope examples came closer ("when do I get the paperwork for the governors' meeting?" is
        about the complaints panel, and reads like "when is the next governors' meeting?"). Measured on the
        development sets (round 11): of 548 questions that fell back, 55 get sections at the defaults: 25
        policy questions with the right one among them, 7 without it, 22 out-of-scope questions, 1 forward."""
        settings = self.config.matching
        if settings.related_margin <= 0:
            return []
        return self.likely(
            candidates, max(settings.related_floor, match.out_of_scope - settings.related_margin)
        )
