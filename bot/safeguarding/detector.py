"""Recognise safeguarding disclosures in every message, before policy matching.

All wording lives in knowledge/safeguarding.yaml; the pattern language it is written in lives in
patterns.py and scanning.py beside this module (see docs/safeguarding-notes.md). This module loads the
file into categories of rules and decides which concern is most serious and who must hear about it.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, replace
from pathlib import Path

from bot.common.schema import Problems, build
from bot.common.text import fold
from bot.common.yamlfile import Path_, YamlError, load_yaml
from bot.knowledge.loading import KnowledgeError
from bot.safeguarding import stored
from bot.safeguarding.examples import EXAMPLES_FILE, load_examples
from bot.safeguarding.meaning import MeaningLayer
from bot.safeguarding.patterns import Compiler, Pattern, Rule
from bot.safeguarding.rules_file import Route, SafeguardingSpec, Settings, compile_rule
from bot.safeguarding.scanning import Message, Vocabulary, read, read_words, rule_spans, spans
from bot.safeguarding.similarity import SimilarityIndex
from bot.safeguarding.stored import Compiled
from bot.safeguarding.subjects import carried, opens_sentence
from bot.safeguarding.triggers import NeedsIndex

_PLAIN = re.compile(r"[a-z0-9 ]+")  # a variant folded and read word by word (others: as written)
ROUTE_RANK = {"dsl": 0, "headteacher": 1, "chair_of_governors": 2}
"""KCSIE: an allegation about the headteacher outranks one about staff, which outranks any other concern."""


@dataclass(frozen=True)
class Detection:
    """A message that looks like a safeguarding disclosure and who must hear about it."""

    category: str
    route: Route
    matched: str  # the rule that fired; for tests and debugging only, never shown or logged with the text


@dataclass(frozen=True)
class Assessment:
    """A message's concern, if any; and whether, unflagged, it comes near in meaning (`meaning.offer`)."""

    detection: Detection | None = None
    near: bool = False


@dataclass(frozen=True)
class _Category:
    id: str
    route: Route
    rules: tuple[Rule, ...]
    about: Pattern | None
    said_about: Pattern | None = None


@dataclass(frozen=True)
class _People:
    """Who a message names, read once for all the concerns found in it (see `_route`)."""

    mentions: list[tuple[_Category, int, int]]  # staff and the head, highest route first
    others: list[int]  # where `someone_else:` names a person who is not one of the mentions
    said: _Category | None  # the highest category the message says it is about (`said_about:`)


# ---- the detector ---------------------------------------------------------------------------------------


