"""Decisions a careful person would make: complaints and staff conduct are passed on, with the route."""

from __future__ import annotations

import pytest

from bot.core.engine import Engine


@pytest.mark.parametrize(
    "text",
    [
        "the teacher shouted at my son and made him cry",
        "my daughter says her teacher picks on her every day",
        "I'm not happy with the way the class teacher speaks to my child",
    ],
)
def test_a_member_of_staffs_conduct_toward_a_child_is_offered_to_the_office(
    engine_both_ways: Engine, text: str
) -> None:
    reply = engine_both_ways.ask(text, "parent")
    assert reply.action == "forward", (reply.action, reply.topic)
    assert reply.offer_forward


@pytest.mark.parametrize(
    "text",
    [
        "What can I do if I'm not satisfied with how my complaint was handled?",
        "the head has ignored my complaint for a month, who's next?",
    ],
)
def test_unhappy_with_a_complaint_gets_the_complaint_route_and_an_offer_to_forward(
    engine_both_ways: Engine, text: str
) -> None:
    reply = engine_both_ways.ask(text, "parent")
    if reply.action == "answer":  # the Complaints Procedure's next stage, with the forward button
        assert reply.policy == "Complaints Procedure", (reply.action, reply.topic)
        assert "governors" in reply.text and "fwd" in [o.payload for o in reply.options]
        return
    assert reply.action == "forward", (reply.action, reply.topic)
    assert "governors" in reply.text
    assert reply.offer_forward
