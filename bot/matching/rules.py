"""Answers straight from the rules: score every rule of every policy against a question.

Used when no curated topic fits: a policy imported with no topics can still be asked about. Each rule is
scored on its own words plus, more lightly, its section heading and its policy's title, with the same
normalisation (synonyms, stop words, spelling) as the topic matcher.
"""

from __future__ import annotations

import math
from array import array
from collections import defaultdict
from dataclasses import dataclass

from bot.knowledge.loading import Knowledge
from bot.matching.normalise import Normaliser
from bot.matching.postings import Inverted

HEADING_WEIGHT = 0.6  # a word of the section heading counts this much of a word of the rule itself
TITLE_WEIGHT = 0.4  # ...and a word of the policy's title this much
MIN_CONFIDENCE = 0.3  # below this, no rule is quoted (the bot falls back and offers the office)
CURATED_MIN_CONFIDENCE = 0.8  # for a policy with curated topics: none of them fitted, so ask for more
CLASH_CONFIDENCE = 0.5  # an out-of-scope example a rule matches this well is probably covered now
SECOND_RULE = 0.85  # a second rule of the same section is quoted when it scores this share of the best
_MIN_SHARED = 2
_ONE_WORD = 0.5
_COVERAGE = 0.6  # confidence = this much of the question's weight the rule covers + the rest cosine


@dataclass(frozen=True)
class Quote:
    """The rules to quote for a question: one policy, one section, one to three rules in policy order."""

    policy: str
    section: str
    rules: list[str]
    confidence: float


@dataclass
class _RuleDoc:
    policy: str
    section: str
    index: int
    rule: str
    norm: float


