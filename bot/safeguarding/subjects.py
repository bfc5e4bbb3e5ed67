"""Whom a concern is about when the message names a member of staff before it: the subject of the concern's
sentence, or someone a "he" or "she" carries on from an earlier mention."""

from __future__ import annotations

from bot.safeguarding.scanning import Message

SUBJECT_WORDS = 2
"""A mention this close to the start of a sentence ("the minibus driver", "our head") is its subject."""
CARRY_WORDS = 24
"""A "he" or "she" carries a mention this far on, into the same sentence or the next (`carried`)."""
_CARRIERS = frozenset({"he", "she", "hes", "shes", "hed", "shed"})
_ONE_OF = ("one", "of")
"""A subject picked out of a group ("one of the lunchtime supervisors", "one of our TAs") opens later."""


def opens_sentence(mention: int, start: int, msg: Message) -> bool:
    """Whether a mention is the subject of the sentence that `start` is in (its first few words)."""
    if mention >= start or any(mention < b <= start for b in msg.starts):
        return False
    opening = max(b for b in msg.starts if b <= mention)
    if tuple(msg.words[opening : opening + 2]) == _ONE_OF:  # round 25 (the AN probe)
        opening += 2
    return mention - opening <= SUBJECT_WORDS


def carried(mention_end: int, span: tuple[int, int], msg: Message) -> bool:
    """Whether a "he" or "she" carries a mention on to a concern: later in its sentence ("the dinner lady
    told my son … she'd tape his mouth shut"), or opening the next ("I'm worried about Mr Ellis. He's been
    seen…", "…, and she squeezed his cheeks"). Round 16: four labelled routes moved to the headteacher they
    are labelled with; one moved away from its label (a boy's football coach, which the sets label both ways).
    """
    start, end = span
    if not mention_end <= start <= mention_end + CARRY_WORDS:
        return False
    between = [b for b in msg.starts if mention_end <= b <= start]
    if not between:
        return any(word in _CARRIERS for word in msg.words[mention_end:end])
    opening = msg.words[between[0] : between[0] + SUBJECT_WORDS]
    return len(between) == 1 and any(word in _CARRIERS for word in opening)
