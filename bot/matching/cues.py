"""Phrases that show what a message wants besides its topic: a person at the school, or who is writing.

A forward intent's `cues` ("make a complaint") point to a person only when the rest of the message agrees;
its `firm_cues` ("i want to report it") and `firm_requests` (patterns: "could someone from the school please
phone her mum") are said outright and decide alone, the phrases unless the message also asks a question of
its own. `role_cues` ("my son") show who is writing, and `asking_for` whom a question is for ("my mum wants
to…"). All are looked for in the message with its text-speak read as words (`Cues.plain`, from language.yaml's
`text_speak`: "pls can sum1 ring me" holds "can someone ring me"), read once per message by the matcher.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.common.text import fold
from bot.knowledge.loading import Knowledge
from bot.knowledge.requests import compile_request
from bot.matching.sentences import sentences

HOW_OPENERS = frozenset(
    {"what", "whats", "how", "when", "who", "which", "where", "should", "is", "are", "does", "do"}
)
"""A message opening with one of these asks about something ("how do I make a complaint?"); one opening
"can", "could" or "would" is as often a request ("can someone ring me about my complaint")."""

_AFTER_A_CONDITION = HOW_OPENERS | {"will", "am"}
"""The words that ask about something after an "if" clause: the how-openers, "will" and "am"."""

_FIRST_PERSON = re.compile(
    r"\b(?:i|im|ive|id|ill|me|my|mine|myself|we|were|weve|wed|us|our|ours|ourselves)\b"
)
_PLEASE = re.compile(r"\b(?:please|pls|plz)\b")

_ASKS_ME = re.compile(r"\b(?:do|can|could|should|shall|would|am) (?:i|we)\b")
_OTHERS = r"(?:they|the school|ofsted|the governors|governors|the head|the panel)"
"""Who else a message may ask about ("can ofsted overturn…", "does the head have to…")."""

_ASKS_ABOUT = re.compile(
    r"\b(?:(?:do|can|could|should|shall|am) (?:i|we)"
    r"(?! (?:speak|talk|see|meet|have|book|arrange|ring|call|phone)\b)"
    r"|how (?:long|soon|much|many)|what (?:happens|now|next)"
    r"|is (?:that|this|it) (?:normal|allowed|ok|okay|right|fair|legal|usual|true|acceptable)"
    r"|(?:are|r) (?:they|you|the school|staff|teachers|governors) (?:allowed|meant|supposed|able)"
    rf"|(?:do|does) {_OTHERS}"
    rf"|(?:can|could|will|would) {_OTHERS}"
    r"(?! (?:please |pls |plz |just )?"
    r"(?:speak|talk|see|meet|book|arrange|ring|call|phone|contact|email|text|send|give|let|tell|write"
    r"|get back|get in touch)\b)"
    r"|do (?:i|we) (?:have|need) to"
    r"|(?:can|could|may) (?:my|our) \w+ (?:come|attend|join|sit|be there)"
    r"|(?:where|who) (?:does|do|should|would) (?:it|that|this|my complaint|the complaint) go"
    r"|when (?:should|shld|will|would|do|can|might) (?:i|we) (?:hear|here|expect|get)"
    r"|(?:does|do) (?:it|that|half term|the holidays|holidays|weekends) count)\b"
)
"""Wording that asks about something without a question mark ("heads reply was rubbish. can i appeal", "if
i email my complaint how long till i hear back", "they need more time on my complaint is that allowed"),
unlike asking for a person ("can i speak to the head"). Round 40: also what others may do ("r they allowed to
do that", "can ofsted overturn…", "can they make me take it down"), what one must do ("do we have to put up
with it"), who may come along, where a complaint goes ("my complaint is about the head … where does it go"),
when to hear back and what counts ("do the holidays count"); not a request that they do something for the
writer ("can the head please ring me", "could the school let me know")."""


@dataclass(frozen=True)
class Cue:
    """The forward intent a message's wording points to, and whether it was said outright."""

    intent: str
    firm: bool


class Cues:
    """The knowledge's forward cues and role cues, folded once."""

    def __init__(self, knowledge: Knowledge) -> None:
        self.requests = [
            (compile_request(pattern), intent.id)
            for intent in knowledge.intents.values()
            if intent.action == "forward"
            for pattern in intent.firm_requests
        ]
        forward = [
            (fold(phrase), intent.id, firm)
            for intent in knowledge.intents.values()
            if intent.action == "forward"
            for firm, phrases in ((True, intent.firm_cues), (False, intent.cues))
            for phrase in phrases
        ]
        # Firm first, each kind in file order. Phrases are kept with a space either side, so that a phrase
        # found in the message spaced the same way is whole words: every message is checked against all of
        # them (a few hundred), so the message is spaced once rather than once a phrase.
        self.forward = [
            (f" {phrase} ", intent, firm)
            for phrase, intent, firm in sorted(forward, key=lambda cue: not cue[2])
            if phrase
        ]
        self.roles = [
            (f" {phrase} ", role)
            for role, phrases in knowledge.language.role_cues.items()
            for phrase in (fold(typed) for typed in phrases)
            if phrase
        ]
        self.asking_for = [
            (compile_request(pattern), role)
            for role, patterns in knowledge.language.asking_for.items()
            for pattern in patterns
        ]
        self.words = {
            fold(typed): fold(word)
            for word, typed_as in knowledge.language.text_speak.items()
            for typed in typed_as
        }

    def plain(self, folded: str) -> str:
        """The folded message with its text-speak read as words: "cn sum1 ring me" → "can someone ring me"."""
        if not self.words:
            return folded
        return " ".join(self.words.get(word, word) for word in folded.split())

    def forward_cue(self, plain: str) -> Cue | None:
        """The first cue the message (as `plain` reads it) contains: a request first, which is always firm (a
        question of the writer's own beside it does not take it back: "how do I do that? could someone email
        me"); then a phrase, a firm one counting as firm only when the message does not also ask a question of
        its own ("i want to complain about the head, who do i write to?")."""
        spaced = f" {plain} "
        for pattern, intent in self.requests:
            if pattern.search(spaced):
                return Cue(intent, True)
        for phrase, intent, firm in self.forward:
            if phrase in spaced:
                return Cue(intent, firm and _ASKS_ME.search(plain) is None)
        return None

    def role(self, plain: str) -> str:
        """The role the wording (the message as `plain` reads it) points to ("my son" → parent), or "any" when
        it points to none or several."""
        spaced = f" {plain} "
        roles = {role for phrase, role in self.roles if phrase in spaced}
        return roles.pop() if len(roles) == 1 else "any"

    def asked_for(self, plain: str) -> str | None:
        """The role of the person a message asks for ("my mum wants to follow miss…" → parent; "my sister is a
        lunchtime supervisor…" → staff), when it names one role (language.yaml `asking_for`). Not when the
        writer asks about themselves ("my neighbour is a TA … do I need to unfriend her?")."""
        if not self.asking_for or _ASKS_ME.search(plain):
            return None
        spaced = f" {plain} "
        roles = {role for pattern, role in self.asking_for if pattern.search(spaced)}
        return roles.pop() if len(roles) == 1 else None


def asks_how(folded: str) -> bool:
    """Whether the message opens by asking how something works (HOW_OPENERS)."""
    words = folded.split(maxsplit=1)
    return bool(words) and words[0] in HOW_OPENERS


def asks_how_in_a_sentence(text: str) -> bool:
    """Whether any sentence of the message opens by asking how something works: "I want to complain about
    one of the governors. Who deals with that?" (round 12: six complaints questions of the written
    development sets answered with their section instead of only offered it, none answered wrongly), or
    asks it after a condition ("If I do make a formal complaint, will someone investigate it?")."""
    return any(asks_how(fold(sentence)) or asks_after_a_condition(sentence) for sentence in sentences(text))


def asks_after_a_condition(sentence: str) -> bool:
    """Whether a sentence opening with "if" asks about something once its condition is said: "If I'm unhappy
    with something the school does, am I even allowed to make a complaint?" ("will" and "am" as well as the
    how-openers; not "can" or "could", which as often ask for something: "if you can, could someone ring
    me")."""
    condition, comma, rest = sentence.partition(",")
    if not comma or fold(condition).split(maxsplit=1)[:1] != ["if"]:
        return False
    opener = fold(rest).split(maxsplit=1)[:1]
    return bool(opener) and opener[0] in _AFTER_A_CONDITION


def asks_something(text: str, folded: str) -> bool:
    """Whether the message asks a question: a question mark anywhere, asking wording (_ASKS_ABOUT), or a
    sentence opening with a how-opener (people on phones often leave the mark off: "who do i complain to").
    Cheapest first: every message is asked this, and splitting it into sentences costs the most."""
    return "?" in text or _ASKS_ABOUT.search(folded) is not None or asks_how_in_a_sentence(text)


def reads_as_a_subject(folded: str) -> bool:
    """Whether a message names a subject without anyone asking for anything: no first person and no
    "please" ("Complain to the governors", "Making a complaint about a school", a search or a page
    heading). Forwarded for its wording, it still wants to know how: round 10 measured 9 such messages on
    the development sets, 8 of them with their section among the options; 4 that wanted a person ("could
    you send this on to the headteacher") also get options beside the button."""
    return not _FIRST_PERSON.search(folded) and not _PLEASE.search(folded)
