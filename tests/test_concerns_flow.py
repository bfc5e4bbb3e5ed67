"""The concern flow through a real SQLite file: steps, buttons, idempotent Send, timeouts, limits."""

from __future__ import annotations

from pathlib import Path

import pytest
from concerns_support import PARENT, START, Clock, make_config, messages_for

from bot.concerns.flow import MAX_CONCERN_CHARS, ConcernFlow
from bot.config import Config
from bot.core.replies import Reply, UserContext
from bot.knowledge.render import Renderer
from bot.store.sqlite import SqliteStore


@pytest.fixture
def config(tmp_path: Path) -> Config:
    return make_config(
        tmp_path, chat_ids=[-100123], email_to=["office@school.example"], dsl_email_to=["dsl@school.example"]
    )


@pytest.fixture
def messages(config: Config) -> messages_for:
    return messages_for(config)


@pytest.fixture
def store(config: Config) -> SqliteStore:
    s = SqliteStore(config.store_path())
    yield s
    s.close()


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def flow(store: SqliteStore, config: Config, messages: Renderer, clock: Clock) -> ConcernFlow:
    return ConcernFlow(store, config, messages, clock=clock)


def payloads(replies: list[Reply]) -> list[str]:
    """The last reply's choices, without their menu tokens (`c:done:3fa9c1` → `c:done`)."""
    return [":".join(o.payload.split(":")[:2]) for o in replies[-1].options]


def tap(flow: ConcernFlow, choice: str, user: UserContext = PARENT) -> list[Reply]:
    """Tap `choice` on the menu the person has now (the payload carries the current menu token)."""
    state = flow.store.get_state(user.user_id) or {}
    return flow.choose(user, f"c:{choice}:{state.get('menu', '')}")


def fill_in(flow: ConcernFlow, user: UserContext = PARENT, *texts: str) -> list[Reply]:
    """Write a concern, give class, name and contact; returns the summary."""
    flow.start(user)
    for text in texts or ("The class WhatsApp group is sharing photos of children.",):
        flow.handle_text(user, text)
    tap(flow, "done", user)
    flow.handle_text(user, "Oak class")
    flow.handle_text(user, "Sam Parent")
    return flow.handle_text(user, "07700 900123")


def test_forward_request_becomes_a_stored_concern_with_a_reference(
    flow: ConcernFlow, store: SqliteStore, config: Config
) -> None:
    started = flow.start(PARENT, initial_text="I want to complain about the photos on Facebook")
    more = flow.handle_text(PARENT, "They show my daughter without permission.")
    asked_class = tap(flow, "done")
    asked_name = flow.handle_text(PARENT, "Oak class")
    asked_contact = flow.handle_text(PARENT, "Sam Parent")
    summary = flow.handle_text(PARENT, "07700 900123")
    sent = tap(flow, "send")

    assert [payloads(r) for r in (started, more, asked_class, asked_name, asked_contact, summary)] == [
        ["c:done", "c:cancel"],
        ["c:done", "c:cancel"],
        ["c:skip", "c:cancel"],
        ["c:skip", "c:anon", "c:cancel"],
        ["c:skip", "c:cancel"],
        ["c:send", "c:edit", "c:cancel"],
    ]
    assert {r.action for r in (*started, *summary, *sent)} == {"concern"}
    assert "Oak class" in summary[0].text and "Sam Parent" in summary[0].text
    assert sent[0].text.startswith("Sent. Your reference is MM-2026-0001.")
    assert config.concerns.response_time in sent[0].text
    (concern,) = store.list_concerns()
    assert (concern.reference, concern.text, concern.child_class, concern.name, concern.contact) == (
        "MM-2026-0001",
        "I want to complain about the photos on Facebook\n\nThey show my daughter without permission.",
        "Oak class",
        "Sam Parent",
        "07700 900123",
    )
    assert (concern.user_id, concern.chat_id, concern.role, concern.kind, concern.anonymous) == (
        "telegram:1001",
        "1001",
        "parent",
        "concern",
        False,
    )
    assert [d.destination for d in store.deliveries_for(concern.id)] == [
        "office-telegram:-100123",
        "office-email:office@school.example",
    ]
    assert not flow.active(PARENT.user_id)


def test_send_tapped_twice_stores_one_concern(flow: ConcernFlow, store: SqliteStore) -> None:
    fill_in(flow)
    first = tap(flow, "send")
    second = tap(flow, "send")
    assert len(store.list_concerns()) == 1
    assert "MM-2026-0001" in first[0].text and "already been sent" in second[0].text
    assert "MM-2026-0001" in second[0].text


