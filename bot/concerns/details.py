"""Whether an answer to a details step (class, name, contact) is just that detail, or a real sentence.

A class ("Year 2, Mrs Hickman's class"), a name ("Dick Turner"), an address with its postcode or an e-mail
address is not free text: screening it for safeguarding only produced false alarms, which interrupted
the concern and (with the numbered choices) once sent an alert whose text was an e-mail address. Anything
more than such a detail — a sentence with ordinary words in it — is still screened like any message.

The rule: take out e-mail addresses (also spelt out: "dave.p at btinternet dot com"), web addresses, phone
numbers, postcodes and other numbers; what is left must be at most `MAX_WORDS` words, each either written
with a capital letter (as names and places are: "Mrs", "Hickman's", "Ashbourne") or one of the school's
detail words (`concern_detail_words` in knowledge/messages/concerns.yaml: "year", "class", "reception",
"road", "email", "call", "me"…). A word in capitals throughout ("HELP", "DAD") counts as an ordinary word,
so shouted sentences are screened.
"""

from __future__ import annotations

import re

MAX_WORDS = 8

_EMAIL = re.compile(r"\S+@\S+")
# an address spelt out in words, as people type it on a phone: "sam at gmail dot co dot uk"
_SPOKEN_EMAIL = re.compile(r"\S+\s+at\s+\S+(?:\s+dot\s+[^\W\d_]+)+", re.IGNORECASE)
_URL = re.compile(r"(?:https?://|www\.)\S+|\b\S+\.(?:com|org|net|uk|co|io)\b\S*", re.IGNORECASE)
_PHONE = re.compile(r"\+?\(?\d[\d\s()\-.]{6,}\d")
_POSTCODE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b", re.IGNORECASE)
_NUMBER = re.compile(r"\b\w*\d\w*\b")  # 12, 2nd, Y2, 5pm, flat 3a
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


def is_plain_detail(text: str, detail_words: frozenset[str]) -> bool:
    """Whether `text` is only a class, name, address or contact detail (see the module docstring)."""
    rest = text
    for pattern in (_EMAIL, _SPOKEN_EMAIL, _URL, _PHONE, _POSTCODE, _NUMBER):
        rest = pattern.sub(" ", rest)
    found = _WORD.findall(rest)
    if len(found) > MAX_WORDS:
        return False
    return all(_name_like(word) or word.lower() in detail_words for word in found)


def _name_like(word: str) -> bool:
    letters = word.replace("'", "").replace("’", "")
    return letters[:1].isupper() and not (len(letters) > 1 and letters.isupper())


def word_list(rendered: str) -> frozenset[str]:
    """A comma-separated word list from a message in knowledge/messages, lower-cased."""
    return frozenset(w.strip().lower() for w in rendered.replace("\n", ",").split(",") if w.strip())