class SafeguardingDetector:
    """Finds disclosures of a child at risk and allegations about staff or the headteacher."""

    def __init__(self, parts: Compiled) -> None:
        settings = Settings(**parts.settings)
        self.near = settings.near
        self.vocabulary = _vocabulary(parts)
        self.reporter, self.relatives = parts.reporter, parts.relatives
        self.not_people = parts.not_people
        self.someone_else = parts.someone_else
        self.spellings = _spellings(parts.spellings)
        self.similar = SimilarityIndex(*parts.similarity) if parts.similarity else None
        self.meaning: MeaningLayer | None = None  # attached by the engine when a sentence model is loaded
        categories = [_Category(*category) for category in parts.categories]
        self.by_id = {c.id: c for c in categories}
        # the broadest concern for the DSL (the last such category in the file) when only allegation
        # examples are near a message that names no member of staff
        self.fallback = next((c for c in reversed(categories) if c.route == "dsl"), categories[-1])
        self.exclude = parts.exclude
        self.categories = categories
        self.about = sorted((c for c in categories if c.about), key=lambda c: -ROUTE_RANK[c.route])
        self.said = sorted((c for c in categories if c.said_about), key=lambda c: -ROUTE_RANK[c.route])
        ordered = [(order, c, rule) for order, c in enumerate(categories) for rule in c.rules]
        self.rules = NeedsIndex(ordered, lambda entry: entry[2].needs)
        self.excludes = NeedsIndex(self.exclude, lambda pattern: pattern.needs)

    @classmethod
    def from_file(cls, path: str | Path) -> SafeguardingDetector:
        """Load knowledge/safeguarding.yaml; raises KnowledgeError listing every `file:line` problem.

        A file compiled before, unchanged (nor anything in its folder), is read back from the cache.
        """
        parts = stored.load(Path(path))
        if parts is None:
            parts, problems = _compile(path)
            if problems or parts is None:
                raise KnowledgeError(problems)
            stored.save(Path(path), parts)
        return cls(parts)

    def detect(self, text: str, *, role: str = "any", shortcuts: bool = True) -> Detection | None:
        """The most serious concern in a message, or None when it reads as an ordinary question.

        `role` is who the writer has told the bot they are ("any" when they have not said): a rule with
        `unless_writer` naming it is skipped, as if the message had said so ("I'm a parent").
        `shortcuts=False` tries every rule and compares with every example, skipping nothing (the tests
        check that the shortcuts never change the answer).
        """
        return self.assess(text, role=role, shortcuts=shortcuts).detection

    def assess(self, text: str, *, role: str = "any", shortcuts: bool = True) -> Assessment:
        """`detect`'s concern, and whether an unflagged message comes near in meaning (one reading)."""
        if not isinstance(text, str) or not text:
            return Assessment()
        msg = read(text, self.vocabulary, self.spellings)
        if not msg.keys:
            return Assessment()
        msg.mask(self.excludes.candidates(msg.have) if shortcuts else self.exclude)
        best: tuple[int, int, Detection] | None = None
        people: _People | None = None
        rules = self.rules.candidates(msg.have) if shortcuts else self.rules.items
        for order, category, rule in rules:
            if role in rule.unless_writer:
                continue
            for span in rule_spans(rule, msg):
                if people is None:
                    people = self._people(msg)
                found = self._route(category, rule, span, people, msg)
                rank = ROUTE_RANK[found.route]
                if best is None or (rank, -order) > best[:2]:
                    best = (rank, -order, found)
        if best:
            return Assessment(best[2])
        if msg.an_answer:  # an answer to "your name?", "which class?" or "how old?": no sentence to read
            return Assessment()
        found = self._similar(text, msg.words, shortcuts) if self.similar else None
        return self._meant(text, msg.words) if found is None and self.meaning else Assessment(found)

    def offered(self, text: str) -> Detection:
        """The concern of a message its writer said is about a child's safety: routed by whom it names."""
        return self._about_whom(text, "the writer said it is about a child's safety", self.fallback)

    def attach_meaning(self, layer: MeaningLayer | None) -> None:
        """Add the third layer (bot/safeguarding/meaning.py): long messages meaning what disclosures do."""
        self.meaning = layer

    def _meant(self, text: str, said: list[str]) -> Assessment:
        """The third layer: a long message whose meaning is close to the example disclosures (or near)."""
        assert self.meaning is not None
        settings = self.meaning.settings
        if sum(1 for word in said if word) < settings.min_words:
            return Assessment()
        probability = self.meaning.probability(text)
        if probability < settings.threshold:  # the offer counts words as written ("he's" reads as two)
            near = probability >= settings.offer and len(text.split()) >= settings.min_words
            return Assessment(near=near and settings.offer < 1)
        matched = f"close in meaning to the example disclosures (probability {probability:.2f})"
        return Assessment(self._about_whom(text, matched, self.fallback))

    def _similar(self, text: str, said: list[str], shortcuts: bool = True) -> Detection | None:
        """The second layer: a message that reads like the example disclosures though no rule fired.

        It reads the words as the rules did: without contact details, names or excluded phrases.
        """
        assert self.similar is not None
        found = self.similar.classify_words(said, shortcuts=shortcuts)
        if found is None:
            return None
        voted, closeness, lean = found
        matched = f"similar to {voted[0]} examples (closeness {closeness:.2f}, margin {lean:.2f})"
        category = next((self.by_id[c] for c in voted if self.by_id[c].route == "dsl"), self.fallback)
        return self._about_whom(text, matched, category)

    def _about_whom(self, text: str, matched: str, otherwise: _Category) -> Detection:
        """A concern no rule found has no span to look near: the people the message names decide the route,
        as they do for rules; without one it is a concern about a child for the DSL (`otherwise`). Read
        afresh: the exclusions ("the head called me") stop rules firing, not say who it is about."""
        mentions = self._mentions(read(text, self.vocabulary, self.spellings))
        if mentions:
            about = max((c for c, _, _ in mentions), key=lambda c: ROUTE_RANK[c.route])
            return Detection(about.id, about.route, matched)
        return Detection(otherwise.id, otherwise.route, matched)

    def _mentions(self, msg: Message) -> list[tuple[_Category, int, int]]:
        """Mentions of staff or the head; one inside a longer mention ("head teacher") does not count."""
        found = [(c, s, e) for c in self.about if c.about for s, e in spans(c.about, msg, longest=True)]
        # "Mrs Smith's son" is about the son (the name is not read, so the relative follows the title);
        # "I'm a dinner lady and..." is the person writing
        relatives = {s for s, _ in spans(self.relatives, msg)} if self.relatives else set()
        reporter = {e for _, e in spans(self.reporter, msg)} if self.reporter else set()
        # "kissed on the head", "people like his teacher": the words name no one the concern is about
        not_people = [span for pattern in self.not_people for span in spans(pattern, msg, longest=True)]
        return [
            (c, s, e)
            for c, s, e in found
            if not any(os <= s and e <= oe and oe - os > e - s for _, os, oe in found)
            and e not in relatives
            and s not in reporter
            and not any(ns <= s and e <= ne for ns, ne in not_people)
        ]

    def _people(self, msg: Message) -> _People:
        """Who the message names, read once however many concerns it holds."""
        mentions = self._mentions(msg)
        others = [  # a person who is not a mention ("the breakfast club lady" is one)
            o
            for o, _ in (spans(self.someone_else, msg) if self.someone_else else ())
            if not any(s <= o < e for _, s, e in mentions)
        ]
        said = next((c for c in self.said if c.said_about is not None and spans(c.said_about, msg)), None)
        return _People(mentions, others, said)

    def _route(
        self, category: _Category, rule: Rule, span: tuple[int, int], people: _People, msg: Message
    ) -> Detection:
        """Send a concern to the headteacher or chair when it is about them (a mention near or inside it).

        A mention that opens the sentence the concern is in counts too, however long the sentence: "the
        minibus driver made my son sit in the front and touched him" is about the driver; so does one that a
        "he" or "she" carries on to the concern (`subjects.carried`: "I'm worried about Mr Ellis. He's been
        seen…"). A rule of a
        category about staff fires on their words ("coach", "tutor"); when every such word in the message
        names someone else (`not_people:`), the concern is about a child, for the DSL.
        """
        start, end = span
        mentions, others, said = people.mentions, people.others, people.said
        found = Detection(category.id, category.route, rule.source)
        near = [
            about
            for about, s, e in mentions
            if (start - self.near <= s < end or opens_sentence(s, start, msg) or carried(e, span, msg))
            and not any(s < o <= start for o in others)  # "the head said my uncle hit me" is the uncle's
        ]
        if near:  # highest route first
            found = Detection(near[0].id, near[0].route, rule.source)
        elif (
            category.about
            and not any(about is category for about, _, _ in mentions)
            and spans(category.about, msg, longest=True)
        ):
            # the staff words of a rule about staff all name someone else ("his coach at his Saturday
            # football club", "the tutor we use at home": `not_people:`): the DSL's concern. A rule that
            # names no staff word ("a builder on the roof…") keeps its category's route.
            found = Detection(self.fallback.id, self.fallback.route, rule.source)
        # A message that says whom it is about (`said_about:`, "it's about the headteacher … he asked her to
        # send a picture") sends the concern there when that outranks where its own words sent it, unless
        # someone else (a parent, a stranger) is named just before it: the head said to be the subject a
        # sentence or two earlier is rarely `near` the concern itself.
        if (
            said is not None
            and ROUTE_RANK[said.route] > ROUTE_RANK[found.route]
            and not any(start - self.near <= o <= start for o in others)
        ):
            return Detection(said.id, said.route, rule.source)
        return found