def test_send_repeated_after_a_crash_before_the_state_was_cleared_stores_one_concern(
    flow: ConcernFlow, store: SqliteStore
) -> None:
    fill_in(flow)
    pending = store.get_state(PARENT.user_id)
    tap(flow, "send")
    store.set_state(PARENT.user_id, pending)  # as if the process died between storing and clearing
    again = tap(flow, "send")
    assert len(store.list_concerns()) == 1 and "MM-2026-0001" in again[0].text


def test_half_written_concern_survives_a_restart(config: Config, messages: Renderer, clock: Clock) -> None:
    before = SqliteStore(config.store_path())
    ConcernFlow(before, config, messages, clock=clock).start(PARENT, initial_text="The gate was left open")
    before.close()
    after = SqliteStore(config.store_path())
    flow = ConcernFlow(after, config, messages, clock=clock)
    assert flow.active(PARENT.user_id)
    flow.handle_text(PARENT, "twice this week.")
    tap(flow, "done")
    tap(flow, "skip")
    tap(flow, "anon")
    tap(flow, "send")
    (concern,) = after.list_concerns()
    after.close()
    assert (concern.text, concern.anonymous, concern.name) == (
        "The gate was left open\n\ntwice this week.",
        True,
        "",
    )


def test_idle_concern_expires_with_a_message_and_is_not_sent(
    flow: ConcernFlow, store: SqliteStore, clock: Clock
) -> None:
    flow.start(PARENT, initial_text="Half a thought")
    other = UserContext("telegram:2002", channel="telegram", chat_id="2002")
    clock.advance(minutes=20)
    flow.start(other)
    store.set_state("telegram:3003", {"flow": "safeguarding"}, now=START)  # someone else's flow: left alone
    expired = flow.expire_idle(clock.advance(minutes=11))
    assert [(u.user_id, u.chat_id, r.action) for u, r in expired] == [("telegram:1001", "1001", "concern")]
    assert "30 minutes" in expired[0][1].text and "nothing was sent" in expired[0][1].text
    assert not flow.active(PARENT.user_id) and flow.active(other.user_id)
    assert store.get_state("telegram:3003") == {"flow": "safeguarding"}
    assert store.list_concerns() == []


def test_idle_concern_expires_lazily_on_the_next_message(flow: ConcernFlow, clock: Clock) -> None:
    flow.start(PARENT, initial_text="Half a thought")
    clock.advance(minutes=31)
    assert flow.active(PARENT.user_id)
    replies = flow.handle_text(PARENT, "the rest of it")
    assert "nothing was sent" in replies[0].text and not flow.active(PARENT.user_id)


def test_twenty_thousand_characters_across_messages_are_kept_and_the_rest_noted(
    flow: ConcernFlow, store: SqliteStore
) -> None:
    chunks = [str(n) * 4500 for n in range(1, 6)]  # 22,500 characters plus separators
    flow.start(PARENT)
    replies = [flow.handle_text(PARENT, chunk)[0] for chunk in chunks]
    late = flow.handle_text(PARENT, "one more thing")
    tap(flow, "done")
    for _ in range(3):
        tap(flow, "skip")
    summary = tap(flow, "send")
    (concern,) = store.list_concerns()
    assert len(concern.text) == MAX_CONCERN_CHARS
    assert concern.text.startswith("\n\n".join(chunks[:4]))
    assert ["limit" in r.text or "20,000" in r.text for r in replies] == [False] * 4 + [True]
    assert "20,000" in late[0].text and "Sent." in summary[0].text


def test_summary_of_a_long_concern_shows_a_preview(flow: ConcernFlow) -> None:
    summary = fill_in(flow, PARENT, "x" * 5000)
    assert "(and 4,400 more characters)" in summary[0].text and len(summary[0].html) < 4096


def test_html_and_template_text_are_stored_verbatim_and_escaped_in_html(
    flow: ConcernFlow, store: SqliteStore
) -> None:
    text = '<b>bold</b> <script>x()</script> {{ 7*7 }} {% raw %} 😀 & "quotes"'
    summary = fill_in(flow, PARENT, text)
    tap(flow, "send")
    assert store.list_concerns()[0].text == text
    assert "&lt;script&gt;" in summary[0].html and "<script>" not in summary[0].html
    assert text in summary[0].text and "49" not in summary[0].text


def test_anonymous_concern_skips_name_and_contact(flow: ConcernFlow, store: SqliteStore) -> None:
    flow.start(PARENT, initial_text="Bullying in the playground")
    tap(flow, "done")
    flow.handle_text(PARENT, "Year 3")
    summary = tap(flow, "anon")
    tap(flow, "send")
    (concern,) = store.list_concerns()
    assert "anonymous" in summary[0].text
    assert (concern.anonymous, concern.name, concern.contact, concern.child_class) == (True, "", "", "Year 3")


