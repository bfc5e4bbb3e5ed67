"""Parts of a message that are never read for a disclosure: contact details and people's names.

A parent answering "which class?" or "how can we contact you?" writes e-mail addresses, web links, phone
numbers, postcodes, dates and names ("Mrs Hickman", "Dick Turner"). Read as words, those look like
misspelt or rare disclosure words ("com", "Hardcastle", "Slaughter"). scanning.py skips the spans found
here before it reads the words; the person's title stays, so "Mr Cox grabbed him" is still about staff.
"""

from __future__ import annotations

import re

_ONLINE = re.compile(
    r"""
    [\w.+-]+@[\w-]+(?:\.[\w-]+)+                                 # e-mail address
    | (?:https?://|www\.)\S+                                     # web link
    | \b[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|uk|gov|edu|io)\b(?:/\S*)?   # bare domain
    | @\w+                                                       # account handle
    """,
    re.VERBOSE,
)
_ONLINE_HINT = re.compile(r"[@/]|\.\w")
_NUMBERED = re.compile(
    r"""
    (?:\+44\s?|\b0)\d{2,4}[\s-]?\d{3,4}[\s-]?\d{3,4}\b            # UK phone number
    | \b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b                       # UK postcode (as typed: capitals)
    | \b[a-z]{1,2}\d[a-z\d]?\s+\d[a-z]{2}\b                       # a postcode typed in lower case
    | \b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b                         # a date
    | \b\d{1,2}[.:]\d{2}\s*(?i:am|pm)?                             # a time
    | \b(?i:flat|apartment|unit)\s+\d+[a-zA-Z]?\b                 # a flat number
    | \b\d{1,4}[a-zA-Z]?,?\s+(?:[A-Z][\w'-]*\s+){1,3}              # a street: a number, a Name and a type
      (?i:road|rd|street|st|lane|ln|avenue|ave|close|drive|way|court|crescent|place|gardens|grove
      |terrace|hill|park|row|walk|square|mews|view|rise|green)\b
    | \b\d{1,4}[a-z]?,?\s+(?:[a-z'-]+\s+){1,2}                      # in lower case, the clear types only
      (?:road|rd|street|lane|avenue|ave|drive|crescent|gardens|grove|terrace|mews)\b
    """,
    re.VERBOSE,
)
# a phone number dictated ("oh seven seven double two four five…"): seven or more number words in a row
_SPOKEN_NUMBER = re.compile(
    r"\b(?:(?:oh|zero|one|two|three|four|five|six|seven|eight|nine|double|triple)\b[\s,.-]*){7,}",
    re.IGNORECASE,
)
_SPOKEN_HINT = re.compile(r"\b(?:double|triple|oh)\b|\b(?:seven|nine|eight)\b", re.IGNORECASE)
# a name given as a form's answer ("Surname is Batter, first name Jacob", "child's name: Ruby Stabb")
_NOT_A_NAME = r"(?!(?:Year|Yr|Class|Reception|Nursery|Mr|Mrs|Ms|Miss|Mx|Dr|Sir)\b)"
_NAME = r"(?:[A-Z][\w'-]*)"  # a name as typed: a capital, then letters, digits, apostrophes and hyphens
_NAME_SAID = re.compile(
    r"\b(?i:(?:sur|first|last|family|middle|full|child'?s|his|her|my)\s*name|surname)s?\s*(?i:is|:|-|=)?\s+"
    rf"((?:{_NOT_A_NAME}{_NAME},?\s*){{1,2}})"
)
_NAME_HINT = re.compile(r"name", re.IGNORECASE)
_DIGIT = re.compile(r"\d")
_LETTERS = re.compile(r"[^\W\d_]")


def without_contacts(text: str) -> str:
    """The text with e-mail addresses, links, handles, phone numbers (typed or dictated), postcodes, dates and
    names given as a form's answer ("surname is …") blanked."""
    # Two passes, each only when the text could hold what it looks for: this runs on every message.
    if _ONLINE_HINT.search(text):
        text = _ONLINE.sub(" ", text)
    if _DIGIT.search(text):
        text = _NUMBERED.sub(" ", text)
    if _SPOKEN_HINT.search(text):
        text = _SPOKEN_NUMBER.sub(" ", text)
    if _NAME_HINT.search(text):
        text = _NAME_SAID.sub(lambda m: m[0][: m.start(1) - m.start(0)] + " ", text)
    return text


def capitalised(chunk: str) -> bool:
    """Whether a word as typed starts with a capital letter ("Hickman's", "(Pauline")."""
    first = _LETTERS.search(chunk)
    return bool(first and first.group().isupper())