# ---- loading --------------------------------------------------------------------------------------------


def check_file(path: str | Path) -> list[str]:
    """Problems in a safeguarding file as `file:line: path: what to fix`; [] when it is clean."""
    return _compile(path)[1]


def _compile(path: str | Path) -> tuple[Compiled | None, list[str]]:
    try:
        doc = load_yaml(path)
    except YamlError as err:
        return None, [str(err)]
    problems = Problems(doc)
    spec = build(SafeguardingSpec, doc.data, (), problems)
    if spec is None:
        return None, problems.items
    compiler = Compiler(spec.groups, spec.settings.gap, problems, _spellings(spec.spellings))
    categories: list[_Category] = []
    examples: list[tuple[Rule, Path_, list[str]]] = []  # each rule's `matches:`
    seen: set[str] = set()
    for index, category in enumerate(spec.categories):
        if category is None:
            continue
        at: Path_ = ("categories", index)
        if category.id in seen:
            problems.add((*at, "id"), f"category '{category.id}' is defined twice — rename one")
        seen.add(category.id)
        compiled = [
            compile_rule(raw, (*at, "rules", i), compiler, spec.settings, examples)
            for i, raw in enumerate(category.rules)
        ]
        rules = tuple(rule for rule in compiled if rule)
        if not category.rules and not category.about:
            problems.add((*at, "rules"), "no rules — add at least one phrase")
        about = compiler.pattern(category.about, (*at, "about")) if category.about else None
        said = compiler.pattern(category.said_about, (*at, "said_about")) if category.said_about else None
        categories.append(_Category(category.id, category.route, rules, about, said))
    if not spec.categories:
        problems.add(("categories",), "no categories — add at least one")
    exclude = [compiler.pattern(text, ("exclude", i), gaps=False) for i, text in enumerate(spec.exclude)]
    not_about = (
        compiler.pattern(spec.reporter, ("reporter",), gaps=False) if spec.reporter else None,
        compiler.pattern(spec.relatives, ("relatives",), gaps=False) if spec.relatives else None,
    )
    not_people = [compiler.pattern(t, ("not_people", i), gaps=False) for i, t in enumerate(spec.not_people)]
    someone_else = compiler.pattern(spec.someone_else, ("someone_else",)) if spec.someone_else else None
    compiler.check_groups()
    if not 50 <= spec.settings.fuzzy_score <= 100:
        problems.add(("settings", "fuzzy_score"), "must be between 50 and 100 (85 tolerates one typo)")
    if problems.items:
        return None, problems.items
    parts = Compiled(
        asdict(spec.settings),
        spec.spellings,
        spec.ordinary_words,
        spec.titles,
        spec.head_words,
        compiler.lexicon(),
        [(c.id, c.route, c.rules, c.about, c.said_about) for c in categories],
        [p for p in exclude if p],
        *not_about,
        tuple(p for p in not_people if p),
        someone_else,
        similarity=None,
    )
    vocabulary, spellings = _vocabulary(parts), _spellings(spec.spellings)
    if spec.head_words and not vocabulary.exact_keys(vocabulary.head_word):
        problems.add(
            ("head_words",),
            "list first a one-word head word the patterns know ('headteacher' in the `head` group): a name "
            "given as the head's reads as it",
        )
    for rule, at, texts in examples:
        for i, text in enumerate(texts):
            msg = read(text, vocabulary, spellings)
            msg.mask(parts.exclude)
            if not rule_spans(rule, msg):
                problems.add(
                    (*at, "matches", i),
                    f"this rule does not find '{text}': check the pattern ('a|b c' reads as (a or b) then c; "
                    "write (b c) for a phrase) and that `within` covers the whole match",
                )
    if problems.items:
        return None, problems.items
    disclosures = Path(path).parent / EXAMPLES_FILE
    if disclosures.exists():  # optional: without it only the patterns run
        similar, found = load_examples(
            disclosures, {c.id: c for c in categories}, lambda text: read_words(text, vocabulary, spellings)
        )
        if found or similar is None:
            return None, found
        parts = replace(parts, similarity=(similar.tables, similar.settings))
    return parts, []


def _vocabulary(parts: Compiled) -> Vocabulary:
    settings = Settings(**parts.settings)
    return Vocabulary(
        parts.lexicon,
        settings.fuzzy_score,
        settings.fuzzy_min_letters,
        parts.ordinary_words,
        parts.titles,
        parts.head_words,
        _symbols(parts.spellings),
    )


def _spellings(spellings: dict[str, list[str]]) -> dict[str, tuple[str, ...]]:
    """Text-speak variant -> the words it stands for ("sum1" -> ("someone",))."""
    return {
        variant: tuple(fold(canonical).split())
        for canonical, variants in spellings.items()
        for variant in (fold(v) for v in variants if _PLAIN.fullmatch(v))
    }


def _symbols(spellings: dict[str, list[str]]) -> dict[str, str]:
    """Variants with characters other than lower-case letters and digits (an emoji, "SA'd"): as written."""
    return {
        v: fold(canonical)
        for canonical, variants in spellings.items()
        for v in variants
        if not _PLAIN.fullmatch(v)
    }