def test_edit_offers_each_part_and_cancel_sends_nothing(flow: ConcernFlow, store: SqliteStore) -> None:
    fill_in(flow, PARENT, "first version")
    edited = tap(flow, "edit")
    assert payloads(edited) == [
        "c:change_text",
        "c:change_class",
        "c:change_name",
        "c:change_contact",
        "c:back",
    ]
    rewrite = tap(flow, "change_text")
    assert payloads(rewrite) == ["c:done", "c:cancel"] and "replace" in rewrite[0].text
    flow.handle_text(PARENT, "second version")
    summary = tap(flow, "done")
    assert "second version" in summary[0].text and "first version" not in summary[0].text
    assert "Oak class" in summary[0].text and "Sam Parent" in summary[0].text
    cancelled = tap(flow, "cancel")
    assert "cancelled" in cancelled[0].text and store.list_concerns() == []
    assert not flow.active(PARENT.user_id)


def test_a_concern_begun_before_menu_tokens_treats_its_old_buttons_as_stale(
    flow: ConcernFlow, store: SqliteStore
) -> None:
    fill_in(flow)
    state = store.get_state(PARENT.user_id)
    assert state is not None
    del state["menu"]  # as saved by an older PolicyBot, whose buttons had no token
    store.set_state(PARENT.user_id, state, now=START)
    replies = flow.choose(PARENT, "c:send")
    assert store.list_concerns() == [] and "earlier step" in replies[0].text
    assert payloads(replies) == ["c:send", "c:edit", "c:cancel"]
    tap(flow, "send")
    assert len(store.list_concerns()) == 1


def test_done_with_nothing_written_asks_for_the_concern(flow: ConcernFlow) -> None:
    flow.start(PARENT)
    replies = tap(flow, "done")
    assert "nothing to send" in replies[0].text and payloads(replies) == ["c:done", "c:cancel"]


def test_buttons_from_old_messages_do_not_send(flow: ConcernFlow, store: SqliteStore) -> None:
    flow.start(PARENT, initial_text="Something")
    replies = tap(flow, "send")
    assert store.list_concerns() == [] and payloads(replies) == ["c:done", "c:cancel"]
    assert "no concern waiting" in tap(flow, "done", UserContext("telegram:9"))[0].text


def test_safeguarding_alert_is_urgent_and_goes_to_the_dsl(flow: ConcernFlow, store: SqliteStore) -> None:
    named = UserContext("telegram:5", role="parent", channel="telegram", chat_id="5", display_name="Pat")
    reference = flow.raise_alert(
        named, "A child said they are scared to go home", route="dsl", share_identity=True
    )
    concern = store.get_concern(reference)
    assert concern is not None
    assert (concern.kind, concern.priority, concern.name, concern.anonymous, concern.route) == (
        "safeguarding",
        "high",
        "Pat",
        False,
        "dsl",
    )
    assert [d.destination for d in store.deliveries_for(concern.id)] == ["dsl-email:dsl@school.example"]


def test_every_concern_and_privacy_message_renders(messages: Renderer) -> None:
    concern = {
        "reference": "MM-2026-0001",
        "kind": "safeguarding",
        "urgent": True,
        "route": "headteacher",
        "role": "parent",
        "text": "t",
        "child_class": "Oak",
        "name": "",
        "contact": "x",
        "anonymous": True,
        "channel": "telegram",
        "created": "02 Mar 2026 09:00 GMT",
        "redacted": True,
    }
    context = {
        "role": "pupil",
        "text": "t",
        "chars": 1,
        "limit": 20000,
        "channel": "telegram",
        "preview": "p",
        "more_chars": 0,
        "child_class": "",
        "sender_name": "",
        "contact": "",
        "anonymous": False,
        "reference": "MM-2026-0001",
        "minutes": 30,
        "concern": concern,
        "part": 2,
        "reply_text": "r",
        "from_whom": "o",
        "what": "reply",
        "destination": "user-telegram:1001",
        "error": "Forbidden: bot was blocked by the user",
        "erased": {"role": 1, "conversation": 0, "concerns": 2, "office_replies": 1, "safeguarding_kept": 1},
        "step": "text",
        "title": "Photos",
    }
    names = [
        n for n, src in messages.message_sources.items() if src.endswith(("concerns.yaml", "privacy.yaml"))
    ]
    rendered = {name: messages.render(name, **context) for name in names}
    assert all(text.strip() for text, _ in rendered.values())
    assert rendered["forget_done"][0].startswith(
        "Done. I've erased your role, 2 concerns, 1 reply from the office.\n"
        "I have kept 1 urgent safeguarding alert"
    )
    assert messages.render("forget_done", erased={})[0].endswith("I wasn't keeping anything about you.")
