"""A message written as a letter: the greeting it opens with and the sign-off it closes with.

"Dear Sir/Madam, … Could you tell me how the process works? Kind regards, David Morgan (Year 4 parent)": the
greeting, the thanks and the name say nothing about the question, but scored with it they pulled the ranking
towards sections that mention names, thanks and contact. On round 31's probe of 75 messages written as e-mails
or letters (blind48, part 1), top-1 was 0.833 and 0.300 answered right as written, 0.917 and 0.500 with the
greeting and sign-off taken off by hand. The words are data (language.yaml `letter_greetings` and
`letter_sign_offs`).

Taken off only where a letter puts them:
- a greeting at the very start, with at most three words after it ("Hi Mrs Patel", "Dear Sir/Madam") and
  then a comma, colon, full stop, exclamation mark or new line, before at least _AFTER_GREETING words: "Hi can
  you tell me…" keeps its words, and so does "Hey Sir, are you on Facebook?" (a pupil asking a teacher: "Sir"
  is the subject);
- a sign-off that starts a line or a sentence, is followed by punctuation, a new line or the end ("Thanks in
  advance,", "Kind regards"), and leaves no more than _SIGN_OFF_WORDS words and no question after it.
Nothing is taken off when fewer than _REST_WORDS words would be left. The safeguarding check always reads the
whole message (bot/core/dialogue.py): only the matching of a question leaves the framing out.
"""

from __future__ import annotations

import re

from bot.common.text import phrase_alternatives

_REST_WORDS = 3
_AFTER_GREETING = 8  # words left for a greeting to go: "Hey Sir, are you on Facebook?" is asked of "Sir"
_NAME_WORDS = 3  # words between a greeting and its punctuation: "Dear Mrs Patel-Jones,"
_SIGN_OFF_WORDS = 12  # the sign-off and what follows it: "Many thanks in advance, Sam (Year 4 parent)"
_THANKS_TAIL = (  # "Thanks in advance", "Thank you for your time"
    r"(?:\s+(?:in advance|so much|very much|again|all))?"
    r"(?:\s+for\s+(?:your|any|the)\s+(?:help|time|advice|assistance|reply|response|support))?"
)


class Framing:
    """Takes a letter's greeting and sign-off off a message before it is matched."""

    def __init__(self, greetings: list[str], sign_offs: list[str]) -> None:
        hello, bye = phrase_alternatives(greetings), phrase_alternatives(sign_offs)
        self.greeting = (
            re.compile(
                rf"^\s*(?:{hello})\b(?:[ \t]+[\w/.'’\-]+){{0,{_NAME_WORDS}}}?"
                r"[ \t]*(?:[,:!]+|\.(?=\s)|(?=\n))\s*",
                re.I,
            )
            if hello
            else None
        )
        self.sign_off = (
            re.compile(
                rf"(?:^|\n|(?<=[.!?])[ \t]+)[ \t]*(?:{bye}){_THANKS_TAIL}[ \t]*(?=[,.!:\-–—\n]|$)", re.I
            )
            if bye
            else None
        )

    def without(self, text: str) -> str:
        """The message without its greeting and sign-off, or as it was when it has neither (or too little
        would be left to match)."""
        rest = text
        found = self.greeting.match(rest) if self.greeting is not None else None
        if found is not None and len(rest[found.end() :].split()) >= _AFTER_GREETING:
            rest = rest[found.end() :]
        if self.sign_off is not None:
            for found in self.sign_off.finditer(rest):
                closing = rest[found.start() :]
                if "?" not in closing and len(closing.split()) <= _SIGN_OFF_WORDS:
                    rest = rest[: found.start()]
                    break
        rest = rest.strip()
        if rest == text.strip() or len(rest.split()) < _REST_WORDS:
            return text
        return rest
