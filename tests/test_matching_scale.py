"""Matching at scale: the lexical scores are the plain formula, skipping classes by their bounds never
changes what a person is shown (on the bundled knowledge and on one five times its size), and the semantic
shortlist of a knowledge base ten times the bundled one keeps the topic comparing everything would pick."""

from __future__ import annotations

import math
import random

import pytest

from bot.bench.engine_bench import synthetic_knowledge
from bot.cli.evaluate import load_question_set
from bot.config import PROJECT_ROOT, Config
from bot.core.engine import Engine
from bot.knowledge.loading import load_knowledge
from bot.matching import semantic
from bot.matching.matcher import Matcher
from bot.matching.postings import EXAMPLE_WEIGHT, Postings
from bot.matching.rules import RuleIndex
from bot.matching.sentences import question_parts

QUESTION_SETS = [
    "tests/questions.yaml",
    "tests/blind/blind1.yaml",
    "tests/blind/blind2.yaml",
    "tests/real/real_dev.yaml",
    "tests/complaints_questions.yaml",
]


@pytest.fixture(scope="module")
def questions() -> list[tuple[str, str]]:
    """Every question of the bundled labelled sets, with the role it is asked in."""
    return [
        (q.text, q.role) for name in QUESTION_SETS for q in load_question_set(PROJECT_ROOT / name).questions
    ]


@pytest.fixture(scope="module", params=[1, 5], ids=["bundled", "5x"])
def matcher(
    request: pytest.FixtureRequest, config: Config, tmp_path_factory: pytest.TempPathFactory
) -> Matcher:
    """A words-only matcher on the bundled knowledge, and on it with four times as many synthetic topics."""
    folder = tmp_path_factory.mktemp("scale") / "knowledge"
    knowledge = load_knowledge(synthetic_knowledge(config.knowledge_path(), request.param, folder))
    return Matcher(knowledge, config.matching)


def _plain_scores(
    examples: list[tuple[str, list[str]]], idf: dict[str, float], query: dict[str, float]
) -> dict:
    """The lexical score of every class sharing a word with the query, one class at a time."""
    norm = math.sqrt(sum(q * q for q in query.values()))
    best: dict[str, float] = {}
    words: dict[str, set[str]] = {}
    for key, tokens in examples:
        weights = {t: idf[t] for t in set(tokens)}
        length = math.sqrt(sum(w * w for w in weights.values()))
        dot = sum(query[t] * w for t, w in weights.items() if t in query)
        best[key] = max(best.get(key, 0.0), dot / length)
        words.setdefault(key, set()).update(tokens)
    return {
        key: EXAMPLE_WEIGHT * best[key] / norm
        + (1 - EXAMPLE_WEIGHT) * sum(query[t] ** 2 for t in words[key] & query.keys()) / norm**2
        for key in best
        if words[key] & query.keys()
    }


def test_class_scores_and_bounds_match_the_plain_formula_one_class_at_a_time() -> None:
    rng = random.Random(3)
    vocabulary = [f"w{i}" for i in range(60)]
    idf = {w: rng.uniform(0.5, 6.0) for w in vocabulary}
    examples = [
        (f"c{rng.randrange(40)}", rng.sample(vocabulary, rng.randint(1, 8)) * rng.randint(1, 2))
        for _ in range(300)
    ]
    postings = Postings(examples, idf, topics={f"c{i}" for i in range(35)})
    for _ in range(200):
        query = {w: idf[w] for w in rng.sample(vocabulary, rng.randint(1, 6))}
        norm2 = sum(q * q for q in query.values())
        topics, others = postings.candidates(query, norm2, common=(), floor=-math.inf)
        found = {key: (loose, tight, score) for key, loose, tight, score in [*topics, *others]}
        expected = _plain_scores(examples, idf, query)
        assert found.keys() == expected.keys()
        for key, (loose, tight, score) in found.items():
            assert score == pytest.approx(expected[key], rel=1e-12)
            assert loose >= score - 1e-12 and tight >= score - 1e-12  # bounds never undercut the score


