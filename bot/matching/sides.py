"""Two sections that give the same rule from two sides: being close to one is no reason to ask which.

A parent friending staff and staff friending a parent quote the same rules; the parents' section on staff
online quotes the rules on parents and on pupils, so for a parent it also covers the pupils' and staff's
sections on pupils. Someone who has not said who they are is still asked which side they mean.
"""

from __future__ import annotations

from bot.knowledge.loading import Knowledge


def same_rule(knowledge: Knowledge, leader: str, other: str, role: str) -> bool:
    """Whether `other` gives the same rule as `leader` from another side, for a person asking as `role`.

    They quote the same rules, or the leader, written for the person asking, quotes every rule of the other.
    """
    ta, tb = knowledge.topics[leader], knowledge.topics[other]
    if (ta.policy, ta.section) != (tb.policy, tb.section):
        return False
    ra, rb = set(ta.rules), set(tb.rules)
    return ra == rb or (rb <= ra and role in ta.audience)