# who the writer is, then a name: "I'm his mum, Lisa Bullock", "Dad - Craig Hurt", "Ava's nan: Jean Savage"
_WHO_THEN_NAME = re.compile(
    r"""^\s*(?:(?:i'?m|i\s+am|it'?s|this\s+is)\s+)?(?:(?:his|her|their|the|[a-z]+'s)\s+)?
    (?:mum|mam|mom|mummy|mother|dad|daddy|father|nan|nana|nanny|gran|granny|grandma|grandad|grandpa|step-?dad
    |step-?mum|aunt|auntie|aunty|uncle|carer|foster\s+carer|childminder|guardian|sister|brother)
    \s*[,:(-]\s*""",
    re.IGNORECASE | re.VERBOSE,
)


def after_who(text: str) -> str:
    """The text after the writer says who they are ("I'm his mum, Lisa Bullock": "Lisa Bullock"), else all.

    An answer to "your name?" often starts so; `name_like` then reads the rest. Needs the comma, colon or
    dash, so "his mum hits him" stays a sentence."""
    found = _WHO_THEN_NAME.match(text)
    return text[found.end() :] if found else text


# a child's age given as a whole answer ("she's 7, 8 in march", "he is 9", "6 years old", "9 next week"): the
# next birthday may follow, named by a month, a day or a season only, so "she's 9 on her own" is still read
_WHEN = r"""(?:jan\w*|feb\w*|mar\w*|apr\w*|may|jun\w*|jul\w*|aug\w*|sep\w*|oct\w*|nov\w*|dec\w*
    |mon\w*|tue\w*|wed\w*|thu\w*|fri\w*|sat\w*|sun\w*|week|month|year|birthday|spring|summer|autumn|winter)"""
_AGE_ANSWER = re.compile(
    rf"""^\s*(?:(?:he'?s|she'?s|they'?re|(?:he|she)\s+is|they\s+are)\s+)?(?:only\s+|just\s+)?
    \d{{1,2}}(?:\s*(?:years?|yrs?)(?:\s+old)?)?
    (?:\s*(?:,|and|&)?\s*(?:\d{{1,2}}\s+)?(?:in|on|next|this)\s+(?:the\s+)?{_WHEN})?\s*[.!]?\s*$""",
    re.IGNORECASE | re.VERBOSE,
)


# a name given with the name the child goes by ("Its Alfie-Jay but everyone calls him AJ", "Her name's Sophia,
# she goes by Sophie"): every name capitalised as typed, so "it's Dad but everyone calls him names" is read
_NICKNAME_ANSWER = re.compile(
    rf"""^\s*(?i:(?:it'?s|it\s+is|(?:his|her|their)\s+name(?:'?s|\s+is)|(?:he|she)'?s|(?:he|she)\s+is)\s+)?
    {_NOT_A_NAME}{_NAME}(?:\s+{_NAME}){{0,2}}\s*,?\s*(?i:(?:but\s+)?
    (?:(?:every(?:one|body)|we(?:\s+all)?|they|people|(?:his|her|their)\s+friends|the\s+family)\s+(?:calls?|know)
    \s+(?:him|her|them)(?:\s+as)?|(?:he|she|they)\s+goe?s\s+by))\s+{_NAME}(?:\s+{_NAME})?\s*[.!]?\s*$""",
    re.VERBOSE,
)


def nickname_answer(text: str) -> bool:
    """Whether a whole message is a child's name and the name they go by, given as an answer ("Its Alfie-Jay
    but everyone calls him AJ"): like a name alone, with no sentence to read the meaning of."""
    return bool(_NICKNAME_ANSWER.match(text))


def age_answer(text: str) -> bool:
    """Whether a whole message is a child's age given as an answer ("she's 7, 8 in march", "he's 9"): like a
    name, an answer to a question, with no sentence to read the meaning of."""
    return bool(_AGE_ANSWER.match(text))


# lower-case words that join names in an answer ("Blaze and Rebel Burns, twins, Reception")
_JOINERS = frozenset(["and", "twins", "twin", "both"])


def name_like(chunks: list[str], most: int) -> bool:
    """Whether a whole message reads as a name ("Dick Turner", "Karen Beaton"): a few words, all capitalised
    but for words that join names (_JOINERS).

    Disclosures are sentences; a short message of capitalised words only is an answer to "your name?".
    """
    if len(chunks) > 2 * most:  # long messages are never only a name (and this runs on every message)
        return False
    wordy = [c for c in chunks if _LETTERS.search(c)]
    if not any(ch.islower() for c in wordy for ch in c):  # "SIR HIT ME": capitals say nothing about names
        return False
    named = [c for c in wordy if c.strip(",.;:()").lower() not in _JOINERS]
    return 0 < len(named) <= most and all(capitalised(c) for c in named)


NAME_WORDS = 4
"""A message of at most this many capitalised words is read as a name ("Dick Turner"): no misspellings."""


def an_answer(prepared: str) -> bool:
    """Whether a whole message is an answer to a question, with no sentence to read the meaning of: a name
    ("Grace Burns, Year 3 Robins", "I'm his mum, Lisa Bullock"), a name and the name the child goes by, or a
    child's age."""
    return (
        name_like(after_who(prepared).split(), NAME_WORDS)
        or age_answer(prepared)
        or nickname_answer(prepared)
    )
