"""The dialogue core, driven as any channel drives it, with a real SQLite store."""

from __future__ import annotations

import io
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from bot.channels.console import ConsoleChat
from bot.config import Config
from bot.core.dialogue import Dialogue
from bot.core.replies import Reply, UserContext
from bot.store.sqlite import SqliteStore
from bot.wiring import build_dialogue

PARENT = UserContext("console:parent", role="parent", channel="console")
STAFF = UserContext("console:staff", role="staff", channel="console")


@pytest.fixture
def store(tmp_path: Path):  # type: ignore[no-untyped-def]
    store = SqliteStore(tmp_path / "bot.sqlite3")
    yield store
    store.close()


@pytest.fixture
def dialogue(config: Config, store: SqliteStore) -> Iterator[Dialogue]:
    built = build_dialogue(config, store)
    yield built
    built.on_outcome.flush()  # type: ignore[union-attr]  # before the store fixture closes the store


def test_parent_photo_question_cites_parents_section(dialogue: Dialogue) -> None:
    (reply,) = dialogue.handle(PARENT, "can i put pics of the xmas play on fb")
    assert reply.action == "answer"
    assert reply.topic == "parents_photos"
    assert reply.section == "Comments posted by parents/carers on social media sites"
    assert reply.text.rstrip().endswith("“Comments posted by parents/carers on social media sites”")
    assert any(o.payload == "fwd" for o in reply.options)


def test_friend_request_means_different_topics_for_staff_and_parents(dialogue: Dialogue) -> None:
    (staff,) = dialogue.handle(STAFF, "a mum sent me a friend request on facebook, can i accept?")
    assert staff.topic == "staff_friending_parents"
    (parent,) = dialogue.handle(PARENT, "can i send my sons teacher a friend request on facebook?")
    assert parent.topic == "parent_friending_staff"


def test_role_button_is_remembered_for_later_questions(dialogue: Dialogue, store: SqliteStore) -> None:
    anyone = UserContext("console:new")
    start = dialogue.command(anyone, "start")[0]
    assert [o.payload for o in start.options] == ["r:parent", "r:staff", "r:pupil"]
    dialogue.choose(anyone, "r:staff")
    assert store.get_role("console:new") == "staff"
    (reply,) = dialogue.handle(anyone, "a parent added me on insta")
    assert reply.topic == "staff_friending_parents"


def test_tapping_a_clarify_option_answers_that_topic(dialogue: Dialogue) -> None:
    (reply,) = dialogue.choose(PARENT, "t:parents_malicious_comments")
    assert reply.action == "answer" and reply.topic == "parents_malicious_comments"


def test_stale_or_forged_payloads_get_a_polite_reply(dialogue: Dialogue) -> None:
    for payload in ("t:no_such_topic", "zz", "", "s:nowhere", "fb:x:9", "sg:named", "c:send"):
        replies = dialogue.choose(PARENT, payload)
        assert replies and all(r.text for r in replies), payload


def test_topics_browsing_lists_policies_then_sections_then_their_topics(dialogue: Dialogue) -> None:
    (policies,) = dialogue.command(PARENT, "topics")
    assert [o.payload for o in policies.options] == ["p:complaints", "p:social-media"]
    assert [o.label for o in policies.options] == ["Complaints Procedure", "Social Media Policy"]
    (sections,) = dialogue.choose(PARENT, "p:social-media")
    assert len(sections.options) == 6 and "Social Media Policy" in sections.text
    payload = next(o.payload for o in sections.options if o.label.startswith("Comments posted by parents"))
    (topics,) = dialogue.choose(PARENT, payload)
    assert "t:parents_photos" in [o.payload for o in topics.options]
    (stages,) = dialogue.choose(PARENT, "s:complaints.stage_two")
    assert "Stage 2: the governors' complaints panel" in stages.text
    assert "t:complaints_stage_two" in [o.payload for o in stages.options]


def pick(replies: list[Reply], choice: str) -> str:
    """The offered payload for `choice`, with the menu token the bot added."""
    return next(o.payload for r in reversed(replies) for o in r.options if o.payload.startswith(choice + ":"))