def _all_scores(matcher: Matcher, words: list[str]) -> dict[str, float]:
    """Every class sharing a word with the question, scored, with nothing skipped."""
    query = {w: matcher.idf.get(w, matcher.unknown_idf) for w in set(words)}
    norm2 = sum(q * q for q in query.values())
    topics, others = matcher.postings.candidates(query, norm2, common=(), floor=-math.inf)
    return {key: score for key, _, _, score in [*topics, *others]}


def test_skipping_classes_by_their_bounds_never_changes_the_topics_shown(
    matcher: Matcher, questions: list[tuple[str, str]]
) -> None:
    shown = matcher.config.max_options + 1  # the best topic, and the alternatives a reply lists
    checked = 0
    for text, role in questions:
        for part in [text, *question_parts(text)]:
            words = matcher.normaliser.tokens(part)
            if not words:
                continue
            pruned, full = matcher._scores(words), _all_scores(matcher, words)
            assert all(full[key] == pytest.approx(score, abs=1e-12) for key, score in pruned.items()), part
            kept, everything = matcher._rank(pruned, role)[:shown], matcher._rank(full, role)[:shown]
            assert [s.key for s in kept] == [s.key for s in everything], part
            # Intents and the out-of-scope examples (what decides forward and fallback) are never skipped.
            assert {k for k, v in full.items() if k not in matcher.audience and v >= 0.1} == {
                k for k, v in pruned.items() if k not in matcher.audience and v >= 0.1
            }, part
            checked += 1
    assert checked > len(questions)  # the question sentences of long messages were checked too


def test_the_best_rules_are_the_first_of_all_rules_ranked(config: Config, questions: list) -> None:
    index = RuleIndex(load_knowledge(config.knowledge_path()))
    for text, _ in questions:
        assert index.scores(text, limit=3) == index.scores(text)[:3], text


def test_a_question_sharing_no_word_with_the_knowledge_reaches_no_class() -> None:
    postings = Postings([("c", ["photo", "post"])], {"photo": 1.0, "post": 2.0}, topics={"c"})
    topics, others = postings.candidates({"dinner": 3.0}, 9.0, common=(), floor=0.1)
    assert (list(topics), others) == ([], [])


def test_beyond_the_exact_limit_the_shortlist_keeps_the_topic_comparing_everything_ranks_first(
    config: Config,
    questions: list[tuple[str, str]],
    tmp_path_factory: pytest.TempPathFactory,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    folder = tmp_path_factory.mktemp("ten") / "knowledge"
    knowledge = load_knowledge(synthetic_knowledge(config.knowledge_path(), 10, folder))
    examples = sum(len(t.examples) + 1 for t in knowledge.topics.values())
    assert examples > semantic._EXACT_LIMIT  # so classes are shortlisted before their examples are compared
    embedder = semantic.load_embedder()
    shortlisted = Matcher(knowledge, config.matching, embedder)
    monkeypatch.setattr(semantic, "_EXACT_LIMIT", examples * 2)
    everything = Matcher(knowledge, config.matching, embedder)
    for text, role in questions:
        full = everything.match(text, role)
        if full.best is not None and full.best.confidence >= config.matching.answer_threshold:
            short = shortlisted.match(text, role).best
            assert short is not None and short.key == full.best.key, text


def test_meaning_scores_below_the_floor_are_left_out_and_no_other_changes(
    engine: Engine, questions: list[tuple[str, str]]
) -> None:
    index = engine.matcher.semantic
    assert index is not None
    always = {"__out_of_scope__", *engine.matcher.forward_intents}
    for text, _ in questions[::7]:
        texts = [text, *question_parts(text)]
        named = [{"parents_photos"} for _ in texts]
        full = index.similarities(texts)
        kept = index.similarities(texts, scored=named, floor=0.1)
        for everything, some in zip(full, kept, strict=True):
            if not everything:
                assert some == {}
                continue
            wanted = {k for k, v in everything.items() if v >= 0.1} | always | {"parents_photos"}
            assert some == {k: everything[k] for k in wanted}, text