class RuleIndex:
    """Every rule of every policy, indexed by its normalised words."""

    def __init__(self, knowledge: Knowledge) -> None:
        import numpy as np  # imported with the index, not with the module

        self._np = np
        self.knowledge = knowledge
        self.normaliser = Normaliser(knowledge.language)
        raw: list[tuple[str, str, int, str, dict[str, float]]] = []
        for policy in knowledge.policies.values():
            title = self.normaliser.tokens(policy.title, correct=False)
            for section in policy.sections:
                heading = self.normaliser.tokens(section.heading, correct=False)
                for index, rule in enumerate(section.rules):
                    share: dict[str, float] = {}
                    for tokens, weight in ((title, TITLE_WEIGHT), (heading, HEADING_WEIGHT)):
                        for token in tokens:
                            share[token] = max(share.get(token, 0.0), weight)
                    for token in self.normaliser.tokens(rule.text, correct=False):
                        share[token] = 1.0
                    raw.append((policy.id, section.id, index, rule.id, share))
        # Word rarity is measured over everything the knowledge says (rules, example questions, out-of-scope
        # examples), so that everyday school words ("time", "class") count for little even in a small policy.
        background = [set(share) for *_, share in raw] + [
            set(self.normaliser.tokens(text, correct=False)) for text in _example_texts(knowledge)
        ]
        df: dict[str, int] = defaultdict(int)
        for tokens in background:
            for token in tokens:
                df[token] += 1
        n = max(1, len(background))
        self.idf = {token: math.log(1 + n / count) for token, count in df.items()}
        self.unknown_idf = math.log(1 + n)
        self.docs: list[_RuleDoc] = []
        self.ids: dict[str, int] = {}
        word, rule, weight, part = array("i"), array("i"), array("d"), array("d")
        for policy_id, section_id, index, rule_id, share in raw:
            weights = {t: self.idf[t] * s for t, s in share.items()}
            norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
            word.extend(self.ids.setdefault(t, len(self.ids)) for t in weights)
            rule.extend([len(self.docs)] * len(weights))
            weight.extend(weights.values())
            part.extend(w / self.idf[t] for t, w in weights.items())
            self.docs.append(_RuleDoc(policy_id, section_id, index, rule_id, norm))
        word_ids, rules = np.frombuffer(word, dtype=np.int32), np.frombuffer(rule, dtype=np.int32)
        # word → rules with its weight in each, and with the part of its weight it has (title and heading
        # words count less)
        self._weights = Inverted(len(self.ids), word_ids, rules, np.frombuffer(weight, dtype=np.float64))
        self._parts = Inverted(len(self.ids), word_ids, rules, np.frombuffer(part, dtype=np.float64))
        self._norms = np.array([doc.norm for doc in self.docs], dtype=np.float64)
        self.normaliser.learn(set(self.idf) | set(self.normaliser.single))
        self.curated = {topic.policy for topic in knowledge.topics.values()}

    def scores(self, text: str, limit: int | None = None) -> list[tuple[float, int]]:
        """(confidence, rule position) for every rule sharing a word with the question (or the best
        `limit` of them), best first."""
        np = self._np
        words = set(self.normaliser.tokens(text))
        if not words:
            return []
        query = {w: self.idf.get(w, self.unknown_idf) for w in words}
        norm2 = sum(q * q for q in query.values())
        known = [w for w in query if w in self.ids]
        ids, size = [self.ids[w] for w in known], len(self.docs)
        dot = self._weights.total(ids, [query[w] for w in known], size, by_value=True)
        covered = self._parts.total(ids, [query[w] ** 2 for w in known], size, by_value=True)
        shared = self._weights.total(ids, [1.0] * len(known), size, by_value=False)
        found = np.flatnonzero(shared > 0)
        cosine = dot[found] / (math.sqrt(norm2) * self._norms[found])
        score = _COVERAGE * covered[found] / norm2 + (1 - _COVERAGE) * cosine
        # One shared word ("time") is thin evidence however short the question.
        score = np.where(shared[found] < _MIN_SHARED, score * _ONE_WORD, score)
        if limit is not None and len(found) > limit:
            keep = score >= np.partition(score, len(score) - limit)[len(score) - limit]
            found, score = found[keep], score[keep]
        order = np.lexsort((found, -score))[:limit]
        return list(zip(score[order].tolist(), found[order].tolist(), strict=True))

    def find(self, text: str, min_confidence: float = MIN_CONFIDENCE) -> Quote | None:
        """The best rule (with a close second from its section, and its lead-in) if it is good enough."""
        ranked = self.scores(text, limit=3)
        if not ranked:
            return None
        best_score, best = ranked[0]
        doc = self.docs[best]
        if best_score < max(min_confidence, CURATED_MIN_CONFIDENCE if doc.policy in self.curated else 0.0):
            return None
        chosen = {doc.index}
        for score, position in ranked[1:3]:
            other = self.docs[position]
            if (other.policy, other.section) == (
                doc.policy,
                doc.section,
            ) and score >= best_score * SECOND_RULE:
                chosen.add(other.index)
                break
        rules = self.knowledge.policies[doc.policy].section(doc.section).rules  # type: ignore[union-attr]
        # A list item ("Bring the school into disrepute;") makes sense only after the rule that introduces
        # the list ("...in a manner which may:"): quote that first.
        lead = doc.index - 1
        if not rules[doc.index].text.rstrip().endswith((".", ":", "?", "!")):
            while lead >= 0 and not rules[lead].text.rstrip().endswith(":"):
                lead = -1 if rules[lead].text.rstrip().endswith((".", "?", "!")) else lead - 1
            if lead >= 0:
                chosen.add(lead)
        ordered = [rules[i].id for i in sorted(chosen)][:3]
        return Quote(doc.policy, doc.section, ordered, round(min(1.0, best_score), 3))


def _example_texts(knowledge: Knowledge) -> list[str]:
    texts = [example for topic in knowledge.topics.values() for example in topic.examples]
    texts += [example for intent in knowledge.intents.values() for example in intent.examples]
    return texts + list(knowledge.out_of_scope)


def out_of_scope_answered(knowledge: Knowledge, index: RuleIndex | None = None) -> list[tuple[str, Quote]]:
    """Out-of-scope examples that a rule now answers (they were written before its policy was added)."""
    index = index or RuleIndex(knowledge)
    found = []
    for example in knowledge.out_of_scope:
        quote = index.find(example, CLASH_CONFIDENCE)
        if quote is not None and quote.policy not in index.curated:
            found.append((example, quote))
    return found