def test_complaint_request_offers_the_concern_flow_and_send_stores_it_once(
    dialogue: Dialogue, store: SqliteStore
) -> None:
    replies = dialogue.handle(PARENT, "I want to make a complaint about the after school club")
    assert [r.action for r in replies] == ["forward"]
    assert [o.payload for o in replies[0].options] == ["fwd"]
    dialogue.choose(PARENT, "fwd")
    replies = dialogue.handle(PARENT, "the after school club was cancelled and nobody told us")
    replies = dialogue.choose(PARENT, pick(replies, "c:done"))
    for _ in range(3):  # class, name, contact
        replies = dialogue.choose(PARENT, pick(replies, "c:skip"))
    first = dialogue.choose(PARENT, pick(replies, "c:send"))
    second = dialogue.choose(PARENT, pick(replies, "c:send"))
    assert "MM-" in first[-1].text
    concerns = store.list_concerns()
    assert len(concerns) == 1
    assert "after school club" in concerns[0].text and "cancelled" in concerns[0].text
    assert second and "already been sent" in second[-1].text


def test_the_role_a_person_chose_decides_whether_staff_contacting_me_is_an_alarm(dialogue: Dialogue) -> None:
    text = "one of the TAs added me on insta, is she allowed to do that"
    (parent,) = dialogue.handle(PARENT, text)
    assert parent.action in ("answer", "clarify"), parent
    (unknown,) = dialogue.handle(UserContext("console:someone", channel="console"), text)
    assert unknown.action == "safeguarding"


def test_disclosure_is_escalated_before_anything_else_even_mid_concern(
    dialogue: Dialogue, store: SqliteStore
) -> None:
    dialogue.command(PARENT, "concern")
    replies = dialogue.handle(
        PARENT, "my daughter told me her step dad touches her and she is scared to go home"
    )
    (reply,) = replies
    assert reply.action == "safeguarding"
    assert "999" in reply.text
    assert {o.payload.rsplit(":", 1)[0] for o in reply.options} >= {"sg:named", "sg:anon", "sg:no"}
    sent = dialogue.choose(PARENT, pick(replies, "sg:anon"))
    assert sent[0].action == "safeguarding" and sent[-1].action == "concern"
    alerts = [c for c in store.list_concerns() if c.kind == "safeguarding"]
    assert len(alerts) == 1 and alerts[0].priority == "high"
    assert alerts[0].anonymous


def test_forget_erases_role_after_confirmation(dialogue: Dialogue, store: SqliteStore) -> None:
    dialogue.choose(PARENT, "r:parent")
    (confirm,) = dialogue.command(PARENT, "forget")
    assert [o.payload.split(":")[:2] for o in confirm.options] == [["forget", "yes"], ["forget", "no"]]
    assert store.get_role(PARENT.user_id) == "parent"
    dialogue.choose(PARENT, pick([confirm], "forget:yes"))
    assert store.get_role(PARENT.user_id) is None


def test_an_old_forget_confirmation_does_not_erase(dialogue: Dialogue, store: SqliteStore) -> None:
    dialogue.choose(PARENT, "r:parent")
    (confirm,) = dialogue.command(PARENT, "forget")
    now = dialogue.clock()
    dialogue.clock = lambda: now + timedelta(minutes=11)
    (reply,) = dialogue.choose(PARENT, pick([confirm], "forget:yes"))
    assert "expired" in reply.text and store.get_role(PARENT.user_id) == "parent"
    assert "expired" in dialogue.choose(PARENT, "forget:yes")[0].text  # no token at all
    assert store.get_role(PARENT.user_id) == "parent"


def test_console_chat_runs_a_conversation_with_numbered_options(dialogue: Dialogue) -> None:
    out = io.StringIO()
    lines = iter(["2", "can a parent add me on facebook", "/topics", "1", "/quit"])
    ConsoleChat(dialogue, UserContext("console:local"), out=out).run(lambda _prompt: next(lines))
    text = out.getvalue()
    assert "[1] Parent / carer" in text
    assert "Use of social media sites by employees in a personal capacity" in text
    assert "Bye!" in text
